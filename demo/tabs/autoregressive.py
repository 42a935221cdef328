"""Autoregressive models: a PixelCNN samples an image pixel by pixel, completes a drawing, and gives the
exact likelihood of any image (lecture: "Modelos autoregresivos").

A sampled image is computed once, with the distribution of every pixel, and kept in per-user state; its
pixels are sent once as a flipbook that the slider and the play button step through in the browser, and
the distribution plot follows the pixel the slider settles on. The 4x4 grid streams row by row.
"""
from __future__ import annotations

import math

import gradio as gr
import numpy as np

from demo import plots
from demo.classroom import heavy
from demo.components import (OnLoad, captioned_image, class_choices, dataset_radio, duration_text,
                             image_source, source_image)
from demo.flipbook import Panel, flipbook, flipbook_value
from demo.i18n import number, request_language, text
from demo.imaging import grid as image_grid, strip
from demo.progress import StepProgress
from lab import api
from lab.api import autoregressive as model
from lab.api.autoregressive import DEFAULT_GUIDANCE, GUIDED_TEMPERATURE

FRAME = 224
PIXELS = 28 * 28
PATCH = 16   # the cost table's patch side, in pixels
PLAY_STRIDE = 7          # pixels per tick of the play button: a quarter row


@heavy
def run_sampling(dataset: str, label: int, temperature: float, guidance: float, seed: float,
                 request: gr.Request | None = None, progress=gr.Progress()):
    """Draw one image pixel by pixel; returns (state, its flipbook opened on its most uncertain pixel, that
    pixel's distribution, summary)."""
    lang = request_language(request)
    result = model.raster_sample(dataset, int(label), float(temperature), float(guidance), int(seed or 0),
                                 progress=StepProgress(progress))
    result.update(lang=lang, guidance=float(guidance))
    summary = text("ar_summary", lang, seconds=result["seconds"], per_pixel=1000 * result["seconds"] / PIXELS,
                   temperature=float(temperature), guidance=float(guidance))
    shown = most_uncertain_pixel(result["probabilities"])
    return result, sampling_book(result, shown, lang), distribution_figure(result, shown), summary


def most_uncertain_pixel(probabilities: np.ndarray) -> int:
    """The pixel whose distribution had the highest entropy: where the model really chose (the last pixels,
    black background, are a single bar)."""
    entropy = -(probabilities * np.log(np.clip(probabilities, 1e-12, None))).sum(axis=1)
    return int(np.argmax(entropy))


def partial_image(values: np.ndarray, index: int) -> np.ndarray:
    """The image as drawn up to pixel `index` (raster order), 28x28 RGB: later pixels blue-grey, pixel
    `index` red."""
    gray = np.asarray(values, np.float32).reshape(-1) / 255
    rgb = np.stack([gray] * 3, axis=1)
    rgb[index + 1:] = (0.35, 0.4, 0.55)
    rgb[index] = (0.95, 0.15, 0.15)
    return (rgb.reshape(28, 28, 3) * 255).round().astype(np.uint8)


def sampling_book(result: dict, start: int, lang: str) -> dict:
    """Every pixel of the sample as a flipbook frame: the image so far, and a caption with the value drawn,
    its probability and the distribution's entropy. ▶ moves PLAY_STRIDE pixels a tick."""
    drawn = result["values"].reshape(-1).astype(int)
    probabilities = result["probabilities"]
    chosen = probabilities[np.arange(PIXELS), drawn]
    entropy = -(probabilities * np.log2(np.clip(probabilities, 1e-12, None))).sum(axis=1)
    captions = [text("ar_pixel_caption", lang, index=index, row=index // 28, column=index % 28, value=drawn[index],
                     probability=float(chosen[index]), entropy=float(entropy[index])) for index in range(PIXELS)]
    frames = [partial_image(result["values"], index) for index in range(PIXELS)]
    return flipbook_value([Panel(text("ar_so_far", lang), frames)], captions, lang, start=start, interval_ms=200,
                          stride=PLAY_STRIDE, shown_width=FRAME, max_frames=PIXELS,
                          step_label=text("ar_pixel", lang))


