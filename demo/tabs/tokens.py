"""Patches → tokens: a VQ-VAE cuts the image into a 7x7 grid of tokens and a causal transformer samples
them one by one (lecture: "Modelos autoregresivos sobre imágenes", a sequence of patches).

A sampled grid is computed once, with the distribution of every token, and kept in per-user state; its 49
frames go to the browser once as a flipbook, and the bars follow the token the slider settles on. The
token grid and the codebook atlas are HTML whose hover runs in the browser.
"""
from __future__ import annotations

import numpy as np
import gradio as gr

from demo import plots
from demo.classroom import heavy
from demo.components import (OnLoad, captioned_image, class_choices, dataset_radio, duration_text,
                             image_source, source_image)
from demo.flipbook import Panel, flipbook, flipbook_value
from demo.i18n import number, request_language, text
from demo.imaging import grid as image_grid, strip, to_display
from demo.progress import StepProgress
from demo.token_pictures import CSS, atlas_html, sampling_frame, token_grid_html
from lab.api import tokens as model
from lab.api.tokens import DEFAULTS

FRAME = 224


def run_tokenize(dataset: str, source: str, index: float, drawing=None, request: gr.Request | None = None):
    """(the token grid as HTML, the reconstruction from the tokens, the numbers, the atlas with the image's
    codes lit)."""
    lang = request_language(request)
    image = source_image(source, index, drawing, dataset, lang)
    result = model.tokenize(dataset, image)
    atlas = model.codebook_atlas(dataset)
    used = len(np.unique(result["codes"]))
    numbers = text("tok_numbers", lang, K=result["codebook_size"], bits=result["bits"],
                   error=result["squared_error"], used=used)
    def hover(row: int, column: int, code: int) -> str:
        return text("tok_hover", lang, row=row, column=column, code=code)

    def tile(code: int, count: int) -> str:
        return text("tok_atlas_tile", lang, code=code, count=count, patches=int(atlas["counts"][code]))

    return (token_grid_html(image, result["codes"], atlas["tiles"], hover), to_display(result["reconstruction"]),
            numbers, atlas_html(atlas["tiles"], result["codes"], tile))


@heavy
def run_token_sampling(dataset: str, label: int, temperature: float, top_k: float, guidance: float, seed: float,
                       request: gr.Request | None = None, progress=gr.Progress()):
    """One grid drawn token by token: (state, its flipbook opened on its most uncertain token, that token's
    distribution, summary)."""
    lang = request_language(request)
    result = model.sample_sequence(dataset, int(label), float(temperature), int(top_k or 0), float(guidance),
                                   int(seed or 0), progress=StepProgress(progress))
    result.update(lang=lang, guidance=float(guidance))
    steps = len(result["tokens"])
    summary = text("tok_summary", lang, steps=steps, seconds=result["seconds"],
                   per_token=1000 * result["seconds"] / steps)
    shown = most_uncertain_token(result["probabilities"])
    return result, sampling_book(result, shown, lang), distribution_figure(result, shown), summary


def most_uncertain_token(probabilities: np.ndarray) -> int:
    """The token inside the grid's border whose distribution had the highest entropy: where the model really
    chose the stroke (the border is blank, and its uncertainty is among codes that all mean blank)."""
    entropy = -(probabilities * np.log(np.clip(probabilities, 1e-12, None))).sum(axis=1)
    grid = int(round(len(entropy) ** 0.5))
    rows, columns = np.divmod(np.arange(len(entropy)), grid)
    inside = (rows > 0) & (rows < grid - 1) & (columns > 0) & (columns < grid - 1)
    return int(np.flatnonzero(inside)[np.argmax(entropy[inside])])


def sampling_book(result: dict, start: int, lang: str) -> dict:
    """Every token of the sample as a flipbook frame: the image decoded after it, and a caption with the
    code drawn, its probability and the distribution's entropy."""
    tokens, probabilities = result["tokens"].astype(int), result["probabilities"]
    steps, codes = len(tokens), probabilities.shape[1]
    chosen = probabilities[np.arange(steps), tokens]
    entropy = -(probabilities * np.log2(np.clip(probabilities, 1e-12, None))).sum(axis=1)
    grid = int(round(steps ** 0.5))
    captions = [text("tok_caption", lang, index=index, row=index // grid, column=index % grid, code=tokens[index],
                     probability=float(chosen[index]), entropy=float(entropy[index]), uniform=np.log2(codes))
                for index in range(steps)]
    frames = [sampling_frame(result["frames"][index], index, grid) for index in range(steps)]
    return flipbook_value([Panel(text("tok_so_far", lang), frames)], captions, lang, start=start, interval_ms=300,
                          shown_width=FRAME, step_label=text("tok_step", lang))


