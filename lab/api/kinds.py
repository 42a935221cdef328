"""p(x), p(y|x), p(x|y): the three kinds of model on the lab's images, and the taxonomy's likelihoods (lecture:
"Modelos generativos vs discriminativos", "¿Porqué modelos generativos?", "Taxonomía"). Plain values in and
out; the maths is in lab.analysis.conditional.

Work that depends only on fixed defaults (the density of the data's ink, the pool of p(x) samples, the
conditional model's samples per label) is done once per process and shared by every visitor.
"""
from __future__ import annotations

import functools

import numpy as np
import torch

from lab.analysis.conditional import (bayes_conditional, label_and_image_scores, nearest_neighbour_labels,
                                      pushed_density, sample_pool)
from lab.analysis.decoders import to_levels
from lab.analysis.likelihood import bits_per_dimension, vae_bits
from lab.checkpoints import GAUSSIAN_DECODER_DATASET, TIGHTEST_GAUSSIAN_SIGMA, gaussian_vae_name
from lab.data import load_dataset
from lab.examples import example_images, load_examples
from lab.device import gpu_task, model_device
from lab.diffusion.quality import LATENT_DEFAULTS, generate
from lab.evaluate import elbo_estimate
from lab.shipped import batch_images, get_model, image_batch
from lab.tokens import token_bits

__all__ = ["INK_GRID", "ROTATIONS", "bayes_samples", "competition", "ink_density", "likelihoods", "rotated"]
INK_GRID = np.linspace(0.0, 0.5, 201)   # share of the image's area covered by ink
# Degrees: the lecture's dog, turned over. Quarter turns only move pixels (no resampling): the same pixels and the
# same ink, only their arrangement changes (a 30° turn's interpolation adds grey levels, which alone cost bits).
ROTATIONS = (0, 90, 180, 270)
DRAWS = 16
BANDWIDTH = 0.012
BITS_SIGMA = TIGHTEST_GAUSSIAN_SIGMA


def _ink(images: torch.Tensor) -> np.ndarray:
    """How much ink an image has: the mean of its pixels (a 1-D feature whose density one can draw)."""
    return images.flatten(1).mean(dim=1).cpu().numpy()


@functools.cache
def _ink_density(dataset: str) -> np.ndarray:
    values = _ink(load_dataset(dataset, "test").images)
    kernels = np.exp(-0.5 * ((INK_GRID[:, None] - values[None]) / BANDWIDTH) ** 2)
    density = kernels.sum(axis=1)
    return density / np.trapezoid(density, INK_GRID)


def ink_density(dataset: str, centre: float, push: float) -> dict:
    """The density of the test images' ink (a Gaussian KDE) and the same pushed up by `push` near `centre`:
    {'xs', 'before', 'after', 'area_before', 'area_after' (both 1), 'moved' (the mass that left the rest)}."""
    before = _ink_density(dataset)
    after = pushed_density(INK_GRID, before, float(centre), float(push), width=0.02)
    return {"xs": INK_GRID, "before": before, "after": after, "area_before": float(np.trapezoid(before, INK_GRID)),
            "area_after": float(np.trapezoid(after, INK_GRID)),
            "moved": float(np.trapezoid(np.maximum(after - before, 0), INK_GRID))}


@torch.inference_mode()
def competition(image28: np.ndarray, dataset: str) -> dict:
    """Four (28, 28) images compete: this one, the first shipped test image of another class than the
    classifier gives this one ('other_label'), uniform noise and a blank, all read as 8-bit images. Returns
    'p_y_given_x' (4, C), the classifier's labels competing for each image (rows sum to 1); 'log_px' (4,),
    the PixelCNN's exact log p(x) in nats, the images competing for one unit of mass; 'log_px_given_y'
    (4, C), its exact log p(x|y), the images competing under each label; 'bits' (4,), −log p(x) in bits per
    dimension; and 'label', the classifier's label for this image."""
    batch = image_batch(image28, model_device("classifier"))
    label = int(get_model(dataset, "classifier").probabilities(batch).argmax())
    other, other_label = next((example, example_label) for example, example_label
                              in example_images(dataset, per_class=1) if example_label != label)
    noise = np.random.default_rng(0).random((28, 28)).astype(np.float32)
    images = [np.asarray(image28, np.float32), other, noise, np.zeros((28, 28), np.float32)]
    return {**_competition_scores(images, dataset), "label": label, "other_label": int(other_label)}


