"""Benchmark of the pages: what one view of each page at its default settings computes.

    make bench            (or: .venv/bin/python bench/bench_pages.py [--repeats 7] [--pages a,b])

Each page of ``app_pages/`` has a ``view_<concept>`` here that makes the page's calls in
the page's order, with the page's default control values (its lesson module's constants,
or the literal defaults read from the page's source, so nothing is typed twice): the pure
lesson functions of ``optim_core.lessons`` (not their ``ui.cached`` wrappers), the English
labels of ``ui.text`` that go into formulas and figures, the LaTeX of ``ui.formulas`` and
the builders of ``ui.figures`` (Plotly figures and the tables beside them). Text that goes
only into ``st.write``/``st.caption`` is left out (microseconds).

Per page it prints medians over ``--repeats`` views of: the lessons, cold (every
``functools`` cache of the lesson modules is cleared before each view); the labels and
LaTeX; the figure builders; and ``plotly.io.to_json(fig, validate=False)`` of every
figure (what ``st.plotly_chart`` sends). Then the number of Plotly figures, their total
JSON size in KiB and their animation frames. Numbers depend on the machine: reported
in the README, never asserted.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import functools
import logging
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
logging.getLogger("streamlit").setLevel(logging.ERROR)  # "no runtime" notes of st.cache_data

import numpy as np  # noqa: E402
import plotly  # noqa: E402
import plotly.graph_objects as go  # noqa: E402
import plotly.io  # noqa: E402

from optim_core import lessons as shared  # noqa: E402
from optim_core.lessons import (  # noqa: E402
    adam,
    batch_sizes,
    ewa,
    gradient_descent,
    home,
    local_optima,
    momentum,
    rmsprop,
)
from ui import figures, text  # noqa: E402
from ui.figures import adam as adam_fig  # noqa: E402
from ui.figures import batch_sizes as batch_sizes_fig  # noqa: E402
from ui.figures import ewa as ewa_fig  # noqa: E402
from ui.figures import gradient_descent as gradient_descent_fig  # noqa: E402
from ui.figures import local_optima as local_optima_fig  # noqa: E402
from ui.figures import momentum as momentum_fig  # noqa: E402
from ui.figures import rmsprop as rmsprop_fig  # noqa: E402
from ui.formulas import adam as adam_tex  # noqa: E402
from ui.formulas import batch_sizes as batch_sizes_tex  # noqa: E402
from ui.formulas import ewa as ewa_tex  # noqa: E402
from ui.formulas import gradient_descent as gradient_descent_tex  # noqa: E402
from ui.formulas import local_optima as local_optima_tex  # noqa: E402
from ui.formulas import momentum as momentum_tex  # noqa: E402
from ui.formulas import rmsprop as rmsprop_tex  # noqa: E402
from ui.numbers import text as num  # noqa: E402

LESSON_MODULES = (
    shared,
    home,
    gradient_descent,
    local_optima,
    batch_sizes,
    ewa,
    momentum,
    rmsprop,
    adam,
)
PHASES = ("lessons", "text", "figures")


def t(key: str, /, **fields) -> str:
    """The page's ``t``: a catalog string, in English."""
    return text.get(key, "en", **fields)


# -- the pages' literal defaults -----------------------------------------------------------------
# Where a page gives a control a literal default (``controls.slider("lr", ..., 0.05, ...)``),
# it is read from the page's source instead of being typed again here.
DEFAULT_AT = {  # Controls method -> position of the default among its arguments
    "slider": 4,
    "number": 4,
    "select_slider": 3,
    "selectbox": 3,
    "segmented": 3,
    "toggle": 2,
}


@functools.cache  # parsed once (the bench's own cache: never cleared)
def page_literals(concept: str) -> dict[str, object]:
    """``{key: default}`` of the page's ``controls.<widget>(key, ...)`` with a literal default.

    A ``*lesson.NAME`` argument is expanded to the length of that lesson constant, so the
    default after it is still found; a default that is no literal is left out.
    """
    lesson = sys.modules[f"optim_core.lessons.{concept}"]
    tree = ast.parse((ROOT / "app_pages" / f"{concept}.py").read_text(encoding="utf-8"))
    found: dict[str, object] = {}
    for node in ast.walk(tree):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "controls"
            and node.func.attr in DEFAULT_AT
        ):
            continue
        args: list[ast.expr | None] = []
        for arg in node.args:
            if isinstance(arg, ast.Starred):
                value = arg.value
                if not (
                    isinstance(value, ast.Attribute)
                    and isinstance(value.value, ast.Name)
                    and value.value.id == "lesson"
                ):
                    break  # a starred argument of unknown length: positions are lost
                args += [None] * len(getattr(lesson, value.attr))
            else:
                args.append(arg)
        at = DEFAULT_AT[node.func.attr]
        if len(args) <= at or args[at] is None or not isinstance(args[0], ast.Constant):
            continue
        try:
            default = ast.literal_eval(args[at])
        except ValueError:
            continue  # a name or an expression: the view takes it from the lesson
        key = args[0].value
        if found.get(key, default) != default:
            raise ValueError(f"app_pages/{concept}.py: control {key!r} has two defaults")
        found[key] = default
    return found


