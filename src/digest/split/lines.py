"""What each line of a cleaned page is: running text, heading, column label, byline or date.

The splitter cuts pages by these kinds, so each test here looks at one line
alone and says what it looks like; deciding what a heading *does* (title of
the next article, headline of the previous one, or subheading) needs the
neighbouring lines and is left to :mod:`digest.split.articles`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from digest.chardata import (
    CJK_RANGES,
    ELLIPSIS,
    FULL_STOP,
    HEADING_MAX,
    MONTH_DAY,
    NEWS_LEAD,
    OUTLET,
    PAGE_HEADLINE_MAX,
    OWN_PAPER,
    SENTENCE_END,
    TWO_PART_HEADING_MAX,
    WORD_CHAR,
    run_of,
)
from digest.credits import (Credit, parse_byline, parse_credit, split_lead_credit,
                                  split_trailing_credits)
from digest.dates import date_line_date, without_dates
from digest.lexicon import cut, is_word, word_tag


class Kind(Enum):
    TEXT = "text"  # running text: a paragraph of the body
    HEADING = "heading"  # a short line without a sentence end: title or subheading
    COLUMN = "column"  # a column label such as 行业分析
    BYLINE = "byline"  # a credit on its own line: 本报记者 胡静, （完）, 来源：人民日报
    DATE = "date"  # a date line: 2025年9月26日 星期五


@dataclass
class Line:
    """One classified line; ``text`` is what is published (credits taken off running text)."""

    kind: Kind
    text: str
    raw: str
    credit: Credit | None = None
    opens: bool = False  # opens with a news lead (本报讯…), or is one: an article starts here
    closes: bool = False  # ends with a closing credit (（完）, 编辑 …): an article ends here
    kicker: bool = False  # a heading glued before the lead: never the title


_SPACES = re.compile(run_of(" \t\u3000\u00a0"))
#: A clause or sentence end: the line goes on into running text.
#: (A bare ？/！ at the end is allowed: ``…如何点燃消费新热情？`` is a headline.)
_CLAUSE_END = re.compile(f"[。；;，,、：:{ELLIPSIS}—]$|[{SENTENCE_END}][”’」』）)]+$")
_COMMA = re.compile(r"[，,]")
#: Two labels with their colons make a form or a product sheet, not a heading:
#: ``产品名称：规格及价格：30ml／300 元``.
_LABEL_COLON = re.compile(r"[：:]")
#: A headline in two halves with a space between, each half at least 4 characters.
_TWO_PART = re.compile(r"^(?P<a>\S{4,})\s(?P<b>\S{4,})$")

_HAN_LABEL = f"[{CJK_RANGES}]{{2,8}}"
_BRACKETED_LABEL = re.compile(rf"[【［\[]\s*({_HAN_LABEL})\s*[】］\]]|[■□▲◆●◇▶]\s*({_HAN_LABEL})")
_OUTLET = re.compile(OUTLET)
_PLAIN_LABEL = re.compile(f"[{CJK_RANGES}]{{2,6}}")
#: Genre words that end column labels: 行业分析, 消费观察, 记者手记, 今日快评.
COLUMN_SUFFIXES = (
    "观察", "分析", "评论", "时评", "短评", "快评", "述评", "评析", "视点", "视角", "视窗", "视界",
    "聚焦", "速递", "快讯", "简讯", "动态", "要闻", "专题", "专栏", "特稿", "访谈", "专访", "调查",
    "观点", "解读", "纵横", "纵览", "综述", "资讯", "链接", "论坛", "随笔", "札记", "手记", "笔谈",
    "头条", "看台", "面对面", "透视", "广角", "万象", "杂谈", "深读", "特写", "漫谈", "茶座", "纪事",
    "今日谈", "观潮", "锐评", "新闻眼", "新闻", "快报", "周刊",
)
#: Section names that are labels only as a whole line (文化 alone, not 传承中华文化).
SECTION_NAMES = frozenset(
    "时政 财经 国际 国内 社会 文化 体育 科技 教育 健康 民生 经济 综合 地方 法治 军事 要闻 评论 "
    "理论 副刊 产业 金融 楼市 汽车 旅游 环球 观察 天气 气象 娱乐 房产 农业 三农 消费 科教 "
    "卫生 生态 环保 城市 两岸 人物 图片 公告 广告 读者来信 市场 股市 证券 能源 交通 通讯".split()
)


def normalize_spaces(text: str) -> str:
    """Collapse runs of spaces (ASCII, full-width, no-break) into one ASCII space."""
    return _SPACES.sub(" ", text).strip()


def is_two_part_headline(text: str) -> bool:
    """``人工智能“潮”起北京 政协委员热议产业未来``: two halves set apart by a space."""
    return _TWO_PART.match(text) is not None


def is_heading_like(text: str) -> bool:
    """A short line that does not read as a sentence: a title, subheading or label.

    Short (≤ 30 characters, ≤ 40 for a two-part headline), no 。 anywhere, at
    most one comma and one colon, and no clause end (``，``, ``：``, ``；``) or quoted sentence
    end (``！”``) at the end. A bare ``？``/``！`` at the end is allowed:
    ``…如何点燃消费新热情？`` is a headline. ``一笔笔资金活水，如何…，激活…？``
    (33 characters, two commas) is running text.
    """
    if len(text) > max(TWO_PART_HEADING_MAX, HEADING_MAX):
        return False  # too long for either limit: spares the two-part test
    limit = TWO_PART_HEADING_MAX if is_two_part_headline(text) else HEADING_MAX
    return (
        0 < len(text) <= limit
        and "。" not in text
        and len(_COMMA.findall(text)) <= 1
        and len(_LABEL_COLON.findall(text)) <= 1
        and not _CLAUSE_END.search(text)
        and WORD_CHAR.search(text) is not None
    )


def is_page_headline(text: str) -> bool:
    """The first line of a page reads as its headline: up to ``PAGE_HEADLINE_MAX``
    characters, no 。, no clause end; commas allowed. Pages open with their
    headline, and web headlines are longer than a newspaper's
    (``从问题奶粉、地沟油到假消毒餐具，更大的问题还在于道德的溃败、信任的失守``),
    so the page's first line is judged more freely than a line inside the body.
    """
    return (0 < len(text) <= PAGE_HEADLINE_MAX and "。" not in text
            and not _CLAUSE_END.search(text) and WORD_CHAR.search(text) is not None)


def column_label(text: str) -> str:
    """The label if the line is a column label, else ``""``.

    ``【行业分析】`` / ``■行业分析`` → ``行业分析`` (marked labels); ``消费观察``,
    ``记者手记`` (a short line ending in a column genre word); ``财经`` (a section
    name standing alone). ``紧跟科技前沿`` is not: it is a subheading, and
    ``【某某卫视】`` is not: an outlet's tag names the source (a byline).
    """
    m = _BRACKETED_LABEL.fullmatch(text)
    if m:
        label = m[1] or m[2]
        if _OUTLET.fullmatch(label) and not label.endswith(COLUMN_SUFFIXES):
            return ""
        return label
    if _PLAIN_LABEL.fullmatch(text) and (text in SECTION_NAMES or text.endswith(COLUMN_SUFFIXES)):
        return text
    return ""


#: Marks a kicker never holds: with one, the line is running text.
_KICKER_BREAKS = "。！？!?，,；;（(〔【"
#: A short kicker glued before a bracketed lead credit: ``民众酸：你们留着吧〔记者张三／台中报导〕正文…``.
_GLUED_KICKER = re.compile(
    f"(?P<head>[^{_KICKER_BREAKS}]{{2,{HEADING_MAX}}}?)"
    f"(?=[〔【][^〔〕【】]{{2,60}}[〕】]|(?:{'|'.join(OWN_PAPER)})(?:讯|[{CJK_RANGES}]{{0,8}}?{MONTH_DAY}电))"
)


def classify_paragraph(paragraph: str) -> list[Line]:
    """:func:`classify` a paragraph, cutting a glued kicker off first (:func:`split_glued_lead`)."""
    parts = split_glued_lead(paragraph)
    lines = [classify(part) for part in parts]
    if len(parts) == 2:
        lines[0].kicker = True
    return lines


def split_glued_lead(paragraph: str) -> list[str]:
    """Cut a kicker off a paragraph whose lead follows it on the same line.

    Crawled pages join the subtitle and the first paragraph: ``股民叹：等了三年
    〔记者张三／台北报导〕证交所昨公布…`` is the kicker ``股民叹：等了三年`` and a
    paragraph opening with its lead; so are ``毕业生入伍最高补助2万元本报讯（记者 X）…``
    and ``老城区改造全面启动某某晚报讯 记者 X 报道 …``. Only a lead that reads as
    one (:func:`split_lead_credit`) cuts, so ``新品【限量】今日开卖`` stays whole;
    an outlet's name must be a whole word where it starts (``…条例新快报讯``: the
    outlet is 新快报, not 快报).
    """
    m = _GLUED_KICKER.match(paragraph)
    at = m.end() if m else _glued_outlet_lead(paragraph)
    if at is None:
        return [paragraph]
    head, rest = paragraph[:at], paragraph[at:]
    text, lead = split_lead_credit(rest)
    if lead is None or not text.strip() or not is_heading_like(normalize_spaces(head)):
        return [paragraph]
    return [head.strip(), rest]


#: Lengths of a paper's name, most usual first (南城晨报, 北京考试报, 东南网).
_USUAL_NAME_LENGTHS = (4, 5, 3)
#: Where a glued outlet lead may end: 讯, or a dateline's 电 (某某网杭州6月19日电).
_LEAD_ENDS = "讯电"
_LEAD_KIND = re.compile(f"(?:{MONTH_DAY})?[{_LEAD_ENDS}]")


def _glued_outlet_lead(paragraph: str) -> int | None:
    """Where a lead naming another outlet starts after a glued kicker, or None.

    The outlet's name must start at a word boundary. Among the names that do,
    a dictionary word of three or more characters wins (``…条例新快报讯`` →
    新快报), else the name of the most usual length for a paper, four, five,
    then three characters (``…开工南城晨报讯`` → 南城晨报, not 晨报 or 开工南城晨报);
    a place name right before it belongs to it (``…关注滨江都市报讯`` → 滨江都市报).
    """
    window = paragraph[: HEADING_MAX + 24]
    if all(window.find(end, 4) < 0 for end in _LEAD_ENDS):
        return None  # no 讯 or 电 for a lead to end on: spares the search
    if _LEAD_KIND.search(window, 4) is None or FULL_STOP.search(window[:HEADING_MAX]):
        return None
    candidates: list[tuple[int, str]] = []
    place_before: dict[int, int] = {}  # org start -> start of a place name right before it
    # a kicker holds no clause mark: the lead starts before the first one, or there is none
    last = min(len(paragraph) - 1, HEADING_MAX,
               *(i for i, ch in enumerate(window) if ch in _KICKER_BREAKS))
    for at in range(4, last + 1):
        m = NEWS_LEAD.match(paragraph[at:])
        if m is None or len(m["org"]) < 2 or m["org"].endswith(OWN_PAPER):
            continue
        ends, end = set(), 0
        for word in cut(paragraph[: at + len(m["org"])]):
            if end + len(word) == at and word_tag(word) == "ns":
                place_before[at] = end
            end += len(word)
            ends.add(end)
        if at in ends:  # the name starts where a word starts
            candidates.append((at, m["org"]))
    if not candidates:
        return None
    known = [c for c in candidates if len(c[1]) >= 3 and is_word(c[1])]
    if known:
        at = max(known, key=lambda c: len(c[1]))[0]
    else:
        by_length = {len(org): at for at, org in candidates}
        at = next(by_length[n] for n in (*_USUAL_NAME_LENGTHS, *sorted(by_length)) if n in by_length)
    starts = {c[0] for c in candidates}
    if place_before.get(at) in starts:  # a place name heads the paper's name: 滨江 + 都市报
        at = place_before[at]
    return at


def classify(line: str) -> Line:
    """Classify one cleaned line (see :class:`Kind`); order matters.

    Date lines and column labels come first because they are also short and
    heading-like; a credit comes before headings (``本报记者 胡静`` is short
    too); whatever is left and reads as a sentence is running text, whose lead
    (``本报讯（记者 X）``) and trailing credits (``（完）…``) are taken off here.
    """
    raw = line.strip()
    short = normalize_spaces(raw)
    if len(short) <= TWO_PART_HEADING_MAX:
        if date_line_date(short):
            # A dateline may carry the source and author too: 2025年10月8日 来源：经济日报
            return Line(Kind.DATE, short, raw, credit=parse_credit(without_dates(short).strip()))
        label = column_label(short)
        if label:
            return Line(Kind.COLUMN, label, raw)
        credit = parse_byline(short)
        if credit is not None:
            return Line(Kind.BYLINE, short, raw, credit, closes=credit.closes)
    text, lead = split_lead_credit(raw)
    if lead is not None and not text.strip():  # a lead on a line of its own
        return Line(Kind.BYLINE, short, raw, lead, opens=True)
    if lead is None and is_heading_like(short):
        return Line(Kind.HEADING, short, raw)
    text, trailing = split_trailing_credits(text)
    credit = lead
    if trailing is not None:
        credit = credit or Credit()
        credit.merge(trailing)
    return Line(Kind.TEXT, text.strip(), raw, credit, opens=lead is not None,
                closes=trailing is not None and trailing.closes)