def distribution_figure(result: dict | None, index: int):
    """p(x_i | x_<i) over the 256 values, the drawn one marked (None before a sample)."""
    if result is None:
        return None
    index = min(max(int(index), 0), PIXELS - 1)
    lang = result.get("lang", "en")
    guidance = result.get("guidance", 1.0)
    title = (text("ar_distribution_title_guided", lang, guidance=guidance) if guidance != 1.0
             else text("ar_distribution_title", lang))
    return plots.level_distribution(result["probabilities"][index], int(result["values"].reshape(-1)[index]), title,
                                    text("ar_value_axis", lang))


def show_settled_pixel(result: dict | None, event: gr.EventData):
    """The distribution of the pixel the flipbook settled on (slider let go, or ▶ stopped)."""
    return distribution_figure(result, getattr(event, "frame", 0))


@heavy
def stream_grid(dataset: str, label: int, temperature: float, guidance: float, seed: float,
                request: gr.Request | None = None):
    """16 samples of the class, yielded row by row as the rows complete: (grid image, caption)."""
    lang = request_language(request)
    for rows, images, seconds in model.grid_rows(dataset, [int(label)] * 16, float(temperature), float(guidance),
                                                 int(seed or 0)):
        yield image_grid(images), text("ar_grid_progress", lang, rows=rows, seconds=seconds)


@heavy
def run_completion(dataset: str, source: str, index: float, rows: float, label: int, temperature: float,
                   guidance: float, seed: float, drawing=None, request: gr.Request | None = None):
    """Keep the top rows of a test image or the drawing and let the model finish it four times:
    (strip: the kept part, then the completions; caption)."""
    lang = request_language(request)
    image = source_image(source, index, drawing, dataset, lang)
    rows = int(rows)
    completions = model.complete(dataset, image, rows, int(label), float(temperature), float(guidance),
                                 int(seed or 0))
    kept = np.array(image, np.float32)
    kept[rows:] = 0.35            # the part the model must draw, greyed out
    return strip(np.concatenate([kept[None], completions]), size=112, gap=6), text(
        "ar_completion_caption", lang, rows=rows, left=28 - rows)


@heavy
def run_likelihood(dataset: str, source: str, index: float, drawing=None, request: gr.Request | None = None):
    """−log p(x) of a test image or the drawing in nats and bits per dimension, the per-pixel cost map,
    p(y | x), and the VAE's −ELBO for the same image: (numbers, cost map figure, p(y|x) figure)."""
    lang = request_language(request)
    image = source_image(source, index, drawing, dataset, lang)
    result = model.likelihood(dataset, image)
    names = list(api.class_names(dataset))
    numbers = text("ar_likelihood", lang, nll=result["nll"], bpd=result["bpd"], vae=result["vae_nelbo"],
                   best=names[result["best_class"]], best_nll=float(result["class_nll"][result["best_class"]]))
    numbers += "\n\n" + log_trick(result["cost_map"], lang) + "\n\n" + bayes_verdict(dataset, result, names, lang)
    cost = plots.cost_map(result["cost_map"], text("ar_cost_title", lang, best=names[result["best_class"]]))
    posterior = plots.probabilities_figure(result["posterior"].tolist(), names, text("ar_posterior_title", lang),
                                           "p(y|x)")
    return numbers, cost, posterior


def log_trick(cost_map: np.ndarray, lang: str) -> str:
    """The chain rule's product of the 784 pixel probabilities, multiplied out in float32 (it underflows to 0),
    against the sum of their logs, from the per-pixel costs −log p(x_t | x_<t, y) in nats."""
    product = np.prod(np.exp(-cost_map.astype(np.float64)).astype(np.float32), dtype=np.float32)
    nll = float(cost_map.sum())
    return text("ar_log_trick", lang, product=f"{float(product):.3g}", nll=nll, log_sum=-nll)


