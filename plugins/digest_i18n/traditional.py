"""The Traditional-Chinese edition: the Simplified edition written in Traditional characters.

The ``zh-hant`` edition is not a translation. Every article, page and
interface string of the Simplified edition is converted with OpenCC ``s2t``
(:data:`OPENCC_CONFIG`), which maps characters (and the few phrases a
character alone cannot decide, 头发 -> 頭髮 but 发展 -> 發展) and nothing else:
``核心`` and ``信息`` stay as the reporter wrote them, where ``s2twp`` would
swap in Taiwanese vocabulary (信息 -> 資訊, 软件 -> 軟體). ``s2t``
writes OpenCC's standard glyphs (爲, 啓, 衆); ``s2tw``/``s2hk`` would only
swap these for the Taiwan or Hong Kong forms (為, 啟, 眾).

Why converting markup is safe: ``s2t`` maps CJK characters to CJK characters
only. ASCII, punctuation, full-width forms and entities pass through
unchanged, so ``<``, ``&`` and quotes are never made or removed, and an
escaped title stays escaped. HTML is still converted between its tags only,
so attribute values (``href="/wiki/人工智能"``) keep the URL they point to.
The one link that must change is a relative link out of the Simplified
edition (``../en/index.html`` on ``pages/about.html``): the converted page
stands one folder deeper, so it is re-aimed at the same file
(:func:`rebase_cross_edition_links`).

Settings: none. The edition exists when ``DIGEST_EDITIONS`` lists ``zh-hant``;
its source is the ``zh-hans`` text (:data:`DERIVED_EDITIONS`).
"""

from __future__ import annotations

import posixpath
import re
from functools import lru_cache
from urllib.parse import urlsplit

import opencc
from markupsafe import Markup

from digest.site.settings import editions, topics

LANG = "zh-hant"
OPENCC_CONFIG = "s2t"
#: Editions made from another edition's content: ``{edition: source language}``.
DERIVED_EDITIONS = {LANG: "zh-hans"}

#: Front-matter fields shown to readers. Their strings (nested in lists and
#: dicts too: keywords, key figures) are converted; every other field (slug,
#: date, topic, source_file...) is a key for machines and stays as written.
TEXT_FIELDS = ("title", "summary", "summary_sentences", "keywords", "key_figures",
               "source", "column")
#: Fields holding HTML: only the text between tags is converted.
HTML_FIELDS = ("title", "summary")

_TAG = re.compile(r"(<[^>]*>)")
_LINK = re.compile(r'(\s(?:href|src)=")([^"]*)(")')


@lru_cache(maxsize=1)
def _s2t() -> opencc.OpenCC:
    return opencc.OpenCC(OPENCC_CONFIG)


def to_traditional(text: str) -> str:
    """Plain text in Traditional characters: ``政协委员热议产业未来`` -> ``政協委員熱議產業未來``.

    Characters only: ``核心`` stays ``核心``, ``信息`` stays ``信息``. A ``Markup``
    string stays ``Markup`` (see the module docstring for why that is safe).
    """
    converted = _s2t().convert(str(text))
    return Markup(converted) if isinstance(text, Markup) else converted


def traditional_html(markup: str) -> str:
    """HTML with its text nodes converted and its tags left exactly as written.

    ``<a href="/人工智能">人工智能发展</a>`` -> ``<a href="/人工智能">人工智能發展</a>``:
    URLs and attributes are not text a reader sees in the edition's script.
    """
    parts = _TAG.split(str(markup))
    parts[::2] = (to_traditional(p) if p else p for p in parts[::2])
    joined = "".join(parts)
    return Markup(joined) if isinstance(markup, Markup) else joined


def traditional_value(value):
    """Convert every string inside ``value`` (lists, tuples and dicts are walked).

    ``{"text": "3000亿元", "value": 3e11}`` -> ``{"text": "3000億元", "value": 3e11}``.
    New containers are returned: the reader's metadata is never changed in place.
    """
    if isinstance(value, str):
        return to_traditional(value)
    if isinstance(value, (list, tuple)):
        return type(value)(traditional_value(v) for v in value)
    if isinstance(value, dict):
        return {k: traditional_value(v) for k, v in value.items()}
    return value


def _inside(path: str, folder: str) -> bool:
    """Whether a normalised site path is in ``folder`` (``""``: the site root)."""
    if folder == "":
        return not path.startswith("..")
    return path == folder or path.startswith(folder + "/")


