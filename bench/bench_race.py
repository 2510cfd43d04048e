"""Benchmark of the race page's real cost: the tuned-rate search on every click of a new start.

    .venv/bin/python bench/bench_race.py [--repeat N] [--steps S]

For each built-in surface: ``race(..., lr_mode="tuned")`` with all six racers, seven rates
each, at the page's default steps (``lessons.race.STEPS`` = 300), from a few starts
snapped to the click grid; the median over starts and repeats is printed. For
comparison: the shared-rate race (6 runs' worth of starts), the contour map, and the
same search done naively as 42 separate runs (what one grouped run replaces). Target:
well under ~150 ms per search on a 2-core machine.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import optim_core  # noqa: E402
from optim_core import objectives  # noqa: E402
from optim_core.lessons import race as lesson  # noqa: E402


def median_ms(fn, repeat: int) -> float:
    fn()  # warm-up
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1e3)
    return statistics.median(times)


def starts(name: str, n: int = 3) -> list[tuple[float, float]]:
    """``n`` seeded starts inside the surface's box, snapped as a click would be."""
    box = objectives.get(name).bounds
    rng = np.random.default_rng(0)
    (x0, x1), (y0, y1) = box
    return [lesson.snap_start((rng.uniform(x0, x1), rng.uniform(y0, y1)), box) for _ in range(n)]


def naive(name: str, start, steps: int) -> None:
    """The same search as 42 separate runs (one per racer and rate)."""
    f = objectives.get(name)
    for racer in lesson.RACERS:
        for rate in lesson.RATES:
            optim_core.run(lesson.make_optimizer(racer, rate), f, np.array(start), steps)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--steps", type=int, default=lesson.STEPS)
    args = parser.parse_args()
    steps = args.steps

    header = f"{'surface':20s} {'tuned':>9s} {'shared':>9s} {'board':>8s} {'42 runs':>9s}"
    print(f"race page, {steps} steps, median ms over {args.repeat} repeats x 3 starts")
    print(header)
    print("-" * len(header))
    tuned_all = []
    for name in objectives.names():
        row = {"tuned": [], "shared": [], "naive": []}
        for start in starts(name):
            for mode in ("tuned", "shared"):
                row[mode].append(
                    median_ms(
                        lambda m=mode, s=start, n=name: lesson.race(
                            n, None, s, lesson.RACERS, m, lesson.LR, None, steps
                        ),
                        args.repeat,
                    )
                )
            row["naive"].append(median_ms(lambda s=start, n=name: naive(n, s, steps), 1))
        board = median_ms(lambda n=name: lesson.board(n), args.repeat)
        tuned = statistics.median(row["tuned"])
        tuned_all.append(tuned)
        print(
            f"{name:20s} {tuned:9.1f} {statistics.median(row['shared']):9.1f} "
            f"{board:8.1f} {statistics.median(row['naive']):9.1f}"
        )
    print("-" * len(header))
    print(f"{'worst tuned search':20s} {max(tuned_all):9.1f}")


if __name__ == "__main__":
    main()
