"""k-means, the model side: a whole run recorded step by step, the elbow curve and the agreement with the
true labels (lecture: unsupervised learning, clustering)."""
from __future__ import annotations

import numpy as np

from lab.analysis.kmeans import INITS, agreement, elbow, kmeans_steps
from lab.analysis.sources import DRAWN, SOURCE_NAMES, load_points

__all__ = ["DRAWN", "INITS", "SOURCE_NAMES", "agreement"]
ELBOW_KS = range(1, 11)


def run_kmeans(name: str, k: int, init: str, seed: int, pad_image: np.ndarray | None = None) -> dict:
    """Every step of k-means on the source's points: {'points' (N, 2), 'labels' (N,) or None for drawn
    points, 'states' [{'centroids', 'assignments', 'inertia'}, …], 'k', 'elbow' (inertia for k = 1…10)}.

    `pad_image` is the point pad's picture, read when the source is "drawn". Raises ValueError for an
    empty pad or more clusters than points."""
    points, labels = load_points(name, seed, pad_image)
    states = kmeans_steps(points, k, init, seed)
    return {"points": points, "labels": labels, "states": states, "k": k,
            "elbow": elbow(points, ELBOW_KS, seed), "elbow_ks": list(ELBOW_KS)}
