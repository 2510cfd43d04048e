"""optim_core.datasets: built-in data offline, uploads read in every encoding, bad data named."""

import socket

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from optim_core import datasets
from optim_core.datasets import (
    MIN_ROWS,
    SERIES,
    TABLES,
    DataError,
    load_series,
    load_table,
    numeric_columns,
    read_csv,
    series_from_frame,
    table_from_frame,
)
from ui import text

MESSAGE_CODES = {k.removeprefix("data.error.") for k in text.CATALOG if k.startswith("data.error.")}

KOREAN_CSV = (
    "지역,면적,가격,판매\n"
    '서울,84.5,"1,250",예\n'
    "부산,59.9,820,아니오\n"
    '대구,101.2,"1,010",예\n'
    "광주,76.0,700,아니오\n"
)


def code_of(call, *args, **kwargs) -> DataError:
    with pytest.raises(DataError) as info:
        call(*args, **kwargs)
    return info.value


def frame(n=20, seed=0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    x1 = rng.normal(size=n)
    x2 = rng.normal(size=n)
    return pd.DataFrame(
        {
            "x1": x1,
            "x2": x2,
            "y": 3 * x1 - 2 * x2 + 1,
            "pet": np.where(x1 > 0, "dog", "cat"),
            "kind": np.array(["a", "b", "c"])[np.arange(n) % 3],
            "one": np.ones(n),
        }
    )


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Built-in data must come from installed files: any connection attempt fails."""

    def refuse(*args, **kwargs):
        raise AssertionError("tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


# -- reading uploads ------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp949", "utf-16"])
def test_korean_file_reads_the_same_in_every_encoding(encoding):
    expected = pd.DataFrame(
        {
            "지역": ["서울", "부산", "대구", "광주"],
            "면적": [84.5, 59.9, 101.2, 76.0],
            "가격": [1250, 820, 1010, 700],
            "판매": ["예", "아니오", "예", "아니오"],
        }
    )
    df = read_csv(KOREAN_CSV.encode(encoding))
    assert list(df.columns) == ["지역", "면적", "가격", "판매"]  # no BOM left on the first name
    pd.testing.assert_frame_equal(df, expected, check_dtype=False)
    assert numeric_columns(df) == ["면적", "가격"]


@pytest.mark.parametrize("sep", [";", "\t"])
def test_semicolon_and_tab_separators_are_sniffed(sep):
    raw = KOREAN_CSV.replace('"1,250"', "1250").replace('"1,010"', "1010").replace(",", sep)
    if sep == ";":
        raw = raw.replace(".", ",")  # a European file: decimal commas go with ;
    df = read_csv(raw.encode("utf-8"))
    assert df.shape == (4, 4)
    assert df["면적"].tolist() == [84.5, 59.9, 101.2, 76.0]
    assert df["가격"].tolist() == [1250, 820, 1010, 700]


def test_single_numeric_column_is_a_table():
    df = read_csv(b"value\n1\n2.5\n\n3\n")
    assert df["value"].tolist() == [1.0, 2.5, 3.0]


def test_missing_markers_become_nan():
    df = read_csv(b"a,b\n1,2\n,3\nNA,4\n5,\n")
    assert df["a"].isna().sum() == 2 and df["b"].isna().sum() == 1


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        (b"", "empty"),
        (b"   \r\n\n\t\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "binary"),
        (b"a,b\n1,\x002\n", "binary"),  # NUL bytes
        (bytes(range(1, 9)) * 50 + bytes(range(128, 256)), "binary"),
        (b"PK\x03\x04\x14\x00\x06\x00", "excel"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "excel"),
        ("prix,été\n1,2\n".encode("latin-1") + b"\xff\xfe\xfd\n", "encoding"),
        (b"Dear teacher,\nplease find my homework attached.\n", "ragged"),
        (b"just some words\nand more words\nnothing else\n", "not_csv"),
        (b"a,b,c\n1,2,3\n4,5\n6,7,8\n", "ragged"),
        (b"a,b\n1,2\n3,4,5\n", "ragged"),
        (b"a,b,c\n", "header_only"),
    ],
)
def test_malformed_files_give_their_code(raw, code):
    assert code_of(read_csv, raw).code == code


def test_ragged_says_which_line():
    err = code_of(read_csv, b"a,b,c\n1,2,3\n\n4,5\n")
    assert err.details == {"line": 4, "expected": 3, "found": 2}  # line as an editor counts


def test_too_large_is_refused_before_reading():
    raw = b"a,b\n" + b"1,2\n" * 300_000  # 1.2 MB
    err = code_of(read_csv, raw, max_bytes=2**20)
    assert err.code == "too_large"
    assert err.details == {"size_mb": 1.2, "limit_mb": 1}
    assert read_csv(raw).shape == (300_000, 2)  # under the default 5 MB


def test_default_limit_matches_streamlit_config():
    config = (datasets.Path(__file__).parents[2] / ".streamlit" / "config.toml").read_text()
    assert f"maxUploadSize = {datasets.MAX_UPLOAD_MB}" in config
    big = b"a\n" + b"1\n" * (datasets.MAX_UPLOAD_MB * 2**19)  # just over 5 MB
    assert code_of(read_csv, big).code == "too_large"


# -- series ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(SERIES))
def test_builtin_series_load_offline_with_their_length(name):
    series = load_series(name)
    info = SERIES[name]
    assert len(series) == info.length
    assert series.dtype == np.float64 and np.isfinite(series.to_numpy()).all()
    assert isinstance(series.index, pd.DatetimeIndex) and series.index.is_monotonic_increasing


def test_seattle_temp_is_the_daily_high_of_four_years():
    series = load_series("seattle_temp")
    assert len(series) == 1461  # 2012-2015, one leap year
    assert series.index[0] == pd.Timestamp("2012-01-01")
    assert series.index[-1] == pd.Timestamp("2015-12-31")
    assert series.iloc[0] == 12.8 and SERIES["seattle_temp"].unit == "°C"
    assert -10 < series.min() < series.max() < 40


def test_series_from_frame_drops_missing_and_counts_them():
    df = pd.DataFrame(
        {"day": pd.date_range("2024-01-01", periods=14).astype(str), "v": np.arange(14.0)}
    )
    df.loc[[2, 5, 9], "v"] = np.nan
    df.loc[11, "v"] = np.inf
    series, dropped = series_from_frame(df, "v", "day")
    assert dropped == 4 and len(series) == 10
    assert series.index[0] == pd.Timestamp("2024-01-01") and 2.0 not in series.to_numpy()
    plain, dropped = series_from_frame(df, "v")
    assert dropped == 4 and list(plain.index) == list(range(10))


def test_series_is_sorted_by_date_and_years_are_dates():
    df = pd.DataFrame({"year": np.arange(2020, 2008, -1), "v": np.arange(12.0)})
    series, _ = series_from_frame(df, "v", "year")
    assert series.index[0] == pd.Timestamp("2009-01-01")
    assert series.iloc[0] == 11.0


def test_series_errors_name_the_problem():
    df = frame()
    assert code_of(series_from_frame, df, "nope").details == {"column": "nope"}
    err = code_of(series_from_frame, df, "pet")
    assert err.code == "not_numeric" and err.details["column"] == "pet"
    assert err.details["example"] in {"cat", "dog"}
    err = code_of(series_from_frame, df.head(MIN_ROWS - 1), "x1")
    assert err.code == "too_few_rows" and err.details["rows"] == MIN_ROWS - 1
    dated = df.assign(when=[f"2024-01-{i + 1:02d}" for i in range(20)])
    dated.loc[7, "when"] = "next tuesday"
    err = code_of(series_from_frame, dated, "x1", "when")
    assert err.code == "bad_dates"
    assert err.details == {"column": "when", "example": "next tuesday", "row": 8}
    assert code_of(series_from_frame, df, "x1", "x2").code == "bad_dates"  # not years


# -- tables ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(TABLES))
def test_builtin_tables_load_offline_and_fit_both_tasks(name):
    info = TABLES[name]
    df = load_table(name)
    assert len(df) == info.rows >= 300
    reg = table_from_frame(df, list(info.regression_features), info.regression_target, "regression")
    assert reg.X.shape == (info.rows, len(info.regression_features)) and reg.n_dropped == 0
    assert reg.X.dtype == np.float64 and reg.y.dtype == np.float64
    assert info.regression_target not in info.regression_features
    cls = table_from_frame(
        df, list(info.classification_features), info.classification_target, "classification"
    )
    assert cls.labels == ("no", "yes") and set(np.unique(cls.y)) == {0.0, 1.0}
    assert 0.2 < cls.y.mean() < 0.8  # both classes well represented


def test_cars_and_seattle_sizes_and_labels():
    cars = load_table("cars")
    assert len(cars) == 392 and cars["Year"].between(1970, 1982).all()
    assert (cars["Made_in_USA"] == "yes").sum() == 245  # of 254 US cars, 9 lack a value
    weather = load_table("seattle_weather")
    assert len(weather) == 1461
    assert (weather["rained"] == "yes").sum() == (weather["precipitation"] > 0).sum()
    # the rain label must not be computable from an input
    assert "precipitation" not in TABLES["seattle_weather"].classification_features


def test_regression_table_matches_the_frame():
    df = frame()
    table = table_from_frame(df, ["x1", "x2"], "y", "regression")
    np.testing.assert_array_equal(table.X, df[["x1", "x2"]].to_numpy())
    np.testing.assert_array_equal(table.y, df["y"].to_numpy())
    assert table.feature_names == ("x1", "x2") and table.target_name == "y"
    assert table.labels is None and table.n_dropped == 0


def test_classification_maps_text_labels_to_0_and_1():
    df = frame()
    table = table_from_frame(df, ["x1"], "pet", "classification")
    assert table.labels == ("cat", "dog")
    np.testing.assert_array_equal(table.y, (df["x1"] > 0).astype(float))
    yes_no = df.assign(answer=np.where(df["x1"] > 0, "아니오", "예"))
    table = table_from_frame(yes_no, ["x1", "x2"], "answer", "classification")
    assert table.labels == ("아니오", "예")  # "yes" is 1
    np.testing.assert_array_equal(table.y, (df["x1"] <= 0).astype(float))
    numeric = df.assign(cls=np.where(df["x1"] > 0, 1, -1))
    assert table_from_frame(numeric, ["x2"], "cls", "classification").labels == (-1, 1)


def test_missing_values_are_dropped_with_the_right_count():
    df = frame(30)
    df.loc[[0, 4], "x1"] = np.nan
    df.loc[[4, 9, 17], "y"] = np.nan  # row 4 counted once
    df.loc[22, "x2"] = -np.inf
    df.loc[25, "pet"] = np.nan  # not a used column: kept
    table = table_from_frame(df, ["x1", "x2"], "y", "regression")
    assert table.n_dropped == 5 and table.X.shape == (25, 2)
    assert np.isfinite(table.X).all() and np.isfinite(table.y).all()


@pytest.mark.parametrize(
    ("features", "target", "task", "code", "details"),
    [
        (["x1"], "nope", "regression", "missing_column", {"column": "nope"}),
        (["x1", "zz"], "y", "regression", "missing_column", {"column": "zz"}),
        ([], "y", "regression", "no_numeric_features", {}),
        (["x1", "y"], "y", "regression", "target_is_feature", {"column": "y"}),
        (["x1", "kind"], "y", "regression", "not_numeric", {"column": "kind", "example": "a"}),
        (["x1"], "pet", "regression", "target_not_numeric", {"column": "pet", "example": "dog"}),
        (
            ["x1"],
            "kind",
            "classification",
            "target_not_binary",
            {"column": "kind", "count": 3, "values": "a, b, c"},
        ),
        (
            ["x1"],
            "one",
            "classification",
            "target_not_binary",
            {"column": "one", "count": 1, "values": "1.0"},
        ),
        (["x1", "one"], "y", "regression", "constant_column", {"column": "one", "value": "1"}),
        (["x1"], "y", "ranking", "bad_task", {"task": "ranking"}),
    ],
)
def test_table_errors_give_their_code_and_details(features, target, task, code, details):
    err = code_of(table_from_frame, frame(), features, target, task)
    assert err.code == code and err.details == details


def test_no_numeric_feature_in_the_file():
    df = pd.DataFrame({"name": list("abcdefghijkl"), "y": np.arange(12.0)})
    assert code_of(table_from_frame, df, ["name"], "y", "regression").code == (
        "no_numeric_features"
    )


def test_too_few_rows_after_dropping_missing():
    df = frame(12)
    df.loc[[1, 2, 3], "x2"] = np.nan
    err = code_of(table_from_frame, df, ["x1", "x2"], "y", "regression")
    assert err.code == "too_few_rows"
    assert err.details == {"rows": 9, "minimum": MIN_ROWS, "dropped": 3}
    df["x2"] = np.nan
    err = code_of(table_from_frame, df, ["x1", "x2"], "y", "regression")
    assert err.code == "no_rows_left" and err.details == {"dropped": 12}


def test_uploaded_korean_csv_to_a_classification_table():
    rows = "".join(f"{i},{i * 1.5 + (i % 3)},{'예' if i % 2 else '아니오'}\n" for i in range(40))
    df = read_csv(("번호,값,합격\n" + rows).encode("cp949"))
    table = table_from_frame(df, ["번호", "값"], "합격", "classification")
    assert table.labels == ("아니오", "예") and table.y.sum() == 20 and table.X.shape == (40, 2)


def test_unknown_builtin_names():
    assert code_of(load_series, "nope").code == "unknown_dataset"
    assert code_of(load_table, "nope").details == {"name": "nope"}


def test_every_code_has_a_message_with_matching_fields():
    """Each code a DataError can carry has data.error.<code>, using only its detail keys."""
    import re
    import string

    source = datasets.Path(datasets.__file__).read_text()
    codes = set(re.findall(r'DataError\(\s*"(\w+)"', source))
    codes |= {"binary", "encoding"}  # raised through a variable
    assert {"empty", "ragged", "too_large", "constant_column"} <= codes
    for code in codes:
        assert f"data.error.{code}" in text.CATALOG, code
    for key, entry in text.CATALOG.items():
        if key.startswith("data.error."):
            names = {f for _, f, _, _ in string.Formatter().parse(entry["en"]) if f}
            assert all(n.isidentifier() for n in names), key


def test_excel_separator_hint_line_is_honoured():
    df = read_csv(b"sep=;\r\na;b\r\n1,5;2\r\n3;4\r\n")
    assert list(df.columns) == ["a", "b"] and df["a"].tolist() == [1.5, 3.0]
    err = code_of(read_csv, b"sep=;\na;b\n1;2\n3\n")
    assert err.code == "ragged" and err.details["line"] == 4


def test_header_only_wins_over_not_csv_for_one_column():
    assert code_of(read_csv, b"value\n\n").code == "header_only"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.binary(max_size=400),
        st.text(alphabet=st.sampled_from(list('ab1.5,;\t\n\r "-가나\x00é')), max_size=400).map(
            str.encode
        ),
    )
)
def test_read_csv_only_ever_raises_data_error(raw):
    try:
        df = read_csv(raw)
    except DataError as err:
        assert err.code in MESSAGE_CODES
    else:
        assert isinstance(df, pd.DataFrame) and len(df) > 0


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from([0.0, 1.0, 2.5, -3.0, np.nan, np.inf]), min_size=0, max_size=30),
    st.lists(st.sampled_from(["yes", "no", "maybe", None, ""]), min_size=30, max_size=30),
    st.sampled_from(["regression", "classification"]),
)
def test_table_from_frame_only_ever_raises_data_error(xs, labels, task):
    n = len(xs)
    df = pd.DataFrame({"x": xs, "z": [float(i % 4) for i in range(n)], "t": labels[:n]})
    df["r"] = df["x"] * 2
    target = "t" if task == "classification" else "r"
    try:
        table = table_from_frame(df, ["x", "z"], target, task)
    except DataError as err:
        assert err.code in MESSAGE_CODES
    else:
        assert len(table.y) >= MIN_ROWS and np.isfinite(table.X).all()


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("2024-03-15", "2024-03-15"),
        ("2024/03/15", "2024-03-15"),
        ("2024년 3월 15일", "2024-03-15"),
        ("2024. 3. 15.", "2024-03-15"),
        ("2024. 3. 15. 오후 3:05", "2024-03-15 15:05"),
        ("2024-03-15 오전 9:00:30", "2024-03-15 09:00:30"),
        ("2024-03-15 13:45", "2024-03-15 13:45"),
        ("2024-03-15T09:00+09:00", "2024-03-15 09:00"),  # wall-clock time, no zone kept
    ],
)
def test_dates_as_korean_spreadsheets_write_them(written, meant):
    df = pd.DataFrame({"when": [written] * 12, "v": np.arange(12.0)})
    series, _ = series_from_frame(df, "v", "when")
    assert series.index[0] == pd.Timestamp(meant) and series.index.tz is None


def test_mixed_time_zones_do_not_crash():
    dates = ["2024-01-01T05:00+09:00"] * 6 + ["2024-01-02T00:00+00:00"] * 6
    df = pd.DataFrame({"when": dates, "v": np.arange(12.0)})
    series, _ = series_from_frame(df, "v", "when")
    assert series.index[0] == pd.Timestamp("2023-12-31 20:00")  # both read in UTC


def test_utf16_without_bom_is_told_from_binary():
    text = "x,y\n" + "".join(f"{i},{2 * i}\n" for i in range(20))
    for encoding in ("utf-16-le", "utf-16-be"):
        assert datasets._decode(text.encode(encoding)) == text
    with pytest.raises(datasets.DataError) as err:
        datasets._decode(bytes(range(256)) * 8)  # NULs, but not every other byte
    assert err.value.code == "binary"