@gpu_task(seconds=10)
def _competition_scores(images28: list[np.ndarray], dataset: str) -> dict:
    batch = torch.cat([image_batch(image) for image in images28])
    scores = label_and_image_scores(get_model(dataset, "classifier"), get_model(dataset, "pixelcnn"), batch)
    return {**scores, "bits": bits_per_dimension(-scores["log_px"])}


def rotated(image28: np.ndarray, dataset: str) -> dict:
    """The image turned by each of ROTATIONS (anticlockwise): 'angles', 'images' (A, 28, 28),
    and for each the PixelCNN's exact −log p(x) in 'bits' per dimension, the classifier's 'label' and its
    'confidence' p(y|x). A rotated digit is an unlikely image, which p(x) notices; p(y|x) need not."""
    images = np.stack([np.rot90(np.asarray(image28, np.float32), angle // 90) for angle in ROTATIONS])
    scores = _competition_scores(list(images), dataset)
    probabilities = scores["p_y_given_x"]
    return {"angles": list(ROTATIONS), "images": images, "bits": scores["bits"],
            "label": probabilities.argmax(axis=1), "confidence": probabilities.max(axis=1)}


@functools.cache
def _pool(dataset: str) -> dict:
    return sample_pool(get_model(dataset, "vae16"), get_model(dataset, "classifier"))


@functools.cache
def _conditional_model_samples(dataset: str, label: int) -> np.ndarray:
    return _latent_diffusion_samples(dataset, label)


@gpu_task(seconds=20)
def _latent_diffusion_samples(dataset: str, label: int) -> np.ndarray:
    """The latent diffusion model's samples of p(x|y) at its tab's defaults: a model trained to be conditional
    (on the same VAE whose p(x) Bayes' rule re-weighs)."""
    model = get_model(dataset, "latent-diffusion")
    labels = torch.full((DRAWS,), label, dtype=torch.long)
    vae = get_model(dataset, model.config.vae)
    return batch_images(generate(model, labels, seed=0, vae=vae, **LATENT_DEFAULTS))


def bayes_samples(dataset: str, label: int, seed: int) -> dict:
    """P(x|y) built by Bayes' rule from the VAE's p(x) and the classifier's p(y|x), sampled by importance
    resampling (lab.analysis.conditional.bayes_conditional): 'images' (16, 28, 28), 'mean' (28, 28),
    'p_y', 'labelled_share', 'ess', 'pool', 'acceptance'; 'judged' (16,), each sample's label by an outside
    judge (the 5 nearest training images in pixel space, which took no part in building them); and
    'conditional' (16, 28, 28), a conditional model's samples."""
    built = bayes_conditional(_pool(dataset), int(label), DRAWS, int(seed))
    train = load_examples(dataset, "train")   # shipped with the checkpoints: no dataset needed at run time
    judged = nearest_neighbour_labels(built["images"].cpu(), train.images, train.labels)   # (16,)
    return {**built, "images": batch_images(built["images"]), "mean": batch_images(built["mean"][None])[0],
            "judged": judged.numpy(), "conditional": _conditional_model_samples(dataset, int(label))}


def likelihoods(image28: np.ndarray, dataset: str) -> dict:
    """What the taxonomy's other models can say about how likely an image is (the PixelCNN's exact figure
    comes with `competition`): 'vae_nelbo' (the 16-d VAE's −ELBO ≥ −log p(x), nats, Bernoulli decoder: no
    bits), 'token_bits' (exact −log2 p(t) of its 49 VQ-VAE tokens: the code's, not the pixels') and, for
    mnist, 'gaussian_vae_bits' (the Gaussian-decoder VAE's bound in bits per dimension on the 8-bit image,
    σ = 'gaussian_vae_sigma')."""
    batch = image_batch(image28)
    figures = {"vae_nelbo": float(elbo_estimate(get_model(dataset, "vae16"), batch)["total"][0]),
               "token_bits": float(token_bits(get_model(dataset, "vqvae"), get_model(dataset, "tokens"), batch)[0]),
               "gaussian_vae_bits": None, "gaussian_vae_sigma": BITS_SIGMA}
    if dataset == GAUSSIAN_DECODER_DATASET:
        vae = get_model(dataset, gaussian_vae_name(16, BITS_SIGMA))
        figures["gaussian_vae_bits"] = vae_bits(vae, to_levels(batch), 1, torch.Generator().manual_seed(0))
    return figures