# -- timing --------------------------------------------------------------------------------------
class Split:
    """Milliseconds of one view, per phase: ``with split("lessons"): ...``."""

    def __init__(self) -> None:
        self.ms = dict.fromkeys(PHASES, 0.0)

    @contextlib.contextmanager
    def __call__(self, phase: str):
        start = time.perf_counter()
        try:
            yield
        finally:
            self.ms[phase] += (time.perf_counter() - start) * 1e3


def lesson_caches() -> dict[str, Callable]:
    """Every ``functools`` cache (``lru_cache``/``cache``) at the top of a lesson module."""
    return {
        f"{module.__name__.rsplit('.', 1)[-1]}.{name}": value
        for module in LESSON_MODULES
        for name, value in vars(module).items()
        if callable(getattr(value, "cache_clear", None))
        and getattr(value, "__module__", None) == module.__name__
    }


# -- the views, in learning order ----------------------------------------------------------------


def view_home(split: Split) -> list[go.Figure]:
    """app_pages/home.py."""
    lit = page_literals("home")
    with split("lessons"):
        preview = home.preview(lit["preview"])
    with split("text"):
        optimizer = {n: t(f"common.optimizer.{n}") for n in preview.paths}
        labels = {"play": t("common.play"), "pause": t("common.pause"), "step": t("common.step")}
        contour_title, loss_title = t("home.contour_title"), t("home.loss_title")
        xlabel, ylabel = t("common.step"), t("common.loss")
    with split("figures"):
        runs = {optimizer[n]: (xy, figures.COLORS[n]) for n, xy in preview.paths.items()}
        curves = {
            optimizer[n]: (preview.steps[n], preview.losses[n], figures.COLORS[n])
            for n in preview.paths
        }
        contour = figures.paths_on_contour(*preview.grid, runs, labels=labels, title=contour_title)
        loss = figures.loss_curves(
            curves, xlabel=xlabel, ylabel=ylabel, log_y=True, title=loss_title
        )
    return [contour, loss]


def view_gradient_descent(split: Split) -> list[go.Figure]:
    """app_pages/gradient_descent.py."""
    lesson, fig, formulas = gradient_descent, gradient_descent_fig, gradient_descent_tex
    lit = page_literals("gradient_descent")
    with split("lessons"):
        data = lesson.parabola()
    with split("text"):
        formulas.expansion(data)
        [formulas.lr_label(v, data) for v in data.lr_options]  # the lr slider's format_func
    lr, w0, steps, k = lesson.DEFAULT_LR, lit["gd_w0"], lit["gd_steps"], lit["gd_k"]
    with split("lessons"):
        lesson.last_step(steps)
        run = lesson.descent(lr, w0, steps, k)
    with split("text"):
        notes = [
            t(
                "gradient_descent.note",
                k=j,
                w=num(run.w[j]),
                slope=num(run.slope[j]),
                move=num(run.move[j]),
                new=num(run.new[j]),
            )
            for j in range(run.n_frames)
        ]
        playback = {key: t(f"common.{key}") for key in ("play", "pause", "step")}
        fig_labels = {key: t(f"gradient_descent.fig.{key}") for key in fig.DESCENT_LABELS}
        fig_labels |= playback | {"cost": t("common.loss")}
        fig_labels |= {key: t(f"gradient_descent.{key}") for key in ("bill", "tip")}
    with split("figures"):
        descent = fig.descent_figure(data, run, labels=fig_labels, notes=notes)
    with split("text"):
        formulas.slope(data, run)
        formulas.update(run)
        formulas.error(run)
        formulas.thresholds(data, run)
        formulas.condition(data)
    raw, rate, camera = lit["gd_raw"], lesson.DEFAULT_RATE, lit["cam"]
    w_start, b_start, steps2 = lit["gd_w2"], lit["gd_b2"], lit["gd_n2"]
    with split("lessons"):
        valley = lesson.valley(rate, w_start, b_start, steps2, raw)
    with split("text"):
        notes2 = [
            t("gradient_descent.note2", k=j, w=num(p[0]), b=num(p[1]), cost=num(cost))
            for j, (p, cost) in enumerate(zip(valley.path, valley.loss, strict=True))
        ]
        labels2 = playback | {
            "best": t("gradient_descent.fig.best_wb"),
            "path": t("common.optimizer.gd"),
        }
    with split("figures"):
        contour = fig.valley_contour(valley, labels=labels2, notes=notes2)
        surface = fig.valley_surface(valley, labels=labels2, camera=camera, notes=notes2)
    return [descent, contour, surface]


