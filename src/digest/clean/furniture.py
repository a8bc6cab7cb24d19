"""Web-page furniture glued into the text of a line (cleaning, before the junk lines go).

Crawled pages flatten the page into one line per block, so the buttons and
credits around a photo end up inside running text, set apart by runs of
spaces where the page had separate elements::

    …只要5折。图／某某提供   分享       facebook           下一段…
    …推进宣传活动…［　详细　］下一篇…

These pieces are taken out of a line, each by its shape only:

* a "more" link in brackets: ``［详细］``, ``[更多消息]``, ``【阅读全文】``;
* a share bar: two or more share/UI words standing apart with spaces
  (``分享 facebook``, ``分享到 微信 微博``); a word glued to text
  (``分享活动页面抽奖``) is running text and stays;
* the photo credit in front of a share bar or at a segment's end:
  ``图／某某提供``, ``（某某／提供）``, ``记者某某／摄影``, or any short segment
  without a sentence mark standing between a sentence end and a share bar
  (``…拥抱。美联社   分享``), which is the caption's credit;
* a bar of ``》``-links ending the line (``》外资持股排行》即时选股``), and
  HTML entities left in the text (``&nbsp``).

Whole furniture lines (link bars, page labels, editor lines) are dropped by
:mod:`digest.clean.junk`. Nothing here touches a segment that holds a sentence
mark or a figure (``售价3000元``), so a sentence or a figure is never lost.
"""

from __future__ import annotations

import re

from digest.chardata import CLOSERS, FIGURE, FULL_STOPS, SENTENCE_END, UI_WORDS, alternation, run_of

#: ``［详细］``, ``[ 更多消息 ]``, ``【阅读全文】``: a link to the rest, in brackets.
_MORE_LINK = re.compile(
    r"[［\[【]\s*(?:详细|详情|全文|阅读全文|查看全文|更多(?:消息|新闻|内容|详情|图片)?|点击查看|原文|(?:高清)?(?:图集|组图))"
    r"\s*[］\]】]"
)
#: A bar of links at a line's end, each item after ``》``/``>>``: ``》外资持股增减排行》即时选股``.
_LINK_BAR_TAIL = re.compile(r"(?<!\S)(?:(?:》|>>|»)\s*[^》»>\s。！？，,]{2,20}\s*){2,8}$")
#: How far from a line's end a link bar is looked for (bounds the search on long lines).
_LINK_BAR_SPAN = 240
#: A space entity left in plain text (``&nbsp``): a crawler's leftover, never content.
_ENTITY = re.compile(r"&(?:nbsp|ensp|emsp|thinsp);?")
_UI_WORD = f"(?:{alternation(UI_WORDS)})"
#: Two or more UI words standing apart: the share bar of a photo or an article.
_SHARE_BAR = re.compile(f"(?:(?<=\\s)|^){_UI_WORD}(?:\\s+{_UI_WORD})+(?=\\s|$)", re.IGNORECASE)
#: A photo or video credit: 图／某某提供, 图/记者某某摄, 摄影／某某, （某某／提供）, 记者某某／摄影.
_PHOTO_CREDIT = re.compile(
    r"(?:[（(]\s*)?(?:(?:图|照片|图片|影像|视频|摄影|资料照|记者)\s*[／/]\s*[^\s／/（）()。，！？]{1,16}"
    r"|(?:记者|图|摄影)?\s*[^\s／/（）()。，！？]{1,12}\s*[／/]\s*(?:提供|摄影|摄|翻摄|授权))"
    r"(?:\s*[）)])?"
)
#: The segment just before a share bar: after a sentence end, short, no sentence mark.
_CAPTION_CREDIT = re.compile(f"(?:(?<=[{SENTENCE_END}{re.escape(CLOSERS)}])|(?<=\\s)|^)[^\\s{FULL_STOPS}，,；;]{{1,20}}\\s*$")
#: What may stand right before a credit segment: a sentence end, a closer, a gap.
_CAPTION_END = SENTENCE_END + CLOSERS
#: The spaces that set a page's elements apart on a flattened line.
_SPACE = " \t\u3000\u00a0"
_BEFORE_SEGMENT = _CAPTION_END + _SPACE
#: A credit that says where a picture came from, not who took it.
_PROVIDED = re.compile(r"提供|授权|翻摄|资料照")
_GAP = re.compile(run_of(_SPACE, 2))
#: The characters without which _MORE_LINK, _SHARE_BAR and _LINK_BAR_TAIL cannot match.
_BRACKET = re.compile(r"[［\[【]")
_WHITESPACE = re.compile(r"\s")
_BAR_MARK = re.compile(r"》|>>|»")


