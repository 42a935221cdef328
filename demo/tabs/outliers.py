"""Outlier rejection: the classifier labels anything; the VAE's likelihood bound can say "unlikely"
(lecture: "Detección de outliers" with a density model).

An input (the drawing from Draw & encode, a random scribble, a printed letter, noise, or an image of the
other dataset) is scored by the classifier, max p(y|x), and by the 16-d VAE, its ELBO ≤ log p(x); the ELBO
is placed among the test images' ELBOs, and the input is rejected when it falls below the chosen percentile.
The AUROC table measures both scores on the whole other dataset, failures included.
"""
from __future__ import annotations

import gradio as gr

from demo import plots
from demo.components import OnLoad, captioned_image, dataset_radio, translated_choices
from demo.i18n import request_language, text
from demo.imaging import to_display
from lab.api import class_names
from lab.api import outliers as model
from lab.api.outliers import OUTLIER_KINDS

DRAWING = "my drawing"
SOURCES = (DRAWING, *OUTLIER_KINDS)


def score_outlier(source: str, dataset: str, seed: float, threshold: float, image28=None,
                  request: gr.Request | None = None):
    """(input image, p(y|x) chart, ELBO histogram, verdict) for one input under `dataset`'s models."""
    lang = request_language(request)
    if source == DRAWING:
        if image28 is None:
            raise gr.Error(text("no_drawing", lang))
        image = image28
    elif source in OUTLIER_KINDS:
        image = model.make_outlier(source, int(seed or 0), dataset)
    else:
        raise gr.Error(text("outlier_bad_source", lang, sources=", ".join(SOURCES)))
    result = model.score_image(image, dataset)
    names = class_names(dataset)
    probabilities = plots.probabilities_figure(result["probabilities"], names, text("classifier_says", lang),
                                               "p(y|x)")
    reference = result["reference_elbo"]
    cut = model.reject_threshold(reference, float(threshold))
    histogram = plots.score_histogram(reference, result["elbo"], cut, text("elbo_histogram", lang), "ELBO (nats)",
                                      {"test": text("test_images", lang), "input": text("this_input", lang),
                                       "threshold": text("reject_below", lang, q=float(threshold))})
    best = max(range(len(names)), key=result["probabilities"].__getitem__)
    rejected = result["elbo_percentile"] < float(threshold)
    verdict = text("outlier_verdict", lang, label=names[best], confidence=result["softmax"],
                   softmax_percentile=result["softmax_percentile"], elbo=result["elbo"],
                   percentile=result["elbo_percentile"],
                   decision=text("rejected" if rejected else "accepted", lang), q=float(threshold))
    return to_display(image), probabilities, histogram, verdict


def auroc_table(request: gr.Request | None = None) -> str:
    """The stored AUROC figures (python -m lab.analysis.ood --write) as a table, with what they mean."""
    lang = request_language(request)
    figures = model.read_ood_table()
    if not figures:
        return text("auroc_missing", lang)
    rows = [text("auroc_header", lang), "|---|---|---|"]
    for dataset, other in (("mnist", "fashion"), ("fashion", "mnist")):
        rows.append(f"| {dataset} vs {other} | {figures[f'ood_auroc_elbo_{dataset}_model']:.3f} | "
                    f"{figures[f'ood_auroc_softmax_{dataset}_model']:.3f} |")
    return "\n".join(rows) + "\n\n" + text("auroc_explained", lang)


def build(i18n, drawing: gr.State) -> list[OnLoad]:
    """Lay out the tab; `drawing` is the Draw & encode tab's 28x28 image. Returns what the app runs on
    load: the AUROC table and a first input scored."""
    gr.Markdown(i18n("outlier_intro"))
    with gr.Row():
        with gr.Column(scale=1, min_width=260):
            source = gr.Radio(translated_choices(i18n, SOURCES), value="letter", label=i18n("outlier_source"),
                              elem_id="outlier_source")
            dataset = dataset_radio(i18n, "outlier_models")
            seed = gr.Number(value=0, precision=0, minimum=0, label=i18n("seed"))
            threshold = gr.Slider(0, 20, value=1, step=0.5, label=i18n("outlier_threshold"))
            image = captioned_image(i18n("input28"), height=190, elem_id="outlier_input")
        with gr.Column(scale=3):
            verdict = gr.Markdown(elem_id="outlier_verdict")
            with gr.Row():
                probabilities = gr.Plot(show_label=False)
                histogram = gr.Plot(show_label=False)
            table = gr.Markdown(elem_id="auroc_table")
    inputs = [source, dataset, seed, threshold, drawing]
    outputs = [image, probabilities, histogram, verdict]
    for control in (source, dataset, seed, threshold):
        control.change(score_outlier, inputs, outputs, show_progress="minimal")
    return [OnLoad(auroc_table, [], [table]), OnLoad(score_outlier, inputs, outputs)]


if __name__ == "__main__":
    from demo.app import launch_alone
    launch_alone(build)
