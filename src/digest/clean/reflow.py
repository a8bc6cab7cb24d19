"""Stage 6a: join lines that were hard-broken inside a paragraph.

Seeds break paragraphs at arbitrary places, even inside a word
(``…北京大`` / ``学经济学院教授…``), while headings, bylines, column labels and
titles stand on lines of their own. For every pair of neighbouring lines
:func:`continues` decides, from the strongest signal to the weakest:

1. the next line starts with a mark no line can start with (``，`` ``。`` ``%``),
   with a bracketed note (``人工智能`` | ``（AI）作为…``; an enumeration ``（一）``
   may start a line), or an English sentence goes on in lower case
   (``…a new AI`` | ``model``): join;
2. the paragraph ends a sentence (``。！？…``, maybe plus ``”`` ``）``): break;
3. it ends with a mark that needs more text (``，`` ``、`` ``“`` ``（`` ``：``), or a
   quote or bracket opened near its end is still open (``打造“金融+A`` | ``I”融合``): join;
4. the break cuts a word in two: a dictionary word (:func:`splits_word`), a
   number or Latin token (``3000`` → ``30`` | ``00亿元``), a single character cut
   off by punctuation (``…产业集聚`` | ``区；从…``, ``委员、中`` | ``卓信…``), or
   a particle or preposition is left dangling (``…发展的`` | ``大模型…``): join;
5. the page is hard-wrapped at a fixed width and the line fills it: join;
6. the paragraph or the next line looks like a heading (:func:`looks_like_heading`): break;
7. otherwise the paragraph is running text that lost its line: join.

Blank lines and indentation are not used: the seeds put blank lines inside
paragraphs as well as between them, and indentation would not survive a second
pass (the output is stripped), which would make reflow not idempotent.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from digest.chardata import CJK_RANGES, CLOSERS, HEADING_MAX, SENTENCE_END
from digest.lexicon import cut, is_word, word_log_prob

#: Marks that cannot start a line: a line starting with one was cut off its paragraph.
NON_INITIAL = "，,、。．；;：:！!？?）)》】」』”’…%‰"
#: Marks after which the sentence must go on.
CONTINUATION_END = "，,、；;：:“‘「『（(《【—-～~/"
#: Sentence punctuation: a line holding any is not a heading (headlines use spaces, not commas).
_SENTENCE_INSIDE = re.compile(r"[，,；;。…]|[！？!?]\s*$")
#: ``！``/``？`` inside a line: a headline's clause break only when the headline
#: also sets its parts apart with spaces (``不怕冷！ 冰天雪地照常上课 看板显示这温度``).
_EXCLAMATION_INSIDE = re.compile(r"[！？!?]")
_SPACED_PARTS = re.compile(r"\S\s+\S")

#: Log-probability gain (nats) above which a cut through a word counts as a broken word.
WORD_SPLIT_GAIN = 3.0
#: How many characters on each side of a break are segmented to look for a broken word.
_WINDOW = 4
#: Units and magnitudes that follow a number (a line starting with one after a digit was cut).
NUMBER_UNITS = frozenset("年月日时分秒亿万千百元角个家人名位项次倍岁多余号")
#: Words that cannot end a heading or a sentence: they need what follows.
CANNOT_END = frozenset("的与和及在对为把被从向将于跟")
#: Words that cannot start a heading or a sentence: they attach to what precedes.
CANNOT_START = frozenset("的地得了着过们吗呢吧么")

_SENTENCE_END_TAIL = re.compile(
    f"[{re.escape(SENTENCE_END)}][{re.escape(CLOSERS)}]*(?:\\s*[（(][^（()）]{{0,40}}[)）])*\\s*$"
)
_CJK_TAIL = re.compile(f"[{CJK_RANGES}]{{1,{_WINDOW}}}$")
_CJK_HEAD = re.compile(f"^[{CJK_RANGES}]{{1,{_WINDOW}}}")
_ORPHAN_HEAD = re.compile(f"^[{CJK_RANGES}][，,、；;：:。！!？?]")
_ORPHAN_TAIL = re.compile(f"[，,、；;：:。！!？?“‘（(《][{CJK_RANGES}]$")
_GLUED_ALNUM_TAIL = re.compile(r"(?:^|[^\sA-Za-z0-9])[A-Za-z0-9]+$")
_ALNUM_HEAD = re.compile(r"[A-Za-z0-9]")
_NOTE_HEAD = re.compile(r"[（(](?![一二三四五六七八九十\d]{1,3}[)）])[^（()）]{1,40}[)）]")
_OPENERS = "“‘「『《（(【"
_CLOSER_OF = dict(zip(_OPENERS, "”’」』》）)】"))
_LATIN = re.compile(r"[A-Za-z]")
_LATIN_GOES_ON = re.compile(r"[A-Za-z0-9,;]$")
_LOWER_START = re.compile(r"[a-z]")


def ends_sentence(text: str) -> bool:
    """``。`` ``！`` ``？`` ``…`` at the end, possibly followed by closing quotes or
    brackets, or by bracketed notes: ``…发展机遇。(完)(《中国新闻》报 作者 任德辉 报道)``."""
    return _SENTENCE_END_TAIL.search(text) is not None


def looks_like_heading(line: str) -> bool:
    """Short and without sentence punctuation: a title, subheading, byline or
    column label (``紧跟科技前沿``, ``本报记者 胡静 □ 周露楠``, ``行业分析``).

    Chinese headlines separate their parts with spaces, not commas, so a comma
    or full stop marks running text. A title ending in ？ or ！ never gets here
    as the upper line (it ends a sentence); as the lower line it is more often
    the end of a sentence cut short (``…激活消费的`` | ``“一池春水”？``). A ！ or
    ？ inside counts only in a headline of spaced parts (``偷久了有经验？ 毒瘾男专偷老车``);
    ``太好了！我们`` is a sentence cut short.
    """
    return (len(line) <= HEADING_MAX and _SENTENCE_INSIDE.search(line) is None
            and line[-1] not in CONTINUATION_END
            and (_EXCLAMATION_INSIDE.search(line) is None or _SPACED_PARTS.search(line) is not None))


def _segmentation_log_prob(text: str) -> float:
    return sum(word_log_prob(w) for w in cut(text))


@lru_cache(maxsize=65536)
def _splits_word_window(tail: str, head: str) -> bool:
    joined = cut(tail + head)
    start = 0
    for word in joined:
        end = start + len(word)
        if start < len(tail) < end:
            if not is_word(word):
                return False
            gain = (_segmentation_log_prob(tail + head)
                    - _segmentation_log_prob(tail) - _segmentation_log_prob(head))
            return gain >= WORD_SPLIT_GAIN
        start = end
    return False


def splits_word(before: str, after: str) -> bool:
    """True when the line break cuts a dictionary word: ``北京大`` | ``学经济``.

    The last and first few Chinese characters are segmented together; the break
    is inside a word when a dictionary word spans it *and* that reading is much
    more probable than reading the two sides apart. The probability test keeps
    a heading ending ``…北京`` and a paragraph starting ``大学生…`` apart.
    """
    tail = _CJK_TAIL.search(before)
    head = _CJK_HEAD.match(after)
    return bool(tail and head) and _splits_word_window(tail.group(), head.group())


def leaves_orphan(before: str, after: str) -> bool:
    """One Chinese character is cut off by punctuation on one side of the break:
    ``…的大模型产业集聚`` | ``区；从亦庄…`` or ``海淀区政协委员、中`` | ``卓信科技…``.
    A one-character clause neither starts nor ends a paragraph; it belongs to
    the word across the break.
    """
    return (_ORPHAN_HEAD.match(after) is not None
            or (_ORPHAN_TAIL.search(before) is not None and _CJK_HEAD.match(after) is not None))


def splits_token(before: str, after: str) -> bool:
    """A number, a number and its unit, or a Latin token glued to Chinese is cut:
    ``持续发力 30`` | ``00亿元``, ``9月25`` | ``日，``, ``“金融+A`` | ``I”``. An English
    word after a space (``a new AI`` | ``Model``) is not a cut token."""
    if before[-1].isdigit() and (after[0].isdigit() or after[0] in NUMBER_UNITS):
        return True
    return _ALNUM_HEAD.match(after) is not None and _GLUED_ALNUM_TAIL.search(before) is not None


def has_open_quote(text: str) -> bool:
    """A quote, title mark or bracket opened in ``text`` and not closed:
    ``从“京西`` (then ``智谷”门头沟区…``)."""
    depth: list[str] = []
    for ch in text:
        if ch in _CLOSER_OF:
            depth.append(_CLOSER_OF[ch])
        elif depth and ch == depth[-1]:
            depth.pop()
    return bool(depth)


@lru_cache(maxsize=65536)
def _last_word(tail: str) -> str:
    return cut(tail)[-1]


@lru_cache(maxsize=65536)
def _first_word(head: str) -> str:
    return cut(head)[0]


def dangles(before: str, after: str) -> bool:
    """The break leaves a word that cannot stand there: ``…产业发展的`` | ``大模型…``
    (ends with 的), ``…共享`` | ``了发展成果`` (starts with 了).

    Words, not characters, are compared, so ``了解``, ``地方``, ``过去`` may start a line.
    """
    tail = _CJK_TAIL.search(before)
    head = _CJK_HEAD.match(after)
    return bool(tail and _last_word(tail.group()) in CANNOT_END) or bool(
        head and _first_word(head.group()) in CANNOT_START)


def display_width(line: str) -> int:
    """Width in columns: Chinese characters and full-width marks count two.

    Computed from the UTF-8 length (one byte for ASCII, three for CJK), which
    needs no per-character Python work: ``AI产业`` → 6.
    """
    return (len(line.encode("utf-8")) + len(line)) // 2


def wrap_width(lines: list[str]) -> int | None:
    """The column at which a hard-wrapped page was cut, or None if it was not.

    A hard-wrapped page has most of its lines filling one width (give or take a
    few columns for punctuation and Latin words) and few lines beyond it; pages
    with one line per paragraph, or headings of equal length between long
    paragraphs (a page of links and their blurbs), do not.
    """
    if len(lines) < 4:
        return None
    widths = sorted(display_width(line) for line in lines)
    best = (0, 0, 0)  # lines near the width, lines exactly at it, the width
    for width in set(widths):
        near = bisect.bisect_right(widths, width + 2) - bisect.bisect_left(widths, width - 4)
        exact = bisect.bisect_right(widths, width) - bisect.bisect_left(widths, width)
        best = max(best, (near, exact, width))
    best_count, _, best_width = best
    wider = len(widths) - bisect.bisect_right(widths, best_width + 2)
    if best_width >= 24 and best_count >= 4 and 2 * best_count >= len(lines) and 4 * wider <= best_count:
        return best_width
    return None


#: How much of a paragraph's end the decisions look at: more than a heading
#: (so a longer end means a longer paragraph) and than a trailing ``(完)(作者 …)``.
_END_CHARS = 64


def continues(paragraph_end: str, last_line: str, line: str, width: int | None) -> bool:
    """Does ``line`` continue the paragraph ending in ``paragraph_end`` (its last
    :data:`_END_CHARS` characters, or all of it) whose last physical line is ``last_line``?

    The rules, strongest first, are listed in the module docstring.
    """
    if line[0] in NON_INITIAL or _NOTE_HEAD.match(line):
        return True
    if _LOWER_START.match(line) and _LATIN_GOES_ON.search(paragraph_end):
        return True
    if ends_sentence(paragraph_end):
        return False
    if paragraph_end[-1] in CONTINUATION_END or has_open_quote(paragraph_end[-HEADING_MAX:]):
        return True
    if (splits_word(paragraph_end, line) or splits_token(paragraph_end, line)
            or leaves_orphan(paragraph_end, line) or dangles(paragraph_end, line)):
        return True
    if width is not None and display_width(last_line) >= width - 4:
        return True
    return not (looks_like_heading(paragraph_end) or looks_like_heading(line))


def separator(before: str, after: str) -> str:
    """What goes between two joined parts: nothing, except one space between
    two Latin words when the first stands after a space (``a new AI`` + ``model``);
    a token glued to Chinese (``金融+A`` + ``I``) was cut, not spaced."""
    if _LATIN.match(after[0]) and _LATIN.match(before[-1]) and not _GLUED_ALNUM_TAIL.search(before):
        return " "
    return ""


def _reflow_once(lines: list[str]) -> list[str]:
    width = wrap_width(lines)
    paragraphs: list[list[str]] = []  # parts, joined once at the end
    end = last_line = ""
    for line in lines:
        if paragraphs and continues(end, last_line, line, width):
            sep = separator(end, line)
            paragraphs[-1] += [sep, line]
            end = (end + sep + line)[-_END_CHARS:]
        else:
            paragraphs.append([line])
            end = line[-_END_CHARS:]
        last_line = line
    return ["".join(parts) for parts in paragraphs]


def reflow(lines: list[str]) -> list[str]:
    """Join hard-broken lines into paragraphs; headings stay on their own lines.

    Joining changes what the next decision sees (a heading followed by a
    fragment becomes a longer paragraph), so passes repeat until nothing
    joins; this makes ``reflow`` idempotent. Real pages settle in one or two.

    >>> reflow(["紧跟科技前沿", "汇聚街区创新合力", "北京大", "学经济学院教授苏剑表示。"])
    ['紧跟科技前沿', '汇聚街区创新合力', '北京大学经济学院教授苏剑表示。']
    """
    paragraphs = [s for s in (line.strip() for line in lines) if s]
    while True:
        joined = _reflow_once(paragraphs)
        if len(joined) == len(paragraphs):
            return joined
        paragraphs = joined
