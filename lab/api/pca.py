"""PCA, the model side: principal axes of 2-D toy points, and images rebuilt from their first k
components (lecture: unsupervised learning, dimensionality reduction)."""
from __future__ import annotations

import numpy as np

from lab.analysis.pca import image_pca, principal_axes, reconstruct
from lab.analysis.toy import TOY_NAMES, make_toy

__all__ = ["TOY_NAMES"]
SHOWN_COMPONENTS = 7
CURVE_LENGTH = 100


def toy_axes(name: str) -> dict[str, np.ndarray]:
    """A toy set's points and principal axes: {'points' (N, 2), 'mean' (2,), 'components' (2, 2),
    'variances' (2,)}."""
    points, _ = make_toy(name, seed=0)
    return {"points": points, **principal_axes(points)}


def components(dataset: str) -> dict:
    """The mean image and the first components, each rescaled to [0, 1] with grey = 0 (so their sign shows):
    {'pictures' (8, 28, 28), 'cumulative' (the first 100 cumulative explained-variance ratios)}."""
    fitted = image_pca(dataset)
    pictures = [fitted["mean"].reshape(28, 28)]
    for component in fitted["components"][:SHOWN_COMPONENTS]:
        scale = np.abs(component).max() or 1.0
        pictures.append((component / scale * 0.5 + 0.5).reshape(28, 28))   # grey = 0, white +, black −
    return {"pictures": np.stack(pictures), "cumulative": np.cumsum(fitted["explained"])[:CURVE_LENGTH].tolist()}


def rebuild(dataset: str, image28: np.ndarray, k: int) -> dict:
    """An image from its first k components: {'rebuilt' (28, 28) clipped to [0, 1], 'explained' (the
    variance ratio those k carry), 'error' ‖x − x̂‖² (before clipping)}."""
    rebuilt = reconstruct(dataset, image28, k)
    return {"rebuilt": np.clip(rebuilt, 0, 1), "explained": float(image_pca(dataset)["explained"][:k].sum()),
            "error": float(np.square(rebuilt - np.asarray(image28, np.float64)).sum())}
