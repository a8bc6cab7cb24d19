"""Hashes of folders of files, for the steps that reuse earlier work while their
inputs are unchanged (``output/`` kept as it is, a search index reused, a cache
kept while the code that filled it is the same): a file counts by its path
relative to the folder and the SHA-256 of its bytes.

Below every stage: the converter's cache (``publish/``) and the plugins share it."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from pathlib import Path


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
