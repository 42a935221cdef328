"""Density estimates side by side: histogram, KDE and a Gaussian mixture on the same 2-D points and on a
1-D mixture, each scored by its log-likelihood on held-out points; and new 8x8 digits from a KDE in PCA
space (lecture: unsupervised learning, density estimation, "a density model can generate")."""
from __future__ import annotations

import gradio as gr
import numpy as np

from demo import plots
from demo.i18n import request_language, text
from demo.imaging import strip
from demo.sketch import composite, point_canvas_panel
from lab.analysis.density import (best_bandwidth, density_grid, draw_samples, fit_densities, fit_densities_1d,
                                  make_mixture_1d, true_density_1d)
from lab.analysis.pca_kde import generate_digits
from lab.analysis.sources import DRAWN, SOURCE_NAMES, load_points

HELD_OUT = 0.3   # share of the points kept out of fitting, to score each density on


def split(points: np.ndarray, seed: int) -> tuple[np.ndarray, np.ndarray]:
    order = np.random.default_rng(seed).permutation(len(points))
    cut = int(len(points) * (1 - HELD_OUT))
    return points[order[:cut]], points[order[cut:]]


def _points(name: str, seed: int, canvas) -> np.ndarray | None:
    """The source's points, or None after a warning (an empty pad): the handlers then keep their outputs."""
    try:
        return load_points(name, seed, composite(canvas), count=800)[0]
    except ValueError as error:
        gr.Warning(str(error))
        return None


def compare(name: str, bins: float, bandwidth: float, components: float, covariance: str, seed: float,
            show_samples: bool, canvas=None, request: gr.Request | None = None):
    """Fit the three densities in 2-D and in 1-D; return (2-D contour maps, 2-D table, 1-D curves, 1-D table)."""
    lang = request_language(request)
    points = _points(name, int(seed or 0), canvas)
    if points is None:
        return (gr.skip(),) * 4
    train, held_out = split(points, int(seed or 0))
    models = fit_densities(train, int(bins), float(bandwidth), int(components), covariance, int(seed or 0))
    low, high = train.min(axis=0) - 0.5, train.max(axis=0) + 0.5
    titles = {"histogram": text("histogram", lang, bins=int(bins)), "kde": f"KDE, h = {float(bandwidth):.2f}",
              "gmm": text("gmm", lang, components=int(components), covariance=covariance)}
    panels, rows, samples = [], [], {}
    for key, model in models.items():
        xs, ys, density = density_grid(model, low, high, size=60)
        panels.append({"title": titles[key], "xs": xs, "ys": ys, "density": density})
        rows.append(f"| {titles[key]} | {model.score_samples(train).mean():.3f} | "
                    f"{model.score_samples(held_out).mean():.3f} |")
        if show_samples:
            samples[titles[key]] = draw_samples(model, 150, int(seed or 0))
    table = "\n".join([text("density_table", lang), "|---|---|---|", *rows])
    figure_1d, table_1d = compare_1d(int(bins), float(bandwidth), int(components), int(seed or 0), titles, lang)
    return plots.densities_figure(panels, train, samples if show_samples else None), table, figure_1d, table_1d


def compare_1d(bins: int, bandwidth: float, components: int, seed: int, titles: dict, lang: str):
    """The same three estimators on points from a known 1-D mixture, drawn over the true density."""
    train, held_out = split(make_mixture_1d(500, seed), seed)
    models = fit_densities_1d(train, bins, bandwidth, components, seed)
    titles = {**titles, "histogram": text("histogram_1d", lang, bins=bins)}
    xs = np.linspace(-5, 8, 400)
    curves = {titles[key]: np.exp(model.score_samples(xs[:, None])) for key, model in models.items()}
    rows = [f"| {titles[key]} | {model.score_samples(train).mean():.3f} | {model.score_samples(held_out).mean():.3f} |"
            for key, model in models.items()]
    truth = text("true_density", lang)
    rows.append(f"| {truth} | {np.log(true_density_1d(train[:, 0])).mean():.3f} | "
                f"{np.log(true_density_1d(held_out[:, 0])).mean():.3f} |")
    figure = plots.density_curves(xs, curves, true_density_1d(xs), truth, train[:, 0], text("density_1d", lang))
    return figure, "\n".join([text("density_table", lang), "|---|---|---|", *rows])


def cross_validated_bandwidth(name: str, seed: float, canvas=None):
    """The bandwidth 5-fold cross-validation picks on the training points (sets the slider)."""
    points = _points(name, int(seed or 0), canvas)
    return gr.skip() if points is None else round(best_bandwidth(split(points, int(seed or 0))[0]), 3)


def rerun_if_drawn(name: str, *rest, request: gr.Request | None = None):
    """A stroke on the point pad: re-fit only when the pad is the data source."""
    if name != DRAWN:
        return (gr.skip(),) * 4
    return compare(name, *rest, request=request)


def new_digits(components: float, use_cv: bool, bandwidth: float, seed: float, request: gr.Request | None = None):
    """16 digits sampled from a KDE in the first k principal components, over their nearest training digits."""
    lang = request_language(request)
    try:
        result = generate_digits(int(components), None if use_cv else float(bandwidth), 16, int(seed or 0))
    except ValueError as error:
        raise gr.Error(str(error))
    summary = text("kde_digits_summary", lang, k=int(components), explained=result["explained"],
                   bandwidth=result["bandwidth"], cv=result["cv_bandwidth"])
    return strip(result["samples"], size=56, gap=3), strip(result["nearest"], size=56, gap=3), summary


def build(i18n) -> tuple[tuple[list, list], tuple[list, list]]:
    """Lay out the tab; returns (inputs, outputs) of compare and of new_digits, so the app fills both on load."""
    gr.Markdown(i18n("density_intro"))
    with gr.Row():
        with gr.Column(scale=1, min_width=260):
            name = gr.Dropdown(list(SOURCE_NAMES), value="moons", label=i18n("toy_data"), info=i18n("sources_info"))
            bins = gr.Slider(4, 60, value=20, step=1, label=i18n("bins"))
            bandwidth = gr.Slider(0.03, 2.0, value=0.15, step=0.01, label=i18n("bandwidth"), elem_id="bandwidth")
            cv_button = gr.Button(i18n("cv_bandwidth"), size="sm")
            components = gr.Slider(1, 12, value=6, step=1, label=i18n("components"))
            covariance = gr.Radio(["full", "diag", "spherical", "tied"], value="full", label=i18n("covariance"))
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
            samples = gr.Image(label=i18n("kde_samples"), height=90, elem_id="kde_samples", buttons=["download"])
            nearest = gr.Image(label=i18n("kde_nearest"), height=90, buttons=["download"])
    digit_inputs = [pca_components, use_cv, digit_bandwidth, digit_seed]
    generate.click(new_digits, digit_inputs, [samples, nearest, digit_summary])
    return (inputs, outputs), (digit_inputs, [samples, nearest, digit_summary])
