"""Browser fixtures: a live ``streamlit run dashboard.py`` and Debian's headless Chromium.

Outside CI the browser tests skip with one line when no Chromium is found; with
``CI=true`` a missing browser is a failure. Playwright never downloads a browser.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "tests" / "browser" / "screenshots"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--use-angle=swiftshader",
    "--enable-unsafe-swiftshader",
]


def chromium_path() -> str | None:
    for candidate in ("/usr/bin/chromium", shutil.which("chromium") or ""):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def pytest_collection_modifyitems(config, items):
    if chromium_path():
        return
    if os.environ.get("CI", "").lower() == "true":
        return  # the fixture fails loudly below
    skip = pytest.mark.skip(reason="no Chromium at /usr/bin/chromium (apt-get install chromium)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A streamlit server on a free port; ``url`` is its root."""

    def __init__(self):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        cmd = [
            sys.executable, "-m", "streamlit", "run", "dashboard.py",
            "--server.headless", "true", "--server.port", str(self.port),
            "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
        ]  # fmt: skip
        self.proc = subprocess.Popen(
            cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
        )
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("streamlit exited: " + self.proc.stderr.read())
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError("streamlit did not become healthy within 60 s")

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


@pytest.fixture(scope="session")
def server():
    srv = Server()
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        pytest.fail("CI=true but no Chromium is installed (.ci/run installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_FLAGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A fresh page that collects console errors and requests to other hosts."""
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="en-US")
    pg = context.new_page()
    pg.console_errors = []
    pg.on(
        "console",
        lambda msg: pg.console_errors.append(msg.text) if msg.type == "error" else None,
    )
    pg.on("pageerror", lambda exc: pg.console_errors.append(str(exc)))
    # Everything the app shows must come from its own server (classrooms can be offline).
    pg.external_requests = []
    pg.on(
        "request",
        lambda req: (
            pg.external_requests.append(req.url)
            if urlparse(req.url).hostname not in ("127.0.0.1", "localhost", None)
            and not req.url.startswith(("data:", "blob:"))
            else None
        ),
    )
    yield pg
    context.close()


def wait_for_app(pg, *, charts: bool = True, timeout: float = 60_000):
    """Wait like Streamlit's own e2e suite: script finished, no skeleton, charts drawn."""
    pg.wait_for_selector("[data-testid=stApp]", timeout=timeout)
    pg.wait_for_function(
        "() => document.querySelector('[data-testid=stApp]')"
        "?.getAttribute('data-test-script-state') === 'notRunning'",
        timeout=timeout,
    )
    pg.wait_for_selector("[data-testid=stSkeleton]", state="detached", timeout=timeout)
    if charts:
        pg.wait_for_selector("[data-testid=stPlotlyChart] .main-svg", timeout=timeout)
    pg.wait_for_timeout(500)


def full_screenshot(pg, path) -> None:
    """Screenshot the whole page: Streamlit scrolls inside its main section, not the window,
    so the viewport is stretched to the content's height first."""
    size = pg.viewport_size
    height = pg.evaluate(
        "() => Math.max(...[...document.querySelectorAll('[data-testid=stMain], section')]"
        ".map(e => e.scrollHeight), document.body.scrollHeight)"
    )
    pg.set_viewport_size({"width": size["width"], "height": min(int(height) + 40, 12000)})
    pg.wait_for_timeout(800)
    pg.screenshot(path=path, full_page=True)
    pg.set_viewport_size(size)


def app_errors(pg) -> list[str]:
    """Exception boxes on the page plus console errors that are the app's own."""
    boxes = [e.inner_text() for e in pg.query_selector_all("[data-testid=stException]")]
    # A deep link makes the frontend probe <page>/_stcore/... first; those two failed
    # loads are Streamlit's routing, not errors of the app.
    console = [
        m for m in pg.console_errors
        if "_stcore" not in m and "Failed to load resource" not in m
    ]  # fmt: skip
    return boxes + console
