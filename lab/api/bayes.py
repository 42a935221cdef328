"""Bayes, the model side: the same labelled 2-D points three ways (lecture: discriminative vs generative,
Bayes' rule, supervised vs unsupervised).

Fitted once per (data, density, seed): p(x|y) per class on a grid, a discriminative classifier's p(y|x),
and k-means with the labels hidden. The prior P(y) and the probe point only re-weigh what is fitted:
p(y|x) = p(x|y)·P(y) / p(x), with p(x) = Σ_y p(x|y)·P(y).
"""
from __future__ import annotations

import functools

import numpy as np

from lab.analysis.bayes import (CLASS_DENSITIES, bayes_posterior, class_log_likelihoods, fit_class_densities,
                                fit_discriminative, grid)
from lab.analysis.kmeans import agreement, kmeans_steps
from lab.analysis.toy import TOY_NAMES, make_toy
from lab.messages import Refused

__all__ = ["BAYES_SETS", "CLASS_DENSITIES", "agreement", "bayes_posterior"]
GRID = 70
POINTS = 400
BAYES_SETS = TOY_NAMES   # labelled, two or three classes


@functools.lru_cache(maxsize=32)
def fitted(name: str, kind: str, seed: int) -> dict:
    """Everything that does not depend on the prior or the probe, fitted once per (data, density, seed):
    {'points', 'labels', 'classes', 'xs', 'ys' (the GRID x GRID grid's axes), 'log_likelihoods' (GRID², C)
    log p(x|y) on the grid, 'discriminative_grid' (GRID², C) its p(y|x), 'clusters' (k-means' last step),
    'densities', 'discriminative' (the fitted models, for the probe)}."""
    if name not in BAYES_SETS:
        raise Refused("unknown_choice", name="data set", value=name, choices=BAYES_SETS)
    points, labels = make_toy(name, count=POINTS, seed=seed)
    densities = fit_class_densities(points, labels, kind, seed)
    xs, ys, grid_points = grid(points, GRID)
    discriminative = fit_discriminative(points, labels, seed)
    classes = int(labels.max()) + 1
    clusters = kmeans_steps(points, classes, "k-means++", seed)[-1]   # the labels hidden
    return {"points": points, "labels": labels, "densities": densities, "xs": xs, "ys": ys,
            "grid": grid_points, "log_likelihoods": class_log_likelihoods(densities, grid_points),
            "discriminative": discriminative, "discriminative_grid": discriminative.predict_proba(grid_points),
            "clusters": clusters, "classes": classes}


def probe_terms(fit: dict, priors: np.ndarray, probe: np.ndarray) -> dict:
    """Every term of Bayes' rule at one probe point (1, 2): {'likelihood' (C,) p(x|y), 'posterior' (C,)
    p(y|x), 'evidence' p(x), 'discriminative' (C,) the classifier's p(y|x)}. `priors` sum to 1."""
    log_likelihood = class_log_likelihoods(fit["densities"], probe)           # (1, C)
    posterior, log_evidence = bayes_posterior(log_likelihood, priors)
    return {"likelihood": np.exp(log_likelihood[0]), "posterior": posterior[0],
            "evidence": float(np.exp(log_evidence[0])),
            "discriminative": fit["discriminative"].predict_proba(probe)[0]}


def default_probe(name: str) -> tuple[float, float]:
    """Half-way between the first two classes' means: where the prior decides the most."""
    points, labels = make_toy(name, count=POINTS, seed=0)
    middle = (points[labels == 0].mean(axis=0) + points[labels == 1].mean(axis=0)) / 2
    return round(float(middle[0]), 2), round(float(middle[1]), 2)


def class_count(name: str) -> int:
    return int(make_toy(name, count=20)[1].max()) + 1
