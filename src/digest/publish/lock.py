"""One build at a time per checkout.

Two builds started in the same folder (``make html`` twice, or a build while
``make serve`` rebuilds) write the same pages and delete each other's output
mid-way. The second build therefore waits for an exclusive ``flock`` on a file
in the cache folder, and says that it waits. The kernel drops the lock when the
holder exits, even after ``kill -9``, so a crashed build never blocks the next.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

try:
    import fcntl
except ImportError:  # Windows: no flock; builds are not serialised there
    fcntl = None

LOCK_NAME = "build.lock"

#: Locks this process holds, by path: a nested build in the same process must
#: not wait for itself (flock locks of two descriptors conflict even in one process).
_held: dict[Path, int] = {}


def acquire(folder: Path, on_wait: Callable[[Path], None] | None = None) -> Path | None:
    """Take the build lock in ``folder``; call ``on_wait(lock_path)`` first if another
    process holds it, then block until it is free. Returns the lock's path, or
    ``None`` when this process already holds it (or locks are unsupported)."""
    if fcntl is None:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    path = (folder / LOCK_NAME).resolve()
    if path in _held:
        return None
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait is not None:
                on_wait(path)
            fcntl.flock(fd, fcntl.LOCK_EX)
    except BaseException:
        os.close(fd)
        raise
    _held[path] = fd
    return path


def release(path: Path | None) -> None:
    """Release a lock :func:`acquire` returned (``None`` is a no-op)."""
    fd = _held.pop(path, None) if path is not None else None
    if fd is not None:
        os.close(fd)  # closing the only descriptor releases the flock
