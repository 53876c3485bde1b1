"""Summary statistics shared by calls.py (inside a venv) and run.py (outside).

Stdlib only, because run.py runs on whatever ``python`` ``make bench`` finds,
without httpx or friendli.
"""

from __future__ import annotations

import statistics


def percentile(sorted_vals: list[float], q: float) -> float:
    """Nearest-rank percentile of an already sorted sample."""
    idx = min(len(sorted_vals) - 1, max(0, round(q * (len(sorted_vals) - 1))))
    return float(sorted_vals[idx])


def summarize(samples_ns: list[int]) -> dict[str, float]:
    """Median/mean/p90/p99/min of per-call times, in microseconds."""
    s = sorted(float(x) for x in samples_ns)
    return {
        "n": len(s),
        "median_us": statistics.median(s) / 1e3,
        "mean_us": statistics.fmean(s) / 1e3,
        "p90_us": percentile(s, 0.90) / 1e3,
        "p99_us": percentile(s, 0.99) / 1e3,
        "min_us": s[0] / 1e3,
    }


def overhead(
    raw: dict[str, float], sdk: dict[str, float], round_overheads_ns: list[float]
) -> dict[str, float]:
    """SDK minus raw, pooled and per round (the per-round spread shows the noise)."""
    rounds = sorted(round_overheads_ns)
    return {
        "median_us": sdk["median_us"] - raw["median_us"],
        "mean_us": sdk["mean_us"] - raw["mean_us"],
        "p90_us": sdk["p90_us"] - raw["p90_us"],
        "round_median_us": statistics.median(rounds) / 1e3,
        "round_p10_us": percentile(rounds, 0.1) / 1e3,
        "round_p90_us": percentile(rounds, 0.9) / 1e3,
    }


def round_overhead_ns(raw_ns: list[int], sdk_ns: list[int]) -> float:
    """Overhead estimate from one round's blocks (median difference)."""
    return float(statistics.median(sdk_ns) - statistics.median(raw_ns))
