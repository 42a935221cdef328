"""Latent diffusion: the reverse process run on the 16-d VAE's latents, drawn as a path on the latent map
and decoded at every step, then set side by side with pixel-space diffusion (lecture: "Latent diffusion").

Like the Diffusion tab, a whole trajectory is computed once and sent once as a flipbook; its step slider
and play button step through it in the browser.
"""
from __future__ import annotations

import gradio as gr
import numpy as np

from demo.classroom import heavy
from demo.components import (OnLoad, captioned_image, check_steps, class_choices, class_name, export_gif,
                            sampling_controls)
from demo.flipbook import Panel, flipbook, flipbook_value
from demo.i18n import number, request_language, text
from demo.imaging import grid as image_grid, to_display
from demo.latent_canvas import MapView, draw_map
from demo.progress import StepProgress
from lab.api import latent_diffusion as model
from lab.api.latent_diffusion import DEFAULTS, NO_CLASS, SAMPLERS

FRAME = 170
MAP_WIDTH = 420
PROJECTION_CHOICES = [("PCA", "pca"), ("UMAP", "umap")]


@heavy
def run_latent(dataset: str, label: int, guidance: float, sampler: str, steps: float, seed: float,
               projection: str, request: gr.Request | None = None, progress=gr.Progress()):
    """Compute a whole latent trajectory once; returns (its flipbook, opened on the final latent; summary;
    GIF)."""
    lang = request_language(request)
    steps = check_steps(steps, lang)
    result = model.latent_trajectory(dataset, int(label), float(guidance), sampler, steps, int(seed or 0),
                                     projection, progress=StepProgress(progress))
    label_name = class_name(dataset, label, lang, NO_CLASS)
    summary = text("latent_summary", lang, steps=steps, sampler=sampler, label=label_name, guidance=float(guidance),
                   ms=1000 * result["seconds"], per_step=1000 * result["seconds"] / steps)
    return latent_book(result, dataset, projection, lang), summary, write_latent_gif(result, lang)


def latent_book(result: dict, dataset: str, projection: str, lang: str) -> dict:
    """The trajectory as a flipbook of S + 1 frames: frames 1 … S are the steps' inputs z_t, frame S + 1
    (after the last step) the final latent z_0, which is its own ẑ0. Each shows the map with the path so
    far, D(z_t) and D(ẑ0)."""
    steps = len(result["timesteps"])
    background = model.map_background(dataset, projection)
    view = MapView.around(np.concatenate([background["points"], result["path"]]))
    maps, captions = [], []
    for step in range(steps + 1):
        path = result["path"][: step + 1]
        # Early ẑ0 can land far off the map (x̂0 divides by √ᾱ_t ≈ 0.07 at t = T−1): pinned to the border.
        clean_point = view.clamp(result["clean_path"][step] if step < steps else result["path"][-1])
        maps.append(draw_map(background["points"], background["labels"], background["class_names"], view,
                             marker=path[-1], path=path, posterior={"center": clean_point}))
        captions.append(text("latent_step_caption", lang, step=step + 1, steps=steps, t=int(result["timesteps"][step]),
                             norm=float(result["norms"][step])) if step < steps
                        else text("latent_final_caption", lang, steps=steps, norm=float(result["norms"][step])))
    clean_images = np.concatenate([result["clean_images"], result["final"][None]])
    panels = [Panel(text("latent_path_panel", lang), maps, width=MAP_WIDTH),
              Panel("D(z_t / s)", result["noisy_images"]), Panel("D(ẑ0 / s)", clean_images)]
    return flipbook_value(panels, captions, lang, shown_width=FRAME)


def write_latent_gif(result: dict, lang: str) -> str:
    steps = len(result["timesteps"])
    captions = [text("gif_step", lang, step=step + 1, steps=steps, t=int(t))
                for step, t in enumerate(result["timesteps"])]
    return export_gif("latent-trajectory",
                      [result["noisy_images"], np.concatenate([result["clean_images"], result["final"][None]])],
                      duration=90, bounce=False, labels=[text("gif_decoded_noisy", lang), text("gif_decoded_clean", lang)],
                      captions=captions + [text("gif_final", lang)])


