"""Benchmark of optim_core.run: prints medians and peak memory.

    make bench            (or: .venv/bin/python bench/bench_core.py [--repeat N])

Main case (the foundation's target, <= 150 ms median on a 2-core machine):
Adam on Rosenbrock from 40,000 starting points × 300 steps, float64, keeping
only the end points. Also shown: the pure public ``update`` path on the same
case, and a basin map (100 × 100 starts × 500 steps) per optimizer.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import optim_core  # noqa: E402
from optim_core import objectives  # noqa: E402


def measure(fn, repeat: int) -> tuple[float, float]:
    """Median wall time (ms) over ``repeat`` runs and peak traced memory (MB) of one run."""
    fn()  # warm-up
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1e3)
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return statistics.median(times), peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    rosen = objectives.get("rosenbrock")
    rng = np.random.default_rng(0)
    (x_lo, x_hi), (y_lo, y_hi) = rosen.bounds
    starts = np.stack([rng.uniform(x_lo, x_hi, 40_000), rng.uniform(y_lo, y_hi, 40_000)], axis=-1)
    adam = optim_core.adam(0.01)

    cases = {
        "adam / rosenbrock, 40,000 starts x 300 steps, end points (fast)": lambda: optim_core.run(
            adam, rosen, starts, 300, record_every=300
        ),
        "same, pure public update path": lambda: optim_core.run(
            adam, rosen, starts, 300, record_every=300, engine="pure"
        ),
    }
    well = objectives.get("multi_well")
    (a, b), (c, d) = well.bounds
    grid = np.stack(np.meshgrid(np.linspace(a, b, 100), np.linspace(c, d, 100)), axis=-1)
    for name, opt in {
        "gd": optim_core.gd(0.01),
        "momentum": optim_core.momentum(0.01, 0.9),
        "adam": optim_core.adam(0.05),
    }.items():
        cases[f"{name} / multi_well basin map, 100 x 100 starts x 500 steps"] = lambda opt=opt: (
            optim_core.run(opt, well, grid, 500, record_every=500)
        )

    print(f"numpy {np.__version__}, median of {args.repeat} runs, float64")
    width = max(map(len, cases))
    for label, fn in cases.items():
        median, peak = measure(fn, args.repeat)
        print(f"{label:<{width}}  {median:8.1f} ms   peak {peak:7.1f} MB")


if __name__ == "__main__":
    main()
