"""Densities, the model side: histogram, KDE and a Gaussian mixture fitted to the same points, each scored
by its mean log-likelihood on training and held-out points; the same on a known 1-D mixture; and new 8x8
digits from a KDE in PCA space (lecture: unsupervised learning, density estimation)."""
from __future__ import annotations

import numpy as np

from lab.analysis.density import (best_bandwidth, density_grid, draw_samples, fit_densities, fit_densities_1d,
                                  make_mixture_1d, true_density_1d)
from lab.analysis.pca_kde import generate_digits
from lab.analysis.sources import DRAWN, SOURCE_NAMES, load_points

__all__ = ["DRAWN", "SOURCE_NAMES", "generate_digits"]
HELD_OUT = 0.3   # share of the points kept out of fitting, to score each density on
COVARIANCES = ("full", "diag", "spherical", "tied")
POINTS = 800


def split(points: np.ndarray, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """(training, held-out) points, a random HELD_OUT share held out."""
    order = np.random.default_rng(seed).permutation(len(points))
    cut = int(len(points) * (1 - HELD_OUT))
    return points[order[:cut]], points[order[cut:]]


def source_points(name: str, seed: int, pad_image: np.ndarray | None = None) -> np.ndarray:
    """The source's 2-D points (the point pad's picture when the source is "drawn"). Raises ValueError
    for an empty pad."""
    return load_points(name, seed, pad_image, count=POINTS)[0]


def compare_2d(points: np.ndarray, bins: int, bandwidth: float, components: int, covariance: str, seed: int,
               samples: int = 0) -> dict:
    """The three densities fitted to 70 % of `points`: {'train' (N, 2), 'fits': {key: {'xs', 'ys', 'density'
    (60, 60) on a grid, 'train_ll', 'held_out_ll' (mean log-likelihoods), 'samples' (samples, 2) or None}}}
    with keys histogram, kde, gmm."""
    train, held_out = split(points, seed)
    models = fit_densities(train, bins, bandwidth, components, covariance, seed)
    low, high = train.min(axis=0) - 0.5, train.max(axis=0) + 0.5
    fits = {}
    for key, model in models.items():
        xs, ys, density = density_grid(model, low, high, size=60)
        fits[key] = {"xs": xs, "ys": ys, "density": density, "train_ll": float(model.score_samples(train).mean()),
                     "held_out_ll": float(model.score_samples(held_out).mean()),
                     "samples": draw_samples(model, samples, seed) if samples else None}
    return {"train": train, "fits": fits}


def compare_1d(bins: int, bandwidth: float, components: int, seed: int) -> dict:
    """The same three estimators on 500 points of a known 1-D mixture: {'xs' (400,), 'curves' {key: density},
    'truth' (400,), 'train' (N,), 'scores' {key or 'truth': (train_ll, held_out_ll)}}."""
    train, held_out = split(make_mixture_1d(500, seed), seed)
    models = fit_densities_1d(train, bins, bandwidth, components, seed)
    xs = np.linspace(-5, 8, 400)
    scores = {key: (float(model.score_samples(train).mean()), float(model.score_samples(held_out).mean()))
              for key, model in models.items()}
    scores["truth"] = (float(np.log(true_density_1d(train[:, 0])).mean()),
                       float(np.log(true_density_1d(held_out[:, 0])).mean()))
    return {"xs": xs, "curves": {key: np.exp(model.score_samples(xs[:, None])) for key, model in models.items()},
            "truth": true_density_1d(xs), "train": train[:, 0], "scores": scores}


def cross_validated_bandwidth(points: np.ndarray, seed: int) -> float:
    """The KDE bandwidth 5-fold cross-validation picks on the training share of `points`."""
    return round(best_bandwidth(split(points, seed)[0]), 3)
