"""Titles: which heading reads as a headline, and a title for an article that has none."""

from __future__ import annotations

import re

from digest.chardata import CLAUSE_MARKS, CLOSERS, FULL_STOPS, HEADING_MAX
from digest.split.lines import is_two_part_headline

#: A title made from the text is at most as long as a heading.
MAX_FALLBACK_TITLE = HEADING_MAX
#: Two-part headlines are at least this long without the space; two-part
#: subheadings (``坚持需求导向 推动产品创新``) are shorter.
MIN_TWO_PART_HEADLINE = 14
#: A one-part heading at least this long (or 80 % of the page's first title,
#: but never under MIN_HEADLINE) is a headline.
MIN_LONG_HEADLINE = 16
MIN_HEADLINE = 10

#: Numbered subheadings never start an article: 一、 （二） 3. 第一，
_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、．.]|第[一二三四五六七八九十]{1,3}[，、：]?)")
_SENTENCE = re.compile(f".+?(?:[{FULL_STOPS}]+[{re.escape(CLOSERS)}]?|$)")
_LEADING_DATE_CLAUSE = re.compile(r"^(?:\d{4}年)?\d{1,2}月\d{1,2}日[^，,。]{0,6}[，,]")
#: Where a long first sentence may be cut: a clause break, or before an opening bracket or quote.
_CUT_POINT = re.compile(r"[，,；;：:、]|(?=[“《（(「‘【])")
#: A cut title keeps at least this much, or the cut is not worth it.
MIN_CUT_TITLE = 8
#: A comma inside a heading: it reads as a sentence.
_SENTENCE_LIKE = re.compile(f"[{CLAUSE_MARKS}]")
#: A subtitle line (副题) opens with a dash: ——记某某. It is never chosen as the title.
_SUBTITLE = re.compile(r"^[—–-]{1,2}")


def is_numbered(text: str) -> bool:
    return _NUMBERED.match(text) is not None


def looks_like_headline(text: str, first_title_len: int = 0) -> bool:
    """A heading with a headline's weight rather than a subheading's.

    Either two halves set apart by a space and 14+ characters without it
    (``“国补”持续发力 3000亿元资金如何点燃消费新热情？``), or long: 16+
    characters, or at least 80 % of the page's first title (never under 10).
    Numbered lines (``一、…``) are subheadings whatever their length, and so
    are lines that read as a sentence: one with a comma (``被罚千万后，球场将何去
    何从？``) or a one-part question or exclamation (``这是否意味着繁荣的终结？``),
    the subheadings web articles set between their sections.
    """
    if is_numbered(text):
        return False
    two_part = is_two_part_headline(text)
    if _SENTENCE_LIKE.search(text) or (not two_part and text.endswith(tuple(FULL_STOPS))):
        return False
    if two_part and len(text) - text.count(" ") >= MIN_TWO_PART_HEADLINE:
        return True
    threshold = MIN_LONG_HEADLINE
    if first_title_len:
        threshold = max(MIN_HEADLINE, min(MIN_LONG_HEADLINE, round(0.8 * first_title_len)))
    return len(text) >= threshold


def looks_like_subheading_pair(texts: list[str]) -> bool:
    """Two or more short one-part lines: one subheading set on several lines.

    ``紧跟科技前沿`` / ``汇聚街区创新合力`` — newspapers break a subheading into
    short lines of similar length; a title is one longer line.
    """
    return len(texts) >= 2 and all(len(t) <= 12 and not is_two_part_headline(t) for t in texts)


def pick_title(texts: list[str]) -> int:
    """Index of the title among an article's heading lines: the longest, not a ——subtitle.

    A kicker above a title (引题) and a subtitle below it (副题) are shorter or
    open with a dash; the main headline is the longest line. But when an
    earlier line is the same headline in a shorter version (its characters
    all in the longer one, in order: a page's title line above the article's
    own ``……背后：…`` headline), the page's first version is the title.
    """
    candidates = [i for i, t in enumerate(texts) if not _SUBTITLE.match(t)] or list(range(len(texts)))
    longest = max(candidates, key=lambda i: (len(texts[i]), -i))
    for i in candidates:
        if i < longest and _is_version_of(texts[i], texts[longest]):
            return i
    return longest


#: A shorter version of a headline keeps at least this share of the longer one.
MIN_VERSION_SHARE = 0.6


def _is_version_of(short: str, long: str) -> bool:
    """Are ``short``'s word characters all in ``long``, in order, and most of it?"""
    chars = [c for c in short if c.isalnum()]
    if len(chars) < MIN_VERSION_SHARE * sum(c.isalnum() for c in long):
        return False
    rest = iter(long)
    return all(c in rest for c in chars)


def title_from_text(paragraph: str) -> str:
    """A title for an article without one: its first sentence, at most 30 characters.

    A leading date clause (``9月25日，``) is dropped, a final 。 too; a longer
    sentence is cut at its last clause break or opening bracket within the
    limit (``今年年初，《…行动计划》（以下简称…`` → ``今年年初，《…行动计划》``),
    or cut hard with an ellipsis. Never empty for a non-empty paragraph.
    """
    text = paragraph.strip()
    m = _SENTENCE.match(text)
    first = m.group(0) if m else text
    first = _LEADING_DATE_CLAUSE.sub("", first, count=1) or first
    first = first.rstrip("。").strip()
    if len(first) <= MAX_FALLBACK_TITLE:
        return first or text[:MAX_FALLBACK_TITLE]
    head = first[: MAX_FALLBACK_TITLE + 1]
    cuts = [c.start() for c in _CUT_POINT.finditer(head) if MIN_CUT_TITLE <= c.start() <= MAX_FALLBACK_TITLE]
    if cuts:
        return _balance_quotes(head[: cuts[-1]])
    return _balance_quotes(head[: MAX_FALLBACK_TITLE - 1]) + "…"


def _balance_quotes(text: str) -> str:
    """Drop an opening quote left unclosed by the cut, when enough text stays before it."""
    for opening, closing in (("（", "）"), ("“", "”"), ("《", "》"), ("‘", "’"), ("「", "」")):
        if text.count(opening) > text.count(closing):
            cut = text.rfind(opening)
            if cut >= MIN_CUT_TITLE:
                text = text[:cut].rstrip("，,；;：:、")
            else:
                text += closing
    return text
