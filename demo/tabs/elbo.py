"""VAE: the ELBO. The lecture's derivation of the VAE objective with live numbers for one image (lecture:
"Variational Autoencoders" and "Variational Autoencoders (ELBO)").

1. The integral p_θ(x) = ∫ p_θ(x|z) p(z) dz sampled from the prior and, with the encoder, from q_φ(z|x)
   (importance sampling), with 1, 10, … up to N samples, a few tries each: why "no podemos integrar sobre
   todo z", and why an encoder helps (the 16-d VAE).
2. The 2-d VAE's true posterior p_θ(z|x) on a grid with q_φ(z|x)'s ellipses over it, and the slide's identity
   line by line, each term's value and whether the lecture can compute it; here the "uncomputable" KL is.
"""
from __future__ import annotations

import gradio as gr

from demo import plots
from demo.classroom import heavy
from demo.components import OnLoad, captioned_image, dataset_radio, image_source, source_image
from demo.i18n import request_language, text
from demo.imaging import to_display
from demo.progress import StepProgress
from lab.api import elbo as model

REPEATS = 3
GAP_SMALL_NATS = 1.0


@heavy
def show_integral(source: str, index: float, dataset: str, samples: float, drawing=None,
                  request: gr.Request | None = None, progress=gr.Progress()):
    """(the image, the estimates against the number of samples, what they say) for the picked image; the
    bar counts the latents decoded (about 37,000 at 5,000 samples: seconds)."""
    lang = request_language(request)
    image = source_image(source, index, drawing, dataset, lang)
    result = model.estimate_integral(image, dataset, int(samples), repeats=REPEATS,
                                     progress=StepProgress(progress, "z"))
    figure = plots.estimator_figure(
        result["counts"], {"naive": result["naive"], "importance": result["importance"]},
        {"naive": text("elbo_naive", lang), "importance": text("elbo_importance", lang)},
        text("elbo_estimates_title", lang, repeats=REPEATS),
        (text("elbo_axis_samples", lang), text("elbo_axis_estimate", lang)))
    naive, importance = result["naive"][-1], result["importance"][-1]
    summary = text("elbo_integral_summary", lang, samples=result["counts"][-1], naive=naive.mean(),
                   naive_spread=naive.max() - naive.min(), importance=importance.mean(),
                   importance_spread=importance.max() - importance.min(), elbo=result["elbo_one_sample"].mean())
    return to_display(image), figure, summary


@heavy
def show_posterior(source: str, index: float, dataset: str, drawing=None, request: gr.Request | None = None):
    """(the true posterior's map, the identity with its values) for the picked image under the 2-d VAE."""
    lang = request_language(request)
    image = source_image(source, index, drawing, dataset, lang)
    grid = model.true_posterior(image, dataset)
    figure = plots.posterior_map_figure(
        grid["z1"], grid["z2"], grid["posterior"], grid["q_mean"], grid["q_std"],
        {"posterior": text("elbo_posterior", lang), "density": text("elbo_density", lang),
         "q_mean": text("elbo_q_mean", lang)}, text("elbo_map_title", lang))
    gap = grid["kl_posterior"]
    note = text("elbo_gap_small" if gap < GAP_SMALL_NATS else "elbo_gap_large", lang, gap=gap)
    identity = text("elbo_identity", lang, log_px=grid["log_px"], reconstruction=grid["reconstruction"],
                    kl_prior=grid["kl_prior"], gap=gap, elbo=grid["elbo"], gap_note=note)
    return figure, identity


def build(i18n, drawing: gr.State) -> list[OnLoad]:
    """Lay out the tab; `drawing` is the Draw & encode tab's 28x28 image. Returns what runs when the tab
    first opens: both panels for the first test image."""
    gr.Markdown(i18n("elbo_intro"))
    with gr.Row():
        with gr.Column(scale=1, min_width=260):
            dataset = dataset_radio(i18n, elem_id="elbo_dataset")
            source, index = image_source(i18n, 0, dataset)
            samples = gr.Slider(1, 5000, value=100, step=1, label=i18n("elbo_samples"), elem_id="elbo_samples")
            image = captioned_image(i18n("input28"), height=190, elem_id="elbo_input")
        with gr.Column(scale=3):
            gr.Markdown(f"### {i18n('elbo_integral_title')}")
            estimates = gr.Plot(show_label=False, elem_id="elbo_estimates")
            summary = gr.Markdown(elem_id="elbo_summary")
            gr.Markdown(f"### {i18n('elbo_posterior_title')}")
            posterior = gr.Plot(show_label=False, elem_id="elbo_posterior")
            identity = gr.Markdown(elem_id="elbo_identity")
    integral_inputs = [source, index, dataset, samples, drawing]
    integral_outputs = [image, estimates, summary]
    posterior_inputs = [source, index, dataset, drawing]
    for control in (source, index, dataset):
        control.change(show_integral, integral_inputs, integral_outputs)
        control.change(show_posterior, posterior_inputs, [posterior, identity], show_progress="minimal")
    samples.input(show_integral, integral_inputs, integral_outputs, trigger_mode="always_last")
    return [OnLoad(show_integral, integral_inputs, integral_outputs),
            OnLoad(show_posterior, posterior_inputs, [posterior, identity])]


if __name__ == "__main__":
    from demo.app import launch_alone
    launch_alone(build)
