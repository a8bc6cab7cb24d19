"""Dates: the page's own publication date, and the dateline of an article.

The page date comes from the whole page before junk removal, because the lines
that carry it — ``发布时间：2025-09-26``, a date line under the title, a footer
list of timestamps — are exactly the ones the junk stage drops. Only dates that
stand as metadata count; a date inside a sentence (``到2030年12月31日``) is
an event, not the page's date, so a page with no date line gets None.

The module lives below ``ingest`` and ``split``, which both read dates; the
dateline grammar is :data:`digest.chardata.NEWS_LEAD`.

An article date comes from its dateline (``新华社北京1月5日电``,
``本报讯（记者 王薛滔）9月25日，``). Datelines usually omit the year; it is
taken from the page's year, else from a year the text mentions, else the
article date is None: a guessed year would be worse than the page date the
pipeline falls back to.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from datetime import date

from digest.chardata import BRACKET_LEAD, CLAUSE_MARKS, FULL_STOPS, LEAD_DATE, NEWS_LEAD, TWO_PART_HEADING_MAX, run_of

_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９：／．－", "0123456789:/.-")
_FULLWIDTH_RUN = re.compile(run_of("０-９：／．－"))

#: A full date: 2025年9月26日, 2025-09-26, 2025/09/26, 2025.9.26 (same separator twice).
#: (The year opens on its first digit, the digit before it checked behind: the search
#: then jumps from one 1 or 2 to the next instead of trying every position.)
_FULL_DATE = re.compile(
    r"(?P<y>[12](?<!\d[12])(?:(?<=1)9|(?<=2)0)\d\d)\s*"
    r"(?:年\s*(?P<m1>\d{1,2})\s*月\s*(?P<d1>\d{1,2})\s*日"
    r"|(?P<sep>[-/.])(?P<m2>\d{1,2})(?P=sep)(?P<d2>\d{1,2})(?!\d))"
)
#: The same in Chinese numerals, as newspaper mastheads print it: 二〇二五年九月二十六日.
_HAN_DIGIT = "〇零一二三四五六七八九"
_HAN_VALUE = {c: v for v, c in enumerate("〇一二三四五六七八九")} | {"零": 0}
_HAN_DATE = re.compile(f"(?P<y>[{_HAN_DIGIT}]{{4}})年(?P<m>[十{_HAN_DIGIT}]{{1,2}})月(?P<d>[十{_HAN_DIGIT}]{{1,3}})日")

#: A label before a date that says "this is the publication date": 发布时间：, 日期：, 发表于.
_LABEL_BEFORE = re.compile(r"(?:发布|发表|更新|出版|刊发|见报|上传|日期|时间)[于]?[\s:：]*$")

#: What may share a date line besides the date: a time, a weekday, a list bullet,
#: a label, a source or a short site name.
_DATE_LINE_REST = re.compile(
    r"\d{1,2}:\d{2}(?::\d{2})?|星期[一二三四五六日天]|周[一二三四五六日]|[-–—•·*>\s|｜]"
)
#: The rest of a date line stays short and has no sentence in it.
MAX_DATE_LINE_REST = 24
#: A date line is short: a date, a time, a weekday, a bullet and a label of at most
#: MAX_DATE_LINE_REST characters. A line with more characters than this besides
#: spaces is text, and its dates are not looked at: reading the rest of a long line
#: again for each date on it made a seed that is one line of dates quadratic (minutes).
MAX_DATE_LINE_CHARS = 120
_SENTENCE_MARK = re.compile(f"[{FULL_STOPS}{CLAUSE_MARKS}]")
#: Lines this short without sentence marks are headers (title, byline, label).
HEADER_LINE_MAX = TWO_PART_HEADING_MAX

#: A year mentioned in text: 2025年, CISMA2025, 2025世界人工智能大会 — four digits
#: not part of a longer number and not followed by a unit (2000亿元, 2400家).
_YEAR = re.compile(r"(?P<y>[12](?<![\d.][12])(?:(?<=1)9[89]|(?<=2)0\d)\d)(?![\d.%万亿千百十元块个家人名户件台辆套次位岁米吨克多余项条张份只倍])")
#: A year that is a target, not the present: 到2030年, 至2035年, 2030年前 (the word
#: before the year, spaces allowed between; or the words after it).
_TARGET_YEAR_BEFORE = "到至迄"
_TARGET_YEAR_AFTER = re.compile(r"年(?:前|底前|以前)")  # used with .match(text, pos)


def _ascii_digits(text: str) -> str:
    """Full-width digits and date separators as ASCII: ``２０２５－０９－２６`` → ``2025-09-26``.

    Only the runs of such characters are translated: ``str.translate`` over a
    whole page looks up every character and costs more than the date search.
    """
    return _FULLWIDTH_RUN.sub(lambda m: m.group().translate(_FULLWIDTH_DIGITS), text)


def _valid(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _han_number(text: str) -> int:
    """二〇二五 → 2025 (digit by digit); 二十六 → 26, 十二 → 12 (with 十)."""
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_HAN_VALUE[tens] if tens else 1) * 10 + (_HAN_VALUE[ones] if ones else 0)
    return int("".join(str(_HAN_VALUE[c]) for c in text))


def _match_date(m: re.Match) -> date | None:
    if "m1" in m.re.groupindex:
        return _valid(int(m["y"]), int(m["m1"] or m["m2"]), int(m["d1"] or m["d2"]))
    return _valid(_han_number(m["y"]), _han_number(m["m"]), _han_number(m["d"]))


def parse_date(text: str) -> date | None:
    """The first full date in ``text``, in any of the forms above, or None.

    ``2025-09-26T08:00:00+08:00`` → 2025-09-26; ``二〇二五年九月二十六日`` → 2025-09-26.
    """
    text = _ascii_digits(text)
    for pattern in (_FULL_DATE, _HAN_DATE):
        for m in pattern.finditer(text):
            found = _match_date(m)
            if found:
                return found
    return None


def _too_long(line: str) -> bool:
    """More than MAX_DATE_LINE_CHARS characters besides spaces: text, not a date line."""
    return len(line) > MAX_DATE_LINE_CHARS and len("".join(line.split())) > MAX_DATE_LINE_CHARS


class _Lines:
    """The lines of a text, found once: which one a position is on, and whether that
    line is too long to be a date line (MAX_DATE_LINE_CHARS besides spaces)."""

    def __init__(self, text: str):
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.long: dict[int, bool] = {}

    def _bounds(self, pos: int) -> tuple[int, int, int]:
        """(line number, start, end without its line break) of the line holding ``pos``."""
        i = bisect_right(self.starts, pos) - 1
        end = self.starts[i + 1] - 1 if i + 1 < len(self.starts) else len(self.text)
        return i, self.starts[i], end

    def too_long_at(self, pos: int) -> bool:
        i, start, end = self._bounds(pos)
        if i not in self.long:
            self.long[i] = _too_long(self.text[start:end])
        return self.long[i]

    def around(self, start: int, end: int) -> tuple[str, str]:
        """(text before ``start`` on its line, text after ``end`` on its line: a date
        written across a line break, ``2025\n年9月26日``, has two)."""
        _, line_start, _ = self._bounds(start)
        _, _, line_end = self._bounds(end)
        return self.text[line_start:start], self.text[end:line_end]


def _is_date_line(before: str, after: str) -> bool:
    """The date is the line's point: the rest is short metadata, not a sentence."""
    rest = _DATE_LINE_REST.sub("", before + after)
    return len(rest) <= MAX_DATE_LINE_REST and not _SENTENCE_MARK.search(rest)


