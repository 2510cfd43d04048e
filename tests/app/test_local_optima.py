"""AppTest: the local-optima page in both languages, its basin map, extra optimizers, extremes."""

import json

import numpy as np
import pytest

from tests.app.helpers import chart, chart_specs, open_app
from ui import text

PAGE = "app_pages/local_optima.py"


def open_page(lang="en", **params):
    at = open_app(PAGE, lang, timeout=60, **params)
    return at


def spec_of(at, key):
    """The chart drawn with ``key=key`` as plain JSON (arrays not decoded, to compare runs)."""
    (found,) = [c.proto.spec for c in at.get("plotly_chart") if c.proto.id.endswith(f"-{key}")]
    return json.loads(found)


def basin_figure(at):
    """The figure whose traces are heatmaps (the basin maps), decoded."""
    found = [s for s in chart_specs(at) if any(tr.get("type") == "heatmap" for tr in s["data"])]
    assert len(found) == 1
    return chart(at, "lo_basins")


def metric_values(at):
    return [m.value for m in at.metric]


@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_page_renders_with_basin_map(lang):
    at = open_page(lang)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == text.get("local_optima.title", lang)
    fig = basin_figure(at)
    heatmaps = [tr for tr in fig["data"] if tr["type"] == "heatmap"]
    assert len(heatmaps) == 2  # plain and noisy gradient descent
    rows, cols = heatmaps[0]["z"].shape  # plotly's binary array, decoded
    assert rows >= 100 and cols >= 100
    # two global-minimum shares, as percentages
    assert len(at.metric) == 2
    assert all(v.endswith("%") for v in metric_values(at))
    # the 3-D surface is there, with camera presets
    assert any(tr.get("type") == "surface" for s in chart_specs(at) for tr in s["data"])
    assert at.segmented_control(key="cam").value == "iso"


def test_default_start_names_where_each_run_ended():
    # from (1.5, 0.5) plain descent stops in a local minimum, the noisy run (seed 0) in the global
    at = open_page("en")
    sentences = " ".join(m.value for m in at.markdown)
    plain = text.get("common.optimizer.gd", "en")
    noisy = text.get("local_optima.noisy_name", "en")
    assert f"**{plain}** ended in **local" in sentences
    assert f"**{noisy}** ended in the **global minimum**" in sentences


def test_noise_raises_the_global_share_at_the_defaults():
    at = open_page("en")
    plain, noisy = (float(v.rstrip("%")) for v in metric_values(at))
    assert noisy > plain


@pytest.mark.parametrize("optimizer", ["momentum", "adam"])
def test_selecting_momentum_or_adam_adds_a_third_map(optimizer):
    at = open_page("en")
    at.segmented_control(key="opt").set_value(optimizer).run()
    assert not at.exception, [e.value for e in at.exception]
    heatmaps = [tr for tr in basin_figure(at)["data"] if tr["type"] == "heatmap"]
    assert len(heatmaps) == 3
    assert len(at.metric) == 3
    bars = [tr for s in chart_specs(at) for tr in s["data"] if tr.get("type") == "bar"]
    assert text.get(f"common.optimizer.{optimizer}", "en") in [b["name"] for b in bars]


def test_extra_optimizer_from_a_korean_link():
    label = text.get("local_optima.extra.adam", "ko")  # "Adam" in both: the link still works
    at = open_page("ko", opt=label)
    assert not at.exception
    assert len(at.metric) == 3


LOW = dict(lr="0.005", steps="50", x0="-3.0", y0="-3.0", noise="0.0", nseed="0", off="0", sn="0.0")
HIGH = dict(
    lr="0.12", steps="1000", x0="3.0", y0="3.0", noise="6.0", nseed="9999", off="0.1", sn="1.0"
)


@pytest.mark.parametrize("params", [LOW, HIGH], ids=["low", "high"])
@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_sliders_at_their_ends(params, lang):
    at = open_page(lang, **params)
    assert not at.exception, [e.value for e in at.exception]
    assert at.slider(key="lr").value == float(params["lr"])
    assert at.slider(key="x0").value == float(params["x0"])
    basin_figure(at)  # still drawn


