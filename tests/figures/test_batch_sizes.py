"""The batch-sizes figures, tables and formulas, built directly from the lesson (no Streamlit).

Traces are found by name; every number drawn is finite (a diverged run ends where it blew
up); every colour is one of the shared palette (``ui.figures.PALETTE``) or the module's own
documented ``OWN_PALETTE``, which shares no colour with it.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from optim_core.lessons import batch_sizes as lesson
from ui.figures import COLORS, PALETTE
from ui.figures import batch_sizes as fig
from ui.formulas import batch_sizes as formulas

ALLOWED = PALETTE | fig.OWN_PALETTE
NAMES = {"chosen": "batch size 32", "full": "full batch (392)"}
CURVE_LABELS = {"optimum": "optimum", "y": "cost"} | {
    f"{kind}.{clock}": f"{kind} {clock}" for kind in ("x", "plot") for clock in fig.CLOCKS
}
MAP_LABELS = {"x": "w", "y": "b", "optimum": "optimum", "start": "start"}
SWEEP_LABELS = {key: key for key in fig.SWEEP_LABELS} | {"x": "batch", "not_reached": "gap {floor}"}


@pytest.fixture(scope="module")
def cars():
    return lesson.builtin("cars", "regression")


@pytest.fixture(scope="module")
def sweep(cars):
    points = tuple(
        lesson.sweep_point(cars.X, cars.y, "regression", size)
        for size in lesson.sweep_sizes(cars.m)
    )
    return lesson.sweep(points, cars.m)


def colours(figure) -> set[str]:
    """Every colour a trace of ``figure`` sets (lines, markers, marker outlines)."""
    found = set()
    for trace in figure.to_dict()["data"]:
        for part in ("line", "marker"):
            style = trace.get(part) or {}
            if isinstance(style.get("color"), str):
                found.add(style["color"])
            if isinstance((style.get("line") or {}).get("color"), str):
                found.add(style["line"]["color"])
    for shape in figure.to_dict()["layout"].get("shapes", []):
        found.add(shape["line"]["color"])
    return found


def by_name(figure) -> dict:
    return {trace.name: trace for trace in figure.data if trace.name}


def drawn_as(drawn, values) -> None:
    """A trace's data is ``values`` as drawn: float32, so equal to about seven digits."""
    np.testing.assert_allclose(np.asarray(drawn, dtype=float), values, rtol=1e-6)


def finite(*arrays) -> bool:
    return all(np.isfinite(np.asarray(a, dtype=float)).all() for a in arrays)


def test_the_own_palette_shares_no_colour_with_the_shared_one():
    assert not fig.OWN_PALETTE & PALETTE
    assert fig.CHOSEN == COLORS["batch"] and fig.FULL == COLORS["gd"]


# -- section 2 ----------------------------------------------------------------------------------
def test_four_clocks_each_draw_both_runs_and_the_optimum(cars):
    runs = lesson.curves(cars.X, cars.y, "regression", 32, 0.05, 10, 0)
    view = lesson.overview(cars.X, cars.y, "regression", 32, 10)
    figures = fig.clock_curves(runs, names=NAMES, optimum=view.best_cost, labels=CURVE_LABELS)
    assert len(figures) == 4
    for clock, figure in zip(fig.CLOCKS, figures, strict=True):
        traces = by_name(figure)
        assert set(traces) == {NAMES["chosen"], NAMES["full"], "optimum"}
        assert traces[NAMES["chosen"]].line.color == fig.CHOSEN
        assert traces[NAMES["full"]].line.color == fig.FULL
        assert list(traces["optimum"].y) == [view.best_cost, view.best_cost]
        for trace in figure.data:
            assert finite(trace.x, trace.y)
        assert figure.layout.title.text == f"plot {clock}"
        assert figure.layout.xaxis.title.text == f"x {clock}"
        assert colours(figure) <= ALLOWED
    steps, epochs, examples, time = (by_name(f)[NAMES["chosen"]] for f in figures)
    assert np.array_equal(steps.x, runs.chosen.steps)  # whole numbers: exact in float32
    drawn_as(steps.y, runs.chosen.loss)
    drawn_as(epochs.y, runs.chosen.epoch_loss)
    assert np.array_equal(examples.x, runs.chosen.examples)
    drawn_as(time.x, runs.chosen.ms)


