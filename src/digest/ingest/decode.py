"""Turn a seed's bytes into text, or say in an editor's words why they are not text.

Seeds come from many desks: UTF-8 (with or without a BOM), GBK/GB18030 from
mainland systems, Big5 from Taiwan and Hong Kong, UTF-16 from Windows tools.
The order of the checks goes from proof to guess: a byte-order mark is proof,
a strict UTF-8 decode is near proof (random legacy bytes almost never form
valid UTF-8), and only then is the encoding guessed among the Chinese ones.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from digest.chardata import CJK_CHAR, CJK_RANGES, run_of
from digest.model import SeedError

#: Byte-order marks and their codecs; UTF-32 first because its LE mark starts
#: with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: The only encodings a Chinese news seed is expected in.
_GUESSABLE = ["utf_8", "gb18030", "big5", "utf_16", "utf_16_le", "utf_16_be"]
#: charset-normalizer names GB2312/GBK when it sees them; GB18030 is their
#: superset and decodes the same bytes to the same characters.
_GB_FAMILY = {"gb2312", "gbk", "cp936", "gb18030", "hz"}

#: C0 control bytes that never occur in text files (tab, newlines, form feed
#: and escape do).
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_NEWLINES = re.compile(r"\r\n?")
#: Characters a Chinese text is made of: CJK, CJK and general punctuation,
#: fullwidth forms, ASCII, accented Latin (pinyin) and spaces.  A wrong guess
#: decodes to Hangul, Yi, private-use or compatibility characters instead.
_TEXT_RUN = re.compile(run_of(f"{CJK_RANGES}\\s\u3000-\u303f\uff00-\uffef\u2010-\u206f\u00a0-\u024f\u0300-\u036f!-~"))

_SAMPLE = 8192

#: The wide encodings: their codecs in both byte orders, and the bytes per code unit.
_UTF16 = (("utf-16-le", "utf-16-be"), 2)
_UTF32 = (("utf-32-le", "utf-32-be"), 4)
_WIDE = (("UTF-32", *_UTF32), ("UTF-16", *_UTF16))


def _bom_codec(data: bytes) -> str | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    return None


def _looks_binary(data: bytes) -> bool:
    """More than 5% control bytes (NUL included) in the first 8 KB: an image,
    archive or executable. Text with a stray NUL or two stays far below."""
    sample = data[:_SAMPLE]
    return len(_CONTROL_BYTES.findall(sample)) > 0.05 * len(sample)


def _text_share(text: str) -> float:
    return sum(map(len, _TEXT_RUN.findall(text))) / max(1, len(text))  # runs: fewer objects than characters


def _guess_wide(data: bytes, codecs_: tuple[str, ...], unit: int) -> tuple[str, str] | None:
    """Recognise UTF-16 or UTF-32 without a BOM by decoding it in both byte orders.

    Chinese in UTF-16 has no NUL bytes of its own, but its ASCII digits,
    punctuation and newlines put a NUL in every other byte (in UTF-32, two or
    three NULs in every four), which the binary check would otherwise take for
    binary data.  The right byte order gives almost only text characters with a
    real share of CJK; the wrong one gives rare symbols from all over Unicode
    (or, for UTF-32, code points that do not exist).
    """
    if len(data) % unit:
        return None
    codec = _wide_codec(data, codecs_, unit)
    if codec is not None and (text := _decode_strict(data, codec)) is not None:
        return text, codec
    return None


def _wide_codec(data: bytes, codecs_: tuple[str, ...], unit: int) -> str | None:
    """The codec in which the first 8 KB read as Chinese text, whatever the length."""
    sample = data[:_SAMPLE]
    sample = sample[: len(sample) - len(sample) % unit]
    for codec in codecs_:
        text = sample.decode(codec, errors="replace")
        if CJK_CHAR.search(text) and _text_share(text) >= 0.97:
            return codec
    return None


def _damaged_wide(data: bytes, source_file: str) -> SeedError | None:
    """UTF-16 or UTF-32 that is cut short (a length that is not a whole number
    of characters) or has damaged characters: said as such, not as "binary"."""
    for name, codecs_, unit in _WIDE:
        if _wide_codec(data, codecs_, unit) is not None:
            return SeedError(source_file, f"looks like {name} text but is cut short or damaged; "
                                          "re-save it as UTF-8")
    return None


def _bad_after_bom(data: bytes, codec: str, source_file: str) -> SeedError:
    """A byte-order mark followed by bytes its encoding does not allow: said with
    the encoding's usual name and where the first bad byte is, so it can be found."""
    name = codec.removesuffix("-sig").upper()
    try:
        data.decode(codec)
        where = ""
    except UnicodeDecodeError as exc:
        where = f" (byte {exc.start + len(data) - len(exc.object):,})"  # utf-8-sig drops the BOM
    return SeedError(source_file, f"starts with a {name} byte-order mark but is not valid "
                                  f"{name}{where}; re-save it as UTF-8")


