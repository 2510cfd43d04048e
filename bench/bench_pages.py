"""Benchmark of the pages' compute paths (what a slider move recomputes): medians.

    .venv/bin/python bench/bench_pages.py

Weighted-averages page: 2,000 points × three β values, the averages, the weights
and the figures built from them (target: well under 100 ms per slider move).
"""

from __future__ import annotations

import logging
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
logging.getLogger("streamlit").setLevel(logging.ERROR)  # "no runtime" notes of st.cache_data

from ui import compute_ewa  # noqa: E402
from ui.figures import ewa as ewa_fig  # noqa: E402


def ewa_slider_move(values, x, betas):
    lesson = compute_ewa.compute_lesson(values, betas)
    weights = compute_ewa.compute_weights(betas[1])
    curves = [(str(b), lesson.corrected[i], "#000") for i, b in enumerate(betas)]
    ewa_fig.overlay(x, values, curves, raw_label="", xlabel="", ylabel="")
    ewa_fig.weight_bars(
        weights.weights,
        weights.k_window,
        color="#000",
        xlabel="",
        ylabel="",
        window_label="",
        level_label="",
    )
    ewa_fig.correction_curves(
        x, [(str(b), lesson.factor[i], "#000") for i, b in enumerate(betas)], xlabel="", ylabel=""
    )


def main() -> None:
    rng = np.random.default_rng(0)
    values = 10 + np.cumsum(rng.normal(size=2000)) * 0.1 + rng.normal(size=2000)
    x = np.arange(1, 2001)
    times = []
    for run in range(31):
        betas = (0.5 + run * 0.001, 0.9, 0.98)  # a new β each time: no cache hit
        start = time.perf_counter()
        ewa_slider_move(values, x, betas)
        times.append((time.perf_counter() - start) * 1e3)
    print(
        f"weighted averages, 2,000 points x 3 betas, compute + figures: "
        f"{statistics.median(times):6.1f} ms median of {len(times)}"
    )


if __name__ == "__main__":
    main()
