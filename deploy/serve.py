"""Serve the dashboard from N Streamlit processes behind HAProxy (cookie-sticky sessions).

    .venv/bin/python deploy/serve.py [--processes 4] [--port 8501]   # or: make serve N=4

One Streamlit process runs every visitor's script under one interpreter lock, so a
machine with several cores serves a school best with one process per core. This starts
the processes on ports PORT+100, PORT+101, …, writes an HAProxy configuration from
deploy/haproxy.cfg with one ``server`` line per process, and runs HAProxy on PORT in the
foreground; Ctrl-C stops everything. Needs the ``haproxy`` binary (Debian: apt-get
install haproxy).
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STREAMLIT = str(Path(sys.executable).with_name("streamlit"))


def config(ports: list[int]) -> str:
    """deploy/haproxy.cfg with one sticky ``server`` line per Streamlit process."""
    lines = [
        f"    server p{i} 127.0.0.1:{port} cookie p{i} check" for i, port in enumerate(ports, 1)
    ]
    return (ROOT / "deploy" / "haproxy.cfg").read_text() + "\n".join(lines) + "\n"


def wait_healthy(port: int, timeout: float = 90) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        with contextlib.suppress(OSError):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/_stcore/health")
            if conn.getresponse().status == 200:
                return
        time.sleep(0.3)
    raise RuntimeError(f"no healthy Streamlit on port {port}")


@contextlib.contextmanager
def cluster(processes: int, port: int, *, quiet: bool = True):
    """Start the processes and HAProxy; yield the proxy's URL and the processes' pids."""
    haproxy = shutil.which("haproxy") or "/usr/sbin/haproxy"
    if not Path(haproxy).exists():
        raise RuntimeError("haproxy is not installed (Debian: apt-get install haproxy)")
    ports = [port + 100 + i for i in range(processes)]
    out = subprocess.DEVNULL if quiet else None
    env = os.environ | {"PYTHONPATH": str(ROOT)}
    procs = [
        subprocess.Popen(
            [STREAMLIT, "run", "dashboard.py", "--server.headless", "true"]
            + ["--server.port", str(p)],
            cwd=ROOT,
            stdout=out,
            stderr=out,
            env=env,
        )
        for p in ports
    ]
    cfg = tempfile.NamedTemporaryFile("w", suffix=".cfg", delete=False)
    proxy = None
    try:
        for p in ports:
            wait_healthy(p)
        cfg.write(config(ports))
        cfg.close()
        proxy = subprocess.Popen(
            [haproxy, "-db", "-f", cfg.name], env=env | {"PORT": str(port)}, stdout=out, stderr=out
        )
        wait_healthy(port)
        yield f"http://127.0.0.1:{port}", [p.pid for p in procs]
    finally:
        for p in [proxy, *procs]:
            if p is not None:
                p.send_signal(signal.SIGTERM)
        for p in [proxy, *procs]:
            if p is not None:
                with contextlib.suppress(subprocess.TimeoutExpired):
                    p.wait(timeout=20)
        Path(cfg.name).unlink(missing_ok=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--port", type=int, default=8501)
    args = parser.parse_args()
    with cluster(args.processes, args.port, quiet=False) as (url, _):
        print(f"dashboard at {url} ({args.processes} processes); Ctrl-C stops", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            while True:
                time.sleep(3600)


if __name__ == "__main__":
    main()
