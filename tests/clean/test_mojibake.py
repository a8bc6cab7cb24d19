"""Repair of GBK text read one byte out of step (``?!缎袆?dòng)`` → ``。《行動(dòng)``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.clean.mojibake import LOST, repair_mojibake
from digest.model import StageWarning

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
def repaired_000(seed_000) -> tuple[str, list[StageWarning]]:
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
    assert [str(w) for w in warnings] == [
        "mojibake repaired near '產業生態完善。《行動'",
        "mojibake repaired near '化發展的格局。”北京市政協'",
        "mojibake repaired near '協同發展生態。”甘迎新表示'",
    ]
    assert warnings[0] == StageWarning("mojibake", "產業生態完善。《行動", lost=0)
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
    assert len(warnings) == 1 and warnings[0].place.startswith(f"{left[-6:]}。")
    assert warnings[0].lost == 0 and not warnings[0].needs_check


def test_a_character_known_by_one_byte_is_read_from_its_neighbours():
    # 授 lost its second byte; of the characters with its first byte, 教授
    # before a name reads best
    damaged = "服务水平不断提高" + damage("。”北京大学教授") + "王明认为。"
    text, warnings = repair_mojibake(damaged)
    assert text == "服务水平不断提高。”北京大学教授王明认为。"
    assert [w.lost for w in warnings] == [0]


def test_a_character_the_neighbours_cannot_pick_is_marked():
    # 明 lost its second byte at the end of the text: any of a hundred
    # characters could close the name, so it is not guessed
    damaged = decoder_damage("比赛在北京举行。\ue40c作者：王小明")
    text, warnings = repair_mojibake(damaged)
    assert text == "比赛在北京举行。\n作者：王小□"
    assert [(w.place, w.lost) for w in warnings] == [("在北京举行。 作者：王小□", 1)]
    assert str(warnings[0]) == "mojibake repaired near '在北京举行。 作者：王小□' (1 character lost, marked □)"


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
    "谁?我?不是我",
    "A股?B股?都跌了",
    "GDP?CPI?都涨了",
    "是谁?王明?对",
    "你好吗?对?我很好",
    "??",
    "?",
])
def test_ordinary_question_marks_stay(text):
    assert repair_mojibake(text) == (text, [])


_TEXT = st.text(alphabet=st.sampled_from(list("的是在了发展经济北京市政协委员表示。，“”《》?!AIfx(dòng) ")),
                max_size=30)


@settings(max_examples=60)
@given(_TEXT)
def test_repair_is_idempotent(text):
    once, _ = repair_mojibake(text)
    assert repair_mojibake(once)[0] == once


@settings(max_examples=60)
@given(st.text(alphabet=st.sampled_from(list("的是在了发展经济北京市政协委员表示。，“”《》、AI5G ")),
               max_size=40))
def test_clean_text_without_question_marks_is_unchanged(text):
    assert repair_mojibake(text) == (text, [])


def decoder_damage(text: str) -> str:
    """Damage text the way the SogouCA pages show it.

    A GBK decoder that cannot map a pair writes ``?`` and skips one byte, then
    reads on in pairs; the page's private-use paragraph mark (U+E40C, GBK
    ``FD A3``) is such a pair, so its second byte starts a reading one byte out
    of step, until the next unmapped pair brings it back (``。``+mark+``据悉，``
    → ``。?＞菹ぃ?``).
    """
    data = text.encode("gb18030")
    out, i = [], 0
    while i < len(data):
        if data[i] < 0x80:
            out.append(chr(data[i]))
            i += 1
            continue
        try:
            out.append(data[i:i + 2].decode("gbk"))
            i += 2
        except UnicodeDecodeError:
            out.append("?")
            i += 1
    return "".join(out)


@pytest.mark.parametrize("page", [
    "会议于昨日结束。\ue40c据了解，今年以来全市共新建学校１２所。\ue40c２０１２年３月以来，教育局先后出台多项措施。",
    "记者从市公安局获悉。\ue40c目前，３名嫌疑人已被刑事拘留，案件正在审理中。",
    "这是重要的一步。\ue40c对此，专家表示，政策效果还需观察。",
])
def test_lost_paragraph_marks_become_breaks_and_the_text_after_them_is_read_back(page):
    damaged = decoder_damage(page)
    assert "?" in damaged
    text, warnings = repair_mojibake(damaged)
    assert text == page.replace("\ue40c", "\n")
    assert len(warnings) == page.count("\ue40c") and not any(w.needs_check for w in warnings)


def test_fullwidth_digits_are_read_back_like_han():
    page = "记者从市政府获悉。\ue40c２０１１年１１月份以来，全市新增就业岗位。"
    text, _ = repair_mojibake(decoder_damage(page))
    assert "２０１１年１１月份以来，" in text
    assert LOST not in text and "。。" not in text


def test_a_paragraph_mark_inside_a_shifted_run_is_a_break():
    # the reading out of step runs past a second mark before it falls back into step
    page = "会议于昨日结束。\ue40c时间：昨日上午\ue40c地点：市政府会议室，共有三十人参加。"
    damaged = decoder_damage(page)
    text, _ = repair_mojibake(damaged)
    assert text == page.replace("\ue40c", "\n")


def readable_share(text: str) -> float:
    """Share of the visible characters a reader can read (not ``?``, ``□`` or U+FFFD)."""
    visible = [c for c in text if not c.isspace()]
    return sum(c not in "?□\ufffd" for c in visible) / len(visible) if visible else 1.0


_SENTENCES = [
    "今年以来全市共新建学校１２所。", "专家表示，政策效果还需观察。", "“我们会继续努力。”他说。",
    "２０１２年３月以来，教育局出台多项措施。", "据了解，该项目总投资５亿元。", "《人民日报》发表评论文章。",
    "這是香港特區政府的決定。", "记者　王小明　发自成都", "AI和5G如何改变生活?", "你同意吗?",
]


@settings(max_examples=150)
@given(st.lists(st.sampled_from(_SENTENCES), min_size=1, max_size=4), st.integers(0, 200),
       st.integers(1, 14), st.sampled_from(["shift", "decoder", "none"]))
def test_repair_never_lowers_the_share_of_readable_characters(sentences, start, length, style):
    text = "".join(sentences)
    start %= len(text)
    window = text[start:start + length]
    try:
        hurt = {"shift": damage, "decoder": lambda w: decoder_damage("\ue40c" + w), "none": str}[style](window)
    except UnicodeEncodeError:
        return
    damaged = text[:start] + hurt + text[start + length:]
    repaired, warnings = repair_mojibake(damaged)
    assert readable_share(repaired) >= readable_share(damaged)
    assert repaired.count("。。") <= damaged.count("。。")
    assert sum(w.lost for w in warnings) == repaired.count(LOST) - damaged.count(LOST)


def test_a_name_the_page_quotes_elsewhere_settles_a_one_byte_character():
    # ＊ lost its second byte; ＊＋，－．／ｘｙｚ all share its first, and only
    # the page's own "＊ＳＴ蓝天" tells them apart
    tail = decoder_damage("股票继续交易。\ue40c＊ＳＴ蓝天购买资产。")
    assert tail.endswith("?＃?ＳＴ蓝天购买资产。")
    text, warnings = repair_mojibake("＊ＳＴ蓝天今日发布公告称，" + tail)
    assert text.endswith("股票继续交易。\n＊ＳＴ蓝天购买资产。")
    text, warnings = repair_mojibake(tail)
    assert text == "股票继续交易。\n□ＳＴ蓝天购买资产。" and warnings[0].lost == 1


def test_a_heading_before_a_lost_paragraph_mark_is_kept_apart_on_a_damaged_page():
    # most runs of the page follow a sentence end, so the one after the
    # heading (no sentence end) starts with a lost paragraph mark too
    page = ("会议于昨日结束。\ue40c据了解，今年以来全市共新建学校１２所。\ue40c目前，"
            "各项工作进展顺利。\ue40c主要措施\ue40c２０１２年３月以来，教育局先后出台多项措施。")
    damaged = decoder_damage(page)
    assert "措施?＃玻埃保材辏" in damaged  # the heading's own run ended before it
    text, _ = repair_mojibake(damaged)
    assert text == page.replace("\ue40c", "\n")


def test_past_the_search_budget_the_damage_is_left_and_said(monkeypatch):
    """A page of nothing but shifted runs took minutes; past MAX_RUNS_SEARCHED runs the rest
    is left as it is, with one warning that needs checking and says where."""
    from digest.clean import mojibake

    parts = [("会议强调要深化改革", "。《关于深化改革的决定》提出", "新的目标。"),
             ("市场保持稳定", "。”国家统计局发言人", "表示。"),
             ("取得积极成效", "。《人民日报》评论", "指出。")]
    page = "".join(left + damage(window) + right for left, window, right in parts)
    monkeypatch.setattr(mojibake, "MAX_RUNS_SEARCHED", 2)
    text, warnings = repair_mojibake(page)
    first_two = "".join(left + window + right for left, window, right in parts[:2])
    assert text == first_two + parts[2][0] + damage(parts[2][1]) + parts[2][2]
    assert [w.repaired for w in warnings] == [True, True, False]
    left_alone = warnings[-1]
    assert left_alone.needs_check and damage(parts[2][1]).startswith(left_alone.place[:3])
    assert str(left_alone).startswith("mojibake left as it is from ")
    assert StageWarning.from_json(left_alone.to_json()) == left_alone
