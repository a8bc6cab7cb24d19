"""``python -m bench`` (``make bench``): generate the corpus, measure, print the report."""

from __future__ import annotations

import argparse
import json
import os
import pstats
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

from corpus import make_corpus

from . import __doc__ as DOC
from .builds import Builds, snapshot_project, touch_one_seed
from .common import BARE_PLUGINS, MARKER, PROFILE_TOP, say
from .conversion import PARALLEL_PROBE, measure_single_core, measure_stages, measure_startup
from .memory import run_probe
from .profiling import hot_spots, measure_profile
from .preview import measure_preview
from .stats import ratios, spread
from .render import _load, code_fingerprint, machine_info, render

def _workdir(arg: Path | None) -> tuple[Path, bool]:
    """The folder to work in, and whether it is a temporary one to delete afterwards."""
    if arg is None:
        return Path(tempfile.mkdtemp(prefix="digest-bench-")), True
    arg = arg.resolve()
    if arg.exists() and any(arg.iterdir()):
        if not (arg / MARKER).exists():
            sys.exit(f"bench: {arg} is not empty and was not made by the benchmark; choose another --workdir")
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
    if args.only == "preview":  # the server's first build converts the seeds and builds the site
        say(f"preview only: edit-to-page latency through scripts/serve.py ({args.preview} edits)")
        preview = measure_preview(work, corpus, args.preview, work / "digest-cache")
        result["preview"] = preview | {"spread": spread(preview["latencies_s"])}
        return result

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
    runs: dict[str, list[dict]] = {"ours_cold": [], "bare": [], "ours_noop": [], "ours_render": []}
    for round_ in range(args.rounds):  # alternating: cold, bare, no-op, rendering, cold, bare...
        say(f"round {round_ + 1}/{args.rounds}: full build, empty caches")
        builds.forget_caches()
        runs["ours_cold"].append(builds.ours(f"cold-{round_}"))
        say(f"  {runs['ours_cold'][-1]['seconds']:.1f} s; bare Pelican on the same pages")
        runs["bare"].append(builds.bare())
        say(f"  {runs['bare'][-1]['seconds']:.1f} s; rebuild with nothing changed")
        runs["ours_noop"].append(builds.ours(f"noop-{round_}"))
        say(f"  {runs['ours_noop'][-1]['seconds']:.1f} s; rebuild rendering every page, nothing changed")
        runs["ours_render"].append(builds.ours(f"render-{round_}", render=True))
        say(f"  {runs['ours_render'][-1]['seconds']:.1f} s")
    cold, bare, noop = runs["ours_cold"][-1], runs["bare"][-1], runs["ours_noop"][-1]
    rendered = runs["ours_render"][-1]
    name = touch_one_seed(corpus)
    say(f"rebuild after changing {name}")
    one_seed = builds.ours("one-seed") | {"touched": name}
    ok = not any("error" in b for group in runs.values() for b in group)
    seconds = {k: [b["seconds"] for b in v] for k, v in runs.items()}
    cpu = {k: [b.get("cpu_seconds") or 0 for b in v] for k, v in runs.items()}
    result["builds"] = {"ours_cold": cold, "bare": bare, "ours_noop": noop, "ours_render": rendered,
                        "one_seed": one_seed,
                        "runs": seconds,
                        "all_runs": runs,
                        "spread": {k: spread(v) for k, v in seconds.items()},
                        "ratio_spread": ratios(seconds["ours_cold"], seconds["bare"]) if ok else {},
                        "ratio_cached_spread": ratios(seconds["ours_noop"], seconds["bare"]) if ok else {},
                        "ratio_render_spread": ratios(seconds["ours_render"], seconds["bare"]) if ok else {},
                        # wall time hides what the build's second core does (the forked edition,
                        # conversion workers, Pagefind): the CPU time of all its processes shows it
                        "cpu_runs": cpu,
                        "cpu_ratio_spread": ratios(cpu["ours_cold"], cpu["bare"]) if ok else {},
                        "peak_rss_mb": max(b["peak_rss_mb"] for group in runs.values() for b in group),
                        "tree_peak_rss_mb": max((b["tree_peak_rss_mb"] or 0) for b in runs["ours_cold"])}
    result["builds"]["ratio"] = result["builds"]["ratio_spread"].get("median")
    result["builds"]["ratio_cached"] = result["builds"]["ratio_cached_spread"].get("median")
    if args.preview:
        say(f"preview: edit-to-page latency through scripts/serve.py ({args.preview} edits)")
        preview = measure_preview(work, corpus, args.preview, builds.digest_cache)
        result["preview"] = preview | {"spread": spread(preview["latencies_s"])}
    result["builds"]["plugins"] = plugins = builds.plugins()
    if args.plugin_costs:
        costs = result["builds"]["plugin_costs"] = {}
        for plugin in (p for p in plugins if p not in BARE_PLUGINS):
            say(f"rendering rebuild without {plugin}")
            build = builds.ours(f"without-{plugin}", plugins=[p for p in plugins if p != plugin], render=True)
            costs[plugin] = None if "error" in build else rendered["seconds"] - build["seconds"]
    if args.profile_build:
        say("rendering rebuild under cProfile")
        prof = work / "build.prof"
        profiled = builds.ours("profiled", profile=prof, render=True)
        if "error" not in profiled:
            result["build_profile_file"] = str(prof)
            result["build_profile"] = hot_spots(pstats.Stats(str(prof)), corpus.chars, args.profile_build)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=DOC.split("\n")[0])
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
    parser.add_argument("--rounds", type=int, default=2,
                        help="alternating rounds of full / bare / no-op builds; medians and min-max (default 2)")
    parser.add_argument("--preview", type=int, default=3, metavar="N",
                        help="seed edits timed through the preview server (default 3; 0 skips)")
    parser.add_argument("--only", choices=["preview"],
                        help="measure only this part (preview: the server's first build, then the edits)")
    args = parser.parse_args(argv)
    if args.only == "preview" and args.preview < 1:
        parser.error("--only preview needs --preview of at least 1")
    if args.articles is None:
        args.articles = 200 if args.quick else 2000
    if args.articles < 1 or args.repeat < 1 or args.rounds < 1:
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
