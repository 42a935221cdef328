"""The 2-D sandbox: diffusion and flow matching trained live on points a student draws or picks, watched
whole (lecture: diffusion's forward and reverse processes, the score, few-step samplers, flow matching; the
same points under the Densities tab's KDE and mixture).

The tab opens on the shipped models of two moons, every panel computed once for everyone. A visitor's
data and model key live in their state; their live models stay in the lab (`lab.api.sandbox`).
"""
from __future__ import annotations

import threading
import time

import gradio as gr
import numpy as np

from demo import plots, sandbox_figures as figures
from demo.classroom import heavy
from demo.components import OnLoad, choice_label, composite, export_text, sketchpad, translated_choices
from demo.i18n import request_language, text
from demo.progress import StepProgress
from lab import api
from lab.api import sandbox as model

DEFAULT_SET = "moons"
CLAIM_SECONDS = 180          # a claim no run released (its page left while queued) lapses after this
_training: dict[str, float] = {}   # session -> when its training was asked for: one run per visitor
_training_lock = threading.Lock()


def _points_of(data: dict | None) -> dict:
    """The visitor's points, refused when there are none yet (a script that skipped "Use these points")."""
    if not isinstance(data, dict) or "train" not in data:
        raise api.Refused("sandbox_no_points")
    return data


def _box(points: np.ndarray):
    low, high = points.min(0), points.max(0)
    pad = 0.15 * (high - low).max()
    return [float(v) for v in low - pad], [float(v) for v in high + pad]


def data_outputs(data: dict, key: str | None, lang: str):
    """The points' plot, the data state, the model key, what the model line says, and the training points
    as a CSV to download (the same file a student can load back)."""
    source = choice_label(data["source"], lang)
    title = text("sb_data", lang, count=len(data["train"]), source=source, held_out=len(data["held_out"]))
    if key is None:
        line = text("sb_model_none", lang, seconds=model.TRAIN_SECONDS)
    else:
        line = text("sb_model_shipped", lang, source=source, steps=model.SHIPPED_STEPS)
    rows = "\n".join(f"{x:.4f},{y:.4f}" for x, y in data["train"])
    return (figures.points_figure(data["train"], title), data, key, line,
            export_text(f"points-{data['source']}", ".csv", "x,y\n" + rows + "\n"))


def use_points(source: str, count: float, seed: float, pad, spread: float, file,
               request: gr.Request | None = None):
    """Make the points (a toy set keeps its shipped models; a drawing or a file waits for training)."""
    lang = request_language(request)
    data = model.make_data(source, int(count), int(seed or 0), composite(pad), float(spread or 0),
                           getattr(file, "name", file))
    key = model.shipped_key(source) if source in model.TOY_SETS else None
    return data_outputs(data, key, lang)


def show_noising(data: dict, key: str | None, t: float, process: str, field: str,
                 request: gr.Request | None = None):
    """x_t of the chosen process at t with the learned field's arrows (when there is a model), and the
    schedule with t marked."""
    lang, data = request_language(request), _points_of(data)
    cloud = model.forward_cloud(data["train"], float(t))
    low, high = _box(data["train"])
    arrows = model.field_arrows(key, process, float(t), field, low, high) if key else None
    title = (text("sb_forward", lang, t=float(t), signal=cloud["signal"], noise=cloud["noise"])
             if process == "diffusion" else text("sb_forward_flow", lang, t=float(t)))
    view = [[min(low[0], float(cloud[process][:, 0].min())), min(low[1], float(cloud[process][:, 1].min()))],
            [max(high[0], float(cloud[process][:, 0].max())), max(high[1], float(cloud[process][:, 1].max()))]]
    names = {curve: text(f"sb_{curve}", lang) for curve in ("signal", "noise", "flow_signal", "flow_noise")}
    return (figures.forward_figure(cloud[process], arrows, (high[0] - low[0]) / 14, title, view),
            figures.schedule_figure(model.schedule_curves(), float(t), names, text("sb_schedule", lang)))


def default_steps(sampler: str) -> int:
    return model.DEFAULT_STEPS[sampler]


def reverse_figure(reverse: dict, data: dict, sampler: str, lang: str):
    title = text("sb_reverse", lang, sampler=figures.SAMPLER_NAMES[sampler], steps=reverse["steps"],
                 ratio=reverse["ratio"])
    low, high = _box(np.concatenate([data["train"][:2000], reverse["frames"][0]]))
    return figures.flow_animation(reverse, title, text("sb_play", lang), (low, high))


@heavy
def play_reverse(data: dict, key: str | None, sampler: str, steps: float, request: gr.Request | None = None):
    """Sample from the same noise with the chosen sampler and steps: the flipbook with the particles' paths."""
    lang, data = request_language(request), _points_of(data)
    if key is None:
        raise gr.Error(text("sb_model_none", lang, seconds=model.TRAIN_SECONDS))
    return reverse_figure(model.reverse_paths(key, sampler, int(steps), data["held_out"]), data, sampler, lang)


