"""Progress for long work, and stopping it when nobody is waiting any more.

A sampler runs step by step in a worker thread that Gradio cannot interrupt. When the visitor closes the
page, or a script cancels its job, Gradio drops the event (on /cancel) or marks it not alive (on a lost
connection), but the thread would go on computing for nobody. `StepProgress` gives the lab a callback
that reports each step to the progress bar and, between steps, stops the run with `ClientGone` once its
event is gone. Page loads shared by every visitor (`components.shared_result`) are never stopped: others
are waiting for that result.
"""
from __future__ import annotations

import contextlib
import contextvars
import logging
import os

import gradio as gr
from gradio.context import LocalContext

log = logging.getLogger("lab.progress")
_shared = contextvars.ContextVar("shared_work", default=False)
stopped_runs = 0   # how many runs stopped early because their client left (read by a test)


class ClientGone(Exception):
    """The visitor who asked for this work has left; nothing more should be computed for them."""


class StepProgress:
    """A `progress(done, total)` callback for the lab's samplers: moves the bar (captioned "label done/total"),
    and raises ClientGone between two steps when the event is no longer wanted.

    A class, not a closure, because on ZeroGPU it crosses into the GPU worker process and must pickle.
    There `spaces` relays the bar's updates back to Gradio's queue; the worker's copy of that queue is
    stale, so the client is not checked there and the run finishes (its GPU allocation bounds it)."""

    def __init__(self, progress: gr.Progress, label: str = ""):
        self.progress, self.label = progress, label
        self.process = os.getpid()

    def __call__(self, done: int, total: int) -> None:
        global stopped_runs
        if os.getpid() == self.process and client_gone():
            stopped_runs += 1
            log.info("stopped at step %d of %d: the client left", done, total)
            raise ClientGone()
        self.progress(done / total, desc=f"{self.label} {done}/{total}".strip())


def client_gone() -> bool:
    """True when the event this thread computes for was cancelled or lost its client. False outside an
    event (a test, a script), inside shared work, and if Gradio's queue cannot be read (a Gradio change
    must not stop every run)."""
    if _shared.get():
        return False
    blocks, event_id = LocalContext.blocks.get(None), LocalContext.event_id.get(None)
    if blocks is None or event_id is None:
        return False
    try:
        events = [event for job in blocks._queue.active_jobs if job for event in job if event._id == event_id]
        return not events or not all(event.alive for event in events)
    except AttributeError:
        return False


def in_shared_work() -> bool:
    return _shared.get()


@contextlib.contextmanager
def shared_work():
    """Within this block, work is for every visitor: it is not stopped when the first one leaves."""
    token = _shared.set(True)
    try:
        yield
    finally:
        _shared.reset(token)
