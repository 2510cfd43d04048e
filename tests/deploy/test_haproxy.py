"""Several Streamlit processes behind HAProxy, with cookie-sticky sessions (deploy/).

80 browsers (Streamlit's websocket protocol, with cookies, as bench/bench_load.py speaks
it) open the home page through the proxy at once: all finish, both processes serve some
of them, an upload through the proxy reaches the session's own process, and the same
upload sent with the other process's cookie is refused (HTTP 400), which is why the
proxy must be sticky.
"""

import asyncio
import os
import shutil
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "bench"), str(ROOT / "deploy")]

from bench_load import free_port, proxy_check  # noqa: E402
from serve import cluster, config  # noqa: E402

HAPROXY = shutil.which("haproxy") or (
    "/usr/sbin/haproxy" if Path("/usr/sbin/haproxy").exists() else None
)
needs_haproxy = pytest.mark.skipif(
    HAPROXY is None and not os.environ.get("CI"),
    reason="no haproxy (apt-get install haproxy)",
)


def test_the_configuration_names_each_process_and_keeps_browsers_on_theirs():
    cfg = config([8601, 8602])
    assert "cookie STREAMLIT_PROCESS insert" in cfg
    assert "server p1 127.0.0.1:8601 cookie p1 check" in cfg
    assert "server p2 127.0.0.1:8602 cookie p2 check" in cfg
    assert "timeout tunnel" in cfg  # websockets outlive ordinary request timeouts


@pytest.mark.browser
@needs_haproxy
def test_eighty_sessions_through_haproxy_to_two_processes():
    with cluster(2, free_port()) as (base, pids):
        assert len(pids) == 2
        # in a thread of its own: the browser tests' Playwright keeps an event loop running here
        with ThreadPoolExecutor(1) as pool:
            result = pool.submit(asyncio.run, proxy_check(base, 80)).result()
    assert result["failed"] == [] and result["finished"] == 80
    assert set(result["by_process"]) == {"p1", "p2"}
    assert all(n > 0 for n in result["by_process"].values())
    assert result["upload"] == 204
    assert result["upload_elsewhere"] == 400
