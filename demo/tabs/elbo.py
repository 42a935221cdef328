"""VAE: the ELBO. The lecture's derivation of the VAE objective with live numbers for one image (lecture:
"Variational Autoencoders" and "Variational Autoencoders (ELBO)").

1. The integral p_θ(x) = ∫ p_θ(x|z) p(z) dz sampled from the prior and, with the encoder, from q_φ(z|x)
   (importance sampling), with 1, 10, … up to N samples, a few tries each: why "no podemos integrar sobre
   todo z", and why an encoder helps (the 16-d VAE). And if z were observed: a decoder fitted on (x, z) pairs.
2. The 2-d VAE's true posterior p_θ(z|x) on a grid with q_φ(z|x)'s ellipses over it, and the slide's identity
   line by line, each term's value and whether the lecture can compute it; here the "uncomputable" KL is.
   Then the derivation itself as a stepper (× q/q, three logs, E_z, two KLs, the bound), at a z the student
   picks: p_θ(x|z)p(z)/p_θ(z|x) gives the same log p_θ(x) at every z, and no longer once q replaces p_θ(z|x).
3. The decoder: the lab's Bernoulli against the lecture's Gaussian at four σ (reconstruction, prior samples,
   both ELBO terms), and one likelihood scale, bits per dimension on 8-bit pixels, with the PixelCNN's.
4. The five training steps, numbered on their live outputs (ε shown, a new ε on demand).
"""
from __future__ import annotations

import math

import gradio as gr
import numpy as np

from demo import plots
from demo.classroom import heavy
from demo.components import (OnLoad, captioned_image, choice_label, dataset_radio, image_source, next_seed,
                             source_image, translated_choices)
from demo.i18n import request_language, text
from demo.imaging import grid, strip, to_display
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


def show_pairs(dataset: str, request: gr.Request | None = None):
    """(test images, the VAE's decodings and a decoder fitted on (x, z) pairs, in three rows; what they say)."""
    lang = request_language(request)
    result = model.trained_on_pairs(dataset)
    rows = np.concatenate([result["images"], result["vae"], result["from_pairs"]])
    note = text("elbo_pairs_note", lang, pairs=result["pairs"], seconds=result["seconds"],
                vae_error=result["vae_error"], pairs_error=result["pairs_error"])
    return grid(rows, columns=len(result["images"]), size=56), note


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


DERIVATION_LINES = 6


@heavy
def show_derivation(source: str, index: float, dataset: str, lines: float, offset_1: float, offset_2: float,
                    drawing=None, request: gr.Request | None = None) -> str:
    """The lecture's derivation (slides 62–79) for the picked image under the 2-d VAE, its first `lines`
    lines each with its value, and the table of z: Bayes' rule gives log p_θ(x) at every z, q in its place
    does not."""
    lang = request_language(request)
    image = source_image(source, index, drawing, dataset, lang)
    result = model.derivation(image, dataset, (float(offset_1 or 0), float(offset_2 or 0)))
    picked = result["points"][0]
    values = {"log_px": result["log_px"], "reconstruction": result["reconstruction"], "kl_prior": result["kl_prior"],
              "gap": result["kl_posterior"], "elbo": result["elbo"], "given_z": picked["log_given_z"],
              "prior": picked["log_prior"], "posterior": picked["log_posterior"], "q": picked["log_q"],
              "bayes": picked["bayes"], "q_over_prior": picked["log_q"] - picked["log_prior"],
              "q_over_posterior": picked["log_q"] - picked["log_posterior"]}
    shown = max(1, min(DERIVATION_LINES, int(lines or 1)))
    parts = [text(f"elbo_line_{line}", lang, **values) for line in range(1, shown + 1)]
    if shown < DERIVATION_LINES:
        parts.append(text("elbo_line_next", lang, line=shown + 1))
    rows = [text("elbo_z_table", lang)]
    for point in result["points"]:
        rows.append(f"| ({point['offset'][0]:+g}, {point['offset'][1]:+g}) | ({point['z'][0]:.2f}, {point['z'][1]:.2f}) | "
                    f"{point['log_given_z']:.2f} | {point['log_prior']:.2f} | {point['log_posterior']:.2f} | "
                    f"**{point['bayes']:.2f}** | {point['log_q']:.2f} | **{point['with_q']:.2f}** |")
    with_q = [point["with_q"] for point in result["points"]]
    note = text("elbo_z_note", lang, log_px=result["log_px"], low=min(with_q), high=max(with_q), elbo=result["elbo"])
    return "\n\n".join(parts) + "\n\n" + "\n".join(rows) + "\n\n" + note


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
            gr.Markdown(f"### {i18n('elbo_pairs_title')}")
            gr.Markdown(i18n("elbo_pairs_help"))
            pairs_picture = captioned_image(i18n("elbo_pairs_rows"), height=190, elem_id="elbo_pairs")
            pairs_note = gr.Markdown(elem_id="elbo_pairs_note")
            gr.Markdown(f"### {i18n('elbo_posterior_title')}")
            posterior = gr.Plot(show_label=False, elem_id="elbo_posterior")
            identity = gr.Markdown(elem_id="elbo_identity")
            gr.Markdown(f"### {i18n('elbo_derivation_title')}")
            gr.Markdown(i18n("elbo_derivation_help"))
            with gr.Row():
                lines = gr.Slider(1, DERIVATION_LINES, value=1, step=1, label=i18n("elbo_derivation_lines"),
                                  elem_id="elbo_derivation_lines")
                offset_1 = gr.Slider(-3, 3, value=1, step=0.5, label=i18n("elbo_offset_1"))
                offset_2 = gr.Slider(-3, 3, value=1, step=0.5, label=i18n("elbo_offset_2"))
            derivation = gr.Markdown(elem_id="elbo_derivation")
    decoder, latent, seed, decoder_outputs, step_outputs = _decoder_sections(i18n)
    integral_inputs = [source, index, dataset, samples, drawing]
    integral_outputs = [image, estimates, summary]
    posterior_inputs = [source, index, dataset, drawing]
    for control in (source, index, dataset):
        control.change(show_integral, integral_inputs, integral_outputs)
        control.change(show_posterior, posterior_inputs, [posterior, identity], show_progress="minimal")
    samples.input(show_integral, integral_inputs, integral_outputs, trigger_mode="always_last")
    dataset.change(show_pairs, dataset, [pairs_picture, pairs_note], show_progress="hidden")
    derivation_inputs = [source, index, dataset, lines, offset_1, offset_2, drawing]
    for control in (source, index, dataset):
        control.change(show_derivation, derivation_inputs, derivation, show_progress="minimal")
    for control in (lines, offset_1, offset_2):
        control.input(show_derivation, derivation_inputs, derivation, show_progress="hidden",
                      trigger_mode="always_last")
    decoder_inputs = [source, index, dataset, latent, decoder, drawing]
    step_inputs = [source, index, dataset, latent, decoder, seed, drawing]
    for control in (source, index, dataset, latent, decoder):
        control.change(show_decoders, decoder_inputs, decoder_outputs, show_progress="minimal")
        control.change(show_training_step, step_inputs, step_outputs, show_progress="minimal")
    seed.change(show_training_step, step_inputs, step_outputs, show_progress="minimal")
    return [OnLoad(show_integral, integral_inputs, integral_outputs),
            OnLoad(show_posterior, posterior_inputs, [posterior, identity]),
            OnLoad(show_derivation, derivation_inputs, [derivation]),
            OnLoad(show_pairs, [dataset], [pairs_picture, pairs_note]),
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
