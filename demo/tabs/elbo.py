"""VAE: the ELBO. The lecture's derivation of the VAE objective with live numbers for one image (lecture:
"Variational Autoencoders" and "Variational Autoencoders (ELBO)").

1. The integral p_θ(x) = ∫ p_θ(x|z) p(z) dz sampled from the prior and, with the encoder, from q_φ(z|x)
   (importance sampling), with 1, 10, … up to N samples, a few tries each: why "no podemos integrar sobre
   todo z", and why an encoder helps (the 16-d VAE).
2. The 2-d VAE's true posterior p_θ(z|x) on a grid with q_φ(z|x)'s ellipses over it, and the slide's identity
   line by line, each term's value and whether the lecture can compute it; here the "uncomputable" KL is.
3. The decoder: the lab's Bernoulli against the lecture's Gaussian at four σ (reconstruction, prior samples,
   both ELBO terms), and one likelihood scale, bits per dimension on 8-bit pixels, with the PixelCNN's.
4. The five training steps, numbered on their live outputs (ε shown, a new ε on demand).
"""
from __future__ import annotations

import math

import gradio as gr

from demo import plots
from demo.classroom import heavy
from demo.components import (OnLoad, captioned_image, choice_label, dataset_radio, image_source, next_seed,
                             source_image, translated_choices)
from demo.i18n import request_language, text
from demo.imaging import strip, to_display
from demo.progress import StepProgress
from lab.api import elbo as model

REPEATS = 3
LATENT_SIZES = ("2", "16")   # the shipped VAEs, with each decoder
GAP_SMALL_SHARE = 0.01   # a gap under 1 % of |log p_θ(x)| leaves the ELBO almost log p_θ(x)


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
    share = gap / abs(grid["log_px"])
    note = text("elbo_gap_small" if share < GAP_SMALL_SHARE else "elbo_gap_large", lang, gap=gap, share=share)
    identity = text("elbo_identity", lang, log_px=grid["log_px"], reconstruction=grid["reconstruction"],
                    kl_prior=grid["kl_prior"], gap=gap, elbo=grid["elbo"], gap_note=note)
    return figure, identity


def _check_decoder(latent: str, decoder: str, lang: str) -> None:
    if decoder not in model.DECODERS or latent not in LATENT_SIZES:
        raise gr.Error(text("elbo_bad_decoder", lang))


def decoder_table(rows: list[dict], chosen: str, latent: int, pixel_bits: float, lang: str) -> str:
    """Each decoder's ELBO terms for the image (the chosen one in bold) and the note on one bits scale."""
    lines = [text("elbo_decoder_table", lang)]
    for row in rows:
        name = choice_label(row["decoder"], lang)
        bits = text("elbo_no_bits", lang) if row["bits"] is None else f"{row['bits']:.2f}"
        lines.append(f"| {f'**{name}**' if row['decoder'] == chosen else name} | {row['reconstruction']:.1f} | "
                     f"{row['kl']:.1f} | {row['nelbo']:.1f} | {bits} | {row['test_kl']:.1f} |")
    note = text("elbo_decoder_note", lang, latent=latent, pixel_bits=pixel_bits)
    negative = [row["sigma"] for row in rows if row["sigma"] is not None and row["nelbo"] < 0]
    if negative:   # a density above 1 makes log p_θ(x|z) positive: say so where the table shows it
        sigma = min(negative)
        note += text("elbo_negative_loss", lang, sigma=sigma, peak=1 / (sigma * math.sqrt(2 * math.pi)))
    return "\n".join(lines) + "\n\n" + note


def decoder_image(source: str, index: float, dataset: str, drawing, lang: str) -> tuple:
    """The image sections 3 and 4 use, and a note when it is not the one picked above: their VAEs were all
    trained on mnist (model.DECODER_DATASET), so a Fashion-MNIST test image is replaced by the mnist test
    image of the same index (a drawing stays: it is drawn as a digit)."""
    if source == "drawing" or dataset == model.DECODER_DATASET:
        return source_image(source, index, drawing, dataset, lang), ""
    image = source_image(source, index, drawing, model.DECODER_DATASET, lang)
    return image, text("elbo_mnist_only", lang, index=int(index or 0))


@heavy
def show_decoders(source: str, index: float, dataset: str, latent: str, decoder: str, drawing=None,
                  request: gr.Request | None = None):
    """(reconstruction, prior samples, the decoders' table) for the picked image under the mnist VAEs."""
    lang = request_language(request)
    _check_decoder(latent, decoder, lang)
    image, note = decoder_image(source, index, dataset, drawing, lang)
    rows = model.compare_decoders(image, int(latent))
    pictures = model.decoder_pictures(image, int(latent), decoder)
    table = decoder_table(rows, decoder, int(latent), model.pixelcnn_bits_per_dimension(image, model.DECODER_DATASET),
                          lang)
    return to_display(pictures["reconstruction"]), strip(pictures["prior_samples"], size=84), note + table


