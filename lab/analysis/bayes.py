"""Discriminative vs generative classification on 2-D points, and Bayes' rule with a prior you can move.

Lecture, "Discriminativo vs generativo":
- a discriminative model learns p(y|x) directly (here: logistic regression on cubic features of x);
- a generative model learns p(x|y) per class (here: a Gaussian, or a small Gaussian mixture, per class) and
  gets the rest from Bayes' rule:  p(y|x) = p(x|y)·P(y) / p(x),  with  p(x) = Σ_y p(x|y)·P(y).
Moving the prior P(y) moves the generative posterior; the discriminative one has no prior to move.
Everything is computed in log space (log-sum-exp) so far-away points do not underflow to 0/0.
"""
from __future__ import annotations

import numpy as np
from scipy.special import logsumexp
from sklearn.linear_model import LogisticRegression
from sklearn.mixture import GaussianMixture
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import PolynomialFeatures, StandardScaler

from lab.messages import Refused

CLASS_DENSITIES = ("gaussian", "mixture")


def fit_class_densities(points: np.ndarray, labels: np.ndarray, kind: str = "gaussian",
                        seed: int = 0) -> list[GaussianMixture]:
    """One density p(x|y) per class (classes 0 … C−1): a full-covariance Gaussian, or a 4-component mixture."""
    if kind not in CLASS_DENSITIES:
        raise Refused("unknown_choice", name="class density", value=kind, choices=CLASS_DENSITIES)
    components = 1 if kind == "gaussian" else 4
    return [GaussianMixture(components, covariance_type="full", random_state=seed).fit(points[labels == c])
            for c in range(int(labels.max()) + 1)]


def class_log_likelihoods(densities: list[GaussianMixture], points: np.ndarray) -> np.ndarray:
    """log p(x|y) for every point and class, (N, C)."""
    return np.stack([density.score_samples(points) for density in densities], axis=1)


def bayes_posterior(log_likelihoods: np.ndarray, priors) -> tuple[np.ndarray, np.ndarray]:
    """Bayes' rule: (posterior p(y|x) (N, C), rows summing to 1; log evidence log p(x) (N,)).

    priors: P(y), (C,) non-negative, normalised here (so a slider may give any positive numbers)."""
    priors = np.asarray(priors, np.float64)
    if priors.shape != (log_likelihoods.shape[1],) or np.any(priors < 0) or priors.sum() <= 0:
        raise Refused("prior_weights", count=log_likelihoods.shape[1], priors=priors.tolist())
    with np.errstate(divide="ignore"):   # a prior of 0 is allowed: log 0 = −∞ gives that class 0 posterior
        log_joint = log_likelihoods + np.log(priors / priors.sum())   # log p(x|y) + log P(y)
    log_evidence = logsumexp(log_joint, axis=1)                        # log p(x)
    return np.exp(log_joint - log_evidence[:, None]), log_evidence


def fit_discriminative(points: np.ndarray, labels: np.ndarray, seed: int = 0):
    """p(y|x) learned directly: logistic regression on the cubic polynomial features of (x1, x2)."""
    model = make_pipeline(PolynomialFeatures(3), StandardScaler(), LogisticRegression(C=10.0, max_iter=2000,
                                                                                       random_state=seed))
    return model.fit(points, labels)


def grid(points: np.ndarray, size: int = 80, pad: float = 0.6) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A size×size grid over the points' box: (xs (size,), ys (size,), grid points (size², 2), row-major in y)."""
    low, high = points.min(axis=0) - pad, points.max(axis=0) + pad
    xs, ys = np.linspace(low[0], high[0], size), np.linspace(low[1], high[1], size)
    xx, yy = np.meshgrid(xs, ys)
    return xs, ys, np.stack([xx.ravel(), yy.ravel()], axis=1)
