"""PCA: principal axes of 2-D points, and images rebuilt from their first k components (lecture:
unsupervised learning, dimensionality reduction)."""
from __future__ import annotations

import gradio as gr

from demo import plots
from demo.components import OnLoad, captioned_image, dataset_radio, image_source, source_image, translated_choices
from demo.i18n import request_language, text
from demo.imaging import strip, to_display
from lab.api import pca as model
from lab.api.pca import TOY_NAMES


def show_axes(name: str, request: gr.Request | None = None):
    axes = model.toy_axes(name)
    return plots.axes_figure(axes["points"], axes["mean"], axes["components"], axes["variances"],
                             text("pca_axes", request_language(request)))


def show_components(dataset: str, request: gr.Request | None = None):
    """The mean image, the first 7 components (rescaled to show sign), and the cumulative variance curve."""
    lang = request_language(request)
    shown = model.components(dataset)
    cumulative = shown["cumulative"]
    curve = plots.curve_figure(list(range(1, len(cumulative) + 1)), cumulative, text("pca_curve", lang), "k",
                               text("explained", lang))
    return strip(shown["pictures"], size=84), curve


def rebuild(dataset: str, source: str, index: float, k: float, drawing, request: gr.Request | None = None):
    """The chosen image next to its reconstruction from k components, with the numbers."""
    lang = request_language(request)
    image = source_image(source, index, drawing, dataset, lang)
    result = model.rebuild(dataset, image, int(k))
    return (to_display(image), to_display(result["rebuilt"]),
            text("pca_summary", lang, k=int(k), explained=result["explained"], error=result["error"]))


def open_tab(toy: str, dataset: str, source: str, index: float, k: float, drawing,
             request: gr.Request | None = None):
    """What the tab shows when a page opens, in one event (in the reader's language): the toy set's axes,
    the components and a test image rebuilt."""
    return (show_axes(toy, request), *show_components(dataset, request),
            *rebuild(dataset, source, index, k, drawing, request))


def build(i18n, drawing: gr.State) -> list[OnLoad]:
    """Lay out the tab; `drawing` is the Draw & encode tab's 28x28 image. Returns what the app runs on
    load: the toy set's axes, the components of the default dataset and a test image rebuilt from 20 of them."""
    gr.Markdown(i18n("pca_intro"))
    with gr.Row():
        with gr.Column():
            toy = gr.Dropdown(translated_choices(i18n, TOY_NAMES), value="anisotropic", label=i18n("toy_data"))
            axes_plot = gr.Plot(show_label=False, elem_id="pca_axes")
        with gr.Column():
            dataset = dataset_radio(i18n, elem_id="pca_dataset")
            components = captioned_image(i18n("pca_components"), elem_id="pca_components")
            curve = gr.Plot(show_label=False)
    with gr.Row():
        source, index, index_caption = image_source(i18n, 0, dataset)
        k = gr.Slider(0, 784, value=20, step=1, label=i18n("pca_k"), elem_id="pca_k")
    with gr.Row():
        original = captioned_image(i18n("pca_original"), height=190)
        rebuilt = captioned_image(i18n("pca_rebuilt"), height=190, elem_id="pca_rebuilt")
        summary = gr.Markdown(elem_id="pca_summary")
    toy.change(show_axes, toy, axes_plot)
    dataset.change(show_components, dataset, [components, curve])
    rebuild_inputs = [dataset, source, index, k, drawing]
    for control in (dataset, source, index, k):
        control.change(rebuild, rebuild_inputs, [original, rebuilt, summary], show_progress="hidden")
    return [OnLoad(open_tab, [toy] + rebuild_inputs, [axes_plot, components, curve, original, rebuilt, summary]),
            index_caption]


if __name__ == "__main__":
    from demo.app import launch_alone
    launch_alone(build)
