"""The report: machine facts, and every figure with its target and met or missed."""

from __future__ import annotations

import hashlib
import os
import platform
import subprocess
import time
from pathlib import Path

from .common import (BARE_PLUGINS, BUILD_RATIO_TARGET, COLD_RATIO_TARGET, CONVERSION_TARGET,
                     ROOT, STARTUP_TARGET_S, preview_target)
from .stats import forked_text


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
    return "met" if ok else "MISSED"


def _conversion(r: dict) -> list[str]:
    """Start-up and conversion sections of the report."""
    out: list[str] = []
    st = r["startup"]
    rows = [["python -c pass", _s(st["python_startup"])]]
    rows += [[s["step"], _s(s["seconds"]) if s["seconds"] is not None else "n/a (" + s["error"][:40] + ")"]
             for s in st["steps"]]
    rows += [["whole probe process (wall)", _s(st["probe_wall"])],
             ["fresh process: import + convert one seed", _s(st["cold_first_seed"]),
              f"<= {STARTUP_TARGET_S:g}", _mark(st["cold_first_seed"] <= STARTUP_TARGET_S)],
             [f"  same, wall incl. interpreter (peak RSS {st['cold_first_seed_rss_mb']:.0f} MB)",
              _s(st["cold_first_seed_wall"])]]
    out += ["Start-up (fresh process, in order)", table(rows, ["step", "seconds", "target", ""]), ""]

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
    return out


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
    if "startup" in r:  # absent with --only preview
        out += _conversion(r)
    b = r.get("builds")
    if b:
        spreads = b.get("spread", {})

        def row(label: str, key: str, build: dict) -> list:
            if "error" in build:
                return [label, "FAILED", "", "", ""]
            sp = spreads.get(key)
            value = _s(sp["median"]) if sp else _s(build["seconds"])
            span = f"{_s(sp['min'])}-{_s(sp['max'])} ({sp['runs']})" if sp else "(1)"
            return [label, value, span,
                    f"{build['peak_rss_mb']:.0f} / {_s(build['tree_peak_rss_mb'])}", build["html_files"]]

        one_seed = b["one_seed"]
        rows = [row("full build, empty caches (make html on a fresh clone)", "ours_cold", b["ours_cold"]),
                row("bare Pelican, same Markdown, same editions", "bare", b["bare"]),
                row("rebuild, nothing changed (all seeds cached)", "ours_noop", b["ours_noop"]),
                *([row("rebuild rendering every page, nothing changed", "ours_render", b["ours_render"])]
                  if "ours_render" in b else []),
                row("rebuild after one seed changed", "", one_seed)]
        out += ["Builds (pelican subprocess, both editions and search; median, min-max (runs); "
                "RSS MB: largest process / sampled sum)",
                table(rows, ["build", "seconds", "min-max", "peak RSS MB", "html files"])]
        for label, key, target in (("full build, empty caches / bare Pelican", "ratio_spread", COLD_RATIO_TARGET),
                                   ("rebuild, nothing changed / bare Pelican", "ratio_cached_spread",
                                    BUILD_RATIO_TARGET),
                                   ("rebuild rendering every page / bare Pelican", "ratio_render_spread", None)):
            sp = b.get(key) or {}
            if sp:
                out.append(f"  {label}: {sp['median']:.2f}x (min-max {sp['min']:.2f}-{sp['max']:.2f}, "
                           f"{sp['runs']} alternating runs)"
                           + (f"; target <= {target}x: {_mark(sp['median'] <= target)}" if target else ""))
        if forked_text(b):
            out.append(f"  further editions built in a fork beside the first (a core idle as the build "
                       f"started): {forked_text(b)}")
        if b.get("peak_rss_mb"):
            out.append(f"  peak memory of a build: {b['peak_rss_mb']:.0f} MB largest process, "
                       f"{_s(b.get('tree_peak_rss_mb'))} MB sampled sum with workers")
        seeds = r["corpus"]["seeds"]
        for label, build in (("full build", b["ours_cold"]), ("no-op rebuild", b["ours_noop"]),
                             (f"one-seed rebuild ({one_seed['touched']})", one_seed)):
            if "error" not in build:
                out.append(f"  {label}: {build['seeds_converted']} seeds converted, "
                           f"{seeds - build['seeds_converted']} from the cache or failing")
        plugins = b["bare"].get("plugins", BARE_PLUGINS)
        out.append(f"  bare = Pelican with plugins {', '.join(plugins)} only (the reader, the editions, the "
                   "theme's filters), same theme, settings and Markdown pages; no seed conversion or cache check")
        out.append(f"  ours = PLUGINS of pelicanconf.py: {', '.join(b['plugins'])}")
        out += [f"  {name}: {build['error']}" for name, build in b.items()
                if isinstance(build, dict) and "error" in build]
        if b.get("plugin_costs"):
            rows = [[name, "FAILED" if cost is None else f"{cost:.1f}"] for name, cost in b["plugin_costs"].items()]
            out += ["  Seconds a cached rebuild saves without each plugin (the others kept)",
                    table(rows, ["plugin", "seconds"], indent="    ")]
        out.append("")
    p = r.get("preview")
    if p:
        target = preview_target(r["corpus"]["articles"])
        sp = p.get("spread") or {}
        out += ["Preview (scripts/serve.py on the corpus: write a seed, poll its page over HTTP until it shows)"]
        rows = [["first build when the server starts", _s(p["first_build_s"]), "", ""]]
        if sp:
            rows.append([f"edit to page shown: median of {sp['runs']} (min-max {_s(sp['min'])}-{_s(sp['max'])})",
                         _s(sp["median"]), f"<= {target:g}", _mark(sp["median"] <= target)])
        rows.append([f"requests answered during rebuilds: {p['requests']}, errors", p["non_200_answers"],
                     "0", _mark(p["non_200_answers"] == 0)])
        out += [table(rows, ["measure", "seconds", "target", ""]), ""]
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
