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
import hashlib
import itertools
import json
import logging
import os
import pickle
import re
import shutil
from pathlib import Path

from digest.files import WriteError, add_files, atomic_write, code_fingerprint, files_under
from digest.model import StopBuild
from digest.publish.store import read_json_object

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100
_counter = itertools.count()


class OutputNotAFolder(StopBuild, OSError):
    """The output path is a file: no site can be swapped in there."""

    def __init__(self, final: Path):
        super().__init__(f"{final} is not a folder; remove it and build again")


def _check_output(final: Path) -> None:
    """A site can be swapped in at ``final`` if nothing is there or a real folder is
    (a link is not replaced: the exchange would swap the link, not the site it leads to)."""
    if final.is_symlink() or (final.exists() and not final.is_dir()):
        raise OutputNotAFolder(final)


def staging_name(final: Path) -> str:
    return f".{final.name}.building-{os.getpid()}-{next(_counter)}"


def _stale_pattern(final: Path) -> re.Pattern:
    return re.compile(rf"\.{re.escape(final.name)}\.building-(\d+)-\d+(?:-old|-editions)?\Z")


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
    _check_output(final)  # before the build, not after rendering every page
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


def editions_aside(staging: Path) -> Path:
    """The folder beside ``staging`` where the further editions are built in parallel."""
    return staging.parent / (staging.name + "-editions")


def merge_into(source: Path, target: Path) -> None:
    """Move every file of ``source`` to the same place under ``target`` (renames:
    one file system), then remove ``source``. A file present in both is an error:
    the editions never write the same file."""
    for entry in sorted(source.iterdir()):
        there = target / entry.name
        if entry.is_dir() and not entry.is_symlink() and there.is_dir():
            merge_into(entry, there)
        elif there.exists() or there.is_symlink():
            raise FileExistsError(f"{there}: written by two editions")
        else:
            os.rename(entry, there)
    source.rmdir()


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
    _check_output(final)
    if not final.exists():
        os.rename(staging, final)
        return
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
    """A hash of the code that shapes what Pelican caches: ``paths`` (readers,
    plugins, settings) and the packages that read and parse the pages."""
    return code_fingerprint(paths, ("pelican", "markdown-it-py", "pyyaml"))


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


# --------------------------------------------------------------- an unchanged site

SITE_RECORD = "digest-site.json"


def stable_repr(value, _seen: frozenset = frozenset()) -> str:
    """A repr of a settings value that is the same in every process for the same
    settings: functions and classes by qualified name (their source files are
    hashed by :func:`inputs_key`), objects by their attributes, no addresses."""
    import types

    if isinstance(value, (str, int, float, bool, type(None), bytes, Path)):
        return repr(value)
    if id(value) in _seen:
        return "<cycle>"
    seen = _seen | {id(value)}
    if isinstance(value, dict):
        items = sorted((stable_repr(k, seen), stable_repr(v, seen)) for k, v in value.items())
        return "{" + ",".join(f"{k}:{v}" for k, v in items) + "}"
    if isinstance(value, (set, frozenset)):
        return "{" + ",".join(sorted(stable_repr(v, seen) for v in value)) + "}"
    if isinstance(value, (list, tuple)):
        return type(value).__name__ + "(" + ",".join(stable_repr(v, seen) for v in value) + ")"
    if isinstance(value, types.ModuleType):
        return f"<module {value.__name__}>"
    if isinstance(value, (types.FunctionType, types.BuiltinFunctionType, type, types.MethodType)):
        return f"<{getattr(value, '__module__', '?')}.{getattr(value, '__qualname__', '?')}>"
    attrs = getattr(value, "__dict__", None)
    name = f"{type(value).__module__}.{type(value).__qualname__}"
    if attrs is not None:
        return f"<{name} {stable_repr(attrs, seen)}>"
    text = repr(value)
    return f"<{name}>" if " at 0x" in text else text


def _source_files(value, found: set[Path], _seen: set[int] | None = None) -> None:
    """The source files of the functions and classes inside a settings value."""
    import sys
    import types

    seen = set() if _seen is None else _seen
    if id(value) in seen or isinstance(value, (str, bytes, int, float, type(None), types.ModuleType)):
        return
    seen.add(id(value))
    file = None
    if isinstance(value, types.FunctionType):
        file = value.__code__.co_filename
    elif isinstance(value, (type, types.MethodType, types.BuiltinFunctionType)) or hasattr(value, "__dict__"):
        module = sys.modules.get(getattr(value if isinstance(value, type) else type(value), "__module__", ""))
        file = getattr(module, "__file__", None)
    if file and Path(file).is_file():
        found.add(Path(file))
    children = (value.values() if isinstance(value, dict) else value if isinstance(value, (list, tuple, set, frozenset))
                else (getattr(value, "__dict__", None) or {}).values())
    for child in children:
        _source_files(child, found, seen)


