"""Pelican plugin: the digest itself, a page per day and per ISO week, by topic.

For every day that has articles and every ISO week, in each edition:

* a page ``digest/2025-09-25.html`` / ``digest/2025-W39.html`` (template
  ``period.html``): the period's articles grouped by topic in the configured
  topic order, each with title, source, summary and key figures; on week pages
  the week's key figures of each topic side by side; previous/next links;
* one Atom and one RSS feed per kind of period with one entry per period
  (``feeds/digest-week.atom.xml``: a reader gets one digest a week);
* an email-ready copy (templates ``newsletter.html`` and ``newsletter.txt``):
  inline CSS, no scripts, no web fonts, every link absolute to ``SITEURL``,
  written to ``OUTPUT_PATH/newsletter/<lang>/<period>.html`` and ``.txt``.

Templates get ``DIGEST_THIS_WEEK_URL`` (the latest week with articles: the
navigation's "This week") and ``DIGEST_PERIOD_FEEDS``. The grouping is
:mod:`digest.publish.periods`; this module only reads Pelican's articles,
renders and writes.

Settings ``DIGEST_PERIODS_*``: their defaults and meanings are in
:data:`digest.site.settings.DEFAULTS`.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from datetime import datetime

from feedgenerator import Atom1Feed, Rss201rev2Feed
from markupsafe import Markup
from pelican import signals

from digest.publish.periods import KINDS, WEEK, Digest, Period, build_digests, figures_side_by_side, week_of
from digest.site.settings import (SettingError, bcp47, current_edition, feed_entry_id, is_absolute_url,
                                  is_english, setting, topics)

log = logging.getLogger(__name__)


@dataclass
class PeriodPage:
    """What ``period.html`` and the newsletter templates get as ``period_page``."""

    digest: Digest
    url: str
    date: datetime  # the latest article date: the page's "lastmod" (digest_sitemap)
    previous_url: str | None = None
    next_url: str | None = None
    week_url: str | None = None  # a day's week
    day_pages: list = field(default_factory=list)  # a week's days that have pages
    figures: dict = field(default_factory=dict)  # week pages: topic -> [(figure, article)]

    @property
    def period(self) -> Period:
        return self.digest.period


def period_url(settings, period: Period) -> str:
    return str(setting(settings, "DIGEST_PERIODS_URL")).format(period=period.key, kind=period.kind)


def _article_date(article) -> datetime:
    return getattr(article, "date_modified", None) or article.date


def period_pages(settings, articles, topic_order) -> dict[str, list[PeriodPage]]:
    """``{kind: [PeriodPage, ...oldest first]}`` for the configured kinds."""
    kinds = list(setting(settings, "DIGEST_PERIODS_KINDS"))
    for name in ("DIGEST_PERIODS_KINDS", "DIGEST_PERIODS_FEED_KINDS"):
        unknown = [k for k in setting(settings, name) if k not in KINDS]
        if unknown:
            raise SettingError(f"{name}: unknown kind(s) {', '.join(map(repr, unknown))}; "
                               f"the kinds are {', '.join(KINDS)}")
    per_article = setting(settings, "DIGEST_PERIODS_FIGURES_PER_ARTICLE")
    pages: dict[str, list[PeriodPage]] = {}
    for kind in kinds:
        digests = build_digests(articles, kind, topic_order, date_of=lambda a: a.date,
                                topic_of=lambda a: a.category.name,
                                sort_key=lambda a: (a.date, a.slug))
        pages[kind] = []
        for digest in digests:
            page = PeriodPage(digest, period_url(settings, digest.period),
                              max(_article_date(a) for a in digest.items))
            if digest.previous:
                page.previous_url = period_url(settings, digest.previous)
            if digest.next:
                page.next_url = period_url(settings, digest.next)
            if kind == WEEK:
                page.figures = {g.topic: figures_side_by_side(
                    g, lambda a: getattr(a, "key_figures", None), per_article) for g in digest.groups}
            pages[kind].append(page)
    days, weeks = pages.get("day", []), pages.get(WEEK, [])
    week_urls = {p.period.key: p.url for p in weeks}
    for day in days:
        day.week_url = week_urls.get(week_of(day.period.start).key)
        week = next((w for w in weeks if w.period.start <= day.period.start <= w.period.end), None)
        if week is not None:
            week.day_pages.append(day)
    return pages


def collect(generator) -> None:
    """``article_generator_finalized``: group the articles; tell every template
    where this week's page and the period feeds are."""
    settings = generator.settings
    if not setting(settings, "DIGEST_PERIODS"):
        return
    order = [t.slug for t in topics(settings)]
    pages = period_pages(settings, generator.articles, order)
    generator.context["DIGEST_PERIOD_PAGES"] = pages
    weeks = pages.get(WEEK) or []
    generator.context["DIGEST_THIS_WEEK_URL"] = weeks[-1].url if weeks else None
    generator.context["DIGEST_PERIOD_FEEDS"] = {
        kind: [{"type": t, "url": str(setting(settings, name)).format(kind=kind)}
               for t, name in (("atom", "DIGEST_PERIODS_FEED_ATOM"), ("rss", "DIGEST_PERIODS_FEED_RSS"))
               if setting(settings, name)]
        for kind in setting(settings, "DIGEST_PERIODS_FEED_KINDS") if pages.get(kind)}


