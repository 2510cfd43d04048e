"""The learning path: every concept in order, and the page that teaches it (once built).

``dashboard.py`` lists exactly the concepts whose ``file`` is set, so an unfinished
concept never shows up as a placeholder in the menu; the home page still names it
as part of the path.

The page files live in ``app_pages/``, not ``pages/``: with a folder named ``pages``
Streamlit 1.67 answers the first request after a server start in its legacy mode,
so a shared deep link (``/weighted-averages?...``) on a cold server showed a "Page
not found" dialog before the entry file corrected course. ``url_path`` is the
stable shared address, independent of the file name.
"""

from __future__ import annotations

from typing import NamedTuple


class Concept(NamedTuple):
    key: str  # text keys nav.<key>, home.path.<key>
    icon: str
    file: str | None  # page file, None while the page is not built
    url_path: str  # stable shared URL, "" for the home page


LEARNING_PATH: tuple[Concept, ...] = (
    Concept("home", ":material/school:", "app_pages/home.py", ""),
    Concept(
        "gradient_descent",
        ":material/trending_down:",
        "app_pages/gradient_descent.py",
        "gradient-descent",
    ),
    Concept("local_optima", ":material/landscape:", "app_pages/local_optima.py", "local-optima"),
    Concept("batch_sizes", ":material/view_module:", "app_pages/batch_sizes.py", "batch-sizes"),
    Concept("ewa", ":material/show_chart:", "app_pages/ewa.py", "weighted-averages"),
    Concept("momentum", ":material/speed:", "app_pages/momentum.py", "momentum"),
    Concept("rmsprop", ":material/tune:", "app_pages/rmsprop.py", "rmsprop"),
    Concept("adam", ":material/auto_awesome:", "app_pages/adam.py", "adam"),
    Concept("race", ":material/sports_score:", "app_pages/race.py", "race"),
)

PAGES: tuple[Concept, ...] = tuple(c for c in LEARNING_PATH if c.file)
