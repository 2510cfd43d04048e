"""Shared AppTest helpers: open the app at a page with URL parameters, read chart specs."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import numpy as np
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


def decode(node):
    """Plotly's typed arrays (``{"dtype", "bdata"[, "shape"]}``, base64) back to numpy, anywhere
    in a spec; lists and dicts are walked, everything else is returned as it is."""
    if isinstance(node, dict):
        if "bdata" in node and "dtype" in node:
            flat = np.frombuffer(base64.b64decode(node["bdata"]), dtype=node["dtype"])
            shape = node.get("shape")
            if isinstance(shape, str):
                shape = tuple(int(n) for n in shape.split(","))
            return flat.reshape(shape) if shape else flat
        return {key: decode(value) for key, value in node.items()}
    if isinstance(node, list):
        return [decode(value) for value in node]
    return node


def chart(at: AppTest, key: str) -> dict:
    """The Plotly figure (as a decoded dict) of the chart drawn with ``key=key``."""
    for element in at.get("plotly_chart"):
        if element.proto.id.endswith(f"-{key}"):
            return decode(json.loads(element.proto.spec))
    raise KeyError(f"no chart with key {key!r} on the page")


def trace(spec: dict, name: str) -> dict:
    """The one trace called ``name`` in a decoded figure."""
    found = [tr for tr in spec["data"] if tr.get("name") == name]
    if len(found) != 1:
        raise KeyError(
            f"{len(found)} traces named {name!r}: {[t.get('name') for t in spec['data']]}"
        )
    return found[0]
