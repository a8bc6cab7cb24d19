"""Every cleaner is idempotent: cleaning clean text changes nothing.

The pipeline may meet text that an earlier run (or an editor) already
cleaned, and :mod:`digest.publish.sync` regenerates pages from their seeds
at every build: a cleaner that kept changing its own output would make the
generated pages drift. One property, checked on every cleaner with one text
generator that mixes the damage each of them repairs.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.clean.controls import strip_control_characters
from digest.clean.dedupe import drop_duplicate_paragraphs
from digest.clean.furniture import strip_inline_furniture
from digest.clean.junk import drop_junk_lines
from digest.clean.mojibake import repair_mojibake
from digest.clean.pinyin import strip_pinyin_annotations
from digest.clean.punctuation import normalize_punctuation
from digest.clean.reflow import reflow
from digest.clean.simplify import to_simplified

#: Pieces of text that trigger the cleaners: Traditional characters and pinyin,
#: half-width marks, junk and furniture words, repeated sentences, short lines.
_PIECES = st.sampled_from([
    "北京", "发展", "人工智能", "产业", "企", "业", "的", "政協", "委員", "熱議", "隨著", "顯著", "(xié)", "(chǎn)",
    "(AI)", "(完)", ",", "?", "!", ":", ";", "(", ")", "（", "）", ".", "...", "…", '"', "'", "“", "”", "《", "》",
    "，", "。", "、", " ", "\u3000", "AI", "model", "3", "000", "2026年01月23日", " 09:47:54", "责任编辑", "编辑",
    "版权所有", "ICP备", "分享到", "分享", "facebook", "打印", "关闭", "［详细］", "图／某社提供", "精选", "推荐阅读",
    "- ", "·", "|", "【", "】", "第", "页", "消费市场的热浪，离不开各地的积极响应。", "行业分析", "\x07", "\u200b",
])
_TEXT = st.lists(_PIECES, max_size=24).map("".join)
_LINES = st.lists(_TEXT, max_size=10)


def _mojibake(text: str) -> str:
    return repair_mojibake(text)[0]


TEXT_CLEANERS = [strip_control_characters, _mojibake, strip_pinyin_annotations, to_simplified,
                 normalize_punctuation, strip_inline_furniture]
LINE_CLEANERS = [drop_junk_lines, reflow, drop_duplicate_paragraphs]


@pytest.mark.parametrize("clean", TEXT_CLEANERS, ids=lambda f: f.__name__)
@settings(max_examples=200)
@given(text=_TEXT)
def test_text_cleaner_is_idempotent(clean, text):
    once = clean(text)
    assert clean(once) == once


@pytest.mark.parametrize("clean", LINE_CLEANERS, ids=lambda f: f.__name__)
@settings(max_examples=200)
@given(lines=_LINES)
def test_line_cleaner_is_idempotent(clean, lines):
    once = clean(lines)
    assert clean(once) == once
