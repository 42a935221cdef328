"""A lecture room at the HTTP level, against `python app.py` (part of `python -m bench`).

    python -m bench --only lessons

A lecturer and STUDENTS simulated students, each in their own Gradio session, sending what their pages send:
students join the room, poll GET /lesson/room every second as the page does, and ask for the room's step (the
page's sync event) when its version changes; the lecturer's calls carry the key the app was started with.
Rendering pages in 60 Chromiums on the server's own 2 cores would measure Chromium. Figures:

- lesson_follow_p95_s: from the lecturer's "show this step" to each following student's page having the step,
  over 3 steps (the bar: 2 s);
- lesson_vote_p95_ms / lesson_votes_lost: every student votes once at a random moment within 10 s; the
  round trip of each vote, and how many the room's count lacks afterwards;
- lesson_reveal_p95_s: from the lecturer's reveal to each page having it;
- lesson_room60_encode_p95_ms: the classroom's drawing figure (20 students drawing every 2 s) measured while
  the room of 60 follows;
- lesson_steps / lesson_steps_es: steps with every text in English / Spanish.
"""
from __future__ import annotations

import json
import os
import random
import secrets
import tempfile
import threading
import time
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench_browser import running_app
from bench_classroom import encode_timings, wait_for_warm_up
from bench_traffic import find_endpoint

STUDENTS = 60
POLL_S = 1.0
VOTE_WINDOW_S = 10.0


def event(url: str, session: str, api_name: str, data: list, timeout: float = 60.0) -> list:
    """One event of `api_name` in `session`, as the page sends it; returns its output data."""
    endpoint = _endpoint(url, api_name)
    body = {"data": data, "event_data": None, "fn_index": endpoint.fn_index, "trigger_id": endpoint.trigger_id,
            "session_hash": session}
    request = urllib.request.Request(f"{url}gradio_api/queue/join?", data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        event_id = json.loads(response.read())["event_id"]
    with urllib.request.urlopen(f"{url}gradio_api/queue/data?session_hash={session}", timeout=timeout) as stream:
        for line in stream:
            if not line.startswith(b"data:"):
                continue
            message = json.loads(line[5:])
            if message.get("event_id") == event_id and message.get("msg") == "process_completed":
                if not message.get("success"):
                    raise RuntimeError(f"{api_name}: {message.get('output', {}).get('error')}")
                return message["output"]["data"]
    raise RuntimeError(f"{api_name}: the stream ended without a result")


_endpoints: dict = {}
_endpoints_lock = threading.Lock()


def _endpoint(url: str, api_name: str):
    with _endpoints_lock:
        if api_name not in _endpoints:
            _endpoints[api_name] = find_endpoint(url, api_name.strip("/"))
        return _endpoints[api_name]


def room_version(url: str, code: str) -> int | None:
    try:
        with urllib.request.urlopen(f"{url}lesson/room?code={code}", timeout=10) as response:
            return json.loads(response.read())["version"]
    except OSError:
        return None


class Student:
    """One following page: joins, polls the room, syncs on every new version, votes when told."""

    def __init__(self, url: str, code: str):
        self.url, self.code, self.session = url, code, uuid.uuid4().hex[:11]
        self.progress, self.voter, self.seen = None, None, None
        self.arrivals: dict[int, float] = {}   # room version -> when this page had it
        self.heading = ""

    def join(self) -> None:
        self.voter, _, _ = event(self.url, self.session, "/lesson_join", [self.code, None])
        self.sync(room_version(self.url, self.code))

    def sync(self, version: int) -> None:
        _, self.heading, _, _, self.reveal, self.progress = event(self.url, self.session, "/sync_room",
                                                                   [self.code, self.progress, None])
        self.arrivals[version] = time.perf_counter()

    def follow(self, until: threading.Event) -> None:
        time.sleep(random.uniform(0, POLL_S))   # pages opened at different moments poll out of step
        while not until.is_set():
            version = room_version(self.url, self.code)
            if version is not None and version != self.seen:
                self.seen = version
                self.sync(version)
            time.sleep(POLL_S)

    def vote(self, option: int) -> float:
        started = time.perf_counter()
        event(self.url, self.session, "/lesson_answer", [self.progress, option, self.code, self.voter, True, None])
        return time.perf_counter() - started


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def lecture(url: str, key: str, students: int = STUDENTS) -> dict:
    lecturer = uuid.uuid4().hex[:11]
    code = event(url, lecturer, "/lecturer_open_room", [key])[0]
    room = [Student(url, code) for _ in range(students)]
    with ThreadPoolExecutor(16) as pool:
        list(pool.map(Student.join, room))
    stop = threading.Event()
    followers = [threading.Thread(target=student.follow, args=(stop,), daemon=True) for student in room]
    for follower in followers:
        follower.start()
    follow = []
    for step in (1, 2, 3):
        shown = time.perf_counter()
        event(url, lecturer, "/lecturer_show_step", [key, code, {"lesson": 0, "step": step, "answers": {}}])
        version = room_version(url, code)
        follow += _arrival_times(room, version, shown)
    encode = encode_timings(url, 20, 30.0)   # the classroom's drawing students, while the room follows
    with ThreadPoolExecutor(students) as pool:   # each votes once, at a random moment of the window
        votes = list(pool.map(_vote_within_window, room, [i % 2 for i in range(students)]))
    bars = event(url, lecturer, "/room_bars", [key, code, None])[0]
    counted = int(bars.split(" answered")[0].rsplit(", ", 1)[-1])
    revealed = time.perf_counter()
    event(url, lecturer, "/lecturer_reveal", [key, code, {"lesson": 0, "step": 3, "answers": {}}, None])
    reveal = _arrival_times(room, room_version(url, code), revealed)
    stop.set()
    return {"lesson_follow_p95_s": percentile(follow, 95), "lesson_vote_p95_ms": 1000 * percentile(votes, 95),
            "lesson_votes_lost": float(students - counted), "lesson_reveal_p95_s": percentile(reveal, 95),
            "lesson_room60_encode_p95_ms": 1000 * percentile(encode[0], 95) if encode[0] else float("nan"),
            "lesson_room60_encode_errors": float(len(encode[1]))}


def _vote_within_window(student: Student, option: int) -> float:
    time.sleep(random.uniform(0, VOTE_WINDOW_S))
    return student.vote(option)


def _arrival_times(room: list[Student], version: int, since: float, timeout: float = 30.0) -> list[float]:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline and not all(version in student.arrivals for student in room):
        time.sleep(0.05)
    return [student.arrivals.get(version, since + timeout) - since for student in room]


def bench_lessons() -> dict:
    from demo.lesson_book import step_count

    key = secrets.token_urlsafe(16)
    os.environ["LAB_LECTURER_KEY"] = key   # the app's process inherits it, as a Space secret reaches the app
    try:
        log_path = Path(tempfile.mkdtemp(prefix="lab-bench-")) / "app.log"
        with running_app(log_path=log_path) as (url, _, _):
            wait_for_warm_up(log_path)   # and the lessons' panels: measure a quiet server
            figures = lecture(url, key)
    finally:
        del os.environ["LAB_LECTURER_KEY"]
    return {**figures, "lesson_steps": float(step_count("en")), "lesson_steps_es": float(step_count("es"))}


if __name__ == "__main__":
    for name, value in bench_lessons().items():
        print(f"{name:<32}{value:>12.4f}")
