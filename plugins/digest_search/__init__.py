"""Pelican plugin: a Pagefind search index for each edition.

Runs on ``digest_editions_finalized`` (every edition is built) and indexes
each edition's folder on its own, into ``<edition>/pagefind/``:

* The index holds only what the theme marks ``data-pagefind-body`` (the
  article's title, summary, keywords and text), so list pages and the site's
  chrome never turn up as results. Pagefind names the index after
  ``<html lang>``; the extended Pagefind build segments Chinese into words.
* The first edition's folder holds the others (``output/en/``); its run
  takes a glob of its own top-level entries, so it never indexes them.
* In an edition of another language, elements marked with the first
  edition's language (``lang="zh-Hans"``: Chinese text on English pages) are
  left out: Pagefind would index them with English rules, as unsegmented runs
  of characters that a Chinese query never matches. The search page of such
  an edition also queries the first edition's index, and shows its hits as
  pages of its own edition (``theme/templates/includes/search.html``).
* A bundle per edition keeps every edition self-contained: Pagefind derives
  result URLs from where the bundle is, so ``/en/pagefind/`` gives
  ``/en/articles/...`` and a site under a sub-path needs no setting.

Pagefind is the binary of the ``pagefind[extended]`` package (found with
``pagefind.service.get_executable``, which honours ``PAGEFIND_BINARY_PATH``),
run as a subprocess: one blocking call, no event loop inside a Pelican
signal, and its exit status and messages for our log.

Settings: ``DIGEST_SEARCH`` (default ``True``; ``False`` skips indexing and the
templates leave the search box out). A failure is one log line and the site
is published without search; with ``DIGEST_STRICT`` (setting, or
``DIGEST_STRICT=1`` in the environment) it fails the build.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
import subprocess
from pathlib import Path

from digest.site.settings import setting
from digest.site.signals import editions_finalized

log = logging.getLogger(__name__)

BUNDLE = "pagefind"
TIMEOUT_S = 600
_GLOB_SPECIAL = re.compile(r"([{}\[\]*?,\\!<>])")


class SearchIndexError(Exception):
    """Pagefind could not index an edition (raised in strict mode only)."""


def pagefind_executable() -> Path:
    """The Pagefind binary, preferably the extended build (Chinese segmentation)."""
    try:
        from pagefind.service import get_executable
    except ImportError as exc:
        raise SearchIndexError("the pagefind package is not installed (pip install 'pagefind[extended]')") from exc
    exe = get_executable()
    if exe is None or not Path(exe).is_file():
        raise SearchIndexError("no Pagefind binary found (pip install 'pagefind[extended]')")
    return Path(exe)


def own_glob(folder: Path, skip: set[Path]) -> str:
    """A Pagefind glob of the HTML files of ``folder`` outside the folders in ``skip``.

    ``output/`` holding ``articles/``, ``index.html`` and the English
    edition ``en/`` gives ``{*.html,articles/**/*.html}``.
    """
    parts = ["*.html"]
    for entry in sorted(folder.iterdir()):
        if entry.is_dir() and entry.resolve() not in skip:
            parts.append(_GLOB_SPECIAL.sub(r"\\\1", entry.name) + "/**/*.html")
    return "{" + ",".join(parts) + "}"


def foreign_text_selector(edition: dict, source: dict) -> str | None:
    """The CSS selector of text in the source edition's language on this
    edition's pages (``[lang|="zh"]`` on English pages), or ``None`` for the
    source edition itself. Pagefind leaves the matching elements out."""
    mine = edition["html_lang"].split("-")[0].lower()
    theirs = source["html_lang"].split("-")[0].lower()
    return None if mine == theirs else f'[lang|="{theirs}"]'


def marks_bodies(folder: Path, pattern_skip: set[Path]) -> bool:
    """True if a page of the edition marks ``data-pagefind-body``. Without one,
    Pagefind would index whole pages (menus, list pages), which we never want."""
    for path in folder.rglob("*.html"):
        if any(s in path.parents for s in pattern_skip):
            continue
        with open(path, encoding="utf-8", errors="replace") as fh:
            if "data-pagefind-body" in fh.read():
                return True
    return False


def pagefind_command(exe: Path, folder: Path, glob: str, exclude: str | None) -> list[str]:
    cmd = [str(exe), "--site", str(folder), "--output-subdir", BUNDLE, "--glob", glob]
    if exclude:
        cmd += ["--exclude-selectors", exclude]
    return cmd


def _last_error(result: subprocess.CompletedProcess) -> str:
    lines = [ln.strip() for ln in (result.stderr + "\n" + result.stdout).splitlines() if ln.strip()]
    errors = [ln for ln in lines if ln.lower().startswith("error")]
    return (errors or lines or [f"exit status {result.returncode}"])[-1]


def index_edition(exe: Path, edition: dict, source: dict, skip: set[Path]) -> dict:
    """Run Pagefind over one edition; returns ``pagefind-entry.json``'s languages."""
    folder = Path(edition["output"]).resolve()
    bundle = folder / BUNDLE
    if (bundle / "pagefind-entry.json").exists():
        shutil.rmtree(bundle)  # hashed file names: a re-run would leave stale ones
    cmd = pagefind_command(exe, folder, own_glob(folder, skip | {bundle}),
                           foreign_text_selector(edition, source))
    try:
        result = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT_S)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SearchIndexError(f"{edition['name']}: could not run Pagefind: {exc}") from exc
    if result.returncode:
        raise SearchIndexError(f"{edition['name']}: Pagefind failed: {_last_error(result)}")
    if "(Extended)" not in result.stdout:
        log.warning("digest_search: %s is not the extended Pagefind build; "
                    "Chinese text is indexed without word segmentation", exe.name)
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    return entry.get("languages", {})


VARIANTS_FILE = "zh-variants.json"


def write_variants(bundle: Path, cache_dir: Path | None = None) -> None:
    """The Traditional/regional -> Simplified tables the search page converts queries with."""
    from .variants import cached_variant_tables_json

    (bundle / VARIANTS_FILE).write_text(cached_variant_tables_json(cache_dir), encoding="utf-8")


def build_search(pelican, editions: list[dict]) -> None:
    settings = pelican.settings
    if not setting(settings, "DIGEST_SEARCH"):
        return
    folders = [Path(e["output"]).resolve() for e in editions]
    try:
        exe = pagefind_executable()
        for edition, folder in zip(editions, folders):
            nested = {f for f in folders if f != folder and folder in f.parents}
            if not marks_bodies(folder, nested):
                log.warning("digest_search: no page of the %s edition marks data-pagefind-body; "
                            "it gets no search index", edition["name"])
                continue
            languages = index_edition(exe, edition, editions[0], nested)
            if edition is editions[0] and edition["html_lang"] == "zh-Hans":
                cache = settings.get("CACHE_PATH")
                write_variants(folder / BUNDLE, Path(cache) / "digest-search" if cache else None)
            log.info("digest_search: %s edition indexed: %s", edition["name"],
                     ", ".join(f"{lang} {info.get('page_count', 0)} pages" for lang, info in languages.items()))
    except SearchIndexError as exc:
        if setting(settings, "DIGEST_STRICT"):
            raise
        log.error("digest_search: %s; the site is built without search", exc)


def register():
    editions_finalized.connect(build_search)
