"""The lesson of the EWA page, against hand-worked values and the recursion itself.

The first tests (the facts about the average) moved here from tests/core/test_ewa_lessons.py;
the section functions follow, each checked without Streamlit.
"""

import math

import numpy as np
import pytest

from optim_core import datasets
from optim_core.ewa import ewa
from optim_core.lessons import ewa as lesson
from optim_core.lessons.ewa import (
    INV_E,
    correction_factor,
    decay_to_e,
    minibatch_gradients,
    normalized_weights,
    pandas_ewm,
    window_ratio,
    window_weight_index,
)
from optim_core.losses import LinearRegression


def test_ewa_matches_the_recursion_written_out_by_hand():
    # beta = 0.9, theta = 10, 20, 30:
    # V1 = 0.1*10 = 1, V2 = 0.9*1 + 0.1*20 = 2.9, V3 = 0.9*2.9 + 0.1*30 = 5.61
    assert ewa([10.0, 20.0, 30.0], 0.9) == pytest.approx([1.0, 2.9, 5.61])
    # corrected: 1/0.1 = 10, 2.9/0.19 = 15.263.., 5.61/0.271 = 20.701..
    assert ewa([10.0, 20.0, 30.0], 0.9, bias_correction=True) == pytest.approx(
        [10.0, 2.9 / 0.19, 5.61 / 0.271]
    )


def test_one_over_e_limit_by_hand():
    assert decay_to_e([1, 2, 3, 4]) == pytest.approx([0.0, 0.25, 8 / 27, 81 / 256])
    assert decay_to_e(10) == pytest.approx(0.9**10)


def test_one_over_e_limit_rises_monotonically_towards_one_over_e():
    n = np.unique(np.geomspace(1, 1e6, 400).round())
    values = decay_to_e(n)
    assert np.all(np.diff(values) > 0)
    assert np.all(values < INV_E)
    assert values[-1] == pytest.approx(INV_E, abs=1e-6)
    # the gap closes like 1/(2en): 1/e - (1-1/n)^n ≈ 1/(2 e n)
    assert (INV_E - decay_to_e(1000)) * 2 * math.e * 1000 == pytest.approx(1.0, rel=2e-3)


def test_decay_to_e_refuses_non_whole_or_small_n():
    with pytest.raises(ValueError):
        decay_to_e(0)
    with pytest.raises(ValueError):
        decay_to_e(2.5)


@pytest.mark.parametrize("beta", [0.9, 0.925, 0.95, 0.98, 0.99, 0.995, 0.999])
def test_weight_one_window_back_is_within_six_percent_of_one_over_e(beta):
    k = window_weight_index(beta)
    newest = (1 - beta) * beta**0
    at_window = (1 - beta) * beta**k
    assert abs(at_window / newest - INV_E) / INV_E < 0.06


def test_window_ratio_at_ninety_percent():
    # the lesson's example: 0.9**10 = 0.349 against 1/e = 0.368
    assert window_ratio(0.9) == pytest.approx(0.3486784401)
    assert window_weight_index(0.9) == 10
    assert window_ratio(0.0) == 0.0
    assert window_ratio(0.5) == pytest.approx(0.25)


def test_correction_factor_by_hand():
    # beta = 0.9: 1/(1-0.9) = 10, 1/(1-0.81) = 5.263.., 1/(1-0.729) = 3.690..
    assert correction_factor(0.9, [1, 2, 3]) == pytest.approx([10.0, 1 / 0.19, 1 / 0.271])
    # beta = 0.5: 2, 4/3, 8/7
    assert correction_factor(0.5, [1, 2, 3]) == pytest.approx([2.0, 4 / 3, 8 / 7])
    assert correction_factor(0.0, [1, 5]) == pytest.approx([1.0, 1.0])


