"""Serving a class: 30 students on 2 cores, opening the page together, drawing while others sample, for a
whole term without a restart.

- **Pools.** Every event runs in one of three queues (Gradio's `concurrency_id`): samplers (`heavy`, one at a
  time: torch already spreads one over both cores, and two would thrash), page loads (`loads`: shared
  results, cheap once computed) and everything else (`light`: a pen stroke, a slider, about 10 ms each), so a
  stroke never waits behind someone's 1,000-step DDPM run. The queue holds at most QUEUE_LIMIT events;
  past it Gradio tells the visitor the app is busy and to try again.
- **Warm-up.** What a page shows when it opens depends only on fixed defaults: `warm_up` computes it once
  per language in the background at start, so no student pays for it.
- **A term.** Sessions are made cheaply and dropped when a visitor leaves (`demo.sessions`); temporary files
  older than an hour go. Gradio's queue keeps statistics of its last 10,000 events for a monitoring page
  the lab does not open, and by default summarises all of them with pandas after every single event: 4 ms
  of the server's only Python thread per event once a few thousand are kept. It keeps the last
  STATISTICS_EVENTS, summarised once per STATISTICS_EVENTS events.
"""
from __future__ import annotations

import asyncio
import logging
import os
import threading
import time
from typing import Callable

import gradio as gr
from gradio.state_holder import SessionState

log = logging.getLogger("lab.classroom")
HEAVY, LIGHT, LOADS = "heavy", "light", "loads"
POOL_LIMITS = {HEAVY: 1, LIGHT: 4, LOADS: 4}
QUEUE_LIMIT = 1500          # 30 pages × 30 loads, plus what they click
STATISTICS_EVENTS = 1000    # Gradio's per-event statistics: how many kept, and how often summarised
FILE_AGE_S = 3600           # temporary files older than this are deleted, checked every 10 minutes


def heavy(fn: Callable) -> Callable:
    """Mark a handler that runs a sampler or a model over many steps: it goes to the `heavy` pool."""
    fn.__heavy__ = True
    return fn


def page_load(fn: Callable) -> Callable:
    """Mark a handler run when a page, or one of its tabs, first opens (demo.app.wire_load): it goes to the
    `loads` pool, and the warm-up runs it at start."""
    fn.__page_load__ = True
    return fn


def assign_pools(demo: gr.Blocks) -> dict[str, int]:
    """Put every Python event of `demo` in its pool; returns how many went to each."""
    counts = dict.fromkeys(POOL_LIMITS, 0)
    for block in demo.fns.values():
        if block.fn is None:
            continue
        pool = LOADS if getattr(block.fn, "__page_load__", False) else \
            HEAVY if getattr(block.fn, "__heavy__", False) else LIGHT
        block.concurrency_id, block.concurrency_limit = pool, POOL_LIMITS[pool]
        counts[pool] += 1
    return counts


def queue_options() -> dict:
    """Demo.queue()'s arguments; and Gradio's statistics settings, which it reads when the queue is made."""
    os.environ.setdefault("GRADIO_ANALYTICS_MAX_EVENTS", str(STATISTICS_EVENTS))
    os.environ.setdefault("GRADIO_ANALYTICS_CACHE_FREQUENCY", str(STATISTICS_EVENTS))
    return {"max_size": QUEUE_LIMIT, "default_concurrency_limit": POOL_LIMITS[LIGHT]}


def warm_up(demo: gr.Blocks, languages: tuple[str, ...] = ("en", "es"),
            then: Callable | None = None) -> threading.Thread:
    """Run every page load once per language, in the background, as a visitor's page would (same inputs,
    same decoding), so the shared results are there before the class arrives; then `then()`, if given (work
    that can wait for the page's). Returns the thread; its `seconds` attribute says how long the page loads
    took once they have finished."""
    thread = threading.Thread(target=_warm, args=(demo, languages, then), name="warm-up", daemon=True)
    thread.start()
    return thread


def _warm(demo: gr.Blocks, languages: tuple[str, ...], then: Callable | None = None) -> None:
    started = time.perf_counter()
    loads = [block for block in demo.fns.values() if getattr(block.fn, "__page_load__", False)]
    for lang in languages:
        request = gr.Request(headers={"accept-language": lang})
        for block in loads:
            try:
                asyncio.run(_run_to_end(demo, block, request))
            except Exception:   # noqa: BLE001 - a broken model's panel says so when opened; warm the rest
                log.warning("warm-up of %s (%s) failed", block.name, lang, exc_info=True)
    threading.current_thread().seconds = time.perf_counter() - started
    log.info("warm-up done in %.0f s", threading.current_thread().seconds)
    if then is not None:
        then()


async def _run_to_end(demo: gr.Blocks, block, request: gr.Request) -> None:
    """One load through Gradio's own decoding (`process_api`), a generator run to its last update."""
    state = SessionState(demo)
    inputs = [getattr(component, "value", None) for component in block.inputs]
    output = await demo.process_api(block, inputs, state=state, request=request)
    while output.get("is_generating"):
        output = await demo.process_api(block, inputs, state=state, request=request, iterator=output["iterator"])
