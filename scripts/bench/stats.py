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