def date_line_date(line: str) -> date | None:
    """The date of a line that is a date line (``2025年9月26日 星期五``), else None."""
    if _too_long(line):
        return None
    line = _ascii_digits(line)
    for pattern in (_FULL_DATE, _HAN_DATE):
        m = pattern.search(line)
        if m and _is_date_line(line[: m.start()], line[m.end():]):
            return _match_date(m)
    return None


def without_dates(line: str) -> str:
    """The rest of a date line: ``2025年10月8日 来源：经济日报`` → `` 来源：经济日报``."""
    line = _ascii_digits(line)
    for pattern in (_FULL_DATE, _HAN_DATE):
        line = pattern.sub("", line)
    return line


def find_page_date(text: str) -> date | None:
    """The page's publication date, from metadata lines only.

    1. A labelled date wins: ``发布时间：2025-09-26 10:00`` → 2025-09-26.
    2. Else the most recent date among date lines, i.e. lines that are a date
       plus at most a time, weekday, bullet or short label: a timestamp list
       ``- 2026年01月23日 09:47:54`` / ``- 2026年01月22日 …`` → 2026-01-23
       (a page is at least as new as the newest item it lists).
    3. Else None: dates inside sentences are events, not the page's date.
    """
    text = _ascii_digits(text)
    labelled: date | None = None
    newest: date | None = None
    lines = _Lines(text)
    for pattern in (_FULL_DATE, _HAN_DATE):
        for m in pattern.finditer(text):
            found = _match_date(m)
            if found is None or lines.too_long_at(m.start()):
                continue
            before, after = lines.around(m.start(), m.end())
            if not _is_date_line(before, after):
                continue
            if labelled is None and _LABEL_BEFORE.search(before):
                labelled = found
            if newest is None or found > newest:
                newest = found
    return labelled or newest


