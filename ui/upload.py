"""The CSV uploader shared by pages, and translated messages for bad data.

``csv_uploader(key)`` shows ``st.file_uploader`` with the size limit next to it, reads
the file with :func:`optim_core.datasets.read_csv` and returns a DataFrame, or shows a
translated ``st.error`` and returns None. :func:`show_upload` is the same path for raw
bytes (what the uploader and the tests call). :func:`error_message` turns any
:class:`~optim_core.datasets.DataError` into text in the learner's language.
"""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from optim_core import datasets
from optim_core.datasets import MAX_UPLOAD_MB, DataError
from ui import text
from ui.widgets import lang, t

_MARKDOWN = re.compile(r"([!-/:-@\[-`{-~])")  # every ASCII punctuation character (CommonMark)
_MAX_FIELD = 60  # characters of a column name or value shown in a message


def _field(value) -> str:
    """A detail value made safe for st.error's markdown, and short."""
    if isinstance(value, int | float):
        return str(value)
    shown = str(value).replace("\n", " ").strip()
    if len(shown) > _MAX_FIELD:
        shown = shown[: _MAX_FIELD - 1] + "…"
    return _MARKDOWN.sub(r"\\\1", shown)


def error_message(err: DataError, language: str | None = None) -> str:
    """The translated message for ``err`` (key ``data.error.<code>``) in ``language``.

    ``language`` defaults to the session's. Values taken from the file (column names,
    examples) are shortened and escaped so that they show as written.
    """
    language = language or lang()
    key = f"data.error.{err.code}"
    if key not in text.CATALOG:
        return text.get("data.error.unknown", language)
    fields = {name: _field(value) for name, value in err.details.items()}
    try:
        return text.get(key, language, **fields)
    except (KeyError, IndexError):  # details missing a field: still say something useful
        return text.get("data.error.unknown", language)


def _read(raw: bytes) -> pd.DataFrame | DataError:
    try:
        return datasets.read_csv(raw)
    except DataError as err:
        return err


def _show(result: pd.DataFrame | DataError, where) -> pd.DataFrame | None:
    if isinstance(result, DataError):
        where.error(error_message(result), icon=":material/error:")
        return None
    return result.copy()


def show_upload(raw: bytes | None, container=None) -> pd.DataFrame | None:
    """Read uploaded ``raw`` bytes: the DataFrame, or a translated st.error and None."""
    if raw is None:
        return None
    where = container if container is not None else st
    return _show(_read(raw), where)


def csv_uploader(key: str, container=None, *, label: str | None = None) -> pd.DataFrame | None:
    """A CSV uploader with its size limit stated; the data read, or None (error shown).

    The file is parsed once per upload (remembered in session state by file id), not on
    every rerun. Returns a fresh copy the page may change.
    """
    where = container if container is not None else st
    upload = where.file_uploader(
        label or t("data.upload.label"),
        type=["csv", "txt"],
        key=key,
        help=t("data.upload.help"),
        max_upload_size=MAX_UPLOAD_MB,
    )
    where.caption(t("data.upload.limit", mb=MAX_UPLOAD_MB))
    memo = f"_upload_{key}"
    if upload is None:
        st.session_state.pop(memo, None)
        return None
    cached = st.session_state.get(memo)
    if cached is None or cached[0] != upload.file_id:
        cached = (upload.file_id, _read(upload.getvalue()))
        st.session_state[memo] = cached
    return _show(cached[1], where)


def shared_upload_note(container=None) -> None:
    """Say that a link made on uploaded data opens on the default data instead."""
    where = container if container is not None else st
    where.info(t("data.shared_upload_note"), icon=":material/link_off:")
