"""Render an article as a Markdown page with YAML front matter, and read one back.

Seed text is never markup: every ASCII punctuation character of seed text in
the body is backslash-escaped (CommonMark allows that for all of them), so
``<script>``, ``[x](javascript:…)``, ``**bold**`` or ``# title`` in a seed show
as the characters they are. Front matter values go through ``yaml.safe_dump``,
so a title such as ``---`` or ``Title: x`` stays a plain string.

The last front-matter line records a hash of everything else in the page. If
the hash no longer matches, an editor changed the page by hand.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict

import yaml

from digest import __version__
from digest.model import Article

GENERATOR = f"digest {__version__}"
HASH_KEY = "generated_hash"
_HASH_LINE = re.compile(rf"^{HASH_KEY}: *(\S*)\n", re.MULTILINE)
_MD_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n?", re.DOTALL)
#: libyaml's C loader and dumper when PyYAML was built with it: the same
#: documents as the pure-Python safe ones, about 6x faster (front matter is
#: read and written for every article on every build).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def escape_markdown(text: str) -> str:
    """``<b>1. [x](y)</b>`` -> ``\\<b\\>1\\. \\[x\\]\\(y\\)\\</b\\>``: literal text in CommonMark."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def front_matter(article: Article, lang: str) -> dict:
    """``modified`` is there only when the text really changed since the article
    was first published (see :mod:`digest.publish.permalinks`); ``permalink_id``
    is the article's permanent id, which feeds use as the entry id."""
    dates = {"date": article.date.isoformat() if article.date else None}
    if article.modified:
        dates["modified"] = article.modified.isoformat()
    return {
        "title": article.title,
        **dates,
        "slug": article.slug,
        "permalink_id": article.permalink_id or None,
        "lang": lang,
        "topic": article.topic,
        "topic_score": round(article.topic_score, 3),
        "source": article.source,
        "authors": list(article.authors),
        "column": article.column,
        "source_file": article.source_file,
        "summary": list(article.summary),
        "key_figures": [asdict(k) for k in article.key_figures],
        "keywords": list(article.keywords),
        "warnings": [str(w) for w in article.warnings],
        "generator": GENERATOR,
    }


def render_body(article: Article) -> str:
    parts = []
    for block in article.blocks:
        text = escape_markdown(block.text)
        parts.append(f"## {text}" if block.heading else text)
    return "\n\n".join(parts) + "\n"


def content_hash(page_text_without_hash: str) -> str:
    return "sha256:" + hashlib.sha256(page_text_without_hash.encode("utf-8")).hexdigest()


def render_page(article: Article, lang: str = "zh-hans") -> str:
    """The whole Markdown file for one article, hash line included."""
    meta = yaml.dump(front_matter(article, lang), Dumper=_DUMPER, allow_unicode=True,
                     sort_keys=False, width=10_000)
    text = f"---\n{meta}---\n\n{render_body(article)}"
    digest = content_hash(text)
    return text.replace("\n---\n\n", f"\n{HASH_KEY}: {digest}\n---\n\n", 1)


def split_page(text: str) -> tuple[dict, str]:
    """(front matter, Markdown body) of a page; a page without front matter has ``{}``."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        meta = yaml.load(match.group(1), Loader=_LOADER) or {}
    except yaml.YAMLError:
        # A broken page: read it again with the pure-Python loader, whose error
        # (line, reason) is the one PyYAML users know; it raises the same way.
        meta = yaml.safe_load(match.group(1)) or {}
    if not isinstance(meta, dict):
        raise ValueError("front matter is not a mapping of keys to values")
    return meta, text[match.end():]


def page_state(text: str) -> str:
    """``"generated"`` (unchanged since written), ``"edited"`` (hash mismatch) or ``"manual"`` (no hash)."""
    match = _HASH_LINE.search(text)
    if not match:
        return "manual"
    without = text[: match.start()] + text[match.end():]
    return "generated" if content_hash(without) == match.group(1) else "edited"
