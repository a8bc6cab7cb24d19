"""Files written whole, and hashes of folders of files.

Every write of a page, a cache or a table goes to a temporary file in the same
folder, is flushed (and synced, unless the file is only a cache) and renamed
into place, so an interrupted build (even a power cut) never leaves half a
file. Files get the usual permissions (0666 less the umask), like any file the
editor's tools create; a temporary file alone would be private (0600).

The hashes serve the steps that reuse earlier work while their inputs are
unchanged (``output/`` kept as it is, a search index reused, a cache kept while
the code that filled it is the same): a file counts by its path relative to the
folder and the SHA-256 of its bytes.

Below every stage: the saved tables (:mod:`digest.lexicon`), the converter's
cache and pages (``publish/``) and the plugins share it."""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from pathlib import Path


class WriteError(Exception):
    """A page or cache file could not be written (disk full, read-only folder…);
    the message names the file and the reason in one line."""

    def __init__(self, path: Path, exc: OSError):
        super().__init__(f"{path}: cannot write ({exc.strerror or exc})")
        self.path = path


def _temporary_name(name: str) -> tuple[str, str]:
    """The prefix and suffix of the temporary file that becomes ``name``."""
    return f".{name}.", ".tmp"


def remove_temporaries(folder: Path, name_glob: str) -> None:
    """Remove the temporary files that a killed writer left in ``folder`` for the
    files whose name matches ``name_glob``."""
    prefix, suffix = _temporary_name(name_glob)
    for stale in folder.glob(f"{prefix}*{suffix}"):
        stale.unlink(missing_ok=True)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextmanager
def atomic_open(path: Path, encoding: str = "utf-8", *, sync: bool = True, binary: bool = False):
    """``open(path, "w")`` (``"wb"`` when ``binary``) whose content appears at
    ``path`` only when complete: a temporary file beside it (mode as the umask
    gives), synced when ``sync``, renamed over ``path`` at the end of the block;
    removed if the block fails.

    Raises :class:`WriteError` naming ``path`` when the disk is full or the
    folder is read-only."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        prefix, suffix = _temporary_name(path.name)
        fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=path.parent)
    except OSError as exc:
        raise WriteError(path, exc) from None
    try:
        os.fchmod(fd, 0o666 & ~_umask())
        with (os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding=encoding, newline="\n")) as fh:
            yield fh
            fh.flush()
            if sync:
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise WriteError(path, exc) from None
        raise


def atomic_write(path: Path, data: str | bytes, *, sync: bool = True) -> None:
    """Write ``data`` (text as UTF-8, or bytes) to ``path`` through :func:`atomic_open`."""
    with atomic_open(path, sync=sync, binary=isinstance(data, bytes)) as fh:
        fh.write(data)


def files_under(root: Path, skip: Iterable[Path] = (), keep: Callable[[str], bool] = lambda name: True) -> list[Path]:
    """The files under ``root`` whose name ``keep`` accepts, in a stable order,
    leaving out the folders of ``skip`` (compared resolved)."""
    skipped = {Path(p).resolve() for p in skip}
    found = []
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        dirs[:] = sorted(d for d in dirs if (here / d).resolve() not in skipped)
        found += [here / name for name in sorted(files) if keep(name)]
    return found


def add_files(h, root: Path, files: Iterable[Path]) -> None:
    """Feed each file's path (relative to ``root``) and content hash into ``h``."""
    for path in files:
        h.update(path.relative_to(root).as_posix().encode() + b"\0")
        try:
            h.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError:
            h.update(b"<unreadable>")


def code_fingerprint(paths: Iterable[Path], packages: Iterable[str] = ()) -> str:
    """A hash of the Python files under ``paths`` (folders, or single files) and of
    the installed versions of ``packages``: the key of a cache that this code fills,
    so that a changed rule or an upgrade empties the cache instead of serving what
    the old code made."""
    h = hashlib.sha256()
    packages = list(packages)
    if packages:
        from importlib.metadata import PackageNotFoundError, version  # 10 ms: only when asked

        for name in packages:
            try:
                h.update(f"{name}={version(name)}\0".encode())
            except PackageNotFoundError:
                h.update(f"{name} missing\0".encode())
    for root in map(Path, paths):
        h.update(root.name.encode() + b"\0")
        if root.is_dir():
            add_files(h, root, files_under(root, keep=lambda name: name.endswith(".py")))
        elif root.is_file():
            add_files(h, root.parent, [root])
    return h.hexdigest()[:16]
