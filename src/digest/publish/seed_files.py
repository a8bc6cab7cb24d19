"""Read a seed file from the seeds folder safely, or say why it is not read.

The seeds folder is written by editors, scripts and sync tools, so it may hold
anything with a ``.txt`` name: a symbolic link to ``/etc/passwd`` (which would
be published to the world), a FIFO (which would block the build forever), a
folder, or a name in a legacy encoding that cannot go into a page. Each is
refused by name, with a reason, instead of being followed or skipped silently.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from digest.model import SeedError
from digest.pipeline import ConvertOptions, check_size

_NAME_CONTROLS = re.compile(r"[\x00-\x1f\x7f]")
_SURROGATE = re.compile("[\udc80-\udcff]")
_FILE_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
               (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"))


def display_name(name: str) -> str:
    """``name`` as it can be printed: bytes that are not UTF-8 (which Python
    keeps as lone surrogates) and control characters become ``\\x..`` escapes."""
    raw = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return _NAME_CONTROLS.sub(lambda m: f"\\x{ord(m.group()):02x}", raw)


def _kind(mode: int) -> str:
    return next((kind for test, kind in _FILE_KINDS if test(mode)), "not a regular file")


def read_seed(path: Path, options: ConvertOptions) -> bytes:
    """The bytes of one seed, or :class:`SeedError` saying why it is not read.

    A seed is read only if it is a regular file inside its folder: a symbolic
    link may point to another file of the folder, never outside it (else any
    file of the machine, ``/etc/passwd`` say, would be published). Its name must
    be printable UTF-8, because it goes into the page and every message."""
    name = display_name(path.name)
    if name != path.name:
        bad = "is not valid UTF-8" if _SURROGATE.search(path.name) else "holds control characters"
        raise SeedError(name, f"the file name {bad}; rename the file")
    try:
        target = path
        if path.is_symlink():
            target = path.resolve()
            folder = path.parent.resolve()
            if not target.is_relative_to(folder):
                raise SeedError(name, f"is a link to {display_name(str(target))}, outside the "
                                      "seeds folder; not read")
        mode = os.stat(target).st_mode
        if not stat.S_ISREG(mode):
            raise SeedError(name, f"is {_kind(mode)}, not a file; not read")
        fd = os.open(target, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0)
                     | getattr(os, "O_CLOEXEC", 0))
        with open(fd, "rb") as fh:
            info = os.fstat(fh.fileno())
            if not stat.S_ISREG(info.st_mode):  # swapped since the check
                raise SeedError(name, f"is {_kind(info.st_mode)}, not a file; not read")
            check_size(name, info.st_size, options)  # before reading a huge file
            return fh.read()
    except OSError as exc:
        raise SeedError(name, f"cannot be read ({exc.strerror or exc})") from None
    except RuntimeError:  # a loop of links
        raise SeedError(name, "is a link that leads back to itself; not read") from None