def test_low_end_reports_unsettled_starts_and_the_stuck_saddle_run():
    # 50 tiny steps: most starts do not settle; offset 0 and no noise: the saddle run never leaves
    at = open_page("en", **LOW)
    captions = " ".join(c.value for c in at.caption)
    assert "did not settle" in captions
    sentences = " ".join(m.value for m in at.markdown)
    assert "had not left it after" in sentences
    assert at.select_slider(key="off").value == 0.0
    assert any(r"\delta = 0" in x.value for x in at.latex)


def heatmap_codes(trace):
    return np.asarray(trace["z"])  # decoded by chart()


def test_high_end_shows_diverged_starts():
    # lr 0.12 is above 2/curvature near the walls and σ = 6 kicks runs there: many noisy starts
    # diverge; they get the last colour code (after the 9 minima and "did not settle")
    at = open_page("en", **HIGH)
    traces = basin_figure(at)["data"]
    plain, noisy = [tr for tr in traces if tr["type"] == "heatmap"]
    legend = [tr["name"] for tr in traces if tr["type"] == "scatter" and tr.get("name")]
    diverged_code = round(plain["zmax"] - 0.5)  # the last code (after 9 minima, "unsettled")
    assert legend[-1] == text.get("local_optima.diverged", "en") and diverged_code == 10
    assert (heatmap_codes(noisy) == diverged_code).mean() > 0.2
    captions = [c.value for c in at.caption if "diverged:" in c.value]
    shares = [float(c.split("diverged:")[1].strip().rstrip("%")) for c in captions]
    assert max(shares) > 20


def test_sliders_change_the_paths_but_not_the_3d_surface():
    at = open_page("en")
    surface_before = spec_of(at, "lo_surface")
    paths_before = spec_of(at, "lo_paths")
    at.slider(key="x0").set_value(-1.0).run()
    assert not at.exception
    assert spec_of(at, "lo_surface")["data"] == surface_before["data"]
    assert spec_of(at, "lo_paths") != paths_before


def test_garbage_url_values_fall_back_to_defaults():
    at = open_page("en", lr="banana", opt="nonsense", off="x", cam="moon")
    assert not at.exception
    assert at.slider(key="lr").value == 0.05
    assert at.segmented_control(key="opt").value == "none"


def test_reset_button_restores_defaults():
    at = open_page("en", x0="-2.0", noise="4.0", opt="Adam")
    assert at.slider(key="x0").value == -2.0
    at.button(key="_reset_local_optima").click().run()
    assert not at.exception
    assert at.slider(key="x0").value == 1.5
    assert at.slider(key="noise").value == 2.0
    assert at.segmented_control(key="opt").value == "none"


@pytest.mark.parametrize("seed", ["inf", "-inf", "1e999", "11111111111111111111"])
def test_a_seed_out_of_range_in_the_link_does_not_crash(seed):
    # issue 10: int(inf) raised OverflowError; the lesson clamps the seed to the slider's range
    at = open_page("en", nseed=seed)
    assert not at.exception, [e.value for e in at.exception]
    assert len(at.metric) == 2


@pytest.mark.parametrize("key", ["cam", "opt"])
def test_an_empty_option_in_the_link_falls_back_to_the_default(key):
    # issue 10: ?cam= / ?opt= clear the control to None (KeyError: None)
    at = open_page("en", **{key: ""})
    assert not at.exception, [e.value for e in at.exception]
    assert len(at.metric) == 2  # no extra optimizer: plain and noisy maps only


# -- issue 10: garbage in a link, the page's layout, what to look at ---------------------------
GARBAGE = [
    ("nseed", "inf"),
    ("nseed", "-1e999"),
    ("nseed", "11111111111111111111"),
    ("nseed", "nan"),
    ("seed", "Infinity"),  # batch sizes' seed: no control here, simply ignored
    ("cam", ""),
    ("cam", "moon"),
    ("opt", ""),
    ("opt", "x" * 500),
    ("off", ""),
    ("off", "nan"),
    ("off", "1e999"),
    ("lr", "-1e999"),
    ("steps", "inf"),
    ("x0", "nan"),
    ("y0", ""),
    ("noise", "1e999"),
    ("sn", "Infinity"),
]
DEFAULTS = dict(lr=0.05, steps=500, x0=1.5, y0=0.5, noise=2.0, sn=0.3)


