"""The benchmark's figures that need the app running and a real browser (part of `python -m bench`).

    python -m bench --only play        # ▶ on the Diffusion tab with 20 other visitors connected

The app runs in its own process, as `python app.py` would; Chromium comes from Debian (CHROMIUM_PATH to
use another). The other visitors are pages of the same headless browser, on the same cores as the app and
the measured page: a pessimistic stand-in for a class, whose browsers run on their own machines.
"""
from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PLAYING = "document.querySelector('#diffusion_frames .flipbook').closest('[data-playing]').dataset.playing"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def running_app(timeout: float = 120.0, log_path: Path | None = None):
    """`python app.py` on a free port; yields (its URL, seconds until it answered HTTP 200, the process).
    Its output goes to `log_path` when given."""
    port = free_port()
    environment = {**os.environ, "GRADIO_SERVER_PORT": str(port), "GRADIO_SERVER_NAME": "127.0.0.1",
                   "GRADIO_ANALYTICS_ENABLED": "False"}
    url = f"http://127.0.0.1:{port}/"
    started = time.perf_counter()
    output = open(log_path, "w") if log_path else subprocess.DEVNULL
    process = subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, env=environment, stdout=output,
                               stderr=subprocess.STDOUT)
    try:
        while True:
            if time.perf_counter() - started > timeout:
                raise RuntimeError(f"app.py did not answer within {timeout} s")
            if process.poll() is not None:
                raise RuntimeError("app.py exited before answering")
            try:
                with urllib.request.urlopen(url, timeout=30) as response:   # a busy start still answers
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.1)
        yield url, time.perf_counter() - started, process
    finally:
        process.terminate()
        process.wait(timeout=30)
        if log_path:
            output.close()


def bench_app_start() -> dict:
    """Seconds from `python app.py` to the page answering HTTP 200; and the requests a page sends anywhere
    but the app while it opens and every tab is clicked (an offline classroom needs none)."""
    with running_app() as (url, seconds, _):
        return {"app_start_s": seconds, "external_requests_at_load": float(len(external_requests(url)))}


def external_requests(url: str) -> list[str]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page, outside = browser.new_page(), []
            page.on("request", lambda request: outside.append(request.url)
                    if not request.url.startswith((url, "data:", "blob:")) else None)
            page.goto(url, timeout=300_000)
            for tab in page.get_by_role("tab").all():
                tab.click()
                page.wait_for_timeout(1000)
            page.wait_for_timeout(3000)
            for request in outside:
                print(f"external request: {request}")
            return outside
        finally:
            browser.close()


def bench_play(visitors: int = 20) -> dict:
    """Seconds for ▶ on the Diffusion tab to show every step of the trajectory the page opens on (the
    default steps), with `visitors` other pages open (and loading) at the same time. Designed: about 5 s
    (20 frames 250 ms apart until issue 19; 40 frames 125 ms apart since)."""
    from playwright.sync_api import sync_playwright

    from demo.tabs.diffusion import play_interval_ms
    from lab.api.diffusion import sampling_defaults

    steps = sampling_defaults("mnist")["steps"]
    last = f"Step {steps} of {steps}"

    with running_app() as (url, _, _), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            others = [browser.new_page() for _ in range(visitors)]
            for page in others:
                page.goto(url, timeout=300_000)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(url, timeout=300_000)
            page.get_by_role("tab", name="Diffusion", exact=True).click(timeout=300_000)
            caption = page.locator("#diffusion_frames .fb-caption")
            caption.filter(has_text=last).wait_for(timeout=300_000)
            started = time.perf_counter()
            page.locator("#diffusion_frames .fb-play").click()
            page.wait_for_function(f"() => {PLAYING} === 'false'", timeout=60_000, polling="raf")
            seen_by_playwright = time.perf_counter() - started
            if last not in caption.inner_text():
                raise RuntimeError("▶ stopped before the last step")
            dataset = page.evaluate(PLAYING.replace(".dataset.playing", ".dataset"))
            # Timed inside the page, from the click's own timestamp to the last frame: what the student
            # sees. Playwright's view adds its polling of a page that 20 others' loads keep busy.
            # Frames follow the clock: a starved page ends on time but skips frames, counted here.
            return {"play_diffusion_s": int(dataset["playedMs"]) / 1000,
                    "play_seen_by_playwright_s": seen_by_playwright,
                    "play_designed_s": steps * play_interval_ms(steps) / 1000,
                    "play_frames_shown": float(dataset["shown"]), "play_frames": float(steps),
                    "play_other_visitors": float(visitors)}
        finally:
            browser.close()
