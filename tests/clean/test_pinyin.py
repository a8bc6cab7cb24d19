"""Removal of pinyin readings glued after characters (``政協(xié)`` → ``政協``)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.clean.pinyin import is_pinyin_annotation, mandarin_syllables, strip_pinyin_annotations, toneless

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("text, expected", [
    ("人工智能“潮”起北京 政協(xié)委員熱議產(chǎn)業(yè)未來", "人工智能“潮”起北京 政協委員熱議產業未來"),
    ("《北京人工智能創(chuàng)新高地建設(shè)行動(dòng)計(jì)劃》(以下簡(jiǎn)稱《行動(dòng)計(jì)劃》)發(fā)布",
     "《北京人工智能創新高地建設行動計劃》(以下簡稱《行動計劃》)發布"),
    ("力爭(zhēng)打造“全球人工智能創(chuàng)新高地”", "力爭打造“全球人工智能創新高地”"),
    ("京公網(wǎng)安備 11010202009201號(hào)", "京公網安備 11010202009201號"),
    ("動(dòng)計(jì)劃(huà)", "動計劃"),
    ("政协(zhèng xié)委员", "政协委员"),
    ("政協（xié）委員", "政協委員"),
    ("他們(men)說", "他們說"),
    ("女(nü)士", "女士"),
    ("產(chǎn)(chǎn)業", "產業"),
])
def test_readings_are_removed(text, expected):
    assert strip_pinyin_annotations(text) == expected


@pytest.mark.parametrize("text", [
    "訴求,反饋行業發展建議。(完)",
    "人工智能(AI)作为新一轮科技革命",
    "中卓信(北京)科技有限公司",
    "本报讯(记者 王薛滔)9月25日",
    "《行动计划》(以下简称《行动计划》)发布",
    "一杯咖啡(café)",
    "首席执行官(CEO)",
    "手机应用(app)",
    "说好(ok)",
    "人工智能(ai)",  # toneless and not a reading of 能
    "面积100平方米(m)",
    "协(zhèng xié)",  # two syllables after one character
    "(xié)開頭",  # nothing before it
    "A(xié)",
])
def test_other_parentheses_stay(text):
    assert strip_pinyin_annotations(text) == text


def test_rule_for_toneless_readings():
    assert is_pinyin_annotation("ma", "嗎")
    assert not is_pinyin_annotation("ma", "人")
    assert is_pinyin_annotation("lv", "綠")  # keyboard spelling of lǜ
    assert is_pinyin_annotation("xié", "任何字")  # a tone mark is enough


def test_syllable_table():
    syllables = mandarin_syllables()
    assert {"xie", "zhuang", "lü", "er", "a"} <= syllables
    assert not {"cafe", "ok", "app", "ceo"} & syllables
    assert toneless("lǜ") == "lü" and toneless("xié") == "xie"


_ALPHABET = list("的是在政協委員產業发展北京(xié)(chǎn)(AI)(完) ，。") + ["(zhèng xié)", "(ma)", "(men)"]
_TEXT = st.lists(st.sampled_from(_ALPHABET), max_size=30).map("".join)


@settings(max_examples=200)
@given(_TEXT)
def test_no_character_is_lost(text):
    assert CJK.findall(strip_pinyin_annotations(text)) == CJK.findall(text)


@settings(max_examples=100)
@given(st.text(alphabet=st.sampled_from(list("的是在了发展经济北京市政协委员表示。，“”《》、AI ")), max_size=40))
def test_text_without_parentheses_is_unchanged(text):
    assert strip_pinyin_annotations(text) == text