def view_local_optima(split: Split) -> list[go.Figure]:
    """app_pages/local_optima.py."""
    lesson, fig, formulas = local_optima, local_optima_fig, local_optima_tex
    lit = page_literals("local_optima")
    lr, steps, x0, y0 = lit["lr"], lit["steps"], lit["x0"], lit["y0"]
    noise, seed, extra = lit["noise"], lit["nseed"], lit["opt"]
    offset, saddle_noise, camera = lit["off"], lit["sn"], lit["cam"]
    out = []
    with split("lessons"):
        land = lesson.landscape()
    with split("text"):
        names = [
            t("local_optima.min_global") if kind == "global" else t("local_optima.min_local", i=i)
            for i, kind in enumerate(land.kinds)
        ]
        kind_names = {
            "global": t("common.global_min"),
            "local": t("common.local_min"),
            "saddle": t("common.saddle"),
        }
        method_names = {key: t(f"common.optimizer.{key}") for key in ("gd", "momentum", "adam")}
        method_names["noisy"] = t("local_optima.noisy_name")
        plain_name, noisy_name = method_names["gd"], method_names["noisy"]
        labels = {key: t(f"common.{key}") for key in ("play", "pause", "step", "start")}
        land_labels = {
            key: t(f"local_optima.{key}") for key in ("surface_title", "contour_title", "minima")
        }
    # 1. the surface
    with split("figures"):
        out.append(fig.landscape_surface(land, names, camera=camera, labels=land_labels))
        out.append(fig.landscape_contour(land, names, labels=land_labels))
    # 2. one start, two runs
    with split("lessons"):
        one = lesson.start(lr, steps, x0, y0, noise, seed)
    with split("text"):
        paths_labels = labels | {"title": t("local_optima.paths_title")}
        paths_labels["points"] = land_labels["minima"]
        cost_labels = {"step": labels["step"], "cost": t("common.loss"), "floor": names[0]}
        cost_labels["title"] = t("local_optima.cost_title")
    with split("figures"):
        run_names = (plain_name, noisy_name)
        out.append(
            fig.section_paths(
                land.grid,
                land.minima,
                names,
                one,
                run_names=run_names,
                labels=paths_labels,
                cap=land.cap,
            )
        )
        out.append(fig.start_costs(one, run_names=run_names, labels=cost_labels))
    with split("text"):
        if one.plain.outcome != "diverged":
            formulas.last_step(one.plain, one.lr)
        formulas.noisy_step(one)
    # 3. basins of attraction
    with split("lessons"):
        basins = lesson.basins(lr, steps, noise, seed, extra)
    with split("text"):
        panel_names = [method_names[key] for key in basins.methods]
        unsettled, diverged = t("local_optima.unsettled"), t("local_optima.diverged")
    with split("figures"):
        out.append(
            fig.basin_maps(
                list(zip(panel_names, basins.maps, strict=True)),
                land.minima,
                names,
                unsettled=unsettled,
                diverged=diverged,
            )
        )
    with split("text"):
        formulas.global_share(basins)
        categories = [f"{n} ({cost:.2f})" for n, cost in zip(names, land.table_cost, strict=True)]
        categories += [unsettled, diverged]
        bar_labels = {"axis": t("local_optima.share_axis"), "title": t("local_optima.bars_title")}
    with split("figures"):
        out.append(fig.basin_shares(basins, panel_names, categories, labels=bar_labels))
    # 4. saddle points
    with split("lessons"):
        sad = lesson.saddle(lr, offset, saddle_noise, seed)
    with split("text"):
        saddle_names = (plain_name, t("local_optima.noisy_name_sigma", sigma=f"{saddle_noise:g}"))
        norm_labels = {"step": labels["step"], "axis": t("local_optima.gradnorm_axis")}
        norm_labels |= {"title": t("local_optima.gradnorm_title")}
        norm_labels |= {"band": t("local_optima.predicted_band")}
        saddle_labels = labels | {"title": t("local_optima.saddle_title")}
        saddle_labels |= {"points": t("local_optima.critical_points")}
    with split("figures"):
        out.append(fig.saddle_norms(sad, run_names=saddle_names, labels=norm_labels))
        out.append(
            fig.section_paths(
                sad.grid,
                sad.points,
                [kind_names[kind] for kind in sad.kinds],
                sad,
                run_names=saddle_names,
                labels=saddle_labels,
                cap=lesson.SADDLE_CAP,
            )
        )
    with split("text"):
        formulas.escape(sad)
    return out


