"""Diffusion: the noise schedule, the forward process, the reverse process step by step, the samplers
compared, and SDEdit from the student's drawing (lecture: "Modelos de difusión").

The whole reverse trajectory is computed once (with a progress bar) and sent once as a flipbook; its step
slider and play button step through it in the browser.
"""
from __future__ import annotations

import gradio as gr
import numpy as np

from demo import plots
from demo.classroom import heavy
from demo.components import (OnLoad, captioned_image, check_steps, choice_label, class_choices, class_name,
                             export_gif, image_source, sampling_controls, source_image, translated_choices)
from demo.flipbook import Panel, flipbook, flipbook_value
from demo.i18n import request_language, text
from demo.imaging import grid as image_grid, strip, to_display
from demo.progress import StepProgress
from lab import api
from lab.api import diffusion as model
from lab.api.diffusion import NO_CLASS, SAMPLERS

# The same seed through each sampler: DDPM needs many steps, the others few.
COMPARED = [("ddpm", 1000, 0.0), ("ddpm", 50, 0.0), ("ddim", 20, 0.0), ("ddim", 20, 1.0), ("dpm++", 20, 0.0),
            ("dpm++ sde", 20, 0.0)]
FRAME = 140
PLAY_SECONDS = 5.0   # ▶ plays a trajectory in about this long: 250 ms a step at 20 steps, faster for more


def play_interval_ms(steps: int) -> int:
    """The flipbook's tick for a trajectory of `steps` frames: 250 ms, shortened (to 100 at least) so that a
    long one still plays in about PLAY_SECONDS."""
    return int(min(250, max(100, round(1000 * PLAY_SECONDS / max(1, steps)))))


def schedule_figure(request: gr.Request | None = None):
    """ᾱ_t and log SNR(t) for the linear and cosine schedules, and latent diffusion's scaled-linear one."""
    lang = request_language(request)
    curves = model.schedule_curves()
    colors = {"linear": plots.SECOND, "cosine": plots.ACCENT, "scaled-linear": plots.CLUSTER_COLORS[4]}
    def line(name: str, key: str) -> dict:
        return {"type": "scatter", "x": curves[name]["t"][::5].tolist(), "y": curves[name][key][::5].tolist(),
                "mode": "lines", "name": choice_label(name, lang), "line": {"color": colors[name], "width": 2.5},
                "showlegend": key == "alpha_bar", "legendgroup": name}
    panels = [{"title": "ᾱ_t", "traces": [line(name, "alpha_bar") for name in curves]},
              {"title": "log SNR(t)", "traces": [line(name, "log_snr") for name in curves]}]
    figure = plots.panels_figure(panels, height=300)
    figure.update_layout(showlegend=True, legend={"orientation": "h", "y": -0.15},
                         xaxis={"title": {"text": "t"}}, xaxis2={"title": {"text": "t"}},
                         yaxis2={"title": {"text": "log ᾱ_t / (1 − ᾱ_t)"}})   # short titles: a phone is narrow
    return figure


def show_forward(source: str, index: float, timestep: float, seed: float, schedule: str, drawing=None,
                 request: gr.Request | None = None):
    """(x0, ε, x_t images, the live coefficients) for the forward process at t."""
    lang = request_language(request)
    clean = source_image(source, index, drawing, "mnist", lang)
    result = model.forward_noising(clean, int(timestep), int(seed or 0), schedule)
    numbers = text("forward_numbers", lang, t=int(timestep), a=result["sqrt_alpha_bar"],
                   b=result["sqrt_one_minus_alpha_bar"], schedule=choice_label(schedule, lang))
    return to_display(clean, FRAME), to_display(result["noise"], FRAME), to_display(result["noisy"], FRAME), numbers


