"""The VAE derived: how likely an image is, log p_θ(x), and why the VAE trains on a bound of it (lecture:
"Variational Autoencoders (ELBO)"). Plain values in and out; see lab.analysis.likelihood for the maths."""
from __future__ import annotations

import functools
import time
from typing import Callable

import numpy as np
import torch

from lab.analysis.decoders import (decode_from_pairs, decoder_terms, fit_decoder_from_pairs, prior_samples,
                                   to_levels, training_step)
from lab.analysis.likelihood import estimates_by_sample_count, grid_posterior, pixelcnn_bits, terms_at
from lab.checkpoints import (GAUSSIAN_DECODER_DATASET, GAUSSIAN_DECODER_SIGMAS, TIGHTEST_GAUSSIAN_SIGMA,
                             gaussian_vae_name, read_metrics, shipped_path)
from lab.device import gpu_task
from lab.examples import load_examples
from lab.latent import encode_codes
from lab.shipped import batch_images, get_model, image_batch

__all__ = ["DECODERS", "DECODER_DATASET", "DEFAULT_DECODER", "compare_decoders", "decoder_pictures", "derivation",
           "estimate_integral", "trained_on_pairs",
           "one_training_step", "pixelcnn_bits_per_dimension", "true_posterior"]
# The decoders the σ control offers: the lab's Bernoulli, then the lecture's Gaussian at each shipped σ.
DECODERS = ("bernoulli", *(f"{sigma:g}" for sigma in GAUSSIAN_DECODER_SIGMAS))
DECODER_DATASET = GAUSSIAN_DECODER_DATASET   # every decoder of the comparison was trained on it
DEFAULT_DECODER = f"{TIGHTEST_GAUSSIAN_SIGMA:g}"   # the tab opens on the Gaussian whose bound is tightest


def _counts_up_to(samples: int) -> list[int]:
    """1, 10, 100, … below `samples`, then `samples`: the estimates' path to the chosen count."""
    return sorted({10 ** power for power in range(5) if 10 ** power < samples} | {samples})


def estimate_integral(image28: np.ndarray, dataset: str, samples: int, repeats: int = 3, seed: int = 0,
                      progress: Callable[[int, int], None] | None = None) -> dict:
    """log p_θ(x) of a (28, 28) image in [0, 1] under the 16-d VAE, by naive Monte Carlo from the prior and
    by importance sampling from q_φ(z|x), with 1, 10, 100, … up to `samples` samples, `repeats` times each.

    Returns {'counts', 'naive', 'importance'} (the last two (len(counts), repeats) arrays, nats) and
    'elbo_one_sample' (the importance estimates at K = 1: the ELBO's one-sample estimates).
    `progress(done, total)` is called as latents are decoded."""
    vae = get_model(dataset, "vae16")
    estimates = estimates_by_sample_count(vae, image_batch(image28), _counts_up_to(int(samples)), repeats, seed,
                                          progress)
    return {**estimates, "elbo_one_sample": estimates["importance"][0]}


def true_posterior(image28: np.ndarray, dataset: str) -> dict:
    """The 2-d VAE's true posterior p_θ(z|x) on a grid and the ELBO identity's terms for a (28, 28) image in
    [0, 1] (see lab.analysis.likelihood.grid_posterior for the keys). Read-only: shared with `derivation`."""
    image = np.ascontiguousarray(image28, np.float32)
    return _grid_posterior(image.tobytes(), dataset)


@functools.lru_cache(maxsize=16)
def _grid_posterior(image_bytes: bytes, dataset: str) -> dict:
    # One grid per image, for the posterior map and for every move of the derivation's sliders (0.5 s each).
    image28 = np.frombuffer(image_bytes, np.float32).reshape(28, 28).copy()   # writable, for torch
    return grid_posterior(get_model(dataset, "vae2"), image_batch(image28))


# Where the derivation's table reads its terms, in units of q's σ from q's mean (the picked z comes first).
DERIVATION_OFFSETS = ((0.0, 0.0), (2.0, 0.0), (0.0, -2.0), (-3.0, 3.0))


def derivation(image28: np.ndarray, dataset: str, offset: tuple[float, float]) -> dict:
    """The ELBO's derivation for a (28, 28) image under the 2-d VAE, each line with its value: the grid's
    terms (true_posterior's keys) and 'points', one dict per z, the picked z = μ + offset ⊙ σ first and then
    DERIVATION_OFFSETS: 'offset', 'z' (2,) and lab.analysis.likelihood.terms_at's terms there."""
    vae = get_model(dataset, "vae2")
    image = image_batch(image28)
    grid = true_posterior(image28, dataset)
    offsets = [tuple(float(value) for value in offset), *DERIVATION_OFFSETS]
    z = np.array([grid["q_mean"] + np.array(step) * grid["q_std"] for step in offsets])
    terms = terms_at(vae, image, torch.as_tensor(z), grid["log_px"])
    points = [{"offset": step, "z": z[i], **{key: float(value[i]) for key, value in terms.items()}}
              for i, step in enumerate(offsets)]
    return {**grid, "points": points}


