"""One density, several models: the sandbox's diffusion and flow models next to the Densities tab's KDE and
Gaussian mixture on the same points, all scored by held-out negative log-likelihood in nats per point; and
how many sampling steps each of the two generative models needs to match the data.

The KDE's bandwidth is cross-validated on the training points (as the Densities tab does on request), the
mixture has MIXTURE_COMPONENTS full-covariance Gaussians; the diffusion and flow models' likelihoods come
from the probability-flow ODE (`lab.sandbox.likelihood`), the only exact one a diffusion model has.
"""
from __future__ import annotations

import numpy as np
import torch
from sklearn.mixture import GaussianMixture
from sklearn.neighbors import KernelDensity

from lab.analysis.density import best_bandwidth, density_grid
from lab.sandbox.likelihood import negative_log_likelihood
from lab.sandbox.metrics import mmd_ratio
from lab.sandbox.samplers import DEFAULT_STEPS, SAMPLERS, sample

MIXTURE_COMPONENTS = 12
SCORED_POINTS = 2_000      # held-out points scored (and samples drawn) per figure
STEP_COUNTS = (1, 2, 4, 8, 16, 32, 64)
GOOD_ENOUGH = 1.5          # an MMD ratio at or under this "matches the data"


def model_name(sampler: str) -> str:
    """Which model a sampler runs: the flow for "flow", the diffusion model for the others."""
    return "flow" if sampler == "flow" else "diffusion"


def samplers_side_by_side(models: dict, held_out: np.ndarray, seed: int = 0) -> dict:
    """Each sampler whose model is in `models` ('diffusion', 'flow') at its default steps, all from the same
    SCORED_POINTS noise points: {sampler: {'samples' (SCORED_POINTS, 2), 'ratio' (MMD ratio), 'steps'}}."""
    start = torch.randn(SCORED_POINTS, 2, generator=torch.Generator().manual_seed(seed))
    results = {}
    for sampler in SAMPLERS:
        if model_name(sampler) not in models:
            continue
        samples = sample(models[model_name(sampler)], sampler, start, DEFAULT_STEPS[sampler], seed)[-1].numpy()
        results[sampler] = {"samples": samples, "ratio": mmd_ratio(samples, held_out), "steps": DEFAULT_STEPS[sampler]}
    return results


def classic_densities(train: np.ndarray, seed: int = 0) -> dict:
    """The KDE (cross-validated bandwidth on up to 2,000 training points) and the Gaussian mixture, fitted."""
    subset = train[np.random.default_rng(seed).permutation(len(train))[:SCORED_POINTS]]
    bandwidth = best_bandwidth(subset, seed)
    return {"kde": KernelDensity(kernel="gaussian", bandwidth=bandwidth).fit(train),
            "gmm": GaussianMixture(MIXTURE_COMPONENTS, covariance_type="full", random_state=seed).fit(train),
            "bandwidth": bandwidth}


def held_out_nll(train: np.ndarray, held_out: np.ndarray, models: dict, seed: int = 0) -> dict:
    """{'kde', 'gmm', 'diffusion', 'flow' (those in `models`): mean −log p per held-out point, nats;
    'bandwidth'; 'grids': {'kde', 'gmm': (xs, ys, density)} over the points' box for the contours}."""
    scored = held_out[:SCORED_POINTS]
    classic = classic_densities(train, seed)
    low, high = train.min(0) - 0.3, train.max(0) + 0.3
    figures = {"bandwidth": classic["bandwidth"], "grids": {}}
    for key in ("kde", "gmm"):
        figures[key] = float(-classic[key].score_samples(scored).mean())
        figures["grids"][key] = density_grid(classic[key], low, high, size=60)
    for key, model in models.items():
        figures[key] = float(negative_log_likelihood(model, torch.as_tensor(scored)).mean())
    return figures


def steps_needed(models: dict, held_out: np.ndarray, seed: int = 0) -> dict:
    """For each model ('diffusion' sampled by DDIM, 'flow' by Euler): {'steps': STEP_COUNTS, 'ratio': MMD
    ratios, 'needed': the fewest steps at or under GOOD_ENOUGH, None if none}, from the same noise."""
    start = torch.randn(SCORED_POINTS, 2, generator=torch.Generator().manual_seed(seed))
    sampler = {"diffusion": "ddim", "flow": "flow"}
    results = {}
    for key, model in models.items():
        ratios = [mmd_ratio(sample(model, sampler[key], start, steps)[-1].numpy(), held_out)
                  for steps in STEP_COUNTS]
        needed = next((steps for steps, ratio in zip(STEP_COUNTS, ratios) if ratio <= GOOD_ENOUGH), None)
        results[key] = {"steps": list(STEP_COUNTS), "ratio": ratios, "needed": needed}
    return results
