"""cProfile of a conversion pass, and the hot spots of any profile."""

from __future__ import annotations

import cProfile
import pstats
import re
from pathlib import Path

from .conversion import _convert_all

def _short(path: str) -> str:
    """``src/digest/x.py`` for the project's (or the snapshot's) files, ``pkg/x.py`` for packages."""
    path = re.sub(r".*/site-packages/", "", path)
    return re.sub(r"^.*?/((?:src/digest|plugins)/)", r"\1", path)


def measure_profile(seeds: list[tuple[str, bytes]], chars: int, out: Path, top: int) -> list[dict]:
    """cProfile one pass; the functions with the most own time (saved to ``out`` too)."""
    profiler = cProfile.Profile()
    profiler.runcall(_convert_all, seeds)
    profiler.dump_stats(out)
    return hot_spots(pstats.Stats(profiler), chars, top)


def hot_spots(stats: pstats.Stats, chars: int, top: int) -> list[dict]:
    """The ``top`` functions by own time, with seconds per 1M corpus characters."""
    rows = []
    for (filename, line, func), (_, ncalls, tottime, cumtime, _) in stats.stats.items():
        where = f"{_short(filename)}:{line}" if line else filename
        rows.append({"function": f"{func} ({where})", "calls": ncalls, "own_s": tottime, "cum_s": cumtime,
                     "own_s_per_1M_chars": tottime / chars * 1e6})
    rows.sort(key=lambda r: r["own_s"], reverse=True)
    return rows[:top]
