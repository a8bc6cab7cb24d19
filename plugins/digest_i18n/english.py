"""English fields of articles, and the helpers English pages use.

An article is *translated* when the editors' catalog (``DIGEST_CATALOG``, a PO
file read by :mod:`digest.english.catalog`) holds both its title and every
sentence of its summary: that is all the English edition shows as English.
A partly translated article is treated as untranslated, so a reader never gets
an English title over a Chinese summary, and an English feed never carries a
Chinese entry.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

from markupsafe import Markup, escape

from digest.model import KeyFigure
from digest.site.settings import setting

log = logging.getLogger(__name__)


def catalog_path(settings) -> Path | None:
    """``DIGEST_CATALOG`` as a path; relative paths start at the project folder (the one holding PATH)."""
    raw = setting(settings, "DIGEST_CATALOG")
    if not raw:
        return None
    path = Path(raw)
    return path if path.is_absolute() else Path(settings["PATH"]).resolve().parent / path


def load_english_catalog(settings):
    """The editors' English catalog, or ``None`` when there is none yet (nothing is translated)."""
    path = catalog_path(settings)
    if path is None or not path.exists():
        log.info("digest_i18n: no English catalog at %s; every article is untranslated", path)
        return None
    from digest.english.catalog import load_catalog

    return load_catalog(path)


def english_fields(title_zh: str, sentences: list[str], catalog) -> dict:
    """``title_zh``, ``title_en``, ``summary_en`` and ``translated`` of one article.

    ``title_en`` / ``summary_en`` are ``None`` where the catalog lacks them; an
    article without summary sentences has the empty English summary ``[]``.
    """
    title_en = catalog.title(title_zh) if catalog is not None else None
    summary_en = None
    if catalog is not None:
        summary_en = list(catalog.summary(list(sentences)) or []) if sentences else []
        if sentences and not summary_en:
            summary_en = None
    return {"title_zh": title_zh, "title_en": title_en or None, "summary_en": summary_en,
            "translated": bool(title_en) and summary_en is not None}


def summary_html(sentences: list[str]) -> Markup:
    """The summary as one paragraph of HTML, the form Pelican feeds and listings use."""
    return Markup("<p>{}</p>").format(" ".join(sentences)) if sentences else Markup("")


def annotate(article, catalog, english_edition: bool) -> None:
    """Set the English fields on ``article``; in the English edition a translated
    article's ``title`` and ``summary`` become the English ones, and so does
    ``edition_summary``, the summary sentences the edition's pages show.

    Also ``credited_authors``: the authors the article names. Pelican gives an
    article without authors the site's ``AUTHOR``, which is not a byline.
    """
    named = "authors" in article.metadata or "author" in article.metadata
    article.credited_authors = list(getattr(article, "authors", [])) if named else []
    sentences = getattr(article, "summary_sentences", None) or []
    # The reader HTML-escapes titles (Pelican treats them as HTML); the catalog
    # holds them as text, so ``A & B`` is looked up, not ``A &amp; B``.
    title = article.title
    fields = english_fields(title.unescape() if isinstance(title, Markup) else str(title),
                            sentences, catalog)
    fields["title_zh"] = title
    for key, value in fields.items():
        setattr(article, key, value)
    article.edition_summary = fields["summary_en"] if english_edition and fields["translated"] else sentences
    if english_edition and fields["translated"]:
        article.title = article.metadata["title"] = escape(fields["title_en"])
        # Pelican's summary property reads metadata["summary"]; _summary is
        # what refresh_metadata_intersite_links writes back into it.
        article._summary = article.metadata["summary"] = str(summary_html(fields["summary_en"]))


def english_figure_phrase(figure: dict) -> str:
    """A key figure and what it counts as one English phrase: ``超2万人`` + ``缺口`` ->
    ``a shortfall of over 20,000 people`` (:func:`digest.english.figures.figure_phrase`).

    Remembered per figure: a figure is shown on its article, its day and week
    pages and their newsletters, and the glossary lookup behind a phrase was a
    fifth of the English edition's rendering at 2,000 articles."""
    try:
        return _figure_phrase(tuple(sorted(figure.items())))
    except TypeError:  # a value that cannot be a key (a list): not remembered
        return _figure_phrase.__wrapped__(tuple(sorted(figure.items())))


@lru_cache(maxsize=1 << 16)
def _figure_phrase(fields: tuple) -> str:
    from digest.english.figures import figure_phrase

    return figure_phrase(KeyFigure(**dict(fields)))


def person_name(name: str) -> str:
    from digest.english.names import person_name as romanise

    return romanise(str(name))


def org_name(name: str) -> str:
    from digest.english.names import org_name as romanise

    return romanise(str(name))


def keyword_glossary(keywords, context: str = "") -> list:
    """Pinyin and one English sense per keyword, the sense chosen by ``context``
    (the article's topic, English title and summary)."""
    from digest.english.glossary import glossary

    return glossary([str(k) for k in keywords or []], str(context))


def keyword_entry(word, articles, topic_name):
    """The glossary entry of a keyword page's keyword (or ``None``): its sense chosen by
    the topics of the keyword's ``articles``, as :func:`keyword_glossary` would with
    their topic names for context.

    Every page of a paginated keyword named the topic of each of its articles, and
    a keyword such as 人工智能 is in most articles: that grew with the square of the
    site. The context counts as a set of words, so each topic once gives the same sense,
    and a keyword with the same topics is looked up once. The pages of one keyword get
    the same list of articles: its topics are gathered once per list, not once per page."""
    global _last_topics
    held, topics = _last_topics
    if held is not articles:
        topics = " ".join(sorted({str(topic_name(a.category.name)) for a in articles}))
        _last_topics = articles, topics
    return _keyword_entry(str(word), topics)


#: The last list of articles :func:`keyword_entry` was given, and their topics.
_last_topics: tuple = (None, "")


@lru_cache(maxsize=1 << 14)
def _keyword_entry(word: str, topics: str):
    return next(iter(keyword_glossary([word], topics)), None)


def cedict_credit():
    from digest.english.glossary import CEDICT_CREDIT

    return CEDICT_CREDIT


def english_helpers() -> dict:
    """Jinja globals for English pages (imported on first use: the Chinese edition never calls them)."""
    return {"english_figure_phrase": english_figure_phrase,
            "person_name": person_name, "org_name": org_name,
            "keyword_glossary": keyword_glossary, "keyword_entry": keyword_entry,
            "cedict_credit": cedict_credit}