def view_batch_sizes(split: Split) -> list[go.Figure]:
    """app_pages/batch_sizes.py (the built-in default table, no upload)."""
    lesson, fig, formulas = batch_sizes, batch_sizes_fig, batch_sizes_tex
    lit = page_literals("batch_sizes")
    choice = lesson.DEFAULT_TABLE
    task = "classification" if lit["cls"] else "regression"
    name = choice if choice in lesson.TABLES else lesson.DEFAULT_TABLE
    out = []
    with split("lessons"):
        prepared = lesson.builtin(name, task)
    X, y, m = prepared.X, prepared.y, prepared.m
    batch, lr = prepared.default_batch, lesson.DEFAULT_LR
    epochs, seed = lesson.EPOCHS[2], lesson.SEEDS[2]  # the sliders take *EPOCHS, *SEEDS
    with split("lessons"):
        view = lesson.overview(X, y, task, batch, epochs)
    nb = view.steps_per_epoch
    # 1. the data and the gradient
    with split("text"):
        labels = {key: t(f"batch_sizes.{key}") for key in ("feature", "mean", "std")}
    with split("figures"):
        fig.scaling_table(prepared, labels)
    epoch_view = lit["ep"] if view.viewable_epochs > 1 else 1
    k = lit["k"] if nb > 1 else 1
    j = lit["feat"]
    with split("lessons"):
        here = lesson.step(X, y, task, view.batch, lr, seed, epoch_view, k, j)
    with split("text"):
        labels = {"position_label": t("batch_sizes.position"), "row_label": t("batch_sizes.row")}
    with split("figures"):
        fig.batch_table(prepared, here, **labels)
    with split("text"):
        formulas.step(task, m, view.l2, lr, here)
    # 2. cost against four clocks
    with split("lessons"):
        runs = lesson.curves(X, y, task, view.batch, lr, epochs, seed)
    with split("text"):
        names = {"chosen": t("batch_sizes.chosen_name", batch=view.batch)}
        names["full"] = t("batch_sizes.full_name", m=m)
        labels = {"optimum": t("batch_sizes.optimum"), "y": t("common.loss")}
        for kind in ("x", "plot"):
            labels |= {f"{kind}.{clock}": t(f"batch_sizes.{kind}.{clock}") for clock in fig.CLOCKS}
    with split("figures"):
        out += fig.clock_curves(runs, names=names, optimum=view.best_cost, labels=labels)
    # 3. the path on the map
    feature = prepared.feature_name(j)
    with split("lessons"):
        cmap = lesson.contour(X, y, task, j, view.batch, lr, epochs, seed)
    with split("text"):
        labels = {"x": t("batch_sizes.axis_w", feature=feature), "y": t("batch_sizes.axis_b")}
        labels |= {"optimum": t("batch_sizes.optimum"), "start": t("common.start")}
        title = t("batch_sizes.contour_title")
    with split("figures"):
        out.append(fig.contour_paths(cmap, names=names, labels=labels, title=title))
    # 4. measured: the batch-size sweep
    with split("lessons"):
        points = [lesson.sweep_point(X, y, task, plan.batch) for plan in view.sweep_plan]
        sweep = lesson.sweep(tuple(points), m)
    with split("text"):
        labels = {key: t(f"batch_sizes.sweep.{key}") for key in fig.SWEEP_LABELS}
        labels["x"] = t("batch_sizes.batch")
        title = t("batch_sizes.sweep_title")
        columns = {key: t(f"batch_sizes.col.{key}") for key in fig.SWEEP_COLUMNS}
        not_reached = t("batch_sizes.not_reached_short")
        trial_columns = {key: t(f"batch_sizes.col.{key}") for key in fig.TRIAL_COLUMNS}
        outcomes = {key: t(f"batch_sizes.outcome.{key}") for key in fig.OUTCOMES}
    with split("figures"):
        out.append(fig.sweep_figure(sweep, chosen=view.batch, labels=labels, title=title))
        fig.sweep_table(sweep, columns, not_reached)
        fig.trial_table(sweep, trial_columns, outcomes)
    return out


