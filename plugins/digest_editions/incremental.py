"""Incremental preview: show an edited article from the site kept in memory.

Why: in ``make serve`` a save must show in about a second, and a build of
2,000 articles takes a minute even when it renders little: it reads every
page and runs every plugin over every article. The preview server's build
process keeps, after each build, every edition's ``ArticlesGenerator`` (its
articles as our plugins left them, its context, Jinja environment and
readers): :class:`SiteModel`. When article pages change (an edited seed
re-converted by :mod:`digest.publish.resync`, or a page edited by hand),
:meth:`SiteModel.refresh` reads only those pages with each edition's own
Pelican reader, puts the new ``Article`` objects in place of the old ones,
lets the plugins annotate them (:data:`digest.site.signals.article_refreshed`),
and writes, with Pelican's writer and the theme, only what lists them: the
article page in every edition first, then the home and topic pages on which
it appears, its keyword pages, the feeds that hold it, and the archives and
topics page if its title changed (they show no more of it). Each file is
replaced atomically, so the served site is never missing a page.

What this leaves as it was (other articles' related links, period pages, the
search index, the sitemap) the full build that the server runs next brings up
to date. A page that is new, gone, or whose slug, date, topic or status
changed raises :class:`Unsupported`: the caller builds instead.
"""

from __future__ import annotations

import os
import posixpath
import time
from itertools import chain
from pathlib import Path

from pelican import signals
from pelican.contents import Article
from pelican.generators import ArticlesGenerator
from pelican.writers import Writer

from digest.files import atomic_open
from digest.site.members import Members
from digest.site.settings import current_edition, editions
from digest.site.signals import article_refreshed

#: The generator lists an article can be in (Pelican's ``ArticlesGenerator``).
_GROUPS = ("articles", "translations", "hidden_articles", "hidden_translations", "drafts",
           "drafts_translations", "dates")
#: What must not change for an article to be swapped in place: where it is listed.
_PLACE = ("slug", "status", "lang", "save_as", "date", "category")


class Unsupported(Exception):
    """This change needs a build: the kept site cannot take it in place."""


class SiteModel:
    """Every edition's articles generator of the last complete build, and where its site is."""

    def __init__(self):
        self.generators: list[ArticlesGenerator] = []
        self._captured: list[ArticlesGenerator] = []
        self.seconds: dict[str, float] = {}  # the last refresh, by step

    def capture(self, generators) -> None:
        """``all_generators_finalized``: remember this edition's articles generator."""
        self._captured += [g for g in generators if isinstance(g, ArticlesGenerator)]

    def start_build(self) -> None:
        """A build starts: forget the kept site (its pages are about to be replaced)."""
        self.generators, self._captured = [], []

    def build_done(self, final: str) -> None:
        """The build swapped a complete site into ``final``: keep what it captured,
        each edition pointed at its folder there (it was built in a staging folder)."""
        for gen in self._captured:
            path = os.path.join(final, current_edition(gen.settings)["path"])
            gen.settings["OUTPUT_PATH"] = gen.context["OUTPUT_PATH"] = gen.output_path = path
        whole = self._captured and len(self._captured) == len(editions(self._captured[0].settings))
        self.generators, self._captured = (self._captured if whole else []), []  # else: built elsewhere

    def refresh(self, pages: list[Path], shown=None) -> list[str]:
        """Read ``pages`` (article Markdown files) again and write what shows them;
        returns the files written; ``shown()`` is called once the article pages are.
        Raises :class:`Unsupported` or anything a plugin or template raised; the kept
        site is then forgotten (the caller builds)."""
        if not self.generators:
            raise Unsupported("no site kept in memory yet")
        try:
            start = time.perf_counter()
            swapped = [(gen, self._swap(gen, pages)) for gen in self.generators]
            read = time.perf_counter()
            written = []
            for gen, pairs in swapped:  # the article pages of every edition first
                written += _write_articles(gen, [new for _, new in pairs])
            if shown is not None:
                shown()
            listed = time.perf_counter()
            for gen, pairs in swapped:
                written += _write_lists(gen, pairs)
            self.seconds = {"read": read - start, "article pages": listed - read,
                            "lists": time.perf_counter() - listed}
            return written
        except BaseException:
            self.generators = []
            raise

    def _swap(self, gen: ArticlesGenerator, pages: list[Path]) -> list[tuple]:
        """Put a fresh read of each page in place of its article in every list of ``gen``."""
        kept = {a.source_path: a for a in chain.from_iterable(getattr(gen, g) for g in _GROUPS[:-1])}
        pairs = []
        for page in pages:
            old = kept.get(os.path.abspath(page)) or kept.get(os.path.realpath(page))
            if old is None:
                raise Unsupported(f"{page}: not an article of the kept site")
            new = _read(gen, page)
            moved = [k for k in _PLACE if getattr(old, k, None) != getattr(new, k, None)]
            if moved:
                raise Unsupported(f"{page}: {', '.join(moved)} changed")
            pairs.append((old, new))
        by_id = {id(old): new for old, new in pairs}
        lists = [getattr(gen, g) for g in _GROUPS] + [arts for _, arts in gen.categories]
        lists += [arts for _, arts in gen.authors] + list(gen.tags.values())
        for items in {id(x): x for x in lists}.values():
            for i, item in enumerate(items):
                if id(item) in by_id:
                    items[i] = by_id[id(item)]
        order = {name: i for i, name in enumerate(gen.settings.get("PLUGINS") or [])}
        receivers = sorted(article_refreshed.receivers_for(gen),  # as PLUGINS lists them
                           key=lambda r: order.get(getattr(r, "__module__", "").split(".")[0], len(order)))
        for old, new in pairs:
            gen.add_source_path(new)
            for receiver in receivers:
                receiver(gen, article=new, old=old)
        tags: dict = {}
        for article in gen.articles:  # a keyword added or dropped moves the article between keyword pages
            for tag in getattr(article, "tags", ()):
                tags.setdefault(tag, []).append(article)
        gen.tags.clear()
        gen.tags.update(tags)
        gen.context["tags"] = list(gen.tags.items())
        return pairs


