"""Bound widgets and page furniture shared by every page.

Every control is bound to the URL (``bind="query-params"``) under a short stable
key, so the address bar always holds a link to the exact view. Streamlit leaves a
value out of the URL when it equals the widget's default, so defaults here are
always constants. ``persist_state="session"`` brings a page's settings back when
the learner returns to it in the same session.
"""

from __future__ import annotations

import html
import json
import math
from collections.abc import Callable, Sequence

import streamlit as st
from streamlit.errors import StreamlitAPIException
from streamlit.runtime.state.session_state_proxy import get_session_state

from ui import text
from ui.text.common import PLOTLY_KO

LANG_KEY = "lang"


# -- language -------------------------------------------------------------------


def lang() -> str:
    """The language of this session ("en" when nothing has chosen one yet)."""
    chosen = st.session_state.get(LANG_KEY)
    return chosen if chosen in text.LANGUAGES else text.DEFAULT_LANGUAGE


def t(key: str, /, **fields) -> str:
    """The catalog string ``key`` in the session's language."""
    return text.get(key, lang(), **fields)


def language_selector() -> str:
    """Sidebar language control, kept in ``?lang=``; returns the language code.

    The choices read "English" / "한국어" while the address holds the code (``?lang=ko``),
    so this control's URL is handled here, as translated option controls are (see
    ``Controls._choice``): read once per session, written back on every run (which
    also puts it back after a page switch). Its default is the constant "en" (a
    locale-dependent default would vanish from shared links). A bare first visit (no
    query string at all) from a Korean browser opens in Korean; a shared link with
    settings but no ``lang`` was made in English and stays so.
    """
    if LANG_KEY not in st.session_state or st.session_state[LANG_KEY] not in text.LANGUAGES:
        raw = st.query_params.get(LANG_KEY)
        names = {name.casefold(): code for code, name in text.LANGUAGE_NAMES.items()}
        names |= {code.casefold(): code for code in text.LANGUAGES}
        chosen = names.get((raw or "").casefold())
        bare_visit = not st.query_params  # a shared link keeps the language it was made in
        if chosen is None and bare_visit and (st.context.locale or "").lower().startswith("ko"):
            chosen = "ko"
        st.session_state[LANG_KEY] = chosen or text.DEFAULT_LANGUAGE
    value = st.sidebar.segmented_control(
        "Language / 언어",
        text.LANGUAGES,
        key=LANG_KEY,
        required=True,
        persist_state="session",
        format_func=text.LANGUAGE_NAMES.get,
        help="English / 한국어",
    )
    _write_link(LANG_KEY, value, text.DEFAULT_LANGUAGE)
    return lang()


# -- bound controls -------------------------------------------------------------


