"""Held-out figures of the trained models: what metrics.json records and the checkpoint test re-checks."""
from __future__ import annotations

import math

import torch

from lab.data import Dataset

EVAL_SEED = 1234        # fixes the z samples of the ELBO estimate, so a figure reproduces exactly
ELBO_SAMPLES = 4        # z samples per image: the ELBO is an expectation over q(z|x)


@torch.inference_mode()
def elbo_estimate(vae: torch.nn.Module, images: torch.Tensor) -> dict[str, torch.Tensor]:
    """The ELBO's terms per image (B,), in nats, averaged over ELBO_SAMPLES draws of z ~ q(z|x) from a
    generator seeded with EVAL_SEED: the one estimate every tab shows, so an image scores the same
    everywhere. {'reconstruction', 'kl', 'total' = −ELBO}."""
    generator = torch.Generator(device="cpu").manual_seed(EVAL_SEED)
    return vae.elbo_terms(images, generator, samples=ELBO_SAMPLES)


@torch.inference_mode()
def evaluate(model: torch.nn.Module, dataset: Dataset, batch_size: int = 500) -> dict[str, float]:
    """The model's held-out figures on `dataset`, by family (see each branch)."""
    device = next(model.parameters()).device
    model.eval()
    sums: dict[str, float] = {}
    generator = torch.Generator(device="cpu").manual_seed(EVAL_SEED)
    for start in range(0, len(dataset), batch_size):
        images = dataset.images[start: start + batch_size].to(device)
        labels = dataset.labels[start: start + batch_size].to(device)
        if model.kind == "classifier":
            batch = {"accuracy": (model(images).argmax(dim=1) == labels).float()}
        elif model.kind == "vae":
            # Average the terms over ELBO_SAMPLES draws of z ~ q(z|x); nats per image.
            terms = model.elbo_terms(images, generator, samples=ELBO_SAMPLES)
            batch = {f"nelbo{suffix}": terms[key]
                     for key, suffix in (("total", ""), ("reconstruction", "_reconstruction"), ("kl", "_kl"))}
        elif model.kind == "ae":
            batch = {"l2": model.reconstruction_error(images)}
        elif model.kind == "denoiser":
            # The training loss on held-out images, with fixed t and ε draws and the true labels.
            batch = {"mse": model.loss_terms(images * 2 - 1, labels, generator, drop_labels=False)}
        elif model.kind == "latent_denoiser":
            # The same, on the scaled posterior means: `images` holds the encoder's (μ, log σ²) here.
            latents = model.config.latent_scale * images[:, :model.config.latent_dim]
            batch = {"mse": model.loss_terms(latents, labels, generator, drop_labels=False)}
        elif model.kind == "pixelcnn":
            # −log p(x | y) summed over the pixels, nats per image, and the same in bits per dimension.
            nll = model.pixel_nll(images, labels).flatten(1).sum(dim=1)
            batch = {"nll": nll, "bpd": nll / (images[0].numel() * math.log(2))}
        else:
            raise ValueError(f"no evaluation for model kind {model.kind!r}")
        for name, values in batch.items():
            sums[name] = sums.get(name, 0.0) + values.sum().item()
    return {name: total / len(dataset) for name, total in sums.items()}


HEADLINE_METRIC = {"classifier": "accuracy", "vae": "nelbo", "ae": "l2", "denoiser": "mse", "latent_denoiser": "mse", "pixelcnn": "nll"}


def calibration(probabilities: torch.Tensor, labels: torch.Tensor, bins: int = 15) -> dict[str, float]:
    """How far a classifier's confidence is from its accuracy. probabilities (N, C) rows summing to 1.

    Returns {'accuracy', 'confidence' (mean max p), 'wrong_confidence' (mean max p where wrong; nan if
    never wrong), 'ece'}: the expected calibration error, Σ_b (n_b / N)·|accuracy_b − confidence_b| over
    `bins` equal-width confidence bins (Guo et al. 2017)."""
    confidence, predicted = probabilities.max(dim=1)
    correct = (predicted == labels).float()
    edges = torch.linspace(0, 1, bins + 1)
    ece = 0.0
    for low, high in zip(edges[:-1], edges[1:]):
        inside = (confidence > low) & (confidence <= high)
        if inside.any():
            gap = correct[inside].mean().item() - confidence[inside].mean().item()
            ece += inside.float().mean().item() * abs(gap)
    wrong = correct == 0
    return {"accuracy": correct.mean().item(), "confidence": confidence.mean().item(),
            "wrong_confidence": confidence[wrong].mean().item() if wrong.any() else float("nan"), "ece": ece}