def _read(gen: ArticlesGenerator, page: Path) -> Article:
    """One page through the edition's readers, as ``ArticlesGenerator.generate_context`` reads it."""
    article = gen.readers.read_file(
        base_path=gen.path, path=os.path.relpath(page, gen.path), content_class=Article,
        context=gen.context, preread_signal=signals.article_generator_preread, preread_sender=gen,
        context_signal=signals.article_generator_context, context_sender=gen)
    if not isinstance(article, Article) or not article.is_valid():
        raise Unsupported(f"{page}: not a valid article now")
    return article


def _listing_pages(gen: ArticlesGenerator, pairs: list[tuple]) -> set[str]:
    """The list pages and feeds of this edition that can show the new articles of ``pairs``
    (old, new). The archives and the topics page show titles only: written if one changed."""
    settings = gen.settings
    lists = ["index"] + (["archives", "categories"] if any(
        str(old.title) != str(new.title) for old, new in pairs) else [])
    names = {settings.get(f"{t.upper()}_SAVE_AS", f"{t}.html")
             for t in lists if t in settings["DIRECT_TEMPLATES"]}
    names |= {settings.get("FEED_ALL_ATOM"), settings.get("FEED_ALL_RSS")}
    for _, article in pairs:
        category = getattr(article, "category", None)
        if category is not None:
            names.add(category.save_as)
            names |= {str(settings.get(k) or "").format(slug=category.slug)
                      for k in ("CATEGORY_FEED_ATOM", "CATEGORY_FEED_RSS")}
        names |= {tag.save_as for tag in getattr(article, "tags", ())}
    return {posixpath.normpath(n) for n in names if n}


def _write_articles(gen: ArticlesGenerator, articles: list) -> list[str]:
    """The article pages, written as ``ArticlesGenerator.generate_articles`` writes each
    (it would walk every article of the site)."""
    writer = PageWriter(gen.output_path, gen.settings, {posixpath.normpath(a.save_as) for a in articles},
                        articles)
    write = writer.relative_write(gen.settings["RELATIVE_URLS"])
    for article in articles:
        signals.article_generator_write_article.send(gen, content=article)
        write(article.save_as, gen.get_template(article.template), gen.context, article=article,
              category=getattr(article, "category", None),
              override_output=hasattr(article, "override_save_as"), url=article.url, blog=True)
    return writer.done


def _write_lists(gen: ArticlesGenerator, pairs: list[tuple]) -> list[str]:
    names = _listing_pages(gen, pairs)
    writer = PageWriter(gen.output_path, gen.settings, names, [new for _, new in pairs])
    write = writer.relative_write(gen.settings["RELATIVE_URLS"])
    # Pelican walks every topic and keyword, and for each tests every article
    # against its list: only ours here, and lists whose ``in`` is a set lookup.
    tags, categories = gen.tags, gen.categories
    gen.tags = {tag: Members(arts) for tag, arts in tags.items() if posixpath.normpath(tag.save_as) in names}
    gen.categories = [(cat, Members(arts)) for cat, arts in categories
                      if posixpath.normpath(cat.save_as) in names]
    try:
        gen.generate_direct_templates(write)
        gen.generate_categories(write)
        gen.generate_tags(write)
        gen.generate_feeds(writer)
    finally:
        gen.tags, gen.categories = tags, categories
    return writer.done



class PageWriter(Writer):
    """Pelican's writer, rewriting in a finished site only the files ``names``:
    of a paginated list, only the pages holding one of ``articles``; of a feed,
    only one whose entries hold one of them. Each file is written beside its
    place and renamed over it."""

    def __init__(self, output_path, settings, names: set[str], articles: list):
        super().__init__(output_path, settings=settings)
        self.names, self.wanted = names, {id(a) for a in articles}
        self.done: list[str] = []
        self._skip_next = False

    def relative_write(self, relative_urls: bool):
        return lambda *args, **kwargs: self.write_file(*args, relative_urls=relative_urls, **kwargs)

    def _chosen(self, name) -> bool:
        return bool(name) and posixpath.normpath(str(name).replace("\\", "/")) in self.names

    def write_file(self, name, template, context, *args, **kwargs):
        if not self._chosen(name):
            return None
        return super().write_file(name, _OnlyPagesWith(template, self), context, *args, **kwargs)

    def write_feed(self, elements, context, path=None, *args, **kwargs):
        shown = elements[: self.settings["FEED_MAX_ITEMS"]]
        if not self._chosen(path) or not any(id(e) in self.wanted for e in shown):
            return None
        return super().write_feed(elements, context, path, *args, **kwargs)

    def _open_w(self, filename, encoding, override=False):
        if self._skip_next:  # a page of a list that does not show the article
            self._skip_next = False
            return open(os.devnull, "w", encoding=encoding)
        self.done.append(filename)
        return atomic_open(Path(filename), encoding, sync=False)  # the next full build rewrites it


class _OnlyPagesWith:
    """A template that renders a page of a paginated list only if it shows one
    of the writer's articles; for the others it tells the writer to drop the page."""

    def __init__(self, template, writer: PageWriter):
        self.template, self.writer = template, writer

    def render(self, context):
        page = context.get("articles_page")
        if page is not None and not any(id(a) in self.writer.wanted for a in page.object_list):
            self.writer._skip_next = True
            return ""
        return self.template.render(context)
