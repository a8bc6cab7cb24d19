"""The shared Chinese text facts: the decisions every stage relies on."""

from __future__ import annotations

import pytest

from digest.chardata import DISPATCH, FIGURE, NEWS_LEAD, ends_sentence
from digest.sentences import split_sentences


@pytest.mark.parametrize(("line", "ends"), [
    ("工作已全部完成。", True),
    ("他说：“好！”", True),
    ("文化、医疗、民生……", True),  # … ending a line ends its sentence
    ("（完）", False),
    ("紧跟科技前沿", False),
    ("一是加强协同，", False),
    ("真的吗？ ", True),
])
def test_ends_sentence(line, ends):
    assert ends_sentence(line) is ends


def test_ellipsis_inside_a_paragraph_is_no_sentence_end():
    """The same … decision as ends_sentence: inside a paragraph the sentence goes on."""
    assert split_sentences("文化、医疗、民生……今年都有新进展。") == ["文化、医疗、民生……今年都有新进展。"]


@pytest.mark.parametrize(("text", "has"), [
    ("营收3000亿元", True), ("增长5%", True), ("1.5万人", True), ("第3版", False), ("2025年", False), ("A12", False),
])
def test_figure(text, has):
    assert (FIGURE.search(text) is not None) is has


def test_news_lead_and_dispatch_groups():
    m = NEWS_LEAD.match("某某社江州3月8日电（记者 甲乙丙）正文")
    assert (m["org"], m["place"], m["m"], m["d"], m["kind"], m["credit"]) == ("某某社", "江州", "3", "8", "电", "记者 甲乙丙")
    m = DISPATCH.fullmatch("远东社记者钟立群、葛思远东京3日电")
    assert (m["org"], m["who"], m["place"]) == ("远东社", "钟立群、葛思远", "东京")
