"""Pelican plugin: build the site once per language edition and link the editions.

The first entry of ``DIGEST_EDITIONS`` is the site Pelican was asked to build;
when it is finished (``finalized``), every further edition is built by a second
Pelican run on the same content into ``OUTPUT_PATH/<path>`` with its own
``DEFAULT_LANG``, ``SITEURL`` and ``SITENAME``. Templates get:

``EDITION``             the current edition (dict with lang, path, name, html_lang)
``EDITIONS``            every edition
``edition_url(lang, url)``  the URL of the same page in another edition
``absolute_url(lang, url)`` the absolute URL of a page in an edition (canonical, hreflang, sitemap)

Each edition is a complete Pelican site, so feeds, archives and topic pages
need no special cases; the only link between editions is that a page has the
same URL path in each of them.
"""

from __future__ import annotations

import copy
import logging
import os
import posixpath

from jinja2 import pass_context
from pelican import signals

from digest.site.settings import current_edition, editions as _editions, root_siteurl, setting
from digest.site.signals import editions_finalized

log = logging.getLogger(__name__)

__all__ = ["editions_finalized", "register"]

_OUR_GLOBALS = ("EDITION", "EDITIONS", "edition_url", "absolute_url")


def setup_context(pelican) -> None:
    """Add edition data and URL helpers to the Jinja environment of this run."""
    settings = pelican.settings
    editions = _editions(settings)
    current = current_edition(settings, editions)
    root = root_siteurl(settings)
    by_lang = {e["lang"]: e for e in editions}

    def absolute_url(lang: str, url: str = "") -> str:
        path = by_lang[lang]["path"]
        return "/".join(p for p in (root, path, url) if p) or "/"

    @pass_context
    def edition_url(context, lang: str, url: str = "") -> str:
        """Link from the page being rendered to ``url`` in edition ``lang``."""
        if not settings.get("RELATIVE_URLS"):
            return absolute_url(lang, url)
        here = context.get("SITEURL", ".") or "."
        rel = posixpath.relpath(by_lang[lang]["path"] or ".", current["path"] or ".")
        parts = [p for p in (here, rel, url) if p and p != "."]
        return "/".join(parts) if parts else "./"

    settings.setdefault("JINJA_GLOBALS", {}).update(
        EDITION=current, EDITIONS=editions, edition_url=edition_url, absolute_url=absolute_url)


def build_other_editions(pelican) -> None:
    settings = pelican.settings
    if setting(settings, "DIGEST_EDITION_CHILD"):
        return
    from pelican import Pelican  # here: pelican imports this module while it starts

    editions = _editions(settings)
    main = current_edition(settings, editions)
    root = root_siteurl(settings)
    for edition in editions:
        if edition is main:
            continue
        child = copy.deepcopy({k: v for k, v in settings.items() if k != "JINJA_GLOBALS"})
        child.update({k: v for k, v in edition.items() if k.isupper()})
        siteurl = f"{root}/{edition['path']}" if root else ""
        child.update(
            DEFAULT_LANG=edition["lang"],
            OUTPUT_PATH=os.path.join(settings["OUTPUT_PATH"], edition["path"]),
            SITEURL=siteurl,
            FEED_DOMAIN=siteurl if settings.get("FEED_DOMAIN") else None,
            DIGEST_ROOT_SITEURL=root,
            DIGEST_EDITION_CHILD=True,
            DIGEST_CONVERT=False,
            DELETE_OUTPUT_DIRECTORY=False,
            JINJA_GLOBALS={k: v for k, v in settings.get("JINJA_GLOBALS", {}).items()
                           if k not in _OUR_GLOBALS},
            CACHE_PATH=os.path.join(settings.get("CACHE_PATH", "cache"), edition["lang"]),
        )
        log.info("digest: building the %s edition into %s", edition["name"], child["OUTPUT_PATH"])
        Pelican(child).run()
    for edition in editions:
        edition["output"] = os.path.join(settings["OUTPUT_PATH"], edition["path"])
    editions_finalized.send(pelican, editions=editions)


def count_edition(generators) -> None:
    """Remember what this run built, for :func:`report_edition`."""
    from pelican.generators import ArticlesGenerator, PagesGenerator

    for gen in generators:
        if isinstance(gen, ArticlesGenerator):
            gen.settings["_DIGEST_BUILT"] = {"articles": len(gen.articles), "topics": len(gen.categories)}
    for gen in generators:
        if isinstance(gen, PagesGenerator):
            gen.settings.setdefault("_DIGEST_BUILT", {})["pages"] = len(gen.pages)


def built_line(lang: str, built: dict) -> str:
    """``zh-hans: 4 articles, 2 pages, 3 topics``: one line per edition."""
    def n(count: int, one: str, many: str) -> str:
        return f"{count} {one if count == 1 else many}"
    return (f"{lang}: {n(built.get('articles', 0), 'article', 'articles')}, "
            f"{n(built.get('pages', 0), 'page', 'pages')}, {n(built.get('topics', 0), 'topic', 'topics')}")


def report_edition(pelican) -> None:
    """Say what this edition's run built, in place of Pelican's "Done: Processed …",
    which every edition's run would print alike, without saying which edition it was."""
    from pelican.log import console

    console.print(built_line(pelican.settings["DEFAULT_LANG"].lower(), pelican.settings.get("_DIGEST_BUILT", {})))


def _without_pelican_done(print_):
    def print_unless_done(*objects, **kwargs):
        if objects and isinstance(objects[0], str) and objects[0].startswith("Done: Processed"):
            return None
        return print_(*objects, **kwargs)
    print_unless_done.digest_quiet = True
    return print_unless_done


def register():
    from pelican.log import console

    if not getattr(console.print, "digest_quiet", False):
        console.print = _without_pelican_done(console.print)
    signals.initialized.connect(setup_context)
    signals.all_generators_finalized.connect(count_edition)
    signals.finalized.connect(report_edition)
    signals.finalized.connect(build_other_editions)