def view_ewa(split: Split) -> list[go.Figure]:
    """app_pages/ewa.py (the built-in default series, no upload)."""
    lesson, fig, formulas = ewa, ewa_fig, ewa_tex
    lit = page_literals("ewa")
    choice = lesson.DEFAULT_SERIES
    b1, b2, b3 = lesson.BETA_DEFAULTS
    on2, on3, bias_correction = lit["on2"], lit["on3"], lit["bc"]
    out = []
    with split("lessons"):
        data = lesson.series(choice)
    # 1. the running average
    with split("lessons"):
        run = lesson.running(data.values, (b1, b2, b3), (True, on2, on3), bias_correction)
    with split("figures"):
        colors = fig.beta_colors(run.slots)
    with split("text"):
        beta_names = [t("ewa.beta_label", beta=num(b, 3)) for b in run.betas]
        formulas.last_step(run, colors)
        pairs = zip(run.betas, run.windows, strict=True)
        names = [t("ewa.curve_label", beta=num(b, 3), window=num(w)) for b, w in pairs]
        raw_label, title = t("ewa.raw"), t("ewa.overlay_title")
        xlabel = t("ewa.time") if data.dated else t("ewa.index")
    with split("figures"):
        curves = list(zip(names, run.shown, colors, strict=True))
        ylabel = fig.value_axis(data.value_name, data.unit)
        out.append(
            fig.overlay(
                data.x,
                data.values,
                curves,
                raw_label=raw_label,
                xlabel=xlabel,
                ylabel=ylabel,
                title=title,
            )
        )
    # 2. where the weight goes
    with split("lessons"):
        w = lesson.weights(lesson.WEIGHTS_BETA)
    with split("text"):
        formulas.unrolled(w, fig.WEIGHTS_COLOR)
        bar_text = {
            "xlabel": t("ewa.weights_x"),
            "ylabel": t("ewa.weights_y"),
            "window_label": t("ewa.window_mark", k=w.k_window),
            "level_label": t("ewa.level_mark"),
            "title": t("ewa.weights_title", beta=num(w.beta, 3)),
        }
        decay_text = {
            "xlabel": t("ewa.decay_x"),
            "curve_label": t("ewa.decay_curve"),
            "e_label": t("ewa.e_line"),
            "beta_label": t("ewa.beta_point"),
            "title": t("ewa.decay_title"),
        }
    with split("figures"):
        out.append(fig.weight_bars(w.weights, w.k_window, color=fig.WEIGHTS_COLOR, **bar_text))
        out.append(
            fig.decay_limit(
                w.decay_n,
                w.decay,
                n_beta=w.n_beta,
                value_beta=w.value_beta,
                color=fig.WEIGHTS_COLOR,
                **decay_text,
            )
        )
    with split("text"):
        formulas.window(w, fig.WEIGHTS_COLOR)
        headers = [t(k) for k in ("ewa.table_n", "ewa.table_beta", "ewa.table_value")]
        headers.append(t("ewa.table_gap"))
    with split("figures"):
        fig.decay_table(w.table_n, w.table_beta, w.table_value, w.table_gap, headers=headers)
    # 3. bias correction close up
    with split("lessons"):
        closeup = lesson.bias(data.values, run.betas)
    with split("text"):
        closeup_text = {
            "raw_label": t("ewa.raw"),
            "plain_label": t("ewa.plain"),
            "corrected_label": t("ewa.corrected"),
            "xlabel": t("ewa.step_t"),
            "title": t("ewa.closeup_title", n=closeup.first),
        }
        factor_text = {
            "xlabel": t("ewa.step_t"),
            "ylabel": t("ewa.factor_y"),
            "title": t("ewa.factor_title"),
        }
    with split("figures"):
        lines = list(zip(beta_names, closeup.plain, closeup.corrected, colors, strict=True))
        out.append(
            fig.bias_closeup(
                closeup.steps,
                closeup.raw,
                lines,
                ylabel=fig.value_axis(data.value_name, data.unit),
                **closeup_text,
            )
        )
        factors = list(zip(beta_names, closeup.factor, colors, strict=True))
        out.append(fig.correction_curves(closeup.t, factors, **factor_text))
    with split("text"):
        formulas.first_steps(closeup, colors[closeup.focus])
    # 4. the same average on noisy gradients
    batch_size = lesson.DEFAULT_BATCH
    with split("lessons"):
        noisy = lesson.noisy_gradients(batch_size, run.betas, bias_correction)
    with split("text"):
        stream_text = {
            "raw_label": t("ewa.grad_raw"),
            "full_label": t("ewa.grad_full", value=num(noisy.full, 3)),
            "xlabel": t("common.step"),
            "ylabel": t("ewa.grad_y"),
            "title": t("ewa.grad_title", bs=noisy.batch_size),
        }
    with split("figures"):
        averages = list(zip(beta_names, noisy.averages, colors, strict=True))
        out.append(
            fig.gradient_stream(noisy.steps, noisy.grads, averages, noisy.full, **stream_text)
        )
    return out