def test_correction_factor_matters_only_at_the_start():
    t = np.arange(1, 2001)
    factor = correction_factor(0.98, t)
    assert np.all(np.diff(factor) <= 0) and np.all(np.diff(factor[:500]) < 0)
    assert factor[0] == pytest.approx(50.0)
    assert factor[-1] == pytest.approx(1.0, abs=1e-12)
    # below 1.01 once beta**t < 0.0099, i.e. t >= log(0.0099)/log(0.98) ≈ 228.4
    assert np.argmax(factor < 1.01) + 1 == 229


def test_correction_factor_refuses_step_zero():
    with pytest.raises(ValueError):
        correction_factor(0.9, 0)


def test_corrected_average_is_the_weighted_mean_with_weights_summing_to_one():
    theta = np.array([3.0, -1.0, 4.0, 1.0, 5.0])
    for beta in (0.0, 0.5, 0.9, 0.999):
        for t in range(1, len(theta) + 1):
            w = normalized_weights(beta, t)
            assert w.sum() == pytest.approx(1.0)
            by_weights = np.dot(w, theta[:t][::-1])
            assert ewa(theta[:t], beta, bias_correction=True)[-1] == pytest.approx(by_weights)
    # beta = 0.5, t = 3: weights 4/7, 2/7, 1/7 on the newest, the one before, the first
    assert normalized_weights(0.5, 3) == pytest.approx([4 / 7, 2 / 7, 1 / 7])


@pytest.mark.parametrize("beta", [0.0, 0.5, 0.9, 0.98])
def test_pandas_ewm_adjust_true_is_the_corrected_average(beta):
    series = np.random.default_rng(1).normal(size=300)
    assert pandas_ewm(series, beta) == pytest.approx(ewa(series, beta, bias_correction=True))


def test_minibatch_gradients_average_to_the_full_gradient_over_an_epoch():
    rng = np.random.default_rng(3)
    X = rng.normal(size=(40, 2))
    y = X @ [1.5, -2.0] + 0.3 + rng.normal(scale=0.1, size=40)
    loss = LinearRegression(X, y)
    point = np.zeros(3)
    grads = minibatch_gradients(loss, point, batch_size=10, steps=12, seed=0)
    assert grads.shape == (12, 3)
    # one epoch = 4 equal batches covering every row once: their mean is the full gradient
    assert grads[:4].mean(axis=0) == pytest.approx(loss.grad(point))
    assert grads[4:8].mean(axis=0) == pytest.approx(loss.grad(point))
    # the batches differ, so the gradients are noisy
    assert np.ptp(grads[:, 0]) > 0.1
    # a fixed seed reproduces the stream
    assert np.array_equal(grads, minibatch_gradients(loss, point, 10, 12, seed=0))


# -- the section functions ------------------------------------------------------------------


THETA = np.array([10.0, 20.0, 30.0, 40.0])


def test_running_writes_out_the_last_step_by_hand():
    # sliders 0.9, 0.5, 0.3 with the second switched off: the first and third averages
    run = lesson.running(THETA, (0.9, 0.5, 0.3), (True, False, True), False)
    assert run.betas == (0.9, 0.3) and run.slots == (0, 2)
    assert run.windows == pytest.approx((10.0, 1 / 0.7))
    assert run.rests == pytest.approx((0.1, 0.7))
    # β = 0.9: V = 1, 2.9, 5.61, 9.049; the last step is 0.9 · 5.61 + 0.1 · 40
    assert run.plain[0] == pytest.approx([1.0, 2.9, 5.61, 9.049])
    assert run.v_prev[0] == pytest.approx(5.61) and run.v_last[0] == pytest.approx(9.049)
    assert run.corrected_last[0] == pytest.approx(9.049 / (1 - 0.9**4))
    assert run.last_value == 40.0 and run.n == 4
    assert np.array_equal(run.shown, run.plain)
    assert run.too_long == (True, False)  # a window of 10 points on 4 values
    assert run.start_warning and not run.has_zero
    corrected = lesson.running(THETA, (0.9, 0.5, 0.3), (True, False, True), True)
    assert np.array_equal(corrected.shown, corrected.corrected)
    assert corrected.corrected[0, 0] == pytest.approx(10.0)  # V̂_1 = θ_1
    assert not corrected.start_warning