@heavy
def run_reverse(dataset: str, label: int, guidance: float, sampler: str, steps: float, eta: float, seed: float,
                request: gr.Request | None = None, progress=gr.Progress()):
    """Compute a whole trajectory once; returns (its flipbook, opened on the last step; summary; GIF)."""
    lang = request_language(request)
    steps = check_steps(steps, lang)
    result = model.trajectory(dataset, int(label), float(guidance), sampler, steps, int(seed or 0), float(eta),
                              progress=StepProgress(progress))
    label_name = class_name(dataset, label, lang, NO_CLASS)
    return (trajectory_book(result, lang),
            text("reverse_summary", lang, steps=len(result["timesteps"]), sampler=sampler,
                 seconds=result["seconds"], per_step=1000 * result["seconds"] / len(result["timesteps"]),
                 label=label_name, guidance=float(guidance)),
            write_trajectory_gif(result, lang))


def trajectory_book(result: dict, lang: str) -> dict:
    """Every recorded step as a flipbook: x_t, ε̂, x̂0 and, with guidance, ε̂(y), ε̂(∅) and
    w·(ε̂(y) − ε̂(∅)), captioned with the step (counted from 1) and t."""
    panels = [Panel("x_t", result["noisy"]), Panel(text("guided_noise", lang), result["noise_prediction"]),
              Panel("x̂0 = (x_t − √(1−ᾱ_t)·ε̂)/√ᾱ_t", result["clean_prediction"])]
    if result["guidance_push"] is not None:
        panels += [Panel("ε̂(x_t, t, y)", result["conditional"]), Panel("ε̂(x_t, t, ∅)", result["unconditional"]),
                   Panel("w·(ε̂(y) − ε̂(∅))", result["guidance_push"])]
    steps = len(result["timesteps"])
    captions = [text("step_caption", lang, step=step + 1, steps=steps, t=int(timestep))
                for step, timestep in enumerate(result["timesteps"])]
    return flipbook_value(panels, captions, lang, shown_width=FRAME, interval_ms=play_interval_ms(steps))


def write_trajectory_gif(result: dict, lang: str) -> str:
    steps = len(result["timesteps"])
    return export_gif("trajectory", [result["noisy"], result["clean_prediction"]], duration=90, bounce=False,
                      labels=[text("gif_noisy", lang), text("gif_clean", lang)],
                      captions=[text("gif_step", lang, step=step + 1, steps=steps, t=int(t))
                                for step, t in enumerate(result["timesteps"])])


@heavy
def compare_samplers(dataset: str, label: int, guidance: float, seed: float, request: gr.Request | None = None,
                     progress=gr.Progress()):
    """The same class and seed through each sampler: the results side by side, captioned with steps and
    time, and a table."""
    lang = request_language(request)
    panels, rows = [], [text("sampler_table", lang), "|---|---|---|---|"]
    for sampler, steps, eta in COMPARED:
        images, seconds = model.sample_grid(dataset, [int(label)], float(guidance), sampler, steps, int(seed or 0),
                                            eta=eta, progress=StepProgress(progress, sampler))
        name = f"{sampler}" + (f", η={eta:g}" if sampler == "ddim" else "")
        panels.append(Panel(text("sampler_panel", lang, name=name, steps=steps, seconds=seconds), images))
        rows.append(f"| {name} | {steps} | {seconds:.2f} s | {1000 * seconds / steps:.1f} ms |")
    return flipbook_value(panels, [""], lang, shown_width=112, columns=len(COMPARED)), "\n".join(rows)


@heavy
def sample_sixteen(dataset: str, label: int, guidance: float, sampler: str, steps: float, seed: float,
                   request: gr.Request | None = None, progress=gr.Progress()):
    """A 4x4 grid of the chosen class (or unconditional samples for "none"), in one batch.
    Returns (image, caption with the time it took, pixel-value histogram and its caption)."""
    return _grid(dataset, [int(label)] * 16, guidance, sampler, steps, seed, request_language(request), progress)


@heavy
def sample_every_class(dataset: str, guidance: float, sampler: str, steps: float, seed: float,
                       request: gr.Request | None = None, progress=gr.Progress()):
    """The grid shown when the tab opens: the classes in turn, one batch."""
    classes = len(api.class_names(dataset))
    return _grid(dataset, [i % classes for i in range(16)], guidance, sampler, steps, seed, request_language(request),
                 progress)