def root_output(settings) -> str:
    """The folder of the whole site (an edition's OUTPUT_PATH less its edition path)."""
    depth = len([p for p in current_edition(settings)["path"].split("/") if p])
    return os.path.normpath(os.path.join(settings["OUTPUT_PATH"], *([os.pardir] * depth)))


def write_pages(generator, writer) -> None:
    """``article_writer_finalized``: period pages, their feeds and the email files."""
    settings = generator.settings
    pages = generator.context.get("DIGEST_PERIOD_PAGES")
    if not setting(settings, "DIGEST_PERIODS") or pages is None:
        return
    template = generator.get_template("period")
    for kind_pages in pages.values():
        for page in kind_pages:
            writer.write_file(page.url, template, generator.context, settings.get("RELATIVE_URLS"),
                              period_page=page, page_url=page.url)
    siteurl = str(settings.get("SITEURL") or "")
    if not is_absolute_url(siteurl):
        log.warning("digest_periods: SITEURL %r is not absolute; no period feeds or newsletters written",
                    siteurl)
        return
    for kind, feeds in generator.context.get("DIGEST_PERIOD_FEEDS", {}).items():
        for feed in feeds:
            write_feed(generator, pages[kind], kind, feed, siteurl)
    if setting(settings, "DIGEST_PERIODS_NEWSLETTER"):
        write_newsletters(generator, pages, siteurl)


def _period_macros(generator):
    """The macros of includes/period.html (period names in the edition's language), for Python."""
    return generator.env.get_template("includes/period.html").make_module(dict(generator.context))


def feed_entry_html(page: PeriodPage, topic_name, siteurl: str, english: bool = False,
                    romanise=None) -> Markup:
    """A feed entry's content: the period's titles by topic, linked absolutely.

    Titles are seed text: escaped, never markup. In the English edition an
    untranslated (Chinese) title says its language, and a source is romanised as
    on the pages (``romanise``: the ``org_name`` helper): ``(Beijing Ribao, 北京日报)``.
    """
    def lang_of(article) -> Markup:
        chinese = english and not getattr(article, "translated", False)
        return Markup(' lang="{}"').format(bcp47(article.lang)) if chinese else Markup("")

    def source_of(article) -> Markup:
        name = str(getattr(article, "source", "") or "")
        if not name:
            return Markup("")
        latin = romanise(name) if english and romanise else name
        if latin == name:
            return Markup(" ({})").format(name)
        return Markup(' ({}, <span lang="{}">{}</span>)').format(latin, bcp47(article.lang), name)

    parts = []
    for group in page.digest.groups:
        items = Markup("").join(
            Markup('<li><a href="{}/{}"{}>{}</a>{}</li>').format(
                siteurl, a.url, lang_of(a), a.title, source_of(a))
            for a in group.items)
        parts.append(Markup("<h2>{}</h2><ul>{}</ul>").format(topic_name(group.topic), items))
    return Markup("").join(parts)