def _drop_share_bars(line: str) -> str:
    """Remove share bars and the credit standing right before each."""
    bars = list(_SHARE_BAR.finditer(line))
    if not bars:
        return line
    out: list[str] = []
    pos = 0
    for m in bars:
        before = line[pos:m.start()]
        credit = _CAPTION_CREDIT.search(before)
        if credit is not None and _is_credit_segment(before, credit.start()) and not FIGURE.search(credit.group()):
            before = before[: credit.start()]
        out.append(before)
        pos = m.end()
    out.append(line[pos:])
    return " ".join(part.strip(_SPACE) for part in out if part.strip())


def _is_credit_segment(before: str, start: int) -> bool:
    """A short segment set apart from the caption (by a sentence end or a gap) reads as its credit."""
    return start == 0 or before[start - 1] in _BEFORE_SEGMENT


def _drop_photo_credits(line: str) -> str:
    """Remove photo credits that stand as their own segment, before a gap or the line end.

    A credit saying where the picture came from (``图／某某提供``, ``…授权``,
    ``…翻摄``) goes after a gap, a sentence end or at the line start; a bare
    ``图/李四`` goes only right after a caption's sentence end: in a byline
    (``文/张三 图/李四``) the photographer is an author, read by the splitter.
    """

    def replace(m: re.Match[str]) -> str:
        start, end = m.start(), m.end()
        after_ok = end == len(line) or line[end] in _SPACE
        after_caption = start > 0 and line[start - 1] in _CAPTION_END
        explicit = _PROVIDED.search(m.group()) is not None
        before_ok = after_caption or (explicit and (start == 0 or line[start - 1] in _BEFORE_SEGMENT))
        return "" if before_ok and after_ok and not FIGURE.search(m.group()) else m.group()

    # Every credit holds a slash; scanning a line without one costs a regex try at each character.
    if "/" not in line and "／" not in line:
        return line
    return _PHOTO_CREDIT.sub(replace, line)


def strip_inline_furniture(text: str) -> str:
    """Take "more" links, share bars and photo credits out of each line of ``text``.

    >>> strip_inline_furniture("等于只要5折。图／某店提供   分享       facebook           下一款优惠。")
    '等于只要5折。 下一款优惠。'
    >>> strip_inline_furniture("宣传活动启动…［　详细　］第二届活动开幕。")
    '宣传活动启动…第二届活动开幕。'
    """
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        # Each piece is looked for only where its telltale character is (cheap tests on running text).
        new = _ENTITY.sub(" ", line) if "&" in line else line
        if _BRACKET.search(new):
            new = _MORE_LINK.sub("", new)
        if _WHITESPACE.search(new):  # a share bar is words apart
            new = _drop_share_bars(new)
        new = _drop_photo_credits(new)
        if (_BAR_MARK.search(new, max(0, len(new) - _LINK_BAR_SPAN))
                and (bar := _LINK_BAR_TAIL.search(new, max(0, len(new) - _LINK_BAR_SPAN))) is not None):
            new = new[: bar.start()]
        if new != line:
            lines[i] = _GAP.sub(" ", new).strip()
    return "\n".join(lines)
