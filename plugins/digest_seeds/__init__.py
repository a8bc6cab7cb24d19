"""Pelican plugin: convert the raw seeds in ``seeds/`` into Markdown articles.

On ``initialized`` (before any generator reads content) every seed is converted
by the pure :mod:`digest` core and written to ``content/<DIGEST_ARTICLES_DIR>/``
as one page per article; Pelican then reads those pages like any other content.

Settings (all optional):
    DIGEST_SEEDS_PATH        folder of seeds, relative to the folder holding PATH (``"seeds"``)
    DIGEST_ARTICLES_DIR      folder under PATH for generated pages (``"articles"``)
    DIGEST_CACHE_PATH        conversion cache (``".digest-cache"``); ``None`` turns it off
    DIGEST_STRICT            a bad seed fails the build instead of being skipped (``False``)
    DIGEST_FORCE             regenerate pages even where an editor changed them (``False``)
    DIGEST_JOBS              worker processes for large conversions (all cores)
    DIGEST_TOPICS            topic list: dicts with slug, name_zh, name_en, keywords
    DIGEST_TOPIC_THRESHOLD   minimum topic score, below it an article is "other"
    DIGEST_SUMMARY_CHARS     length budget of the summary box
    DIGEST_CONVERT           ``False`` skips conversion (for a second edition's run)

Environment: ``DIGEST_STRICT=1`` and ``DIGEST_FORCE=1`` override the settings,
so ``make html DIGEST_STRICT=1`` works without editing pelicanconf.py.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from pelican import signals
from pelican.log import console

from digest.analyze.topics import DEFAULT_TOPICS, topics_from_settings
from digest.pipeline import ConvertOptions
from digest.publish.sync import sync_seeds

log = logging.getLogger(__name__)


#: The repair summary of each build, printed when the build ends (by Pelican instance).
_SUMMARIES: dict[int, str] = {}


class SeedErrors(Exception):
    """Raised in strict mode when any seed could not be converted."""


def _flag(settings, name: str) -> bool:
    env = os.environ.get(name)
    if env is not None:
        return env.strip().lower() in ("1", "true", "yes", "on")
    return bool(settings.get(name, False))


def convert_options(settings) -> ConvertOptions:
    options = ConvertOptions()
    if settings.get("DIGEST_TOPICS"):
        options.topics = topics_from_settings(settings["DIGEST_TOPICS"])
    else:
        options.topics = list(DEFAULT_TOPICS)
    if settings.get("DIGEST_TOPIC_THRESHOLD") is not None:
        options.topic_threshold = float(settings["DIGEST_TOPIC_THRESHOLD"])
    if settings.get("DIGEST_SUMMARY_CHARS"):
        options.summary_chars = int(settings["DIGEST_SUMMARY_CHARS"])
    return options


def _base_dir(settings) -> Path:
    """Relative seed and cache paths are taken from the project folder: the one
    that holds PATH (``content/``), wherever Pelican is started from."""
    return Path(settings["PATH"]).resolve().parent


def convert_seeds(pelican) -> None:
    settings = pelican.settings
    if not settings.get("DIGEST_CONVERT", True):
        return
    base = _base_dir(settings)
    seeds = base / settings.get("DIGEST_SEEDS_PATH", "seeds")
    pages = Path(settings["PATH"]) / settings.get("DIGEST_ARTICLES_DIR", "articles")
    cache = settings.get("DIGEST_CACHE_PATH", ".digest-cache")

    def progress(done: int, total: int, name: str) -> None:
        if total >= 20 and (done % max(1, total // 10) == 0 or done == total):
            log.info("digest: converted %d/%d seeds (%s)", done, total, name)

    report = sync_seeds(
        seeds, pages,
        options=convert_options(settings),
        cache_dir=(base / cache) if cache else None,
        force=_flag(settings, "DIGEST_FORCE"),
        jobs=settings.get("DIGEST_JOBS"),
        lang=settings.get("DEFAULT_LANG", "zh-hans"),
        progress=progress,
    )
    for note in report.notes:
        log.info("digest: %s", note)
    for message in report.messages:
        log.warning("digest: %s", message)
    log.info("digest: %d articles from %s (%d converted, %d cached, %d pages written, %d removed)",
             len(report.articles), seeds, report.converted, report.cached,
             len(report.store.written), len(report.store.removed))
    _SUMMARIES[id(pelican)] = report.repair_summary
    if report.errors and _flag(settings, "DIGEST_STRICT"):
        raise SeedErrors(f"{len(report.errors)} seed(s) could not be converted (strict mode): "
                         + "; ".join(str(e) for e in report.errors))


def print_repair_summary(pelican) -> None:
    """The repair summary as the last lines of the build, beside Pelican's own
    ``Done:`` line, at every verbosity: the per-repair lines scroll away."""
    summary = _SUMMARIES.pop(id(pelican), None)
    if summary:
        console.print(f"digest: {summary}", markup=False, highlight=False)


def register():
    signals.initialized.connect(convert_seeds)
    signals.finalized.connect(print_repair_summary)
