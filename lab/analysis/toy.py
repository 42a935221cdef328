"""Built-in 2-D toy datasets for the foundations tabs (lecture: unsupervised learning, "only x, no labels").

Each returns points (N, 2) float32 and the labels that generated them (N,) int64, from scikit-learn's
generators with an explicit seed.
"""
from __future__ import annotations

import numpy as np
from sklearn import datasets

from lab.messages import Refused

TOY_NAMES = ("blobs", "anisotropic", "moons", "circles", "unequal")
CENTERS = [[-5.0, -2.0], [0.0, 5.0], [5.0, -2.0]]   # fixed, well apart: the seed moves only the points


def make_toy(name: str, count: int = 600, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """A 2-D toy set by name: blobs, anisotropic (stretched blobs), moons, circles, unequal (spreads)."""
    if name == "blobs":
        points, labels = datasets.make_blobs(count, centers=CENTERS, cluster_std=1.0, random_state=seed)
    elif name == "anisotropic":
        points, labels = datasets.make_blobs(count, centers=3, random_state=seed)
        points = points @ np.array([[0.6, -0.64], [-0.41, 0.85]])   # a shear: clusters become ellipses
    elif name == "moons":
        points, labels = datasets.make_moons(count, noise=0.07, random_state=seed)
    elif name == "circles":
        points, labels = datasets.make_circles(count, noise=0.05, factor=0.45, random_state=seed)
    elif name == "unequal":
        points, labels = datasets.make_blobs(count, centers=CENTERS, cluster_std=[0.4, 1.2, 2.4],
                                             random_state=seed)
    else:
        raise Refused("unknown_choice", name="toy dataset", value=name, choices=TOY_NAMES)
    return points.astype(np.float32), labels.astype(np.int64)