@heavy
def show_training_step(source: str, index: float, dataset: str, latent: str, decoder: str, seed: float,
                       drawing=None, request: gr.Request | None = None):
    """(the step's vectors as bars, the decoded image, the five steps with their values) for the image."""
    lang = request_language(request)
    _check_decoder(latent, decoder, lang)
    image, note = decoder_image(source, index, dataset, drawing, lang)
    seed = int(seed or 0)
    step = model.one_training_step(image, int(latent), decoder, seed)
    figure = plots.vectors_figure({"μ": step["mean"], "σ": step["std"], "ε": step["noise"], "z": step["z"]},
                                  text("elbo_steps_plot", lang), text("elbo_dimension", lang))
    first = ", ".join(f"{m:.2f} + {s:.2f}·({e:.2f}) = {z:.2f}"
                      for m, s, e, z in list(zip(step["mean"], step["std"], step["noise"], step["z"]))[:2])
    steps = note + text("elbo_steps", lang, latent=int(latent), kl=step["kl"], seed=seed, first=first,
                        reconstruction=step["reconstruction"], loss=step["loss"])
    return figure, to_display(step["decoded"]), steps


def build(i18n, drawing: gr.State) -> list[OnLoad]:
    """Lay out the tab; `drawing` is the Draw & encode tab's 28x28 image. Returns what runs when the tab
    first opens: both panels for the first test image."""
    gr.Markdown(i18n("elbo_intro"))
    with gr.Row():
        with gr.Column(scale=1, min_width=260):
            dataset = dataset_radio(i18n, elem_id="elbo_dataset")
            source, index, index_caption = image_source(i18n, 0, dataset)
            samples = gr.Slider(1, 5000, value=100, step=1, label=i18n("elbo_samples"), elem_id="elbo_samples")
            image = captioned_image(i18n("input28"), height=190, elem_id="elbo_input")
        with gr.Column(scale=3):
            gr.Markdown(f"### {i18n('elbo_integral_title')}")
            estimates = gr.Plot(show_label=False, elem_id="elbo_estimates")
            summary = gr.Markdown(elem_id="elbo_summary")
            gr.Markdown(f"### {i18n('elbo_posterior_title')}")
            posterior = gr.Plot(show_label=False, elem_id="elbo_posterior")
            identity = gr.Markdown(elem_id="elbo_identity")
    decoder, latent, seed, decoder_outputs, step_outputs = _decoder_sections(i18n)
    integral_inputs = [source, index, dataset, samples, drawing]
    integral_outputs = [image, estimates, summary]
    posterior_inputs = [source, index, dataset, drawing]
    for control in (source, index, dataset):
        control.change(show_integral, integral_inputs, integral_outputs)
        control.change(show_posterior, posterior_inputs, [posterior, identity], show_progress="minimal")
    samples.input(show_integral, integral_inputs, integral_outputs, trigger_mode="always_last")
    decoder_inputs = [source, index, dataset, latent, decoder, drawing]
    step_inputs = [source, index, dataset, latent, decoder, seed, drawing]
    for control in (source, index, dataset, latent, decoder):
        control.change(show_decoders, decoder_inputs, decoder_outputs, show_progress="minimal")
        control.change(show_training_step, step_inputs, step_outputs, show_progress="minimal")
    seed.change(show_training_step, step_inputs, step_outputs, show_progress="minimal")
    return [OnLoad(show_integral, integral_inputs, integral_outputs),
            OnLoad(show_posterior, posterior_inputs, [posterior, identity]),
            OnLoad(show_decoders, decoder_inputs, decoder_outputs),
            OnLoad(show_training_step, step_inputs, step_outputs), index_caption]


def _decoder_sections(i18n):
    """Sections 3 and 4 under the first two: the decoder comparison and the training step. Returns their
    controls (decoder, latent size, ε seed) and their outputs."""
    gr.Markdown(f"### {i18n('elbo_decoder_title')}")   # one text key per Markdown: Gradio translates whole values
    gr.Markdown(i18n("elbo_decoder_intro"))
    with gr.Row():
        decoder = gr.Radio(translated_choices(i18n, model.DECODERS), value=model.DEFAULT_DECODER,
                           label=i18n("elbo_decoder"), elem_id="elbo_decoder")
        latent = gr.Radio(list(LATENT_SIZES), value="16", label=i18n("elbo_latent"), elem_id="elbo_latent")
    with gr.Row():
        reconstruction = captioned_image(i18n("elbo_reconstruction"), height=150)
        samples = captioned_image(i18n("elbo_prior_samples"), scale=4, height=150, elem_id="elbo_prior_samples")
    table = gr.Markdown(elem_id="elbo_decoder_table")
    gr.Markdown(f"### {i18n('elbo_steps_title')}")
    with gr.Row():
        with gr.Column(scale=3):
            vectors = gr.Plot(show_label=False, elem_id="elbo_step_vectors")
        with gr.Column(scale=1, min_width=180):
            decoded = captioned_image(i18n("elbo_decoded"), height=150)
            seed = gr.Number(value=0, precision=0, minimum=0, label=i18n("elbo_noise_seed"))
            gr.Button(i18n("elbo_new_noise"), elem_id="elbo_new_noise").click(next_seed, seed, seed,
                                                                              show_progress="hidden")
    steps = gr.Markdown(elem_id="elbo_steps")
    return decoder, latent, seed, [reconstruction, samples, table], [vectors, decoded, steps]


if __name__ == "__main__":
    from demo.app import launch_alone
    launch_alone(build)
