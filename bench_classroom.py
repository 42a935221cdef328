"""A class at once, measured against `python app.py` (part of `python -m bench`).

    python -m bench --only classroom

The server is one process; its CPU time and memory are read from /proc (Linux). Visitors and students are
the traffic their browsers send, replayed over HTTP (`bench_traffic`): a page's, recorded once from a real
Chromium page, and the Draw & encode pad's. On the server's own 2 cores, 20 rendering Chromium pages or 20
`gradio_client`s would measure themselves rather than the lab. Figures:

- warm_up_s: from start until the page loads are computed once per language in the background;
- visitor_cpu_s: server CPU seconds per page open, median of VISITS opens one after another;
- classroom_20_open_s: 20 visitors opening together, until each has every file and every event's result;
- classroom_20_encode_p95_ms / _errors: 20 students, each in their own session sending a new drawing every
  2 s for ENCODE_S seconds while 20 more visitors open, the round trip from upload to result;
- encode_idle_p50_ms: one `gradio_client` alone on an idle server, made as the README shows
  (encode_idle_default_client_p50_ms: made with gradio_client's defaults; encode_idle_page_p50_ms: one student
  as the page sends it);
- rss_growth_mb_per_100_opens and temp_files_per_100_opens: the server's memory and temporary files after
  OPENS Chromium pages opened and closed one after another (their sessions end as a browser's do), scaled
  to 100.
"""
from __future__ import annotations

import io
import os
import random
import re
import statistics
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

from bench_browser import CHROMIUM, CHROMIUM_ARGS, running_app
from bench_traffic import FIRST_TAB_READY, PageTraffic, encode_stroke, find_endpoint, record_page, replay_page