class Controls:
    """A page's URL-bound widgets, with their defaults, a reset button and a share box.

    ``Controls("gd")`` then ``c.slider("lr", ...)``: the key is the query parameter and
    the session-state key, so it must be unique across pages (a test checks it);
    ``where=`` places one control in another container (a column) than the default.
    """

    def __init__(self, page: str, container=None):
        self.page = page
        self.defaults: dict[str, object] = {}
        self.where = container if container is not None else st

    def _register(self, key: str, default) -> dict:
        self.defaults[key] = default
        return {"key": key, "bind": "query-params", "persist_state": "session"}

    def slider(self, key, label, min_value, max_value, default, step=None, *, where=None, **kwargs):
        _check_link_number(key, label, min_value, max_value, where or self.where)
        return (where or self.where).slider(
            label, min_value, max_value, default, step, **self._register(key, default), **kwargs
        )

    # Option controls. Without ``labels`` the options are shown as they are and the URL
    # binding is Streamlit's own (``bind="query-params"``). With ``labels="page.x.{}"``
    # each option is shown translated; Streamlit would then write the *translated label*
    # into the address, which ties a link to one language and loses the setting when the
    # language changes. Those controls are the one place where the URL is handled here:
    # the address holds the option's short key (``?cam=top``), read once when a session
    # opens the page (a label in any language from an older link is accepted too) and
    # written back whenever the value differs from the default.

    def _choice(self, kind, key, label, options, default, labels, where, value_arg, **kwargs):
        where = where or self.where
        options = list(options)
        if labels is None:
            _check_link_choice(key, label, options, where, kwargs.get("format_func", str))
            kwargs[value_arg] = options.index(default) if value_arg == "index" else default
            return getattr(where, kind)(label, options, **kwargs, **self._register(key, default))
        self.defaults[key] = default
        if key not in st.session_state or st.session_state[key] not in options:
            raw = st.query_params.get(key)
            chosen = _option_from_link(raw, options, labels) if raw else default
            if chosen is None:
                _refuse(key, label, raw, t("common.link_default"), where)
                chosen = default
            st.session_state[key] = chosen
        language = lang()  # fixed now: a test harness may format options outside the run
        value = getattr(where, kind)(
            label,
            options,
            key=key,
            persist_state="session",
            format_func=lambda option: text.get(labels.format(option), language),
            **kwargs,
        )
        _write_link(key, value, default)
        return value

    def select_slider(
        self, key, label, options: Sequence, default, *, labels=None, where=None, **kwargs
    ):
        return self._choice(
            "select_slider", key, label, options, default, labels, where, "value", **kwargs
        )

    def selectbox(
        self, key, label, options: Sequence, default, *, labels=None, where=None, **kwargs
    ):
        return self._choice(
            "selectbox", key, label, options, default, labels, where, "index", **kwargs
        )

    def segmented(
        self, key, label, options: Sequence, default, *, labels=None, where=None, **kwargs
    ):
        return self._choice(
            "segmented_control",
            key,
            label,
            options,
            default,
            labels,
            where,
            "default",
            required=True,
            **kwargs,
        )

    def toggle(self, key, label, default: bool, *, where=None, **kwargs):
        return (where or self.where).toggle(
            label, value=default, **self._register(key, default), **kwargs
        )

    def number(self, key, label, min_value, max_value, default, step=None, *, where=None, **kwargs):
        _check_link_number(key, label, min_value, max_value, where or self.where)
        return (where or self.where).number_input(
            label, min_value, max_value, default, step, **self._register(key, default), **kwargs
        )

    def text(self, key, label, default: str, max_chars: int, *, where=None, **kwargs):
        """A text input bound to the URL (the text is part of the link). A link's value longer
        than ``max_chars`` is dropped with a note (Streamlit would refuse it with an error)."""
        where = where or self.where
        _check_link_text(key, label, max_chars, where)
        return where.text_input(label, default, max_chars, **self._register(key, default), **kwargs)

    def multi(
        self, key, label, options: Sequence, default: Sequence, *, labels, where=None, **kwargs
    ):
        """Several options at once (``st.pills`` with ``selection_mode="multi"``), each shown
        translated (``labels="page.x.{}"``), the chosen ones returned in the order of
        ``options``. The address holds their short keys joined by commas (``?r_racers=gd,adam``),
        handled here as the translated option controls are (see ``_choice``): read once when
        a session opens the page, written back while the choice differs from the default.
        A link naming anything that is no option is refused as a whole, with a note. An empty
        choice is returned empty (the page says what to do) and leaves the address at the
        default."""
        where = where or self.where
        options, default = list(options), [o for o in options if o in default]
        self.defaults[key] = default
        held = st.session_state.get(key)
        if not isinstance(held, list) or not set(held) <= set(options):
            raw = ",".join(st.query_params.get_all(key))
            chosen = _options_from_link(raw, options, labels) if raw else default
            if chosen is None:
                _refuse(key, label, raw, t("common.link_default"), where)
                chosen = default
            st.session_state[key] = chosen
        language = lang()
        value = where.pills(
            label,
            options,
            selection_mode="multi",
            key=key,
            persist_state="session",
            format_func=lambda option: text.get(labels.format(option), language),
            **kwargs,
        )
        value = [o for o in options if o in (value or [])]
        _write_link(key, ",".join(value or default), ",".join(default))
        return value

    def reset_button(self, container=None):
        """A button that puts every control of this page back to its default."""

        def reset():
            for key, default in self.defaults.items():
                st.session_state[key] = default

        (container or self.where).button(
            t("common.reset"),
            on_click=reset,
            icon=":material/restart_alt:",
            key=f"_reset_{self.page}",
        )

    def changed(self) -> dict[str, object]:
        """The controls whose value differs from the default (what a link must carry)."""
        return {
            k: st.session_state.get(k)
            for k, d in self.defaults.items()
            if st.session_state.get(k, d) != d
        }


