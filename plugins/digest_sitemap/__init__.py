"""Pelican plugin: ``sitemap.xml`` and ``robots.txt`` for all editions at once.

Runs on ``digest_editions_finalized`` (sent by ``digest_editions`` once every
edition is built), because a page's alternates live in other editions' folders.

* Every HTML page of every edition is listed with its absolute URL (root
  ``SITEURL``, or ``DIGEST_ROOT_SITEURL``, plus the edition path), except the
  404 and search pages and pages that ask not to be indexed (``<meta name="robots"
  content="noindex">``) or only redirect (``<meta http-equiv="refresh">``).
* A page that exists under the same path in several editions lists them all
  as ``xhtml:link rel="alternate" hreflang`` (itself included, as Google
  asks) plus ``x-default``: the first edition's page.
* ``lastmod`` is the article's stated ``modified`` date (``date_modified``,
  set by ``digest_reading``; a generated article states one only when its text
  was corrected, see ``digest.publish.permalinks``), else its ``date``, taken
  from Pelican as each article page is written; list pages and the redirect
  pages at old article URLs are not dated (the latter are not listed at all).
* Past 50,000 URLs (the protocol's limit per file) the URLs go to
  ``sitemap-1.xml``, ``sitemap-2.xml``... and ``sitemap.xml`` is their index.
* ``robots.txt`` names the sitemap; one copied in by the editors keeps its
  rules and gets the ``Sitemap:`` line added.

Settings: ``DIGEST_SITEMAP`` (default ``True``), ``DIGEST_SITEMAP_EXCLUDE``
(paths in an edition never listed, default ``NOT_LISTED``). A site without an absolute
``SITEURL`` gets no sitemap (the protocol requires absolute URLs), with a warning.
"""

from __future__ import annotations

import logging
import os
import re
from datetime import datetime, time
from pathlib import Path
from urllib.parse import quote
from xml.etree import ElementTree as ET

from pelican import signals

from digest.site.settings import NOT_LISTED, is_absolute_url, root_siteurl, setting
from digest.site.signals import edition_fork_state, editions_finalized

log = logging.getLogger(__name__)

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
MAX_URLS = 50_000

_META = re.compile(r"<meta\b[^>]*>", re.I)
_ATTR = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_HEAD_END = re.compile(r"</head\s*>", re.I)

#: Absolute path of each article page written in this process -> its date.
_written_dates: dict[str, datetime] = {}


def remember_date(path, context) -> None:
    """On ``content_written``: keep the date of an article (or page, or digest period) page."""
    content = context.get("article") or context.get("page") or context.get("period_page")
    date = getattr(content, "date_modified", None) or getattr(content, "date", None)
    if isinstance(date, datetime):
        _written_dates[os.path.realpath(path)] = date


def w3c_datetime(value: datetime) -> str:
    """``lastmod`` text: a date alone when the time is unknown (midnight), else
    the full time with its offset. ``2026-01-23``, ``2026-01-23T09:30:00+08:00``."""
    if value.time() == time(0, 0):
        return value.date().isoformat()
    return value.isoformat(timespec="seconds")


def _meta_tags(head: str) -> list[dict[str, str]]:
    return [{m[1].lower(): next(v for v in m.groups()[1:] if v is not None)
             for m in _ATTR.finditer(tag)} for tag in _META.findall(head)]


def is_listable(html: str) -> bool:
    """False for a page that asks robots to skip it or only redirects.

    Only ``<head>`` is read: a ``<meta>`` quoted in the article text must
    not unlist the article.
    """
    head = _HEAD_END.split(html, maxsplit=1)[0]
    lowered = head.lower()
    if "noindex" not in lowered and "refresh" not in lowered:
        return True  # neither rule can hold: most pages, and parsing their tags was most of the sitemap's time
    for meta in _meta_tags(head):
        if meta.get("name", "").lower() == "robots" and "noindex" in meta.get("content", "").lower():
            return False
        if meta.get("http-equiv", "").lower() == "refresh":
            return False
    return True


def _head_of(path: Path, chunk: int = 32_768) -> str:
    """The start of an HTML file, up to and including ``</head>`` when it is
    within the first ``chunk`` characters (it always is for our pages): reading
    whole article pages only to look at their ``<head>`` doubled the sitemap's time."""
    with open(path, encoding="utf-8", errors="replace") as fh:
        text = fh.read(chunk)
        return text if _HEAD_END.search(text) else text + fh.read()


def edition_pages(folder: Path, skip: set[Path], excluded=NOT_LISTED) -> list[str]:
    """Paths (POSIX, relative to ``folder``) of the listable HTML pages of one
    edition; ``skip`` holds the folders of the editions nested inside it."""
    pages = []
    inside = tuple(f"{s.relative_to(folder).as_posix()}/" for s in skip if folder in s.parents)
    for path in sorted(folder.rglob("*.html")):
        rel = path.relative_to(folder).as_posix()
        if rel.startswith(inside) or rel in excluded:
            continue
        if is_listable(_head_of(path)):
            pages.append(rel)
    return pages


def page_url(root: str, edition: dict, rel: str) -> str:
    return "/".join(p for p in (root, edition["path"], quote(rel)) if p)


