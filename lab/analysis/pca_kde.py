"""New digits from a density: a KDE fitted in PCA space, sampled and mapped back to pixels.

Lecture: a density model p(x) can generate, not only score. In 64 pixel dimensions a KDE needs far more
points than 1,797 digits, so (as scikit-learn's gallery does) the digits are first projected onto their
first k principal components, the KDE is fitted there with a cross-validated bandwidth, and its samples
are mapped back with the PCA's inverse. Each sample is shown with its nearest training digit, to see
whether the KDE invents or copies (with a small bandwidth it copies: every bump sits on a training point).
"""
from __future__ import annotations

import functools

import numpy as np
from sklearn.datasets import load_digits
from sklearn.decomposition import PCA
from sklearn.model_selection import GridSearchCV
from sklearn.neighbors import KernelDensity

from lab.messages import Refused


@functools.cache
def _digits() -> np.ndarray:
    return load_digits().data / 16.0          # (1797, 64) in [0, 1]


@functools.cache
def fit_pca_kde(components: int) -> tuple[PCA, float]:
    """PCA with `components` components on the 8x8 digits, and the KDE bandwidth 5-fold CV picks there."""
    if not 1 <= components <= 64:
        raise Refused("between", name="components", low=1, high=64, value=components)
    pca = PCA(n_components=components, whiten=False, random_state=0).fit(_digits())
    search = GridSearchCV(KernelDensity(), {"bandwidth": np.logspace(-1.5, 0.5, 12)}, cv=5)
    search.fit(pca.transform(_digits()))
    return pca, float(search.best_params_["bandwidth"])


def generate_digits(components: int = 15, bandwidth: float | None = None, count: int = 16,
                    seed: int = 0) -> dict:
    """Sample `count` digits from the KDE in PCA space.

    Returns {'samples': (count, 8, 8), 'nearest': (count, 8, 8) nearest training digits, both in [0, 1],
    'bandwidth': the bandwidth used, 'cv_bandwidth': the cross-validated one, 'explained': the share of
    variance the components keep}. bandwidth None uses the cross-validated one."""
    pca, cv_bandwidth = fit_pca_kde(int(components))
    used = cv_bandwidth if bandwidth is None else float(bandwidth)
    if used <= 0:
        raise Refused("positive", name="bandwidth", value=used)
    kde = KernelDensity(bandwidth=used).fit(pca.transform(_digits()))
    samples = np.clip(pca.inverse_transform(kde.sample(count, random_state=seed)), 0, 1)
    distances = ((samples[:, None] - _digits()[None]) ** 2).sum(-1)      # (count, 1797)
    nearest = _digits()[distances.argmin(axis=1)]
    return {"samples": samples.reshape(count, 8, 8), "nearest": nearest.reshape(count, 8, 8),
            "bandwidth": used, "cv_bandwidth": cv_bandwidth,
            "explained": float(pca.explained_variance_ratio_.sum())}