@heavy
def compare_spaces(dataset: str, label: int, guidance: float, sampler: str, steps: float, seed: float,
                   request: gr.Request | None = None):
    """The same class, seed and sampler in pixel space and in latent space: (pixel image, latent image, table)."""
    lang = request_language(request)
    steps = check_steps(steps, lang)
    result = model.side_by_side(dataset, int(label), float(guidance), sampler, steps, int(seed or 0))
    pixel, latent = result["pixel"], result["latent"]
    dash = "–"

    def quality(entry: dict, key: str, spec: str) -> str:
        return number(entry["quality"][key], spec, lang) if key in entry["quality"] else dash

    rows = [text("space_table_head", lang), "|---|---|---|---|",
            text("space_dimensions", lang, pixel=pixel["dimensions"], latent=latent["dimensions"],
                 ratio=pixel["dimensions"] / latent["dimensions"]),
            text("space_parameters", lang, pixel=pixel["parameters"], latent=latent["parameters"],
                 decoder=latent["decoder_parameters"]),
            text("space_flops", lang, pixel=pixel["step_flops"] / 1e6, latent=latent["step_flops"] / 1e6,
                 ratio=pixel["step_flops"] / latent["step_flops"]),
            text("space_step", lang, pixel=pixel["step_ms"], latent=latent["step_ms"],
                 ratio=pixel["step_ms"] / latent["step_ms"]),
            text("space_sample", lang, steps=steps, pixel=pixel["sample_ms"], latent=latent["sample_ms"],
                 ratio=pixel["sample_ms"] / latent["sample_ms"]),
            text("space_accuracy", lang, pixel=quality(pixel, "cond_accuracy", ".1%"),
                 latent=quality(latent, "cond_accuracy", ".1%")),
            text("space_fd", lang, pixel=quality(pixel, "fd", ".1f"), latent=quality(latent, "fd", ".1f"),
                 floor=quality(latent, "fd_floor", ".1f"), ceiling=quality(latent, "fd_vae_ceiling", ".1f"))]
    table = "\n".join(rows) + "\n\n" + text("space_fd_note", lang)
    return to_display(pixel["image"], FRAME), to_display(latent["image"], FRAME), table


@heavy
def latent_sixteen(dataset: str, label: int, guidance: float, sampler: str, steps: float, seed: float,
                   request: gr.Request | None = None):
    """A 4x4 grid of latent samples of the chosen class (unconditional for "none"): (image, caption)."""
    images, seconds = model.latent_grid(dataset, [int(label)] * 16, float(guidance), sampler, int(steps), int(seed or 0))
    return image_grid(images), text("grid_time", request_language(request), seconds=seconds, steps=int(steps),
                                    sampler=sampler)


@heavy
def text_to_image(dataset: str, prompt: str, guidance: float, sampler: str, steps: float, seed: float,
                  request: gr.Request | None = None):
    """A 4x4 grid from a typed prompt, and what the prompt became on its way to the denoiser: (image, text)."""
    lang = request_language(request)
    steps = check_steps(steps, lang)
    result = model.prompt_grid(dataset, str(prompt or ""), float(guidance), sampler, steps, int(seed or 0))
    if result["word"] is None:
        said = text("prompt_none", lang, shown=min(len(str(prompt or "")), model.PROMPT_CHARACTERS))
    else:
        said = text("prompt_class", lang, word=result["word"], label=class_name(dataset, result["label"], lang))
    return image_grid(result["images"]), said + text("prompt_how", lang, seconds=result["seconds"])