def sitemap_entries(root: str, editions: list[dict], excluded=NOT_LISTED) -> list[dict]:
    """One dict per URL: ``loc``, ``lastmod`` (or None) and ``alternates``
    (``[(hreflang, url), ...]``, empty for a page in one edition only)."""
    folders = {e["lang"]: Path(e["output"]).resolve() for e in editions}
    pages = {}
    for edition in editions:
        mine = folders[edition["lang"]]
        nested = {f for f in folders.values() if f != mine and mine in f.parents}
        pages[edition["lang"]] = edition_pages(mine, nested | {mine / "pagefind"}, excluded)
    found = {lang: set(rels) for lang, rels in pages.items()}
    default = editions[0]
    entries = []
    for edition in editions:
        for rel in pages[edition["lang"]]:
            holders = [e for e in editions if rel in found[e["lang"]]]
            alternates = []
            if len(holders) > 1:
                alternates = [(e["html_lang"], page_url(root, e, rel)) for e in holders]
                if default in holders:
                    alternates.append(("x-default", page_url(root, default, rel)))
            date = _written_dates.get(str(folders[edition["lang"]] / rel))
            entries.append({"loc": page_url(root, edition, rel),
                            "lastmod": w3c_datetime(date) if date else None,
                            "alternates": alternates})
    return entries


def urlset_xml(entries: list[dict]) -> bytes:
    ET.register_namespace("", SITEMAP_NS)
    ET.register_namespace("xhtml", XHTML_NS)
    urlset = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    for entry in entries:
        url = ET.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
        ET.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = entry["loc"]
        if entry["lastmod"]:
            ET.SubElement(url, f"{{{SITEMAP_NS}}}lastmod").text = entry["lastmod"]
        for hreflang, href in entry["alternates"]:
            ET.SubElement(url, f"{{{XHTML_NS}}}link", rel="alternate", hreflang=hreflang, href=href)
    ET.indent(urlset)
    return ET.tostring(urlset, encoding="utf-8", xml_declaration=True) + b"\n"


def index_xml(locations: list[str]) -> bytes:
    ET.register_namespace("", SITEMAP_NS)
    index = ET.Element(f"{{{SITEMAP_NS}}}sitemapindex")
    for loc in locations:
        ET.SubElement(ET.SubElement(index, f"{{{SITEMAP_NS}}}sitemap"), f"{{{SITEMAP_NS}}}loc").text = loc
    ET.indent(index)
    return ET.tostring(index, encoding="utf-8", xml_declaration=True) + b"\n"


def write_sitemaps(output: Path, root: str, entries: list[dict]) -> str:
    """Write ``sitemap.xml`` (split past MAX_URLS); returns its absolute URL."""
    chunks = [entries[i:i + MAX_URLS] for i in range(0, len(entries), MAX_URLS)] or [[]]
    if len(chunks) == 1:
        (output / "sitemap.xml").write_bytes(urlset_xml(chunks[0]))
    else:
        names = [f"sitemap-{n}.xml" for n in range(1, len(chunks) + 1)]
        for name, chunk in zip(names, chunks):
            (output / name).write_bytes(urlset_xml(chunk))
        (output / "sitemap.xml").write_bytes(index_xml([f"{root}/{n}" for n in names]))
    return f"{root}/sitemap.xml"


def write_robots(output: Path, sitemap_url: str) -> None:
    """``robots.txt`` that allows everything and names the sitemap; an existing
    one (the editors' rules) only gains the ``Sitemap:`` line."""
    path = output / "robots.txt"
    line = f"Sitemap: {sitemap_url}\n"
    if path.exists():
        text = path.read_text(encoding="utf-8")
        if line.strip() not in text:
            path.write_text(text.rstrip("\n") + "\n\n" + line, encoding="utf-8")
        return
    path.write_text(f"User-agent: *\nAllow: /\n\n{line}", encoding="utf-8")


def build_sitemap(pelican, editions: list[dict]) -> None:
    settings = pelican.settings
    if not setting(settings, "DIGEST_SITEMAP"):
        return
    root = root_siteurl(settings)
    if not is_absolute_url(root):
        log.warning("digest_sitemap: SITEURL %r is not absolute; no sitemap.xml written", root)
        return
    output = Path(settings["OUTPUT_PATH"])
    entries = sitemap_entries(root, editions, setting(settings, "DIGEST_SITEMAP_EXCLUDE"))
    url = write_sitemaps(output, root, entries)
    write_robots(output, url)
    log.info("digest_sitemap: %d URLs in %s", len(entries), url)


def carry_dates(sender, state=None, moved=None):
    """``edition_fork_state``: the dates remembered in the fork that built the further
    editions (returned there), taken in here with their paths moved to the build folder."""
    if moved is None:  # in the fork
        return dict(_written_dates)
    src, dst = (os.path.realpath(p) for p in moved)
    for path, date in (state or {}).items():
        if path == src or path.startswith(src + os.sep):
            path = dst + path[len(src):]
        _written_dates[path] = date
    return None


def clear_dates(pelican) -> None:
    if not setting(pelican.settings, "DIGEST_EDITION_CHILD"):
        _written_dates.clear()


def register():
    signals.initialized.connect(clear_dates)
    signals.content_written.connect(remember_date)
    editions_finalized.connect(build_sitemap)
    edition_fork_state.connect(carry_dates)