def _hash_tree(h, root: Path, skip: tuple[Path, ...] = ()) -> None:
    h.update(f"\0tree {root}\0".encode())
    if root.is_file():
        h.update(root.read_bytes())
    else:
        add_files(h, root, files_under(root, skip, keep=lambda name: not name.endswith(".pyc")))


def build_inputs(settings: dict, code: list[Path], final: Path) -> tuple[str, list[Path], tuple[Path, ...]]:
    """What :func:`inputs_key` hashes, taken when a run starts (plugins add to the
    settings as the run goes): the settings as text (output folder as ``final``),
    the folders and files to hash (content after conversion, theme, our code, the
    source of every function in the settings), and the folders to leave out."""
    shown = {k: v for k, v in settings.items() if not k.startswith("_") and k != "OUTPUT_PATH"}
    sources: set[Path] = set()
    _source_files(shown, sources)
    skip = tuple(p.resolve() for p in (final, Path(settings.get("CACHE_PATH") or final)))
    named = {Path(v) for v in _strings(shown) if len(v) < 1024 and "\n" not in v and _is_file(v)}
    named |= {Path(v) for v in settings.get("THEME_TEMPLATES_OVERRIDES") or () if Path(v).is_dir()}
    return (stable_repr(shown) + str(final),
            [Path(settings["PATH"]), Path(settings["THEME"]), *code, *sorted(sources | named)], skip)


def _strings(value):
    """Every string in a settings value (files it names, such as a catalog, are inputs too)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for v in value:
            yield from _strings(v)


def _is_file(text: str) -> bool:
    try:
        return Path(text).is_file()
    except (OSError, ValueError):
        return False


#: Environment variables a build's output may depend on besides ``DIGEST_*``: "today",
#: and the locale and time zone (Pelican formats dates with ``strftime``).
_ENVIRONMENT = ("SOURCE_DATE_EPOCH", "LANG", "LANGUAGE", "TZ")


def inputs_key(inputs: tuple[str, list[Path], tuple[Path, ...]]) -> str:
    """A hash of everything a build's output is made from: :func:`build_inputs`,
    the installed packages, the Python version and the environment variables
    ``DIGEST_*``, ``LC_*`` and :data:`_ENVIRONMENT`."""
    import sys
    from importlib.metadata import distributions

    settings_text, roots, skip = inputs
    h = hashlib.sha256()
    h.update(sys.version.encode())
    h.update(settings_text.encode())
    h.update(stable_repr(sorted((k, v) for k, v in os.environ.items()
                                if k.startswith(("DIGEST_", "LC_")) or k in _ENVIRONMENT)).encode())
    h.update(stable_repr(sorted(f"{d.metadata['Name']}=={d.version}" for d in distributions())).encode())
    for root in roots:
        _hash_tree(h, root, skip)
    return h.hexdigest()


def output_manifest(folder: Path) -> str:
    """A hash of every file's path, size and modification time under ``folder``:
    whether the site is still exactly as a build left it (stat only, no reads)."""
    h = hashlib.sha256()

    def walk(path: str, rel: str) -> None:
        with os.scandir(path) as it:
            entries = sorted(it, key=lambda e: e.name)
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                walk(entry.path, f"{rel}{entry.name}/")
            else:
                st = entry.stat(follow_symlinks=False)
                h.update(f"{rel}{entry.name}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
    walk(str(folder), "")
    return h.hexdigest()


def write_site_record(cache_path: Path, record: dict) -> None:
    """Record the site just swapped in; if that fails (a full disk), the next build only renders again."""
    try:
        atomic_write(cache_path / SITE_RECORD, json.dumps(record, sort_keys=True))
    except WriteError as exc:
        logging.getLogger(__name__).warning("digest: %s; the next build renders everything again", exc)


def forget_site_record(cache_path: Path) -> None:
    (cache_path / SITE_RECORD).unlink(missing_ok=True)


def site_unchanged(cache_path: Path, key: str, final: Path) -> bool:
    """True when ``final`` is the site a completed build made from inputs with this
    ``key``, untouched since (same files, sizes and times)."""
    record = read_json_object(cache_path / SITE_RECORD)
    return (bool(record) and record.get("key") == key and final.is_dir()
            and record.get("output") == str(final) and record.get("manifest") == output_manifest(final))
