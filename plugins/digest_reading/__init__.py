"""Pelican plugin: what an article page shows around the text, computed once per edition.

On ``article_generator_finalized`` (each edition's run; listed after
``digest_i18n`` so English titles are in place) every published article gets:

``reading_minutes``   estimated reading time (see :func:`reading_minutes`)
``related``           up to three other articles on the same subject (:func:`related_articles`)
``prev_in_topic``     the next older article of its topic, or ``None``
``next_in_topic``     the next newer article of its topic, or ``None``
``date_modified``     the ``modified`` date the page states, or ``None`` (:func:`stated_modified`)
``override_url``      its URL, expanded once (Pelican's ``url`` expands it at each use)
``jsonld``            a schema.org ``NewsArticle`` dict (:func:`news_article`); the
                      template prints it with ``|tojson``, which escapes ``<``, ``>``,
                      ``&`` and ``'``, so seed text cannot close the ``<script>``

The functions below take plain values or any objects with the attributes
named, so they are tested without Pelican.
"""

from __future__ import annotations

import html
import math
import os
import re
from datetime import datetime
from operator import add, neg

from markupsafe import Markup
from pelican import signals

from digest.chardata import CJK_CHAR
from digest.site.settings import bcp47, is_english, topics
from digest.site.signals import article_refreshed

#: Reading speeds: characters of Chinese, words of Latin script, per minute.
CJK_PER_MINUTE = 400
WORDS_PER_MINUTE = 200
RELATED_LIMIT = 3
#: Articles looked at per keyword and per topic of an article (see :class:`RelatedIndex`).
RELATED_SCAN = 60