def test_full_batch_alone_is_drawn_once_and_a_diverged_run_ends_where_it_blew_up(cars):
    runs = lesson.curves(cars.X, cars.y, "regression", cars.m, 3.0, 50, 0)
    assert runs.chosen.diverged
    figures = fig.clock_curves(runs, names=NAMES, optimum=1.0, labels=CURVE_LABELS)
    for figure in figures:
        assert set(by_name(figure)) == {NAMES["chosen"], "optimum"}
        for trace in figure.data:
            assert finite(trace.x, trace.y)
    drawn = by_name(figures[0])[NAMES["chosen"]]
    assert len(drawn.x) == runs.chosen.diverged_at  # steps 0 .. k-1


# -- section 3 ----------------------------------------------------------------------------------
def test_the_map_shows_both_paths_the_start_and_the_optimum(cars):
    c = lesson.contour(cars.X, cars.y, "regression", 1, 32, 0.05, 10, 0)
    figure = fig.contour_paths(c, names=NAMES, labels=MAP_LABELS, title="map")
    traces = by_name(figure)
    assert set(traces) == {NAMES["chosen"], NAMES["full"], "start", "optimum"}
    drawn_as(traces[NAMES["chosen"]].x, c.path[:, 0])
    drawn_as(traces[NAMES["full"]].y, c.full_path[:, 1])
    assert (traces["start"].x, traces["start"].y) == ((0.0,), (0.0,))
    assert traces["optimum"].x[0] == c.optimum[0]
    assert figure.data[0].type == "contour" and finite(figure.data[0].z)
    for trace in figure.data[1:]:
        assert finite(trace.x, trace.y)
    assert colours(figure) <= ALLOWED
    assert figure.layout.xaxis.title.text == "w" and figure.layout.yaxis.title.text == "b"
    alone = lesson.contour(cars.X, cars.y, "regression", 1, cars.m, 0.05, 10, 0)
    assert NAMES["full"] not in by_name(
        fig.contour_paths(alone, names=NAMES, labels=MAP_LABELS, title="m")
    )


# -- section 4 ----------------------------------------------------------------------------------
def test_the_sweep_chart_has_both_times_and_marks_the_chosen_batch(sweep):
    figure = fig.sweep_figure(sweep, chosen=32, labels=SWEEP_LABELS, title="sweep")
    traces = by_name(figure)
    assert {"to_target", "per_epoch"} <= set(traces)
    reached = np.asarray(sweep.reached)
    assert list(traces["to_target"].x) == list(np.asarray(sweep.sizes)[reached])
    np.testing.assert_allclose(traces["per_epoch"].y, sweep.per_epoch_ms)
    assert ("not_reached_name" in traces) == (not sweep.all_reached)
    for trace in figure.data:
        assert finite(trace.x, trace.y)
    assert traces["to_target"].line.color == fig.SWEEP_COLORS["to_target"]
    assert colours(figure) <= ALLOWED
    assert figure.layout.shapes[0].x0 == 32  # the chosen batch size
    assert figure.layout.yaxis.title.text == "ms"