def rebase_cross_edition_links(markup: str, page_dir: str, source: str, derived: str,
                               editions: list[str]) -> str:
    """Re-aim relative links that leave the source edition's folder, so they reach the same file
    from the derived edition's folder; links inside the edition stay as written.

    ``../en/index.html`` on ``pages/about.html`` (source ``""``, derived
    ``zh-hant``) -> ``../../en/index.html``; ``../articles/a.html`` stays, and
    now leads to the Traditional article. ``source``, ``derived`` and
    ``editions`` are edition folders relative to the site root.
    """
    nested = [e for e in editions if e and e != source and _inside(e, source)]

    def rebase(match: re.Match) -> str:
        url = urlsplit(match[2])
        if url.scheme or url.netloc or not url.path or url.path.startswith("/"):
            return match[0]
        target = posixpath.normpath(posixpath.join(source, page_dir, url.path))
        if _inside(target, source) and not any(_inside(target, e) for e in nested):
            return match[0]
        path = posixpath.relpath(target, posixpath.join(derived, page_dir) or ".")
        path += "/" if url.path.endswith("/") and not path.endswith("/") else ""
        return match[1] + url._replace(path=path).geturl() + match[3]

    return _LINK.sub(rebase, markup)


def source_of(lang: str) -> str | None:
    """The language an edition's content is made from (``zh-hant`` -> ``zh-hans``), or None."""
    return DERIVED_EDITIONS.get(lang.lower())


def made_from(lang: str, editions) -> set[str]:
    """The editions among ``editions`` whose content is made from ``lang`` content.

    ``made_from("zh-hans", ["zh-hans", "zh-hant", "en"])`` -> ``{"zh-hant"}``.
    """
    return {e for e in editions if source_of(e) == lang.lower()}


def _convert_authors(content) -> None:
    """Authors are Pelican objects keyed by name: rebuild them with the converted name."""
    if "authors" not in content.metadata and "author" not in content.metadata:
        return  # the site's AUTHOR, not a byline
    authors = [type(a)(to_traditional(a.name), a.settings) for a in content.authors]
    content.authors = authors
    content.author = authors[0] if authors else content.author
    for key in ("authors", "author"):
        if key in content.metadata:
            content.metadata[key] = authors if key == "authors" else authors[0]


def convert_content(content, lang: str = LANG) -> None:
    """Make a Simplified article or page the Traditional edition's own.

    Relabels the content as ``lang``: it is now text in that script
    (``<html lang>``, JSON-LD ``inLanguage``), and in the edition's default
    language it keeps the URL it has in every edition (``pages/about.html``,
    not ``pages/about-zh-hans.html``); ``derived_from`` remembers the source
    language, for the pages' list of editions. Then converts the body (its
    links out of the edition re-aimed), :data:`TEXT_FIELDS` and authors.
    """
    source = content.lang
    content.derived_from = source
    content.lang = content.metadata["lang"] = lang
    content.in_default_lang = lang == content.settings["DEFAULT_LANG"].lower()
    if content._content:
        content._content = traditional_html(content._content)
        folders = {e["lang"]: e["path"] for e in editions(content.settings)}
        if source in folders and lang in folders:
            content._content = rebase_cross_edition_links(
                content._content, posixpath.dirname(content.save_as), folders[source],
                folders[lang], list(folders.values()))
    for key in TEXT_FIELDS:
        if key not in content.metadata:
            continue
        raw = content.metadata[key]
        value = traditional_html(raw) if key in HTML_FIELDS and isinstance(raw, str) else traditional_value(raw)
        content.metadata[key] = value
        setattr(content, key, value)
    if "summary" in content.metadata:
        content._summary = content.metadata["summary"]
    _convert_authors(content)


def convert_settings(settings) -> None:
    """The edition's own strings in settings: site name, subtitle and topic names.

    Topic names are rewritten into ``DIGEST_TOPICS`` (keywords unchanged), so
    every reader of the setting (topic pages, feeds, JSON-LD) gets them in
    Traditional characters. ``DIGEST_CONVERT`` is off in this edition's run,
    so the topics are never used to classify here.
    """
    for key in ("SITENAME", "SITESUBTITLE"):
        if settings.get(key):
            settings[key] = to_traditional(settings[key])
    settings["DIGEST_TOPICS"] = [
        {"slug": t.slug, "name_zh": to_traditional(t.name_zh), "name_en": t.name_en,
         "keywords": dict(t.lexicon)} for t in topics(settings)]


def traditional_catalog(catalog) -> None:
    """Convert a Babel catalog's translations in place (plural forms too).

    Placeholders (``%(num)d``, ``{query}``) are ASCII and pass through unchanged.
    """
    for message in catalog:
        if not message.id or not message.string:
            continue
        if isinstance(message.string, (list, tuple)):
            message.string = tuple(to_traditional(s) for s in message.string)
        else:
            message.string = to_traditional(message.string)
