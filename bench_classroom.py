"""A class at once, measured against `python app.py` (part of `python -m bench`).

    python -m bench --only classroom

The server is one process; its CPU time and memory are read from /proc (Linux). Pages are headless
Chromium pages on the same 2 cores as the server, and the drawing clients are threads of this process:
a pessimistic stand-in for a class, whose browsers run on their own machines. A page has "every on-load
output" when the server has gone quiet after it opened (no CPU for QUIET_S) and its first tab shows its
result. Figures:

- warm_up_s: from start until the page loads are computed once per language in the background;
- visitor_cpu_s: server CPU seconds per page open, median of VISITS opens one after another;
- classroom_20_open_s: 20 pages opened together, until every one has its outputs and the server is quiet;
- classroom_20_encode_p95_ms / _errors: 20 clients each sending a new drawing to /encode_drawing every 2 s
  for ENCODE_S seconds while those 20 pages open; encode_idle_p50_ms: one client alone on an idle server
  (from sending the drawing, upload included, to the result's arrival);
- rss_growth_mb_per_100_opens and temp_files_per_100_opens: the server's memory and temporary files after
  OPENS pages opened and closed one after another, scaled to 100.
"""
from __future__ import annotations

import os
import re
import statistics
import tempfile
import threading
import time
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

from bench_browser import CHROMIUM, CHROMIUM_ARGS, running_app

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
    """Seconds the app's warm-up took, read from its log."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        found = re.search(r"warm-up done in ([\d.]+) s", log_path.read_text(errors="replace"))
        if found:
            return float(found.group(1))
        time.sleep(1)
    raise RuntimeError("the warm-up did not finish")


def open_page(browser, url: str):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(url, timeout=600_000)
    page.locator("#kmeans_summary").filter(has_text=re.compile(r"\d")).wait_for(timeout=600_000)
    return page


def drawing_file() -> str:
    """A 280x280 pen drawing of a 1 (a new drawing each time would only change its slant)."""
    image = Image.new("RGB", (280, 280), "white")
    ImageDraw.Draw(image).line([(150, 40), (130, 240)], fill="black", width=18)
    path = Path(tempfile.mkdtemp(prefix="lab-bench-")) / "one.png"
    image.save(path)
    return str(path)


def encode_client(url: str, seconds: float, timings: list, errors: list) -> None:
    """One student drawing: a new stroke sent every 1 / CLIENT_HZ seconds, each round trip timed."""
    from gradio_client import Client, handle_file

    # The round trip is until the result arrives; a page fetches the pictures it names afterwards, in parallel.
    client, path = Client(url, verbose=False, download_files=False), drawing_file()
    stop = time.perf_counter() + seconds
    while time.perf_counter() < stop:
        started = time.perf_counter()
        try:
            client.predict({"background": None, "layers": [], "composite": handle_file(path)}, "mnist", "vae16",
                           None, api_name="/encode_drawing")
            timings.append(time.perf_counter() - started)
        except Exception as error:   # noqa: BLE001 - counted, the run goes on
            errors.append(repr(error)[:200])
        time.sleep(max(0.0, 1 / CLIENT_HZ - (time.perf_counter() - started)))


def encode_timings(url: str, clients: int, seconds: float) -> tuple[list[float], list[str]]:
    timings, errors = [], []
    threads = [threading.Thread(target=encode_client, args=(url, seconds, timings, errors)) for _ in range(clients)]
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
        timings, _ = encode_timings(url, 1, 20.0)
        figures["encode_idle_p50_ms"] = 1000 * statistics.median(timings)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for phase in (visits, classroom, term):
                figures |= phase(browser, url, pid, idle)
                print(f"classroom: {figures}", flush=True)
        finally:
            browser.close()
    return figures


def visits(browser, url: str, pid: int, idle: float) -> dict:
    costs = []
    for _ in range(VISITS):
        wait_quiet(pid, idle)
        before, started = cpu_seconds(pid), time.perf_counter()
        page = open_page(browser, url)
        wait_quiet(pid, idle)
        costs.append(cpu_seconds(pid) - before - idle * (time.perf_counter() - started))
        page.close()
    return {"visitor_cpu_s": statistics.median(costs)}


def classroom(browser, url: str, pid: int, idle: float, pages: int = 20) -> dict:
    """20 pages opening together: until each shows its first tab and the server has answered every load.
    Then 20 more while 20 clients draw: their encodings' round trips."""
    wait_quiet(pid, idle)
    started = time.perf_counter()
    opened = open_together(browser, url, pages)
    all_open = wait_quiet(pid, idle) - started
    for page in opened:
        page.close()
    wait_quiet(pid, idle)
    drawing = {}
    drawers = threading.Thread(target=lambda: drawing.update(zip(("timings", "errors"),
                                                                   encode_timings(url, pages, ENCODE_S))))
    drawers.start()
    opened = open_together(browser, url, pages)
    drawers.join()
    for page in opened:
        page.close()
    timings = np.array(drawing["timings"]) * 1000
    return {"classroom_20_open_s": all_open,
            "classroom_20_encode_p50_ms": float(np.percentile(timings, 50)),
            "classroom_20_encode_p95_ms": float(np.percentile(timings, 95)),
            "classroom_20_encode_errors": float(len(drawing["errors"])),
            "classroom_20_encodes": float(len(timings))}


def open_together(browser, url: str, pages: int) -> list:
    """`pages` pages asked for at once; returns them once each shows its first tab's result."""
    opened = [browser.new_page() for _ in range(pages)]
    for page in opened:   # returns as soon as the request is sent: the pages then load side by side
        page.goto(url, timeout=600_000, wait_until="commit")
    for page in opened:
        page.locator("#kmeans_summary").filter(has_text=re.compile(r"\d")).wait_for(timeout=600_000)
    return opened


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