QUIET_S = 1.5
VISITS = 10
OPENS = 40
ENCODE_S = 60.0
CLIENT_HZ = 0.5
TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process, all its threads."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def rss_mb(pid: int) -> float:
    match = re.search(r"VmRSS:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text())
    return int(match.group(1)) / 1024


def idle_rate(pid: int, seconds: float = 6.0) -> float:
    """CPU seconds per second the server uses with nobody there (Gradio's queue polls while it waits)."""
    before = cpu_seconds(pid)
    time.sleep(seconds)
    return (cpu_seconds(pid) - before) / seconds


def wait_quiet(pid: int, idle: float, timeout: float = 600.0) -> float:
    """Block until the process has used no more than its idle CPU (+3 % of a core) for QUIET_S; returns
    when that quiet stretch began."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        before, started = cpu_seconds(pid), time.perf_counter()
        time.sleep(QUIET_S)
        if cpu_seconds(pid) - before < (idle + 0.03) * QUIET_S:
            return started
    raise RuntimeError(f"the server did not go quiet within {timeout} s")


def wait_for_warm_up(log_path: Path, timeout: float = 900.0) -> float:
    """Seconds the app's warm-up of its page loads took, read from its log, once the lessons' panels that
    follow it are ready too (nothing is measured while the server computes in the background)."""
    seconds = float(wait_for_log(log_path, r"warm-up done in ([\d.]+) s", timeout))
    wait_for_log(log_path, r"lesson panels prepared in ([\d.]+) s", timeout)
    return seconds


def wait_for_log(log_path: Path, pattern: str, timeout: float = 900.0) -> str:
    """The first group of `pattern` once it appears in the app's log."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        found = re.search(pattern, log_path.read_text(errors="replace"))
        if found:
            return found.group(1)
        time.sleep(1)
    raise RuntimeError(f"the app's log never said {pattern!r}")


def open_page(browser, url: str):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(url, timeout=600_000)
    page.locator(FIRST_TAB_READY).filter(has_text=re.compile(r"\d")).wait_for(timeout=600_000)
    return page


def drawing_png() -> bytes:
    """A 280x280 pen drawing of a 1 (a new drawing each time would only change its slant)."""
    image = Image.new("RGB", (280, 280), "white")
    ImageDraw.Draw(image).line([(150, 40), (130, 240)], fill="black", width=18)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def gradio_client_encodings(url: str, seconds: float, shared_tls: bool = True) -> list[float]:
    """One client alone through `gradio_client`, as a script would: its round trips (upload included, until
    the result arrives; the pictures it names are not fetched). With `shared_tls`, the client is made as the
    README shows, with one TLS context for all its requests; otherwise gradio_client builds three per call
    (30 ms each on this machine), even for http://."""
    import ssl

    from gradio_client import Client, handle_file

    path = Path(tempfile.mkdtemp(prefix="lab-bench-")) / "one.png"
    path.write_bytes(drawing_png())
    options = {"ssl_verify": ssl.create_default_context()} if shared_tls else {}
    client, timings = Client(url, verbose=False, download_files=False, **options), []
    stop = time.perf_counter() + seconds
    while time.perf_counter() < stop:
        started = time.perf_counter()
        client.predict({"background": None, "layers": [], "composite": handle_file(str(path))}, "mnist", "vae16",
                       None, api_name="/encode_drawing")
        timings.append(time.perf_counter() - started)
        time.sleep(max(0.0, 1 / CLIENT_HZ - (time.perf_counter() - started)))
    return timings


def student_drawing(url: str, seconds: float, timings: list, errors: list) -> None:
    """One student at the pad, in their own session: a new drawing every 1 / CLIENT_HZ seconds, as the page
    sends it (bench_traffic.encode_stroke), each round trip timed."""
    endpoint, session, png = find_endpoint(url, "encode_drawing"), uuid.uuid4().hex[:11], drawing_png()
    stop = time.perf_counter() + seconds
    # Students do not draw in step: each starts at their own moment in the period (20 in lockstep would
    # send 20 strokes in the same instant, every 2 s).
    time.sleep(random.uniform(0, 1 / CLIENT_HZ))
    while time.perf_counter() < stop:
        started = time.perf_counter()
        try:
            encode_stroke(url, endpoint, session, png)
            timings.append(time.perf_counter() - started)
        except Exception as error:   # noqa: BLE001 - counted, the run goes on
            errors.append(repr(error)[:200])
        time.sleep(max(0.0, 1 / CLIENT_HZ - (time.perf_counter() - started)))


def encode_timings(url: str, clients: int, seconds: float) -> tuple[list[float], list[str]]:
    timings, errors = [], []
    threads = [threading.Thread(target=student_drawing, args=(url, seconds, timings, errors))
               for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return timings, errors


def temp_files() -> int:
    """Files under the app's temporary folders (Gradio's cache and our exports)."""
    root = Path(os.environ.get("GRADIO_TEMP_DIR", Path(tempfile.gettempdir()) / "gradio"))
    exports = Path(tempfile.gettempdir()).glob("lab-exports-*")
    return sum(1 for folder in [root, *exports] for path in folder.rglob("*") if path.is_file())


def bench_classroom() -> dict:
    from playwright.sync_api import sync_playwright

    log_path = Path(tempfile.mkdtemp(prefix="lab-bench-")) / "app.log"
    figures = {}
    with running_app(log_path=log_path) as (url, _, process), sync_playwright() as playwright:
        pid = process.pid
        figures["warm_up_s"] = wait_for_warm_up(log_path)
        idle = figures["idle_cpu_per_s"] = idle_rate(pid)
        figures["encode_idle_p50_ms"] = 1000 * statistics.median(gradio_client_encodings(url, 20.0))
        figures["encode_idle_default_client_p50_ms"] = 1000 * statistics.median(
            gradio_client_encodings(url, 20.0, shared_tls=False))
        timings, _ = encode_timings(url, 1, 20.0)
        figures["encode_idle_page_p50_ms"] = 1000 * statistics.median(timings)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            traffic = record_page(browser, url)
            figures["page_requests"] = float(len(traffic.files))
            figures["page_events"] = float(len(traffic.loads) + len(traffic.reactions))
            figures |= visits(traffic, url, pid, idle)
            print(f"classroom: {figures}", flush=True)
            figures |= classroom(traffic, url, pid, idle)
            print(f"classroom: {figures}", flush=True)
            figures |= term(browser, url, pid, idle)
        finally:
            browser.close()
    return figures


def visits(traffic: PageTraffic, url: str, pid: int, idle: float) -> dict:
    costs = []
    for _ in range(VISITS):
        wait_quiet(pid, idle)
        before, started = cpu_seconds(pid), time.perf_counter()
        replay_page(url, traffic)
        wait_quiet(pid, idle)
        costs.append(cpu_seconds(pid) - before - idle * (time.perf_counter() - started))
    return {"visitor_cpu_s": statistics.median(costs)}


def classroom(traffic: PageTraffic, url: str, pid: int, idle: float, visitors: int = 20) -> dict:
    """20 visitors opening together: until each has every file and every result. Then 20 more while 20
    clients draw: their encodings' round trips."""
    wait_quiet(pid, idle)
    with ThreadPoolExecutor(visitors) as pool:
        opens = list(pool.map(lambda _: replay_page(url, traffic), range(visitors)))
    wait_quiet(pid, idle)
    drawing = {}
    drawers = threading.Thread(target=lambda: drawing.update(zip(("timings", "errors"),
                                                                   encode_timings(url, visitors, ENCODE_S))))
    drawers.start()
    time.sleep(2)                            # the class is drawing when the late-comers open the page
    with ThreadPoolExecutor(visitors) as pool:
        late = list(pool.map(lambda _: replay_page(url, traffic), range(visitors)))
    drawers.join()
    timings = np.array(drawing["timings"]) * 1000
    return {"classroom_20_open_s": max(seconds for seconds, _ in opens),
            "classroom_20_open_errors": float(sum(failed for _, failed in opens + late)),
            "classroom_20_open_while_drawing_s": max(seconds for seconds, _ in late),
            "classroom_20_encode_p50_ms": float(np.percentile(timings, 50)),
            "classroom_20_encode_p95_ms": float(np.percentile(timings, 95)),
            "classroom_20_encode_errors": float(len(drawing["errors"])),
            "classroom_20_encodes": float(len(timings))}


def term(browser, url: str, pid: int, idle: float) -> dict:
    """Pages opened and closed one after another: what stays behind."""
    for _ in range(3):                       # the first opens allocate what every later one reuses
        open_page(browser, url).close()
    time.sleep(5)
    rss_before, files_before = rss_mb(pid), temp_files()
    for _ in range(OPENS):
        open_page(browser, url).close()
    time.sleep(20)                           # closed pages are noticed at the next heartbeat
    return {"rss_growth_mb_per_100_opens": (rss_mb(pid) - rss_before) * 100 / OPENS,
            "temp_files_per_100_opens": (temp_files() - files_before) * 100 / OPENS}