def _guess_utf16(data: bytes) -> tuple[str, str] | None:
    return _guess_wide(data, *_UTF16)


def _guess_utf32(data: bytes) -> tuple[str, str] | None:
    return _guess_wide(data, *_UTF32)


def _decode_cut_utf8(data: bytes) -> str | None:
    """UTF-8 whose last character was cut in half (a copy or download stopped
    mid-character): the text is valid up to its last 1-3 bytes. It is read, and
    the lost character marked U+FFFD, rather than refused or misread as GB18030
    for the sake of one character."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.end == len(data) and len(data) - exc.start <= 3 and "end of data" in exc.reason:
            return data[:exc.start].decode("utf-8") + "\ufffd"
    return None


def _decode_strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _guess_chinese(data: bytes) -> tuple[str, str] | None:
    """Let charset-normalizer choose among the Chinese encodings, else try GB18030, Big5."""
    from charset_normalizer import from_bytes

    match = from_bytes(data, cp_isolation=_GUESSABLE).best()
    if match is not None:
        codec = "gb18030" if match.encoding.lower() in _GB_FAMILY else match.encoding
        text = _decode_strict(data, codec)
        if text is not None and _text_share(text) >= 0.9:
            return text, codec.replace("_", "-")
    for codec in ("gb18030", "big5"):
        text = _decode_strict(data, codec)
        if text is not None:
            return text, codec
    return None


def _normalize(text: str) -> str:
    """Drop a BOM left inside, make newlines ``\\n`` and compose accents (NFC)."""
    text = _NEWLINES.sub("\n", text.lstrip("\ufeff"))
    return unicodedata.normalize("NFC", text)


def decode_bytes(data: bytes, source_file: str) -> tuple[str, str]:
    """Decode a seed; return ``(text, encoding)`` or raise :class:`SeedError`.

    ``text`` has ``\\n`` newlines, no BOM, and NFC-composed characters (so a
    pinyin ``é`` is one character whatever the source tool wrote).
    """
    text, encoding = _decode(data, source_file)
    text = _normalize(text)
    if not text.strip():
        raise SeedError(source_file, "is empty")
    return text, encoding


def _decode(data: bytes, source_file: str) -> tuple[str, str]:
    """BOM, then UTF-16/32 if there are NULs, binary if control bytes abound,
    then strict UTF-8, UTF-8 cut short, then a guess."""
    if (codec := _bom_codec(data)) is not None:
        if (text := _decode_strict(data, codec)) is None:
            if (damaged := _damaged_wide(data, source_file)) is not None:
                raise damaged
            raise _bad_after_bom(data, codec, source_file)
        return text, codec
    if b"\x00" in data:
        if (wide := _guess_utf16(data) or _guess_utf32(data)) is not None:
            return wide
        if (damaged := _damaged_wide(data, source_file)) is not None:
            raise damaged
        # A few stray NULs (copy-paste, a broken export) do not make text binary:
        # the share of control bytes decides, as for any other file, and
        # clean.controls removes them later.
    if _looks_binary(data):
        raise SeedError(source_file, "looks like binary data, not text")
    if (text := _decode_strict(data, "utf-8")) is not None:
        return text, "utf-8"
    if (utf16 := _guess_utf16(data)) is not None:  # UTF-16 of CJK only: no NUL at all
        return utf16
    if (text := _decode_cut_utf8(data)) is not None:
        return text, "utf-8"
    if (guess := _guess_chinese(data)) is not None:
        return guess
    raise SeedError(source_file, "cannot be decoded as UTF-8, GB18030, Big5 or UTF-16")