def _grid(dataset: str, labels: list[int], guidance: float, sampler: str, steps: float, seed: float, lang: str,
          progress: gr.Progress):
    """(the grid, its caption, its pixel-value histogram against the test images', that plot's caption)."""
    images, seconds = model.sample_grid(dataset, labels, float(guidance), sampler, int(steps), int(seed or 0),
                                        progress=StepProgress(progress))
    figure, caption = histogram_figure(dataset, images, lang)
    return (image_grid(images), text("grid_time", lang, seconds=seconds, steps=int(steps), sampler=sampler),
            figure, caption)


def histogram_figure(dataset: str, images: np.ndarray, lang: str):
    """Pixel values of the grid, of the 1,000 measured samples and of the test images, and the distances."""
    histograms = model.pixel_histograms(dataset, images)
    curves = {text("hist_test", lang): histograms["test"]}
    if histograms["measured"] is not None:
        curves[text("hist_measured", lang, guidance=histograms["measured_guidance"])] = histograms["measured"]
    curves[text("hist_grid", lang)] = histograms["images"]
    figure = plots.pixel_histogram_figure(histograms["centres"], curves, text("hist_title", lang),
                                          text("hist_axis_x", lang), text("hist_axis_y", lang))
    measured, floor = (float("nan") if histograms[key] is None else histograms[key]   # before a measurement
                       for key in ("measured_distance", "floor_distance"))
    caption = text("hist_caption", lang, grid=histograms["images_distance"], measured=measured, floor=floor)
    return figure, caption


@heavy
def run_sdedit(dataset: str, source: str, index: float, strength: float, label: int, guidance: float, seed: float,
               drawing=None, request: gr.Request | None = None):
    """SDEdit: noise the image to `strength` and denoise it back with four seeds: (strip, caption)."""
    lang = request_language(request)
    clean = source_image(source, index, drawing, dataset, lang)
    defaults = model.sampling_defaults(dataset)
    results = [model.trajectory(dataset, int(label), float(guidance), defaults["sampler"], defaults["steps"],
                                int(seed or 0) + offset, start=clean, strength=float(strength)) for offset in range(4)]
    shown = [clean, results[0]["noisy"][0]] + [result["final"] for result in results]
    return strip(np.stack(shown), size=112, gap=6), text("sdedit_caption", lang, strength=float(strength),
                                                         t=int(results[0]["timesteps"][0]))


def switch_dataset(dataset: str, request: gr.Request | None = None):
    """The dataset's classes, its model's summary, and its measured defaults of w and the steps."""
    lang = request_language(request)
    summary = model.model_summary(dataset)
    defaults = model.sampling_defaults(dataset)
    return (gr.update(choices=class_choices(dataset, lang, NO_CLASS), value=0),
            text("diffusion_model", lang, parameters=summary["parameters"], schedule=summary["schedule"]),
            defaults["guidance_scale"], defaults["steps"])