def switch_dataset(dataset: str, request: gr.Request | None = None):
    lang = request_language(request)
    summary = model.model_summary(dataset)
    return (gr.update(choices=class_choices(dataset, lang, NO_CLASS), value=0),
            text("latent_model", lang, parameters=summary["parameters"], latent_dim=summary["latent_dim"],
                 scale=summary["latent_scale"], schedule=summary["schedule"], vae=summary["vae_parameters"]))


def build(i18n, drawing: gr.State) -> list[OnLoad]:
    """Lay out the tab (it samples from noise: `drawing` is unused). Returns what the app runs on load: the
    model summary, a first trajectory, the side-by-side and a grid."""
    gr.Markdown(i18n("latent_diffusion_intro"))
    model_text = gr.Markdown(elem_id="latent_model")
    with gr.Row():
        with gr.Column(scale=1, min_width=260):
            dataset, label, guidance, sampler, steps = sampling_controls(i18n, "latent_steps", DEFAULTS, SAMPLERS,
                                                                         NO_CLASS)
            seed = gr.Number(value=0, precision=0, minimum=0, label=i18n("seed"))
            projection = gr.Radio(PROJECTION_CHOICES, value="pca", label=i18n("projection"))
            run_button = gr.Button(i18n("run_latent"), variant="primary", elem_id="run_latent")
        with gr.Column(scale=3):
            summary = gr.Markdown(elem_id="latent_summary")
            frames = flipbook("latent_frames")
            gr.Markdown(i18n("latent_path_legend"))
            gif = gr.File(label=i18n("trajectory_gif"))

    gr.Markdown(i18n("spaces_title"))
    with gr.Row():
        compare_button = gr.Button(i18n("compare_spaces"), scale=1, elem_id="compare_spaces")
        grid_button = gr.Button(i18n("latent_grid"), scale=1)
    with gr.Row():
        pixel_image = captioned_image(i18n("pixel_sample"), height=FRAME + 20, scale=1, min_width=150)
        latent_image = captioned_image(i18n("latent_sample"), height=FRAME + 20, scale=1, min_width=150)
        with gr.Column(scale=4):
            space_table = gr.Markdown(elem_id="space_table")
    with gr.Row():
        grid = captioned_image(i18n("grid16"), height=380, buttons=["download"], scale=2)
        grid_time = gr.Markdown()
    gr.Markdown(i18n("prompt_title"))
    with gr.Row():
        prompt = gr.Textbox(label=i18n("prompt"), max_lines=1, scale=3,
                            max_length=model.PROMPT_CHARACTERS, elem_id="latent_prompt")
        prompt_button = gr.Button(i18n("prompt_run"), scale=1, elem_id="latent_prompt_run")
    with gr.Row():
        prompt_grid = captioned_image(i18n("prompt_grid"), height=380, scale=2, elem_id="latent_prompt_grid")
        prompt_note = gr.Markdown(elem_id="latent_prompt_note")

    reverse_inputs = [dataset, label, guidance, sampler, steps, seed, projection]
    reverse_outputs = [frames, summary, gif]
    compare_inputs = [dataset, label, guidance, sampler, steps, seed]
    compare_outputs = [pixel_image, latent_image, space_table]
    run_button.click(run_latent, reverse_inputs, reverse_outputs)
    dataset.change(switch_dataset, dataset, [label, model_text])
    compare_button.click(compare_spaces, compare_inputs, compare_outputs)
    grid_button.click(latent_sixteen, compare_inputs, [grid, grid_time])
    prompt_inputs = [dataset, prompt, guidance, sampler, steps, seed]
    prompt_button.click(text_to_image, prompt_inputs, [prompt_grid, prompt_note])
    prompt.submit(text_to_image, prompt_inputs, [prompt_grid, prompt_note])
    return [OnLoad(switch_dataset, [dataset], [label, model_text]), OnLoad(run_latent, reverse_inputs, reverse_outputs),
            OnLoad(compare_spaces, compare_inputs, compare_outputs),
            OnLoad(latent_sixteen, compare_inputs, [grid, grid_time])]


if __name__ == "__main__":
    from demo.app import launch_alone
    launch_alone(build)
