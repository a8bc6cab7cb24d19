"""Pelican builds of the corpus: ours as ``make html`` runs it, and bare Pelican on the same pages."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

from corpus import Corpus

from .common import BARE_PLUGINS, PYTHON, ROOT, snapshot_env
from .memory import Run, run_measured

def snapshot_project(work: Path) -> None:
    """Copy what a build runs -- converter, plugins, theme, settings, hand-written
    content -- into the work folder, laid out like the project. Everything is
    measured on this copy, so edits to the tree during a run change nothing."""
    skip = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "src" / "digest", work / "src" / "digest", ignore=skip)
    for folder in ("plugins", "theme"):
        shutil.copytree(ROOT / folder, work / folder, ignore=skip)
    shutil.copytree(ROOT / "content", work / "content", ignore=shutil.ignore_patterns("articles"))
    shutil.copy2(ROOT / "pelicanconf.py", work / "pelicanconf.py")


def pelican_cmd(work: Path, output: Path, overrides: dict) -> list[str]:
    """``pelican content -s pelicanconf.py`` with settings overridden (``-e`` takes JSON values)."""
    return [PYTHON, "-m", "pelican", str(work / "content"), "-s", str(work / "pelicanconf.py"),
            "-o", str(output), "--log-handler", "plain", "-v",
            "-e", *(f"{k}={json.dumps(v)}" for k, v in overrides.items())]


def _html_files(folder: Path) -> int:
    return sum(1 for _ in folder.rglob("*.html")) if folder.is_dir() else 0


class Builds:
    """The workdir's site: content copied from the project, seeds from the corpus."""

    def __init__(self, work: Path, seeds: Path):
        self.work, self.seeds = work, seeds
        self.content = work / "content"
        self.digest_cache = work / "digest-cache"

    def _overrides(self, tag: str) -> dict:
        return {"DIGEST_SEEDS_PATH": str(self.seeds), "DIGEST_CACHE_PATH": str(self.digest_cache),
                "CACHE_PATH": str(self.work / f"pelican-cache-{tag}"),
                "DIGEST_CATALOG": str(self.content / "translations" / "en.po")}

    def plugins(self) -> list[str]:
        """The PLUGINS of the snapshot's pelicanconf.py (what ``make html`` runs)."""
        from pelican.settings import get_settings_from_file

        return list(get_settings_from_file(str(self.work / "pelicanconf.py"))["PLUGINS"])

    def ours(self, tag: str, profile: Path | None = None, plugins: list[str] | None = None,
             render: bool = False) -> dict:
        """A build as ``make html`` does it (or with only ``plugins``). Seeds
        converted = new cache entries (one per converted seed; a seed that fails
        is never cached). ``render``: render every page even if nothing changed
        (a rebuild with nothing changed otherwise keeps the site as it is)."""
        if render:
            forget_site(self.work / "pelican-cache-ours")
        before = set(self.digest_cache.glob("*.json")) if self.digest_cache.is_dir() else set()
        log = self.work / "logs" / f"{tag}.log"
        output = self.work / "output"
        overrides = self._overrides("ours") | ({"PLUGINS": plugins} if plugins is not None else {})
        cmd = pelican_cmd(self.work, output, overrides)
        if profile:
            cmd[1:3] = ["-m", "cProfile", "-o", str(profile), "-m", "pelican"]
        run = run_measured(cmd, log, snapshot_env(self.work), self.work)
        after = set(self.digest_cache.glob("*.json")) if self.digest_cache.is_dir() else set()
        return _outcome(run, log) | {"html_files": _html_files(output), "seeds_converted": len(after - before),
                                     "editions_forked": _editions_forked(log)}

    def forget_caches(self) -> None:
        """Empty caches, as on a fresh clone (the pages stay: the bare build reads them)."""
        for folder in (self.digest_cache, self.work / "pelican-cache-ours"):
            shutil.rmtree(folder, ignore_errors=True)

    def bare(self) -> dict:
        """Pelican on the Markdown pages ``ours`` wrote, with only BARE_PLUGINS."""
        output = self.work / "output-bare"
        forget_site(self.work / "pelican-cache-bare")  # bare Pelican renders every time
        log = self.work / "logs" / "bare.log"
        # DIGEST_JOBS=1: one Pelican run per edition, in turn, as bare Pelican would build them
        # (digest_editions would otherwise build the further editions beside the first)
        overrides = self._overrides("bare") | {"PLUGINS": BARE_PLUGINS, "DIGEST_CONVERT": False, "DIGEST_JOBS": 1}
        run = run_measured(pelican_cmd(self.work, output, overrides), log, snapshot_env(self.work), self.work)
        return _outcome(run, log) | {"html_files": _html_files(output), "plugins": BARE_PLUGINS}


def _plugins_importable() -> None:
    if str(ROOT / "plugins") not in sys.path:
        sys.path.insert(0, str(ROOT / "plugins"))


def forget_site(cache: Path) -> None:
    """Make the next build with this Pelican cache render: drop the record that lets a
    rebuild with nothing changed keep the site (plugins/digest_editions/staging.py)."""
    _plugins_importable()
    from digest_editions.staging import forget_site_record

    forget_site_record(cache)


def _editions_forked(log: Path) -> bool:
    """Whether a build that rendered built its further editions in a fork, beside the
    first (it does when a core is idle as it starts): wall times differ with the mode."""
    _plugins_importable()
    from digest_editions import ONE_AFTER_ANOTHER

    return ONE_AFTER_ANOTHER not in log.read_text(encoding="utf-8", errors="replace")


def _outcome(run: Run, log: Path) -> dict:
    """The run's numbers, or its error with the last lines of the log."""
    if not run.returncode:
        return run.json()
    tail = "\n".join(log.read_text(errors="replace").splitlines()[-6:])
    return run.json() | {"error": f"pelican failed (exit {run.returncode}); see {log}:\n{tail}"}


EDIT_SENTENCE = "据悉，有关部门将持续跟进。"


def seed_to_touch(corpus: Corpus, which: int = 0):
    """The seed :func:`touch_one_seed` changes for ``which``."""
    return corpus.seeds[(len(corpus.seeds) // 2 + which) % len(corpus.seeds)]


def touch_one_seed(corpus: Corpus, which: int = 0, sentence: str = EDIT_SENTENCE) -> str:
    """Change one seed's text (in its own encoding) so its bytes differ; returns its name.

    ``which`` picks another seed each time (from the middle of the corpus on)."""
    info = seed_to_touch(corpus, which)
    path = corpus.folder / info.name
    text = path.read_bytes().decode(info.encoding)
    at = text.find("。") + 1 or len(text)
    path.write_bytes((text[:at] + sentence + text[at:]).encode(info.encoding))
    return info.name