def test_running_rounds_the_sliders_and_knows_beta_zero():
    run = lesson.running(THETA, (0.0, 0.9000000001, 0.98), (True, True, False), False)
    assert run.betas == (0.0, 0.9) and run.has_zero
    assert run.plain[0] == pytest.approx(THETA)  # β = 0 keeps no past
    assert run.windows[0] == 1.0


def test_a_constant_series_is_named_and_its_corrected_averages_equal_it():
    run = lesson.running(np.full(12, 5.0), (0.5, 0.9, 0.98), (True, True, True), True)
    assert run.constant and not lesson.running(THETA, (0.5,), (True,), True).constant
    assert run.corrected == pytest.approx(np.full((3, 12), 5.0))
    # uncorrected, the first step is (1 - β)·5: 2.5, 0.5 and 0.1, rising towards 5
    assert run.plain[:, 0] == pytest.approx([2.5, 0.5, 0.1])


def test_values_near_the_largest_float_do_not_overflow():
    huge = np.array([1e308, 1.7e308] * 6)
    run = lesson.running(huge, (0.5, 0.9, 0.98), (True, True, True), False)  # RuntimeWarning: error
    assert np.isfinite(run.plain).all() and run.start_warning
    assert not lesson.running(np.array([1.0, -1.0] * 6), (0.98,), (True,), False).start_warning


def test_weights_of_ninety_percent():
    w = lesson.weights(0.9)
    assert w.k_window == 10 and w.count == 31  # 3 windows + the newest
    assert w.weights[:3] == pytest.approx([0.1, 0.09, 0.081])
    assert w.share == pytest.approx(1 - 0.9**31) and w.cut  # 96 % of the weight is drawn
    assert w.ratio == pytest.approx(0.9**10) and w.window == pytest.approx(10.0)
    assert w.gap == pytest.approx(0.9**10 - math.exp(-1))
    assert (w.n_beta, w.value_beta) == pytest.approx((10.0, 0.9**10))
    assert list(w.table_n) == list(lesson.DECAY_N)
    assert w.table_beta[:3] == pytest.approx([0.0, 0.5, 2 / 3])
    assert w.table_value[:3] == pytest.approx([0.0, 0.25, 8 / 27])
    assert w.table_gap == pytest.approx(INV_E - w.table_value)
    assert np.all(np.diff(w.decay) > 0) and w.decay[-1] < INV_E


def test_weights_at_the_ends_of_the_slider():
    zero = lesson.weights(0.0)
    assert zero.n_beta is None and zero.value_beta is None and zero.ratio == 0.0
    assert zero.weights[0] == 1.0 and zero.share == 1.0 and not zero.cut
    top = lesson.weights(0.999)
    assert top.k_window == 1000 and top.count == lesson.MAX_BARS
    assert top.share == pytest.approx(1 - 0.999**3001) and top.cut


def test_bias_close_up_by_hand():
    b = lesson.bias(THETA, (0.5, 0.9))
    assert b.first == 4 and list(b.steps) == [1, 2, 3, 4]
    # β = 0.5: V = 5, 12.5, 21.25; corrected 10, 16.667, 24.286 (= Σβᵏθ / Σβᵏ)
    assert b.plain[0, :3] == pytest.approx([5.0, 12.5, 21.25])
    assert b.corrected[0, :3] == pytest.approx([10.0, 50 / 3, 170 / 7])
    assert b.factor_first == pytest.approx((2.0, 10.0))
    assert b.factor_last == pytest.approx((16 / 15, 1 / (1 - 0.9**4)))
    assert b.settled_at == (-1, -1)  # four points are too few for the factor to reach 1.01
    assert b.focus == 1 and b.focus_beta == 0.9  # the largest β is written out
    assert b.theta == (10.0, 20.0, 30.0)
    assert b.powers[2] == pytest.approx((0.81, 0.9, 1.0))  # weights of θ₁, θ₂, θ₃ in V̂₃
    assert b.corrected_first == pytest.approx(b.pandas_first)
    assert b.corrected_first[2] == pytest.approx((0.81 * 10 + 0.9 * 20 + 30) / 2.71)


