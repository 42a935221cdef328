"""p(x) · p(y|x) · p(x|y): the three kinds of model on images (lecture: "Modelos generativos vs
discriminativos", "¿Porqué modelos generativos?", "Taxonomía").

1. A density is normalised: the test images' ink density pushed up in one place comes down elsewhere.
2. p(y|x) makes labels compete (any input, noise included, gets bars summing to 1); p(x) makes images compete,
   and p(x|y) makes them compete under each label (the PixelCNN's exact likelihoods, on 8-bit images).
3. P(x|y) built by Bayes' rule from the VAE and the classifier, sampled by importance resampling with its
   effective sample size, next to a model trained to be conditional; their mean shows the ambiguity.
4. The taxonomy as a map whose boxes open their tabs and say what likelihood each model gives this image.
"""
from __future__ import annotations

import html

import gradio as gr
import numpy as np

from demo import plots
from demo.classroom import heavy
from demo.components import (OnLoad, captioned_image, class_choices, class_name, dataset_radio, image_source, next_seed,
                             source_image)
from demo.i18n import number, request_language, text
from demo.imaging import grid, strip, to_display
from lab.api import kinds as model


def show_density(dataset: str, centre: float, push: float, request: gr.Request | None = None):
    """(the density before and after the push, its numbers)."""
    lang = request_language(request)
    density = model.ink_density(dataset, float(centre), float(push))
    figure = plots.pushed_density_figure(density["xs"], density["before"], density["after"],
                                         (text("kinds_before", lang), text("kinds_after", lang)),
                                         text("kinds_density_plot", lang), text("kinds_ink", lang))
    numbers = text("kinds_density_numbers", lang, before=density["area_before"], after=density["area_after"],
                   moved=density["moved"], centre=float(centre))
    return figure, numbers


@heavy
def show_image_models(source: str, index: float, dataset: str, drawing=None, request: gr.Request | None = None):
    """(the image, the competition table, the taxonomy map with this image's likelihoods)."""
    lang = request_language(request)
    image = source_image(source, index, drawing, dataset, lang)
    scores = model.competition(image, dataset)
    names = [text("kinds_this_image", lang),
             text("kinds_other_image", lang, label=class_name(dataset, scores["other_label"], lang)),
             text("kinds_noise", lang), text("kinds_blank", lang)]
    figures = {**model.likelihoods(image, dataset), "pixelcnn_bits": float(scores["bits"][0])}
    return to_display(image), competition_text(names, scores, dataset, lang), taxonomy_map(figures, lang)


def competition_text(names: list[str], scores: dict, dataset: str, lang: str) -> str:
    """The table of section 2 (labels competing per image; images competing under p(x) and under p(x|y) for
    this image's label) and what it says."""
    label = scores["label"]
    log_px, log_given = scores["log_px"], scores["log_px_given_y"][:, label]
    rows = [text("kinds_compete_table", lang, label=class_name(dataset, label, lang))]
    for name, p_y, image_log_px, bits, image_log_given in zip(names, scores["p_y_given_x"], log_px,
                                                             scores["bits"], log_given):
        best = class_name(dataset, int(p_y.argmax()), lang)
        rows.append(f"| {name} | {best}: {number(p_y.max(), '.2f', lang)} | {number(p_y.sum(), '.3f', lang)} | "
                    f"{number(image_log_px, ',.1f', lang)} | {number(bits, '.3f', lang)} | "
                    f"{_relative(image_log_px - log_px[0], lang)} | {number(image_log_given, ',.1f', lang)} | "
                    f"{_relative(image_log_given - log_given[0], lang)} |")
    note = text("kinds_compete_note", lang, noise_gap=log_px[0] - log_px[2], label=class_name(dataset, label, lang),
                other_gap=log_given[0] - log_given[1])
    if log_px[3] > log_px[0]:
        note += text("kinds_blank_higher", lang)
    return "\n".join(rows) + "\n\n" + note


def _relative(log_ratio: float, lang: str) -> str:
    """e^(log_ratio) as HTML, with 1 for the image itself."""
    return "1" if log_ratio == 0 else f"e<sup>{number(log_ratio, ',.0f', lang)}</sup>"


