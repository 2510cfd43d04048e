"""Benchmark of the pages: what one view of each page at its default settings costs.

    make bench            (or: .venv/bin/python bench/bench_pages.py [--repeats 7] [--pages a,b])

Each page runs as Streamlit's ``AppTest`` runs it (the real page script, no browser, no
websocket), so nothing here repeats a page's calls. Per page it prints:

- **cold**: the first view with every cache empty (each ``st.cache_data`` and
  ``st.cache_resource`` of ``ui/cached.py`` and the lesson modules' own caches): the first
  visitor pays for the lessons and for building the figures;
- **warm**: the median of ``--repeats`` further views, as every later visitor sees it;
- the charts a view sends, their Plotly JSON in KiB and their animation frames, and
  the number of elements drawn.

Numbers depend on the machine: reported in the README, never asserted.
"""

from __future__ import annotations

import argparse
import functools
import json
import logging
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
logging.getLogger("streamlit").setLevel(logging.ERROR)

from streamlit import logger as st_logger  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from optim_core import lessons  # noqa: E402
from ui import cached, navigation  # noqa: E402

ENTRY = str(ROOT / "dashboard.py")
st_logger.set_log_level("error")  # "no runtime" and "bare mode" notes of a test run


def lesson_caches() -> list:
    """Every ``functools`` cache of the lesson modules (cleared for a cold view)."""
    found = []
    for name in dir(lessons):
        module = getattr(lessons, name)
        for value in vars(module).values() if hasattr(module, "__dict__") else ():
            if isinstance(value, functools._lru_cache_wrapper):
                found.append(value)
    return found


def clear_caches() -> None:
    for function in vars(cached).values():
        if callable(getattr(function, "clear", None)) and hasattr(function, "__wrapped__"):
            function.clear()  # each cached lesson and figure of ui/cached.py
    for cache in lesson_caches():
        cache.cache_clear()


def open_page(concept) -> AppTest:
    """A session on ``concept``'s page, not yet run there (the home page: not run at all)."""
    at = AppTest.from_file(ENTRY, default_timeout=300)
    if concept.url_path:
        at.run()
        at.switch_page(concept.file)
    return at


def view(at: AppTest) -> float:
    start = time.perf_counter()
    at.run()
    if at.exception:
        raise RuntimeError([e.value for e in at.exception])
    return (time.perf_counter() - start) * 1e3


def measure(concept, repeats: int) -> dict:
    at = open_page(concept)
    clear_caches()
    cold = view(at)
    warm = statistics.median(view(at) for _ in range(repeats))
    specs = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
    return dict(
        cold=cold,
        warm=warm,
        charts=len(specs),
        kib=sum(len(chart.proto.spec) for chart in at.get("plotly_chart")) / 1024,
        frames=sum(len(spec.get("frames", ())) for spec in specs),
        elements=sum(1 for _ in at.main) + sum(1 for _ in at.sidebar),
    )


def main() -> None:
    concepts = {c.key: c for c in navigation.PAGES}
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7, help="warm views per page")
    parser.add_argument("--pages", default=",".join(concepts), help="comma-separated keys")
    args = parser.parse_args()
    chosen = [p.strip() for p in args.pages.split(",") if p.strip()]
    unknown = [p for p in chosen if p not in concepts]
    if unknown or args.repeats < 1:
        parser.error(f"pages are {', '.join(concepts)}; --repeats at least 1")
    open_page(navigation.PAGES[0]).run()  # imports, Plotly's validators, first numpy calls
    line = "{:<18}{:>10}{:>10}{:>8}{:>8}{:>8}{:>10}"
    print(f"one view at the defaults, AppTest; warm = median of {args.repeats}")
    print(line.format("page", "cold ms", "warm ms", "charts", "KiB", "frames", "elements"))
    for key in chosen:
        r = measure(concepts[key], args.repeats)
        print(
            line.format(
                key,
                f"{r['cold']:,.0f}",
                f"{r['warm']:.0f}",
                r["charts"],
                f"{r['kib']:,.0f}",
                r["frames"],
                r["elements"],
            )
        )


if __name__ == "__main__":
    main()
