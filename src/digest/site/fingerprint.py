"""Hashes of folders of files, for the steps that reuse a build's work when its
inputs are unchanged (``output/`` kept as it is, a search index reused): a file
counts by its path relative to the folder and the SHA-256 of its bytes."""

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
