"""Repair of GBK text read one byte out of step (``?!缎袆?dòng)`` → ``。《行動(dòng)``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.clean.mojibake import LOST, repair_mojibake

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def damage(window: str) -> str:
    """Damage a span the way the seeds show it.

    GBK-encode it, lose the first byte, read the rest in pairs: a pair GBK does
    not map is dropped, a pair broken by an ASCII byte or a dangling last byte
    becomes ``?``; the lost byte becomes ``?`` too, and fullwidth forms are
    folded to ASCII (``！`` → ``!``).
    """
    data = window.encode("gbk")[1:]
    out, i = ["?"], 0
    while i < len(data):
        if data[i] < 0x80:
            out.append(chr(data[i]))
            i += 1
            continue
        if i + 1 == len(data):
            out.append("?")
            break
        pair = data[i:i + 2]
        i += 2
        if not (0x40 <= pair[1] <= 0xFE and pair[1] != 0x7F):
            out.append("?")
            continue
        try:
            out.append(pair.decode("gbk"))
        except UnicodeDecodeError:
            continue
    return "".join(chr(ord(c) - 0xFEE0) if "\uff01" <= c <= "\uff5e" else c for c in "".join(out))


def test_damage_helper_reproduces_the_seed():
    assert damage("。《行動") == "?!缎袆?"
    assert damage("。”北京市政協") == "?!北本┦姓f"
    assert damage("。”甘迎新表示") == "?!备视卤硎?"


@pytest.fixture(scope="module")
def seed_000() -> str:
    return (SEEDS / "000_f5b23160764b9db6.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def repaired_000(seed_000) -> tuple[str, list[str]]:
    return repair_mojibake(seed_000)


@pytest.mark.parametrize("damaged, expected", [
    ("產(chǎn)業(yè)生態(tài)完善?!缎袆?dòng)計(jì)劃》提出在海淀",
     "產(chǎn)業(yè)生態(tài)完善。《行動(dòng)計(jì)劃》提出在海淀"),
    ("差異化發(fā)展的格局?!北本┦姓f(xié)經(jīng)濟(jì)委員會(huì)副主任",
     "差異化發(fā)展的格局。”北京市政協(xié)經(jīng)濟(jì)委員會(huì)副主任"),
    ("協(xié)同發(fā)展生態(tài)?!备视卤硎?。",
     "協(xié)同發(fā)展生態(tài)。”甘迎新表示。"),
])
def test_the_three_runs_of_seed_000(repaired_000, seed_000, damaged, expected):
    assert damaged in seed_000
    assert expected in repaired_000[0]
    assert damaged not in repaired_000[0]


def test_seed_000_is_otherwise_untouched(seed_000, repaired_000):
    text, warnings = repaired_000
    assert warnings == [
        "mojibake repaired near '產業生態完善。《行動'",
        "mojibake repaired near '化發展的格局。”北京市政協'",
        "mojibake repaired near '協同發展生態。”甘迎新表示'",
    ]
    assert LOST not in text
    assert "?" not in text.replace("發(fā)展?近期", "")
    # each run is as long as its repair (the first one with its "(" given back)
    assert len(text) == len(seed_000)


def test_the_eaten_paren_of_a_reading_is_given_back():
    text, _ = repair_mojibake("產(chǎn)業(yè)完善?!缎袆?dòng)計(jì)劃》")
    assert text == "產(chǎn)業(yè)完善。《行動(dòng)計(jì)劃》"


@pytest.mark.parametrize("left, window, right", [
    ("会议强调要深化改革", "。《关于深化改革的决定》提出", "新的目标。"),
    ("市场保持稳定", "。”国家统计局发言人", "表示。"),
    ("取得积极成效", "。《人民日报》评论", "指出。"),
    ("环境持续改善", "。”李强总理", "强调。"),
    ("這是重要的一步", "。”香港特區政府", "發言人表示。"),
])
def test_made_up_runs_are_repaired(left, window, right):
    damaged = left + damage(window) + right
    assert damaged != left + window + right
    text, warnings = repair_mojibake(damaged)
    assert text == left + window + right
    assert len(warnings) == 1 and warnings[0].startswith(f"mojibake repaired near '{left[-6:]}。")
    assert LOST not in warnings[0]


def test_a_character_the_bytes_cannot_give_back_is_marked():
    # 授 lost its second byte: 教授, 教师 and 教室 all fit, so it is not guessed
    damaged = "服务水平不断提高" + damage("。”北京大学教授") + "王明认为。"
    text, warnings = repair_mojibake(damaged)
    assert text == "服务水平不断提高。”北京大学教□王明认为。"
    assert warnings == ["mojibake repaired near '水平不断提高。”北京大学教□' (1 character lost, marked □)"]


@pytest.mark.parametrize("text", [
    "在优势互补、协同创新中实现高质量发展?近期,北京市各区两会陆续召开",
    "如何破局?",
    "如何破局?\n破局之道在于创新",
    "Is this English? Yes.",
    "English?",
    "这是真的吗?!他问道",
    "谁来买单?AI企业还是用户?",
    "增长多少?5G基站数量翻番",
    "能否做到?CEO表示有信心",
    "??",
    "?",
])
def test_ordinary_question_marks_stay(text):
    assert repair_mojibake(text) == (text, [])


_TEXT = st.text(alphabet=st.sampled_from(list("的是在了发展经济北京市政协委员表示。，“”《》?!AIfx(dòng) ")),
                max_size=30)


@settings(max_examples=60, deadline=None)
@given(_TEXT)
def test_repair_is_idempotent(text):
    once, _ = repair_mojibake(text)
    assert repair_mojibake(once)[0] == once


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("的是在了发展经济北京市政协委员表示。，“”《》、AI5G ")),
               max_size=40))
def test_clean_text_without_question_marks_is_unchanged(text):
    assert repair_mojibake(text) == (text, [])