def view_momentum(split: Split) -> list[go.Figure]:
    """app_pages/momentum.py."""
    lesson, fig, formulas = momentum, momentum_fig, momentum_tex
    lr, beta = float(lesson.DEFAULT_LR), float(lesson.DEFAULT_BETA)
    kappa, steps, k = float(lesson.DEFAULT_KAPPA), int(lesson.DEFAULT_STEPS), lesson.DEFAULT_K
    out = []
    with split("text"):
        names = {"gd": t("common.optimizer.gd"), "momentum": t("common.optimizer.momentum")}
    # 1. the update rule with the numbers of step k
    with split("lessons"):
        rule = lesson.rule(lr, beta, kappa, steps, k)
    with split("text"):
        formulas.gradient(rule)
        formulas.velocity(rule)
        formulas.position(rule)
    # 2. the valley
    with split("lessons"):
        race = lesson.race(lr, beta, kappa, steps)
    with split("text"):
        formulas.valley(kappa)
        formulas.limits(race, lr)
    with split("lessons"):
        valley = lesson.valley(kappa)
    with split("text"):
        notes = [
            t("momentum.note", k=i, gd=num(a, 3), m=num(b, 3))
            for i, (a, b) in enumerate(zip(race.gd_loss, race.m_loss, strict=True))
        ]
        labels = {
            "play": t("common.play"),
            "pause": t("common.pause"),
            "step": t("common.step"),
            "start": t("common.start"),
            "cost": t("common.loss"),
            **names,
            **{key: t(f"momentum.fig.{key}") for key in ("minimum", "w", "b", "target")},
        }
    with split("figures"):
        out.append(
            fig.race(
                *valley, race.gd_path, race.m_path, start=lesson.START, labels=labels, notes=notes
            )
        )
    with split("lessons"):
        reach = lesson.reach(lr, beta, kappa)
    with split("figures"):
        out.append(
            fig.costs(
                race.gd_loss,
                race.m_loss,
                target=race.target,
                reached={"gd": reach.gd_steps, "momentum": reach.m_steps},
                labels=labels,
            )
        )
    # 3. the cancellation
    with split("lessons"):
        cancel = lesson.cancellation(lr, beta, kappa, steps)
    with split("text"):
        comp_labels = {
            "step": t("common.step"),
            **{key: t(f"momentum.fig.{key}") for key in ("g", "v", "g_plain")},
        }
        titles = [t("momentum.vertical_title"), t("momentum.horizontal_title")]
    with split("figures"):
        for axis, title in zip((1, 0), titles, strict=True):  # b (the steep direction), then w
            out.append(
                fig.components(
                    cancel.g[:, axis],
                    cancel.v[:, axis],
                    g_plain=cancel.g_plain[:, axis],
                    first=cancel.first,
                    labels=comp_labels,
                    title=title,
                )
            )
    with split("text"):
        if cancel.measured:
            formulas.means(cancel)
    # 4. choosing beta
    with split("lessons"):
        sweep = lesson.sweep(lr, kappa, beta)
    with split("text"):
        formulas.window(sweep)
        sweep_labels = {
            key: t(f"momentum.fig.{key}") for key in ("beta", "steps", "diverged", "not_reached")
        }
    with split("figures"):
        out.append(fig.sweep(sweep.rows, chosen=beta, labels=sweep_labels))
    return out


