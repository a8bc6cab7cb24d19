"""Medians and ranges of repeated, alternating runs (A B A B): the machine is
shared, so one run of each says little; alternating spreads the noise evenly."""

from __future__ import annotations

import statistics


def spread(values: list[float]) -> dict:
    """``{"median", "min", "max", "runs"}`` of ``values`` (empty: ``{}``)."""
    values = [v for v in values if v is not None]
    if not values:
        return {}
    return {"median": statistics.median(values), "min": min(values), "max": max(values),
            "runs": len(values)}


def ratios(numerators: list[float], denominators: list[float]) -> dict:
    """The spread of pairwise ratios of runs made side by side."""
    return spread([a / b for a, b in zip(numerators, denominators) if a and b])


def forked_counts(builds: dict) -> dict[str, tuple[int, int]]:
    """``{"full builds": (forked, runs), "rendering rebuilds": (...)}``: how many of the
    builds that rendered built the further editions in a fork (the mode changes wall time)."""
    out = {}
    for label, key in (("full builds", "ours_cold"), ("rendering rebuilds", "ours_render")):
        runs = [run.get("editions_forked") for run in builds.get("all_runs", {}).get(key, [])]
        if runs and None not in runs:
            out[label] = (sum(runs), len(runs))
    return out


def forked_text(builds: dict) -> str:
    """``2 of 2 full builds, 1 of 2 rendering rebuilds`` (empty for a result without the record)."""
    return ", ".join(f"{n} of {runs} {label}" for label, (n, runs) in forked_counts(builds).items())
