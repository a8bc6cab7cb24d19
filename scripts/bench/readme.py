"""Regenerate the README's Performance table from a benchmark's JSON.

    PYTHONPATH=scripts .venv/bin/python -m bench.readme RESULT.json [--readme README.md]

The table sits between ``<!-- bench:start -->`` and ``<!-- bench:end -->``; the
text around it (where the time goes, what is missed and why) is written by hand.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from .common import (BUILD_RATIO_TARGET, COLD_RATIO_TARGET, CONVERSION_TARGET, ROOT, STARTUP_TARGET_S,
                     preview_target)
from .stats import forked_text

START, END = "<!-- bench:start -->", "<!-- bench:end -->"


def _met(ok: bool) -> str:
    return "met" if ok else "**missed**"


def _span(sp: dict, unit: str = " s", fmt: str = "{:.1f}") -> str:
    if not sp:
        return "n/a"
    return (f"{fmt.format(sp['median'])}{unit} ({fmt.format(sp['min'])}–{fmt.format(sp['max'])}, "
            f"{sp['runs']} runs)")


def table(r: dict) -> str:
    m, c = r["machine"], r["corpus"]
    rows = []
    st = r.get("startup")
    if st:
        rows.append(["start-up, fresh process: import + convert one seed (all dictionaries)",
                     f"{st['cold_first_seed']:.1f} s, {st['cold_first_seed_rss_mb']:.0f} MB",
                     f"≤ {STARTUP_TARGET_S:g} s: {_met(st['cold_first_seed'] <= STARTUP_TARGET_S)}"])
    one = r.get("single_core")
    if one:
        rows.append(["conversion, one core, warm", f"{one['chars_per_s']:,.0f} chars/s "
                     f"({one['articles_per_s']:.0f} articles/s)",
                     f"≥ {CONVERSION_TARGET:,} chars/s: {_met(one['chars_per_s'] >= CONVERSION_TARGET)}"])
    par = r.get("parallel")
    if par:
        rows.append([f"conversion, {par['jobs']} cores, cold workers, {c['articles']:,} articles",
                     f"{par['seconds']:.1f} s", ""])
    b = r.get("builds")
    if b:
        sp = b.get("spread", {})
        rows.append([f"full build, empty caches, every edition and search, {b['ours_cold']['html_files']:,} "
                     "HTML pages", _span(sp.get("ours_cold", {})), ""])
        rows.append(["bare Pelican, same Markdown, same editions", _span(sp.get("bare", {})), ""])
        rows.append(["rebuild with nothing changed", _span(sp.get("ours_noop", {})), ""])
        if sp.get("ours_render"):
            rows.append(["rebuild rendering every page, nothing changed (what any edit pays)",
                         _span(sp["ours_render"]), ""])
        for label, key, target in (("full build / bare Pelican", "ratio_spread", COLD_RATIO_TARGET),
                                   ("rebuild with nothing changed / bare Pelican", "ratio_cached_spread",
                                    BUILD_RATIO_TARGET)):
            ratio = b.get(key) or {}
            if ratio:
                rows.append([label, _span(ratio, "×", "{:.2f}"),
                             f"≤ {target}×: {_met(ratio['median'] <= target)}"])
        if b.get("ratio_render_spread"):
            rows.append(["rendering rebuild / bare Pelican", _span(b["ratio_render_spread"], "×", "{:.2f}"), ""])
        if b.get("cpu_ratio_spread"):
            rows.append(["full build / bare Pelican, CPU time of all processes",
                         _span(b["cpu_ratio_spread"], "×", "{:.2f}"), ""])
        if forked_text(b):
            rows.append(["English edition built in a fork beside the Chinese one (a core idle at the start)",
                         forked_text(b), ""])
        one_seed = b["one_seed"]
        if "error" not in one_seed:
            rows.append(["rebuild after one seed changed", f"{one_seed['seconds']:.1f} s; "
                         f"{one_seed['seeds_converted']} seed re-converted", ""])
        rows.append([f"peak memory of a build ({c['articles']:,} articles)",
                     f"{b['peak_rss_mb']:.0f} MB largest process, {b['tree_peak_rss_mb']:.0f} MB with workers", ""])
    p = r.get("preview")
    if p and p.get("spread"):
        rows.append(["preview: edit a seed → its page shows the change (HTTP, real server)",
                     _span(p["spread"]), f"≤ {preview_target(c['articles']):g} s: "
                     f"{_met(p['spread']['median'] <= preview_target(c['articles']))}"])
        rows.append(["preview: requests answered during rebuilds / errors",
                     f"{p['requests']:,} / {p['non_200_answers']}", f"0 errors: {_met(p['non_200_answers'] == 0)}"])
    head = (f"Measured on {m['date'][:10]} (`make bench`, {c['articles']:,} articles in {c['seeds']:,} seeds, "
            f"git {m['git'].get('commit', '?')}) on a {m['cores']}-core {m['cpu']}, Python {m['python']}; "
            f"load average {m.get('load_average')} at the start and {m.get('load_average_end')} at the end "
            "(other work on the machine inflates every figure).")
    lines = [head, "", "| measure | value | target |", "|---|---|---|"]
    lines += [f"| {a} | {b_} | {t} |" for a, b_, t in rows]
    return "\n".join(lines)


def update(readme: Path, result: dict) -> None:
    text = readme.read_text(encoding="utf-8")
    block = f"{START}\n{table(result)}\n{END}"
    pattern = re.compile(re.escape(START) + ".*?" + re.escape(END), re.S)
    if not pattern.search(text):
        raise SystemExit(f"{readme}: no {START} … {END} block to replace")
    readme.write_text(pattern.sub(lambda _: block, text), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("result", type=Path)
    parser.add_argument("--readme", type=Path, default=ROOT / "README.md")
    args = parser.parse_args(argv)
    update(args.readme, json.loads(args.result.read_text(encoding="utf-8")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