def test_the_sweep_chart_marks_batch_sizes_that_missed_with_their_floor():
    missed = lesson.LrTrial(0.3, -1, -1, float("nan"), 0.0512, False, False, True, 200)
    hit = lesson.LrTrial(0.3, 40, 20, 0.002, 0.008, False, False, False, 40)
    points = (
        lesson.SweepPoint(1, 0.004, missed, (missed,)),
        lesson.SweepPoint(2, 0.002, hit, (hit,)),
    )
    s = lesson.sweep(points, 2)
    figure = fig.sweep_figure(s, chosen=None, labels=SWEEP_LABELS, title="sweep")
    marks = by_name(figure)["not_reached_name"]
    assert list(marks.x) == [1] and list(marks.text) == ["gap 5.1%"]
    assert colours(figure) <= ALLOWED and not figure.layout.shapes


def test_the_sweep_tables_read_as_the_page_shows_them(sweep):
    columns = {key: key for key in fig.SWEEP_COLUMNS}
    table = fig.sweep_table(sweep, columns, "not reached").frame
    assert list(table["batch"]) == [1, 2, 4, 8, 16, 32, 64, 128, 256, 392]
    assert list(table["epoch_ms"]) == list(sweep.epoch_ms)
    for ok, cell, steps in zip(sweep.reached, table["target_ms"], table["steps"], strict=True):
        assert (cell == "not reached") == (not ok) and (steps == "") == (not ok)
    assert ("floor" in table) == (not sweep.all_reached)
    labels = {k: k for k in fig.TRIAL_COLUMNS}
    trials = fig.trial_table(sweep, labels, {k: k for k in fig.OUTCOMES}).frame
    assert len(trials) == len(sweep.outcomes)
    assert set(trials["outcome"]) <= set(fig.OUTCOMES)
    # what st.dataframe receives: Arrow data, no index, the same cells
    arrow = fig.arrow(table)
    assert arrow.column_names == list(table.columns) and arrow.num_rows == len(sweep.sizes)


def test_percentages_never_print_nan():
    assert fig.percent(0.01234) == "1.23%" and fig.percent(0.0512, 1) == "5.1%"
    assert fig.percent(float("nan")) == "—"


# -- section 1: the table and the formulas --------------------------------------------------------
BATCH_LABELS = {"batch_label": "in", "position_label": "pos", "row_label": "row"}


def test_the_batch_table_marks_exactly_the_batch(cars):
    here = lesson.step(cars.X, cars.y, "regression", 32, 0.05, 0, 2, 3, 1)
    table = fig.batch_table(cars, here, **BATCH_LABELS)
    frame = table.frame
    assert list(frame.columns) == ["in", "pos", "row", *cars.feature_names, cars.target_name]
    assert list(frame["pos"]) == list(range(60, 102))
    assert list(frame["row"]) == list(here.row_numbers)
    marked = set(np.flatnonzero(frame["in"] == fig.IN_BATCH))
    assert marked == set(np.flatnonzero(here.in_batch)) and len(marked) == 32
    assert set(frame["in"]) == {fig.IN_BATCH, ""}
    np.testing.assert_array_equal(frame[cars.feature_names[0]], np.round(cars.X[here.rows, 0], 3))
    assert table.formats[cars.target_name] == "%.3f" and table.narrow == ("in",)
    # the marker the text speaks of is the one in the table
    from ui import text

    for lang in text.LANGUAGES:
        assert fig.IN_BATCH in text.get("batch_sizes.s1_text", lang, n=6, m=392)


def test_the_files_column_names_never_replace_the_tables_own():
    # issue 10: a column called "Row i" or "Order in epoch" raised "cannot insert Row i"
    from optim_core import datasets

    X = np.arange(12.0).reshape(6, 2) ** [1, 2]
    table = datasets.Table(X, np.arange(6.0), ("pos", "row"), "in", None, 0)
    small = lesson.prepare(table, "regression")
    here = lesson.step(small.X, small.y, "regression", 2, 0.1, 0, 1, 1, 1)
    frame = fig.batch_table(small, here, **BATCH_LABELS).frame
    assert list(frame.columns) == ["in", "pos", "row", "pos (2)", "row (2)", "in (2)"]
    assert list(frame["row"]) == list(here.row_numbers)  # the table's own, not the file's
    np.testing.assert_array_equal(frame["in (2)"], np.round(small.y[here.rows], 3))
    assert fig.unique_names(["a", "a", "b"], taken=["b"]) == ["a", "a (2)", "b (2)"]


