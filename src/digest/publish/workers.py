"""A process pool whose workers die with the build that started them.

A worker blocked on the pool's queue never sees its parent go: it holds a copy
of the queue's write end itself, so no end-of-file ever comes. After a
``kill -9`` of the build (an impatient editor, the OOM killer) the workers,
each holding the dictionaries (~300 MB), would go on converting for minutes.
On Linux the kernel kills each worker when the parent dies
(``prctl(PR_SET_PDEATHSIG)``); elsewhere a watchdog thread in each worker
exits when its parent process id changes (it is re-parented on death).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import os
import signal
import sys
import threading
from concurrent.futures import ProcessPoolExecutor

_PR_SET_PDEATHSIG = 1
#: How often the fallback watchdog looks at its parent, in seconds.
_WATCH_INTERVAL = 1.0


def exit_with_parent(parent_pid: int) -> None:
    """Make this process (a pool worker, a forked edition build) end when ``parent_pid`` ends."""
    if sys.platform.startswith("linux") and _set_death_signal():
        if os.getppid() != parent_pid:  # the parent died before the signal was armed
            os._exit(1)
        return
    threading.Thread(target=_watch_parent, args=(parent_pid,), daemon=True).start()


@functools.cache
def _prctl():
    """libc's ``prctl``, or None (looked up once: ``find_library`` runs a subprocess)."""
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True).prctl
    except (OSError, AttributeError):
        return None


def _set_death_signal() -> bool:
    prctl = _prctl()
    return prctl is not None and prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0


def die_with_this_process():
    """A ``preexec_fn`` for :class:`subprocess.Popen` that makes the command (Pagefind)
    die with this process on Linux, or None elsewhere. The library is looked up
    here, before the fork: the child between fork and exec must not start processes."""
    if not sys.platform.startswith("linux") or _prctl() is None:
        return None
    return functools.partial(exit_with_parent, os.getpid())


def _watch_parent(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        threading.Event().wait(_WATCH_INTERVAL)
    os._exit(1)


def worker_pool(jobs: int) -> ProcessPoolExecutor:
    """``ProcessPoolExecutor(jobs)`` whose workers exit when this process dies."""
    return ProcessPoolExecutor(max_workers=jobs, initializer=exit_with_parent,
                               initargs=(os.getpid(),))


def core_to_spare(samples: int = 5, interval: float = 0.02) -> bool:
    """Whether a second process of this build would get a core of its own now.

    Under other load a second process only adds the work it cannot share (its own
    caches, copied memory) and takes no less time. Linux: the runnable tasks
    (``/proc/loadavg``'s fourth field, this process included) leave a core free in
    most of a few samples; elsewhere the one-minute load average does."""
    import time

    cores = os.cpu_count() or 1
    if cores < 2:
        return False
    try:
        free = 0
        for i in range(samples):
            with open("/proc/loadavg", encoding="ascii") as fh:
                running = int(fh.read().split()[3].split("/")[0])
            free += running <= cores - 1
            if i + 1 < samples:
                time.sleep(interval)
        return free * 2 > samples
    except (OSError, ValueError, IndexError):
        return os.getloadavg()[0] <= cores - 1

