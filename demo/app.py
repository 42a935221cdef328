"""build_demo(): the Blocks with the tabs in the lecture's order, the shared per-user drawing, and the loads
each tab asks for; launch_alone(): one tab on its own page, for development.

The tab contract: every `demo.tabs.<name>.build(i18n, drawing)` lays its tab out in place and returns a
list of `OnLoad(fn, inputs, outputs, then)`: what to run when the tab is first shown (with the page for the
first tab, the first time a visitor opens it for the others). `drawing` is the per-user state holding the
Draw & encode tab's 28x28 drawing (None until something is drawn), which other tabs read.
"""
from __future__ import annotations

from typing import Callable

import gradio as gr

from demo.classroom import FILE_AGE_S, assign_pools, page_load, queue_options
from demo.components import FILE_SWEEP_S, KEEP_BRUSH_JS, OnLoad, shared_result
from demo.sandbox_figures import ANIMATION_JS
from demo.guard import guard_app
from demo.i18n import I18N, request_language, text
from demo.lesson_view import CSS as LESSON_CSS
from demo.links import OPEN_LINK_JS, link_row, page_js
from demo.page_cache import cache_pages
from demo.public_api import name_endpoints
from demo.room_route import FOLLOW_JS, serve_room_status
from demo.sessions import SESSION_LIMIT, forget_sessions_on_leave, share_session_configs
from demo.tabs import (autoregressive, bayes, densities, diffusion, draw_encode, elbo, kinds, kmeans,
                       latent_diffusion, latent_explorer, lessons, models, outliers, pca, sandbox, tokens)
from lab import api

CSS = """
#sketchpad canvas { cursor: crosshair; }
#elbo_identity td:nth-child(2) { white-space: nowrap; }
#summary { min-height: 3em; }
/* Gradio caps an "auto" gallery at 550 px and cuts the last row in half: show every row. */
#examples .grid-wrap { max-height: none !important; height: auto !important; }
/* On a phone Plotly's toolbar shows all the time, over the plot's title; pinch-zoom does its job there. */
@media (max-width: 640px) { .js-plotly-plot .modebar-container { display: none !important; } }
/* …and small pictures keep sitting side by side (x0, ε, x_t), instead of one per screen. */
@media (max-width: 640px) {
  .row:has(> .captioned) { flex-direction: row !important; flex-wrap: wrap !important; }
  .row > .captioned { min-width: 96px !important; flex: 1 1 96px !important; }
}
/* Image captions sit above the picture (demo.components.captioned_image), never over it. */
.captioned { gap: 2px !important; }
.image-caption, .image-caption p { font-size: var(--text-sm); font-weight: 600; margin: 0 !important;
                                   color: var(--block-label-text-color); }
/* Eleven tabs fit one row at 1400 px in both languages (Spanish names are longer): tighter tab padding. */
.tab-wrapper .tab-container > button { padding-left: 9px; padding-right: 9px; }
/* The lecturer's box is in the page only for a link with ?lecturer (its controls need the key besides). */
body:not(.lecturer-page) .lecturer-only { display: none !important; }
""" + LESSON_CSS
# (tab id, its title's text key, its module): the lessons first (the front door), then the lecture's order.
TABS = [("lessons", "tab_lessons", lessons),
        ("kmeans", "tab_kmeans", kmeans), ("pca", "tab_pca", pca), ("densities", "tab_density", densities),
        ("bayes", "tab_bayes", bayes), ("kinds", "tab_kinds", kinds), ("autoregressive", "tab_autoregressive", autoregressive),
        ("tokens", "tab_tokens", tokens),
        ("draw", "tab_draw", draw_encode), ("elbo", "tab_elbo", elbo), ("latent", "tab_latent", latent_explorer),
        ("outliers", "tab_outliers", outliers), ("diffusion", "tab_diffusion", diffusion),
        ("sandbox", "tab_sandbox", sandbox),
        ("latent_diffusion", "tab_latent_diffusion", latent_diffusion), ("models", "tab_models", models)]
# Tabs whose loads run with the page: the one it opens on, and the Models table (a few rows, already
# computed, whose column names must be in the reader's language from the first paint). Every other tab's
# run the first time a visitor opens it.
WITH_THE_PAGE = (TABS[0][0], "models")


