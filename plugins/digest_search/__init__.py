"""Pelican plugin: a Pagefind search index for each edition.

Indexes each edition's folder on its own, into ``<edition>/pagefind/``. An
edition's index starts as soon as its pages are written (``digest_edition_written``),
Pagefind in the background while the next edition renders, and every index is
finished (waited for, checked, recorded) on ``digest_editions_finalized``, before
the site is swapped in. A further edition built in a forked process is indexed
in that fork, which sends the outcome back (``digest_edition_fork_state``).

* The index holds only what the theme marks ``data-pagefind-body`` (the
  article's title, summary, keywords and text), so list pages and the site's
  chrome never turn up as results. Pagefind names the index after
  ``<html lang>``; the extended Pagefind build segments Chinese into words.
* Pagefind is given only the pages that mark a body (read from the written
  pages, :func:`body_glob`): it would read every list page only to drop it,
  which was half its time and memory. The first edition's folder holds the
  others (``output/en/``); its glob never takes them in.
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
run as a subprocess: no event loop inside a Pelican signal, its exit status
and messages for our log, and it dies with the build (a killed build leaves no
Pagefind writing on).

An unchanged edition is not indexed again: the index is keyed by a hash
of the pages that mark a body (their paths and bytes), the Pagefind
binary and its options. When the key equals the one recorded for the
served site's bundle (``CACHE_PATH/digest-search/index-keys.json``, with a
hash of the bundle's files so a bundle changed or damaged since is not
trusted), the served bundle is hard-linked into the new site instead of
running Pagefind (12-19 s for two editions at 2,000 articles). Pagefind's
output is a function of those inputs (the site is byte-identical across
builds), so the reused bundle is the one a run would write.

Settings: ``DIGEST_SEARCH`` (default ``True``; ``False`` skips indexing and the
templates leave the search box out). A failure is one log line and the site
is published without that edition's search (its half-written bundle removed;
the other editions keep theirs); with ``DIGEST_STRICT`` (setting, or
``DIGEST_STRICT=1`` in the environment) it fails the build, and the indexes
still running are stopped. ``DIGEST_SEARCH_INDEX = False`` (the preview's
quick builds) keeps the index already in the output folder and starts none.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import posixpath
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from pelican import signals

from digest.chardata import CJK_RANGES
from digest.files import WriteError, add_files, atomic_write, files_under
from digest.publish.store import read_json_object
from digest.publish.workers import die_with_this_process
from digest.site.settings import setting
from digest.site.signals import edition_fork_state, edition_written, editions_finalized

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


def scan_pages(folder: Path, skip: set[Path]) -> dict[str, str | None]:
    """Every HTML page of ``folder`` outside the folders of ``skip``, by path
    relative to ``folder``: the SHA-256 of its bytes if it marks
    ``data-pagefind-body`` (what Pagefind indexes once any page marks one), else None."""
    pages: dict[str, str | None] = {}
    for path in files_under(folder, skip, keep=lambda name: name.endswith(".html")):
        data = path.read_bytes()
        pages[path.relative_to(folder).as_posix()] = (
            hashlib.sha256(data).hexdigest() if b"data-pagefind-body" in data else None)
    return pages


#: A glob longer than this (pages listed one by one) gives way to whole folders: it
#: goes to Pagefind as one argument, which Linux limits to 128 KiB.
GLOB_MAX_CHARS = 32_000


def body_glob(pages: dict[str, str | None], skipped: set[str] = frozenset()) -> str | None:
    """A Pagefind glob of the pages of :func:`scan_pages` that mark a body (None when
    none does). Pagefind reads every page its glob selects and then drops those
    without a body, which were half its time and memory (the list pages outnumber
    the articles). A page left out changes nothing in the index, a page taken in
    without a body costs only its reading: so a folder where marked pages are at
    least half is taken whole (``articles/**/*.html``, or its own ``*.html``),
    elsewhere its marked pages are named one by one (all of a folder's if that
    grows past :data:`GLOB_MAX_CHARS`). ``skipped``: folders (relative) left out
    of the scan, never taken in by a ``**``.

    ``articles/`` of article pages and a redirect, ``index.html`` without a body:
    ``{articles/**/*.html}``.
    """
    marked: dict[str, list[int]] = {}  # folder -> [marked, unmarked] in its subtree
    direct: dict[str, list[int]] = {}  # folder -> [marked, unmarked] directly in it
    for rel, digest in pages.items():
        folder = posixpath.dirname(rel)
        direct.setdefault(folder, [0, 0])[digest is None] += 1
        for parent in _self_and_parents(folder):
            marked.setdefault(parent, [0, 0])[digest is None] += 1
    if not any(m for m, _ in marked.values()):
        return None
    blocked = {parent for rel in skipped for parent in _self_and_parents(posixpath.dirname(rel))}

    def parts(folder: str, fine: bool) -> list[str]:
        prefix = _escape(folder) + "/" if folder else ""
        m, u = marked.get(folder, (0, 0))
        if folder not in blocked and m >= u:
            return [prefix + "**/*.html"]
        found = []
        dm, du = direct.get(folder, (0, 0))
        if dm and (dm >= du or not fine):
            found.append(prefix + "*.html")
        elif dm:
            found += sorted(_escape(rel) for rel, digest in pages.items()
                            if digest is not None and posixpath.dirname(rel) == folder)
        children = sorted(f for f in marked if f and posixpath.dirname(f) == folder and marked[f][0])
        for child in children:
            found += parts(child, fine)
        return found

    glob = "{" + ",".join(parts("", True)) + "}"
    return glob if len(glob) <= GLOB_MAX_CHARS else "{" + ",".join(parts("", False)) + "}"


def _self_and_parents(rel: str) -> list[str]:
    """``a/b`` -> ``["a/b", "a", ""]``: a folder and the folders above it, up to the site's."""
    chain = [rel]
    while rel:
        rel = posixpath.dirname(rel)
        chain.append(rel)
    return chain


