"""Decoding seed bytes: BOMs, UTF-8, GBK/GB18030, Big5, UTF-16 without BOM, and refusals."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from digest.clean.mojibake import repair_mojibake
from digest.clean.pinyin import strip_pinyin_annotations
from digest.ingest.decode import decode_bytes
from digest.model import SeedError

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED_000 = (SEEDS / "000_f5b23160764b9db6.txt").read_text(encoding="utf-8")
SEED_003 = (SEEDS / "003_2eec7245c6bb0a7a.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("codec, expected", [
    ("utf-8", "utf-8"),
    ("utf-8-sig", "utf-8-sig"),
    ("gbk", "gb18030"),
    ("gb18030", "gb18030"),
    ("utf-16", "utf-16"),  # with BOM
    ("utf-16-le", "utf-16-le"),  # without BOM
    ("utf-16-be", "utf-16-be"),
    ("utf-32", "utf-32"),
])
@pytest.mark.parametrize("seed", [SEED_000, SEED_003], ids=["000", "003"])
def test_the_same_seed_in_any_encoding(seed, codec, expected):
    assert decode_bytes(seed.encode(codec), "seed.txt") == (seed, expected)


def test_utf16_boms_of_both_orders():
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        assert decode_bytes(bom + SEED_003.encode(codec), "seed.txt")[0] == SEED_003


def test_big5():
    # seed 000 as a Taiwan desk would have it: Traditional, no pinyin, no mojibake
    text = strip_pinyin_annotations(repair_mojibake(SEED_000)[0])
    data = text.encode("big5")
    assert decode_bytes(data, "seed.txt") == (text, "big5")
    assert decode_bytes(text[:300].encode("big5"), "seed.txt")[1] == "big5"


def test_short_chinese_in_utf16_without_nul_bytes():
    assert decode_bytes("人工智能".encode("utf-16-le"), "x.txt") == ("人工智能", "utf-16-le")


def test_newlines_bom_and_composition_are_normalised():
    data = "\ufeff第一行\r\n第二行\r第三行 cafe\u0301\n".encode("utf-8")
    assert decode_bytes(data, "x.txt") == ("第一行\n第二行\n第三行 café\n", "utf-8-sig")


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", codecs.BOM_UTF8, codecs.BOM_UTF16_LE + " \n".encode("utf-16-le")])
def test_empty_seed(data):
    with pytest.raises(SeedError) as err:
        decode_bytes(data, "blank.txt")
    assert str(err.value) == "blank.txt: is empty"
    assert err.value.source_file == "blank.txt"


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
    bytes(range(256)) * 8,
    b"\x7fELF\x02\x01\x01" + b"\x00" * 40,
    "正文".encode("utf-8") + b"\x01\x02\x03\x04\x05\x06" * 20,
])
def test_binary_seed(data):
    with pytest.raises(SeedError) as err:
        decode_bytes(data, "photo.txt")
    assert str(err.value) == "photo.txt: looks like binary data, not text"


def test_undecodable_seed():
    with pytest.raises(SeedError) as err:
        decode_bytes("北京".encode("gbk") + b"\xff\xff\x81", "odd.txt")
    assert str(err.value) == "odd.txt: cannot be decoded as UTF-8, GB18030, Big5 or UTF-16"


def _with_stray_nuls(text: str, count: int) -> bytes:
    """``text`` in UTF-8 with ``count`` NUL bytes after as many line ends."""
    lines = text.encode("utf-8").split(b"\n")
    for i in range(1, count + 1):
        lines[i * len(lines) // (count + 2)] += b"\x00"
    return b"\n".join(lines)


@pytest.mark.parametrize("count", [1, 3, 12])
def test_text_with_a_few_stray_nuls_is_read_and_the_nuls_dropped(count):
    from digest.pipeline import convert_bytes

    data = _with_stray_nuls(SEED_000, count)
    text, encoding = decode_bytes(data, "nul.txt")
    assert encoding == "utf-8" and text.replace("\x00", "") == SEED_000.replace("\r\n", "\n")
    articles = convert_bytes(data, "nul.txt")
    assert articles and not any("\x00" in p for a in articles for p in a.paragraphs)


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be"])
def test_utf32_without_a_bom_is_read(codec):
    text, encoding = decode_bytes(SEED_000.encode(codec), "wide.txt")
    assert (text, encoding) == (SEED_000.replace("\r\n", "\n"), codec)


@pytest.mark.parametrize("data, name", [
    (SEED_000.encode("utf-16-le") + b"\x00", "UTF-16"),  # no BOM, an odd number of bytes
    (codecs.BOM_UTF16_LE + SEED_000.encode("utf-16-le")[:-1], "UTF-16"),  # cut mid-character
    (SEED_000.encode("utf-16-be")[:-2] + b"\xdc\x00", "UTF-16"),  # a lone low surrogate
    (SEED_000.encode("utf-32-le")[:-1], "UTF-32"),
    (codecs.BOM_UTF32_BE + SEED_000.encode("utf-32-be")[:-4] + b"\x00\x11\x00\x00", "UTF-32"),
])
def test_damaged_utf16_or_utf32_is_named_as_such(data, name):
    with pytest.raises(SeedError) as err:
        decode_bytes(data, "cut.txt")
    assert str(err.value) == f"cut.txt: looks like {name} text but is cut short or damaged; re-save it as UTF-8"


@pytest.mark.parametrize("cut", [1, 2])
def test_utf8_cut_mid_character_is_read_with_the_loss_marked(cut):
    data = SEED_000.rstrip().encode("utf-8") + "京".encode("utf-8")[:cut]
    text, encoding = decode_bytes(data, "cut.txt")
    assert encoding == "utf-8"
    assert text == SEED_000.rstrip().replace("\r\n", "\n") + "\ufffd"


@pytest.mark.parametrize("data, reason", [
    (codecs.BOM_UTF8 + "新闻".encode() + b"\xff\xfe abc",
     "starts with a UTF-8 byte-order mark but is not valid UTF-8 (byte 9); re-save it as UTF-8"),
    (codecs.BOM_UTF16_LE + bytes(range(128, 256)) * 20,
     "starts with a UTF-16 byte-order mark but is not valid UTF-16 (byte 90); re-save it as UTF-8"),
])
def test_a_bom_followed_by_bytes_its_encoding_forbids_says_where_and_what_to_do(data, reason):
    with pytest.raises(SeedError) as err:
        decode_bytes(data, "x.txt")
    assert err.value.reason == reason