def view_rmsprop(split: Split) -> list[go.Figure]:
    """app_pages/rmsprop.py (its sliders take ``*lesson.KAPPA``: min, max, default, step)."""
    lesson, fig, formulas = rmsprop, rmsprop_fig, rmsprop_tex
    kappa, lr, beta = lesson.KAPPA[2], lesson.LR, lesson.BETA[2]
    eps, gd_lr, steps, k = lesson.EPS, lesson.GD_LR, lesson.STEPS[2], lesson.K[2]
    colors = figures.COLORS
    out = []
    with split("lessons"):
        setup = lesson.setup(kappa, lr, beta, eps, gd_lr, steps)
        first = lesson.first_move(setup)
        valley = lesson.valley(setup)
    with split("text"):
        names = {"gd": t("common.optimizer.gd"), "rmsprop": t("common.optimizer.rmsprop")}
    # 1. the update rule
    with split("lessons"):
        step = lesson.update(setup, k)
    with split("text"):
        if step.live:
            formulas.update(step)
        formulas.first_step(first)
    # 2. the valley
    with split("text"):
        labels = {"play": t("common.play"), "pause": t("common.pause"), "step": t("common.step")}
        start = valley.rms_path[0]
        # the page's fmt(x) is num(x, 3) and its short(x) num(x, 6)
        notes = [t("rmsprop.frame_start", w=num(start[0], 3), b=num(start[1], 3))] + [
            t("rmsprop.frame_note", k=j, rate_w=num(rate_w, 3), rate_b=num(rate_b, 3))
            for j, (rate_w, rate_b) in enumerate(valley.rates[1:], start=1)
        ]
        valley_title = t("rmsprop.valley_title", kappa=num(valley.kappa, 3))
        cost_text = {
            "target_label": t("rmsprop.target", target=num(valley.target, 6)),
            "xlabel": t("common.step"),
            "ylabel": t("common.loss"),
            "title": t("rmsprop.cost_title"),
        }
    with split("figures"):
        grid = valley.grid
        paths = {
            names["gd"]: (valley.gd_path, colors["gd"]),
            names["rmsprop"]: (valley.rms_path, colors["rmsprop"]),
        }
        out.append(
            fig.valley(
                grid.xs, grid.ys, grid.z, paths, labels=labels, notes=notes, title=valley_title
            )
        )
        losses = {
            names["gd"]: (valley.gd_loss, colors["gd"]),
            names["rmsprop"]: (valley.rms_loss, colors["rmsprop"]),
        }
        out.append(fig.cost(valley.steps, losses, target=valley.target, **cost_text))
    # 3. one learning rate per coordinate
    with split("lessons"):
        per = lesson.rates(setup)
    with split("text"):
        sqrt_s_text = {
            "names": (t("rmsprop.sqrt_s_w"), t("rmsprop.sqrt_s_b")),
            "xlabel": t("common.step"),
            "ylabel": t("rmsprop.sqrt_s_y"),
            "title": t("rmsprop.sqrt_s_title"),
        }
        rate_text = {
            "names": (t("rmsprop.rate_w"), t("rmsprop.rate_b")),
            "xlabel": t("common.step"),
            "ylabel": t("rmsprop.rate_y"),
            "title": t("rmsprop.rate_title"),
        }
        gd_text = t("rmsprop.rate_gd", lr=num(per.gd_lr, 6))
    with split("figures"):
        s = per.sqrt_s
        out.append(
            fig.per_coordinate(per.steps, s[:, 0], s[:, 1], color=colors["rmsprop"], **sqrt_s_text)
        )
        out.append(
            fig.per_coordinate(
                per.steps,
                per.rates[:, 0],
                per.rates[:, 1],
                color=colors["rmsprop"],
                gd=(per.gd_lr, gd_text, colors["gd"]),
                **rate_text,
            )
        )
    with split("text"):
        if per.ratios.last:
            formulas.ratio(per)
    # 4. near the minimum
    with split("lessons"):
        near = lesson.near_minimum(setup)
    with split("text"):
        distance_text = {
            "lr_label": t("rmsprop.alpha_line", lr=num(near.lr, 6)),
            "xlabel": t("common.step"),
            "ylabel": t("rmsprop.dist_y"),
            "title": t("rmsprop.dist_title"),
        }
    with split("figures"):
        distances = {
            names["gd"]: (near.gd_distance, colors["gd"]),
            names["rmsprop"]: (near.rms_distance, colors["rmsprop"]),
        }
        out.append(fig.distance(near.steps, distances, lr=near.lr, **distance_text))
    return out


ADAM_CRITICAL = {  # the page's CRITICAL (a page cannot be imported: it runs Streamlit)
    "global": "common.global_min",
    "local": "common.local_min",
    "saddle": "common.saddle",
}


def view_adam(split: Split) -> list[go.Figure]:
    """app_pages/adam.py (own start and own learning rates off, as by default)."""
    lesson, fig, formulas = adam, adam_fig, adam_tex
    lit = page_literals("adam")
    surf = lesson.SURFACES[0]  # the page's DEFAULT_SURFACE
    kappa, own_start, tune = lesson.KAPPA[2], lit["a_own"], lit["a_tune"]
    x0, y0 = lesson.DEFAULT_START[surf]  # own start off: the surface's own start
    steps, b1, b2, bc = lesson.STEPS_DEFAULT, lesson.B1[2], lesson.B2_DEFAULT, lit["a_bc"]
    lrs = [lesson.LR_DEFAULT for _ in lesson.RACERS] if tune else []
    k, coord, camera = lesson.K[2], lesson.COORDS[0], lit["cam"]
    racers = lesson.RACERS
    colors = {n: figures.COLORS[n] for n in racers}
    out = []
    with split("lessons"):
        setup = lesson.setup(surf, kappa, own_start, x0, y0, steps, b1, b2, bc, tune, tuple(lrs))
        race = lesson.race(setup)
    with split("text"):
        names = {n: t(f"common.optimizer.{n}") for n in racers}
    # 1. three pieces
    with split("lessons"):
        live = lesson.live(setup, k)
    with split("text"):
        if live.n_ok:
            for c in live.coords:
                formulas.live_coordinate(live, c)
    # 2. bias correction close up
    with split("lessons"):
        near = lesson.closeup(setup, coord)
    with split("text"):
        keys = ("g", "v", "v_hat", "g2", "s", "s_hat")
        closeup_labels = {key: t(f"adam.trace_{key}") for key in keys}
        closeup_labels |= {s: t(f"adam.closeup_{s}", coord=near.coord) for s in ("left", "right")}
    with split("figures"):
        if near.count:
            out.append(fig.bias_closeup(near, labels=closeup_labels))
    with split("text"):
        formulas.first(near)
    # 3. the race
    with split("text"):
        step_label = t("common.step")
        labels = {"play": t("common.play"), "pause": t("common.pause"), "step": step_label}
        critical_labels = {kind: t(key) for kind, key in ADAM_CRITICAL.items()}
        start_label, gap_label = t("common.start"), t("adam.gap")
    with split("figures"):
        runs = {fig.racer(names[n], race.lrs[n]): (race.paths[n], colors[n]) for n in racers}
        grid = race.grid
        out.append(
            fig.race_contour(
                grid.xs,
                grid.ys,
                grid.z,
                runs,
                labels=labels,
                annotations=fig.race_notes(step_label, race.frame_steps, race.frame_costs, colors),
                log_scale=race.log_scale,
                critical_points=race.critical_points,
                critical_labels=critical_labels,
                start_label=start_label,
                steps=race.frame_steps,
                start=setup.start,
            )
        )
        curves = {names[n]: (race.steps, race.gaps[n], colors[n]) for n in racers}
        out.append(fig.race_costs(curves, xlabel=step_label, ylabel=gap_label))
    # 4. the surface in 3-D
    with split("lessons"):
        view = lesson.landscape(setup)
    with split("text"):
        zlabel = t("adam.height_log") if view.log_height else t("adam.height")
    with split("figures"):
        paths3d = {names[n]: (xy, height, colors[n]) for n, (xy, height) in view.paths.items()}
        out.append(
            fig.race_surface(
                view.grid.xs, view.grid.ys, view.grid.z, paths3d, camera=camera, zlabel=zlabel
            )
        )
    return out


