"""Load benchmark: N browsers open the same link at once, then each moves one slider.

    .venv/bin/python bench/bench_load.py [--sessions 40] [--url http://host:port] [--pages a,b]

It speaks Streamlit's own protocol, as a browser does: a websocket at
``/_stcore/stream`` (subprotocol ``streamlit``), a ``BackMsg`` with ``rerun_script``
(query string and page), then ``ForwardMsg``s until ``script_finished``. Cookies are
kept (``GET /`` first, then the websocket with the ``Cookie`` header), so the client
also works through a cookie-sticky proxy, and like a browser it keeps the big messages it
received and tells the server their hashes on a rerun, so an unchanged chart comes back
as a short reference (what a slider move really sends). Without ``--url`` it starts its own server
(and, for comparison, a bare page: one 100 × 100 surface and one line, bench/bare.py).

Per page it prints p50 / p95 / max seconds to a finished run for opening and for the
slider move, the bytes of one view, failed sessions and sessions that saw an
exception, and the server's resident memory before, under load and after closing.
Numbers depend on the machine; they are reported in the README, never asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import http.client
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parents[1]
PROCESS_COOKIE = "STREAMLIT_PROCESS"  # set by HAProxy (deploy/haproxy.cfg): which process
STREAMLIT = str(Path(sys.executable).with_name("streamlit"))


@dataclass
class View:
    """One finished run as a session saw it."""

    seconds: float = 0.0
    bytes: int = 0
    packed: int = 0  # the same bytes deflated message by message (websocket compression)
    exception: bool = False
    failed: str = ""
    sliders: list = field(default_factory=list)  # (slider proto, fragment id)
    pages: list = field(default_factory=list)  # AppPage protos of the navigation message
    server: str = ""  # the process that answered (the proxy's cookie), if any


class Session:
    """A minimal Streamlit browser session over one websocket."""

    def __init__(self, base: str):
        self.base = base.rstrip("/")
        self.ws = None
        self.cookie = ""
        self.session_id = ""
        self.cached: set[str] = (
            set()
        )  # hashes of big messages this "browser" keeps, as a browser does

    def cookie_value(self, name: str) -> str:
        for part in self.cookie.split("; "):
            key, _, value = part.partition("=")
            if key == name:
                return value
        return ""

    async def open(self) -> None:
        parts = urllib.parse.urlsplit(self.base)
        self.cookie = await asyncio.to_thread(_get_cookies, parts.hostname, parts.port or 80)
        url = f"ws://{parts.hostname}:{parts.port}/_stcore/stream"
        headers = {"Cookie": self.cookie} if self.cookie else None
        self.ws = await websockets.connect(
            url,
            subprotocols=["streamlit"],
            additional_headers=headers,
            max_size=None,
            open_timeout=120,
            ping_interval=None,
        )

    async def run(
        self, query: str, page: str = "", widgets=None, fragment: str = "", *, deflate=False
    ) -> View:
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = query
        state.page_name = page
        if fragment:
            state.fragment_id = fragment
        if widgets:
            state.widget_states.widgets.extend(widgets)
        state.cached_message_hashes.extend(sorted(self.cached))
        view = View(server=self.cookie_value(PROCESS_COOKIE))
        kept: list[bytes] = []
        start = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        while True:
            raw = await asyncio.wait_for(self.ws.recv(), timeout=300)
            view.bytes += len(raw)
            if deflate:
                kept.append(raw)
            fwd = ForwardMsg()
            fwd.ParseFromString(raw)
            if fwd.metadata.cacheable:
                self.cached.add(fwd.hash)  # next time the server may send only a reference
            kind = fwd.WhichOneof("type")
            if kind == "delta":
                delta = fwd.delta
                if delta.WhichOneof("type") == "new_element":
                    element = delta.new_element
                    which = element.WhichOneof("type")
                    if which == "exception":
                        view.exception = True
                    elif which == "slider":
                        view.sliders.append((element.slider, delta.fragment_id))
            elif kind == "new_session":
                self.session_id = fwd.new_session.initialize.session_id
            elif kind == "navigation":
                view.pages = list(fwd.navigation.app_pages)
            elif kind == "script_finished":
                if fwd.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    continue
                break
        view.seconds = time.perf_counter() - start
        # deflating costs the client CPU the server shares: only for single views, after timing
        view.packed = sum(len(zlib.compress(raw, 6)) for raw in kept)
        return view

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()


def _get_cookies(host: str, port: int) -> str:
    """``GET /`` then ``GET /_stcore/health``, as a browser does, keeping the cookies they set:
    the proxy's process cookie (on the first response) and Streamlit's XSRF cookie (set by
    the health check, which the page polls)."""
    cookies: dict[str, str] = {}
    for path in ("/", "/_stcore/health"):
        conn = http.client.HTTPConnection(host, port, timeout=60)
        try:
            headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())}
            conn.request("GET", path, headers=headers if cookies else {})
            response = conn.getresponse()
            response.read()
            for key, header in response.getheaders():
                if key.lower() == "set-cookie":
                    name, _, value = header.split(";", 1)[0].partition("=")
                    cookies[name.strip()] = value.strip()
        finally:
            conn.close()
    return "; ".join(f"{k}={v}" for k, v in cookies.items())


def upload(session: Session, *, cookie: str | None = None) -> int:
    """PUT a small CSV to the session's upload URL as a browser does (XSRF header from the
    ``_streamlit_xsrf`` cookie); ``cookie`` replaces the session's cookies (e.g. another
    process's). Returns the HTTP status."""
    parts = urllib.parse.urlsplit(session.base)
    cookies = session.cookie if cookie is None else cookie
    xsrf = next(
        (c.split("=", 1)[1] for c in cookies.split("; ") if c.startswith("_streamlit_xsrf=")), ""
    )
    boundary = "----bench" + os.urandom(8).hex()
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.csv"\r\n'
        f"Content-Type: text/csv\r\n\r\nx,y\r\n1,2\r\n3,4\r\n--{boundary}--\r\n"
    ).encode()
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        conn.request(
            "PUT",
            f"/_stcore/upload_file/{session.session_id}/bench-{os.urandom(4).hex()}",
            body=body,
            headers={
                "Content-Type": f"multipart/form-data; boundary={boundary}",
                "Cookie": cookies,
                "X-Xsrftoken": xsrf,
            },
        )
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


