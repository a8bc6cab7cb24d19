"""Pelican plugin: a page per keyword shared by articles, through Pelican's tags.

A keyword in the front matter of at least :data:`MIN_ARTICLES` articles
becomes a Pelican ``Tag`` of each of them on ``article_generator_pretaxonomy``
(before Pelican groups articles by tag), so Pelican writes
``keywords/<slug>.html`` with ``tag.html`` in every edition, and a reader can
follow a name or a policy across articles. A keyword of one article only would
be a page listing that article: it stays plain text.

The slug is the keyword's pinyin (``人工智能`` -> ``ren-gong-zhi-neng``,
``AI`` -> ``ai``), the same in every edition; two keywords with the same
pinyin get ``-2``, ``-3`` in the order they first appear (date, then slug), so
every build gives the same URLs. The Jinja global ``keyword_url(word)`` is the
page of a keyword, or ``None`` when it has none.
"""

from __future__ import annotations

from collections import Counter
from functools import partial

from pelican import signals
from pelican.urlwrappers import Tag

from digest.publish.slug import pinyin_words
from digest.site.members import write_each_list
from digest.site.signals import article_refreshed
from digest_reading import keywords_of

#: A keyword page needs at least this many articles.
MIN_ARTICLES = 2


def shared_keywords(articles, minimum: int = MIN_ARTICLES) -> dict[str, str]:
    """``{keyword: slug}`` of the keywords of at least ``minimum`` of ``articles``."""
    ordered = sorted(articles, key=lambda a: (str(getattr(a, "date", "")), str(getattr(a, "slug", ""))))
    counts = Counter(word for a in ordered for word in keywords_of(a))
    slugs: dict[str, str] = {}
    taken: set[str] = set()
    for article in ordered:
        for word in keywords_of(article):
            if counts[word] < minimum or word in slugs:
                continue
            base = "-".join(pinyin_words(word)) or "keyword"
            slug, n = base, 1
            while slug in taken:
                n += 1
                slug = f"{base}-{n}"
            taken.add(slug)
            slugs[word] = slug
    return slugs


def tag_keywords(generator) -> None:
    settings = generator.settings
    slugs = shared_keywords(generator.articles)
    tags: dict[str, Tag] = {}
    for word, slug in slugs.items():
        tag = Tag(word, settings)
        tag.slug = slug
        tags[word] = tag
    for article in generator.articles:
        article.tags = [tags[w] for w in keywords_of(article) if w in tags]
    urls = {word: tag.url for word, tag in tags.items()}
    generator.context["keyword_url"] = urls.get
    generator.env.globals["keyword_url"] = urls.get


def tag_refreshed(generator, article, old) -> None:
    """``article_refreshed`` (the preview): an article read again gets the keyword
    pages that exist; a keyword newly shared gets its page with the next build."""
    tags = {tag.name: tag for tag in generator.tags}
    article.tags = [tags[w] for w in keywords_of(article) if w in tags]


def write_lists_one_by_one(generator) -> None:
    """``article_generator_init``: write each keyword's, topic's and author's pages
    through :func:`digest.site.members.write_each_list`; Pelican tested every article
    of the site against each list, which grew with the square of the site."""
    for name in ("tags", "categories", "authors"):
        method = f"generate_{name}"
        setattr(generator, method, partial(write_each_list, generator, name, getattr(generator, method)))


def register():
    signals.article_generator_init.connect(write_lists_one_by_one)
    signals.article_generator_pretaxonomy.connect(tag_keywords)
    article_refreshed.connect(tag_refreshed)
