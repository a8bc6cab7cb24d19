"""Benchmark the digest on a generated corpus: start-up, conversion, full builds, one-seed rebuilds.

A digest site grows by a few hundred articles a month; a year of them must
still build in seconds, and an edit to one seed must show at once. One run
generates a corpus (``scripts/corpus.py``) and measures:

1. start-up: the dictionary loads, each timed in a fresh process;
2. conversion on one core, warm: ``convert_bytes`` over the corpus in this
   process (pinned to one CPU), after a warm-up; then the same pass split by
   pipeline stage, and once under cProfile for the hot spots;
3. conversion on all cores: ``digest.publish.sync.convert_seeds`` without a
   cache, in a fresh process (workers start cold, as in a real build);
4. the full build, ``pelican content -s pelicanconf.py`` with every plugin,
   both editions, empty caches (as a fresh clone's ``make html``);
5. "bare Pelican": the same Pelican on the same Markdown pages (the ones step 4
   wrote), same theme, same two editions, with only the ``markdown_it_reader``
   and ``digest_editions`` plugins -- i.e. the site without our conversion,
   cache check and other plugins. If the theme cannot render without
   ``digest_i18n`` (its filters and globals), that plugin is added and the
   table says so. Target: full build <= 1.5x bare;
6. the rebuild with a warm cache: unchanged (no-op), and after one seed's bytes
   changed (only that seed is re-converted; the rest come from the cache).

Everything runs on a snapshot of the project (converter, plugins, theme,
settings, hand-written content) copied into the work folder at the start, so
edits made to the tree meanwhile change nothing. Builds run as subprocesses
so their memory can be measured: "peak RSS" is the largest single process
(``wait4``), "tree peak" the sampled sum over the build and its worker processes.

    .venv/bin/python scripts/bench.py [--articles 2000] [--seed 0] [--json FILE]
                                      [--workdir DIR] [--quick] [--no-build]
                                      [--profile N] [--profile-build N] [--plugin-costs]
                                      [--repeat R]

A table goes to stdout, progress lines to stderr. Numbers move with the stage
modules: re-run after changing them.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import json
import os
import platform
import pstats
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from corpus import Corpus, make_corpus

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
MARKER = ".digest-bench"  # a --workdir is only ever cleared if it holds this file

CONVERSION_TARGET = 1_000_000  # chars/s, warm, one core
BUILD_RATIO_TARGET = 1.5  # full build / bare Pelican
BARE_PLUGINS = ["markdown_it_reader", "digest_editions"]
#: Added to the bare build only when the theme fails to render without it.
THEME_PLUGINS = ["digest_i18n"]
PROFILE_TOP = 15

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
step("jieba dictionary (lexicon.word_frequencies)", call("digest.lexicon", "word_frequencies"))
step("jieba IDF (lexicon.idf_table)", call("digest.lexicon", "idf_table"))
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


_START = time.perf_counter()


def say(message: str) -> None:
    print(f"bench [{time.perf_counter() - _START:6.1f}s] {message}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- processes


def _proc_tree_rss(root: int) -> int:
    """Resident bytes of a process and all its descendants, from /proc."""
    parent: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry.name)
        parent[pid] = int(fields[1])
        rss[pid] = int(fields[21])
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        for child, ppid in parent.items():
            if ppid == pid and child not in tree:
                tree.add(child)
                frontier.append(child)
    return sum(rss.get(pid, 0) for pid in tree) * os.sysconf("SC_PAGE_SIZE")


@dataclass
class Run:
    seconds: float
    returncode: int
    stdout: str
    maxrss_mb: float  # the largest single process of the tree
    tree_peak_mb: float | None  # sampled sum over the tree

    def json(self) -> dict:
        return {"seconds": round(self.seconds, 3), "returncode": self.returncode,
                "peak_rss_mb": round(self.maxrss_mb, 1),
                "tree_peak_rss_mb": None if self.tree_peak_mb is None else round(self.tree_peak_mb, 1)}


def run_measured(cmd: list[str], log: Path | None = None, env: dict | None = None,
                 cwd: Path | None = None) -> Run:
    """Run ``cmd`` to completion; wall time, peak RSS (wait4) and sampled tree RSS."""
    stderr = open(log, "w") if log else subprocess.DEVNULL
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=stderr, text=True)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            try:
                peak[0] = max(peak[0], _proc_tree_rss(proc.pid))
            except (OSError, ValueError, IndexError):
                pass
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    if Path("/proc/self/stat").exists():
        sampler.start()
    stdout = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    done.set()
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stdout.close()
    if log:
        stderr.close()
    largest = usage.ru_maxrss / 1024
    # samples can miss a short-lived peak; the sum is never below the largest process
    return Run(seconds, proc.returncode, stdout, largest, max(peak[0] / 2**20, largest) if peak[0] else None)


def run_probe(name: str, code: str, *args: str, work: Path) -> tuple[dict | list, Run]:
    """Run a probe script in a fresh interpreter on the snapshot; it prints one JSON line."""
    log = work / "logs" / f"{name}.log"
    run = run_measured([PYTHON, "-c", code, *args], log, snapshot_env(work), work)
    if run.returncode:
        tail = "\n".join(log.read_text(errors="replace").splitlines()[-15:])
        raise RuntimeError(f"probe failed (exit {run.returncode}); last lines of {log}:\n{tail}")
    return json.loads(run.stdout.strip().splitlines()[-1]), run


# --------------------------------------------------------------------------- start-up


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
    """Time per stage: every ``digest.*`` function that ``digest.pipeline`` calls
    by its module-level name is wrapped with a timer for one pass. Stages are the
    pipeline's leaves, so the times do not overlap; "pipeline glue" is the rest."""
    import inspect

    import digest.pipeline as pipeline

    spent: dict[str, list] = {}
    originals = {}

    def timed(label, fn):
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                entry = spent.setdefault(label, [0.0, 0])
                entry[0] += time.perf_counter() - start
                entry[1] += 1
        return wrapper

    for name, obj in list(vars(pipeline).items()):
        module = getattr(obj, "__module__", "") or ""
        if inspect.isfunction(obj) and module.startswith("digest.") and module != pipeline.__name__:
            originals[name] = obj
            setattr(pipeline, name, timed(f"{module.removeprefix('digest.')}.{name}", obj))
    old = _pin_one_core()
    try:
        start = time.perf_counter()
        _convert_all(seeds)
        total = time.perf_counter() - start
    finally:
        for name, obj in originals.items():
            setattr(pipeline, name, obj)
        if old is not None:
            os.sched_setaffinity(0, old)
    rows = [{"stage": label, "seconds": s, "calls": n} for label, (s, n) in spent.items()]
    rows.append({"stage": "pipeline glue (dataclasses, loops, wrappers)",
                 "seconds": total - sum(r["seconds"] for r in rows), "calls": None})
    for row in rows:
        row["s_per_1M_chars"] = row["seconds"] / chars * 1e6
        row["share"] = row["seconds"] / total
    return rows


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