def build(i18n, drawing: gr.State) -> list[OnLoad]:
    """Lay out the tab; `drawing` is the Draw & encode tab's 28x28 image. Returns what the app runs on
    load: the schedule plot, the forward process, the model text, a first trajectory, a grid and SDEdit."""
    gr.Markdown(i18n("diffusion_intro"))
    model_text = gr.Markdown(elem_id="diffusion_model")
    with gr.Accordion(i18n("schedule_title"), open=True):
        schedule_plot = gr.Plot(show_label=False, elem_id="schedule_plot")

    gr.Markdown(i18n("forward_title"))
    with gr.Row():
        with gr.Column(scale=1, min_width=260):
            source, index, forward_caption = image_source(i18n, 0)
            timestep = gr.Slider(0, 999, value=300, step=1, label="t", elem_id="forward_t")
            forward_seed = gr.Number(value=0, precision=0, minimum=0, label=i18n("seed_noise"))
            schedule = gr.Radio(translated_choices(i18n, ["cosine", "linear"]), value="cosine", label=i18n("schedule"))
        with gr.Column(scale=3):
            with gr.Row():
                clean_image = captioned_image("x0", height=FRAME + 20)
                noise_image = captioned_image("ε ~ N(0, I)", height=FRAME + 20)
                noisy_image = captioned_image("x_t", height=FRAME + 20)
            forward_numbers = gr.Markdown(elem_id="forward_numbers")

    gr.Markdown(i18n("reverse_title"))
    with gr.Row():
        with gr.Column(scale=1, min_width=260):
            dataset, label, guidance, sampler, steps = sampling_controls(
                i18n, "diffusion_steps", model.sampling_defaults("mnist"), SAMPLERS, NO_CLASS)
            eta = gr.Slider(0, 1, value=0, step=0.1, label="η (DDIM)")
            seed = gr.Number(value=0, precision=0, minimum=0, label=i18n("seed"))
            run_button = gr.Button(i18n("run_trajectory"), variant="primary", elem_id="run_trajectory")
        with gr.Column(scale=3):
            summary = gr.Markdown(elem_id="reverse_summary")
            frames = flipbook("diffusion_frames")
            gif = gr.File(label=i18n("trajectory_gif"), elem_id="trajectory_gif")

    gr.Markdown(i18n("compare_title"))
    with gr.Row():
        compare_button = gr.Button(i18n("compare_samplers"), scale=1)
        grid_button = gr.Button(i18n("sample_grid"), scale=1, elem_id="sample_grid")
    with gr.Row():
        with gr.Column(scale=3):
            gr.Markdown(i18n("compare_gallery"), elem_classes=["image-caption"])
            comparison = flipbook("sampler_comparison")
            comparison_table = gr.Markdown()
        with gr.Column(scale=2):
            grid = captioned_image(i18n("grid16"), height=380, buttons=["download"], elem_id="grid16")
            grid_time = gr.Markdown(elem_id="grid_time")
    with gr.Accordion(i18n("pixel_hist_title"), open=True):
        gr.Markdown(i18n("pixel_hist_help"))
        pixel_plot = gr.Plot(show_label=False, elem_id="pixel_histogram")
        pixel_caption = gr.Markdown(elem_id="pixel_histogram_caption")

    gr.Markdown(i18n("sdedit_title"))
    with gr.Row():
        with gr.Column(scale=1, min_width=260):
            sdedit_source, sdedit_index, sdedit_index_caption = image_source(i18n, 7, dataset)
            strength = gr.Slider(0.05, 1.0, value=0.5, step=0.05, label=i18n("strength"))
            sdedit_button = gr.Button(i18n("run_sdedit"), variant="primary")
        with gr.Column(scale=3):
            sdedit_strip = captioned_image(i18n("sdedit_strip"), height=150, buttons=["download"])
            sdedit_caption = gr.Markdown()

    forward_inputs = [source, index, timestep, forward_seed, schedule, drawing]
    forward_outputs = [clean_image, noise_image, noisy_image, forward_numbers]
    for control in forward_inputs[:-1]:
        control.change(show_forward, forward_inputs, forward_outputs, show_progress="hidden")
    reverse_inputs = [dataset, label, guidance, sampler, steps, eta, seed]
    reverse_outputs = [frames, summary, gif]
    run_button.click(run_reverse, reverse_inputs, reverse_outputs)
    dataset.change(switch_dataset, dataset, [label, model_text, guidance, steps])
    compare_button.click(compare_samplers, [dataset, label, guidance, seed], [comparison, comparison_table])
    grid_outputs = [grid, grid_time, pixel_plot, pixel_caption]
    grid_button.click(sample_sixteen, [dataset, label, guidance, sampler, steps, seed], grid_outputs)
    sdedit_inputs = [dataset, sdedit_source, sdedit_index, strength, label, guidance, seed, drawing]
    sdedit_outputs = [sdedit_strip, sdedit_caption]
    sdedit_button.click(run_sdedit, sdedit_inputs, sdedit_outputs)
    return [OnLoad(schedule_figure, [], [schedule_plot]), OnLoad(show_forward, forward_inputs, forward_outputs),
            OnLoad(switch_dataset, [dataset], [label, model_text, guidance, steps]),
            OnLoad(run_reverse, reverse_inputs, reverse_outputs),
            OnLoad(sample_every_class, [dataset, guidance, sampler, steps, seed], grid_outputs),
            OnLoad(run_sdedit, sdedit_inputs, sdedit_outputs), forward_caption, sdedit_index_caption]


if __name__ == "__main__":
    from demo.app import launch_alone
    launch_alone(build)
