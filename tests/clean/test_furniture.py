"""Web-page furniture inside lines: share bars, "more" links, photo credits, link bars."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.chardata import FULL_STOPS
from digest.clean.furniture import strip_inline_furniture


@pytest.mark.parametrize(("line", "clean"), [
    # a share bar after a caption, with the caption's photo credit
    ("新店开幕首日人潮涌现。图／某某百货提供   分享       facebook           第二段文字。",
     "新店开幕首日人潮涌现。 第二段文字。"),
    ("会后两人握手致意。路透社   分享   twitter   line", "会后两人握手致意。"),
    ("新品上市。售价3999元   分享   facebook", "新品上市。售价3999元"),  # a figure is no credit
    ("（某某科技／提供）   分享       facebook           新款手机下月上市。", "新款手机下月上市。"),
    ("球员庆祝进球。记者王小明／摄影   分享到   微信   微博", "球员庆祝进球。"),
    ("图／某某基金会提供", ""),
    ("志愿者为老人送餐。图/李四   下一段文字。", "志愿者为老人送餐。 下一段文字。"),
    # "more" links in brackets
    ("志愿者走进山区学校…［　详细　］第二期活动下月开始。", "志愿者走进山区学校…第二期活动下月开始。"),
    ("图书捐赠活动启动。[更多消息] 【阅读全文】", "图书捐赠活动启动。"),
    # a bar of links ending the line, and a space entity left by a crawler
    ("股市收盘。   》融资融券排行 &nbsp  》涨跌幅排行》成交量排行", "股市收盘。"),
])
def test_furniture_is_removed(line, clean):
    assert strip_inline_furniture(line) == clean


@pytest.mark.parametrize("line", [
    "分享活动页面即可参加抽奖，转发三次再送优惠券。",  # share words glued to text are text
    "他在微博 发文表示将继续努力。",  # one UI word is not a share bar
    "这张图/表说明了增长的原因。",  # a slash inside a sentence is no credit
    "本次活动由某某公司提供 场地与设备。",
    "详细内容见附件［附件一］。",
    "据报道，图/文：某某 一文引起关注，",
    "文/张三 图/李四",  # a byline: the photographer is an author
    "图/李四",
])
def test_text_is_left_alone(line):
    assert strip_inline_furniture(line) == line


_PIECES = st.sampled_from(["北京", "发展", "。", "，", "分享", "facebook", " ", "   ", "图／", "提供", "［详细］", "》",
                           "排行", "3000亿元", "！"])


@settings(max_examples=300)
@given(st.lists(_PIECES, max_size=20).map("".join))
def test_sentences_are_never_cut(text):
    """Every sentence end of the input survives: only segments without one are removed."""
    out = strip_inline_furniture(text)
    assert sum(out.count(c) for c in FULL_STOPS) == sum(text.count(c) for c in FULL_STOPS)