# -- values a link brings ------------------------------------------------------------
# Streamlit seeds a bound widget from the address once, at the first run, and some
# values crash inside its own parsing before the page can look at them (``?seed=inf``
# makes ``number_input`` raise OverflowError; ``?cam=`` clears a required option to
# None). So each value a link brings is checked here first: a number outside the
# control's range, a non-number, infinity or NaN is dropped (the control keeps its
# default) with a short note saying so; an empty option value is dropped too.


def _link_value(key: str):
    """The value the address brought for ``key`` on this run (None: it brought none)."""
    with get_session_state().query_params() as params:
        return params.get_initial_value(key)


def _replace_link_value(key: str, value: str | None) -> None:
    with get_session_state().query_params() as params:
        if value is None:
            params._initial_query_params.pop(key, None)  # private: no public API for this
        else:
            params._initial_query_params[key] = [value]
    if value is None and key in st.query_params:
        try:
            del st.query_params[key]
        except StreamlitAPIException:  # bound to a widget drawn before: Streamlit keeps it
            pass


def _refuse(key: str, label: str, raw, fix: str, where) -> None:
    shown = str(raw)[:40] + ("…" if len(str(raw)) > 40 else "")
    where.warning(
        t("common.link_refused", label=label, value=shown or "∅", fix=fix),
        icon=":material/link_off:",
    )


def _check_link_number(key: str, label: str, low, high, where) -> None:
    raw = _link_value(key)
    if raw is None or key in st.session_state:
        return
    first = raw[0] if isinstance(raw, list) else raw
    try:
        value = float(first)
    except (TypeError, ValueError):
        value = math.nan
    if not math.isfinite(value) or not low <= value <= high:
        _replace_link_value(key, None)
        _refuse(key, label, first, t("common.link_default"), where)
    elif isinstance(raw, list):  # a repeated parameter: the first value counts
        _replace_link_value(key, first)


def _check_link_choice(key: str, label: str, options: list, where, shown_as=str) -> None:
    """An option control bound by Streamlit takes a link's value only if it is the shown
    text exactly: ``?alpha=2`` for the option 2.0 would be dropped, and an empty value
    would leave a required control at None. Accept any number equal to an option; drop
    anything else with a note."""
    raw = _link_value(key)
    if raw is None or key in st.session_state:
        return
    values = raw if isinstance(raw, list) else [raw]
    first = next((v for v in values if v), "")
    shown = [shown_as(option) for option in options]
    if first in shown:
        if isinstance(raw, list):
            _replace_link_value(key, first)
        return
    match = _number_option(first, options)
    _replace_link_value(key, None if match is None else shown_as(match))
    if match is None and first:
        _refuse(key, label, first, t("common.link_default"), where)


def _check_link_text(key: str, label: str, max_chars: int, where) -> None:
    """A text a link brings longer than the input allows is dropped (with a note); of a
    repeated parameter the first value counts."""
    raw = _link_value(key)
    if raw is None or key in st.session_state:
        return
    first = raw[0] if isinstance(raw, list) else raw
    if len(first) > max_chars:
        _replace_link_value(key, None)
        _refuse(key, label, first, t("common.link_default"), where)
    elif isinstance(raw, list):
        _replace_link_value(key, first)


def _options_from_link(raw: str, options: list, labels: str) -> list | None:
    """The options a link's comma-separated value names (keys, or labels in any language), in
    the order of ``options``; None when any part names no option or nothing is named."""
    parts = [part.strip() for part in raw.split(",") if part.strip()]
    found = [_option_from_link(part, options, labels) for part in parts]
    if not found or any(option is None for option in found):
        return None
    return [o for o in options if o in found]


def _number_option(raw: str, options: list):
    """The option equal to the number ``raw`` (``"2"`` finds 2.0), or None."""
    try:
        value = float(raw)
    except (TypeError, ValueError):
        return None
    for option in options:
        if isinstance(option, int | float) and not isinstance(option, bool):
            if math.isclose(float(option), value, rel_tol=1e-9, abs_tol=1e-12):
                return option
    return None


def _option_from_link(raw: str, options: list, labels: str):
    """The option a link's value names: its key, or its label in any language."""
    if raw in options:
        return raw
    number = _number_option(raw, options)
    if number is not None:
        return number
    for option in options:
        if raw.casefold() == str(option).casefold():
            return option
        if any(raw == text.get(labels.format(option), code) for code in text.LANGUAGES):
            return option
    return None


