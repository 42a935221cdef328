"""Latent diffusion's first stage: the frozen 16-d VAE that maps images to latents and back.

Lecture, "Latent diffusion": encoder E(x) = z, diffusion on z with E frozen, decoder D(z) = x̂. Here E gives
the posterior q(z|x) = N(μ, σ²); training draws z from it, the UI encodes with μ. Latents are multiplied
by a scale factor (1/std of the training latents, Rombach et al. 2022, §4.3.2 and their appendix) so the
diffusion's noise schedule, which assumes unit variance, fits them.

    diffused = scale · z        z = diffused / scale        x̂ = sigmoid(D(z))
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import torch


def file_sha256(path: str | Path) -> str:
    """The hex digest of a file: ties a latent denoiser to the exact VAE weights it was trained on."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@torch.inference_mode()
def posterior_parameters(vae, images: torch.Tensor, batch_size: int = 500) -> torch.Tensor:
    """(N, 1, 28, 28) in [0, 1] -> (N, 2·latent_dim): μ and log σ² side by side, on the CPU."""
    device = next(vae.parameters()).device
    parts = [torch.cat(vae.encode(images[start: start + batch_size].to(device)), dim=1).cpu()
             for start in range(0, len(images), batch_size)]
    return torch.cat(parts)


def encode_dataset(vae, dataset):
    """A Dataset of images -> the same labels with (N, 2·d) posteriors in place of the images: what the
    latent denoiser trains and is evaluated on."""
    from lab.data import Dataset

    return Dataset(posterior_parameters(vae, dataset.images), dataset.labels, dataset.class_names)


def latent_scale(posterior: torch.Tensor, seed: int = 0) -> float:
    """1 / std of z ~ q(z|x) over a set of posteriors (N, 2·d): the factor that gives unit variance."""
    mean, log_variance = posterior.chunk(2, dim=1)
    noise = torch.randn(mean.shape, generator=torch.Generator().manual_seed(seed))
    return float(1.0 / (mean + torch.exp(0.5 * log_variance) * noise).std())


@torch.inference_mode()
def encode(vae, images: torch.Tensor, scale: float) -> torch.Tensor:
    """(B, 1, 28, 28) in [0, 1] -> scaled latents (B, d): scale · μ."""
    return scale * vae.encode(images)[0]


@torch.inference_mode()
def decode(vae, latents: torch.Tensor, scale: float) -> torch.Tensor:
    """Scaled latents (B, d) -> images (B, 1, 28, 28) in [0, 1]: sigmoid(D(latents / scale))."""
    return torch.sigmoid(vae.decode(latents / scale))
