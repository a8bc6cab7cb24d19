"""Chinese text facts, defined once: every stage imports them from here.

Like ftfy's ``chardata``, this module holds classes of characters and the
small grammars of a news page (sentence ends, brackets, role words, news
leads), not code that changes text. A rule that needs "is this a sentence
end?" or "is this a reporter's role?" asks here, so fixing a fact fixes every
stage at once.

The ``…`` decision: ``…``/``……`` mostly trails a list inside a sentence
(``文化、医疗、民生……今年……``), so *inside* a paragraph it is no sentence end
(:data:`FULL_STOPS` leaves it out); a line or paragraph that *ends* with it
has ended its sentence (:data:`SENTENCE_END` holds it), as does ``……”``.
"""

from __future__ import annotations

import re

# --- character classes ------------------------------------------------------


def run_of(chars: str, least: int = 1) -> str:
    """A pattern for ``least`` or more characters of the class ``[chars]`` in a row, written
    with one character first (``[x][x]*``, not ``[x]+``): ``re`` scans fast only to a pattern
    that opens on a class or a literal; ``[x]+`` is tried at every position (40 ns each)."""
    return f"[{chars}][{chars}]{{{least - 1},}}"


#: CJK Unified Ideographs, Extension A and Compatibility Ideographs ("Han").
CJK_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_CHAR = re.compile(f"[{CJK_RANGES}]")
CJK_RUN = re.compile(run_of(CJK_RANGES))
#: The Basic Multilingual Plane's Private Use Area: code points with no agreed
#: meaning, only a font's or a tool's own (SogouCA pages mark paragraphs with U+E40C).
PRIVATE_USE = "\ue000-\uf8ff"
#: A character of a word: letters, digits or Han.
WORD_CHAR = re.compile(f"[\\w{CJK_RANGES}]")

# --- sentences --------------------------------------------------------------

#: Marks that end a sentence wherever they stand (outside quotes): full and half width.
FULL_STOPS = "。！？!?"
#: The ellipsis: a sentence end only at the end of a line or before a closer (see above).
ELLIPSIS = "…"
#: Marks that end a sentence when they end a line or paragraph.
SENTENCE_END = FULL_STOPS + ELLIPSIS
#: Opening and closing quotes and brackets, pairwise in the same order.
OPENERS = "“‘「『《（(【〈"
CLOSERS = "”’」』》）)】〉"
QUOTE_OPENERS = "“‘「『"
TITLE_OPENERS = "《〈"
#: Clause marks: a line holding one reads as running text, not as a heading.
CLAUSE_MARKS = "，,；;"

#: A sentence end inside running text: full stops with the closers glued to them.
SENTENCE_END_RUN = re.compile(f"{run_of(FULL_STOPS)}[{re.escape(CLOSERS)}]*")
#: A full stop anywhere (a line holding one is running text).
FULL_STOP = re.compile(f"[{FULL_STOPS}]")


def ends_sentence(text: str) -> bool:
    """Does the line end a sentence (``…。``, ``…！”``, ``……``)? Such a line is text, never furniture.

    A final mark, then only closers and spaces: read from the end (``str.rstrip`` strips
    what ``\\s`` matches), not by a search through the whole line.
    """
    body = text.rstrip().rstrip(CLOSERS)
    return bool(body) and body[-1] in SENTENCE_END


#: A figure: a number with a unit or magnitude (3000亿元, 40%, 1.5万人). A line
#: carrying one is content, never furniture.
FIGURE = re.compile(
    r"\d[\d,，.]*\s*(?:%|％|‰|[万亿]|元|美元|人|家|个|项|吨|公里|千米|平方米|亩|岁|倍|台|辆|件|次|例|所|座)"
)

# --- headings ---------------------------------------------------------------

#: Headings are short: newspaper titles run up to about 30 characters, and a
#: two-part headline (``全球产业链格局变动 缝制机械如何破局``) up to 40.
HEADING_MAX = 30
TWO_PART_HEADING_MAX = 40
#: The first line of a page may be longer: web headlines run to 40-60 characters
#: (``从问题奶粉、地沟油到假消毒餐具，更大的问题还在于道德的溃败、信任的失守``).
PAGE_HEADLINE_MAX = 64

# --- credits: role words ----------------------------------------------------


