"""PCA, the lecture's example of dimensionality reduction, on 2-D toy points and on 28x28 images.

    x ≈ x̂_k = mean + Σ_{j=1…k} ((x − mean)·u_j) u_j      with u_j the j-th principal direction

With all components the reconstruction is exact; the first few carry most of the variance.
"""
from __future__ import annotations

import functools

import numpy as np
from sklearn.decomposition import PCA

from lab.examples import load_examples
from lab.messages import Refused


def principal_axes(points: np.ndarray) -> dict[str, np.ndarray]:
    """2-D points -> {'mean' (2,), 'components' (2, 2) rows = directions, 'variances' (2,)}."""
    pca = PCA(n_components=2).fit(points)
    return {"mean": pca.mean_, "components": pca.components_, "variances": pca.explained_variance_}


@functools.cache
def image_pca(dataset: str) -> dict[str, np.ndarray]:
    """All 784 principal components of the shipped training images (first 4,000):
    {'mean' (784,), 'components' (784, 784), 'explained' (784,) variance ratios}."""
    images = load_examples(dataset, "train").images[:4000].flatten(1).numpy().astype(np.float64)
    pca = PCA(n_components=784, svd_solver="full").fit(images)
    return {"mean": pca.mean_, "components": pca.components_, "explained": pca.explained_variance_ratio_}


def reconstruct(dataset: str, image28: np.ndarray, k: int) -> np.ndarray:
    """An image rebuilt from its first k principal components, (28, 28) (not clipped: it can leave [0, 1])."""
    fitted = image_pca(dataset)
    if not 0 <= k <= len(fitted["components"]):
        raise Refused("between", name="k", low=0, high=len(fitted["components"]), value=k)
    centred = np.asarray(image28, np.float64).reshape(-1) - fitted["mean"]
    directions = fitted["components"][:k]                        # (k, 784)
    return (fitted["mean"] + (directions @ centred) @ directions).reshape(28, 28)
