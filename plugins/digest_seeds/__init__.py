"""Pelican plugin: convert the raw seeds in ``seeds/`` into Markdown articles.

On ``initialized`` (before any generator reads content) every seed is converted
by the pure :mod:`digest` core and written to ``content/<DIGEST_ARTICLES_DIR>/``
as one page per article; Pelican then reads those pages like any other content.

Settings: ``DIGEST_SEEDS_PATH``, ``DIGEST_ARTICLES_DIR``, ``DIGEST_CACHE_PATH``,
``DIGEST_STRICT``, ``DIGEST_FORCE``, ``DIGEST_JOBS``, ``DIGEST_TOPICS``,
``DIGEST_TOPIC_THRESHOLD``, ``DIGEST_SUMMARY_CHARS``, ``DIGEST_CONVERT``; their
defaults and meanings are in :data:`digest.site.settings.DEFAULTS`, and the
``digest_settings`` plugin checks them once, before conversion starts.
"""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals

from digest.publish.sync import sync_seeds
from digest.site.settings import convert_options, setting

log = logging.getLogger(__name__)


class SeedErrors(Exception):
    """Raised in strict mode when any seed could not be converted."""


def _base_dir(settings) -> Path:
    """Relative seed and cache paths are taken from the project folder: the one
    that holds PATH (``content/``), wherever Pelican is started from."""
    return Path(settings["PATH"]).resolve().parent


def convert_seeds(pelican) -> None:
    settings = pelican.settings
    if not setting(settings, "DIGEST_CONVERT"):
        return
    base = _base_dir(settings)
    seeds = base / setting(settings, "DIGEST_SEEDS_PATH")
    pages = Path(settings["PATH"]) / setting(settings, "DIGEST_ARTICLES_DIR")
    cache = setting(settings, "DIGEST_CACHE_PATH")

    def progress(done: int, total: int, name: str) -> None:
        if total >= 20 and (done % max(1, total // 10) == 0 or done == total):
            log.info("digest: converted %d/%d seeds (%s)", done, total, name)

    report = sync_seeds(
        seeds, pages,
        options=convert_options(settings),
        cache_dir=(base / cache) if cache else None,
        force=setting(settings, "DIGEST_FORCE"),
        jobs=setting(settings, "DIGEST_JOBS"),
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
    if report.errors and setting(settings, "DIGEST_STRICT"):
        raise SeedErrors(f"{len(report.errors)} seed(s) could not be converted (strict mode): "
                         + "; ".join(str(e) for e in report.errors))


def register():
    signals.initialized.connect(convert_seeds)
