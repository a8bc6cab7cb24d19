"""Conversion: start-up in a fresh process, warm throughput on one core, time per stage."""

from __future__ import annotations

import os
import resource
import time
from collections import Counter
from pathlib import Path

from .common import PYTHON
from .memory import run_measured, run_probe

#: Run in a fresh interpreter: each one-time load, timed in pipeline order,
#: then every other zero-argument ``lru_cache(maxsize=1)`` loader in the
#: package, then the first and second conversion of one seed.
STARTUP_PROBE = r"""
import importlib, inspect, json, pkgutil, sys, time
from pathlib import Path
steps = []
def step(label, fn):
    t = time.perf_counter()
    try:
        fn()
        steps.append({"step": label, "seconds": time.perf_counter() - t})
    except Exception as exc:
        steps.append({"step": label, "seconds": None, "error": f"{type(exc).__name__}: {exc}"[:200]})
def call(module, name, *args):
    return lambda: getattr(importlib.import_module(module), name)(*args)
step("import digest.pipeline", lambda: importlib.import_module("digest.pipeline"))
step("import digest.publish.sync", lambda: importlib.import_module("digest.publish.sync"))
step("OpenCC t2s converter", call("digest.clean.simplify", "to_simplified", "測試"))
step("jieba shelf, first look-up (lexicon.word_tag)", call("digest.lexicon", "word_tag", "人工智能"))
step("rjieba first cut (lexicon.cut)", call("digest.lexicon", "cut", "人工智能产业发展"))
step("pypinyin first lazy_pinyin", call("pypinyin", "lazy_pinyin", "北京"))
step("CC-CEDICT (english.glossary.cedict_index)", call("digest.english.glossary", "cedict_index"))
import digest
for info in pkgutil.walk_packages(digest.__path__, "digest."):
    try:
        module = importlib.import_module(info.name)
    except Exception:
        continue
    for name, obj in sorted(vars(module).items()):
        info_fn = getattr(obj, "cache_info", None)
        if (info_fn and getattr(obj, "__module__", "") == module.__name__
                and info_fn().maxsize == 1 and info_fn().currsize == 0
                and not inspect.signature(obj).parameters):
            step(f"{module.__name__.removeprefix('digest.')}.{name}()", obj)
from digest.pipeline import convert_bytes
data = Path(sys.argv[1]).read_bytes()
step("first convert_bytes (remaining lazy loads)", lambda: convert_bytes(data, Path(sys.argv[1]).name))
step("second convert_bytes (same seed, warm)", lambda: convert_bytes(data, Path(sys.argv[1]).name))
print(json.dumps(steps))
"""

#: A fresh process converting one seed: what ``digest convert FILE`` costs.
COLD_PROBE = r"""
import json, sys, time
from pathlib import Path
t = time.perf_counter()
from digest.pipeline import convert_bytes
convert_bytes(Path(sys.argv[1]).read_bytes(), Path(sys.argv[1]).name)
print(json.dumps({"seconds": time.perf_counter() - t}))
"""

#: All cores, no cache, fresh process (workers load their dictionaries cold).
PARALLEL_PROBE = r"""
import json, sys, time
from pathlib import Path
t0 = time.perf_counter()
from digest.pipeline import ConvertOptions
from digest.publish.sync import PARALLEL_THRESHOLD, convert_seeds, find_seeds
t1 = time.perf_counter()
seeds = find_seeds(Path(sys.argv[1]))
report = convert_seeds(seeds, ConvertOptions(), cache_dir=None, jobs=int(sys.argv[2]))
t2 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "seconds": t2 - t1, "seeds": len(seeds), "articles": len(report.articles),
                  "errors": len(report.errors), "duplicates": len(report.duplicates),
                  "parallel": len(seeds) >= PARALLEL_THRESHOLD and int(sys.argv[2]) > 1}))
"""




def measure_startup(seed_file: Path, work: Path) -> dict:
    """One-time loads timed in a fresh process, and a fresh process's first conversion."""
    bare = min(run_measured([PYTHON, "-c", "pass"]).seconds for _ in range(3))
    steps, run = run_probe("startup", STARTUP_PROBE, str(seed_file), work=work)
    cold, cold_run = run_probe("cold-seed", COLD_PROBE, str(seed_file), work=work)
    return {"python_startup": bare, "steps": steps, "probe_wall": run.seconds,
            "cold_first_seed": cold["seconds"], "cold_first_seed_wall": cold_run.seconds,
            "cold_first_seed_rss_mb": round(cold_run.maxrss_mb, 1)}


# --------------------------------------------------------------------------- conversion in process


def _pin_one_core():
    """Pin this process to one CPU; returns the old affinity to restore (or None)."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    old = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {min(old)})
    return old


def _convert_all(seeds: list[tuple[str, bytes]]) -> tuple[int, Counter, list[str]]:
    """Convert every seed; returns (articles, outcome counts, first few crash messages)."""
    from digest.model import SeedError
    from digest.pipeline import convert_bytes

    articles, outcomes, crashes = 0, Counter(), []
    for name, data in seeds:
        try:
            articles += len(convert_bytes(data, name))
            outcomes["ok"] += 1
        except SeedError:
            outcomes["seed_error"] += 1
        except Exception as exc:  # a stage bug must not stop the benchmark; it is reported
            outcomes["crash"] += 1
            if len(crashes) < 5:
                crashes.append(f"{name}: {type(exc).__name__}: {exc}"[:200])
    return articles, outcomes, crashes


def measure_single_core(seeds: list[tuple[str, bytes]], chars: int, repeat: int) -> dict:
    """Warm throughput of ``convert_bytes`` on one core (best of ``repeat`` passes)."""
    old = _pin_one_core()
    try:
        _convert_all(seeds[:25])  # warm-up: dictionaries, regex and lru caches of the code paths
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            articles, outcomes, crashes = _convert_all(seeds)
            times.append(time.perf_counter() - start)
    finally:
        if old is not None:
            os.sched_setaffinity(0, old)
    best = min(times)
    return {"seconds": best, "chars_per_s": chars / best, "seeds_per_s": len(seeds) / best,
            "articles_out": articles, "articles_per_s": articles / best, "outcomes": dict(outcomes),
            "crashes": crashes, "passes": [round(t, 3) for t in times],
            "bench_process_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def measure_stages(seeds: list[tuple[str, bytes]], chars: int) -> list[dict]:
    """Time per stage, from the timer the pipeline offers (:func:`digest.pipeline.timing_stages`):
    the stages are named where they run, so the table follows the pipeline."""
    from digest.pipeline import timing_stages

    old = _pin_one_core()
    try:
        with timing_stages() as timer:
            start = time.perf_counter()
            _convert_all(seeds)
            total = time.perf_counter() - start
    finally:
        if old is not None:
            os.sched_setaffinity(0, old)
    rows = [{"stage": label, "seconds": s, "calls": n} for label, (s, n) in timer.spent.items()]
    rows.append({"stage": "pipeline glue (dataclasses, loops, timers)",
                 "seconds": total - sum(r["seconds"] for r in rows), "calls": None})
    for row in rows:
        row["s_per_1M_chars"] = row["seconds"] / chars * 1e6
        row["share"] = row["seconds"] / total
    return rows
