"""k-means, step by step (lecture: unsupervised learning, "only x, no labels": clustering).

Pick a toy set, k, an initialisation and a seed; the whole run is computed once and a slider steps
through it: assignment c_i = argmin_k ‖x_i − μ_k‖², update μ_k = mean of its points, inertia
Σ‖x_i − μ_{c_i}‖² falling. The elbow plot and the adjusted Rand index against the true labels say how
many clusters there are and how well k-means found them.
"""
from __future__ import annotations

import gradio as gr

from demo import plots
from demo.i18n import request_language, text
from demo.components import OnLoad, composite, point_canvas_panel, translated_choices, warn
from lab import api
from lab.api import kmeans as model
from lab.api.kmeans import DRAWN, INITS, SOURCE_NAMES, agreement


def run_kmeans(name: str, k: float, init: str, seed: float, canvas=None, request: gr.Request | None = None):
    """Compute every step; show the last one. Returns (run state, step slider, figure, inertia curve,
    elbow plot, summary). `canvas` is the point pad, read when the source is "drawn"."""
    lang = request_language(request)
    try:
        run = model.run_kmeans(name, int(k), init, int(seed or 0), composite(canvas))
    except ValueError as error:   # an empty pad, or k above the number of points: say so, keep the picture
        warn(api.say(error, lang), lang)
        return (gr.skip(),) * 6
    last = len(run["states"]) - 1
    elbow_plot = plots.curve_figure(run["elbow_ks"], run["elbow"], text("elbow", lang), "k", text("inertia", lang),
                                    highlight=int(k))
    figure, inertia_plot, summary = render_step(run, last, lang)
    return run, gr.update(maximum=last, value=last), figure, inertia_plot, elbow_plot, summary


def rerun_if_drawn(name: str, k: float, init: str, seed: float, canvas=None, request: gr.Request | None = None):
    """A stroke on the point pad: re-run only when the pad is the data source."""
    if name != DRAWN:
        return (gr.skip(),) * 6
    return run_kmeans(name, k, init, seed, canvas, request)


def render_step(run: dict, step: int, lang: str = "en"):
    states = run["states"][: int(step) + 1]
    current = states[-1]
    figure = plots.kmeans_figure(run["points"], current["assignments"], [s["centroids"] for s in states],
                                 text("kmeans_title", lang, step=int(step), steps=len(run["states"]) - 1))
    inertia_plot = plots.curve_figure(list(range(len(states))), [s["inertia"] for s in states],
                                      text("inertia_curve", lang), text("step", lang), text("inertia", lang))
    if run["labels"] is None:   # drawn points have no true labels to agree with
        summary = text("kmeans_summary_unlabelled", lang, inertia=current["inertia"],
                       converged=len(run["states"]) - 1)
    else:
        summary = text("kmeans_summary", lang, inertia=current["inertia"],
                       ari=agreement(run["labels"], current["assignments"]), converged=len(run["states"]) - 1)
    return figure, inertia_plot, summary


def show_step(run: dict | None, step: float, request: gr.Request | None = None):
    """Move through a computed run without recomputing it."""
    if run is None:
        return None, None, ""
    return render_step(run, min(int(step), len(run["states"]) - 1), request_language(request))


def build(i18n, drawing: gr.State) -> list[OnLoad]:
    """Lay out the tab (its data are points, not the drawing: `drawing` is unused). Returns what the app
    runs on load: a first run to look at."""
    gr.Markdown(i18n("kmeans_intro"))
    run = gr.State(None)
    with gr.Row():
        with gr.Column(scale=1, min_width=260):
            name = gr.Dropdown(translated_choices(i18n, SOURCE_NAMES), value="blobs", label=i18n("toy_data"),
                               elem_id="toy_data",
                               info=i18n("sources_info"))
            k = gr.Slider(1, 10, value=3, step=1, label="k", elem_id="kmeans_k")
            # Random starts move visibly over several steps; k-means++ often lands almost at once.
            init = gr.Radio(translated_choices(i18n, INITS), value="random", label=i18n("init"))
            seed = gr.Number(value=1, precision=0, minimum=0, label=i18n("seed"))
            step = gr.Slider(0, 1, value=0, step=1, label=i18n("step"), elem_id="kmeans_step")
            summary = gr.Markdown(elem_id="kmeans_summary")
        with gr.Column(scale=3):
            figure = gr.Plot(elem_id="kmeans_plot", show_label=False)
            with gr.Row():
                inertia_plot = gr.Plot(show_label=False)
                elbow_plot = gr.Plot(show_label=False)
    canvas, use_drawing = point_canvas_panel(i18n, "kmeans_canvas")
    controls = [name, k, init, seed, canvas]
    outputs = [run, step, figure, inertia_plot, elbow_plot, summary]
    for control in controls[:-1]:
        control.change(run_kmeans, controls, outputs)
    # The drawn cloud becomes the data: the button switches the source (its change event re-runs k-means);
    # while the source is "drawn", every stroke re-runs it.
    use_drawing.click(lambda: DRAWN, None, name)
    canvas.input(rerun_if_drawn, controls, outputs, trigger_mode="always_last", show_progress="hidden")
    # Only the student's own moves: a run sets the slider to its last step and draws that step itself, and a
    # `change` listener would draw it again (once more per visitor, at every page open).
    step.input(show_step, [run, step], [figure, inertia_plot, summary], show_progress="hidden",
               trigger_mode="always_last")
    return [OnLoad(run_kmeans, controls, outputs)]


if __name__ == "__main__":
    from demo.app import launch_alone
    launch_alone(build)