def compare_outputs(panels: dict, data: dict, lang: str) -> tuple:
    """(the DDPM flipbook, samplers side by side, steps needed, its sentence, the densities' contours, their
    table)."""
    def title_of(sampler, result):
        return text("sb_panel", lang, sampler=figures.SAMPLER_NAMES[sampler], steps=result["steps"],
                    ratio=result["ratio"])
    report = panels["report"]
    names = {key: text(f"sb_steps_names_{key}", lang) for key in ("diffusion", "flow")}
    needed = {key: report["steps"][key]["needed"] or text("sb_needed_none", lang) for key in ("diffusion", "flow")}
    nll = report["nll"]
    rows = [(text("sb_kde", lang, bandwidth=nll["bandwidth"]), nll["kde"]),
            (text("sb_gmm", lang, components=model.MIXTURE_COMPONENTS), nll["gmm"]),
            (text("sb_ode_diffusion", lang), nll["diffusion"]), (text("sb_ode_flow", lang), nll["flow"])]
    table = "\n".join([text("sb_nll_table", lang), "|---|---|", *(f"| {name} | {value:.3f} |" for name, value in rows),
                       "", text("sb_nll_note", lang)])
    contour_titles = {"kde": f"KDE, h = {nll['bandwidth']:.3f}",
                      "gmm": text("sb_gmm", lang, components=model.MIXTURE_COMPONENTS)}
    contours = [{"title": title, "xs": nll["grids"][key][0], "ys": nll["grids"][key][1],
                 "density": nll["grids"][key][2]} for key, title in contour_titles.items()]
    return (reverse_figure(panels["reverse"], data, "ddpm", lang),
            figures.samplers_figure(panels["samplers"], data["held_out"], title_of, _box(data["held_out"])),
            figures.steps_figure(report["steps"], names, model.GOOD_ENOUGH, text("sb_steps_title", lang),
                                 text("sb_steps_axis", lang)),
            text("sb_needed", lang, good=model.GOOD_ENOUGH, **needed),
            plots.densities_figure(contours, data["held_out"][:1500], None), table)


@heavy
def compare_models(data: dict, key: str | None, request: gr.Request | None = None):
    """The DDPM flipbook, samplers side by side, steps needed and the densities, for the visitor's models
    (the shipped ones' on their default points computed once per process)."""
    lang, data = request_language(request), _points_of(data)
    if key is None:
        return (gr.skip(),) * 6
    return compare_outputs(model.panels(key, data), data, lang)


def claim_training(request: gr.Request | None = None) -> None:
    """Before a training queues: refuse a second one from the same visitor while theirs is queued or running."""
    session = getattr(request, "session_hash", None) or "script"
    with _training_lock:
        for other, since in list(_training.items()):
            if time.monotonic() - since > CLAIM_SECONDS:
                del _training[other]
        if session in _training:
            raise api.Refused("sandbox_busy")
        _training[session] = time.monotonic()


@heavy
def train_models(data: dict, steps: float, seed: float, request: gr.Request | None = None, progress=gr.Progress()):
    """Train the diffusion and the flow model on the visitor's points, streaming the loss curves; the last
    update brings the new models' key and what they show. Releases the visitor's claim however it ends."""
    session = getattr(request, "session_hash", None) or "script"
    try:
        yield from _train(_points_of(data), int(steps), int(seed or 0), request_language(request), progress)
    finally:
        with _training_lock:
            _training.pop(session, None)


def _train(data: dict, steps: int, seed: int, lang: str, progress):
    bar, curves, started = StepProgress(progress, text("sb_training", lang)), {}, time.perf_counter()
    title, axis = text("sb_loss_title", lang), text("sb_loss_axis", lang)
    for report in model.train_live(data["train"], steps, seed):
        bar(report["done"], report["total"])
        curves[report["model"]] = {"steps": report["steps"], "loss": report["loss"]}
        if "key" in report:
            break
        if len(report["steps"]) % 5 == 0:   # a new curve every 5 reports: the plot is the cost here
            yield figures.loss_figure(curves, title, axis), gr.skip(), gr.skip()
    line = text("sb_model_live", lang, seconds=time.perf_counter() - started, steps=steps,
                diffusion=curves["diffusion"]["loss"][-1], flow=curves["flow"]["loss"][-1])
    yield figures.loss_figure(curves, title, axis), report["key"], line


def open_on_moons(request: gr.Request | None = None):
    """What the tab shows first: two moons and their shipped models, every panel computed once."""
    lang = request_language(request)
    panels = model.shipped_panels(DEFAULT_SET)
    data, key = panels["data"], model.shipped_key(DEFAULT_SET)
    return (*data_outputs(data, key, lang),
            *show_noising(data, key, 0.5, "diffusion", "score", request),
            *compare_outputs(panels, data, lang))