@heavy
def show_rotation(source: str, index: float, dataset: str, drawing=None, request: gr.Request | None = None):
    """(the image turned step by step, p(x) and p(y|x) against the angle, what they say): the lecture's dog."""
    lang = request_language(request)
    result = model.rotated(source_image(source, index, drawing, dataset, lang), dataset)
    names = (text("kinds_rotation_bits", lang), text("kinds_rotation_confidence", lang))
    figure = plots.two_axis_figure(result["angles"], result["bits"], result["confidence"], names,
                                   text("kinds_rotation_plot", lang), text("kinds_rotation_angle", lang))
    turned = 1 + int(np.argmax(result["bits"][1:]))   # the least likely turn
    note = text("kinds_rotation_note", lang, bits=result["bits"][0], turned_bits=result["bits"][turned],
                angle=result["angles"][turned],
                label=class_name(dataset, int(result["label"][0]), lang), confidence=result["confidence"][0],
                turned_label=class_name(dataset, int(result["label"][turned]), lang),
                turned_confidence=result["confidence"][turned], factor=(result["bits"][turned] - result["bits"][0]) * 784,
                least=float(result["confidence"][1:].min()))
    return strip(result["images"], size=84), figure, note


def _leaf(name: str, figure: str, tab: str | None, lang: str) -> str:
    style = ("display:block;padding:8px;margin-top:6px;border-radius:8px;border:2px solid #4f46e5;"
             "text-decoration:none;color:inherit;background:rgba(79,70,229,0.06)")
    body = f"<b>{name}</b><br><small>{html.escape(figure)}</small>"
    if tab is None:
        return f'<div style="{style.replace("#4f46e5", "#999")}">{body}</div>'
    opens = f'<br><small>→ {text("kinds_open", lang)}</small>'
    return f'<a href="?tab={tab}&lang={lang}" style="{style}">{body}{opens}</a>'


def _branch(title: str, *children: str) -> str:
    inner = "".join(f'<div style="flex:1;min-width:150px">{child}</div>' for child in children)
    return (f'<div style="border:1px solid #ccc;border-radius:8px;padding:6px;text-align:center">'
            f'<div style="font-weight:600">{title}</div><div style="display:flex;gap:6px;flex-wrap:wrap">{inner}'
            f'</div></div>')


def taxonomy_map(figures: dict, lang: str) -> str:
    """The lecture's tree of generative models; each leaf opens its tab and says what likelihood that model
    gives the image (exact, a bound, or none)."""
    gaussian = "" if figures["gaussian_vae_bits"] is None else \
        text("kinds_gaussian_bits", lang, bits=figures["gaussian_vae_bits"], sigma=figures["gaussian_vae_sigma"])
    # "Tractable" is the lecture's "can compute p(x)": the token model's exact likelihood is of its code, not of
    # the image, so it sits in a box of its own beside the lecture's two.
    explicit = _branch(text("kinds_explicit", lang),
                       _branch(text("kinds_tractable", lang), _leaf("PixelCNN", text(
                           "kinds_pixelcnn", lang, bits=figures["pixelcnn_bits"]), "autoregressive", lang)),
                       _branch(text("kinds_approximate", lang), _leaf("VAE", text(
                           "kinds_vae", lang, nelbo=figures["vae_nelbo"], gaussian=gaussian), "elbo", lang)),
                       _branch(text("kinds_code_likelihood", lang), _leaf(text("kinds_tokens_name", lang), text(
                           "kinds_tokens", lang, bits=figures["token_bits"]), "tokens", lang)))
    implicit = _branch(text("kinds_implicit", lang),
                       _branch(text("kinds_direct", lang), _leaf("GAN", text("kinds_gan", lang), None, lang)),
                       _branch(text("kinds_indirect", lang),
                               _leaf(text("kinds_diffusion_name", lang), text("kinds_diffusion", lang), "diffusion",
                                     lang)))
    return f'<div id="kinds_taxonomy">{_branch(text("kinds_root", lang), explicit, implicit)}</div>'


@heavy
def show_bayes(dataset: str, label: float, seed: float, request: gr.Request | None = None):
    """(Bayes-built samples, a conditional model's samples, their mean, the numbers) for label y."""
    lang = request_language(request)
    if label is None or int(label) not in range(len(class_choices(dataset))):
        raise gr.Error(text("kinds_bad_label", lang))
    result = model.bayes_samples(dataset, int(label), int(seed or 0))
    judged = [int(other) for other in result["judged"]]
    others = sorted({other for other in judged if other != int(label)})
    numbers = text("kinds_bayes_numbers", lang, label=class_name(dataset, int(label), lang), p_y=result["p_y"],
                   share=result["labelled_share"], pool=result["pool"], ess=result["ess"],
                   acceptance=result["acceptance"], agree=judged.count(int(label)), draws=len(judged))
    if others:
        numbers += text("kinds_bayes_judge", lang, count=len(judged) - judged.count(int(label)),
                        others=", ".join(class_name(dataset, other, lang) for other in others))
    return grid(result["images"], columns=8, size=56), grid(result["conditional"], columns=8, size=56), \
        to_display(result["mean"]), numbers