VIEWS: dict[str, Callable[[Split], list[go.Figure]]] = {
    "home": view_home,
    "gradient_descent": view_gradient_descent,
    "local_optima": view_local_optima,
    "batch_sizes": view_batch_sizes,
    "ewa": view_ewa,
    "momentum": view_momentum,
    "rmsprop": view_rmsprop,
    "adam": view_adam,
}


# -- measuring -----------------------------------------------------------------------------------


def measure(view: Callable[[Split], list[go.Figure]], repeats: int) -> dict[str, float]:
    """Medians (ms) per phase and of the JSON, and the figures' count, KiB and frames."""
    caches = lesson_caches().values()
    view(Split())  # warm-up: imports, Plotly's validators, first numpy calls
    times: dict[str, list[float]] = {phase: [] for phase in (*PHASES, "json")}
    for _ in range(repeats):
        for cache in caches:
            cache.cache_clear()
        split = Split()
        figs = view(split)
        for phase, ms in split.ms.items():
            times[phase].append(ms)
        start = time.perf_counter()
        payloads = [plotly.io.to_json(f, validate=False) for f in figs]  # as st.plotly_chart
        times["json"].append((time.perf_counter() - start) * 1e3)
    result = {phase: statistics.median(values) for phase, values in times.items()}
    result["figures_n"] = len(figs)
    result["kib"] = sum(len(p) for p in payloads) / 1024
    result["frames"] = sum(len(f.frames or ()) for f in figs)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7, help="views per page (default 7)")
    parser.add_argument(
        "--pages",
        default=",".join(VIEWS),
        help=f"comma-separated, of: {', '.join(VIEWS)} (default: all)",
    )
    args = parser.parse_args()
    pages = [p.strip() for p in args.pages.split(",") if p.strip()]
    unknown = [p for p in pages if p not in VIEWS]
    if unknown:
        parser.error(f"unknown page(s) {', '.join(unknown)}; pages: {', '.join(VIEWS)}")
    if args.repeats < 1:
        parser.error("--repeats must be at least 1")

    print(
        f"numpy {np.__version__}, plotly {plotly.__version__}; median of {args.repeats} views "
        f"per page at the default settings (after one warm-up view)"
    )
    print(f"lessons cold: {len(lesson_caches())} caches cleared before each view: ", end="")
    print(", ".join(lesson_caches()))
    head = ("page", "lessons ms", "text ms", "figures ms", "json ms", "figs", "KiB", "frames")
    line = "{:<17}{:>11}{:>9}{:>12}{:>9}{:>6}{:>9}{:>8}"
    print(line.format(*head))
    total = time.perf_counter()
    for page in pages:
        r = measure(VIEWS[page], args.repeats)
        print(
            line.format(
                page,
                f"{r['lessons']:.1f}",
                f"{r['text']:.1f}",
                f"{r['figures']:.1f}",
                f"{r['json']:.1f}",
                r["figures_n"],
                f"{r['kib']:,.0f}",
                r["frames"],
            )
        )
    print(f"({time.perf_counter() - total:.0f} s in all)")


if __name__ == "__main__":
    main()
