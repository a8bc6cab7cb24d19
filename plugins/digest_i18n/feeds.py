"""Feeds per edition: their language, topic names, and only articles in the edition's language.

Pelican writes every article into every edition's feeds and passes no feed
language. A feed reader then shows an untranslated Chinese article as an item
of the English feed, under ``xml:lang`` of nothing. Its entry ids contain the
URL (a corrected title would be a new entry), its categories are bare slugs,
every topic feed links to the home page, and a browser shows the raw XML. The
handlers here run on ``feed_generated`` (the feed is built, not yet written)
and ``feed_written``, and fix each of these.
"""

from __future__ import annotations

import logging
import os
from urllib.parse import urlsplit

from digest.site.settings import bcp47, feed_entry_id, is_english

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


def credit_authors(feed, by_url: dict, lang: str, locales: dict | None = None,
                   publisher: str = "") -> None:
    """Name every credited author of an entry (Pelican names only the first),
    in pinyin on English feeds. An article without a byline is credited to the
    publisher, the edition's ``SITENAME``, as its schema.org data does
    (``digest_reading.news_article``), not to Pelican's ``AUTHOR``."""
    name_of = person_name if is_english(lang) else str
    for item in feed.items:
        authors = getattr(article_of(item, by_url), "credited_authors", None)
        if authors:
            item["author_name"] = join_names([name_of(a.name) for a in authors], lang, locales)
        elif publisher:
            item["author_name"] = publisher


def entry_id(article, settings) -> str | None:
    """The permanent id of an article's entry in this edition's feeds: made from
    its ``permalink_id`` (see ``digest.publish.permalinks``), so it survives a
    corrected title (a new URL) and any rebuild; ``None`` for a page without one."""
    permanent = getattr(article, "permalink_id", None)
    if not permanent:
        return None
    return feed_entry_id(settings, f"articles/{permanent}")


def name_topics(feed, by_url: dict, topic_name, topic_url) -> None:
    """``<category term="ai-policy" label="人工智能政策"/>`` (Atom) and
    ``<category>人工智能政策</category>`` (RSS): the topic's name for people,
    its slug as the term for software. feedgenerator writes only the term."""
    for item in feed.items:
        article = article_of(item, by_url)
        slug = str(getattr(article, "category", "") or "")
        item["categories"] = ()
        item["digest_topics"] = [(slug, topic_name(slug), topic_url(slug))] if slug else []
    write_item = feed.add_item_elements
    atom = feed.content_type.startswith("application/atom")

    def add_item_elements(handler, item):
        write_item(handler, item)
        for slug, name, _url in item.get("digest_topics", ()):
            if atom:
                handler.addQuickElement("category", "", {"term": slug, "label": name})
            else:
                handler.addQuickElement("category", name)

    feed.add_item_elements = add_item_elements


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
    site = str(context.get("SITEURL", "")).rstrip("/")

    def topic_url(slug: str) -> str:
        return f"{site}/{context['CATEGORY_URL'].format(slug=slug)}"

    if title.startswith(prefix):
        slug = title[len(prefix):]
        feed.feed["title"] = prefix + topic_name(slug)
        feed.feed["link"] = topic_url(slug)  # a topic's feed leads to the topic's page
    feed.feed["id"] = feed.feed.get("feed_url") or feed.feed["id"]  # one id per feed, not the site's
    for item in feed.items:
        permanent = entry_id(article_of(item, by_url), context)
        if permanent:  # a tag: URI, not a link (RSS would take a bare guid for one)
            item["unique_id"], item["unique_id_is_permalink"] = permanent, False
    name_topics(feed, by_url, topic_name, topic_url)
    if is_english(lang):
        dropped = drop_untranslated(feed, by_url)
        if dropped:
            log.info("digest_i18n: %d untranslated article(s) left out of %s",
                     dropped, feed.feed.get("feed_url"))
        for item in feed.items:
            item["content"] = None
    credit_authors(feed, by_url, lang, context.get("DIGEST_BABEL_LOCALES"), context.get("SITENAME", ""))


#: The theme's XSLT that shows a feed opened in a browser as a page (theme/static/).
FEED_STYLESHEET = "feed.xsl"


def add_stylesheet(path: str, settings) -> None:
    """Link the theme's feed stylesheet from a written feed, by a relative URL
    (browsers apply XSLT from the feed's own origin only). Readers ignore it."""
    output = os.path.realpath(settings["OUTPUT_PATH"])
    target = os.path.join(output, settings.get("THEME_STATIC_DIR", "theme"), FEED_STYLESHEET)
    href = os.path.relpath(target, os.path.dirname(os.path.realpath(path))).replace(os.sep, "/")
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    declaration, newline, rest = text.partition("\n")
    if not declaration.startswith("<?xml ") or "<?xml-stylesheet" in rest[:200]:
        return
    instruction = f'<?xml-stylesheet type="text/xsl" href="{href}"?>'
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(f"{declaration}\n{instruction}\n{rest}")


def remove_if_empty(path: str, feed) -> None:
    """An edition with nothing in a feed's language publishes no feed (the
    templates link only feeds for which :func:`feed_has_entries` holds)."""
    if not feed.items and os.path.exists(path):
        os.remove(path)
        log.info("digest_i18n: %s has no entries in this edition's language; not published", path)