def build(i18n, drawing: gr.State) -> list[OnLoad]:
    """Lay out the tab; `drawing` is the Draw & encode tab's 28x28 image. Returns what runs when it opens."""
    gr.Markdown(i18n("kinds_intro"))
    dataset = dataset_radio(i18n, elem_id="kinds_dataset")
    gr.Markdown(f"### {i18n('kinds_density_title')}")   # one text key per Markdown: Gradio translates whole values
    gr.Markdown(i18n("kinds_density_help"))
    with gr.Row():
        with gr.Column(scale=1, min_width=220):
            centre = gr.Slider(0.0, 0.4, value=0.1, step=0.005, label=i18n("kinds_centre"), elem_id="kinds_centre")
            push = gr.Slider(0.0, 5.0, value=2.0, step=0.1, label=i18n("kinds_push"))
            density_numbers = gr.Markdown()
        density = gr.Plot(show_label=False, scale=3, elem_id="kinds_density")
    gr.Markdown(f"### {i18n('kinds_compete_title')}")
    with gr.Row():
        with gr.Column(scale=1, min_width=220):
            source, index, index_caption = image_source(i18n, 0, dataset)
            image = captioned_image(i18n("input28"), height=150)
        compete = gr.Markdown(elem_id="kinds_compete")
    gr.Markdown(f"### {i18n('kinds_rotation_title')}")
    gr.Markdown(i18n("kinds_rotation_help"))
    rotate = gr.Button(i18n("kinds_rotate"), elem_id="kinds_rotate")
    turned = captioned_image(i18n("kinds_turned"), height=100, elem_id="kinds_turned")
    with gr.Row():
        rotation_plot = gr.Plot(show_label=False, scale=2, elem_id="kinds_rotation_plot")
        rotation_note = gr.Markdown(elem_id="kinds_rotation_note")
    gr.Markdown(f"### {i18n('kinds_bayes_title')}")
    gr.Markdown(i18n("kinds_bayes_help"))
    with gr.Row():
        label = gr.Dropdown(class_choices("mnist"), value=3, label=i18n("kinds_label"), elem_id="kinds_label")
        seed = gr.Number(value=0, precision=0, minimum=0, label=i18n("seed"))
        resample = gr.Button(i18n("kinds_resample"))
    with gr.Row():
        built = captioned_image(i18n("kinds_built"), scale=3, height=140)
        mean = captioned_image(i18n("kinds_mean"), height=140)
    trained = captioned_image(i18n("kinds_trained"), height=140)
    bayes_numbers = gr.Markdown(elem_id="kinds_bayes_numbers")
    gr.Markdown(f"### {i18n('kinds_taxonomy_title')}")
    taxonomy = gr.HTML()

    density_inputs, density_outputs = [dataset, centre, push], [density, density_numbers]
    image_inputs, image_outputs = [source, index, dataset, drawing], [image, compete, taxonomy]
    bayes_inputs, bayes_outputs = [dataset, label, seed], [built, trained, mean, bayes_numbers]
    for control in (centre, push):
        control.input(show_density, density_inputs, density_outputs, show_progress="hidden",
                      trigger_mode="always_last")
    dataset.change(show_density, density_inputs, density_outputs, show_progress="hidden")
    dataset.change(lambda name: gr.update(choices=class_choices(name), value=3), dataset, label,
                   show_progress="hidden")
    for control in (source, index, dataset):
        control.change(show_image_models, image_inputs, image_outputs, show_progress="minimal")
    rotation_inputs, rotation_outputs = [source, index, dataset, drawing], [turned, rotation_plot, rotation_note]
    rotate.click(show_rotation, rotation_inputs, rotation_outputs)
    label.input(show_bayes, bayes_inputs, bayes_outputs, show_progress="minimal")
    seed.change(show_bayes, bayes_inputs, bayes_outputs, show_progress="minimal")
    dataset.change(show_bayes, bayes_inputs, bayes_outputs, show_progress="minimal")
    resample.click(next_seed, seed, seed, show_progress="hidden")
    return [OnLoad(show_density, density_inputs, density_outputs),
            OnLoad(show_image_models, image_inputs, image_outputs),
            OnLoad(show_bayes, bayes_inputs, bayes_outputs), index_caption]


if __name__ == "__main__":
    from demo.app import launch_alone
    launch_alone(build)