def alternation(words: tuple[str, ...]) -> str:
    """A regex alternation of ``words`` (escaped), longest first so ``责任编辑`` wins over ``编辑``."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


#: Roles whose names are the article's authors (reporters, writers, photographers).
AUTHOR_ROLES = (
    "特约记者", "见习记者", "实习记者", "首席记者", "记者", "特约通讯员", "通讯员", "实习生",
    "作者", "撰文", "撰稿", "采写", "执笔", "文图", "图文", "文", "图", "摄影", "摄", "评论员", "主持人",
)
#: Editorial staff: they edited or checked the article, they did not write it.
EDITOR_ROLES = (
    "责任编辑", "责编", "值班编辑", "网络编辑", "实习编辑", "文字编辑", "图片编辑", "视频编辑", "新媒体编辑",
    "编辑", "校对", "审核", "审校", "审稿", "初审", "复审", "终审", "一审", "二审", "三审", "监制", "主编",
    "美编", "签发", "排版", "制图",
)
#: Labels of a source line: ``来源：人民日报``.
SOURCE_ROLES = ("来源", "稿源", "出处")

AUTHOR_ROLE = alternation(AUTHOR_ROLES)
EDITOR_ROLE = alternation(EDITOR_ROLES)
SOURCE_ROLE = alternation(SOURCE_ROLES)

# --- news leads and datelines -----------------------------------------------

#: The paper's own name in a credit or lead: not a source worth recording.
OWN_PAPER = ("本报", "本刊", "本台", "本网")
#: A news organisation before a lead or a role: 新华社, 中新网, 人民日报, 央视客户端.
NEWS_ORG = f"(?:{'|'.join(OWN_PAPER)}|[{CJK_RANGES}]{{1,6}}?(?:社|网|报|台|客户端))"
#: A month/day date, optionally with its year: 2025年9月25日, 1月5日.
MONTH_DAY = r"(?:(?P<y>(?:19|20)\d\d)年)?(?P<m>\d{1,2})月(?P<d>\d{1,2})日"

#: A news lead: 本报讯, 本报北京9月25日电, 新华社北京1月5日电, 中新网上海3月2日电,
#: 某某网－某某报某版6月14日讯, optionally followed by a bracketed credit (记者 王薛滔).
NEWS_LEAD = re.compile(
    f"^(?P<org>{NEWS_ORG})"
    f"(?P<place>[{CJK_RANGES}－·-]{{0,12}}?)"
    f"(?P<date>{MONTH_DAY})?"
    r"(?P<kind>电|讯|消息)"
    r"\s*(?:[（(](?P<credit>[^（）()]{1,60})[）)])?[\s：:，,]*"
)
#: A bracketed credit opening a paragraph: （记者 张三）今年……, 〔记者张三／台北报导〕,
#: 【李四╱综合报导】, 【某某新闻】.
BRACKET_LEAD = re.compile(r"^(?P<open>[（(〔【])(?P<credit>[^（）()〔〕【】]{1,60})[）)〕】]\s*")
#: An agency's dispatch credit: 中央社记者张三台北27日电, 新华社记者李四、王五北京电.
DISPATCH = re.compile(
    f"(?P<org>{NEWS_ORG})?\\s*(?:特派|驻[{CJK_RANGES}]{{1,4}})?记者\\s*"
    f"(?P<who>[{CJK_RANGES}]{{2,3}}(?:[、，,\\s][{CJK_RANGES}]{{2,3}})*)\\s*"
    f"(?P<place>[{CJK_RANGES}]{{2,5}}?)\\s*(?:\\d{{1,2}}日)?(?:专)?电"
)
#: An outlet named in a tag (【某某新闻】) or after 来源: a name and the kind of outlet.
#: (Not a definition in brackets: 以下简称某某网.)
_NOT_A_NAME = "(?![^，。]*(?:简称|以下|称为))"
OUTLET = (
    f"{_NOT_A_NAME}[A-Za-z0-9{CJK_RANGES}]{{1,10}}?"
    "(?:新闻网|新闻台|新闻|日报|晚报|早报|晨报|时报|商报|周刊|电视台|卫视|广播电台|电台|通讯社|社|网|台|客户端)"
)
#: A newspaper's name standing alone in a page header: 某某日报, 某某晚报.
NEWSPAPER = f"{_NOT_A_NAME}[{CJK_RANGES}]{{2,8}}(?:日报|晚报|早报|晨报|时报|商报|都市报|青年报|通讯社|电视台)"
#: A date opening a paragraph, or following its lead (``.match(text, lead_end)``): 9月25日，…
LEAD_DATE = re.compile(MONTH_DAY)

# --- web-page furniture -----------------------------------------------------

#: Words of a page's buttons and widgets (share, copy link, font size, follow):
#: a line or a spaced run made only of them is furniture. (Simplified forms:
#: cleaning runs after the OpenCC conversion.)
UI_WORDS = (
    "分享", "分享到", "分享至", "转发", "转寄", "转载", "收藏", "打印", "列印", "复制链接", "复制网址", "复制连结",
    "复制", "推文", "留言", "评论", "点赞", "赞", "字级", "字体", "字号", "字体大小", "关注", "追踪", "订阅",
    "facebook", "twitter", "line", "plurk", "噗浪", "微信", "微博", "朋友圈", "QQ空间", "QQ", "email", "e-mail",
    "邮件", "google+", "whatsapp", "telegram", "微信好友", "新浪微博", "腾讯微博", "豆瓣", "LinkedIn",
)
