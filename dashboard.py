"""Entry point: ``streamlit run dashboard.py``.

Sets up the page, the language (bound to ``?lang=``) and the navigation over the
finished pages, in learning order.
"""

import streamlit as st

from ui import navigation, text
from ui.widgets import language_selector

st.set_page_config(
    page_title=text.get("common.app_title"),
    page_icon="📉",  # an emoji favicon is drawn locally; a :material: one is fetched from Google
    layout="wide",
)

language = language_selector()
st.set_page_config(page_title=text.get("common.app_title", language))  # 1.67: later calls override
if language == "ko":
    # Korean wraps between words (eojeol), not inside them; long tokens may still break.
    st.html(
        "<style>[data-testid=stAppViewContainer] :is(p, li, h1, h2, h3, span, label)"
        "{word-break: keep-all; overflow-wrap: anywhere;}</style>"
    )
pages = [
    st.Page(
        concept.file,
        title=text.get(f"nav.{concept.key}", language),
        icon=concept.icon,
        url_path=concept.url_path or None,
        default=not concept.url_path,
    )
    for concept in navigation.PAGES
]
st.navigation(pages).run()
