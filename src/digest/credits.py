"""Bylines and credits: who wrote an article and where it comes from.

Chinese news pages credit their articles in a few fixed shapes:

- a byline line of its own: ``本报记者 胡静 □ 周露楠 范明朋``, ``文/张三``,
  ``张三 摄``, ``通讯员 李四``, ``作者：王五``, ``来源：人民日报``;
- a lead in front of the first paragraph: ``本报讯（记者 王薛滔）9月25日，…``,
  ``新华社北京1月5日电（记者 张三、李四）…``;
- bracketed credits closing the last paragraph: ``…机遇。（完）（《中国新闻》报
  作者 任德辉 报道）``, ``（编辑 赵六）``;
- the forms of Hong Kong and Taiwan outlets: ``〔记者张三／台北报导〕``,
  ``【李四╱综合报导】``, an agency dispatch ``（某某社记者王五台北27日电）``, an
  outlet's tag ``【某某新闻】``, a newspaper's name in the page header.

The module lives below ``ingest`` and ``split``: both read credits (an HTML
page's byline element, a text page's lines), and the grammar's words come
from :mod:`digest.chardata`.

A credit is read by a tiny grammar: role words (记者, 通讯员, 文, 摄, 编辑,
来源 …) followed or preceded by names of 2-4 Chinese characters (a middle dot
joins transliterated names), separated by spaces, 、, □, ，. Text that does not
fit the grammar is never a credit, so ordinary sentences are left alone.
Editors are read (the credit closes an article) but not listed as authors:
they edited the article, they did not write it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from digest.chardata import (
    AUTHOR_ROLE,
    BRACKET_LEAD,
    CJK_RANGES,
    DISPATCH,
    EDITOR_ROLE,
    NEWS_LEAD,
    NEWS_ORG,
    NEWSPAPER,
    OUTLET,
    OWN_PAPER,
    SOURCE_ROLE,
)

_HAN = CJK_RANGES

#: A personal name: 2-4 Han characters, or Han parts joined by a middle dot.
_NAME = re.compile(f"[{_HAN}]{{2,4}}|[{_HAN}]{{1,8}}(?:[·・•．][{_HAN}]{{1,8}})+")

_ROLE = re.compile(f"(?:(?P<org>[{_HAN}]{{2,8}}?))?(?P<role>{EDITOR_ROLE}|{SOURCE_ROLE}|{AUTHOR_ROLE})")
_ROLE_EXACT = re.compile(f"(?:{EDITOR_ROLE}|{SOURCE_ROLE}|{AUTHOR_ROLE})")
_EDITOR_ROLE = re.compile(EDITOR_ROLE)
_SOURCE_ROLE = re.compile(SOURCE_ROLE)
#: An organisation that may stand before a role: 本报记者, 新华社记者, 人民日报记者.
_ORG = re.compile(NEWS_ORG + "|[" + _HAN + "]{1,6}(?:刊|杂志)")
#: Roles that may be glued to the name that follows them (记者王薛滔); single
#: characters such as 文/图 are not, or 文化强国 would read as a byline.
_GLUED_ROLE = re.compile(f"(?P<role>本报记者|特约记者|见习记者|实习记者|记者|通讯员|实习生|作者|{EDITOR_ROLE})(?P<name>.+)")
#: Words that follow 记者/作者 in headings and labels, not names: 记者手记, 作者简介.
_NOT_NAMES = frozenset("手记 简介 观察 调查 来信 笔记 札记 专访 体验 探访 走访 直击 连线 追踪 感言 说明".split())
#: Words after the names: 张三 摄, 任德辉 报道, 李四 整理.
_AFTER_NAMES = {"摄", "摄影", "报道", "报导", "整理", "编译", "供图", "供稿", "综合报道", "发自"}
_NAME_THEN_MARK = re.compile(f"(?P<name>[{_HAN}]{{2,4}}?)(?P<mark>摄|报道|报导)")
#: Where the reporter filed from: 台北报导, 综合报道 (``〔记者张三／台北报导〕``).
_PLACE_REPORT = re.compile(f"[{_HAN}]{{2,6}}(?:报导|报道)")
_OUTLET = re.compile(OUTLET)
#: An outlet's tag naming its own report: 某某报专讯, 某某日报讯, 某某台报道 (in 【】).
_OUTLET_REPORT = re.compile(f"(?P<org>[A-Za-z0-9{_HAN}]{{2,10}}?)(?:专讯|讯|报道|报导)")
_NEWSPAPER = re.compile(NEWSPAPER)
_END_MARKS = {"完", "全文完", "END", "end"}
#: Marks after names that end an article (a photo credit does not: captions stand inside).
_CLOSING_MARKS = {"报道", "报导", "综合报道", "整理", "编译", "供稿"}
#: A source given as a publication title: 《中国新闻》报, 《人民日报》.
_TITLED_SOURCE = re.compile(r"《([^》]{1,20})》([报刊]|杂志|周刊|日报)?")

#: Tokens of a credit: a 《…》 source with its suffix, or a run between separators.
_TOKEN = re.compile(r"《[^》]{1,20}》(?:[报刊]|杂志|周刊|日报)?|[^\s\u3000□■◆●、，,；;：:/／╱|｜（）()【】〔〕\[\]]+")

MAX_CREDIT_CHARS = 60


@dataclass
class Credit:
    """What a credit says: authors in order, the source, and whether it closes an article.

    ``closes`` is true for what stands only at an article's end: end marks
    (``完``), editor credits, sources, ``…报道``, and reporter credits in
    brackets. A bare byline (``本报记者 胡静``) opens an article instead, and a
    photo credit (``张三 摄``) closes nothing: captions stand inside articles.
    """

    authors: list[str] = field(default_factory=list)
    source: str = ""
    closes: bool = False
    editors: list[str] = field(default_factory=list)

    def merge(self, other: Credit | None) -> None:
        if other is None:
            return
        self.authors.extend(a for a in other.authors if a not in self.authors)
        self.editors.extend(e for e in other.editors if e not in self.editors)
        self.source = self.source or other.source
        self.closes = self.closes or other.closes


def clean_source(text: str) -> str:
    """Drop the book-title marks of a source: ``《中国新闻》报`` → ``中国新闻报``."""
    return text.replace("《", "").replace("》", "").strip(" \u3000-—:：")


def _is_name(token: str) -> bool:
    return _NAME.fullmatch(token) is not None


def _role_kind(role: str) -> str:
    if _EDITOR_ROLE.fullmatch(role):
        return "editor"
    if _SOURCE_ROLE.fullmatch(role):
        return "source"
    return "author"


def _read_role(token: str) -> tuple[str, str, str] | None:
    """Split a token into (organisation, role kind, glued name), or None if it is no role.

    ``记者`` → ('', 'author', ''); ``新华社记者`` → ('新华社', 'author', '');
    ``记者王薛滔`` → ('', 'author', '王薛滔'); ``文化强国``, ``记者手记`` → None.
    """
    if _ROLE_EXACT.fullmatch(token):
        return "", _role_kind(token), ""
    m = _ROLE.fullmatch(token)
    if m and m["org"] and _ORG.fullmatch(m["org"]):
        return m["org"], _role_kind(m["role"]), ""
    m = _GLUED_ROLE.fullmatch(token)
    if m:
        name = m["name"]
        if (marked := _NAME_THEN_MARK.fullmatch(name)) is not None and _is_name(marked["name"]):
            name = marked["name"]  # 记者张三摄: the mark is no part of the name
        if _is_name(name) and name not in _NOT_NAMES:
            return "", _role_kind(m["role"]), name
    return None


def parse_credit(text: str, tag: bool = False) -> Credit | None:
    """Read ``text`` as a whole credit, or return None if any part of it is not one.

    ``本报记者 胡静 □ 周露楠 范明朋`` → authors [胡静, 周露楠, 范明朋];
    ``《中国新闻》报 作者 任德辉 报道`` → source 中国新闻报, authors [任德辉];
    ``中央社记者张三台北27日电`` → source 中央社, authors [张三];
    ``记者张三、李四／台中报导`` → authors [张三, 李四]; ``某某日报`` → source 某某日报;
    ``完`` → closes; ``以下简称《行动计划》`` → None (not a credit).
    At least one role word, end mark or 《…》 source is required, so a line of
    bare two-character words is never mistaken for names. ``tag`` says the
    text stood in 【】 or 〔〕, where an outlet's name alone (``某某新闻``) is its tag,
    as is its report mark (``某某报专讯``).
    """
    credit = _parse_credit(text, tag)
    if credit is None and tag and (own := _OUTLET_REPORT.fullmatch(text.strip())) is not None:
        if _OUTLET.fullmatch(own["org"]) or own["org"].endswith("报"):
            credit = Credit(source=own["org"])  # 【某某报专讯】, not 【综合报导】
    return credit


def _parse_credit(text: str, tag: bool = False) -> Credit | None:
    """:func:`parse_credit` without the 【某某报专讯】 fallback."""
    text = text.strip()
    if not text or len(text) > MAX_CREDIT_CHARS:
        return None
    if (dispatch := DISPATCH.fullmatch(text)) is not None:
        return _dispatch_credit(dispatch)
    if _NEWSPAPER.fullmatch(text) or (tag and _OUTLET.fullmatch(text)):
        return Credit(source=text)
    credit = Credit()
    kind = "author"
    evidence = False
    source_parts: list[str] = []
    for token in _TOKEN.findall(text):
        if token in _END_MARKS:
            credit.closes = evidence = True
        elif (role := _read_role(token)) is not None:
            org, kind, glued = role
            evidence = True
            credit.closes = credit.closes or kind != "author"
            if org and org not in OWN_PAPER and not credit.source:
                credit.source = org
            if glued:
                _add_name(credit, kind, glued)
        elif kind == "source":
            source_parts.append(token)
        elif _TITLED_SOURCE.fullmatch(token):
            credit.source = clean_source(token)
            evidence = True
        elif token in _AFTER_NAMES or _PLACE_REPORT.fullmatch(token):
            evidence = True
            credit.closes = credit.closes or token in _CLOSING_MARKS
        elif (glued_mark := _NAME_THEN_MARK.fullmatch(token)) is not None:
            _add_name(credit, kind, glued_mark["name"])
            evidence = True
            credit.closes = credit.closes or glued_mark["mark"] in _CLOSING_MARKS
        elif _is_name(token):
            _add_name(credit, kind, token)
        else:
            return None
    if source_parts:
        credit.source = clean_source(" ".join(source_parts))
    if not evidence or not (credit.authors or credit.source or credit.closes or credit.editors):
        return None
    return credit


def _dispatch_credit(m: re.Match[str]) -> Credit:
    """An agency dispatch (``中央社记者张三台北27日电``): the agency is the source."""
    org = m["org"] or ""
    authors = [n for n in re.split(r"[、，,\s]+", m["who"]) if n]
    return Credit(authors=authors, source="" if org in OWN_PAPER else org)


def _add_name(credit: Credit, kind: str, name: str) -> None:
    target = credit.editors if kind == "editor" else credit.authors
    if name not in target:
        target.append(name)


#: The brackets a credit may stand in: （记者 张三） (见习记者 李四) 【编辑 王五】 〔来源〕 [作者].
_CREDIT_OPENERS, _CREDIT_CLOSERS = "（(【〔[", "）)】〕]"
_OPEN, _CLOSE = f"[{re.escape(_CREDIT_OPENERS)}]", f"[{re.escape(_CREDIT_CLOSERS)}]"
_BRACKETED = re.compile(f"({_OPEN})(.{{1,60}}){_CLOSE}")
_PHOTO_CREDIT = re.compile(r"(?:摄|摄影|供图|图)\s*$|^\s*(?:图|摄影)")


def parse_byline(line: str) -> Credit | None:
    """Parse a whole line as a credit, accepting one pair of brackets around it.

    A bracketed reporter credit on its own line (``（记者 张三 通讯员 李四）``)
    is how short items end, so it closes the article; ``记者 张三`` does not.
    """
    m = _BRACKETED.fullmatch(line.strip())
    credit = parse_credit(m[2], tag=m[1] in "【〔") if m else parse_credit(line)
    if credit is not None and m and _closes_when_trailing(m[2], credit):
        credit.closes = True
    return credit


def _closes_when_trailing(text: str, credit: Credit) -> bool:
    """A credit after text closes the article unless it is only a photo credit."""
    return credit.closes or (bool(credit.authors) and not _PHOTO_CREDIT.search(text))


#: Bracketed groups at a paragraph's end: （完）（《中国新闻》报 作者 任德辉 报道）.
_TRAILING_CREDIT_CHARS = 60
_TRAILING_GROUP = re.compile(
    f"{_OPEN}(?P<credit>[^{re.escape(_CREDIT_OPENERS + _CREDIT_CLOSERS)}]{{1,{_TRAILING_CREDIT_CHARS}}}){_CLOSE}\\s*$")
#: The longest trailing group: a bracket, the credit, a bracket (the text is stripped first).
_TRAILING_GROUP_SPAN = _TRAILING_CREDIT_CHARS + 2


#: An unbracketed credit after a lead, closed by 报道: ``记者 张三 通讯员 李四 报道``.
_PLAIN_LEAD_CREDIT = re.compile(
    r"(?P<credit>(?:特约|见习|实习|首席|本报)?记者[^。，,！？!?（）()“”]{1,50}?(?:报道|报导))[\s：:，,]*"
)


def split_lead_credit(paragraph: str) -> tuple[str, Credit | None]:
    """Take a news lead off the front of a paragraph and read it.

    ``本报讯（记者 王薛滔）9月25日，上海…`` → (``9月25日，上海…``, authors [王薛滔]);
    ``新华社北京1月5日电（记者 张三、李四）今年…`` → (``今年…``, source 新华社);
    ``某某报讯 记者 张三 报道 今年…`` → (``今年…``, source 某某报, authors [张三]).
    A lead needs a date, a credit, the paper's own name (本报讯, 本网讯) or a 讯
    set apart by a space (``某某报讯　据…``), so a sentence that merely opens
    with 合作社电商… is not cut.
    """
    m = NEWS_LEAD.match(paragraph)
    if m:
        end = m.end()
        credit = parse_credit(m["credit"]) if m["credit"] else None
        if m["credit"] and credit is None:
            return paragraph, None
        if credit is None and (plain := _PLAIN_LEAD_CREDIT.match(paragraph, end)) is not None:
            credit = parse_credit(plain["credit"])  # 新快报讯 记者 张三 实习生 李四 报道
            end = plain.end() if credit is not None else end
        if m["date"] or credit is not None or (m["kind"] == "讯" and (m["org"] in OWN_PAPER or _set_apart(paragraph, m))):
            credit = credit or Credit()
            if m["org"] not in OWN_PAPER and not credit.source:
                credit.source = m["org"]
            return paragraph[end:], credit
        return paragraph, None
    m = BRACKET_LEAD.match(paragraph)
    if m and m.end() < len(paragraph):
        tag = m["open"] in "【〔"
        credit = parse_credit(m["credit"], tag=tag)
        if credit is not None and (credit.authors or (tag and credit.source)):
            return paragraph[m.end():], credit
    return paragraph, None


def _set_apart(paragraph: str, m: re.Match[str]) -> bool:
    """Is the lead's 讯 set apart from the text by a space or colon (``某某报讯　据报道…``)?"""
    after = m.end("kind")
    return after < len(paragraph) and paragraph[after] in " \u3000：:"