def _write_link(key: str, value, default) -> None:
    """Keep ``?key=`` equal to ``value`` (absent while it is the default)."""
    wanted = None if value is None or value == default else str(value)
    if st.query_params.get(key) != wanted:
        if wanted is None:
            del st.query_params[key]
        else:
            st.query_params[key] = wanted


_SHARE_HTML = """
<div class="optim-share">
  <code class="optim-share-link" style="display:block;word-break:break-all;white-space:normal;
    font-size:0.8rem;padding:0.4rem 0.5rem;border-radius:0.4rem;background:#F3F6FA"></code>
  <button type="button" class="optim-share-copy" style="margin-top:0.4rem;padding:0.2rem 0.7rem;
    border:1px solid #C9D2DC;border-radius:0.4rem;background:#FFFFFF;cursor:pointer">{copy}</button>
</div>
<script>
(() => {{
  const show = () => document.querySelectorAll(".optim-share-link").forEach((e) => {{
    if (e.textContent !== window.location.href) e.textContent = window.location.href;
  }});
  show();
  if (!window.optimShareTimer) window.optimShareTimer = setInterval(show, 400);
  document.querySelectorAll(".optim-share-copy").forEach((button) => {{
    button.onclick = () => {{
      const done = () => {{ button.textContent = {copied}; }};
      if (navigator.clipboard && window.isSecureContext) {{
        navigator.clipboard.writeText(window.location.href).then(done);
      }} else {{
        const link = button.parentElement.querySelector(".optim-share-link");
        const range = document.createRange();
        range.selectNodeContents(link);
        const selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        if (document.execCommand("copy")) done();
      }}
    }};
  }});
}})();
</script>
"""


def share_box(container=None) -> None:
    """An expander with a copyable link to this page with its current settings.

    The link is the browser's own address, read there and kept current: every control
    is bound to the URL, and a control inside a fragment changes the address without
    rerunning anything outside it, so a link drawn by the server would go stale.
    """
    where = container or st.sidebar
    with where.expander(t("common.share"), icon=":material/link:"):
        st.caption(t("common.share_help"))
        copy, copied = t("common.copy"), json.dumps(t("common.copied"))
        st.html(
            _SHARE_HTML.format(copy=html.escape(copy), copied=copied), unsafe_allow_javascript=True
        )


# -- page furniture ---------------------------------------------------------------

_CHART_CONFIG = {
    "en": {"displaylogo": False},
    "ko": {"displaylogo": False, "locale": "ko", "locales": {"ko": PLOTLY_KO}},
}


def chart(fig, *, key: str, where=None, **kwargs):
    """``st.plotly_chart`` with Plotly's own words (toolbar, notices, dates) in the
    session's language and without the Plotly logo."""
    return (where or st).plotly_chart(fig, key=key, config=_CHART_CONFIG[lang()], **kwargs)


def glossary(*terms: str, where=None) -> None:
    """A collapsed box with one line for each term (``glossary("hessian", "eigen")``)."""
    with (where or st).expander(t("glossary.title"), icon=":material/menu_book:"):
        st.markdown("\n\n".join(t(f"glossary.{term}") for term in terms))


def what_to_try(key: str, **fields) -> None:
    """The page's "what to try" prompt, in a callout."""
    st.info(f"**{t('common.what_to_try')}** — {t(key, **fields)}", icon=":material/lightbulb:")


_DONE: set = set()  # calls this process has already finished once (their results are cached)
_DONE_LIMIT = 4096


def busy(work: Callable, *args, **kwargs):
    """Run ``work`` under a spinner (for anything that may take over half a second).

    The spinner costs a timer thread and a message per call, which 40 visitors pay
    on every run; a call this process has finished before is answered by the cache
    at once, so it runs without one.
    """
    try:
        done = (getattr(work, "__qualname__", id(work)), args, tuple(sorted(kwargs.items())))
        hash(done)
    except TypeError:  # unhashable arguments: always show the spinner
        done = None
    if done is not None and done in _DONE:
        return work(*args, **kwargs)
    with st.spinner(t("common.computing"), show_time=True):
        result = work(*args, **kwargs)
    if done is not None:
        if len(_DONE) >= _DONE_LIMIT:
            _DONE.clear()
        _DONE.add(done)
    return result