def _decoder_model(decoder: str, latent_dim: int) -> str:
    """The shipped VAE with this decoder ("bernoulli" or a σ as DECODERS spells it) and latent size."""
    return f"vae{latent_dim}" if decoder == "bernoulli" else gaussian_vae_name(latent_dim, float(decoder))


def compare_decoders(image28: np.ndarray, latent_dim: int) -> list[dict]:
    """For a (28, 28) image in [0, 1], one row per decoder of DECODERS (mnist VAEs with `latent_dim`): its
    'decoder', 'sigma' (None: Bernoulli), the image's ELBO terms 'reconstruction', 'kl', 'nelbo' in nats and
    'bits' (the 8-bit bound in bits per dimension; None for Bernoulli), and the held-out means 'test_kl',
    'test_nelbo'."""
    rows = []
    for decoder in DECODERS:
        name = _decoder_model(decoder, latent_dim)
        metrics = _held_out(name)
        rows.append({"decoder": decoder, "sigma": None if decoder == "bernoulli" else float(decoder),
                     **decoder_terms(get_model(DECODER_DATASET, name), image_batch(image28)),
                     "test_kl": metrics["test_nelbo_kl"], "test_nelbo": metrics["test_nelbo"]})
    return rows


@functools.cache
def _held_out(name: str) -> dict:
    # metrics.json, read once per process rather than on every request
    return read_metrics(shipped_path(DECODER_DATASET, name))


@functools.cache
def _prior_samples(name: str) -> np.ndarray:
    # Fixed latents: the same samples for every visitor, decoded once per process.
    return batch_images(prior_samples(get_model(DECODER_DATASET, name)))


def decoder_pictures(image28: np.ndarray, latent_dim: int, decoder: str) -> dict:
    """{'reconstruction': (28, 28) through the posterior mean, 'prior_samples': (8, 28, 28) mean images of
    fixed z ~ p(z)} under the mnist VAE with this decoder and latent size."""
    name = _decoder_model(decoder, latent_dim)
    vae = get_model(DECODER_DATASET, name)
    return {"reconstruction": batch_images(vae(image_batch(image28)))[0], "prior_samples": _prior_samples(name)}


def one_training_step(image28: np.ndarray, latent_dim: int, decoder: str, seed: int) -> dict:
    """The five training steps for a (28, 28) image (lab.analysis.decoders.training_step), as numpy arrays."""
    step = training_step(get_model(DECODER_DATASET, _decoder_model(decoder, latent_dim)), image_batch(image28), seed)
    return {key: batch_images(value)[0] if key == "decoded" else
            value.cpu().numpy() if hasattr(value, "cpu") else value for key, value in step.items()}


@gpu_task(seconds=10)
def pixelcnn_bits_per_dimension(image28: np.ndarray, dataset: str) -> float:
    """The PixelCNN's exact −log p(x) of the image rounded to 8 bits, in bits per dimension (p(x) =
    Σ_y p(x|y)/10, as the Autoregressive tab gives it)."""
    pixelcnn = get_model(dataset, "pixelcnn")
    return float(pixelcnn_bits(pixelcnn, to_levels(image_batch(image28)))[0])


PAIRS_SHOWN = 8


@functools.cache
@torch.inference_mode()
def trained_on_pairs(dataset: str) -> dict:
    """If we had (x, z) pairs: the shipped training images with z = the 16-d VAE encoder's μ (pairs we only
    have because a VAE already learned z), a Gaussian decoder fitted to them by least squares, and what it
    makes of the shipped test images' codes next to the VAE's own decoder. Returns 'pairs', 'seconds' (the
    fit), 'images', 'vae', 'from_pairs' (PAIRS_SHOWN, 28, 28) and the mean squared error per pixel over every
    test image, 'vae_error' and 'pairs_error'. Fixed inputs: computed once per process."""
    vae = get_model(dataset, "vae16")
    train, test = load_examples(dataset, "train"), load_examples(dataset, "test")
    started = time.perf_counter()
    weights = fit_decoder_from_pairs(torch.as_tensor(encode_codes(vae, train.images)), train.images)
    seconds = time.perf_counter() - started
    codes = torch.as_tensor(encode_codes(vae, test.images))
    from_pairs = decode_from_pairs(weights, codes)
    device = next(vae.parameters()).device
    from_vae = torch.cat([torch.sigmoid(vae.decode(chunk.to(device))).cpu() for chunk in codes.split(500)])
    return {"pairs": len(train.images), "seconds": seconds, "images": batch_images(test.images[:PAIRS_SHOWN]),
            "vae": batch_images(from_vae[:PAIRS_SHOWN]), "from_pairs": batch_images(from_pairs[:PAIRS_SHOWN]),
            "vae_error": float((from_vae - test.images).pow(2).mean()),
            "pairs_error": float((from_pairs - test.images).pow(2).mean())}
