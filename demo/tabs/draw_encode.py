"""Draw & encode: a drawing through the autoencoder, the VAE and the classifier (lecture: AE, VAE, p(y|x)).

Handlers are module-level and take plain values, so tests call them without a browser.
"""
from __future__ import annotations

import functools
import json

import gradio as gr
import numpy as np

from demo import plots
from demo.components import (OnLoad, captioned_image, clear_pad_js, composite, dataset_radio, export_text,
                            sketchpad, warn)
from demo.i18n import request_language, text
from demo.imaging import strip, to_display
from lab import api
from lab.api import draw_encode as model

VAE_CHOICES = [("16-d", "vae16"), ("2-d", "vae2")]


def _encode_outputs(image28, dataset: str, vae_name: str, lang: str):
    result = model.encode_drawing(image28, dataset=dataset, vae_name=vae_name)
    messages = [text("missing", lang, message=api.say(error, lang)) for error in result["errors"].values()]
    probabilities_plot = posterior_plot = elbo_plot = None
    summary = ""
    if result["probabilities"] is not None:
        probabilities_plot = plots.probabilities_figure(
            result["probabilities"], result["class_names"], "p(y|x)", text("probability", lang))
    if result["posterior_mean"] is not None:
        posterior_plot = plots.posterior_figure(
            result["posterior_mean"], result["posterior_std"], "q(z|x) = N(μ, σ²)",
            text("dimension", lang), text("prior", lang))
        elbo = result["elbo"]
        elbo_plot = plots.elbo_figure(elbo["reconstruction"], elbo["kl"],
                                      {"reconstruction": text("reconstruction", lang), "kl": text("kl", lang)},
                                      f"−ELBO = {elbo['total']:.1f} nats")
    if result["posterior_mean"] is not None and result["probabilities"] is not None:
        best = int(np.argmax(result["probabilities"]))
        elbo = result["elbo"]
        summary = text("summary", lang, label=result["class_names"][best],
                       confidence=result["probabilities"][best], reconstruction=elbo["reconstruction"],
                       kl=elbo["kl"], total=elbo["total"], elbo=-elbo["total"], samples=result["elbo_samples"])
    if result["ae_squared_error"] is not None:
        error = result["ae_squared_error"]
        summary += text("ae_error", lang, error=error, per_pixel=error / result["input"].size)
    return (to_display(result["input"]), to_display(result["ae_reconstruction"]),
            to_display(result["vae_reconstruction"]), probabilities_plot, posterior_plot, elbo_plot,
            summary, "\n\n".join(messages), export_encoding(result, dataset, vae_name), result["input"])


def export_encoding(result: dict, dataset: str, vae_name: str) -> str:
    """Write what the tab shows as a JSON file (input pixels, μ, σ, ELBO terms, p(y|x)); returns its path."""
    record = {"dataset": dataset, "vae": vae_name, "class_names": result["class_names"],
              "input_28x28": np.round(result["input"], 4).tolist(),
              "posterior_mean": result["posterior_mean"], "posterior_std": result["posterior_std"],
              "elbo_nats": result["elbo"], "probabilities": result["probabilities"]}
    return export_text(f"encoding-{dataset}-{vae_name}", ".json", json.dumps(record, indent=1))


def open_on_example(dataset: str, vae_name: str, request: gr.Request | None = None):
    """What the tab shows when a page opens: a pen-drawn 7, already encoded and resampled, and a note to
    draw one's own. The drawing state stays empty: other tabs' "my drawing" waits for the student's own."""
    return _example_outputs(dataset, vae_name, request_language(request))


@functools.lru_cache(maxsize=8)
def _example_outputs(dataset: str, vae_name: str, lang: str) -> tuple:
    # Fixed inputs, fixed outputs: computed once per dataset, VAE and language, not once per visitor.
    drawing = model.example_drawing()
    outputs = _encode_outputs(drawing, dataset, vae_name, lang)
    samples = model.sample_posterior(drawing, dataset, vae_name, count=6, seed=0)
    strips = tuple(strip(images) if images is not None else None for images in (samples["vae"], samples["ae"]))
    return outputs[:7] + (text("example_note", lang),) + outputs[8:9] + (None,) + strips


def empty_outputs() -> tuple:
    """Every output of the tab emptied: images and plots None, texts blank, no export, no drawing."""
    return (None,) * 7 + ("", None, None)


def encode_sketch(sketch, dataset: str, vae_name: str, inked: bool = False,
                  request: gr.Request | None = None):
    """Sketchpad value -> (input, AE, VAE images, p(y|x), posterior and ELBO plots, summary, status, state,
    whether the pad has ink).

    A blank canvas clears the outputs quietly (it happens on every Clear) only when the pad had ink
    (`inked`): the pad also sends a blank canvas when it first appears, which may come after the example the
    tab opened on or a test image picked from the gallery, and must leave them shown."""
    lang = request_language(request)
    try:
        return _encode_outputs(composite(sketch), dataset, vae_name, lang) + (True,)
    except api.BlankDrawingError:
        return empty_outputs() + (False,) if inked else (gr.skip(),) * (len(empty_outputs()) + 1)


def encode_current(image28, dataset: str, vae_name: str, request: gr.Request | None = None,
                   warn_if_blank: bool = True):
    """Re-encode the drawing kept in state (the Encode button, or a VAE switch with warn_if_blank=False, which
    leaves the outputs empty without a warning when nothing is drawn yet)."""
    lang = request_language(request)
    if image28 is None:
        if warn_if_blank:
            warn(text("blank", lang), lang)
        return empty_outputs()
    return _encode_outputs(np.asarray(image28, np.float32), dataset, vae_name, lang)


