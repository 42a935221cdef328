"""Long work reports its steps, and stops between two steps once nobody waits for it."""
import time
import types

import pytest
from gradio.context import LocalContext

from demo import progress as progress_module
from demo.progress import ClientGone, StepProgress, client_gone, shared_work


def fake_queue(event_id: str, alive: bool):
    event = types.SimpleNamespace(_id=event_id, alive=alive)
    return types.SimpleNamespace(_queue=types.SimpleNamespace(active_jobs=[None, [event]]))


def in_event(blocks, event_id: str, run):
    tokens = LocalContext.blocks.set(blocks), LocalContext.event_id.set(event_id)
    try:
        return run()
    finally:
        LocalContext.blocks.reset(tokens[0])
        LocalContext.event_id.reset(tokens[1])


def test_an_event_that_lost_its_client_or_was_cancelled_is_gone_and_others_are_not():
    assert not client_gone()                                          # outside any event: a test, a script
    assert not in_event(fake_queue("a", alive=True), "a", client_gone)
    assert in_event(fake_queue("a", alive=False), "a", client_gone)   # the connection was lost
    assert in_event(fake_queue("a", alive=True), "b", client_gone)    # dropped from the running jobs: /cancel
    assert not in_event(types.SimpleNamespace(), "a", client_gone)    # a queue we cannot read stops nothing

    def shared():
        with shared_work():
            return client_gone()
    assert not in_event(fake_queue("a", alive=False), "a", shared)    # a page load others wait for


def test_the_callback_moves_the_bar_and_stops_the_run_when_the_client_is_gone():
    bar = []
    report = StepProgress(lambda fraction, desc: bar.append((fraction, desc)), "ddim")
    report(5, 20)
    assert bar == [(0.25, "ddim 5/20")]
    with pytest.raises(ClientGone):
        in_event(fake_queue("a", alive=False), "a", lambda: report(6, 20))
    assert len(bar) == 1


def test_a_cancelled_grid_stops_computing_on_the_server(app_url):
    from gradio_client import Client

    client = Client(app_url, verbose=False)
    before = progress_module.stopped_runs
    # 16 guided images × 400 DDPM steps: about 24 s of CPU, priced under the 30 s limit.
    job = client.submit("mnist", 3, 3.0, "ddpm", 400, 0, api_name="/diffusion_grid")
    time.sleep(3)
    job.cancel()
    deadline = time.monotonic() + 15
    while progress_module.stopped_runs == before and time.monotonic() < deadline:
        time.sleep(0.2)
    assert progress_module.stopped_runs == before + 1
