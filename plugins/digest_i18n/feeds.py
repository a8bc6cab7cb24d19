"""Feeds per edition: their language, topic names, and only articles in the edition's language.

Pelican writes every article into every edition's feeds and passes no feed
language. A feed reader then shows an untranslated Chinese article as an item
of the English feed, under ``xml:lang`` of nothing. The handlers here run on
``feed_generated`` (the feed is built, not yet written) and ``feed_written``.
"""

from __future__ import annotations

import logging
import os
from urllib.parse import urlsplit

from digest.site.settings import bcp47, is_english

from .english import person_name
from .interface import join_names

log = logging.getLogger(__name__)


def in_feed(article, lang: str) -> bool:
    """An English feed carries translated articles only; every other edition carries all."""
    return not is_english(lang) or bool(getattr(article, "translated", False))


def feed_has_entries(articles, settings) -> bool:
    """Whether a feed of ``articles`` (newest first) keeps any entry after :func:`drop_untranslated`.

    Mirrors Pelican: only the first ``FEED_MAX_ITEMS`` articles become entries.
    """
    lang = settings["DEFAULT_LANG"]
    return any(in_feed(a, lang) for a in list(articles)[: settings.get("FEED_MAX_ITEMS")])


def feed_links(settings, articles, categories) -> dict:
    """The feeds this edition publishes: ``{None: [...], topic_slug: [...]}``.

    Each is a list of ``{"type": "atom"|"rss", "url": <path under SITEURL>}``;
    a feed left without entries (see :func:`remove_if_empty`) is not listed.
    Computed once per edition, so templates look feeds up instead of filtering
    every article on every page.
    """
    scopes = [(None, "", articles, ("FEED_ALL_ATOM", "FEED_ALL_RSS"))]
    scopes += [(str(cat.name), cat.slug, arts, ("CATEGORY_FEED_ATOM", "CATEGORY_FEED_RSS"))
               for cat, arts in categories]
    links: dict = {}
    for topic, slug, scope, names in scopes:
        if not feed_has_entries(scope, settings):
            continue
        links[topic] = [{"type": kind, "url": str(settings[name]).format(slug=slug)}
                        for name, kind in zip(names, ("atom", "rss")) if settings.get(name)]
    return links


def _url_suffixes(link: str):
    """``http://x/en/articles/a.html`` -> ``en/articles/a.html``, ``articles/a.html``, ``a.html``."""
    parts = urlsplit(link).path.strip("/").split("/")
    return ("/".join(parts[i:]) for i in range(len(parts)))


def article_of(item, by_url: dict):
    """The article a feed entry was made from, found by its link (``None`` if not an article)."""
    return next((by_url[s] for s in _url_suffixes(item["link"]) if s in by_url), None)


def drop_untranslated(feed, by_url: dict) -> int:
    """Remove the entries of untranslated articles; returns how many."""
    kept = [item for item in feed.items
            if getattr(article_of(item, by_url), "translated", True)]
    dropped = len(feed.items) - len(kept)
    feed.items[:] = kept
    return dropped


def credit_authors(feed, by_url: dict, lang: str, locales: dict | None = None) -> None:
    """Name every credited author of an entry (Pelican names only the first),
    in pinyin on English feeds; an article without a byline keeps the site's ``AUTHOR``."""
    name_of = person_name if is_english(lang) else str
    for item in feed.items:
        authors = getattr(article_of(item, by_url), "credited_authors", None)
        if authors:
            item["author_name"] = join_names([name_of(a.name) for a in authors], lang, locales)


def localise_feed(feed, context, topic_name) -> None:
    """Set the feed language, name its topic, and keep English feeds English.

    English entries lose their ``content`` (the Chinese body): the English
    summary is the entry, and its link leads to the page with the full text.
    """
    lang = context["DEFAULT_LANG"]
    by_url = {a.url: a for a in context.get("articles", [])}
    feed.feed["language"] = bcp47(lang)
    prefix = f"{context.get('SITENAME', '')} - "
    title = feed.feed.get("title") or ""
    if title.startswith(prefix):
        feed.feed["title"] = prefix + topic_name(title[len(prefix):])
    if is_english(lang):
        dropped = drop_untranslated(feed, by_url)
        if dropped:
            log.info("digest_i18n: %d untranslated article(s) left out of %s",
                     dropped, feed.feed.get("feed_url"))
        for item in feed.items:
            item["content"] = None
    credit_authors(feed, by_url, lang, context.get("DIGEST_BABEL_LOCALES"))


def remove_if_empty(path: str, feed) -> None:
    """An edition with nothing in a feed's language publishes no feed (the
    templates link only feeds for which :func:`feed_has_entries` holds)."""
    if not feed.items and os.path.exists(path):
        os.remove(path)
        log.info("digest_i18n: %s has no entries in this edition's language; not published", path)