def bayes_verdict(dataset: str, result: dict, names: list[str], lang: str) -> str:
    """Bayes' rule over the PixelCNN next to the discriminative classifier: for this image, on the whole test
    set (accuracy, confidence, calibration, as measured), and why a likelihood classifies overconfidently."""
    bayes, classifier = int(result["best_class"]), int(np.argmax(result["classifier"]))
    verdict = text("ar_bayes_here", lang, bayes=names[bayes], bayes_p=float(result["posterior"][bayes]),
                   classifier=names[classifier], classifier_p=float(result["classifier"][classifier]))
    measured = model.bayes_test_figures(dataset)
    if measured:
        verdict += text("ar_bayes_test", lang, images=measured["bayes_images"],
                        **{key: value for key, value in measured.items() if key != "bayes_images"})
    best_two = np.sort(np.asarray(result["class_nll"], np.float64))[:2]
    gap = float(best_two[1] - best_two[0])
    ratio = number(math.exp(gap), ",.0f", lang) if gap < 30 else f"10<sup>{gap / math.log(10):.0f}</sup>"
    return verdict + text("ar_bayes_why", lang, gap=gap, ratio=ratio, spread=float(np.ptp(result["class_nll"])))


def cost_argument(result: dict | None, request: gr.Request | None = None) -> str:
    """The table of sequential steps for larger images, timed at this machine's measured cost per pixel."""
    lang = request_language(request)
    step_ms = 1000 * result["seconds"] / PIXELS if result is not None else 1.0
    rows = [text("ar_cost_head", lang), "|---|---|---|---|---|"]
    table = model.cost_table(step_ms, PATCH)
    for row in table:
        rows.append(f"| {row['name']} | {row['size']} | {number(row['steps'], ',', lang)} | "
                    f"{duration_text(row['seconds'])} | {number(row['patch_steps'], ',', lang)} "
                    f"({duration_text(row['patch_seconds'])}) |")
    big = table[-1]
    return "\n".join(rows) + "\n\n" + text("ar_cost_note", lang, step_ms=step_ms, patch=PATCH,
                                            values=PATCH * PATCH * 3, fold=big["steps"] / big["patch_steps"])


def switch_dataset(dataset: str, request: gr.Request | None = None):
    """The dataset's classes, its model's description and its sampling defaults: (class, model text,
    temperature, guidance: a fixed 1 where the model was trained without label dropout)."""
    lang = request_language(request)
    summary, defaults = model.model_summary(dataset), model.sampling_defaults(dataset)
    guidance_note = text("ar_guidance_on" if defaults["guidance_available"] else "ar_guidance_off", lang)
    return (gr.update(choices=class_choices(dataset), value=0), text("ar_model", lang, **summary) + " " + guidance_note,
            defaults["temperature"],
            gr.update(value=defaults["guidance"], interactive=defaults["guidance_available"]))


