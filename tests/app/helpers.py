"""Shared AppTest helpers: open the app at a page with URL parameters, read chart specs."""

from __future__ import annotations

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
ENTRY = str(ROOT / "dashboard.py")


def open_app(page: str | None, lang: str = "en", *, timeout: float = 60, **params) -> AppTest:
    """Run the entry file with ``?lang=..&params`` (as a shared link would), then switch to
    ``page`` (a file under app_pages/; None stays on the home page)."""
    at = AppTest.from_file(ENTRY, default_timeout=timeout)
    at.query_params["lang"] = lang
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if page is not None:
        at.switch_page(page).run()
    return at


def chart_specs(at: AppTest) -> list[dict]:
    """The Plotly figure of every chart on the page, as dicts."""
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
