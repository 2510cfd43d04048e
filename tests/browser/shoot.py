"""Screenshot one page in English and Korean: ``python tests/browser/shoot.py <url_path> [query]``.

A development aid (not a test): starts a server on a free port, opens
``/<url_path>?lang=en&<query>`` and the same in Korean in headless Chromium, and
saves full-page PNGs to /tmp/shots/ (``SHOTS`` sets another folder). ``WIDTH`` and
``HEIGHT`` set the window (default 1440×1000). Prints any exception box or console error.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser.conftest import (  # noqa: E402
    CHROMIUM_FLAGS,
    Server,
    app_errors,
    full_screenshot,
    wait_for_app,
)


def main() -> None:
    url_path = sys.argv[1] if len(sys.argv) > 1 else ""
    query = sys.argv[2] if len(sys.argv) > 2 else ""
    out = Path(os.environ.get("SHOTS", "/tmp/shots"))
    width = int(os.environ.get("WIDTH", "1440"))
    height = int(os.environ.get("HEIGHT", "1000"))
    out.mkdir(parents=True, exist_ok=True)
    server = Server()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_FLAGS
            )
            for lang in ("en", "ko"):
                page = browser.new_page(viewport={"width": width, "height": height})
                page.console_errors = []
                page.on(
                    "console",
                    lambda m, pg=page: (
                        pg.console_errors.append(m.text) if m.type == "error" else None
                    ),
                )
                url = f"{server.url}/{url_path}?lang={lang}" + (f"&{query}" if query else "")
                page.goto(url)
                wait_for_app(page, charts=False)
                page.wait_for_timeout(1500)
                name = out / f"{url_path or 'home'}-{lang}-{width}.png"
                full_screenshot(page, name)
                print(name, "errors:", app_errors(page))
                page.close()
            browser.close()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
