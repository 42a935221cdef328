"""Density estimates side by side: histogram, KDE and a Gaussian mixture on the same 2-D points and on a
1-D mixture, each scored by its log-likelihood on held-out points; and new 8x8 digits from a KDE in PCA
space (lecture: unsupervised learning, density estimation, "a density model can generate")."""
from __future__ import annotations

import gradio as gr
import numpy as np

from demo import plots
from demo.classroom import heavy
from demo.i18n import request_language, text
from demo.imaging import strip
from demo.components import (OnLoad, captioned_image, choice_label, composite, point_canvas_panel,
                            translated_choices, warn)
from lab import api
from lab.api import densities as model
from lab.api.densities import COVARIANCES, DRAWN, SOURCE_NAMES

def _points(name: str, seed: int, canvas, lang: str) -> np.ndarray | None:
    """The source's points, or None after a warning (an empty pad): the handlers then keep their outputs."""
    try:
        return model.source_points(name, seed, composite(canvas))
    except ValueError as error:
        warn(api.say(error, lang), lang)
        return None


def compare(name: str, bins: float, bandwidth: float, components: float, covariance: str, seed: float,
            show_samples: bool, canvas=None, request: gr.Request | None = None):
    """Fit the three densities in 2-D and in 1-D; return (2-D contour maps, 2-D table, 1-D curves, 1-D table)."""
    lang = request_language(request)
    points = _points(name, int(seed or 0), canvas, lang)
    if points is None:
        return (gr.skip(),) * 4
    result = model.compare_2d(points, int(bins), float(bandwidth), int(components), covariance, int(seed or 0),
                              samples=150 if show_samples else 0)
    titles = {"histogram": text("histogram", lang, bins=int(bins)), "kde": f"KDE, h = {float(bandwidth):.2f}",
              "gmm": text("gmm", lang, components=int(components), covariance=choice_label(covariance, lang))}
    fits = result["fits"]
    panels = [{"title": titles[key], "xs": fit["xs"], "ys": fit["ys"], "density": fit["density"]}
              for key, fit in fits.items()]
    rows = [f"| {titles[key]} | {fit['train_ll']:.3f} | {fit['held_out_ll']:.3f} |" for key, fit in fits.items()]
    samples = {titles[key]: fit["samples"] for key, fit in fits.items()} if show_samples else None
    table = "\n".join([text("density_table", lang), "|---|---|---|", *rows])
    figure_1d, table_1d = compare_1d(int(bins), float(bandwidth), int(components), int(seed or 0), titles, lang)
    return plots.densities_figure(panels, result["train"], samples), table, figure_1d, table_1d


def compare_1d(bins: int, bandwidth: float, components: int, seed: int, titles: dict, lang: str):
    """The same three estimators on points from a known 1-D mixture, drawn over the true density."""
    result = model.compare_1d(bins, bandwidth, components, seed)
    truth = text("true_density", lang)
    titles = {**titles, "histogram": text("histogram_1d", lang, bins=bins), "truth": truth}
    rows = [f"| {titles[key]} | {train:.3f} | {held_out:.3f} |" for key, (train, held_out) in result["scores"].items()]
    curves = {titles[key]: curve for key, curve in result["curves"].items()}
    figure = plots.density_curves(result["xs"], curves, result["truth"], truth, result["train"],
                                  text("density_1d", lang))
    return figure, "\n".join([text("density_table", lang), "|---|---|---|", *rows])


def cross_validated_bandwidth(name: str, seed: float, canvas=None, request: gr.Request | None = None):
    """The bandwidth 5-fold cross-validation picks on the training points (sets the slider)."""
    points = _points(name, int(seed or 0), canvas, request_language(request))
    return gr.skip() if points is None else model.cross_validated_bandwidth(points, int(seed or 0))


def rerun_if_drawn(name: str, *rest, request: gr.Request | None = None):
    """A stroke on the point pad: re-fit only when the pad is the data source."""
    if name != DRAWN:
        return (gr.skip(),) * 4
    return compare(name, *rest, request=request)