async def proxy_check(base: str, sessions: int) -> dict:
    """Through a cookie-sticky proxy: ``sessions`` browsers open the home page at once; then
    one uploads a file (must succeed) and sends the same upload with another process's
    cookie (must be refused: that process does not know the session)."""
    results = await asyncio.gather(*(one_visitor(base, "", "", False) for _ in range(sessions)))
    opened = [r[0] for r in results]
    by_process: dict[str, int] = {}
    for view in opened:
        if not view.failed:
            by_process[view.server] = by_process.get(view.server, 0) + 1
    session = Session(base)
    await session.open()
    await session.run("")
    ok = await asyncio.to_thread(upload, session)
    mine = session.cookie_value(PROCESS_COOKIE)
    other = next((p for p in by_process if p and p != mine), "")
    swapped = "; ".join(
        f"{PROCESS_COOKIE}={other}" if c.startswith(PROCESS_COOKIE + "=") else c
        for c in session.cookie.split("; ")
    )
    wrong = await asyncio.to_thread(upload, session, cookie=swapped) if other else None
    await session.close()
    return dict(
        finished=sum(not v.failed and not v.exception for v in opened),
        failed=[v.failed for v in opened if v.failed][:3],
        by_process=by_process,
        upload=ok,
        upload_elsewhere=wrong,
    )


def moved(slider):
    """The widget state of ``slider`` moved one step from its current value."""
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    current = list(slider.value) or list(slider.default)
    state = WidgetState(id=slider.id)
    if slider.options:  # select_slider: its state is the chosen option's label (1.67)
        index = min(int(current[0]) + 1, len(slider.options) - 1)
        state.string_array_value.data.extend([slider.options[index]])
        return state
    step = slider.step or 1
    nxt = [current[0] + step if current[0] + step <= slider.max else current[0] - step]
    state.double_array_value.data.extend(nxt + current[1:])
    return state


async def one_visitor(base: str, query: str, page: str, move: bool) -> tuple[View, View | None]:
    session = Session(base)
    try:
        await session.open()
        first = await session.run(query, page)
        second = None
        if move and first.sliders:
            slider, fragment = first.sliders[0]
            second = await session.run(query, page, [moved(slider)], fragment)
        return first, second
    except Exception as error:  # a failed session is counted, not raised
        return View(failed=f"{type(error).__name__}: {error}"), None
    finally:
        with contextlib.suppress(Exception):
            await session.close()