def distribution_figure(result: dict | None, index: int):
    """p(t_i | t_<i, y) over the K codes, the drawn one marked (None before a sample)."""
    if result is None:
        return None
    index = min(max(int(index), 0), len(result["tokens"]) - 1)
    lang = result.get("lang", "en")
    return plots.level_distribution(result["probabilities"][index], int(result["tokens"][index]),
                                    text("tok_distribution_title", lang, index=index,
                                         guidance=result.get("guidance", 1.0)), text("tok_code_axis", lang))


def show_settled_token(result: dict | None, event: gr.EventData):
    """The distribution of the token the flipbook settled on (slider let go, or ▶ stopped)."""
    return distribution_figure(result, getattr(event, "frame", 0))


@heavy
def stream_token_grid(dataset: str, label: int, temperature: float, top_k: float, guidance: float, seed: float,
                      request: gr.Request | None = None):
    """16 samples of the class, yielded token row by token row: (grid image, caption)."""
    lang = request_language(request)
    for rows, images, seconds in model.grid_rows(dataset, [int(label)] * 16, float(temperature), int(top_k or 0),
                                                 float(guidance), int(seed or 0)):
        yield image_grid(images), text("tok_grid_progress", lang, rows=rows, seconds=seconds)


@heavy
def run_completion(dataset: str, source: str, index: float, rows: float, label: int, temperature: float,
                   top_k: float, guidance: float, seed: float, drawing=None, request: gr.Request | None = None):
    """Keep the first token rows of an image and sample the rest six times: (strip, caption)."""
    lang = request_language(request)
    image = source_image(source, index, drawing, dataset, lang)
    result = model.complete(dataset, image, int(rows), int(label), float(temperature), int(top_k or 0),
                            float(guidance), int(seed or 0))
    kept = np.array(result["kept"], np.float32)
    kept[int(rows) * 4:] = 0.35        # the part the model must draw, greyed out
    return strip(np.concatenate([kept[None], result["completions"]]), size=112, gap=6), text(
        "tok_completion_caption", lang, rows=int(rows), left=7 - int(rows))


@heavy
def run_cost(dataset: str, source: str, index: float, drawing=None, request: gr.Request | None = None,
             again: bool = False) -> str:
    """The lecture's cost argument, timed here for one image of each chain (once per dataset, or `again`),
    and the likelihood each gives the image picked above."""
    lang = request_language(request)
    timing = model.time_one_image(dataset, again)
    rows = [text("tok_cost_head", lang), "|---|---|---|---|---|---|"]
    for row in model.cost_rows(timing):
        rows.append(f"| {row['name']} | {row['size']} | {number(row['pixel_steps'], ',', lang)} | "
                    f"{duration_text(row['pixel_seconds'])} | {number(row['token_steps'], ',', lang)} | "
                    f"{duration_text(row['token_seconds'])} |")
    note = text("tok_cost_note", lang, pixel_seconds=timing["pixel_seconds"], token_seconds=timing["token_seconds"],
                speedup=timing["pixel_seconds"] / timing["token_seconds"])
    bits = model.likelihoods(dataset, source_image(source, index, drawing, dataset, lang))
    return "\n".join(rows) + "\n\n" + note + "\n\n" + text("tok_bits", lang, **bits)


@heavy
def time_cost_again(dataset: str, source: str, index: float, drawing=None, request: gr.Request | None = None) -> str:
    """The cost table with both chains timed afresh."""
    return run_cost(dataset, source, index, drawing, request, again=True)


def switch_dataset(dataset: str, request: gr.Request | None = None):
    """The dataset's classes and its models' description: (class, model text)."""
    lang = request_language(request)
    summary = model.model_summary(dataset)
    quality = summary.pop("quality")
    measured = text("tok_quality", lang, **quality) if quality else ""
    return gr.update(choices=class_choices(dataset), value=0), text("tok_model", lang, **summary) + measured