# --------------------------------------------------------------------------- Pelican builds


def snapshot_project(work: Path) -> None:
    """Copy what a build runs -- converter, plugins, theme, settings, hand-written
    content -- into the work folder, laid out like the project. Everything is
    measured on this copy, so edits to the tree during a run change nothing."""
    skip = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "src" / "digest", work / "src" / "digest", ignore=skip)
    for folder in ("plugins", "theme"):
        shutil.copytree(ROOT / folder, work / folder, ignore=skip)
    shutil.copytree(ROOT / "content", work / "content", ignore=shutil.ignore_patterns("articles"))
    shutil.copy2(ROOT / "pelicanconf.py", work / "pelicanconf.py")


def snapshot_env(work: Path) -> dict:
    """Environment for subprocesses: the snapshot's ``digest`` first on the path,
    and the settings' defaults (no DIGEST_STRICT / DIGEST_FORCE from the shell)."""
    env = dict(os.environ)
    for name in ("DIGEST_STRICT", "DIGEST_FORCE"):
        env.pop(name, None)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(work / "src"), env.get("PYTHONPATH")]))
    return env


def pelican_cmd(work: Path, output: Path, overrides: dict) -> list[str]:
    """``pelican content -s pelicanconf.py`` with settings overridden (``-e`` takes JSON values)."""
    return [PYTHON, "-m", "pelican", str(work / "content"), "-s", str(work / "pelicanconf.py"),
            "-o", str(output), "--log-handler", "plain", "-v",
            "-e", *(f"{k}={json.dumps(v)}" for k, v in overrides.items())]


