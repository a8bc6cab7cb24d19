"""Pelican plugin: the interface language of each edition, and the English fields of articles.

Each edition is its own Pelican run (see ``digest_editions``); this plugin
makes one run speak its ``DEFAULT_LANG``:

* every generator's Jinja environment gets ``jinja2.ext.i18n`` with the theme's
  catalog for the language (``theme/translations/<locale>/LC_MESSAGES/messages.po``,
  compiled in memory), a ``local_date`` filter and ``topic_name(slug)``;
* every article gets ``title_zh``, ``title_en``, ``summary_en`` and
  ``translated`` from the editors' catalog ``DIGEST_CATALOG``; in the English
  edition a translated article's ``title`` and ``summary`` are the English ones;
  ``edition_summary`` is the summary sentences the edition's pages show;
* hand-written pages are kept only in the edition of their ``lang``, so
  ``about.md`` and ``about.en.md`` (both ``slug: about``) each own
  ``pages/about.html`` of their edition; ``page.edition_langs`` says where a
  page exists, for the language switcher;
* the Traditional-Chinese edition (``zh-hant``) is the Simplified content in
  Traditional characters: articles and pages are converted as Pelican makes
  them (``content_object_init``), and the site name, subtitle and topic names
  when the run starts (see :mod:`.traditional`);
* feeds get their language and topic names; English feeds leave out
  untranslated articles, and a feed left empty is not published; entries get
  permanent ``tag:`` ids and named topics, topic feeds link to their topic
  page, and every feed links the theme's XSLT (see :mod:`.feeds`).

Template filters: ``local_date`` (``|local_date``, ``|local_date(skeleton="yMMMM")``),
``local_list`` (``A、B和C`` / ``A, B and C``) and ``bcp47`` (``zh-hans`` -> ``zh-Hans``).
Template globals: ``topic_name``, ``edition_feeds(topic=None)``, ``ENGLISH_EDITION``,
``DIGEST_ANY_UNTRANSLATED`` and the English helpers ``person_name``, ``org_name``,
``english_figure_phrase``, ``keyword_glossary``, ``keyword_entry``, ``cedict_credit``.

Settings: ``DIGEST_CATALOG`` (PO file of English titles and summaries),
``DIGEST_TOPICS``, ``DIGEST_BABEL_LOCALES`` (Babel locale of an edition's dates and
lists, ``{"en": "en_GB"}`` by default).
"""

from __future__ import annotations

import os
from itertools import chain

from jinja2 import pass_context
from pelican import signals

from . import feeds, traditional
from .english import annotate, english_helpers, load_english_catalog
from digest.site.settings import bcp47, edition_langs, is_english, setting
from digest.site.settings import topics as edition_topics
from digest.site.signals import article_refreshed

from .interface import date_formatter, interface_translations, list_formatter, topic_namer


def _lang(settings) -> str:
    return settings["DEFAULT_LANG"].lower()


def _topic_name(settings):
    return topic_namer(edition_topics(settings), _lang(settings))


@pass_context
def edition_feeds(context, topic: str | None = None) -> list[dict]:
    """The feeds of this edition (``topic=None``: the whole site) that have entries.

    Each is ``{"type": "atom"|"rss", "url": <path under SITEURL>}``.
    """
    return context.get("DIGEST_FEEDS", {}).get(topic, [])


def install_interface(generator) -> None:
    """Give this generator's Jinja environment the edition's language."""
    settings = generator.settings
    lang = _lang(settings)
    env = generator.env
    if not hasattr(env, "install_gettext_translations"):
        env.add_extension("jinja2.ext.i18n")
    env.install_gettext_translations(
        interface_translations(os.path.join(settings["THEME"], "translations"), lang), newstyle=True)
    env.filters["local_date"] = date_formatter(lang, setting(settings, "DIGEST_BABEL_LOCALES"))
    env.filters["local_list"] = list_formatter(lang, setting(settings, "DIGEST_BABEL_LOCALES"))
    env.filters["bcp47"] = bcp47
    env.globals.update(english_helpers())
    env.globals.update(topic_name=_topic_name(settings), edition_feeds=edition_feeds,
                       ENGLISH_EDITION=is_english(lang))


