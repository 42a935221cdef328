"""The VAE derived: how likely an image is, log p_θ(x), and why the VAE trains on a bound of it (lecture:
"Variational Autoencoders (ELBO)"). Plain values in and out; see lab.analysis.likelihood for the maths."""
from __future__ import annotations

from typing import Callable

import numpy as np

from lab.analysis.likelihood import estimates_by_sample_count, grid_posterior
from lab.shipped import get_model, image_batch

__all__ = ["estimate_integral", "true_posterior"]


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
    [0, 1] (see lab.analysis.likelihood.grid_posterior for the keys)."""
    return grid_posterior(get_model(dataset, "vae2"), image_batch(image28))
