"""A class on 2 cores: samplers, page loads and the rest in their own queues; a page's opening results
computed once before anyone comes; a closed page's session dropped; nothing asked of the internet."""
import collections
import time

import gradio as gr
import pytest

from demo import components
from demo.app import build_demo, serve, wire_load
from demo.classroom import HEAVY, LIGHT, LOADS, assign_pools, warm_up
from demo.guard import guard_app
from demo.i18n import I18N
from demo.sessions import forget_sessions_on_leave


def test_samplers_page_loads_and_strokes_each_have_their_pool():
    demo = build_demo()
    pools = collections.defaultdict(set)
    for block in demo.fns.values():
        if block.fn is None:
            continue
        pools["load" if getattr(block.fn, "__page_load__", False) else block.name].add(block.concurrency_id)
    assert pools["load"] == {LOADS}
    for sampler in ("run_reverse", "sample_sixteen", "compare_samplers", "run_latent", "stream_grid", "run_sampling"):
        assert pools[sampler] == {HEAVY}, sampler
    for light in ("encode_sketch", "run_kmeans", "bayes_view", "show_forward", "click_map"):
        assert pools[light] == {LIGHT}, light


@pytest.fixture(scope="module")
def small_lab():
    """Two tabs whose page loads read a sketchpad (the hardest input to match a cache on), served warm."""
    from bench_browser import free_port
    from demo.tabs import densities, kmeans

    with gr.Blocks() as demo:
        drawing = gr.State(None)
        for module in (kmeans, densities):
            with gr.Tab(module.__name__):
                for load in module.build(I18N, drawing):
                    wire_load(demo, load)
        forget_sessions_on_leave(demo)
    guard_app(demo)
    assign_pools(demo)
    warm_up(demo, ("en",)).join()
    port = free_port()
    serve(demo, server_name="127.0.0.1", server_port=port, quiet=True)
    yield demo, f"http://127.0.0.1:{port}/"
    demo.close()


def test_only_the_first_tab_loads_with_the_page_and_each_other_tab_once_when_first_opened():
    demo = build_demo()
    at_open = {block.name for block in demo.fns.values()
               if getattr(block.fn, "__page_load__", False) and {event for _, event in block.targets} == {"load"}}
    assert "show_lesson" in at_open and not at_open & {"run_kmeans", "run_reverse", "stream_grid", "open_on_example"}
    gate = next(block.fn for block in demo.fns.values() if block.name == "open_once")
    assert gate(False) is True
    with pytest.raises(gr.Error):                 # a second opening: the loads' .success() chain stops
        gate(True)


def test_a_warmed_page_opens_without_computing_and_asks_nothing_of_the_internet(small_lab, browser):
    from playwright.sync_api import expect

    demo, url = small_lab
    computed = collections.Counter(components.shared_computations)
    page = browser.new_page()
    outside = []
    page.on("request", lambda request: outside.append(request.url)
            if not request.url.startswith((url, "data:", "blob:")) else None)
    page.goto(url)
    expect(page.locator("#kmeans_summary")).to_contain_text("Inertia", timeout=30_000)
    page.wait_for_timeout(3000)   # every other load has answered by now
    assert components.shared_computations == computed   # the same results, served from the warm-up
    assert outside == []
    page.close()


def test_a_closed_page_leaves_no_session_behind(small_lab, browser):
    demo, url = small_lab
    page = browser.new_page()
    page.goto(url)
    page.get_by_role("slider").first.wait_for()
    deadline = time.monotonic() + 20
    while not demo.state_holder.session_data and time.monotonic() < deadline:
        time.sleep(0.2)
    opened = set(demo.state_holder.session_data)
    assert opened
    page.close()
    deadline = time.monotonic() + 40
    while set(demo.state_holder.session_data) & opened and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not set(demo.state_holder.session_data) & opened


def test_the_served_page_and_its_files_come_from_memory_after_the_first_visitor(small_lab):
    import urllib.request

    demo, url = small_lab
    cache = demo.app.middleware_stack
    first = urllib.request.urlopen(url).read()
    hits = cache.hits
    assert urllib.request.urlopen(url + "?tab=kmeans&lang=es").read() == first
    assert cache.hits == hits + 1


def test_a_recorded_page_replays_in_a_fresh_session_with_every_result(small_lab, browser):
    from bench_traffic import record_page, replay_page

    demo, url = small_lab
    traffic = record_page(browser, url, ready="#kmeans_summary")   # small_lab opens on k-means
    assert any(file.endswith(".js") for file in traffic.files) and traffic.loads
    assert traffic.reactions == []   # no load's result sets off another event (the k-means step slider did)
    seconds, failed = replay_page(url, traffic)
    assert failed == 0


def test_small_models_run_one_at_a_time():
    import threading

    from lab.device import one_at_a_time

    running, most = [0], [0]

    @one_at_a_time
    def stroke():
        running[0] += 1
        most[0] = max(most[0], running[0])
        time.sleep(0.02)
        running[0] -= 1

    @one_at_a_time
    def click():
        stroke()          # a facade function may call another: the lock is re-entrant
    threads = [threading.Thread(target=click) for _ in range(4)] + [threading.Thread(target=stroke) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert most[0] == 1


def test_each_visitor_gets_a_copy_of_a_shared_result_and_the_same_figures():
    import plotly.graph_objects as go

    figure = go.Figure(go.Scatter(x=[1, 2], y=[3, 4]))
    shared = (figure, gr.update(value=figure, visible=True), [{"points": [1, 2]}])
    copied = components.visitor_copy(shared)
    assert copied[0] is figure and copied[1]["value"] is figure   # only read by Gradio: not rebuilt
    assert copied[1] is not shared[1] and copied[2][0] is not shared[2][0]
    copied[1].pop("visible")                                       # Gradio consumes updates: others keep theirs
    assert shared[1]["visible"] is True


def test_a_shared_results_figures_are_serialized_once_and_its_state_is_left_alone():
    import plotly.graph_objects as go
    from gradio.components.plot import PlotData

    figure = go.Figure(go.Scatter(x=[1, 2], y=[3, 4]))
    load = components.shared_result(lambda: (figure, gr.update(value=figure, visible=True), {"figure": figure}))
    plot, update, state = load()
    assert isinstance(plot, PlotData) and plot.plot == figure.to_json() and gr.Plot().postprocess(plot) is plot
    assert update["value"] == plot and update["visible"] is True
    assert isinstance(state["figure"], go.Figure)                                      # still a figure
    assert load()[0] is plot                                                          # sent as it is
