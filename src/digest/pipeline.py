"""The conversion pipeline: seed bytes in, converted articles out.

The order of the steps matters and is written here once, grouped by phase
(the subpackages, numbered as in their docstrings):

1. ingest: decode bytes (BOM, UTF-8, else a detected Chinese encoding); HTML -> text lines
2. clean: drop invisible control characters; repair GBK-shift mojibake (before
   anything else touches the bytes' traces); strip pinyin annotations glued after
   characters; convert to Simplified Chinese (OpenCC t2s); read the page's own
   date, then drop page furniture inside lines (share bars, photo credits) and
   junk lines (footers, timestamp lists, licences, link bars); reflow hard-broken
   lines into paragraphs and fix half-width punctuation; drop duplicated paragraphs
3. split: cut the page into articles with titles, authors, source and date
4. analyze: each article's summary, key figures, keywords and topic
5. publish (called by publish.sync, not here): slugs, Markdown pages, safe writes
"""

from __future__ import annotations

import time
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path

from digest.analyze.figures import key_figures
from digest.analyze.keywords import keywords
from digest.analyze.summary import SUMMARY_CHARS, summarize
from digest.analyze.topics import DEFAULT_THRESHOLD, DEFAULT_TOPICS, Topic, classify
from digest.clean.controls import strip_control_characters
from digest.clean.dedupe import drop_duplicate_paragraphs
from digest.clean.furniture import strip_inline_furniture
from digest.clean.junk import drop_junk_lines
from digest.clean.mojibake import repair_mojibake
from digest.clean.pinyin import strip_pinyin_annotations
from digest.clean.punctuation import normalize_punctuation
from digest.clean.reflow import reflow
from digest.clean.simplify import to_simplified
from digest.ingest.decode import decode_bytes
from digest.model import Article, ArticleDraft, SeedError, StageWarning
from digest.split.articles import split_articles
from digest.dates import find_page_date

#: Seeds larger than this are refused: no news page is this big, and a runaway
#: file must not stall the build.
MAX_SEED_BYTES = 5 * 1024 * 1024

SEED_SUFFIXES = (".txt", ".html", ".htm")


class StageTimer:
    """Seconds and calls per stage while :func:`timing_stages` is active (the benchmark's table)."""

    def __init__(self):
        self.spent: dict[str, list] = {}

    @contextmanager
    def stage(self, name: str):
        start = time.perf_counter()
        try:
            yield
        finally:
            entry = self.spent.setdefault(name, [0.0, 0])
            entry[0] += time.perf_counter() - start
            entry[1] += 1


_timer: StageTimer | None = None
_UNTIMED = nullcontext()


def stage(name: str):
    """``with stage("clean.mojibake"):`` around each stage below; free unless timing."""
    return _timer.stage(name) if _timer is not None else _UNTIMED


@contextmanager
def timing_stages():
    """``with timing_stages() as timer:`` convert seeds, then read ``timer.spent``
    (``{stage: [seconds, calls]}``). The stages are named here, where they run."""
    global _timer
    previous, _timer = _timer, StageTimer()
    try:
        yield _timer
    finally:
        _timer = previous


@dataclass
class ConvertOptions:
    topics: list[Topic] = field(default_factory=lambda: list(DEFAULT_TOPICS))
    topic_threshold: float = DEFAULT_THRESHOLD
    summary_chars: int = SUMMARY_CHARS
    max_bytes: int = MAX_SEED_BYTES


def _repair(text: str) -> tuple[str, list[StageWarning]]:
    """The clean phase's repairs on decoded text: the whole page repaired and in
    Simplified Chinese, and warnings."""
    with stage("clean.controls"):
        text = strip_control_characters(text)
    with stage("clean.mojibake"):
        text, warnings = repair_mojibake(text)
    with stage("clean.pinyin"):
        text = strip_pinyin_annotations(text)
    with stage("clean.simplify"):
        return to_simplified(text), warnings


def _paragraphs(text: str) -> list[str]:
    """The rest of the clean phase on the repaired page: furniture and junk lines dropped, lines
    reflowed, punctuation fixed, duplicates dropped."""
    with stage("clean.junk"):
        lines = drop_junk_lines(strip_inline_furniture(text).splitlines())
    with stage("clean.reflow"):
        paragraphs = reflow(lines)
    with stage("clean.punctuation"):
        paragraphs = [normalize_punctuation(p) for p in paragraphs]
    with stage("clean.dedupe"):
        return drop_duplicate_paragraphs(paragraphs)


def convert_text(text: str, source_file: str, *, is_html: bool = False,
                 encoding: str = "", options: ConvertOptions | None = None) -> list[Article]:
    """Convert a decoded seed into articles (phases 2-4: clean, split, analyze)."""
    options = options or ConvertOptions()
    if is_html:
        from digest.ingest.html import html_to_text  # BeautifulSoup takes 0.1 s to import: HTML seeds only

        with stage("ingest.html"):
            text = html_to_text(text)
    text, warnings = _repair(text)
    warnings = [replace(w, file=source_file) for w in warnings]
    # The page date is read before junk removal drops the lines that carry it.
    with stage("split.dates"):
        page_date = find_page_date(text)
    paragraphs = _paragraphs(text)
    with stage("split.articles"):
        drafts = split_articles(paragraphs, page_year=page_date.year if page_date else None)
    if not drafts:
        raise SeedError(source_file, "no article found (no paragraph of running text)")
    # One page is one issue of a paper: an article without a date of its own
    # takes the page's date, else the latest dateline of its neighbours.
    page_date = page_date or max((d.date for d in drafts if d.date), default=None)
    return [_analyse(d, source_file, page_date, warnings, encoding, options) for d in drafts]


def check_size(source_file: str, size: int, options: ConvertOptions) -> None:
    """Refuse a seed over ``options.max_bytes`` (callers may check before reading it)."""
    if size > options.max_bytes:
        raise SeedError(source_file, f"too large ({size:,} bytes; the limit is {options.max_bytes:,})")


def convert_bytes(data: bytes, source_file: str, options: ConvertOptions | None = None) -> list[Article]:
    """Convert one seed file's bytes into articles; raises :class:`SeedError` for a bad seed."""
    options = options or ConvertOptions()
    check_size(source_file, len(data), options)
    with stage("ingest.decode"):
        text, encoding = decode_bytes(data, source_file)
    is_html = Path(source_file).suffix.lower() in (".html", ".htm")
    return convert_text(text, source_file, is_html=is_html, encoding=encoding, options=options)


def convert_file(path: str | Path, options: ConvertOptions | None = None) -> list[Article]:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SeedError(str(path), f"cannot be read ({exc.strerror or exc})") from exc
    try:
        return convert_bytes(data, path.name, options)
    except SeedError as exc:
        raise SeedError(str(path), exc.reason) from None


def _analyse(draft: ArticleDraft, source_file: str, page_date, warnings: list[StageWarning],
             encoding: str, options: ConvertOptions) -> Article:
    with stage("analyze.topics"):
        topic, score = classify(draft, options.topics, options.topic_threshold)
    with stage("analyze.summary"):
        summary = summarize(draft, options.summary_chars)
    with stage("analyze.figures"):
        figures = key_figures(draft)
    with stage("analyze.keywords"):
        words = keywords(draft)
    return Article(
        source_file=source_file,
        title=draft.title,
        blocks=draft.blocks,
        authors=draft.authors,
        source=draft.source,
        date=draft.date or page_date,
        column=draft.column,
        topic=topic,
        topic_score=score,
        summary=summary,
        key_figures=figures,
        keywords=words,
        warnings=list(warnings),
        encoding=encoding,
    )
