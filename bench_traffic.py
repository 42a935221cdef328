"""A class's traffic, replayed over HTTP: what a page sends while it opens, and what a stroke on the pad
sends, without rendering anything (part of `python -m bench --only classroom`).

A page's traffic is recorded once from a real Chromium page (`record_page`): the document, every script,
stylesheet and font, and the events it sends to Gradio's queue. `replay_page` sends the same requests in a
fresh session, the way another student's browser would from their own machine; `encode_stroke` sends a
drawing as the Draw & encode pad does (the picture uploaded, the event joined, the result read from the
session's stream). On one machine with the server, 20 rendering Chromium pages or 20 `gradio_client`s
would measure themselves: 20 of the latter, drawing every 2 s, used 0.96 CPU-s per second against the
server's 0.58.
"""
from __future__ import annotations

import http.client
import json
import re
import time
import urllib.parse
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

BROWSER_ENCODINGS = "gzip, deflate, br, zstd"   # what Chromium accepts: the server compresses for it
BROWSER_RENDER_S = 0.05   # a page sends the events a result sets off once it has drawn that result


@dataclass
class PageTraffic:
    """What one page asks of the server while it opens, recorded from a real Chromium page."""
    files: list[str]       # the document, scripts, stylesheets, fonts: URLs
    loads: list[dict]      # the page's load events, as queue/join bodies
    reactions: list[dict]  # the events their results set off (a slider's change once a load set its range)


# What the page's first tab (Lessons) shows once its load has answered: the step's heading, "Lesson 1 … Step 1".
FIRST_TAB_READY = "#lesson_heading"


def record_page(browser, url: str, ready: str = FIRST_TAB_READY) -> PageTraffic:
    page, requests = browser.new_page(), []
    page.on("request", lambda request: requests.append(request))
    page.goto(url, timeout=600_000)
    page.locator(ready).filter(has_text=re.compile(r"\d")).wait_for(timeout=600_000)
    page.wait_for_timeout(5000)              # the events a load's result sets off come right after it
    page.close()
    files = [r.url for r in requests if r.method == "GET" and r.resource_type in ("document", "script",
                                                                                "stylesheet", "font", "image")]
    joins = [json.loads(r.post_data) for r in requests if r.method == "POST" and "/queue/join" in r.url]
    with urllib.request.urlopen(f"{url}config") as response:
        dependencies = json.loads(response.read())["dependencies"]
    loads = {d["id"] for d in dependencies if any(event == "load" for _, event in d["targets"])}
    return PageTraffic(files, [join for join in joins if join["fn_index"] in loads],
                       [join for join in joins if join["fn_index"] not in loads])


def replay_page(url: str, traffic: PageTraffic, timeout: float = 600.0) -> tuple[float, int]:
    """One visitor: every file (6 at a time, as a browser does), then the page's events in a fresh session,
    until every result has arrived. Returns (seconds, events that failed)."""
    started, session = time.perf_counter(), uuid.uuid4().hex[:11]

    # Six connections kept alive, each asking for its share of the files in turn, as a browser does; and
    # compressed as a browser asks for them.
    address = urllib.parse.urlsplit(url)

    def fetch_share(share: list[str]) -> None:
        connection = http.client.HTTPConnection(address.hostname, address.port, timeout=timeout)
        try:
            for file_url in share:
                target = urllib.parse.urlsplit(file_url)
                connection.request("GET", target.path + (f"?{target.query}" if target.query else ""),
                                   headers={"Accept-Encoding": BROWSER_ENCODINGS})
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    raise RuntimeError(f"{file_url}: HTTP {response.status}")
        finally:
            connection.close()

    with ThreadPoolExecutor(6) as pool:
        list(pool.map(fetch_share, [traffic.files[i::6] for i in range(6)]))
    failed = run_events(url, session, traffic.loads, timeout)
    time.sleep(BROWSER_RENDER_S)
    failed += run_events(url, session, traffic.reactions, timeout)
    return time.perf_counter() - started, failed


def run_events(url: str, session: str, joins: list[dict], timeout: float) -> int:
    """Send `joins` in `session` and read its stream until each has its result; returns how many failed."""
    for body in joins:
        request = urllib.request.Request(f"{url}gradio_api/queue/join?", method="POST",
                                         data=json.dumps({**body, "session_hash": session}).encode(),
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
    completed = failed = 0
    if not joins:
        return 0
    with urllib.request.urlopen(f"{url}gradio_api/queue/data?session_hash={session}", timeout=timeout) as stream:
        for line in stream:
            if not line.startswith(b"data:"):
                continue
            message = json.loads(line[5:])
            if message.get("msg") == "process_completed":
                completed += 1
                failed += not message.get("success", False)
            if completed == len(joins) or message.get("msg") in ("close_stream", "unexpected_error"):
                break
    return failed + len(joins) - completed


@dataclass
class Endpoint:
    """A named endpoint as a page calls it: the event's index and the component that triggers it."""
    fn_index: int
    trigger_id: int


def find_endpoint(url: str, api_name: str) -> Endpoint:
    with urllib.request.urlopen(f"{url}config") as response:
        config = json.loads(response.read())
    dependency = next(d for d in config["dependencies"] if d.get("api_name") == api_name)
    return Endpoint(dependency["id"], dependency["targets"][0][0])


def encode_stroke(url: str, endpoint: Endpoint, session: str, png: bytes, timeout: float = 120.0) -> None:
    """One drawing sent as the pad sends it, until its encoding arrives; raises if it failed."""
    boundary = uuid.uuid4().hex
    body = (f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="stroke.png"\r\n'
            f"Content-Type: image/png\r\n\r\n").encode() + png + f"\r\n--{boundary}--\r\n".encode()
    upload = urllib.request.Request(f"{url}gradio_api/upload?upload_id={uuid.uuid4().hex[:11]}", data=body,
                                    method="POST",
                                    headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    with urllib.request.urlopen(upload, timeout=timeout) as response:
        path = json.loads(response.read())[0]
    sketch = {"background": None, "layers": [],
              "composite": {"path": path, "orig_name": "stroke.png", "meta": {"_type": "gradio.FileData"}}}
    join = {"data": [sketch, "mnist", "vae16", None], "event_data": None, "fn_index": endpoint.fn_index,
            "trigger_id": endpoint.trigger_id}
    if run_events(url, session, [join], timeout):
        raise RuntimeError("the encoding failed")