def test_user_text_is_plain_in_plotly_labels():
    shown = fig.plotly_text('<a href="https://x.org">click</a> & <b>bold</b>\nnext')
    assert "<" not in shown and ">" not in shown
    assert shown == (
        '&lt;a href="https://x.org"&gt;click&lt;/a&gt; &amp; &lt;b&gt;bold&lt;/b&gt; next'
    )
    labels = fig.map_labels(lambda key, **f: f"w ({f['feature']})" if f else key, "<br>")
    assert labels["x"] == "w (&lt;br&gt;)"


def test_user_text_is_plain_in_markdown():
    for raw in ("**x**", ":red[alarm]", ":material/home:", "$x^2$", "[a](http://x.org)", "# h"):
        shown = formulas.markdown_text(raw)
        # every ASCII punctuation character is escaped, nothing else changes
        assert shown.replace("\\", "") == raw
        assert all(shown[i - 1] == "\\" for i, c in enumerate(shown) if c in "*:[]$#()")
    assert formulas.markdown_text("a\nb  c") == "a b c"
    assert formulas.plain_fields({"column": "$y$"}) == {"column": "\\$y\\$"}


def test_the_formulas_carry_the_lesson_numbers(cars):
    here = lesson.step(cars.X, cars.y, "regression", 32, 0.05, 0, 2, 3, 1)
    cost, full, mini, update = formulas.step("regression", cars.m, 0.0, 0.05, here)
    assert r"\frac{1}{2\cdot 392}" in cost and r"\sigma" not in cost
    end = r"\end{aligned}"
    assert f"= {formulas.num(here.full_grad)}" in full and r"\colorbox" not in full
    assert mini.count(r"\colorbox") == 1 and r"\frac{1}{32}" in mini and "B_{16}" in mini
    assert mini.endswith(f"= {formulas.num(here.batch_grad)}{end}")
    assert update.endswith(f"= {formulas.num(here.w_after)}{end}")
    # issue 10: rows short enough for a phone and for half a projector's width: the error
    # r⁽ⁱ⁾ is defined on a row of its own, the update's numbers are worked on two more rows
    assert r"r^{(i)} &= w\cdot x^{(i)} + b - y^{(i)}" in full and r"\left(r^{(i)}\right)^2" in cost
    assert (full.count(r"\\"), mini.count(r"\\"), update.count(r"\\")) == (1, 0, 2)
    assert fig.MARKER in mini
    logistic = formulas.cost("classification", 1461, lesson.L2)
    assert r"\sigma" in logistic and r"\lVert w\rVert^2" in logistic
    ridge = formulas.full_gradient("classification", 1461, 2, lesson.L2, 0.5)
    assert r"\,w_{2}" in ridge
    assert logistic.count(r"\\") == 4 and logistic.startswith(r"\begin{aligned}")
    assert ridge.count(r"\\") == 2 and r"r^{(i)} &= \hat y^{(i)} - y^{(i)}" in ridge


def test_formulas_after_divergence_show_no_nan():
    nan = float("nan")
    tex = formulas.update(1, 3.0, nan, nan, nan) + formulas.full_gradient(
        "regression", 4, 1, 0, nan
    )
    assert "nan" not in tex


# -- lean data (issue 9): what the page sends -----------------------------------------------------
KIB = 1024
PAGE_BUDGET = 500 * KIB  # every page at its defaults sends at most this much of figures


def typed(figure) -> dict[tuple[int, str], str]:
    """``{(trace index, key): dtype}`` of every typed array in the figure's JSON (what
    ``st.plotly_chart`` sends)."""
    spec = json.loads(figure.to_json())
    return {
        (i, key): value["dtype"]
        for i, trace in enumerate(spec["data"])
        for key, value in trace.items()
        if isinstance(value, dict) and "dtype" in value
    }