def example_gallery(dataset: str) -> list[tuple]:
    """(display image, caption) pairs: two shipped test images of each class."""
    return [(to_display(image, 84), api.class_names(dataset)[label])
            for image, label in api.example_images(dataset, per_class=2)]


def pick_example(dataset: str, vae_name: str, event: gr.EventData, request: gr.Request | None = None):
    """Encode the test image clicked in the gallery (it is already 28x28: no preprocessing). The event is
    read as plain EventData: Gradio's SelectData fails before any handler when a script sends none."""
    lang, examples = request_language(request), api.example_images(dataset, per_class=2)
    if not isinstance(event.index, int) or not 0 <= event.index < len(examples):   # a scripted select
        raise gr.Error(text("bad_gallery_index", lang, count=len(examples) - 1))
    return _encode_outputs(examples[event.index][0], dataset, vae_name, lang)


def resample(image28, dataset: str, vae_name: str, seed: float, request: gr.Request | None = None):
    """Six decodings of z ~ q(z|x) for the VAE next to six of the AE's single z."""
    lang = request_language(request)
    if image28 is None:
        warn(text("blank", lang), lang)
        return None, None
    samples = model.sample_posterior(np.asarray(image28, np.float32), dataset, vae_name, count=6,
                                   seed=int(seed or 0))
    for error in samples["errors"].values():
        warn(text("missing", lang, message=api.say(error, lang)), lang)
    return tuple(strip(images) if images is not None else None for images in (samples["vae"], samples["ae"]))


def switch_dataset(image28, dataset: str, vae_name: str, request: gr.Request | None = None):
    """New dataset: new examples, and the current drawing re-encoded by that dataset's models."""
    gallery = example_gallery(dataset)
    if image28 is None:
        return (gallery,) + empty_outputs()
    return (gallery,) + _encode_outputs(np.asarray(image28, np.float32), dataset, vae_name,
                                        request_language(request))


def build(i18n, drawing: gr.State) -> list[OnLoad]:
    """Lay out the tab inside the current Blocks. `drawing` is the per-user state this tab fills with the
    28x28 drawing, which other tabs read. It opens on an example drawing, encoded once for everyone."""
    gr.Markdown(i18n("draw_intro"))
    with gr.Row():
        with gr.Column(scale=4, min_width=300):
            pad = sketchpad(i18n("sketch"), "sketchpad")
            with gr.Row():
                clear_button = gr.Button(i18n("clear"), elem_id="clear")
                encode_button = gr.Button(i18n("encode"), variant="primary", elem_id="encode")
            dataset = dataset_radio(i18n, elem_id="dataset")
            vae_name = gr.Radio(choices=VAE_CHOICES, value="vae16", label=i18n("vae_choice"), elem_id="vae")
            # As tall as its rows: no row cut in half at the bottom.
            gallery = gr.Gallery(value=example_gallery("mnist"), label=i18n("examples"), columns=4,
                                 height="auto", allow_preview=False, elem_id="examples", format="png")
        with gr.Column(scale=6):
            with gr.Row():
                input_image = captioned_image(i18n("input28"), elem_id="input28", height=190,
                                              buttons=["download"])
                ae_image = captioned_image(i18n("ae_recon"), elem_id="ae_recon", height=190,
                                           buttons=["download"])
                vae_image = captioned_image(i18n("vae_recon"), elem_id="vae_recon", height=190,
                                            buttons=["download"])
            with gr.Row():
                summary = gr.Markdown(elem_id="summary")
                export = gr.DownloadButton(i18n("export"), size="sm", scale=0, elem_id="export")
            status = gr.Markdown(elem_id="status")
            probabilities_plot = gr.Plot(label=i18n("probabilities"), elem_id="probabilities")
            elbo_plot = gr.Plot(label=i18n("elbo"), elem_id="elbo")
            posterior_plot = gr.Plot(label=i18n("posterior"), elem_id="posterior")
    gr.Markdown(i18n("resample_title"))
    with gr.Row():
        seed = gr.Number(value=0, precision=0, label=i18n("seed"), minimum=0, scale=1)
        resample_button = gr.Button(i18n("resample"), elem_id="resample", scale=1)
    with gr.Row():
        vae_strip = captioned_image(i18n("vae_samples"), elem_id="vae_samples", height=130)
        ae_strip = captioned_image(i18n("ae_samples"), elem_id="ae_samples", height=130)

    outputs = [input_image, ae_image, vae_image, probabilities_plot, posterior_plot, elbo_plot, summary,
               status, export, drawing]
    # Strokes fire `input` (not `change`) in Gradio 6; always_last drops stale strokes under load.
    pad_inked = gr.State(False)
    pad.input(encode_sketch, [pad, dataset, vae_name, pad_inked], outputs + [pad_inked],
              trigger_mode="always_last", show_progress="hidden", concurrency_limit=4)
    clear_button.click(None, js=clear_pad_js("sketchpad"))   # in the browser: see demo.components
    encode_button.click(encode_current, [drawing, dataset, vae_name], outputs)
    vae_name.change(encode_after_switch, [drawing, dataset, vae_name], outputs)
    dataset.change(switch_dataset, [drawing, dataset, vae_name], [gallery] + outputs)
    gallery.select(pick_example, [dataset, vae_name], outputs)
    resample_button.click(resample, [drawing, dataset, vae_name, seed], [vae_strip, ae_strip])
    return [OnLoad(open_on_example, [dataset, vae_name], outputs + [vae_strip, ae_strip])]


def encode_after_switch(image28, dataset: str, vae_name: str, request: gr.Request | None = None):
    """A VAE switch re-encodes the drawing; with nothing drawn yet it stays quiet."""
    return encode_current(image28, dataset, vae_name, request, warn_if_blank=False)


if __name__ == "__main__":
    from demo.app import launch_alone
    launch_alone(build)