_LATIN_WORD = re.compile(r"[A-Za-z0-9]+(?:['’.\-][A-Za-z0-9]+)*")
_BLOCK_TAG = re.compile(r"</?(?:p|li|h[1-6]|br|div|tr|td|th|blockquote|ul|ol|table)\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"\s+")
_KEYWORD_SPLIT = re.compile(r"\s*[,，、;；]\s*")

def plain_text(markup: str) -> str:
    """The text of an HTML fragment: tags dropped, entities decoded, spaces collapsed.

    ``<p>A &amp; B</p><p>人工<em>智能</em></p>`` -> ``A & B 人工智能``. Block tags
    become a space, so two paragraphs never run together; inline tags become
    nothing, so no space lands inside a Chinese word.
    """
    text = _TAG.sub("", _BLOCK_TAG.sub(" ", str(markup or "")))
    return _SPACES.sub(" ", html.unescape(text)).strip()


def reading_minutes(text: str) -> int:
    """Minutes to read ``text``: Chinese characters at 400 a minute plus Latin
    words (numbers count as words) at 200, rounded up, at least 1.

    Punctuation and spaces take no time. 800 characters of Chinese and 100
    English words: 2 + 0.5 -> 3 minutes.
    """
    cjk = len(CJK_CHAR.findall(text))
    words = len(_LATIN_WORD.findall(text))
    return max(1, math.ceil(cjk / CJK_PER_MINUTE + words / WORDS_PER_MINUTE))


def keywords_of(article) -> list[str]:
    """An article's front-matter ``keywords``, in order, each once.

    A list is taken as is; a string (an editor's ``keywords: 芯片, 算力``) is
    split at commas, 、 and semicolons.
    """
    raw = getattr(article, "keywords", None) or []
    if isinstance(raw, str):
        raw = _KEYWORD_SPLIT.split(raw)
    return list(dict.fromkeys(word for word in (str(k).strip() for k in raw) if word))


def keyword_set(article) -> frozenset[str]:
    """An article's :func:`keywords_of`, compared case-insensitively."""
    return frozenset(word.casefold() for word in keywords_of(article))


def _topic(article) -> str:
    return str(getattr(article, "category", "") or "")


def _stamp(article) -> float:
    date = getattr(article, "date", None)
    return date.timestamp() if isinstance(date, datetime) else 0.0


def _newest_first(article) -> tuple:
    """Sort key: newer first, then slug A-Z, so equal dates still give one order."""
    return (-_stamp(article), str(article.slug))


def _oldest_first(article) -> tuple:
    return (_stamp(article), str(article.slug))


class RelatedIndex:
    """Related articles for a whole site in linear time.

    Score: one point per shared keyword, one more for the same topic; an
    article that shares nothing is never related. Equal scores: the newer
    first, then by slug, so every build lists the same three.

    Comparing every pair is quadratic, and so is walking whole keyword lists:
    a keyword such as 人工智能 can be in most articles (8,000 articles took
    six minutes). Each keyword and topic lists its articles newest first, and
    an article looks at the newest :data:`RELATED_SCAN` of each of its lists,
    scoring every one found exactly. The result is the pairwise one whenever
    no keyword is in more than ``RELATED_SCAN`` articles; beyond that, an older
    article sharing only very common keywords can give way to a newer one.
    """

    def __init__(self, pool):
        self.pool = list(pool)
        #: The pool newest first; an article is known by its place here, so the
        #: lists below hold small integers and a lower one is the newer article.
        self.ordered = sorted(self.pool, key=_newest_first)
        self.place = {id(a): i for i, a in enumerate(self.ordered)}
        self.keywords = [keyword_set(a) for a in self.ordered]
        self.topics = [_topic(a) for a in self.ordered]  # str() of a Pelican category costs
        self.by_keyword: dict[str, list[int]] = {}
        self.by_topic: dict[str, list[int]] = {}
        for i, words in enumerate(self.keywords):
            for word in words:
                self.by_keyword.setdefault(word, []).append(i)
            self.by_topic.setdefault(self.topics[i], []).append(i)
        self.examined = 0  # candidates scored so far (the test of linearity reads it)

    def related(self, article, limit: int = RELATED_LIMIT) -> list:
        """The best ``limit`` candidates: each scored by one set intersection, in C
        (``map``), then sorted by (score, place): a Python loop per candidate was
        most of the time of this plugin."""
        mine = keyword_set(article)
        topic = _topic(article)
        candidates: set[int] = set()
        for word in mine:
            candidates.update(self.by_keyword.get(word, ())[:RELATED_SCAN])
        if topic:
            candidates.update(self.by_topic.get(topic, ())[:RELATED_SCAN])
        candidates.discard(self.place.get(id(article)))
        self.examined += len(candidates)
        places = list(candidates)
        scores = map(len, map(mine.intersection, map(self.keywords.__getitem__, places)))
        if topic:
            scores = map(add, scores, map(topic.__eq__, map(self.topics.__getitem__, places)))
        out = []
        for negative, i in sorted(zip(map(neg, scores), places)):
            if not negative or len(out) == limit:
                break
            other = self.ordered[i]
            if other.slug != article.slug:  # an earlier copy of the same article (the preview)
                out.append(other)
        return out


def related_articles(article, pool, limit: int = RELATED_LIMIT) -> list:
    """Up to ``limit`` articles of ``pool`` most like ``article`` (see :class:`RelatedIndex`)."""
    return RelatedIndex(pool).related(article, limit)


def topic_neighbours(articles) -> dict[int, tuple]:
    """``{id(article): (older, newer)}`` within each topic, by date then slug.

    ``older``/``newer`` are ``None`` at the ends of a topic. Keyed by ``id``
    because Pelican's content objects are not hashable by value.
    """
    by_topic: dict[str, list] = {}
    for article in articles:
        by_topic.setdefault(_topic(article), []).append(article)
    out = {}
    for group in by_topic.values():
        group.sort(key=_oldest_first)
        for i, article in enumerate(group):
            older = group[i - 1] if i else None
            newer = group[i + 1] if i + 1 < len(group) else None
            out[id(article)] = (older, newer)
    return out


def text_of(value) -> str:
    """A title as plain text: our reader escapes titles into ``Markup``; the
    English catalog gives plain strings, which must not be unescaped twice."""
    return Markup(value).striptags() if isinstance(value, Markup) else str(value or "")


def topic_names(settings) -> dict[str, str]:
    """``{slug: name}`` of the topics in the language of this edition."""
    english = is_english(settings.get("DEFAULT_LANG", ""))
    return {t.slug: (t.name_en if english else t.name_zh) for t in topics(settings)}


def stated_modified(article) -> datetime | None:
    """The article's ``modified`` date if its page states one, else ``None``.

    With ``DEFAULT_DATE = "fs"`` Pelican fills in ``modified`` with the
    page file's mtime: the time the converter wrote it, not an update of the
    news, which must not reach ``dateModified`` or the sitemap.
    """
    modified = getattr(article, "modified", None)
    if not isinstance(modified, datetime):
        return None
    try:
        mtime = datetime.fromtimestamp(os.stat(article.source_path).st_mtime)
    except (OSError, TypeError, AttributeError):
        return modified
    return None if modified.replace(tzinfo=None) == mtime else modified


def _iso(value) -> str | None:
    return value.isoformat() if isinstance(value, datetime) else None


def news_article(article, settings, sections: dict[str, str] | None = None) -> dict:
    """The schema.org ``NewsArticle`` of one article page of this edition.

    The author is a ``Person`` per byline name; without a byline (Pelican then
    fills in the site's ``AUTHOR``, an editorial team) it is the publisher,
    an ``Organization``, rather than a person named "Digest editors".
    """
    site = str(settings.get("SITEURL", "")).rstrip("/")
    url = f"{site}/{article.url}" if site else article.url
    publisher = {"@type": "Organization", "name": settings.get("SITENAME", "")}
    default_author = settings.get("AUTHOR")
    people = [{"@type": "Person", "name": str(a.name)}
              for a in getattr(article, "authors", None) or [] if str(a.name) != default_author]
    topic = _topic(article)
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": text_of(article.title),
        "datePublished": _iso(getattr(article, "date", None)),
        "dateModified": _iso(getattr(article, "date_modified", None)),
        "author": people or [publisher],
        "publisher": publisher,
        "inLanguage": bcp47(str(article.lang)),
        "description": plain_text(getattr(article, "summary", "")),
        "keywords": keywords_of(article),
        "articleSection": (sections or {}).get(topic, topic),
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
    }
    return {k: v for k, v in data.items() if v not in (None, "", [])}