def build(i18n, drawing: gr.State) -> list[OnLoad]:
    """Lay out the tab; `drawing` is the Draw & encode tab's 28x28 image. Returns what runs when it opens."""
    gr.Markdown(i18n("tok_intro"))
    dataset = dataset_radio(i18n, elem_id="tok_dataset")
    model_text = gr.Markdown(elem_id="tok_model")

    gr.Markdown(i18n("tok_cut_title"))
    with gr.Row():
        with gr.Column(scale=1, min_width=250):
            source, index, index_caption = image_source(i18n, 0, dataset)
            tokenize_button = gr.Button(i18n("tok_cut"), variant="primary", elem_id="tok_cut")
        with gr.Column(scale=1, min_width=300):
            gr.Markdown(i18n("tok_grid_caption"))
            token_grid = gr.HTML(css_template=CSS, elem_id="tok_grid")
        reconstruction = captioned_image(i18n("tok_reconstruction"), height=200, elem_id="tok_reconstruction")
    token_numbers = gr.Markdown(elem_id="tok_numbers")
    gr.Markdown(i18n("tok_atlas_title"))
    atlas = gr.HTML(css_template=CSS, elem_id="tok_atlas")

    gr.Markdown(i18n("tok_sample_title"))
    with gr.Row():
        with gr.Column(scale=1, min_width=250):
            label = gr.Dropdown(class_choices("mnist"), value=0, label=i18n("class_label"))
            temperature = gr.Slider(0.1, 2.0, value=DEFAULTS["temperature"], step=0.05, label=i18n("temperature"))
            top_k = gr.Slider(0, 128, value=DEFAULTS["top_k"], step=1, label=i18n("tok_top_k"))
            guidance = gr.Slider(1.0, 5.0, value=DEFAULTS["guidance"], step=0.25, label=i18n("tok_guidance"))
            seed = gr.Number(value=0, precision=0, minimum=0, label=i18n("seed"))
            sample_button = gr.Button(i18n("tok_sample"), variant="primary", elem_id="tok_sample")
        with gr.Column(scale=3):
            summary = gr.Markdown(elem_id="tok_summary")
            state = gr.State(None)
            with gr.Row():
                with gr.Column(scale=2, min_width=260):
                    frames = flipbook("tok_frames")
                distribution = gr.Plot(show_label=False, scale=3, elem_id="tok_distribution")
    with gr.Row():
        grid_button = gr.Button(i18n("tok_grid"), scale=1, elem_id="tok_grid_button")
        grid_caption = gr.Markdown(elem_id="tok_grid_progress")
    grid = captioned_image(i18n("grid16"), height=380, buttons=["download"], elem_id="tok_grid_image")

    gr.Markdown(i18n("tok_completion_title"))
    with gr.Row():
        with gr.Column(scale=1, min_width=250):
            completion_source, completion_index, completion_index_caption = image_source(i18n, 3, dataset)
            rows = gr.Slider(0, 7, value=3, step=1, label=i18n("tok_rows"))
            completion_button = gr.Button(i18n("tok_complete"), variant="primary", elem_id="tok_complete")
        with gr.Column(scale=3):
            completion_strip = captioned_image(i18n("tok_completions"), height=150, buttons=["download"])
            completion_caption = gr.Markdown(elem_id="tok_completion_caption")

    gr.Markdown(i18n("tok_cost_title"))
    cost_button = gr.Button(i18n("tok_cost_button"), elem_id="tok_cost_button")
    cost_text = gr.Markdown(elem_id="tok_cost")

    image_inputs = [dataset, source, index, drawing]
    tokenize_outputs = [token_grid, reconstruction, token_numbers, atlas]
    sample_inputs = [dataset, label, temperature, top_k, guidance, seed]
    sample_outputs = [state, frames, distribution, summary]
    completion_inputs = [dataset, completion_source, completion_index, rows, label, temperature, top_k, guidance,
                         seed, drawing]
    completion_outputs = [completion_strip, completion_caption]
    model_outputs = [label, model_text]
    tokenize_button.click(run_tokenize, image_inputs, tokenize_outputs).then(run_cost, image_inputs, cost_text)
    dataset.change(switch_dataset, dataset, model_outputs)
    sample_button.click(run_token_sampling, sample_inputs, sample_outputs)
    frames.release(show_settled_token, state, distribution, show_progress="hidden")
    grid_button.click(stream_token_grid, sample_inputs, [grid, grid_caption])
    completion_button.click(run_completion, completion_inputs, completion_outputs)
    cost_button.click(time_cost_again, image_inputs, cost_text)
    return [OnLoad(switch_dataset, [dataset], model_outputs),
            OnLoad(run_tokenize, image_inputs, tokenize_outputs),
            OnLoad(run_token_sampling, sample_inputs, sample_outputs),
            OnLoad(stream_token_grid, sample_inputs, [grid, grid_caption]),
            OnLoad(run_completion, completion_inputs, completion_outputs),
            OnLoad(run_cost, image_inputs, [cost_text]),
            index_caption, completion_index_caption]


if __name__ == "__main__":
    from demo.app import launch_alone
    launch_alone(build)
