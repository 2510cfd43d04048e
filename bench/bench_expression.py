"""Benchmark of typed functions (optim_core.expression): prints medians.

    .venv/bin/python bench/bench_expression.py [--repeat N]

Main case (issue 11's target, typed <= 2x built-in): Adam from 40,000 starts x 300 steps on
Rosenbrock typed as ``(1 - x)**2 + 100*(y - x**2)**2`` against the built-in
``objectives.get("rosenbrock")``, the same starts, measured side by side (alternating runs,
so both see the same machine load). Also shown: the cost of parsing and of a 100 x 100 grid.
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
from optim_core import expression, objectives  # noqa: E402

ROSENBROCK = "(1 - x)**2 + 100*(y - x**2)**2"
# a long input near the length limit: nested functions, powers and a general power
LONG = (
    "sin(3*x)*cos(2*y) + 0.1*(x^2 + y^2) + log(1 + x^2*y^2) - exp(-(x - 1)^2 - (y + 1)^2)"
    " + tanh(x*y)/(2 + cos(x)) + (x^2 + 1)^(y/3) + sqrt(1 + (x - y)^2) + arctan(x/(1 + y^2))"
)


def timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return (time.perf_counter() - t0) * 1e3


def side_by_side(fns: dict, repeat: int) -> dict[str, float]:
    """Median ms of each function, runs alternating between them after one warm-up each."""
    for fn in fns.values():
        fn()
    times = {name: [] for name in fns}
    for _ in range(repeat):
        for name, fn in fns.items():
            times[name].append(timed(fn))
    return {name: statistics.median(t) for name, t in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    rosen = objectives.get("rosenbrock")
    (x_lo, x_hi), (y_lo, y_hi) = rosen.bounds
    typed = expression.typed_function(ROSENBROCK, (x_lo, x_hi, y_lo, y_hi))
    rng = np.random.default_rng(0)
    starts = np.stack([rng.uniform(x_lo, x_hi, 40_000), rng.uniform(y_lo, y_hi, 40_000)], axis=-1)
    adam = optim_core.adam(0.01)

    print(f"numpy {np.__version__}, median of {args.repeat} runs, float64")
    print(f"typed Rosenbrock: {typed.text!r}, {typed.expression.steps} numpy calls per step")
    medians = side_by_side(
        {
            "built-in": lambda: optim_core.run(adam, rosen, starts, 300, record_every=300),
            "typed": lambda: optim_core.run(adam, typed, starts, 300, record_every=300),
        },
        args.repeat,
    )
    ratio = medians["typed"] / medians["built-in"]
    print("adam / rosenbrock, 40,000 starts x 300 steps, end points (fast engine)")
    print(f"  built-in rosenbrock   {medians['built-in']:8.1f} ms")
    print(f"  typed rosenbrock      {medians['typed']:8.1f} ms")
    print(
        f"  ratio typed/built-in  {ratio:8.2f}    (target <= 2.00: {'ok' if ratio <= 2 else 'MISSED'})"
    )
    a = optim_core.run(adam, rosen, starts, 300, record_every=300).final
    b = optim_core.run(adam, typed, starts, 300, record_every=300).final
    print(f"  largest difference of the end points: {np.nanmax(np.abs(a - b)):.1e}")

    long_fn = expression.typed_function(LONG, (-3, 3, -3, 3))
    costs = side_by_side(
        {
            "parse rosenbrock": lambda: [expression.parse(ROSENBROCK) for _ in range(100)],
            f"parse {len(LONG)}-character input": lambda: [
                expression.parse(LONG) for _ in range(100)
            ],
            "grid 100 x 100, rosenbrock": lambda: [expression.grid(typed, 100) for _ in range(100)],
            f"grid 100 x 100, {len(LONG)}-character input": lambda: [
                expression.grid(long_fn, 100) for _ in range(100)
            ],
        },
        args.repeat,
    )
    width = max(map(len, costs))
    for label, ms in costs.items():
        print(f"{label:<{width}}  {ms * 10:8.1f} µs each")


if __name__ == "__main__":
    main()
