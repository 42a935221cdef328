"""k-means, step by step (Lloyd's algorithm), so each assignment and update can be shown.

    assignment:  c_i = argmin_k ‖x_i − μ_k‖²
    update:      μ_k = mean of the points assigned to k
    inertia:     Σ_i ‖x_i − μ_{c_i}‖²   (never increases from one step to the next)

The same initial centroids given to scikit-learn's KMeans (n_init=1, algorithm="lloyd") end at the same
solution; tests check it.
"""
from __future__ import annotations

import numpy as np
from sklearn.cluster import KMeans, kmeans_plusplus
from sklearn.metrics import adjusted_rand_score

from lab.messages import Refused

INITS = ("k-means++", "random")


def initial_centroids(points: np.ndarray, k: int, init: str = "k-means++", seed: int = 0) -> np.ndarray:
    """k starting centroids (k, 2): k-means++ (spread out, by D² sampling) or k random data points."""
    if not 1 <= k <= len(points):
        raise Refused("between", name="k", low=1, high=len(points), value=k)
    if init == "k-means++":
        centroids, _ = kmeans_plusplus(points.astype(np.float64), k, random_state=seed)
        return centroids
    if init == "random":
        return points[np.random.default_rng(seed).choice(len(points), k, replace=False)].astype(np.float64)
    raise Refused("unknown_choice", name="init", value=init, choices=INITS)


def kmeans_steps(points: np.ndarray, k: int, init: str = "k-means++", seed: int = 0,
                 max_iterations: int = 50) -> list[dict]:
    """Every state of Lloyd's algorithm until nothing moves: a list of {'centroids' (k, 2),
    'assignments' (N,), 'inertia'}, starting with the initial centroids' assignment."""
    points = np.asarray(points, np.float64)
    centroids = initial_centroids(points, k, init, seed)
    states = []
    for _ in range(max_iterations + 1):
        squared = ((points[:, None, :] - centroids[None]) ** 2).sum(axis=2)       # (N, k)
        assignments = squared.argmin(axis=1)
        states.append({"centroids": centroids.copy(), "assignments": assignments,
                       "inertia": float(squared[np.arange(len(points)), assignments].sum())})
        # An empty cluster keeps its centroid (scikit-learn relocates it; with k-means++ it rarely happens).
        updated = np.array([points[assignments == j].mean(axis=0) if (assignments == j).any() else centroids[j]
                            for j in range(k)])
        if np.allclose(updated, centroids):
            break
        centroids = updated
    return states


def sklearn_solution(points: np.ndarray, start: np.ndarray) -> KMeans:
    """scikit-learn's k-means from the same starting centroids (the reference for the step-through)."""
    return KMeans(len(start), init=start, n_init=1, algorithm="lloyd", tol=0, max_iter=300).fit(
        np.asarray(points, np.float64))


def elbow(points: np.ndarray, ks=range(1, 11), seed: int = 0) -> list[float]:
    """Final inertia for each k (one k-means++ start each: k-means++ seeding makes restarts rarely matter,
    and one start keeps the handler fast): the elbow plot's curve."""
    return [float(KMeans(k, n_init=1, random_state=seed).fit(points).inertia_) for k in ks]


def agreement(labels: np.ndarray, assignments: np.ndarray) -> float:
    """Adjusted Rand index between true labels and clusters: 1 identical partitions, about 0 chance."""
    return float(adjusted_rand_score(labels, assignments))