def build(i18n, drawing: gr.State) -> list[OnLoad]:
    """Lay out the tab: the points and training, the forward process and the field, the reverse process,
    the samplers and the densities. It opens on two moons and their shipped models."""
    gr.Markdown(i18n("sandbox_intro"))
    data, key = gr.State(None), gr.State(None)
    with gr.Row():
        with gr.Column(scale=4, min_width=300):
            source = gr.Radio(translated_choices(i18n, model.SOURCES), value=DEFAULT_SET, label=i18n("sb_source"),
                              elem_id="sb_source")
            count = gr.Slider(model.MIN_POINTS, model.MAX_POINTS, value=model.DEFAULT_POINTS, step=500,
                              label=i18n("sb_count"))
            seed = gr.Number(value=0, precision=0, minimum=0, maximum=999, label=i18n("sb_seed"))
            with gr.Accordion(i18n("sb_pad"), open=False):
                pad = sketchpad(i18n("sb_pad"), "sb_pad", brush_size=24, extra_height=100)
                spread = gr.Slider(0, 0.5, value=0.05, step=0.01, label=i18n("sb_spread"))
                upload = gr.File(label=i18n("sb_file"), file_types=[".csv", ".txt"], height=90)
            use = gr.Button(i18n("sb_use"), variant="primary", elem_id="sb_use")
        with gr.Column(scale=6):
            points_plot = gr.Plot(elem_id="sb_points", show_label=False)
            with gr.Row():
                model_line = gr.Markdown(elem_id="sb_model")
                download = gr.DownloadButton(i18n("sb_download"), size="sm", scale=0, elem_id="sb_download")
    gr.Markdown(i18n("sb_train_title"))
    with gr.Row():
        steps = gr.Slider(model.MIN_TRAIN_STEPS, model.MAX_TRAIN_STEPS, value=model.TRAIN_STEPS, step=100,
                          label=i18n("sb_steps"), scale=3)
        train = gr.Button(i18n("sb_train"), variant="primary", elem_id="sb_train", scale=2)
    loss_plot = gr.Plot(label=i18n("sb_loss"), elem_id="sb_loss")
    gr.Markdown(i18n("sb_forward_title"))
    with gr.Row():
        t = gr.Slider(0, 1, value=0.5, step=0.01, label=i18n("sb_t"), elem_id="sb_t", scale=3)
        process = gr.Radio(translated_choices(i18n, ("diffusion", "flow")), value="diffusion",
                           label=i18n("sb_process"), scale=2)
        field = gr.Radio(translated_choices(i18n, model.FIELDS), value="score", label=i18n("sb_field"), scale=3)
    with gr.Row():
        forward_plot = gr.Plot(show_label=False, elem_id="sb_forward")
        schedule_plot = gr.Plot(show_label=False, elem_id="sb_schedule")
    gr.Markdown(i18n("sb_reverse_title"))
    with gr.Row():
        sampler = gr.Radio([(figures.SAMPLER_NAMES[name], name) for name in model.SAMPLERS], value="ddpm",
                           label=i18n("sb_sampler"), scale=3, elem_id="sb_sampler")
        sampler_steps = gr.Slider(1, 500, value=model.DEFAULT_STEPS["ddpm"], step=1, label=i18n("sb_sampler_steps"),
                                  scale=3, elem_id="sb_sampler_steps")
        play = gr.Button(i18n("sb_sample"), variant="primary", elem_id="sb_play", scale=1)
    reverse_plot = gr.Plot(show_label=False, elem_id="sb_reverse")
    gr.Markdown(i18n("sb_compare_title"))
    samplers_plot = gr.Plot(show_label=False, elem_id="sb_samplers")
    with gr.Row():
        steps_plot = gr.Plot(show_label=False, elem_id="sb_steps")
        needed = gr.Markdown(elem_id="sb_needed")
    gr.Markdown(i18n("sb_density_title"))
    with gr.Row():
        density_plot = gr.Plot(show_label=False, elem_id="sb_densities")
        nll_table = gr.Markdown(elem_id="sb_nll")

    data_out = [points_plot, data, key, model_line, download]
    forward_in, forward_out = [data, key, t, process, field], [forward_plot, schedule_plot]
    compare_out = [reverse_plot, samplers_plot, steps_plot, needed, density_plot, nll_table]
    use.click(use_points, [source, count, seed, pad, spread, upload], data_out) \
        .success(show_noising, forward_in, forward_out).success(compare_models, [data, key], compare_out)
    train.click(claim_training, None, None).success(train_models, [data, steps, seed], [loss_plot, key, model_line]) \
        .success(show_noising, forward_in, forward_out).success(compare_models, [data, key], compare_out)
    t.release(show_noising, forward_in, forward_out, show_progress="hidden")
    for control in (process, field):
        control.change(show_noising, forward_in, forward_out, show_progress="hidden")
    sampler.change(default_steps, sampler, sampler_steps)
    play.click(play_reverse, [data, key, sampler, sampler_steps], reverse_plot)
    return [OnLoad(open_on_moons, [], data_out + forward_out + compare_out)]


if __name__ == "__main__":
    from demo.app import launch_alone
    launch_alone(build)