def _html_files(folder: Path) -> int:
    return sum(1 for _ in folder.rglob("*.html")) if folder.is_dir() else 0


class Builds:
    """The workdir's site: content copied from the project, seeds from the corpus."""

    def __init__(self, work: Path, seeds: Path):
        self.work, self.seeds = work, seeds
        self.content = work / "content"
        self.digest_cache = work / "digest-cache"

    def _overrides(self, tag: str) -> dict:
        return {"DIGEST_SEEDS_PATH": str(self.seeds), "DIGEST_CACHE_PATH": str(self.digest_cache),
                "CACHE_PATH": str(self.work / f"pelican-cache-{tag}"),
                "DIGEST_CATALOG": str(self.content / "translations" / "en.po")}

    def plugins(self) -> list[str]:
        """The PLUGINS of the snapshot's pelicanconf.py (what ``make html`` runs)."""
        from pelican.settings import get_settings_from_file

        return list(get_settings_from_file(str(self.work / "pelicanconf.py"))["PLUGINS"])

    def ours(self, tag: str, profile: Path | None = None, plugins: list[str] | None = None) -> dict:
        """A build as ``make html`` does it (or with only ``plugins``). Seeds
        converted = new cache entries (one per converted seed; a seed that fails
        is never cached)."""
        before = set(self.digest_cache.glob("*")) if self.digest_cache.is_dir() else set()
        log = self.work / "logs" / f"{tag}.log"
        output = self.work / "output"
        overrides = self._overrides("ours") | ({"PLUGINS": plugins} if plugins is not None else {})
        cmd = pelican_cmd(self.work, output, overrides)
        if profile:
            cmd[1:3] = ["-m", "cProfile", "-o", str(profile), "-m", "pelican"]
        run = run_measured(cmd, log, snapshot_env(self.work), self.work)
        after = set(self.digest_cache.glob("*")) if self.digest_cache.is_dir() else set()
        return _outcome(run, log) | {"html_files": _html_files(output), "seeds_converted": len(after - before)}

    def bare(self) -> dict:
        """Pelican on the Markdown pages ``ours`` wrote, with only the reader and editions plugins
        (plus the theme's own plugin if the theme cannot render without it)."""
        output = self.work / "output-bare"
        for plugins in (BARE_PLUGINS, BARE_PLUGINS + THEME_PLUGINS):
            log = self.work / "logs" / f"bare-{len(plugins)}.log"
            overrides = self._overrides("bare") | {"PLUGINS": plugins, "DIGEST_CONVERT": False}
            run = run_measured(pelican_cmd(self.work, output, overrides), log, snapshot_env(self.work), self.work)
            result = _outcome(run, log) | {"html_files": _html_files(output), "plugins": plugins}
            if "error" not in result:
                break
            say(f"  bare build with {', '.join(plugins)} failed: {result['error'].splitlines()[-1]}")
        return result


def _outcome(run: Run, log: Path) -> dict:
    """The run's numbers, or its error with the last lines of the log."""
    if not run.returncode:
        return run.json()
    tail = "\n".join(log.read_text(errors="replace").splitlines()[-6:])
    return run.json() | {"error": f"pelican failed (exit {run.returncode}); see {log}:\n{tail}"}


