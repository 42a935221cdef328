"""Discriminative vs generative, Bayes' rule with a prior slider, and supervised vs unsupervised
(lecture: "Discriminativo vs generativo", "Regla de Bayes", "Aprendizaje supervisado / no supervisado").

The same labelled 2-D points three ways: p(x|y) per class and p(x) (generative), the posterior
p(y|x) = p(x|y)·P(y) / p(x) moving with the prior P(y), a discriminative classifier's p(y|x) with its
decision regions, and k-means clusters found with the labels hidden. A probe point ★ gets every number.
"""
from __future__ import annotations

import gradio as gr
import numpy as np

from demo import plots
from demo.components import OnLoad, translated_choices
from demo.i18n import request_language, text
from lab.api import bayes as model
from lab.api.bayes import BAYES_SETS, CLASS_DENSITIES, GRID, agreement, bayes_posterior


def _extent(fit: dict) -> tuple[float, float, float, float]:
    return float(fit["xs"][0]), float(fit["xs"][-1]), float(fit["ys"][0]), float(fit["ys"][-1])


def bayes_view(name: str, kind: str, prior_1: float, prior_2: float, prior_3: float, probe_x: float,
               probe_y: float, seed: float = 0, request: gr.Request | None = None):
    """(generative figure, discriminative-vs-clusters figure, numbers at the probe as markdown)."""
    lang = request_language(request)
    if name not in BAYES_SETS:
        raise gr.Error(text("bayes_bad_data", lang, names=", ".join(BAYES_SETS)))
    fit = model.fitted(name, kind, int(seed or 0))
    classes = fit["classes"]
    priors = np.array([prior_1, prior_2, prior_3][:classes], np.float64)
    try:
        posterior, log_evidence = bayes_posterior(fit["log_likelihoods"], priors)
    except ValueError:
        raise gr.Error(text("bayes_bad_prior", lang))
    priors = priors / priors.sum()
    probe = np.array([[float(probe_x or 0), float(probe_y or 0)]])

    shape = (GRID, GRID)
    likelihoods = np.exp(fit["log_likelihoods"])
    generative = plots.panels_figure([
        {"title": text("bayes_px_given_y", lang),
         "traces": [plots.class_contours(fit["xs"], fit["ys"], likelihoods[:, c].reshape(shape), c)
                    for c in range(classes)] + [plots.labelled_points(fit["points"], fit["labels"], 4),
                                                plots.probe_marker(probe[0])]},
        {"title": text("bayes_px", lang),
         "traces": [plots.density_heatmap(fit["xs"], fit["ys"], np.exp(log_evidence).reshape(shape)),
                    plots.probe_marker(probe[0])]},
        {"title": text("bayes_posterior", lang), "image": plots.blend_classes(posterior, GRID),
         "extent": _extent(fit),
         "traces": [plots.labelled_points(fit["points"], fit["labels"], 4), plots.probe_marker(probe[0])]},
    ])
    supervised = plots.panels_figure([
        {"title": text("bayes_discriminative", lang), "image": plots.blend_classes(fit["discriminative_grid"], GRID),
         "extent": _extent(fit),
         "traces": [plots.labelled_points(fit["points"], fit["labels"], 5), plots.probe_marker(probe[0])]},
        {"title": text("bayes_clusters", lang, ari=agreement(fit["labels"], fit["clusters"]["assignments"])),
         "traces": [plots.labelled_points(fit["points"], None, 4),
                    {**plots.labelled_points(fit["points"], fit["clusters"]["assignments"], 5),
                     "marker": {"size": 5, "symbol": "circle-open",
                                "color": [plots.CLUSTER_COLORS[int(c) % 10]
                                          for c in fit["clusters"]["assignments"]]}},
                    {"type": "scatter", "x": np.asarray(fit["clusters"]["centroids"])[:, 0].tolist(),
                     "y": np.asarray(fit["clusters"]["centroids"])[:, 1].tolist(), "mode": "markers",
                     "marker": {"size": 16, "symbol": "x", "color": "black"}, "hoverinfo": "skip"}]},
    ], height=380)
    return generative, supervised, probe_table(fit, priors, probe, lang)


def probe_table(fit: dict, priors: np.ndarray, probe: np.ndarray, lang: str) -> str:
    """Every term of Bayes' rule at the probe point, per class, and the discriminative answer."""
    terms = model.probe_terms(fit, priors, probe)
    rows = [text("bayes_table", lang), "|---|---|---|---|---|---|"]
    for c in range(fit["classes"]):
        likelihood = float(terms["likelihood"][c])
        rows.append(f"| {c + 1} | {likelihood:.4g} | {priors[c]:.2f} | {likelihood * priors[c]:.4g} | "
                    f"**{terms['posterior'][c]:.3f}** | {terms['discriminative'][c]:.3f} |")
    evidence = text("bayes_evidence", lang, x1=probe[0, 0], x2=probe[0, 1], px=terms["evidence"],
                    total=float(terms["posterior"].sum()))
    return "\n".join(rows) + "\n\n" + evidence


def priors_for(name: str, request: gr.Request | None = None):
    """New data: uniform priors, the probe between two classes, the third slider only for three classes."""
    classes = model.class_count(name)
    return (1.0, 1.0, gr.update(value=1.0, visible=classes == 3), *model.default_probe(name))


def build(i18n, drawing: gr.State) -> list[OnLoad]:
    """Lay out the tab (its data are 2-D points: `drawing` is unused). Returns what the app runs on load."""
    gr.Markdown(i18n("bayes_intro"))
    with gr.Row():
        with gr.Column(scale=1, min_width=260):
            name = gr.Dropdown(translated_choices(i18n, BAYES_SETS), value="blobs", label=i18n("toy_data"))
            kind = gr.Radio(translated_choices(i18n, CLASS_DENSITIES), value="gaussian", label=i18n("bayes_density"))
            gr.Markdown(i18n("bayes_prior_help"))
            prior_1 = gr.Slider(0, 1, value=1.0, step=0.01, label="P(y=1) ∝", elem_id="prior_1")
            prior_2 = gr.Slider(0, 1, value=1.0, step=0.01, label="P(y=2) ∝")
            prior_3 = gr.Slider(0, 1, value=1.0, step=0.01, label="P(y=3) ∝")
            with gr.Row():
                start_x, start_y = model.default_probe("blobs")
                probe_x = gr.Number(value=start_x, label="★ x1")
                probe_y = gr.Number(value=start_y, label="★ x2")
            seed = gr.Number(value=0, precision=0, minimum=0, label=i18n("seed"))
        with gr.Column(scale=3):
            generative = gr.Plot(show_label=False, elem_id="bayes_plot")
            numbers = gr.Markdown(elem_id="bayes_numbers")
            supervised = gr.Plot(show_label=False)
    inputs = [name, kind, prior_1, prior_2, prior_3, probe_x, probe_y, seed]
    outputs = [generative, supervised, numbers]
    name.change(priors_for, name, [prior_1, prior_2, prior_3, probe_x, probe_y], show_progress="hidden")
    for control in inputs:
        control.change(bayes_view, inputs, outputs, show_progress="hidden")
    return [OnLoad(bayes_view, inputs, outputs)]


if __name__ == "__main__":
    from demo.app import launch_alone
    launch_alone(build)