def rss_mb(pids: list[int]) -> float:
    """Resident memory of the server processes, MB (Linux /proc)."""
    total = 0
    for pid in pids:
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
    return total / 1024


def quantiles(values: list[float]) -> tuple[float, float, float]:
    if not values:
        return (float("nan"),) * 3
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95, ordered[-1]


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time the server processes have used so far (Linux /proc)."""
    total = 0
    for pid in pids:
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime (clock ticks)
    return total / os.sysconf("SC_CLK_TCK")


async def warm_view(
    base: str, query: str, page: str, pids: list[int], repeats: int = 10
) -> tuple[float, float, int, int]:
    """One new visitor at a time on a warm server (after a first, cache-filling visit):
    the server's CPU time per view (``/proc``, when the server runs here), the median
    seconds to a finished run, the bytes of the view, and those bytes deflated (≈ what
    ``server.enableWebsocketCompression`` would send).

    A teacher's session stays open meanwhile, as in a class: when the last session
    closes, Streamlit forgets the compiled page scripts and compiles them again."""
    times, size, packed = [], 0, 0
    teacher = Session(base)
    await teacher.open()
    await teacher.run(query, page)
    cpu = 0.0
    for i in range(repeats + 1):
        session = Session(base)
        await session.open()
        start = cpu_seconds(pids)
        try:
            view = await session.run(query, page, deflate=i == 1)
        finally:
            await session.close()
        if i:  # the first visit fills the caches
            await asyncio.sleep(0.05)  # let the server finish with the closed session
            cpu += cpu_seconds(pids) - start
            times.append(view.seconds)
            size = view.bytes
            packed = view.packed or packed
    await teacher.close()
    server = cpu / repeats if pids else float("nan")
    return server, statistics.median(times), size, packed


async def page_load(base: str, name: str, page: str, n: int, pids: list[int], query: str):
    before = rss_mb(pids)
    results = await asyncio.gather(*(one_visitor(base, query, page, True) for _ in range(n)))
    under = rss_mb(pids)
    opened = [r[0] for r in results]
    moves = [r[1] for r in results if r[1] is not None]
    failed = [v.failed for v in opened if v.failed]
    servers = {v.server for v in opened if not v.failed}
    return dict(
        name=name,
        open=quantiles([v.seconds for v in opened if not v.failed]),
        move=quantiles([v.seconds for v in moves]),
        bytes=statistics.median([v.bytes for v in opened if not v.failed] or [0]),
        move_bytes=statistics.median([v.bytes for v in moves] or [0]),
        failed=len(failed),
        errors=failed[:2],
        exceptions=sum(v.exception for v in opened + moves),
        before=before,
        under=under,
        servers=len(servers),
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def server(script: str, extra: tuple[str, ...] = ()):
    port = free_port()
    proc = subprocess.Popen(
        [STREAMLIT, "run", script, "--server.headless", "true", "--server.port", str(port)]
        + list(extra),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=os.environ | {"PYTHONPATH": str(ROOT)},
    )
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            with contextlib.suppress(OSError):
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                conn.request("GET", "/_stcore/health")
                if conn.getresponse().status == 200:
                    break
            time.sleep(0.3)
        yield f"http://127.0.0.1:{port}", [proc.pid]
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def report(rows: list[dict]) -> None:
    head = (
        f"{'page':<22} {'open p50':>8} {'p95':>6} {'max':>6} | {'move p50':>8} {'p95':>6} "
        f"{'max':>6} | {'CPU ms':>6} {'wall ms':>7} {'KiB/view':>8} {'deflated':>8} {'KiB/move':>8} | fail exc | "
        f"{'MB before':>9} {'under':>6} {'after':>6}"
    )
    print(head)
    print("-" * len(head))
    for r in rows:
        o, m = r["open"], r["move"]
        print(
            f"{r['name']:<22} {o[0]:8.2f} {o[1]:6.2f} {o[2]:6.2f} | {m[0]:8.2f} {m[1]:6.2f} "
            f"{m[2]:6.2f} | {r.get('cpu', float('nan')) * 1e3:6.0f} "
            f"{r.get('warm', float('nan')) * 1e3:7.0f} {r['bytes'] / 1024:8.0f} "
            f"{r.get('packed', 0) / 1024:8.0f} "
            f"{r['move_bytes'] / 1024:8.0f} | {r['failed']:4d} {r['exceptions']:3d} | "
            f"{r['before']:9.0f} {r['under']:6.0f} {r.get('after', float('nan')):6.0f}"
        )
        for error in r["errors"]:
            print(f"    failed: {error[:150]}")
        if "memory" in r:
            idle, peak, final = r["memory"]
            print(
                f"    memory: idle {idle:.0f} MB (one warm visit to each page), highest under "
                f"load {peak:.0f} MB, {final:.0f} MB once every session had closed and expired "
                f"({final - idle:+.0f} MB)"
            )
        if r.get("servers", 1) > 1:
            print(f"    sessions were served by {r['servers']} processes")


async def measure(base: str, pids: list[int], args, pages=None) -> list[dict]:
    """Warm views of every page first (then the server is "idle": one warm visit to each
    page at its defaults), then N sessions per page; with ``--ttl-wait`` the memory once
    every session has closed and Streamlit has let disconnected sessions go."""
    probe = Session(base)
    await probe.open()
    home = await probe.run(args.query)
    await probe.close()
    chosen = [
        app_page
        for app_page in pages or home.pages or [_SinglePage()]
        if not args.pages or (app_page.url_pathname or "home") in args.pages.split(",")
    ]
    warm = {}
    for app_page in chosen:
        warm[app_page.url_pathname] = await warm_view(base, args.query, app_page.url_pathname, pids)
    idle = rss_mb(pids)
    rows = []
    for app_page in chosen:
        name = app_page.url_pathname or "home"
        row = await page_load(base, name, app_page.url_pathname, args.sessions, pids, args.query)
        row["cpu"], row["warm"], _, row["packed"] = warm[app_page.url_pathname]
        await asyncio.sleep(args.settle)
        row["after"] = rss_mb(pids)
        rows.append(row)
        print(f"  {name}: done", file=sys.stderr)
    peak = max((r["under"] for r in rows), default=idle)
    if args.ttl_wait and pids:
        print(f"  waiting {args.ttl_wait:.0f} s for closed sessions to expire", file=sys.stderr)
        await asyncio.sleep(args.ttl_wait)
        rows[-1]["memory"] = (idle, peak, rss_mb(pids))
    return rows


class _SinglePage:
    """A script without st.navigation (the bare page) has one unnamed page."""

    url_pathname = ""
    page_name = ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=40)
    parser.add_argument("--url", help="an already running server (default: start one)")
    parser.add_argument("--pages", default="", help="comma-separated url paths (home = '')")
    parser.add_argument("--query", default="", help="query string of the shared link")
    parser.add_argument("--settle", type=float, default=1.0, help="seconds before 'after' memory")
    parser.add_argument(
        "--ttl-wait",
        type=float,
        default=0.0,
        help="at the end, seconds to wait before the final memory (Streamlit forgets closed "
        "sessions after server.disconnectedSessionTTL, 120 s by default): try 130",
    )
    parser.add_argument("--no-bare", action="store_true", help="skip the bare-page comparison")
    parser.add_argument("--compression", action="store_true", help="websocket compression on")
    parser.add_argument(
        "--proxy", type=int, default=0, help="N processes behind HAProxy (deploy/serve.py)"
    )
    args = parser.parse_args()
    if args.proxy:
        sys.path.insert(0, str(ROOT / "deploy"))
        from serve import cluster

        with cluster(args.proxy, free_port()) as (base, pids):
            check = asyncio.run(proxy_check(base, 2 * args.sessions))
            print(f"through HAProxy to {args.proxy} processes: {check}")
            rows = asyncio.run(measure(base, pids, args))
        print(f"\n{args.sessions} sessions per page through HAProxy, {args.proxy} processes")
        report(rows)
        return
    extra = ("--server.enableWebsocketCompression", "true") if args.compression else ()
    if args.url:
        rows = asyncio.run(measure(args.url, [], args))
    else:
        rows = []
        if not args.no_bare:
            with server("bench/bare.py", extra) as (base, pids):
                rows += asyncio.run(
                    measure(
                        base,
                        pids,
                        argparse.Namespace(**(vars(args) | {"pages": "", "ttl_wait": 0})),
                    )
                )
            rows[-1]["name"] = "bare page (floor)"
        with server("dashboard.py", extra) as (base, pids):
            rows += asyncio.run(measure(base, pids, args))
    print(f"\n{args.sessions} sessions per page, all opening the same link at once")
    report(rows)


if __name__ == "__main__":
    main()