def build_demo() -> gr.Blocks:
    # Gradio's temporary files (every image sent) are deleted an hour after they were made.
    with gr.Blocks(title="Generative Models Lab", delete_cache=(FILE_SWEEP_S, FILE_AGE_S)) as demo:
        gr.Markdown(I18N("title"))
        gr.Markdown(I18N("intro"))
        device = gr.Textbox(label=I18N("device"), interactive=False, max_lines=1, elem_id="device", container=True)
        link_row(I18N)
        drawing = gr.State(None)
        loads, tabs = {}, {}
        with gr.Tabs(overflow_behavior="wrap"):   # every tab in sight, on a phone too (rows, no ⋯ menu)
            for tab_id, title_key, module in TABS:
                with gr.Tab(I18N(title_key), id=tab_id) as tabs[tab_id]:
                    loads[tab_id] = module.build(I18N, drawing)
        wire_load(demo, OnLoad(device_text, [], [device]))
        for tab_id in loads:
            when = demo if tab_id in WITH_THE_PAGE or not loads[tab_id] else first_opening(tabs[tab_id])
            for load in loads[tab_id]:
                wire_load(when, load)
        forget_sessions_on_leave(demo)
    guard_app(demo)   # every handler: inputs checked, failures as readable messages (demo.guard)
    assign_pools(demo)   # samplers, page loads and the rest in their own queues (demo.classroom)
    name_endpoints(demo)   # a dozen named endpoints to script; the rest off the API page (demo.public_api)
    return demo


def device_text(request: gr.Request | None = None) -> str:
    """What runs the models, in the reader's language."""
    facts, lang = api.device_facts(), request_language(request)
    if facts["kind"] == "cpu":
        return text("device_cpu", lang, threads=facts["threads"])
    return text("device_gpu", lang, kind=facts["kind"], name=facts["name"] or facts["kind"])


def wire_load(when: gr.Blocks | Callable, load: OnLoad) -> None:
    """Run `load` (and what follows it) when a page opens (`when` a Blocks), or on the event `when` names
    (a listener such as `first_opening(tab)`), its results shared between visitors."""
    listen = when.load if isinstance(when, gr.Blocks) else when
    event = listen(page_load(shared_result(load.fn)), load.inputs, load.outputs)
    while load.then is not None:
        load = load.then
        event = event.then(page_load(shared_result(load.fn)), load.inputs, load.outputs)


def first_opening(tab: gr.Tab) -> Callable:
    """A listener for what runs the first time a visitor opens `tab` (not on later visits: what they
    changed there stays). A tab nobody opens costs the server nothing."""
    opened = gr.State(False)
    gate = tab.select(open_once, opened, opened, show_progress="hidden")
    return gate.success


def open_once(opened: bool) -> bool:
    if opened:   # stops the .success() chain, silently
        raise gr.Error("", visible=False, print_exception=False)
    return True


def launch_alone(build: Callable[..., list[OnLoad]]) -> None:
    """Serve one tab's build() on its own page (python -m demo.tabs.<name>): faster to start and to reload
    while working on that tab. Other tabs' shared state starts empty (no drawing)."""
    with gr.Blocks(title="Generative Models Lab") as demo:
        for load in build(I18N, gr.State(None)):
            wire_load(demo, load)
    guard_app(demo)
    assign_pools(demo)
    serve(demo)
    demo.block_thread()


def serve(demo: gr.Blocks, **options) -> None:
    """Queue and launch `demo` (returning once it serves; `options` go to launch, e.g. a port), with the
    page and its static files sent from memory after the first time (demo.page_cache) and visitors'
    sessions made without rendering the page again (demo.sessions)."""
    api.keep_large_buffers()   # the models' big temporary tensors stay in the heap (lab/memory.py)
    share_session_configs()
    demo.queue(**queue_options()).launch(prevent_thread_lock=True, **launch_options(), **options)
    serve_room_status(demo.app)   # GET /lesson/room, polled by following students (demo.room_route)
    cache_pages(demo.app)


def launch_options() -> dict:
    """What launch() needs besides host and port (those come from GRADIO_SERVER_NAME / _PORT)."""
    # 5 MB is a generous photo; a bigger upload is refused by Gradio before anything decodes it.
    return {"i18n": I18N, "css": CSS, "js": page_js(KEEP_BRUSH_JS, OPEN_LINK_JS, FOLLOW_JS, ANIMATION_JS), "theme": gr.themes.Soft(),
            "max_file_size": "5mb", "state_session_capacity": SESSION_LIMIT}