def page_figures(prepared, sweep) -> list:
    """The page's six figures at its defaults, built as the page builds them (English labels)."""
    from ui import text

    def t(key, **fields):
        return text.get(key, "en", **fields)

    X, y, m, task = prepared.X, prepared.y, prepared.m, "regression"
    lr, epochs, seed, j = lesson.DEFAULT_LR, lesson.EPOCHS[2], lesson.SEEDS[2], 1
    view = lesson.overview(X, y, task, prepared.default_batch, epochs)
    runs = lesson.curves(X, y, task, view.batch, lr, epochs, seed)
    names = {"chosen": t("batch_sizes.chosen_name", batch=view.batch)}
    names["full"] = t("batch_sizes.full_name", m=m)
    labels = {"optimum": t("batch_sizes.optimum"), "y": t("common.loss")}
    for kind in ("x", "plot"):
        labels |= {f"{kind}.{clock}": t(f"batch_sizes.{kind}.{clock}") for clock in fig.CLOCKS}
    kw = dict(names=names, optimum=view.best_cost, labels=labels)
    figures = [fig.clock_curve(runs, clock, **kw) for clock in fig.CLOCKS]
    cmap = lesson.contour(X, y, task, j, view.batch, lr, epochs, seed)
    feature = prepared.feature_name(j)
    labels = {"x": t("batch_sizes.axis_w", feature=feature), "y": t("batch_sizes.axis_b")}
    labels |= {"optimum": t("batch_sizes.optimum"), "start": t("common.start")}
    title = t("batch_sizes.contour_title")
    figures.append(fig.contour_paths(cmap, names=names, labels=labels, title=title))
    labels = {key: t(f"batch_sizes.sweep.{key}") for key in fig.SWEEP_LABELS}
    labels["x"] = t("batch_sizes.batch")
    title = t("batch_sizes.sweep_title")
    figures.append(fig.sweep_figure(sweep, chosen=view.batch, labels=labels, title=title))
    return figures


def test_one_clock_chart_is_the_same_as_in_the_four(cars):
    runs = lesson.curves(cars.X, cars.y, "regression", 32, 0.05, 10, 0)
    kw = dict(names=NAMES, optimum=1.0, labels=CURVE_LABELS)
    for clock, figure in zip(fig.CLOCKS, fig.clock_curves(runs, **kw), strict=True):
        assert fig.clock_curve(runs, clock, **kw).to_json() == figure.to_json()


def test_the_map_and_the_runs_go_as_float32(cars):
    c = lesson.contour(cars.X, cars.y, "regression", 1, 32, 0.05, 10, 0)
    arrays = typed(fig.contour_paths(c, names=NAMES, labels=MAP_LABELS, title="map"))
    assert {arrays[(0, key)] for key in ("x", "y", "z")} == {"f4"}  # the grid
    assert {arrays[(i, key)] for i in (1, 2) for key in ("x", "y")} == {"f4"}  # both paths
    runs = lesson.curves(cars.X, cars.y, "regression", 32, 0.05, 10, 0)
    for figure in fig.clock_curves(runs, names=NAMES, optimum=1.0, labels=CURVE_LABELS):
        arrays = typed(figure)
        assert {arrays[(i, key)] for i in (0, 1) for key in ("x", "y")} == {"f4"}


def test_figures_carry_only_the_layout_part_of_the_template(cars):
    runs = lesson.curves(cars.X, cars.y, "regression", 32, 0.05, 10, 0)
    figure = fig.clock_curve(runs, "step", names=NAMES, optimum=1.0, labels=CURVE_LABELS)
    template = json.loads(figure.to_json())["layout"]["template"]
    assert "data" not in template and template["layout"]["plot_bgcolor"] == "white"
    # each figure has its own copy of the look: titling one leaves the next untouched
    other = fig.clock_curve(runs, "epoch", names=NAMES, optimum=1.0, labels=CURVE_LABELS)
    assert (figure.layout.title.text, other.layout.title.text) == ("plot step", "plot epoch")


