from hypothesis import given
from hypothesis import strategies as st

from digest.clean.controls import strip_control_characters


def test_invisible_characters_are_removed_and_spaces_normalised():
    raw = "政协\x00委员\u200b热议\u202e产业\ufeff未来\t2026\u00a0年\x85"
    assert strip_control_characters(raw) == "政协委员热议产业未来 2026 年"


def test_line_breaks_survive():
    assert strip_control_characters("甲。\n乙。\r\n") == "甲。\n乙。\r\n"


@given(st.text())
def test_idempotent_and_never_adds(text):
    once = strip_control_characters(text)
    assert strip_control_characters(once) == once
    assert len(once) <= len(text)


def test_private_use_paragraph_marks_break_after_a_sentence_and_separate_elsewhere():
    """SogouCA's pages mark paragraphs with U+E40C; a browser shows it as a box."""
    raw = "正式启动。\ue40c该活动自2007年启动以来，已建成图书馆16个。”\ue40c\ue40c产品名称：\ue40c规格：30ml"
    assert strip_control_characters(raw) == "正式启动。\n该活动自2007年启动以来，已建成图书馆16个。”\n产品名称： 规格：30ml"
