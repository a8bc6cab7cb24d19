"""Pelican plugin: convert the raw seeds in ``seeds/`` into Markdown articles.

On ``initialized`` (before any generator reads content) every seed is converted
by the pure :mod:`digest` core and written to ``content/<DIGEST_ARTICLES_DIR>/``
as one page per article; Pelican then reads those pages like any other content.

Settings: ``DIGEST_SEEDS_PATH``, ``DIGEST_ARTICLES_DIR``, ``DIGEST_CACHE_PATH``,
``DIGEST_STRICT``, ``DIGEST_FORCE``, ``DIGEST_JOBS``, ``DIGEST_TOPICS``,
``DIGEST_TOPIC_THRESHOLD``, ``DIGEST_SUMMARY_CHARS``, ``DIGEST_CONVERT``; their
defaults and meanings are in :data:`digest.site.settings.DEFAULTS`, and the
``digest_settings`` plugin checks them once, before conversion starts.

One build at a time: the whole run holds a lock in the cache folder, and a
second build started meanwhile says that it waits. A page, cache or output file
that cannot be written (disk full, read-only folder) stops the build with one
line naming it.
"""

from __future__ import annotations

import errno
import logging
from pathlib import Path

from pelican import signals
from pelican.log import console

from digest.files import WriteError
from digest.publish import lock
from digest.publish.sync import sync_seeds
from digest.site.settings import convert_options, setting

log = logging.getLogger(__name__)

#: The repair summary of each build, printed when the build ends (by Pelican instance).
_SUMMARIES: dict[int, str] = {}


class SeedErrors(Exception):
    """Raised in strict mode when any seed could not be converted."""


def _base_dir(settings) -> Path:
    """Relative seed and cache paths are taken from the project folder: the one
    that holds PATH (``content/``), wherever Pelican is started from."""
    return Path(settings["PATH"]).resolve().parent


#: Errors of a full disk or a read-only folder: the operator's to fix, not a bug.
_WRITE_ERRORS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM}


def _stop(message: str) -> None:
    """End the build with one clear line (Pelican would add a traceback to an exception)."""
    log.critical("digest: %s", message)
    raise SystemExit(1)


def _hold_lock_while_running(pelican, cache_dir: Path | None) -> Path | None:
    """Take the build lock now (before Pelican empties the output folder) and
    release it when this run, every further edition included, is over."""
    held = None
    if cache_dir is not None:
        def waiting(path: Path) -> None:
            log.warning("digest: %s: another build of this site is running; waiting for it to finish",
                        path)
        try:
            held = lock.acquire(cache_dir, waiting)
        except OSError as exc:  # a read-only cache folder: the build still works
            log.warning("digest: %s: cannot create the build lock (%s); building without it",
                        cache_dir, exc.strerror or exc)
    run = getattr(pelican, "run", None)
    if run is None:  # a caller that only converts: released when conversion ends
        return held
    output = pelican.settings.get("OUTPUT_PATH", "output")

    def locked_run(*args, **kwargs):
        try:
            return run(*args, **kwargs)
        except OSError as exc:
            if exc.errno not in _WRITE_ERRORS:
                raise
            # Pelican's writers: a full disk names no file
            _stop(f"{exc.filename or output}: cannot write the site ({exc.strerror or exc})")
        finally:
            lock.release(held)

    pelican.run = locked_run
    pelican.digest_build_lock = held  # a build with nothing to do releases it early (digest_editions)
    return held


def convert_seeds(pelican) -> None:
    settings = pelican.settings
    if not setting(settings, "DIGEST_CONVERT"):
        return
    base = _base_dir(settings)
    seeds = base / setting(settings, "DIGEST_SEEDS_PATH")
    pages = Path(settings["PATH"]) / setting(settings, "DIGEST_ARTICLES_DIR")
    cache = setting(settings, "DIGEST_CACHE_PATH")
    held = _hold_lock_while_running(pelican, (base / cache) if cache else None)

    def progress(done: int, total: int, name: str) -> None:
        if total >= 20 and (done % max(1, total // 10) == 0 or done == total):
            log.info("digest: converted %d/%d seeds (%s)", done, total, name)

    try:
        report = sync_seeds(
            seeds, pages,
            options=convert_options(settings),
            cache_dir=(base / cache) if cache else None,
            force=setting(settings, "DIGEST_FORCE"),
            jobs=setting(settings, "DIGEST_JOBS"),
            lang=settings.get("DEFAULT_LANG", "zh-hans"),
            progress=progress,
        )
    except WriteError as exc:
        lock.release(held)
        _stop(str(exc))
    for note in report.notes:
        log.info("digest: %s", note)
    for message in report.messages:
        log.warning("digest: %s", message)
    log.info("digest: %d articles from %s (%d converted, %d cached, %d pages written, %d removed)",
             len(report.articles), seeds, report.converted, report.cached,
             len(report.store.written), len(report.store.removed))
    _SUMMARIES[id(pelican)] = report.repair_summary
    if getattr(pelican, "run", None) is None:
        lock.release(held)
    if report.errors and setting(settings, "DIGEST_STRICT"):
        lock.release(held)  # the build ends here
        raise SeedErrors(f"{len(report.errors)} seed(s) could not be converted (strict mode): "
                         + "; ".join(str(e) for e in report.errors))


def print_repair_summary(pelican) -> None:
    """The repair summary as the last lines of the build, beside Pelican's own
    ``Done:`` line, at every verbosity: the per-repair lines scroll away."""
    summary = _SUMMARIES.pop(id(pelican), None)
    if summary:
        console.print(f"digest: {summary}", markup=False, highlight=False, soft_wrap=True)


def register():
    signals.initialized.connect(convert_seeds)
    signals.finalized.connect(print_repair_summary)
