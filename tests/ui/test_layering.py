"""The layers import one way (pages → ui → optim_core), and one concept has one name.

- ``optim_core`` never imports streamlit, plotly (except ``plotly.data`` in datasets) or ui;
- figure and formula modules never import streamlit;
- page files import neither numpy, math nor pandas, and hold no numbers they compute;
- ``ui`` never imports a page; every page's concept has its catalog, and lessons,
  figures and formulas modules are named after a concept that has a page.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONCEPTS = {
    "gradient_descent",
    "local_optima",
    "batch_sizes",
    "ewa",
    "momentum",
    "rmsprop",
    "adam",
    "race",
    "home",
}


def imported(path: Path) -> set[str]:
    """Every module name ``path`` imports (``from a.b import c`` gives ``a.b`` and ``a.b.c``)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return names


def top(names: set[str]) -> set[str]:
    return {name.split(".")[0] for name in names}


def files(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


@pytest.mark.parametrize("path", files("optim_core"), ids=lambda p: p.name)
def test_core_imports_no_ui(path):
    names = imported(path)
    assert not top(names) & {"streamlit", "ui", "app_pages"}
    plotly = {n for n in names if n.split(".")[0] == "plotly"}
    if path.name == "datasets.py":
        assert plotly <= {"plotly", "plotly.data"} or not plotly
    else:
        assert not plotly


@pytest.mark.parametrize(
    "path", files("ui/figures") + files("ui/formulas"), ids=lambda p: f"{p.parent.name}/{p.name}"
)
def test_figures_and_formulas_never_import_streamlit(path):
    assert "streamlit" not in top(imported(path))


@pytest.mark.parametrize("path", files("app_pages"), ids=lambda p: p.name)
def test_pages_import_no_math(path):
    assert not top(imported(path)) & {"numpy", "math", "pandas", "plotly", "statistics"}


@pytest.mark.parametrize("path", files("ui"), ids=lambda p: str(p.relative_to(ROOT)))
def test_ui_never_imports_a_page(path):
    assert "app_pages" not in top(imported(path))


@pytest.mark.parametrize("path", files("app_pages"), ids=lambda p: p.name)
def test_pages_reach_the_core_only_through_lessons(path):
    core = {n for n in imported(path) if n.split(".")[0] == "optim_core"}
    assert all(n == "optim_core.lessons" or n.startswith("optim_core.lessons.") for n in core)


def test_one_concept_one_name():
    pages = {p.stem for p in files("app_pages")}
    assert pages <= CONCEPTS
    for folder in ("optim_core/lessons", "ui/figures", "ui/formulas", "ui/text"):
        stems = {p.stem for p in files(folder)} - {"__init__", "common", "data"}
        assert stems <= pages, (folder, stems - pages)
    for page in pages:
        assert (ROOT / "ui/text" / f"{page}.py").exists(), page
        assert (ROOT / "optim_core/lessons" / f"{page}.py").exists(), page


@pytest.mark.parametrize("path", files("app_pages"), ids=lambda p: p.name)
def test_pages_are_short(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 250


@pytest.mark.parametrize("path", files("app_pages"), ids=lambda p: p.name)
def test_pages_never_change_a_figure_they_were_handed(path):
    """Figures come shared from ui/cached.py (one object for every visitor): a page that
    changed one would change it for everybody."""
    source = path.read_text(encoding="utf-8")
    for call in (
        ".update_layout(",
        ".update_traces(",
        ".add_trace(",
        ".update_xaxes(",
        ".update_yaxes(",
        ".add_annotation(",
        ".add_shape(",
        ".frames =",
    ):
        assert call not in source, call