def _escape(rel: str) -> str:
    return _GLOB_SPECIAL.sub(r"\\\1", rel)


def foreign_text_selector(edition: dict, source: dict) -> str | None:
    """The CSS selector of text in the source edition's language on this
    edition's pages (``[lang|="zh"]`` on English pages), or ``None`` for the
    source edition itself. Pagefind leaves the matching elements out."""
    mine = edition["html_lang"].split("-")[0].lower()
    theirs = source["html_lang"].split("-")[0].lower()
    return None if mine == theirs else f'[lang|="{theirs}"]'


def pagefind_command(exe: Path, folder: Path, glob: str, exclude: str | None) -> list[str]:
    cmd = [str(exe), "--site", str(folder), "--output-subdir", BUNDLE, "--glob", glob]
    if exclude:
        cmd += ["--exclude-selectors", exclude]
    return cmd


def _last_error(output: str, returncode: int) -> str:
    lines = [ln.strip() for ln in output.splitlines() if ln.strip()]
    errors = [ln for ln in lines if ln.lower().startswith("error")]
    return (errors or lines or [f"exit status {returncode}"])[-1]


KEYS_FILE = "index-keys.json"


def pages_key(exe: Path, folder: Path, pages: dict[str, str | None], cmd: list[str]) -> str:
    """A hash of what Pagefind's index of ``folder`` is made from: the pages the
    glob selects (paths and bytes, from :func:`scan_pages`), the binary (path,
    size, mtime) and the options of ``cmd`` with the glob (paths relative, so
    the staging folder's name does not count)."""
    h = hashlib.sha256()
    stat = exe.stat()
    h.update(f"{exe}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    h.update("\0".join(a.replace(str(folder), "<site>") for a in cmd[1:]).encode() + b"\0\0")
    for rel, digest in sorted(pages.items()):
        if digest is not None:
            h.update(f"{rel}\0{digest}\0".encode())
    return h.hexdigest()


def bundle_digest(bundle: Path) -> str | None:
    """A hash of every file of a Pagefind bundle (ours, ``zh-variants.json``, left out), or None."""
    if not (bundle / "pagefind-entry.json").is_file():
        return None
    h = hashlib.sha256()
    add_files(h, bundle, files_under(bundle, keep=lambda name: name != VARIANTS_FILE))
    return h.hexdigest()


def read_keys(cache_dir: Path | None) -> dict:
    """The recorded ``{lang: {"key", "bundle"}}``; empty when missing or unreadable."""
    return read_json_object(cache_dir / KEYS_FILE) if cache_dir is not None else {}


def write_keys(cache_dir: Path | None, keys: dict) -> None:
    if cache_dir is None:
        return
    try:
        atomic_write(cache_dir / KEYS_FILE, json.dumps(keys, sort_keys=True))
    except WriteError as exc:
        log.warning("digest_search: cannot record the search index keys (%s)", exc)


def reuse_bundle(previous: Path, bundle: Path, recorded: dict, key: str) -> bool:
    """Link the previous build's bundle into ``bundle`` if it was made from the same
    pages (``recorded`` holds its key and its files' hash); False when it cannot be."""
    if not recorded or recorded.get("key") != key or bundle_digest(previous) != recorded.get("bundle"):
        return False
    if previous.resolve() == bundle.resolve():  # built in place: the bundle is still there
        return True
    if bundle.exists():
        shutil.rmtree(bundle)

    def link(src: str, dst: str) -> None:
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)
    try:
        shutil.copytree(previous, bundle, copy_function=link)
    except OSError:
        shutil.rmtree(bundle, ignore_errors=True)
        return False
    return True


