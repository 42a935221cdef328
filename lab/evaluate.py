"""Held-out figures of the trained models: what metrics.json records and the checkpoint test re-checks."""
from __future__ import annotations

import math

import torch

from lab.data import Dataset
from lab.models.vqvae import codebook_perplexity

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
    codes: list[torch.Tensor] = []
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
        elif model.kind == "vqvae":
            # ‖x − x̂‖² through the tokens and −log p(x | z_q); the codes, for the codebook's perplexity.
            terms = model.terms(images)
            batch = {"squared_error": terms["squared_error"], "reconstruction": terms["reconstruction"]}
            codes.append(terms["codes"].cpu())
        elif model.kind == "token_transformer":
            # −log p(t | y) summed over the tokens, nats per image, and bits per token: `images` holds grids.
            nll = model.token_nll(images, labels).sum(dim=1)
            batch = {"nll": nll, "bits_per_token": nll / (images[0].numel() * math.log(2))}
        elif model.kind == "pixelcnn":
            # −log p(x | y) summed over the pixels, nats per image, and the same in bits per dimension.
            nll = model.pixel_nll(images, labels).flatten(1).sum(dim=1)
            batch = {"nll": nll, "bpd": nll / (images[0].numel() * math.log(2))}
        else:
            raise ValueError(f"no evaluation for model kind {model.kind!r}")
        for name, values in batch.items():
            sums[name] = sums.get(name, 0.0) + values.sum().item()
    figures = {name: total / len(dataset) for name, total in sums.items()}
    if codes:
        figures["perplexity"] = codebook_perplexity(torch.cat(codes), model.config.codebook_size)
    return figures


HEADLINE_METRIC = {"classifier": "accuracy", "vae": "nelbo", "ae": "l2", "denoiser": "mse", "latent_denoiser": "mse", "pixelcnn": "nll",
                   "vqvae": "squared_error", "token_transformer": "nll"}


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