def annotate(generator) -> None:
    settings = generator.settings
    articles = list(generator.articles)
    neighbours = topic_neighbours(articles)
    related = RelatedIndex(articles)
    sections = topic_names(settings)
    for article in articles:
        _annotate_one(article, settings, related.related(article), neighbours[id(article)], sections)


def _annotate_one(article, settings, related: list, neighbours: tuple, sections: dict) -> None:
    # Pelican expands an article's URL from the settings and its metadata at every use
    # (195,000 times in a build of 2,000 articles); its slug, date, topic and language
    # are final here, so it is expanded once, into the attribute Pelican reads first.
    article.override_url = article.url
    article.date_modified = stated_modified(article)
    article.reading_minutes = reading_minutes(plain_text(article.content))
    article.related = related
    article.prev_in_topic, article.next_in_topic = neighbours
    article.jsonld = news_article(article, settings, sections)


def annotate_refreshed(generator, article, old) -> None:
    """``article_refreshed`` (the preview): the same fields on an article read again;
    its neighbours are the old one's (its date and topic are unchanged), and so are
    its related articles while its keywords are."""
    if keyword_set(article) == keyword_set(old) and hasattr(old, "related"):
        related = list(old.related)
    else:
        related = RelatedIndex(generator.articles).related(article)
    _annotate_one(article, generator.settings, related,
                  (getattr(old, "prev_in_topic", None), getattr(old, "next_in_topic", None)),
                  topic_names(generator.settings))


def register():
    signals.article_generator_finalized.connect(annotate)
    article_refreshed.connect(annotate_refreshed)
