"""Helpers the figure tests share: what a figure draws, read from its data."""

import base64
import json


def colours(node) -> set[str]:
    """Every colour string set on a trace (``color``, ``fillcolor``; lists included)."""
    found = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("color", "fillcolor") and isinstance(value, str):
                found.add(value)
            elif key in ("color", "fillcolor") and isinstance(value, (list, tuple)):
                found |= {v for v in value if isinstance(v, str)}
            else:
                found |= colours(value)
    elif isinstance(node, (list, tuple)):
        for value in node:
            found |= colours(value)
    return found


def float_arrays(figure):
    """``(where, dtype, length)`` of every float array in a figure's JSON (traces and frames):
    Plotly writes numpy arrays as typed arrays ``{"dtype", "bdata"}``, plain lists as lists."""
    spec = json.loads(figure.to_json())
    traces = [(f"data[{i}]", tr) for i, tr in enumerate(spec["data"])]
    for frame in spec.get("frames", []):
        traces += [(f"frame {frame['name']}", tr) for tr in frame["data"]]
    for where, tr in traces:
        for axis in ("x", "y", "z"):
            values = tr.get(axis)
            if isinstance(values, dict) and values.get("dtype", "").startswith("f"):
                size = len(base64.b64decode(values["bdata"])) // int(values["dtype"][1:])
                yield f"{where}.{axis}", values["dtype"], size
            elif isinstance(values, list) and any(isinstance(v, float) for v in values):
                yield f"{where}.{axis}", "list", len(values)
