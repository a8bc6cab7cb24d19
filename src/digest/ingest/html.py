"""HTML seeds: pull the article out of a web page as plain text lines.

The output reads like a ``.txt`` seed, so the text pipeline treats both alike::

    title
    2025年9月26日          (when the page gives a date)
    作者：张三              (when the page gives a byline)
    来源：人民日报          (when the page gives a source)
    first paragraph
    ...

Only text leaves this module: entities are decoded (``&lt;script&gt;`` becomes
the literal text ``<script>``, which later stages escape), tags never pass.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from digest.chardata import AUTHOR_ROLE, OUTLET, SOURCE_ROLE
from digest.credits import parse_byline, parse_credit
from digest.dates import date_line_date, parse_date, without_dates

#: Elements that never hold article text.
_NON_CONTENT_TAGS = ["script", "style", "noscript", "iframe", "form", "nav", "aside", "footer",
                     "svg", "canvas", "button", "select", "template", "object", "embed", "video", "audio"]
#: class/id words of page furniture: share widgets, ads, comments, related links, navigation.
_FURNITURE = re.compile(
    r"(?:^|[\s_-])(?:share|sharing|social|ad|ads|advert\w*|adsbygoogle|sponsor\w*|comments?|"
    r"reply|related|recommend\w*|footer|nav|navbar|navigation|menu|breadcrumbs?|sidebar|popup|"
    r"subscribe|copyright|toolbar)(?:$|[\s_-])",
    re.IGNORECASE,
)
#: class/id words of the article body, preferred over a nested denser container.
_CONTENT_HINT = re.compile(r"(?:^|[\s_-])(?:article|content|post|entry|story|text|body|detail)(?:[\s_-]|$)",
                           re.IGNORECASE)
_BYLINE_HINT = re.compile(r"author|byline|writer|reporter", re.IGNORECASE)
_DATE_HINT = re.compile(r"(?:^|[\s_-])(?:date|time|pubtime|pubdate|publish\w*|posttime)(?:$|[\s_-])", re.IGNORECASE)
_SOURCE_HINT = re.compile(r"(?:^|[\s_-])source(?:$|[\s_-])", re.IGNORECASE)
#: A site suffix after the title: 标题_新闻_某某网, 标题 - 某某网, 标题 | 某某网.
_TITLE_SEPARATOR = re.compile(r"\s*(?:[_|｜]|\s[-–—]\s|——)\s*")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u3000]+")
_BYLINE_LABEL = re.compile(f"^(?:{AUTHOR_ROLE}|{SOURCE_ROLE})\\s*[：:/]")

_DATE_METAS = ("article:published_time", "og:article:published_time", "og:published_time",
               "publishdate", "pubdate", "publish_date", "publication_date", "date", "dc.date",
               "dc.date.issued", "weibo:article:create_at")
_AUTHOR_METAS = ("author", "article:author", "og:article:author", "dc.creator")
_KEEP = ("html", "body", "article", "main")
_BLOCKS = ["p", "h2", "h3", "h4", "li", "blockquote"]

#: An ``<article>``/``<main>`` needs this much paragraph text to be taken as the content.
MIN_CONTENT_CHARS = 80
#: Metadata elements (bylines, sources) are short; a long "author" box is a biography.
MAX_META_CHARS = 40
#: A date line stands near the top: only the first elements are looked at.
DATE_LINE_SEARCH = 200


@lru_cache(maxsize=1)
def _parser() -> str:
    """lxml when installed (faster, more forgiving), else the standard library parser."""
    try:
        import lxml  # noqa: F401
    except ImportError:
        return "html.parser"
    return "lxml"


def _text(node: Tag) -> str:
    """Visible text of an element on one line; no separator between inline elements,
    because ``<b>北京</b>发布`` is one word run in Chinese."""
    return _SPACES.sub(" ", node.get_text("")).replace("\n", " ").strip()


def _gone(node: Tag) -> bool:
    """Was the element decomposed? bs4 blanks a decomposed tag's name.

    (bs4's own ``decomposed`` property looks up ``_decomposed`` through
    ``Tag.__getattr__``, which searches the whole subtree of a live tag.)
    """
    return not node.name


def _words(node: Tag) -> str:
    """The class and id of an element as one string, for the hint patterns."""
    classes = node.get("class") or []
    if isinstance(classes, str):
        classes = [classes]
    return " ".join([*classes, node.get("id") or ""])


def _paragraph_chars(node: Tag) -> int:
    return sum(len(_text(p)) for p in node.find_all("p"))


def _meta(soup: BeautifulSoup, names: tuple[str, ...]) -> str:
    for meta in soup.find_all("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in names and (meta.get("content") or "").strip():
            return _SPACES.sub(" ", meta["content"]).strip()
    return ""


def drop_furniture(soup: BeautifulSoup) -> None:
    """Remove what is not the article: scripts, navigation, widgets, ads, comments.

    Elements go by name (``nav``, ``aside``, ``footer``, ``script``, ``form``…),
    page-level ``<header>`` without the headline, and anything whose class or
    id names furniture (share, ad, comment, related, recommend, breadcrumb…).
    The page's ``<body>``, ``<article>`` and ``<main>`` stay whatever their
    classes say, and so does an element holding most of the page's paragraph
    text: a ``<div class="content has-sidebar">`` is the article, not a sidebar.
    """
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for node in soup.find_all(_NON_CONTENT_TAGS):
        node.decompose()
    for node in soup.find_all("header"):
        if not _gone(node) and node.find_parent(["article", "main"]) is None and node.find("h1") is None:
            node.decompose()
    total = _paragraph_chars(soup)
    for node in soup.find_all(True):
        if _gone(node) or node.name in _KEEP or not _FURNITURE.search(_words(node)):
            continue
        if node.find(["article", "main", "h1"]) is None and _paragraph_chars(node) * 2 <= total:
            node.decompose()


def _densest(soup: BeautifulSoup) -> Tag | None:
    """The element whose own ``<p>`` children carry the most text."""
    scores: dict[int, list] = {}
    for p in soup.find_all("p"):
        if p.parent is not None:
            entry = scores.setdefault(id(p.parent), [0, p.parent])
            entry[0] += len(_text(p))
    return max(scores.values(), key=lambda e: e[0])[1] if scores else None


def find_content(soup: BeautifulSoup) -> Tag | None:
    """The article container.

    The ``<article>`` with the most paragraph text, else ``<main>``, when it
    holds real text (≥ 80 characters of ``<p>``); else the element whose own
    ``<p>`` children hold the most text, widened to an enclosing element whose
    class says content/article/post when that one adds little else.
    """
    articles = soup.find_all("article")
    if articles:
        best = max(articles, key=_paragraph_chars)
        if _paragraph_chars(best) >= MIN_CONTENT_CHARS:
            return best
    main = soup.find("main") or soup.find(attrs={"role": "main"})
    if main is not None and _paragraph_chars(main) >= MIN_CONTENT_CHARS:
        return main
    dense = _densest(soup)
    if dense is None:
        return articles[0] if articles else main
    for node in [dense, *dense.parents]:
        if node.name in ("body", "html", "[document]"):
            break
        if _CONTENT_HINT.search(_words(node)):
            return node if _paragraph_chars(node) <= 1.5 * _paragraph_chars(dense) else dense
    return dense


def clean_title(title: str) -> str:
    """Drop a site suffix: ``缝制机械如何破局_新闻_某某网`` → ``缝制机械如何破局``.

    The title is split at ``_``, ``|`` and spaced dashes and the longest part is
    kept (the site name and section are the shorter parts, before or after).
    """
    parts = [p.strip() for p in _TITLE_SEPARATOR.split(_SPACES.sub(" ", title)) if p.strip()]
    return max(parts, key=len) if parts else title.strip()


def _title(soup: BeautifulSoup, content: Tag | None) -> tuple[str, Tag | None]:
    """The headline: ``<h1>`` in the article or main, else og:title, else ``<title>``.

    Returns the ``<h1>`` too when the title came from one, so it is not repeated
    as a paragraph.
    """
    for scope in (content, soup.find("article"), soup.find("main")):
        h1 = scope.find("h1") if scope is not None else None
        if h1 is not None and _text(h1):
            return _text(h1), h1
    named = _meta(soup, ("og:title", "twitter:title"))
    if not named and soup.title is not None:
        named = soup.title.get_text()
    if named.strip():
        return clean_title(named), None
    h1 = soup.find("h1")
    return (_text(h1), h1) if h1 is not None else ("", None)


def _format_date(found: date) -> str:
    return f"{found.year}年{found.month}月{found.day}日"


def _date(soup: BeautifulSoup, content: Tag | None) -> tuple[str, list[Tag]]:
    """The publication date as ``2025年9月26日``, and the element that said it.

    Tried in order: ``<time datetime>`` in the article, the published-time
    meta tags, an element with a date-like class, any remaining ``<time>``,
    then a short line near the top that is only a date (``2025-09-26 10:00 来源：人民网``).
    """
    scopes = [s for s in (content, soup) if s is not None]
    for node in scopes[0].find_all("time"):
        found = parse_date(node.get("datetime") or "") or parse_date(_text(node))
        if found:
            return _format_date(found), [node]
    found = parse_date(_meta(soup, _DATE_METAS))
    if found:
        return _format_date(found), []
    for scope in scopes:
        for node in scope.find_all(True):
            if _DATE_HINT.search(_words(node)) or node.name == "time":
                found = parse_date(node.get("datetime") or "") or parse_date(_text(node))
                if found:
                    return _format_date(found), [node]
    for node in (soup.body or soup).find_all(["p", "div", "span"], limit=DATE_LINE_SEARCH):
        if any(child.name in ("p", "div") for child in node.children):
            continue
        text = _text(node)
        if len(text) <= MAX_META_CHARS and (found := date_line_date(text)):
            return _format_date(found), [node]
    return "", []


def _as_byline(text: str) -> str:
    """Keep a byline the credit reader understands; label a bare name ``作者：``."""
    if _BYLINE_LABEL.match(text) or parse_byline(text) is not None:
        return text
    return f"作者：{text}"


def _byline(soup: BeautifulSoup, content: Tag | None) -> tuple[str, list[Tag]]:
    """A byline line the text pipeline reads (``作者：张三``), and the element that said it.

    From ``rel=author`` / ``itemprop=author`` / a class like author, byline,
    reporter (in the article first), else the author meta tag.
    """
    for scope in (content, soup):
        if scope is None:
            continue
        for node in scope.find_all(True):
            if node.name in _KEEP:
                continue
            if node.get("rel") == ["author"] or node.get("itemprop") == "author" or _BYLINE_HINT.search(_words(node)):
                text = _text(node)
                if 0 < len(text) <= MAX_META_CHARS:
                    return _as_byline(text), [node]
    author = _meta(soup, _AUTHOR_METAS)
    return (_as_byline(author), []) if 0 < len(author) <= MAX_META_CHARS else ("", [])


_OUTLET = re.compile(OUTLET)


def site_name(soup: BeautifulSoup) -> str:
    """The publishing site: ``og:site_name``, else the outlet part of ``<title>``
    (``标题_财经频道_某某新闻网`` → ``某某新闻网``), else ``""``."""
    named = _meta(soup, ("og:site_name",))
    if named and len(named) <= MAX_META_CHARS:
        return named
    if soup.title is not None:
        title = soup.title.get_text()
        parts = [p.strip() for p in _TITLE_SEPARATOR.split(_SPACES.sub(" ", title)) if p.strip()]
        headline = clean_title(title)
        outlets = [p for p in parts[1:] + parts[:1] if p != headline and _OUTLET.fullmatch(p)]
        if outlets:
            return outlets[0]
    return ""


def _source(soup: BeautifulSoup, content: Tag | None) -> tuple[str, list[Tag]]:
    """A ``来源：X`` line from an element with a source class, the source meta
    tag, or the site that published the page (:func:`site_name`)."""
    for node in (content or soup).find_all(True):
        if _SOURCE_HINT.search(_words(node)):
            text = _text(node)
            if 0 < len(text) <= MAX_META_CHARS:
                return (text if text.startswith("来源") else f"来源：{text}"), [node]
    source = _meta(soup, ("source",)) or site_name(soup)
    return (f"来源：{source}", []) if source else ("", [])


def _break_lines(root: Tag) -> None:
    """Make ``<br>`` a line break in the extracted text (paragraphs set with ``<br><br>``)."""
    for br in root.find_all("br"):
        br.replace_with(NavigableString("\n"))


def _node_lines(node: Tag) -> list[str]:
    return [s for s in (_SPACES.sub(" ", part).strip() for part in node.get_text("").split("\n")) if s]


def _body_lines(content: Tag, skip: list[Tag]) -> list[str]:
    """One line per paragraph (and subheading) of the content, in page order.

    Falls back to the content's text lines when it has no paragraph elements
    (text set in ``<div>`` with ``<br>``).
    """
    lines: list[str] = []
    for node in content.find_all(_BLOCKS):
        if _gone(node) or any(node is s for s in skip) or _inside_block(node, content):
            continue
        lines.extend(_node_lines(node))
    return lines or _node_lines(content)


def _inside_block(node: Tag, stop: Tag) -> bool:
    """Is the element inside another paragraph-like element (a ``<p>`` in a ``<blockquote>``)?"""
    for parent in node.parents:
        if parent is stop:
            return False
        if parent.name in _BLOCKS:
            return True
    return False


def html_to_text(markup: str) -> str:
    """The article of an HTML page as plain text lines: title, date, byline, source, paragraphs."""
    soup = BeautifulSoup(markup, _parser())
    drop_furniture(soup)
    _break_lines(soup)
    content = find_content(soup)
    title, title_node = _title(soup, content)
    date_line, date_nodes = _date(soup, content)
    byline, byline_nodes = _byline(soup, content)
    source, source_nodes = _source(soup, content)
    if date_nodes and not (source and byline):
        # ``<p class="date">2025年10月8日 来源：经济日报</p>``: the date line's credit.
        extra = parse_credit(without_dates(_text(date_nodes[0])).strip())
        if extra and extra.source and not source:
            source = f"来源：{extra.source}"
        if extra and extra.authors and not byline:
            byline = "作者：" + "、".join(extra.authors)
    for node in (*date_nodes, *byline_nodes, *source_nodes):
        if not _gone(node) and node is not content and node is not title_node:
            node.decompose()
    head = [line for line in (title, date_line, byline, source) if line]
    root = content if content is not None else (soup.body or soup)
    body = [line for line in _body_lines(root, [title_node] if title_node else []) if line not in head]
    return "\n".join(head + body)