def test_bias_factor_settles_at_the_steps_the_page_names():
    # the correction steps of issue 10: 7 / 44 / 229 for β = 0.5, 0.9, 0.98
    b = lesson.bias(np.ones(1461), (0.5, 0.9, 0.98))
    assert b.settled_at == (7, 44, 229)
    assert b.first == lesson.FIRST and b.corrected.shape == (3, lesson.FIRST)
    assert b.corrected == pytest.approx(np.ones((3, lesson.FIRST)))  # a constant stays itself


def test_noisy_gradients_average_to_the_full_gradient():
    g = lesson.noisy_gradients(4, (0.5, 0.9), False)
    assert g.batch_size == 4 and g.m == 392  # the cars with horsepower and mileage
    assert g.grads.shape == (lesson.GRADIENT_STEPS,) == g.averages.shape[1:]
    assert g.averages[0, :2] == pytest.approx(
        [0.5 * g.grads[0], 0.25 * g.grads[0] + 0.5 * g.grads[1]]
    )
    # standardized: ∂C/∂w at w = b = 0 is −(correlation of horsepower and mileage) ≈ 0.778
    assert g.full == pytest.approx(0.778, abs=1e-3)
    tail = slice(-g.tail, None)
    assert g.spread_raw == pytest.approx(np.std(g.grads[tail]))
    assert g.spread[1] < g.spread[0] < g.spread_raw  # a longer window wobbles less
    again = lesson.noisy_gradients(None, (0.9,), True)  # an empty ?bs= : the default size
    assert again.batch_size == lesson.DEFAULT_BATCH
    assert again.averages[0, 0] == pytest.approx(again.grads[0])  # corrected V̂₁ = g₁


def test_built_in_series_and_an_unknown_name():
    s = lesson.series("aapl")
    assert s.dated and len(s.values) == datasets.SERIES["aapl"].length == len(s.x)
    assert (s.value_name, s.unit, s.source, s.n) == ("θ", "USD", "aapl", len(s.values))
    assert lesson.series("nope").source == lesson.DEFAULT_SERIES


def test_upload_columns_suggest_a_date_and_the_series_follows():
    frame = datasets.read_csv(
        ("Date,temp,label\n" + "".join(f"2024-01-{d:02d},{d},x\n" for d in range(1, 13))).encode()
    )
    columns = lesson.upload_columns(frame)
    assert columns.numeric == ("temp",)
    options, index = columns.dates["temp"]
    assert options == (None, "Date", "label") and options[index] == "Date"
    s = lesson.upload_series(frame, "temp", "Date")
    assert s.dated and s.values == pytest.approx(np.arange(1.0, 13.0)) and s.unit == ""
    assert (s.value_name, s.source, s.dropped) == ("temp", lesson.UPLOAD, 0)
    plain = lesson.upload_series(frame, "temp")
    assert not plain.dated and list(plain.x) == list(range(1, 13))
    with pytest.raises(lesson.DataError):
        lesson.upload_series(frame, "label")


def test_a_series_is_named_by_its_key_which_an_upload_draws_from_its_contents():
    assert lesson.series("aapl").key == "aapl" and lesson.series("nope").key == "seattle_temp"
    rows = "".join(f"2024-01-{d:02d},{d},{d}\n" for d in range(1, 13))
    frame = datasets.read_csv(f"Date,temp,same\n{rows}".encode())
    dated = lesson.upload_series(frame, "temp", "Date")
    assert (
        dated.key.startswith("upload:")
        and dated.key == lesson.upload_series(frame.copy(), "temp", "Date").key
    )
    others = [
        lesson.upload_series(frame, "temp"),  # the same values in row order
        lesson.upload_series(frame, "same", "Date"),  # the same values under another name
        lesson.upload_series(frame.assign(temp=frame["temp"] + 1), "temp", "Date"),
    ]
    assert len({dated.key, *(s.key for s in others)}) == 4