def mentioned_year(paragraphs: Iterable[str]) -> int | None:
    """The year the text speaks from: the latest year it mentions that is not a target.

    ``CISMA2025国际合作发展论坛`` → 2025; ``2023年产业规模 … 2025世界人工智能大会``
    → 2025 (texts cite past figures, so the latest year is the present one);
    ``到2030年`` / ``2030年前`` are plans and do not count; ``2000亿元`` is no year.
    """
    best: int | None = None
    for paragraph in paragraphs:
        for m in _YEAR.finditer(paragraph):
            if _is_target_year(paragraph, m.start(), m.end()):
                continue
            year = int(m["y"])
            if best is None or year > best:
                best = year
    return best


def _is_target_year(text: str, start: int, end: int) -> bool:
    """``到 2030年``, ``2030年前``: the year at ``text[start:end]`` is a target. The word
    before it is found by stepping back over spaces, not by searching the text up to
    the year again for each year (which made a paragraph of many years quadratic)."""
    before = start - 1
    while before >= 0 and text[before].isspace():
        before -= 1
    return (before >= 0 and text[before] in _TARGET_YEAR_BEFORE) or _TARGET_YEAR_AFTER.match(text, end) is not None


def dateline(paragraph: str) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of a dateline at the start of a paragraph.

    ``新华社北京1月5日电（记者 张三）…`` → (None, 1, 5);
    ``本报讯（记者 王薛滔）9月25日，上海…`` → (None, 9, 25);
    ``2025年9月25日，…`` → (2025, 9, 25). Only the very start counts: a date
    later in the text is an event date.
    """
    paragraph = _ascii_digits(paragraph)
    m = NEWS_LEAD.match(paragraph)
    if m is None or not m["date"]:
        # the lead (本报讯（记者 X）, （记者 X）) carries no date: it may follow it
        lead = m or BRACKET_LEAD.match(paragraph)
        m = LEAD_DATE.match(paragraph, lead.end() if lead else 0)
    if m is None:
        return None
    return (int(m["y"]) if m["y"] else None), int(m["m"]), int(m["d"])


def find_article_date(paragraphs: list[str], page_year: int | None = None,
                      fallback_year: int | None = None) -> date | None:
    """The date of an article from its header lines and its first paragraph.

    A date line among the header lines (``2025年9月26日``, as an HTML page's
    date line) gives the full date. Else the dateline of the first paragraph of
    running text gives month and day; its year is the dateline's own, else
    ``page_year`` (the page's own date), else :func:`mentioned_year` of the
    article, else ``fallback_year`` (a year mentioned elsewhere on the page).
    No year → None.
    """
    for paragraph in paragraphs:
        text = paragraph.strip()
        if not text:
            continue
        found = date_line_date(text)
        if found:
            return found
        if len(text) <= HEADER_LINE_MAX and not _SENTENCE_MARK.search(text):
            continue  # a title, byline or column label: look further
        read = dateline(text)
        if read is None:
            return None
        year, month, day = read
        year = year or page_year or mentioned_year(paragraphs) or fallback_year
        return _valid(year, month, day) if year else None
    return None