@pytest.mark.parametrize("key, raw", GARBAGE, ids=[f"{k}={v[:12]}" for k, v in GARBAGE])
def test_garbage_in_any_bound_parameter_gives_the_default_page(key, raw):
    at = open_page("en", **{key: raw})
    assert not at.exception, [e.value for e in at.exception]
    assert len(at.get("plotly_chart")) == 7  # the whole page is drawn
    for name, value in DEFAULTS.items():
        assert at.slider(key=name).value == value, name
    assert at.number_input(key="nseed").value == 0
    assert at.select_slider(key="off").value == 1e-3
    assert at.segmented_control(key="cam").value == "iso"
    assert at.segmented_control(key="opt").value == "none"


def test_a_korean_camera_label_in_an_english_link_keeps_its_short_key():
    at = open_page("en", cam="위에서")
    assert not at.exception
    assert at.segmented_control(key="cam").value == "top"
    assert at.query_params["cam"] in ("top", ["top"])  # the address keeps the setting


@pytest.mark.parametrize("raw, value", [("0", 0.0), ("0.0", 0.0), ("1e-6", 1e-6), ("0.001", 1e-3)])
def test_an_offset_equal_to_an_option_is_taken(raw, value):
    # ?off=0 was dropped once the shown option ("0") and the option (0.0) differed
    at = open_page("en", off=raw)
    assert not at.exception
    assert at.select_slider(key="off").value == value
    assert not any("cannot be used" in w.value for w in at.warning)


def test_only_the_shared_settings_are_in_the_sidebar():
    # issue 9: a control that changes one section lives in that section (a fragment)
    at = open_page("en")
    in_sidebar = {s.key for s in at.sidebar.slider} | {n.key for n in at.sidebar.number_input}
    assert in_sidebar == {"lr", "steps", "noise", "nseed"}
    in_main = {s.key for s in at.main.slider} | {s.key for s in at.main.select_slider}
    assert {"x0", "y0", "off", "sn"} <= in_main
    assert {g.key for g in at.main.segmented_control} == {"cam", "opt"}


@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_every_chart_has_a_line_saying_what_to_look_at(lang):
    # issue 10: one line under every chart, with the run's numbers
    from optim_core.lessons import local_optima as lesson
    from ui.formulas import local_optima as formulas

    at = open_page(lang)
    look = text.get("local_optima.look.paths", lang, x="", y="").split(":")[0]  # "*What to look at"
    lines = [m.value for m in at.markdown if m.value.startswith(look)]
    assert len(lines) == len(at.get("plotly_chart")) == 7

    def lo(key, **fields):
        return text.get(f"local_optima.{key}", lang, **fields)

    one = lesson.start(0.05, 500, 1.5, 0.5, 2.0, 0)
    basins = lesson.basins(0.05, 500, 2.0, 0, "none")
    sad = lesson.saddle(0.05, 1e-3, 0.3, 0)
    plain = text.get("common.optimizer.gd", lang)
    panels = [plain, lo("noisy_name")]
    key, fields = formulas.costs_key_fields(one)
    expected = [
        lo("look.surface", **formulas.surface_fields(lesson.landscape())),
        lo("look.paths", x="1.5", y="0.5"),
        lo(key, **fields),
        lo("look.basins", moved=formulas.moved_percent(basins)),
        lo("look.bars", items=formulas.bar_items(basins, panels)),
        lo("look.norms", **formulas.norms_fields(sad)),
        lo("look.saddle", x="1.5", y="0.001"),
    ]
    assert key == "look.costs" and fields["flat"] == one.plain.flat_from > 0
    for want, line in zip(expected, lines, strict=True):
        assert line.startswith(want), (want, line)
    assert "-2.24" in lines[0] and "26.2%" in lines[4]  # the global minimum, noisy's share


def test_the_table_of_minima_lists_every_minimum_with_its_cost():
    from optim_core.lessons import local_optima as lesson

    at = open_page("en")
    land = lesson.landscape()
    (table,) = [m.value for m in at.markdown if m.value.startswith("| minimum")]
    rows = table.splitlines()[2:]
    assert len(rows) == land.n_minima
    assert all(f"{cost:.4f}" in row for cost, row in zip(land.table_cost, rows, strict=True))
