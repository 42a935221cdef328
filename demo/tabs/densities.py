"""Density estimates side by side: histogram, KDE and a Gaussian mixture on the same 2-D points, each
scored by its log-likelihood on held-out points (lecture: unsupervised learning, density estimation)."""
from __future__ import annotations

import gradio as gr
import numpy as np

from demo import plots
from demo.i18n import request_language, text
from lab.analysis.density import best_bandwidth, density_grid, draw_samples, fit_densities
from lab.analysis.toy import TOY_NAMES, make_toy

HELD_OUT = 0.3   # share of the points kept out of fitting, to score each density on


def split(name: str, seed: int) -> tuple[np.ndarray, np.ndarray]:
    points, _ = make_toy(name, count=800, seed=seed)
    order = np.random.default_rng(seed).permutation(len(points))
    cut = int(len(points) * (1 - HELD_OUT))
    return points[order[:cut]], points[order[cut:]]


def compare(name: str, bins: float, bandwidth: float, components: float, covariance: str, seed: float,
            show_samples: bool, request: gr.Request | None = None):
    """Fit the three densities; return their contour maps and a table of held-out log-likelihoods."""
    lang = request_language(request)
    train, held_out = split(name, int(seed or 0))
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
    return plots.densities_figure(panels, train, samples if show_samples else None), table


def cross_validated_bandwidth(name: str, seed: float) -> float:
    """The bandwidth 5-fold cross-validation picks on the training points (sets the slider)."""
    return round(best_bandwidth(split(name, int(seed or 0))[0]), 3)


def build(i18n) -> tuple[list, list]:
    """Lay out the tab; returns (inputs, outputs) of compare so the app can fill it on load."""
    gr.Markdown(i18n("density_intro"))
    with gr.Row():
        with gr.Column(scale=1, min_width=260):
            name = gr.Dropdown(list(TOY_NAMES), value="moons", label=i18n("toy_data"))
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
    inputs = [name, bins, bandwidth, components, covariance, seed, show_samples]
    for control in inputs:
        control.change(compare, inputs, [figure, table], show_progress="hidden")
    cv_button.click(cross_validated_bandwidth, [name, seed], bandwidth)
    return inputs, [figure, table]
