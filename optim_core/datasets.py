"""Real data shipped with installed packages, and validated user uploads.

Two kinds of data feed the pages:

* **series** (one number per time step) for the exponentially weighted averages page:
  :data:`SERIES`, :func:`load_series`, and :func:`series_from_frame` for an uploaded table;
* **tables** (features ``X`` and a target ``y``) for the batch-size page, as a
  regression (``y`` real) or a binary classification (``y`` in {0, 1}):
  :data:`TABLES`, :func:`load_table`, and :func:`table_from_frame`.

Every built-in data set is read from files inside the installed ``vega_datasets``
package (its ``local_data`` part): nothing is downloaded. An upload goes through
:func:`read_csv` and then one of the ``*_from_frame`` functions; anything wrong raises
:class:`DataError` with a stable ``code`` and the ``details`` a message needs, so the UI
can say, in the learner's language, what was wrong and what to do. Nothing read from a
file is ever evaluated as code.

No Streamlit here; pandas and numpy only.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import math
import re
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

MAX_UPLOAD_MB: int = 5  # same as server.maxUploadSize in .streamlit/config.toml
MIN_ROWS: int = 10

ENCODINGS = ("utf-8", "utf-8-sig", "cp949")  # tried in this order (utf-8-sig: a BOM)
SEPARATORS = (",", ";", "\t")


class DataError(ValueError):
    """Data that cannot be used, with a stable ``code`` and the ``details`` for a message.

    Codes (``details`` keys in brackets):

    ``too_large`` (size_mb, limit_mb) · ``empty`` · ``binary`` · ``excel`` ·
    ``encoding`` · ``not_csv`` · ``ragged`` (line, expected, found) ·
    ``header_only`` · ``missing_column`` (column) · ``not_numeric`` (column, example) ·
    ``no_numeric_features`` · ``target_is_feature`` (column) ·
    ``target_not_numeric`` (column, example) · ``target_not_binary`` (column, count, values) ·
    ``too_few_rows`` (rows, minimum, dropped) · ``no_rows_left`` (dropped) ·
    ``constant_column`` (column, value) · ``bad_dates`` (column, example, row) ·
    ``unknown_dataset`` (name) · ``bad_task`` (task).
    """

    def __init__(self, code: str, **details):
        self.code = code
        self.details = details
        shown = ", ".join(f"{k}={v!r}" for k, v in details.items())
        super().__init__(f"{code}" + (f" ({shown})" if shown else ""))


# -- reading an uploaded file ---------------------------------------------------------

_MAGIC = {  # file signatures of things people upload by mistake
    b"\x89PNG": "binary",
    b"\xff\xd8\xff": "binary",  # JPEG
    b"GIF8": "binary",
    b"%PDF": "binary",
    b"\x1f\x8b": "binary",  # gzip
    b"PK\x03\x04": "excel",  # zip: .xlsx (or another zip)
    b"\xd0\xcf\x11\xe0": "excel",  # OLE2: old .xls
}
_NUMBER = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d*)?$")  # 1,234.5 with thousands commas
_KOREAN_DATE = re.compile(r"^(\d{4})\s*[.년/-]\s*(\d{1,2})\s*[.월/-]\s*(\d{1,2})(?:\s*[.일])?")
_KOREAN_TIME = re.compile(r"(오전|오후)\s*(\d{1,2}:\d{2}(?::\d{2})?)")  # 오후 3:00 -> 3:00 PM
_DECIMAL_COMMA = re.compile(r"^[+-]?\d+(,\d+)?$")  # 3,5 (with ; as separator)


def _utf16_without_bom(head: bytes) -> str | None:
    """ "utf-16-le" / "utf-16-be" when ``head`` looks like text in UTF-16 without a byte
    order mark (ASCII-range text has a NUL in every other byte), else None."""
    even, odd = head[0::2], head[1::2]
    if len(odd) < 8:
        return None
    zeros_even, zeros_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zeros_odd > 0.9 and zeros_even < 0.1:
        return "utf-16-le"
    if zeros_even > 0.9 and zeros_odd < 0.1:
        return "utf-16-be"
    return None


def _decode(raw: bytes) -> str:
    """Bytes -> text: UTF-16 with or without BOM, UTF-8, UTF-8 with BOM, then CP949."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text" export
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DataError("encoding") from exc
    head = raw[:65536]
    if b"\x00" in head:
        utf16 = _utf16_without_bom(head)
        if utf16 is None:
            raise DataError("binary")
        try:
            return raw.decode(utf16)
        except UnicodeDecodeError as exc:
            raise DataError("encoding") from exc
    for encoding in ENCODINGS:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text.removeprefix("\ufeff")
    # printable-looking bytes that are neither UTF-8 nor CP949 vs. real binary junk
    controls = sum(b < 9 or 13 < b < 32 for b in head)
    raise DataError("binary" if controls > len(head) // 100 else "encoding")


def _sniff_separator(lines: list[str]) -> str:
    """The separator among , ; tab that splits the first lines into equal, widest rows."""
    best, best_score = ",", (0, 0)
    for sep in SEPARATORS:
        counts = [len(row) for row in csv.reader(lines, delimiter=sep)]
        if not counts or counts[0] < 2:
            continue
        consistent = sum(c == counts[0] for c in counts)
        score = (consistent, counts[0])
        if score > best_score:
            best, best_score = sep, score
    return best


def _to_numbers(column: pd.Series, sep: str) -> pd.Series:
    """A text column that holds only numbers ("1,234", " 5 ", "3,5" with ;) as floats."""
    values = column.dropna().astype(str).str.strip()
    values = values[values != ""]
    if values.empty:
        return column
    text = column.astype("str").str.strip()
    if sep == ";" and values.str.fullmatch(_DECIMAL_COMMA).all():
        cleaned = text.str.replace(",", ".", regex=False)  # European: 3,5 means 3.5
    elif values.str.fullmatch(_NUMBER).all():
        cleaned = text.str.replace(",", "", regex=False)  # 1,234 means 1234
    else:
        return column
    return pd.to_numeric(cleaned.where(column.notna()).replace("", None), errors="coerce")


def read_csv(raw: bytes, *, max_bytes: int = MAX_UPLOAD_MB * 2**20) -> pd.DataFrame:
    """Read an uploaded CSV (or ; / tab separated text) into a DataFrame, or raise DataError.

    Decodes UTF-8, UTF-8 with BOM and CP949 (what Korean Excel writes), in that order,
    and UTF-16 with a BOM. Sniffs ``,``, ``;`` and tab as separators. Column names are
    stripped of spaces; text columns that only hold numbers (``1,234``; ``3,5`` with
    ``;``) become numbers. Every row must have as many fields as the header.
    """
    if len(raw) > max_bytes:
        limit = max_bytes / 2**20
        raise DataError(
            "too_large",
            size_mb=math.ceil(len(raw) / 2**20 * 10) / 10,  # rounded up: never "5.0 over 5"
            limit_mb=int(limit) if limit == int(limit) else round(limit, 1),
        )
    if not raw.strip():
        raise DataError("empty")
    for magic, code in _MAGIC.items():
        if raw.startswith(magic):
            raise DataError(code)
    text = _decode(raw)
    if not text.strip():
        raise DataError("empty")

    lines = [line for line in text.splitlines() if line.strip()]
    hint = re.fullmatch(r"\s*sep=(.)\s*", lines[0])  # Excel's "sep=;" first line
    skipped = 0  # lines cut off the top, so that messages count lines as an editor does
    if hint:
        sep = hint.group(1)
        cut = text.index(lines[0]) + len(lines[0])
        skipped = text[:cut].count("\n") + 1
        text = text[cut:].split("\n", 1)[1] if "\n" in text[cut:] else ""
        if not text.strip():
            raise DataError("empty")
    else:
        sep = _sniff_separator(lines[:50])
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    expected = None
    for row in rows:
        if not any(cell.strip() for cell in row):
            continue  # blank line
        if expected is None:
            expected = len(row)
        elif len(row) != expected:
            line = rows.line_num + skipped
            raise DataError("ragged", line=line, expected=expected, found=len(row))
    try:
        df = pd.read_csv(io.StringIO(text), sep=sep, skip_blank_lines=True, engine="c")
    except pd.errors.EmptyDataError as exc:
        raise DataError("empty") from exc
    except (pd.errors.ParserError, ValueError) as exc:
        raise DataError("not_csv") from exc

    df.columns = _unique_names(str(c).strip() for c in df.columns)
    for name in df.columns:
        if not pd.api.types.is_numeric_dtype(df[name]):
            df[name] = _to_numbers(df[name], sep)
    if len(df) == 0:
        raise DataError("header_only")
    if df.shape[1] < 2 and not numeric_columns(df):
        raise DataError("not_csv")  # one column of text: not a table of numbers
    return df


def _unique_names(names) -> list[str]:
    """Column names made unique the way pandas does it ("a", "a.1", "a.2")."""
    seen: set[str] = set()
    unique = []
    for name in names:
        candidate, k = name, 0
        while candidate in seen:
            k += 1
            candidate = f"{name}.{k}"
        seen.add(candidate)
        unique.append(candidate)
    return unique


def numeric_columns(df: pd.DataFrame) -> list[str]:
    """Columns holding numbers (int or float, not bool) with at least one value."""
    return [
        str(c)
        for c in df.columns
        if pd.api.types.is_numeric_dtype(df[c])
        and not pd.api.types.is_bool_dtype(df[c])
        and df[c].notna().any()
    ]


# -- series ---------------------------------------------------------------------------------


class SeriesInfo(NamedTuple):
    """A built-in series: text key ``data.series.<name>``, where it lives, its unit."""

    name: str
    file: str  # vega_datasets local file name
    value_column: str
    unit: str  # shown on axes: same in every language
    date_column: str | None
    length: int  # number of values
    where: tuple[str, str] | None = None  # (column, value): the rows of one item only


SERIES: dict[str, SeriesInfo] = {
    "seattle_temp": SeriesInfo(
        "seattle_temp", "seattle-weather.csv", "temp_max", "°C", "date", 1461
    ),  # daily highs in Seattle, 2012-2015
    "seattle_hourly": SeriesInfo(
        "seattle_hourly", "seattle-temps.csv", "temp", "°F", "date", 8759
    ),  # hourly temperature in Seattle, 2010
    "sf_hourly": SeriesInfo(
        "sf_hourly", "sf-temps.csv", "temp", "°F", "date", 8759
    ),  # hourly temperature in San Francisco, 2010
    "aapl": SeriesInfo(
        "aapl", "stocks.csv", "price", "USD", "date", 123, ("symbol", "AAPL")
    ),  # Apple's share price at the start of each month, 2000-2010
}


def _local_file(file: str) -> str:
    """The path of a data file shipped inside the installed vega_datasets package."""
    import vega_datasets  # imported here: only the built-in data sets need it

    return str(Path(vega_datasets.__file__).parent / "_data" / file)


def load_series(name: str) -> pd.Series:
    """A built-in series as float64 values on a sorted DatetimeIndex (offline)."""
    if name not in SERIES:
        raise DataError("unknown_dataset", name=name)
    info = SERIES[name]
    df = pd.read_csv(_local_file(info.file))
    if info.where is not None:
        df = df[df[info.where[0]] == info.where[1]]
    series, _ = series_from_frame(df, info.value_column, info.date_column)
    return series


def _parse_dates(column: pd.Series, name: str) -> pd.Series:
    """Dates from text, or from whole years (1000-3000); DataError for anything else."""
    present = column.dropna()
    if pd.api.types.is_numeric_dtype(column):
        whole = present.size and bool(np.all(np.mod(present, 1) == 0))
        if whole and present.between(1000, 3000).all():
            return pd.to_datetime(
                column.astype("Float64").astype("Int64").astype("str"), format="%Y", errors="coerce"
            )
        example = present.iloc[0] if present.size else ""
        raise DataError("bad_dates", column=name, example=str(example), row=1)
    if pd.api.types.is_datetime64_any_dtype(column):
        return column
    text = column.astype("str").str.strip()
    text = text.str.replace(_KOREAN_DATE, r"\1-\2-\3", regex=True)  # 2024년 1월 3일, 2024. 1. 3.
    text = text.str.replace(_KOREAN_TIME, r"\2 \1", regex=True)
    text = text.str.replace("오전", "AM", regex=False).str.replace("오후", "PM", regex=False)
    try:
        parsed = pd.to_datetime(text, errors="coerce", format="mixed")
    except (ValueError, TypeError, OverflowError):  # e.g. mixed time zones
        try:
            parsed = pd.to_datetime(text, errors="coerce", format="mixed", utc=True)
        except (ValueError, TypeError, OverflowError):
            raise DataError("bad_dates", column=name, example=str(present.iloc[0]), row=1) from None
    if isinstance(parsed.dtype, pd.DatetimeTZDtype):
        parsed = parsed.dt.tz_localize(None)  # wall-clock time, one simple kind of index
    bad = column.notna() & parsed.isna()
    if bad.any():
        position = int(np.flatnonzero(bad.to_numpy())[0])
        raise DataError(
            "bad_dates", column=name, example=str(column.iloc[position]), row=position + 1
        )
    return parsed


def _check_columns(df: pd.DataFrame, columns) -> None:
    for column in columns:
        if column not in df.columns:
            raise DataError("missing_column", column=str(column))


def _first_text(column: pd.Series) -> str:
    """An example of a value that is not a number, for the message."""
    for value in column.dropna():
        try:
            float(value)
        except (TypeError, ValueError):
            return str(value)
    present = column.dropna()
    return str(present.iloc[0]) if len(present) else ""


def series_from_frame(
    df: pd.DataFrame, value_column: str, date_column: str | None = None
) -> tuple[pd.Series, int]:
    """One column of ``df`` as a float64 series, and how many rows were dropped as missing.

    With ``date_column`` the index is a DatetimeIndex, sorted by date; without it, the
    index is 0, 1, 2, ... in file order. Rows with a missing value or date are dropped
    (±inf counts as missing). DataError: ``missing_column``, ``not_numeric``,
    ``bad_dates``, ``too_few_rows`` (fewer than :data:`MIN_ROWS` left).
    """
    _check_columns(df, [value_column] + ([date_column] if date_column is not None else []))
    values = df[value_column]
    if not pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
        raise DataError("not_numeric", column=str(value_column), example=_first_text(values))
    values = values.astype("float64").replace([np.inf, -np.inf], np.nan)
    if date_column is not None:
        dates = _parse_dates(df[date_column], str(date_column))
        keep = values.notna() & dates.notna()
        series = pd.Series(
            values[keep].to_numpy(),
            index=pd.DatetimeIndex(dates[keep], name=str(date_column)),
            name=str(value_column),
        ).sort_index(kind="stable")
    else:
        keep = values.notna()
        series = pd.Series(values[keep].to_numpy(), name=str(value_column))
    dropped = int((~keep).sum())
    if len(series) < MIN_ROWS:
        raise DataError("too_few_rows", rows=len(series), minimum=MIN_ROWS, dropped=dropped)
    return series.astype("float64"), dropped


# -- tables ---------------------------------------------------------------------------------


class TableInfo(NamedTuple):
    """A built-in table (text key ``data.table.<name>``) with its suggested columns."""

    name: str
    file: str  # vega_datasets local file name
    rows: int  # complete rows after load_table
    regression_features: tuple[str, ...]
    regression_target: str
    classification_features: tuple[str, ...]
    classification_target: str  # a yes/no column; "yes" is 1


class Table(NamedTuple):
    """Data ready for a loss: ``X`` (m, n) and ``y`` (m,), both float64.

    For classification ``y`` is 0/1 and ``labels[k]`` is the original value that became
    ``k``. ``n_dropped`` rows had a missing value in one of the columns used.
    """

    X: np.ndarray
    y: np.ndarray
    feature_names: tuple[str, ...]
    target_name: str
    labels: tuple | None
    n_dropped: int


TABLES: dict[str, TableInfo] = {
    "cars": TableInfo(
        "cars",
        "cars.json",
        392,
        ("Cylinders", "Displacement", "Horsepower", "Weight_in_lbs", "Acceleration", "Year"),
        "Miles_per_Gallon",
        (
            "Miles_per_Gallon",
            "Cylinders",
            "Displacement",
            "Horsepower",
            "Weight_in_lbs",
            "Acceleration",
            "Year",
        ),
        "Made_in_USA",
    ),  # 1970-1982 car models (vega cars), rows with a missing value removed
    "seattle_weather": TableInfo(
        "seattle_weather",
        "seattle-weather.csv",
        1461,
        ("precipitation", "temp_min", "wind", "day_of_year"),
        "temp_max",
        ("temp_max", "temp_min", "wind", "day_of_year"),
        "rained",
    ),  # one row per day in Seattle, 2012-2015
}

TASKS = ("regression", "classification")


def load_table(name: str) -> pd.DataFrame:
    """A built-in table (offline), complete rows only, with its derived columns.

    ``cars``: model ``Year`` as a number (70..82 -> 1970..1982) and ``Made_in_USA``
    ("yes"/"no" from ``Origin``). ``seattle_weather``: ``day_of_year`` (1..366) and
    ``rained`` ("yes" when precipitation > 0).
    """
    if name not in TABLES:
        raise DataError("unknown_dataset", name=name)
    info = TABLES[name]
    path = _local_file(info.file)
    if name == "cars":
        df = _read_json_records(path)
        df["Year"] = pd.to_datetime(df["Year"]).dt.year.astype("int64")
        df["Made_in_USA"] = np.where(df["Origin"] == "USA", "yes", "no")
    else:
        df = pd.read_csv(path)
        df["day_of_year"] = pd.to_datetime(df["date"]).dt.day_of_year.astype("int64")
        df["rained"] = np.where(df["precipitation"] > 0, "yes", "no")
    df = df.dropna().reset_index(drop=True)
    return df


def _read_json_records(path: str) -> pd.DataFrame:
    """A JSON array of records (read without pandas' deprecated date guessing)."""
    with open(path, encoding="utf-8") as handle:
        return pd.DataFrame.from_records(json.load(handle))


_POSITIVE = {"yes", "y", "true", "t", "1", "positive", "pos", "예", "네", "참", "있음", "o"}


def _binary_labels(values: pd.Series) -> tuple:
    """The two distinct values ordered (label for 0, label for 1).

    0/1 and False/True keep their meaning; a yes-like word (yes, true, 예, ...) is 1;
    otherwise the values are sorted and the second one is 1.
    """
    distinct = list(pd.unique(values))
    distinct = [v.item() if isinstance(v, np.generic) else v for v in distinct]
    positive = [v for v in distinct if str(v).strip().lower() in _POSITIVE]
    if len(positive) == 1:
        other = [v for v in distinct if v is not positive[0] and v != positive[0]]
        return (other[0], positive[0])
    try:
        return tuple(sorted(distinct))
    except TypeError:
        return tuple(sorted(distinct, key=str))


def table_from_frame(
    df: pd.DataFrame, feature_columns: list[str], target_column: str, task: str
) -> Table:
    """Features and target of ``df`` as float64 arrays for a regression or classification.

    Rows with a missing (or infinite) value in a used column are dropped and counted.
    DataError: ``bad_task``, ``missing_column``, ``no_numeric_features`` (no feature
    chosen, or none in the file), ``target_is_feature``, ``not_numeric`` (a feature),
    ``target_not_numeric`` (regression), ``target_not_binary`` (classification: says how
    many distinct values there are), ``no_rows_left``, ``too_few_rows``,
    ``constant_column`` (a feature with one value left: names it).
    """
    if task not in TASKS:
        raise DataError("bad_task", task=str(task))
    features = list(dict.fromkeys(feature_columns))
    _check_columns(df, features + [target_column])
    if not features or not numeric_columns(df.drop(columns=[target_column])):
        raise DataError("no_numeric_features")
    if target_column in features:
        raise DataError("target_is_feature", column=str(target_column))
    for column in features:
        values = df[column]
        if not (pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values)):
            raise DataError("not_numeric", column=str(column), example=_first_text(values))
    target = df[target_column]
    if task == "regression" and (
        not pd.api.types.is_numeric_dtype(target) or pd.api.types.is_bool_dtype(target)
    ):
        raise DataError(
            "target_not_numeric", column=str(target_column), example=_first_text(target)
        )

    X = df[features].astype("float64").replace([np.inf, -np.inf], np.nan)
    if pd.api.types.is_numeric_dtype(target) and not pd.api.types.is_bool_dtype(target):
        target = target.astype("float64").replace([np.inf, -np.inf], np.nan)
    if not pd.api.types.is_numeric_dtype(target):
        target = target.where(target.astype("str").str.strip() != "", None)
    keep = X.notna().all(axis=1) & target.notna()
    dropped = int((~keep).sum())
    X, target = X[keep], target[keep]
    if len(X) == 0:
        raise DataError("no_rows_left", dropped=dropped)

    labels = None
    if task == "classification":
        count = int(target.nunique())
        if count != 2:
            shown = [str(v) for v in pd.unique(target)[:5]] + ([] if count <= 5 else ["…"])
            raise DataError(
                "target_not_binary", column=str(target_column), count=count, values=", ".join(shown)
            )
        labels = _binary_labels(target)
        y = (target == labels[1]).to_numpy(dtype="float64")
    else:
        y = target.to_numpy(dtype="float64")
    if len(X) < MIN_ROWS:
        raise DataError("too_few_rows", rows=len(X), minimum=MIN_ROWS, dropped=dropped)
    for column in features:
        if X[column].nunique() < 2:
            value = X[column].iloc[0]
            raise DataError("constant_column", column=str(column), value=_short_number(value))
    return Table(
        X=np.ascontiguousarray(X.to_numpy(dtype="float64")),
        y=y,
        feature_names=tuple(str(c) for c in features),
        target_name=str(target_column),
        labels=labels,
        n_dropped=dropped,
    )


def _short_number(value: float) -> str:
    if isinstance(value, float) and math.isfinite(value) and value == int(value):
        return str(int(value))
    return f"{value:.6g}"


def tips() -> tuple[np.ndarray, np.ndarray]:
    """Restaurant bills and tips, ``(total_bill, tip)`` in dollars, 244 rows.

    From ``plotly.data.tips()`` (the CSV ships inside the plotly package; plotly is
    used here only as a data source). Read-only float64 arrays, loaded once.
    """
    return _tips_arrays()


@functools.lru_cache(maxsize=1)
def _tips_arrays() -> tuple[np.ndarray, np.ndarray]:
    import plotly.data

    frame = plotly.data.tips()
    x = frame["total_bill"].to_numpy(dtype=np.float64)
    y = frame["tip"].to_numpy(dtype=np.float64)
    x.setflags(write=False)
    y.setflags(write=False)
    return x, y