def build(i18n, drawing: gr.State) -> list[OnLoad]:
    """Lay out the tab; `drawing` is the Draw & encode tab's 28x28 image. Returns what the app runs on
    load: the model text, a first sample (then the cost table at its speed), a likelihood, completions and
    a grid."""
    gr.Markdown(i18n("ar_intro"))
    model_text = gr.Markdown(elem_id="ar_model")
    with gr.Row():
        with gr.Column(scale=1, min_width=250):
            dataset = dataset_radio(i18n)
            label = gr.Dropdown(class_choices("mnist"), value=0, label=i18n("class_label"))
            # mnist's measured defaults; switch_dataset sets each dataset's on load, without a load here.
            temperature = gr.Slider(0.1, 2.0, value=GUIDED_TEMPERATURE, step=0.05, label=i18n("temperature"))
            guidance = gr.Slider(1.0, 5.0, value=DEFAULT_GUIDANCE, step=0.25, label=i18n("ar_guidance"),
                                 elem_id="ar_guidance")
            seed = gr.Number(value=0, precision=0, minimum=0, label=i18n("seed"))
            sample_button = gr.Button(i18n("ar_sample"), variant="primary", elem_id="ar_sample")
        with gr.Column(scale=3):
            summary = gr.Markdown(elem_id="ar_summary")
            state = gr.State(None)
            with gr.Row():
                with gr.Column(scale=2, min_width=260):
                    pixels = flipbook("ar_frames")
                distribution = gr.Plot(show_label=False, scale=3, elem_id="ar_distribution")

    gr.Markdown(i18n("ar_grid_title"))
    with gr.Row():
        grid_button = gr.Button(i18n("ar_grid"), scale=1, elem_id="ar_grid")
        grid_caption = gr.Markdown(elem_id="ar_grid_caption")
    grid = captioned_image(i18n("grid16"), height=380, buttons=["download"], elem_id="ar_grid_image")

    gr.Markdown(i18n("ar_completion_title"))
    with gr.Row():
        with gr.Column(scale=1, min_width=250):
            completion_source, completion_index, completion_index_caption = image_source(i18n, 3, dataset)
            rows = gr.Slider(0, 28, value=14, step=1, label=i18n("ar_rows"))
            completion_button = gr.Button(i18n("ar_complete"), variant="primary", elem_id="ar_complete")
        with gr.Column(scale=3):
            completion_strip = captioned_image(i18n("ar_completions"), height=150, buttons=["download"])
            completion_caption = gr.Markdown(elem_id="ar_completion_caption")

    gr.Markdown(i18n("ar_likelihood_title"))
    with gr.Row():
        with gr.Column(scale=1, min_width=250):
            likelihood_source, likelihood_index, likelihood_index_caption = image_source(i18n, 0, dataset)
            likelihood_button = gr.Button(i18n("ar_measure"), variant="primary")
        with gr.Column(scale=3):
            likelihood_numbers = gr.Markdown(elem_id="ar_likelihood")
            with gr.Row():
                cost_plot = gr.Plot(show_label=False, elem_id="ar_cost_map")
                posterior_plot = gr.Plot(show_label=False)

    gr.Markdown(i18n("ar_cost_title_section"))
    cost_text = gr.Markdown(elem_id="ar_cost_table")

    sample_inputs = [dataset, label, temperature, guidance, seed]
    sample_outputs = [state, pixels, distribution, summary]
    completion_inputs = [dataset, completion_source, completion_index, rows, label, temperature, guidance, seed,
                         drawing]
    likelihood_inputs = [dataset, likelihood_source, likelihood_index, drawing]
    likelihood_outputs = [likelihood_numbers, cost_plot, posterior_plot]
    sample_button.click(run_sampling, sample_inputs, sample_outputs).then(cost_argument, state, cost_text)
    model_outputs = [label, model_text, temperature, guidance]
    dataset.change(switch_dataset, dataset, model_outputs)
    pixels.release(show_settled_pixel, state, distribution, show_progress="hidden")
    grid_button.click(stream_grid, sample_inputs, [grid, grid_caption])
    completion_outputs = [completion_strip, completion_caption]
    completion_button.click(run_completion, completion_inputs, completion_outputs)
    likelihood_button.click(run_likelihood, likelihood_inputs, likelihood_outputs)
    return [OnLoad(switch_dataset, [dataset], model_outputs),
            OnLoad(run_sampling, sample_inputs, sample_outputs, then=OnLoad(cost_argument, [state], [cost_text])),
            OnLoad(run_likelihood, likelihood_inputs, likelihood_outputs),
            OnLoad(run_completion, completion_inputs, completion_outputs),
            OnLoad(stream_grid, sample_inputs, [grid, grid_caption]),
            completion_index_caption, likelihood_index_caption]


if __name__ == "__main__":
    from demo.app import launch_alone
    launch_alone(build)