@heavy
def new_digits(components: float, use_cv: bool, bandwidth: float, seed: float, request: gr.Request | None = None):
    """16 digits sampled from a KDE in the first k principal components, over their nearest training digits."""
    lang = request_language(request)
    result = model.generate_digits(int(components), None if use_cv else float(bandwidth), 16, int(seed or 0))
    summary = text("kde_digits_summary", lang, k=int(components), explained=result["explained"],
                   bandwidth=result["bandwidth"], cv=result["cv_bandwidth"])
    return strip(result["samples"], size=56, gap=3), strip(result["nearest"], size=56, gap=3), summary


def build(i18n, drawing: gr.State) -> list[OnLoad]:
    """Lay out the tab (its data are points: `drawing` is unused). Returns what the app runs on load: the
    densities compared, and new digits."""
    gr.Markdown(i18n("density_intro"))
    with gr.Row():
        with gr.Column(scale=1, min_width=260):
            name = gr.Dropdown(translated_choices(i18n, SOURCE_NAMES), value="moons", label=i18n("toy_data"),
                               info=i18n("sources_info"))
            bins = gr.Slider(4, 60, value=20, step=1, label=i18n("bins"))
            bandwidth = gr.Slider(0.03, 2.0, value=0.15, step=0.01, label=i18n("bandwidth"), elem_id="bandwidth")
            cv_button = gr.Button(i18n("cv_bandwidth"), size="sm")
            components = gr.Slider(1, 12, value=6, step=1, label=i18n("components"))
            covariance = gr.Radio(translated_choices(i18n, COVARIANCES), value="full", label=i18n("covariance"))
            seed = gr.Number(value=0, precision=0, minimum=0, label=i18n("seed"))
            show_samples = gr.Checkbox(value=False, label=i18n("show_samples"))
        with gr.Column(scale=3):
            figure = gr.Plot(show_label=False, elem_id="densities_plot")
            table = gr.Markdown(elem_id="density_table")
            figure_1d = gr.Plot(show_label=False, elem_id="densities_1d")
            table_1d = gr.Markdown(elem_id="density_table_1d")
    canvas, use_drawing = point_canvas_panel(i18n, "density_canvas")
    inputs = [name, bins, bandwidth, components, covariance, seed, show_samples, canvas]
    outputs = [figure, table, figure_1d, table_1d]
    for control in inputs[:-1]:
        control.change(compare, inputs, outputs, show_progress="hidden")
    cv_button.click(cross_validated_bandwidth, [name, seed, canvas], bandwidth)
    use_drawing.click(lambda: DRAWN, None, name)
    canvas.input(rerun_if_drawn, inputs, outputs, trigger_mode="always_last", show_progress="hidden")

    gr.Markdown(i18n("kde_digits_intro"))
    with gr.Row():
        with gr.Column(scale=1, min_width=260):
            pca_components = gr.Slider(2, 40, value=15, step=1, label=i18n("kde_components"))
            use_cv = gr.Checkbox(value=True, label=i18n("kde_use_cv"))
            digit_bandwidth = gr.Slider(0.05, 3.0, value=0.5, step=0.05, label=i18n("bandwidth"))
            digit_seed = gr.Number(value=0, precision=0, minimum=0, label=i18n("seed"))
            generate = gr.Button(i18n("kde_generate"), variant="primary")
        with gr.Column(scale=3):
            digit_summary = gr.Markdown(elem_id="kde_digits_summary")
            samples = captioned_image(i18n("kde_samples"), height=90, elem_id="kde_samples", buttons=["download"])
            nearest = captioned_image(i18n("kde_nearest"), height=90, buttons=["download"])
    digit_inputs = [pca_components, use_cv, digit_bandwidth, digit_seed]
    generate.click(new_digits, digit_inputs, [samples, nearest, digit_summary])
    return [OnLoad(compare, inputs, outputs), OnLoad(new_digits, digit_inputs, [samples, nearest, digit_summary])]


if __name__ == "__main__":
    from demo.app import launch_alone
    launch_alone(build)
