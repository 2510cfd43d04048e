"""ui.upload: every malformed upload shows its own translated message, never a traceback.

AppTest cannot drop a file on st.file_uploader, so the script feeds the bytes to
``show_upload`` (the path the uploader takes after reading the file) and, for the
column checks, shows ``error_message`` of a ``table_from_frame`` / ``series_from_frame``
error the way the pages do.
"""

import re

import pytest
from streamlit.testing.v1 import AppTest

from optim_core import datasets
from ui import text
from ui.upload import error_message

HANGUL = re.compile("[\uac00-\ud7a3]")

GOOD = "x,y,label\n" + "".join(
    f"{i},{2 * i + 1},{'예' if i % 2 else '아니오'}\n" for i in range(12)
)

BAD_FILES = {
    "empty": b"",
    "binary": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "excel": b"PK\x03\x04\x14\x00\x06\x00",
    "encoding": "prix,été\n1,2\n".encode("latin-1") + b"\xff\xfe",
    "not_csv": b"just some words\nand more words\n",
    "ragged": b"a,b,c\n1,2,3\n4,5\n",
    "header_only": b"a,b,c\n",
    "too_large": b"a\n" + b"1\n" * (datasets.MAX_UPLOAD_MB * 2**19),
}

BAD_COLUMNS = {  # (features, target, task) on GOOD plus a few extra columns
    "missing_column": (["x"], "nope", "regression"),
    "no_numeric_features": ([], "y", "regression"),
    "not_numeric": (["x", "label"], "y", "regression"),
    "target_not_numeric": (["x"], "label", "regression"),
    "target_not_binary": (["x"], "y", "classification"),
    "constant_column": (["x", "same"], "y", "regression"),
    "too_few_rows": (["x", "gappy"], "y", "regression"),
}


def upload_script():
    import pandas as pd
    import streamlit as st

    from optim_core import datasets
    from ui.upload import error_message, show_upload

    df = show_upload(st.session_state.get("raw"))
    if df is not None:
        st.write(f"read {df.shape[0]} x {df.shape[1]}")
        spec = st.session_state.get("table")
        if spec is not None:
            df["same"] = 1.0
            df["gappy"] = [None] * 3 + list(range(len(df) - 3))
            df["gappy"] = pd.to_numeric(df["gappy"])
            try:
                if spec == "series":
                    series, dropped = datasets.series_from_frame(df, "label")
                else:
                    table = datasets.table_from_frame(df, *spec)
                    st.write(f"table {table.X.shape}")
            except datasets.DataError as err:
                st.error(error_message(err))


def run(raw: bytes | None, lang: str, table=None) -> AppTest:
    at = AppTest.from_function(upload_script, default_timeout=30)
    at.session_state["lang"] = lang
    at.session_state["raw"] = raw
    if table is not None:
        at.session_state["table"] = table
    at.run()
    assert not at.exception
    return at


def expected(call, *args, lang):
    with pytest.raises(datasets.DataError) as info:
        call(*args)
    return info.value, error_message(info.value, lang)


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("code", sorted(BAD_FILES))
def test_bad_file_shows_its_message(code, lang):
    err, message = expected(datasets.read_csv, BAD_FILES[code], lang=lang)
    assert err.code == code
    at = run(BAD_FILES[code], lang)
    assert [e.value for e in at.error] == [message]
    assert message == text.get(f"data.error.{code}", lang, **err.details)
    assert bool(HANGUL.search(message)) == (lang == "ko")


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("code", sorted(BAD_COLUMNS))
def test_bad_column_choice_shows_its_message(code, lang):
    spec = BAD_COLUMNS[code]
    df = datasets.read_csv(GOOD.encode())
    df["same"] = 1.0
    df["gappy"] = [None] * 3 + list(range(len(df) - 3))
    err, message = expected(datasets.table_from_frame, df, *spec, lang=lang)
    assert err.code == code
    at = run(GOOD.encode("cp949"), lang, spec)
    assert [e.value for e in at.error] == [message]
    assert at.markdown[0].value == "read 12 x 3"


def test_messages_differ_by_language_and_name_the_column():
    at_en = run(GOOD.encode(), "en", (["x"], "y", "classification"))
    at_ko = run(GOOD.encode(), "ko", (["x"], "y", "classification"))
    en, ko = at_en.error[0].value, at_ko.error[0].value
    assert en != ko and HANGUL.search(ko)
    for message in (en, ko):
        assert "“y”" in message and "12" in message  # the column and how many values it has


def test_series_error_through_the_same_path():
    at = run(GOOD.encode("utf-8-sig"), "ko", "series")
    err, message = expected(
        datasets.series_from_frame, datasets.read_csv(GOOD.encode()), "label", lang="ko"
    )
    assert err.code == "not_numeric" and at.error[0].value == message


def test_good_file_shows_no_error():
    at = run(GOOD.encode("cp949"), "ko", (["x"], "label", "classification"))
    assert not at.error
    assert [m.value for m in at.markdown] == ["read 12 x 3", "table (12, 1)"]


def test_column_names_from_the_file_cannot_inject_markdown():
    raw = "a,$x^2$ **bold**\n" + "1,2\n" * 12
    df = datasets.read_csv(raw.encode())
    err, message = expected(datasets.series_from_frame, df, "missing", lang="en")
    assert err.code == "missing_column"
    err = datasets.DataError("constant_column", column="$x^2$ **bold**", value="2")
    message = error_message(err, "en")
    assert "\\$x\\^2\\$ \\*\\*bold\\*\\*" in message  # every punctuation escaped


def test_unknown_code_still_gives_a_message():
    err = datasets.DataError("something_new", foo=1)
    assert error_message(err, "ko") == text.get("data.error.unknown", "ko")


def uploader_script():
    import streamlit as st

    from ui.upload import csv_uploader, shared_upload_note

    df = csv_uploader("up")
    st.write(f"df is {'None' if df is None else 'set'}")
    shared_upload_note()


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_uploader_states_its_limit_and_the_shared_link_note(lang):
    at = AppTest.from_function(uploader_script, default_timeout=30)
    at.session_state["lang"] = lang
    at.run()
    assert not at.exception
    assert at.caption[0].value == text.get("data.upload.limit", lang, mb=datasets.MAX_UPLOAD_MB)
    assert at.markdown[0].value == "df is None"
    assert at.info[0].value == text.get("data.shared_upload_note", lang)
    uploader = at.get("file_uploader")[0]
    assert uploader.proto.label == text.get("data.upload.label", lang)
    assert list(uploader.proto.type) == [".csv", ".txt"]


@pytest.mark.parametrize("name", [":material/home:", ":red[x]", "[a](http://x)", "<b>x</b>"])
def test_a_column_name_in_an_upload_message_is_plain_markdown(name):
    err = datasets.DataError("constant_column", column=name, value="2")
    message = error_message(err, "en")
    shown = message.split("“")[1].split("”")[0]
    # every ASCII punctuation character is escaped, so Markdown shows it as typed
    assert all(shown[i - 1] == "\\" for i, c in enumerate(shown) if c in ":[]()<>/")