class IndexJob:
    """One edition's index, started by :func:`start_index` and ended by :meth:`finish`:
    reused from the served site, or a Pagefind run in the background, so that it
    runs while the next edition renders (Pagefind is native code, the build one
    Python thread). Its outcome is plain data (:meth:`finish`), picklable from a
    forked edition build."""

    def __init__(self, edition: dict, folder: Path):
        self.edition, self.folder = edition, folder
        self.key: str | None = None
        self.reused = False
        self.error: str | None = None
        self.unmarked = False  # no page marks a body: no index
        self.proc: subprocess.Popen | None = None
        self.output = None
        self.deadline = 0.0

    def finish(self) -> dict:
        """Wait for Pagefind; ``{"lang", "key", "bundle", "languages", "reused", "error", "unmarked"}``."""
        if self.proc is not None:
            try:
                self.proc.wait(timeout=max(0.0, self.deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                self.stop()
                self.error = f"{self.edition['name']}: Pagefind took longer than {TIMEOUT_S} s"
            else:
                self.output.seek(0)
                text = self.output.read()
                if self.proc.returncode:
                    self.error = (f"{self.edition['name']}: Pagefind failed: "
                                  f"{_last_error(text, self.proc.returncode)}")
                elif "(Extended)" not in text:
                    log.warning("digest_search: %s is not the extended Pagefind build; "
                                "Chinese text is indexed without word segmentation", Path(self.proc.args[0]).name)
            self.output.close()
            self.proc = None
        bundle = self.folder / BUNDLE
        outcome = {"lang": self.edition["lang"], "key": self.key, "reused": self.reused, "error": self.error,
                   "unmarked": self.unmarked, "bundle": None, "languages": {}}
        if self.error is None and not self.unmarked:
            outcome["bundle"] = bundle_digest(bundle)
            entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
            outcome["languages"] = entry.get("languages", {})
        return outcome

    def stop(self) -> None:
        """End a Pagefind run that is no longer wanted (the build failed or stops),
        and drop the bundle it had half written."""
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.output.close()
            self.proc = None
            shutil.rmtree(self.folder / BUNDLE, ignore_errors=True)


def start_index(edition: dict, source: dict, skip: set[Path], previous: Path | None,
                recorded: dict | None) -> IndexJob:
    """Begin the index of one edition: reuse ``previous`` (the served site's bundle
    of this edition) when ``recorded`` (its key and files' hash) matches the
    pages, else start Pagefind on the pages that mark a body."""
    folder = Path(edition["output"]).resolve()
    job = IndexJob(edition, folder)
    bundle = folder / BUNDLE
    skip = skip | {bundle}
    pages = scan_pages(folder, skip)
    glob = body_glob(pages, {p.relative_to(folder).as_posix() for p in skip if folder in p.parents})
    if glob is None:
        job.unmarked = True
        return job
    try:
        exe = pagefind_executable()
        cmd = pagefind_command(exe, folder, glob, foreign_text_selector(edition, source))
        job.key = pages_key(exe, folder, pages, cmd)
        job.reused = previous is not None and reuse_bundle(previous, bundle, recorded or {}, job.key)
        if not job.reused:
            if bundle.exists():
                shutil.rmtree(bundle)  # hashed file names: a re-run would leave stale ones
            job.output = tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace")
            job.deadline = time.monotonic() + TIMEOUT_S
            job.proc = subprocess.Popen(cmd, stdout=job.output, stderr=subprocess.STDOUT, text=True,
                                        stdin=subprocess.DEVNULL, preexec_fn=die_with_this_process())
    except SearchIndexError as exc:
        job.error = str(exc)
    except OSError as exc:
        job.error = f"{edition['name']}: could not run Pagefind: {exc}"
    return job


VARIANTS_FILE = "zh-variants.json"


def write_variants(bundle: Path, cache_dir: Path | None = None) -> None:
    """The Traditional/regional -> Simplified tables the search page converts queries with."""
    from .variants import cached_variant_tables_json

    (bundle / VARIANTS_FILE).write_text(cached_variant_tables_json(cache_dir), encoding="utf-8")


class _Build:
    """What this build process knows of the indexes: the recorded keys and the served
    site (read as the build starts, before a fork, so further editions see them too),
    the jobs started here, and the outcomes a forked edition build sent back."""

    def __init__(self, cache: Path | None = None, served: Path | None = None):
        self.cache, self.served = cache, served
        self.keys = read_keys(cache)
        self.jobs: dict[str, IndexJob] = {}
        self.done: dict[str, dict] = {}

    def stop(self) -> None:
        for job in self.jobs.values():
            job.stop()
        self.jobs.clear()


_build = _Build()


def _cache_dir(settings) -> Path | None:
    return Path(settings["CACHE_PATH"]) / "digest-search" if settings.get("CACHE_PATH") else None


def begin_build(pelican) -> None:
    """``initialized`` of the first edition's run: forget any index left from a failed build."""
    global _build
    settings = pelican.settings
    if setting(settings, "DIGEST_EDITION_CHILD"):
        return
    _build.stop()
    _build = _Build(_cache_dir(settings), served_site(settings, Path(settings["OUTPUT_PATH"]).resolve()))


def js_class(ranges: str) -> str:
    """A character class's ranges (``CJK_RANGES``) as the inside of a JavaScript
    ``/[…]/u`` class: every character as a ``\\u{…}`` escape, the dashes as they are."""
    return "".join(c if c == "-" else f"\\u{{{ord(c):x}}}" for c in ranges)


def add_context(pelican) -> None:
    """``initialized``: the Han ranges of :mod:`digest.chardata` for the search page
    (``data-han``), so theme/js/search.js never restates them."""
    pelican.settings.setdefault("JINJA_GLOBALS", {})["SEARCH_HAN"] = js_class(CJK_RANGES)


def _searching(settings) -> bool:
    """Whether this build indexes its pages: not when search is off, nor in the
    preview's quick builds (``DIGEST_SEARCH_INDEX`` off), which keep the index of
    the site they start from."""
    return setting(settings, "DIGEST_SEARCH") and setting(settings, "DIGEST_SEARCH_INDEX")


def nested_in(folder: Path, editions: list[dict]) -> set[Path]:
    """The editions' folders inside ``folder`` (``output/en`` in ``output``): its index leaves them out."""
    return {f for f in (Path(e["output"]).resolve() for e in editions) if folder in f.parents}


def edition_done(pelican, edition: dict, editions: list[dict]) -> None:
    """``edition_written``: start this edition's index while the next one renders."""
    if not _searching(pelican.settings) or _build.served is None:
        return
    folder = Path(edition["output"]).resolve()
    previous = _build.served / edition["path"] / BUNDLE
    _build.jobs[edition["lang"]] = start_index(edition, editions[0], nested_in(folder, editions), previous,
                                               _build.keys.get(edition["lang"]))


def carry_outcomes(sender, state=None, moved=None):
    """``edition_fork_state``: in the fork, wait for its editions' indexes and send their
    outcomes; in the building process, take them in (a bundle's hash does not depend
    on the folder it was moved to)."""
    if sender is None:
        outcomes = {lang: job.finish() for lang, job in _build.jobs.items()}
        _build.jobs.clear()
        return outcomes
    _build.done.update(state or {})
    return None


def build_search(pelican, editions: list[dict]) -> None:
    """``editions_finalized``: finish every edition's index (started as it was written,
    or now), record the keys, add the variant tables."""
    global _build
    settings = pelican.settings
    if not _searching(settings):
        return
    state, _build = _build, _Build()
    cache = _cache_dir(settings)
    if state.served is None or state.cache != cache:  # not begun by this build (called on its own)
        state.stop()
        state = _Build(cache, served_site(settings, Path(editions[0]["output"]).resolve()))
    keys = state.keys
    folders = [Path(e["output"]).resolve() for e in editions]
    try:
        for edition, folder in zip(editions, folders):
            outcome = state.done.pop(edition["lang"], None)
            if outcome is None:
                job = state.jobs.pop(edition["lang"], None)
                if job is None:
                    job = start_index(edition, editions[0], nested_in(folder, editions),
                                      state.served / edition["path"] / BUNDLE,
                                      keys.get(edition["lang"]))
                outcome = job.finish()
            keys.pop(edition["lang"], None)
            if outcome["unmarked"]:
                log.warning("digest_search: no page of the %s edition marks data-pagefind-body; "
                            "it gets no search index", edition["name"])
                continue
            if outcome["error"]:
                if setting(settings, "DIGEST_STRICT"):
                    raise SearchIndexError(outcome["error"])
                # this edition goes without search (no half-written bundle); the others keep theirs
                shutil.rmtree(folder / BUNDLE, ignore_errors=True)
                log.error("digest_search: %s; the %s edition is built without search",
                          outcome["error"], edition["name"])
                continue
            keys[edition["lang"]] = {"key": outcome["key"], "bundle": outcome["bundle"]}
            if edition is editions[0] and edition["html_lang"] == "zh-Hans":
                write_variants(folder / BUNDLE, cache)
            log.info("digest_search: %s edition %s: %s", edition["name"],
                     "unchanged, index reused" if outcome["reused"] else "indexed",
                     ", ".join(f"{lang} {info.get('page_count', 0)} pages"
                               for lang, info in outcome["languages"].items()))
    finally:
        state.stop()  # after a strict failure, the indexes of the editions after it
        write_keys(cache, keys)


def served_site(settings, root: Path) -> Path:
    """The folder of the site being replaced: the served ``output/`` while the
    build writes a staging folder (plugins/digest_editions), else ``root`` itself."""
    final = settings.get("_DIGEST_FINAL_OUTPUT_PATH")
    return Path(final).resolve() if final else root


def register():
    signals.initialized.connect(begin_build)
    signals.initialized.connect(add_context)
    edition_written.connect(edition_done)
    edition_fork_state.connect(carry_outcomes)
    editions_finalized.connect(build_search)
