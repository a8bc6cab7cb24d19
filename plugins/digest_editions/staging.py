"""Build into a fresh sibling folder and swap it in only when the site is complete.

Why: Pelican deletes ``output/`` and writes it page by page, so a failed or
killed build (or the preview server answering mid-build) shows half a site:
``/en/``, ``pagefind/`` or the sitemap missing. Here a build writes
``.output.building-<pid>-<n>/`` next to ``output/``; once every edition, the
sitemap and the search index are written, the two folders are exchanged in
one ``renameat2(RENAME_EXCHANGE)`` call (Linux), so ``output/`` is at every
moment a complete site, the old one or the new one. Elsewhere the swap is two
renames with an instant in between where ``output/`` is absent, never partial.

A staging folder left by a killed build is removed by the next build (its pid
is no longer running).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gzip
import itertools
import os
import pickle
import re
import shutil
from pathlib import Path

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100
_counter = itertools.count()


def staging_name(final: Path) -> str:
    return f".{final.name}.building-{os.getpid()}-{next(_counter)}"


def _stale_pattern(final: Path) -> re.Pattern:
    return re.compile(rf"\.{re.escape(final.name)}\.building-(\d+)-\d+(?:-old)?\Z")


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return False  # ours, from a run of this process that failed: never in use now
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale(final: Path) -> list[Path]:
    """Remove the staging folders of ``final`` whose build process is gone."""
    removed = []
    pattern = _stale_pattern(final)
    parent = final.parent
    if not parent.is_dir():
        return removed
    for entry in parent.iterdir():
        match = pattern.match(entry.name)
        if match and not _running(int(match.group(1))):
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry)
    return removed


def new_staging(final: Path, keep: list[str] | None = None, copy_all: bool = False) -> Path:
    """A fresh, empty staging folder beside ``final``.

    ``keep`` (Pelican's ``OUTPUT_RETENTION``) names top-level entries of the old
    site carried over; ``copy_all`` (``DELETE_OUTPUT_DIRECTORY = False``) starts
    from a copy of the whole old site, as building in place would.
    """
    final.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(final)
    staging = final.parent / staging_name(final)
    if copy_all and final.is_dir():
        shutil.copytree(final, staging, symlinks=True)
        return staging
    staging.mkdir()
    for name in keep or ():
        old = final / name
        if old.is_dir():
            shutil.copytree(old, staging / name, symlinks=True)
        elif old.exists():
            shutil.copy2(old, staging / name)
    return staging


def _exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two paths (Linux ``renameat2``); False where unsupported."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    rc = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if rc == 0:
        return True
    err = ctypes.get_errno()
    if err in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: file system or kernel cannot
        return False
    raise OSError(err, f"cannot swap in the new site: {os.strerror(err)}", str(b))


def swap_in(staging: Path, final: Path) -> None:
    """Make ``staging`` the site at ``final``; the old site is deleted."""
    if not final.exists() and not final.is_symlink():
        os.rename(staging, final)
        return
    if final.is_symlink() or not final.is_dir():
        raise OSError(f"{final} is not a folder; remove it and build again")
    if _exchange(staging, final):
        shutil.rmtree(staging, ignore_errors=True)  # now the old site
        return
    old = final.parent / (staging.name + "-old")
    os.rename(final, old)
    os.rename(staging, final)
    shutil.rmtree(old, ignore_errors=True)


COMPLETE_MARK = ".last-build-complete"


def mark_caches_complete(cache_path: Path) -> None:
    """Record that every cache file was written by a build that finished."""
    if cache_path.is_dir():
        (cache_path / COMPLETE_MARK).touch()


def drop_broken_caches(cache_path: Path) -> list[Path]:
    """Delete Pelican cache files a killed build may have left half written.

    Pelican pickles its content cache straight into the final file; a build
    killed while it writes leaves a truncated file, and the next build stops
    with ``EOFError: Ran out of input``. Only files newer than the last
    complete build are read to check them, so a normal build pays nothing.
    """
    if not cache_path.is_dir():
        return []
    mark = cache_path / COMPLETE_MARK
    since = mark.stat().st_mtime_ns if mark.exists() else -1
    dropped = []
    for path in cache_path.rglob("*"):
        if not path.is_file() or path.name.startswith(".") or path.stat().st_mtime_ns <= since:
            continue
        try:
            opener = gzip.open if _is_gzip(path) else open
            with opener(path, "rb") as fh:
                pickle.load(fh)
        except Exception:
            path.unlink(missing_ok=True)
            dropped.append(path)
    return dropped


def _is_gzip(path: Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(2) == b"\x1f\x8b"


CODE_STAMP = ".code-stamp"


def reader_fingerprint(paths: list[Path]) -> str:
    """A hash of the code that shapes what Pelican caches (readers, plugins, settings)."""
    import hashlib
    from importlib.metadata import PackageNotFoundError, version

    h = hashlib.sha256()
    for name in ("pelican", "markdown-it-py", "pyyaml"):
        try:
            h.update(f"{name}={version(name)}".encode())
        except PackageNotFoundError:
            pass
    for root in paths:
        files = sorted(root.rglob("*.py")) if root.is_dir() else [root]
        for path in files:
            if path.is_file() and "__pycache__" not in path.parts:
                h.update(str(path.name).encode() + path.read_bytes())
    return h.hexdigest()[:16]


def clear_cache_if_code_changed(cache_path: Path, fingerprint: str) -> bool:
    """Empty Pelican's content cache when the code that made it changed.

    Pelican checks only each page file, so a reader or plugin change (a new
    escape rule, a new front-matter field) would keep serving pages as the old
    code read them. Returns True when the cache was emptied."""
    stamp = cache_path / CODE_STAMP
    if stamp.is_file() and stamp.read_text(encoding="utf-8").strip() == fingerprint:
        return False
    emptied = False
    if cache_path.is_dir():
        for entry in cache_path.iterdir():
            emptied = True
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink(missing_ok=True)
    cache_path.mkdir(parents=True, exist_ok=True)
    stamp.write_text(fingerprint, encoding="utf-8")
    return emptied