def test_the_page_at_its_defaults_sends_at_most_500_kib_of_figures(cars, sweep):
    figures = page_figures(cars, sweep)
    assert len(figures) == 6
    total = sum(len(figure.to_json()) for figure in figures)
    assert total <= PAGE_BUDGET, f"{total / KIB:.0f} KiB"


def test_a_built_in_tables_columns_are_named_in_the_learners_language(cars):
    from optim_core import datasets
    from ui import text

    def say(lang):
        return lambda key, **fields: text.get(key, lang, **fields)

    names = fig.column_names(say("ko"), cars)
    assert names[0] == "실린더 수" and names[-1] == "연비 (갤런당 마일)"
    assert fig.column_names(say("en"), cars) == (*cars.feature_names, cars.target_name)
    here = lesson.step(cars.X, cars.y, "regression", 32, 0.05, 0, 1, 1, 1)
    frame = fig.batch_table(cars, here, **fig.batch_labels(say("ko"), cars)).frame
    assert list(frame.columns)[3:] == list(names)
    scaling = fig.scaling_table(cars, fig.scaling_labels(say("ko"), cars)).frame
    assert list(scaling.iloc[:, 0]) == list(names[:-1])
    # every column a built-in table offers has a Korean name
    for info in datasets.TABLES.values():
        for column in (*info.regression_features, info.regression_target):
            assert text.get(f"data.column.{column}", "ko") != column
        for column in (*info.classification_features, info.classification_target):
            assert text.get(f"data.column.{column}", "ko") != column
    # an uploaded file's columns stay as written, even when named like a known one
    upload = cars._replace(source="")
    assert fig.column_names(say("ko"), upload) == (*cars.feature_names, cars.target_name)
    assert fig.feature_label(say("ko"), upload, 1) == "Cylinders"


def test_the_look_lines_carry_the_runs_numbers(cars):
    from ui import text

    def say(key, **fields):
        return text.get(key, "en", **fields)

    runs = lesson.curves(cars.X, cars.y, "regression", 32, 0.05, 10, 0)
    names = fig.run_names(say, 32, cars.m)
    epoch = formulas.look_clock(say, runs, "epoch", names, cars.m, 5.81)
    assert f"{runs.chosen.epoch_loss[-1]:.4g}" in epoch and "130 steps instead of 10" in epoch
    gone = lesson.curves(cars.X, cars.y, "regression", 1, 3.0, 2, 0)
    broken = formulas.look_clock(say, gone, "step", fig.run_names(say, 1, cars.m), cars.m, 5.81)
    assert gone.chosen.diverged and f"step {gone.chosen.diverged_at}" in broken


def phone_width(title: str) -> int:
    """About how many 390-px-phone columns a bold 14-px title takes: a Hangul syllable is
    about twice as wide as a Latin letter."""
    return sum(2 if "\uac00" <= c <= "\ud7a3" else 1 for c in title)


@pytest.mark.parametrize(
    "key",
    [
        *(f"batch_sizes.plot.{c}" for c in fig.CLOCKS),
        "batch_sizes.contour_title",
        "batch_sizes.sweep_title",
        "gradient_descent.contour_title",
        "gradient_descent.surface_title",
        "gradient_descent.fig.title_parabola",
        "gradient_descent.fig.title_data",
    ],
)
def test_chart_titles_fit_a_phone(key):
    # issue 10: "Time to the target and time per epoch, by batch size" ran off a 390-px chart
    from ui import text

    for lang in text.LANGUAGES:
        limit = 24 if key.startswith("gradient_descent.fig.") else 40  # a panel: half a chart
        assert phone_width(text.get(key, lang)) <= limit, (key, lang)