def touch_one_seed(corpus: Corpus) -> str:
    """Change one seed's text (in its own encoding) so its bytes differ; returns its name."""
    info = corpus.seeds[len(corpus.seeds) // 2]
    path = corpus.folder / info.name
    text = path.read_bytes().decode(info.encoding)
    at = text.find("。") + 1 or len(text)
    path.write_bytes((text[:at] + "据悉，有关部门将持续跟进。" + text[at:]).encode(info.encoding))
    return info.name


# --------------------------------------------------------------------------- report


def machine_info() -> dict:
    from importlib.metadata import PackageNotFoundError, version

    cpu = ""
    try:
        cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                    if line.startswith("model name")), "")
    except OSError:
        pass
    packages = {}
    for name in ("pelican", "opencc", "rjieba", "jieba", "pypinyin", "markdown-it-py", "charset-normalizer"):
        try:
            packages[name] = version(name)
        except PackageNotFoundError:
            pass
    git = {}
    try:
        git["commit"] = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                       text=True, check=True).stdout.strip()
        git["dirty"] = bool(subprocess.run(["git", "status", "--porcelain", "--", "src", "plugins"], cwd=ROOT,
                                           capture_output=True, text=True).stdout.strip())
    except (OSError, subprocess.CalledProcessError):
        pass
    affinity = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    return {"cpu": cpu or platform.processor(), "cores": os.cpu_count(), "usable_cores": affinity,
            "load_average": _load(),
            "python": platform.python_version(), "platform": platform.platform(), "packages": packages,
            "git": git, "date": time.strftime("%Y-%m-%d %H:%M")}


def _load() -> float | None:
    """1-minute load average: other work on the machine skews every number."""
    return round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None


def code_fingerprint(root: Path = ROOT) -> str:
    """Hash of everything a build runs: converter, plugins, theme, settings."""
    h = hashlib.sha256()
    for folder in ("src/digest", "plugins", "theme"):
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                h.update(str(path.relative_to(root)).encode() + path.read_bytes())
    h.update((root / "pelicanconf.py").read_bytes())
    return h.hexdigest()[:12]


def table(rows: list[list], header: list[str] | None = None, indent: str = "  ") -> str:
    """Plain-text columns: the first left-aligned, the others right-aligned."""
    rows = [[str(c) for c in r] for r in ([header] if header else []) + rows]
    widths = [max(len(r[i]) for r in rows if i < len(r)) for i in range(max(map(len, rows)))]
    lines = []
    for r in rows:
        cells = [c.ljust(widths[i]) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(r)]
        lines.append(indent + "  ".join(cells).rstrip())
    return "\n".join(lines)


def _s(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}" if x < 10 else f"{x:.1f}"


def _n(x: float) -> str:
    return f"{x:,.0f}"


def _mark(ok: bool) -> str:
    return "ok" if ok else "MISS"