def write_feed(generator, kind_pages: list[PeriodPage], kind: str, feed: dict, siteurl: str) -> None:
    """One feed of ``kind`` periods, newest first, one entry per period."""
    settings = generator.context
    cls = Atom1Feed if feed["type"] == "atom" else Rss201rev2Feed
    topic_name = generator.env.globals["topic_name"]
    english = is_english(settings["DEFAULT_LANG"])
    site_page = settings.get("DIGEST_THIS_WEEK_URL") or "index.html"
    macros = _period_macros(generator)
    out = cls(title=str(macros.feed_title(kind)).strip(), link=f"{siteurl}/{site_page}",
              description=str(settings.get("SITESUBTITLE") or ""),
              feed_url=f"{siteurl}/{feed['url']}", language=bcp47(settings["DEFAULT_LANG"]))
    for page in reversed(kind_pages[-int(settings.get("FEED_MAX_ITEMS") or 50):]):
        entry = feed_entry_html(page, topic_name, siteurl, english, generator.env.globals.get("org_name"))
        out.add_item(title=str(macros.title(page.period)).strip(), link=f"{siteurl}/{page.url}",
                     unique_id=feed_entry_id(settings, page.url.removesuffix(".html")),
                     unique_id_is_permalink=False, description=str(entry),
                     pubdate=page.date, updateddate=page.date)
    path = os.path.join(settings["OUTPUT_PATH"], feed["url"])
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        out.write(fh, "utf-8")
    # As Pelican's own feeds: other plugins finish written feeds (digest_i18n links the XSLT).
    signals.feed_written.send(path, context=generator.context, feed=out)
    log.info("digest_periods: wrote %s (%d entries)", path, len(out.items))


def newsletter_stem(settings, lang: str, key: str) -> str:
    """The email files' path in the site's output folder, without suffix:
    ``newsletter/en/2025-W39`` (also read by ``make newsletter``)."""
    return str(setting(settings, "DIGEST_PERIODS_NEWSLETTER")).format(lang=lang, period=key)


def newsletter_paths(settings, period: Period) -> tuple[str, str]:
    """Where the email files of ``period`` in this edition go: (HTML, plain text)."""
    stem = newsletter_stem(settings, settings["DEFAULT_LANG"].lower(), period.key)
    base = os.path.join(root_output(settings), stem)
    return base + ".html", base + ".txt"


def write_newsletters(generator, pages: dict, siteurl: str) -> None:
    """The email copy of every period: rendered with the absolute ``SITEURL``,
    so every link works from a mail client."""
    html_template = generator.get_template("newsletter")
    text_template = generator.env.get_template("newsletter.txt")
    count = 0
    for kind_pages in pages.values():
        for page in kind_pages:
            context = dict(generator.context, SITEURL=siteurl, period_page=page, page_url=page.url)
            for path, template in zip(newsletter_paths(generator.settings, page.period),
                                      (html_template, text_template)):
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "w", encoding="utf-8") as fh:
                    fh.write(template.render(context))
            count += 1
    log.info("digest_periods: %d newsletters for %s", count, generator.settings["DEFAULT_LANG"])


def install_filters(generator) -> None:
    """``generator_init``: ``local_span`` writes a week's days as the edition's
    language does (``22–28 Sept 2025``, ``2025年9月22日至28日``)."""
    from babel.dates import format_interval
    from digest_i18n.interface import text_locale

    locale = text_locale(generator.settings["DEFAULT_LANG"].lower(), generator.settings.get("DIGEST_BABEL_LOCALES"))

    def local_span(period: Period) -> str:
        return format_interval(period.start, period.end, "yMMMd", locale=locale)

    generator.env.filters["local_span"] = local_span


def register():
    signals.generator_init.connect(install_filters)
    signals.article_generator_finalized.connect(collect)
    signals.article_writer_finalized.connect(write_pages)