#: A source label glued to the end of a paragraph, after a mark (not inside a word): ``…。来源：某某网``.
_TRAILING_SOURCE = re.compile(
    f"(?<!\\w)(?:{SOURCE_ROLE})\\s*[:：]\\s*(?P<source>[^\\s。！？!?，,；;:：（）()【】〔〕]{{2,20}})"
    r"(?:[\s\u3000][^\s。！？!?，,；;:：（）()【】〔〕]{1,12})?\s*$"
)


def split_trailing_credits(paragraph: str) -> tuple[str, Credit | None]:
    """Take bracketed credits off the end of a paragraph and read them.

    ``…发展机遇。（完）（《中国新闻》报 作者 任德辉 报道）`` → (``…发展机遇。``,
    source 中国新闻报, authors [任德辉], closes). Groups are read from the end
    and reading stops at the first group that is not a credit, so a closing
    ``（以下简称《行动计划》）`` stays in the text. An unbracketed source line
    glued to the end (``…呵呵～～来源：某某社区``) is read too.
    """
    found: Credit | None = None
    text = paragraph.rstrip()
    m = _TRAILING_SOURCE.search(text) if ":" in text or "：" in text else None
    if m and m.start() > 0:
        found = Credit(source=clean_source(m["source"]), closes=True)
        text = text[: m.start()].rstrip()
    while text.endswith(tuple(_CREDIT_CLOSERS)):  # the pattern ends on one (``text`` is stripped)
        # a group ends the text, so it starts in its last _TRAILING_GROUP_SPAN characters:
        # searched there, not from the paragraph's start again for each group (quadratic)
        m = _TRAILING_GROUP.search(text, max(0, len(text) - _TRAILING_GROUP_SPAN))
        if not m or m.start() == 0:
            break
        credit = parse_credit(m["credit"])
        if credit is None:
            break
        credit.closes = _closes_when_trailing(m["credit"], credit)
        if found is None:
            found = credit
        else:
            credit.merge(found)  # keep reading order: earlier groups first
            found = credit
        text = text[: m.start()].rstrip()
    return text, found