def render(r: dict) -> str:
    c, m = r["corpus"], r["machine"]
    out = [f"digest benchmark  {m['date']}  (git {m['git'].get('commit', '?')}"
           f"{', uncommitted changes' if m['git'].get('dirty') else ''}; code snapshot {r['code']})",
           f"Machine: {m['cpu']}, {m['cores']} cores, Python {m['python']}, "
           f"load average {m.get('load_average')} at start, {m.get('load_average_end')} at end",
           f"Corpus:  {c['articles']:,} articles in {c['seeds']:,} seeds (seed {c['seed']}), "
           f"{c['chars']:,} chars, {c['bytes'] / 2**20:.1f} MiB",
           f"         encodings: {', '.join(f'{k} {v}' for k, v in c['encodings'].items())}",
           f"         damage: {', '.join(f'{k} {v}' for k, v in c['traits'].items())}", ""]
    st = r["startup"]
    rows = [["python -c pass", _s(st["python_startup"])]]
    rows += [[s["step"], _s(s["seconds"]) if s["seconds"] is not None else "n/a (" + s["error"][:40] + ")"]
             for s in st["steps"]]
    rows += [["whole probe process (wall)", _s(st["probe_wall"])],
             ["fresh process: import + convert one seed", _s(st["cold_first_seed"])],
             [f"  same, wall incl. interpreter (peak RSS {st['cold_first_seed_rss_mb']:.0f} MB)",
              _s(st["cold_first_seed_wall"])]]
    out += ["Start-up (fresh process, in order)", table(rows, ["step", "seconds"]), ""]

    one, par = r["single_core"], r["parallel"]
    rows = [["one core, warm: chars/s", _n(one["chars_per_s"]), f">= {_n(CONVERSION_TARGET)}",
             _mark(one["chars_per_s"] >= CONVERSION_TARGET)],
            ["one core, warm: articles/s (out)", f"{one['articles_per_s']:,.1f}", "", ""],
            ["one core, warm: seconds for the corpus", _s(one["seconds"]), "", ""]]
    if par:
        rows += [[f"all {par['jobs']} cores, cold workers, no cache: seconds", _s(par["seconds"]), "", ""],
                 [f"all {par['jobs']} cores: chars/s", _n(par["chars_per_s"]), "", ""],
                 [f"all {par['jobs']} cores: speed-up over one warm core", f"{par['speedup']:.2f}x", "", ""],
                 ["all cores: peak RSS largest / sum of processes (MB)",
                  f"{par['peak_rss_mb']:.0f} / {_s(par['tree_peak_rss_mb'])}", "", ""]]
    outcome = ", ".join(f"{k} {v}" for k, v in one["outcomes"].items())
    out += ["Conversion", table(rows, ["measure", "value", "target", ""]),
            f"  seeds: {outcome}; articles out: {one['articles_out']:,}"
            + (f"; parallel run: {par['articles']:,} articles, {par['duplicates']} duplicates dropped"
               if par else "")]
    out += [f"  crash: {msg}" for msg in one["crashes"]]
    out.append("")

    rows = [[s["stage"], s["calls"] if s["calls"] is not None else "", f"{s['s_per_1M_chars']:.3f}",
             f"{100 * s['share']:.1f}%"] for s in r["stages"]]
    out += ["Conversion by stage (one core; seconds per 1M chars)",
            table(rows, ["stage", "calls", "s/1M chars", "share"]), ""]
    if r.get("profile"):
        rows = [[p["function"][:90], p["calls"], f"{p['own_s_per_1M_chars']:.3f}",
                 f"{p['cum_s'] / r['corpus']['chars'] * 1e6:.3f}"] for p in r["profile"]]
        out += [f"Hot spots (cProfile, own time; seconds per 1M chars; profile in {r['profile_file']})",
                table(rows, ["function", "calls", "own", "cumulative"]), ""]

    b = r.get("builds")
    if b:
        def row(label: str, build: dict) -> list:
            if "error" in build:
                return [label, "FAILED", "", ""]
            return [label, _s(build["seconds"]),
                    f"{build['peak_rss_mb']:.0f} / {_s(build['tree_peak_rss_mb'])}", build["html_files"]]

        one_seed = b["one_seed"]
        rows = [row("full build, empty caches (make html on a fresh clone)", b["ours_cold"]),
                row("bare Pelican, same Markdown, same editions", b["bare"]),
                row("rebuild, nothing changed (all seeds cached)", b["ours_noop"]),
                row("rebuild after one seed changed", one_seed)]
        out += ["Builds (pelican subprocess, both editions; RSS MB: largest process / sampled sum)",
                table(rows, ["build", "seconds", "peak RSS MB", "html files"])]
        if b.get("ratio") is not None:
            out.append(f"  ratio full build / bare Pelican: {b['ratio']:.2f}x (target <= {BUILD_RATIO_TARGET}x: "
                       f"{_mark(b['ratio'] <= BUILD_RATIO_TARGET)}); cached rebuild / bare: "
                       f"{b['ratio_cached']:.2f}x")
        seeds = r["corpus"]["seeds"]
        for label, build in (("full build", b["ours_cold"]), ("no-op rebuild", b["ours_noop"]),
                             (f"one-seed rebuild ({one_seed['touched']})", one_seed)):
            if "error" not in build:
                out.append(f"  {label}: {build['seeds_converted']} seeds converted, "
                           f"{seeds - build['seeds_converted']} from the cache or failing")
        plugins = b["bare"].get("plugins", BARE_PLUGINS)
        out.append(f"  bare = Pelican with plugins {', '.join(plugins)} only, same theme, settings and "
                   "Markdown pages; no seed conversion or cache check"
                   + ("" if plugins == BARE_PLUGINS else " (digest_i18n added: the theme needs its filters)"))
        out.append(f"  ours = PLUGINS of pelicanconf.py: {', '.join(b['plugins'])}")
        out += [f"  {name}: {build['error']}" for name, build in b.items()
                if isinstance(build, dict) and "error" in build]
        if b.get("plugin_costs"):
            rows = [[name, "FAILED" if cost is None else f"{cost:.1f}"] for name, cost in b["plugin_costs"].items()]
            out += ["  Seconds a cached rebuild saves without each plugin (the others kept)",
                    table(rows, ["plugin", "seconds"], indent="    ")]
        out.append("")
    if r.get("build_profile"):
        rows = [[p["function"][:90], p["calls"], f"{p['own_s']:.3f}", f"{p['cum_s']:.3f}"]
                for p in r["build_profile"]]
        out += [f"Cached rebuild hot spots (cProfile of the main Pelican process, seconds; {r['build_profile_file']})",
                table(rows, ["function", "calls", "own", "cumulative"]), ""]
    if r.get("tree_changed_during_run"):
        out.append(f"Note: the project changed during the run; every number is for the snapshot taken at "
                   f"the start (code {r['code']}).")
    load, end = m.get("load_average"), m.get("load_average_end")
    # the benchmark itself keeps about one core busy; more than that is someone else
    if load is not None and (load > 0.5 * (m["cores"] or 1) or (end or 0) > (m["cores"] or 1)):
        out.append(f"WARNING: the machine was busy (load average {load} at start, {end} at end, "
                   f"{m['cores']} cores); timings are inflated.")
    return "\n".join(out)