def traditional_settings(pelican) -> None:
    """``initialized``: the Traditional edition's site name, subtitle and topic names."""
    if _lang(pelican.settings) == traditional.LANG:
        traditional.convert_settings(pelican.settings)


def traditional_content(content) -> None:
    """``content_object_init``: in the Traditional edition, Simplified articles
    and pages become Traditional before any generator or template reads them."""
    lang = _lang(content.settings)
    if getattr(content, "lang", "").lower() == traditional.source_of(lang):
        traditional.convert_content(content, lang)


def annotate_articles(generator) -> None:
    """English fields on every article, then the list of feeds that will have entries."""
    settings = generator.settings
    catalog = load_english_catalog(settings)
    english = is_english(_lang(settings))
    for article in chain(generator.articles, generator.translations, generator.hidden_articles,
                         generator.hidden_translations, generator.drafts,
                         generator.drafts_translations):
        annotate(article, catalog, english)
    generator.context["DIGEST_FEEDS"] = feeds.feed_links(settings, generator.articles,
                                                         generator.categories)
    note_untranslated(generator)


def note_untranslated(generator) -> None:
    """``DIGEST_ANY_UNTRANSLATED``: whether an article of the edition is untranslated (the
    home page then explains the "Not yet translated" badge). Once per edition: every page
    of the paginated home page looked at every article, which grew with the square of the site."""
    generator.context["DIGEST_ANY_UNTRANSLATED"] = not all(
        getattr(a, "translated", False) for a in generator.articles)


def annotate_refreshed(generator, article, old) -> None:
    """``article_refreshed`` (the preview): the English fields on an article read again."""
    annotate(article, load_english_catalog(generator.settings), is_english(_lang(generator.settings)))
    note_untranslated(generator)


def keep_edition_pages(generator) -> None:
    """Keep the pages written in this edition's language.

    ``PAGE_TRANSLATION_ID`` is ``None``, so Pelican would publish ``about.en.md``
    in the Chinese edition too (as ``pages/about-en.html``). A page without a
    ``lang`` in its front matter belongs to every edition. A page also belongs
    to the editions made from its language (``zh-hans`` -> ``zh-hant``), unless
    such an edition has a page of its own with that slug.
    """
    lang = _lang(generator.settings)
    every = edition_langs(generator.settings)
    groups = ("pages", "translations", "hidden_pages", "hidden_translations",
              "draft_pages", "draft_translations")
    found: dict[str, set] = {}
    own = set()  # slugs of pages written in this edition's language, not converted
    for page in chain.from_iterable(getattr(generator, g, []) for g in groups):
        origin = getattr(page, "derived_from", page.lang).lower()
        langs = {origin} | traditional.made_from(origin, every) if "lang" in page.metadata else set(every)
        found.setdefault(page.slug, set()).update(langs)
        if origin == lang:
            own.add(page.slug)
    for group in groups:
        kept = [p for p in getattr(generator, group, []) if p.lang.lower() == lang
                and not (hasattr(p, "derived_from") and p.slug in own)]
        for page in kept:
            page.edition_langs = sorted(found[page.slug])
        setattr(generator, group, kept)
        if group in generator.context:
            generator.context[group] = kept


def localise_feed(context, feed) -> None:
    """``feed_generated``: language, topic name, English entries only (see :mod:`.feeds`)."""
    feeds.localise_feed(feed, context, _topic_name(context))


def drop_empty_feed(path, context, feed) -> None:
    """``feed_written``: a feed with no entry in the edition's language is not
    published; the others get the theme's XSLT, for a browser."""
    feeds.remove_if_empty(path, feed)
    if os.path.exists(path):
        feeds.add_stylesheet(path, context)


def register():
    signals.initialized.connect(traditional_settings)
    signals.content_object_init.connect(traditional_content)
    signals.generator_init.connect(install_interface)
    signals.article_generator_finalized.connect(annotate_articles)
    article_refreshed.connect(annotate_refreshed)
    signals.page_generator_finalized.connect(keep_edition_pages)
    signals.feed_generated.connect(localise_feed)
    signals.feed_written.connect(drop_empty_feed)