# --------------------------------------------------------------------------- main


def _workdir(arg: Path | None) -> tuple[Path, bool]:
    """The folder to work in, and whether it is a temporary one to delete afterwards."""
    if arg is None:
        return Path(tempfile.mkdtemp(prefix="digest-bench-")), True
    arg = arg.resolve()
    if arg.exists() and any(arg.iterdir()):
        if not (arg / MARKER).exists():
            sys.exit(f"bench: {arg} is not empty and was not made by bench.py; choose another --workdir")
        shutil.rmtree(arg)
    arg.mkdir(parents=True)
    return arg, False


def benchmark(args) -> dict:
    work, temporary = _workdir(args.workdir)
    (work / MARKER).touch()
    try:
        return _benchmark(args, work)
    finally:
        if temporary and not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            say(f"work folder kept: {work}")


def _benchmark(args, work: Path) -> dict:
    result: dict = {"machine": machine_info()}
    snapshot_project(work)
    result["code"] = code_fingerprint(work)
    (work / "logs").mkdir()
    if "digest" not in sys.modules:  # the in-process measurements use the snapshot too
        sys.path.insert(0, str(work / "src"))
    import digest

    result["digest_used"] = str(Path(digest.__file__).parent)
    say(f"generating {args.articles:,} articles (seed {args.seed}) in {work / 'seeds'}")
    corpus = make_corpus(work / "seeds", args.articles, args.seed)
    (work / "corpus.json").write_text(json.dumps(corpus.to_json(), ensure_ascii=False), encoding="utf-8")
    result["corpus"] = {"articles": corpus.articles, "seeds": len(corpus.seeds), "chars": corpus.chars,
                        "bytes": corpus.bytes, "seed": args.seed,
                        "encodings": dict(Counter(s.encoding for s in corpus.seeds).most_common()),
                        "traits": dict(Counter(t for s in corpus.seeds for t in s.traits).most_common())}
    seeds = [(s.name, (corpus.folder / s.name).read_bytes()) for s in corpus.seeds]
    typical = max(corpus.seeds, key=lambda s: len(s.titles) * 10**9 + s.chars).name

    say("start-up: dictionary loads in a fresh process")
    result["startup"] = measure_startup(corpus.folder / typical, work)
    say("conversion on one core (warm)")
    one = result["single_core"] = measure_single_core(seeds, corpus.chars, args.repeat)
    say(f"  {one['chars_per_s']:,.0f} chars/s; now by stage")
    result["stages"] = measure_stages(seeds, corpus.chars)
    if args.profile:
        say("cProfile pass")
        result["profile_file"] = str(work / "convert.prof")
        result["profile"] = measure_profile(seeds, corpus.chars, work / "convert.prof", args.profile)

    jobs = args.jobs or os.cpu_count() or 1
    say(f"conversion on {jobs} cores (fresh process, no cache)")
    par, run = run_probe("parallel", PARALLEL_PROBE, str(corpus.folder), str(jobs), work=work)
    result["parallel"] = par | {"jobs": jobs, "chars_per_s": corpus.chars / par["seconds"],
                                "speedup": one["seconds"] / par["seconds"], "peak_rss_mb": run.maxrss_mb,
                                "tree_peak_rss_mb": run.tree_peak_mb, "wall": run.seconds}
    if args.no_build:
        return result

    builds = Builds(work, corpus.folder)
    say("full build, empty caches")
    cold = builds.ours("cold")
    say(f"  {cold['seconds']:.1f} s; bare Pelican on the same pages")
    bare = builds.bare()
    say(f"  {bare['seconds']:.1f} s; rebuild with nothing changed")
    noop = builds.ours("noop")
    name = touch_one_seed(corpus)
    say(f"  {noop['seconds']:.1f} s; rebuild after changing {name}")
    one_seed = builds.ours("one-seed") | {"touched": name}
    ok = not any("error" in b for b in (cold, bare, noop))
    result["builds"] = {"ours_cold": cold, "bare": bare, "ours_noop": noop, "one_seed": one_seed,
                        "ratio": cold["seconds"] / bare["seconds"] if ok else None,
                        "ratio_cached": noop["seconds"] / bare["seconds"] if ok else None}
    result["builds"]["plugins"] = plugins = builds.plugins()
    if args.plugin_costs:
        costs = result["builds"]["plugin_costs"] = {}
        for plugin in (p for p in plugins if p not in BARE_PLUGINS + THEME_PLUGINS):
            say(f"cached rebuild without {plugin}")
            build = builds.ours(f"without-{plugin}", plugins=[p for p in plugins if p != plugin])
            costs[plugin] = None if "error" in build else noop["seconds"] - build["seconds"]
    if args.profile_build:
        say("cached rebuild under cProfile")
        prof = work / "build.prof"
        profiled = builds.ours("profiled", profile=prof)
        if "error" not in profiled:
            result["build_profile_file"] = str(prof)
            result["build_profile"] = hot_spots(pstats.Stats(str(prof)), corpus.chars, args.profile_build)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, help="articles in the corpus (default 2000; 200 with --quick)")
    parser.add_argument("--seed", type=int, default=0, help="corpus random seed (default 0)")
    parser.add_argument("--workdir", type=Path, help="work here and keep the files (default: a temp folder)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary work folder")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the numbers and machine info here")
    parser.add_argument("--quick", action="store_true", help="a small run (200 articles) to check the script")
    parser.add_argument("--jobs", type=int, help="cores for the parallel conversion (default: all)")
    parser.add_argument("--repeat", type=int, default=1, help="timed one-core passes; the best is kept")
    parser.add_argument("--profile", type=int, default=PROFILE_TOP, metavar="N",
                        help=f"print the N hottest functions (default {PROFILE_TOP}; 0 skips the cProfile pass)")
    parser.add_argument("--no-build", action="store_true", help="conversion only: skip the Pelican builds")
    parser.add_argument("--profile-build", type=int, default=0, metavar="N",
                        help="also profile a cached rebuild and print its N hottest functions")
    parser.add_argument("--plugin-costs", action="store_true",
                        help="also time a cached rebuild without each of our plugins in turn")
    args = parser.parse_args(argv)
    if args.articles is None:
        args.articles = 200 if args.quick else 2000
    if args.articles < 1 or args.repeat < 1:
        parser.error("--articles and --repeat must be at least 1")
    result = benchmark(args)
    result["machine"]["load_average_end"] = _load()
    result["tree_changed_during_run"] = result["code"] != code_fingerprint()
    print(render(result))
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
        say(f"numbers written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
