"""Density estimation on 2-D points, three ways (lecture: unsupervised learning, density estimation).

- histogram: count per bin / (N · bin area), constant inside each bin;
- KDE: p(x) = 1/N Σ_i K_h(x − x_i), a Gaussian bump of bandwidth h on every training point;
- Gaussian mixture: p(x) = Σ_k π_k N(x; μ_k, Σ_k), fitted by EM.

Each is fitted on a training split and scored by its mean log-likelihood on held-out points, so the
comparison has a number; each can also draw new samples.
"""
from __future__ import annotations

import numpy as np
from sklearn.mixture import GaussianMixture
from sklearn.model_selection import GridSearchCV
from sklearn.neighbors import KernelDensity

FLOOR = 1e-12   # a histogram gives zero density outside its bins: floored so log-likelihoods stay finite


class Histogram2D:
    """A 2-D histogram density over the training points' bounding box (slightly padded)."""

    def __init__(self, bins: int = 20):
        self.bins = bins

    def fit(self, points: np.ndarray) -> "Histogram2D":
        low, high = points.min(axis=0), points.max(axis=0)
        pad = (high - low) * 0.05
        counts, self.x_edges, self.y_edges = np.histogram2d(points[:, 0], points[:, 1], bins=self.bins,
                                                            range=[[low[0] - pad[0], high[0] + pad[0]],
                                                                   [low[1] - pad[1], high[1] + pad[1]]])
        area = np.diff(self.x_edges)[0] * np.diff(self.y_edges)[0]
        self.density = counts / (len(points) * area)
        return self

    def score_samples(self, points: np.ndarray) -> np.ndarray:
        """log p(x) per point, (N,)."""
        i = np.searchsorted(self.x_edges, points[:, 0], side="right") - 1
        j = np.searchsorted(self.y_edges, points[:, 1], side="right") - 1
        inside = (i >= 0) & (i < self.bins) & (j >= 0) & (j < self.bins)
        values = np.full(len(points), FLOOR)
        values[inside] = np.maximum(self.density[i[inside], j[inside]], FLOOR)
        return np.log(values)

    def sample(self, count: int, seed: int = 0) -> np.ndarray:
        """Pick bins by their mass, then a uniform point inside each."""
        rng = np.random.default_rng(seed)
        mass = self.density.ravel() / self.density.sum()
        cells = rng.choice(len(mass), count, p=mass)
        i, j = np.unravel_index(cells, self.density.shape)
        x = self.x_edges[i] + rng.random(count) * np.diff(self.x_edges)[0]
        y = self.y_edges[j] + rng.random(count) * np.diff(self.y_edges)[0]
        return np.stack([x, y], axis=1)


def best_bandwidth(points: np.ndarray, seed: int = 0) -> float:
    """The KDE bandwidth with the best 5-fold cross-validated log-likelihood, from a log-spaced grid."""
    grid = GridSearchCV(KernelDensity(kernel="gaussian"), {"bandwidth": np.logspace(-1.5, 0.7, 16)}, cv=5)
    return float(grid.fit(points).best_params_["bandwidth"])


def fit_densities(train: np.ndarray, bins: int = 20, bandwidth: float = 0.3, components: int = 3,
                  covariance: str = "full", seed: int = 0) -> dict:
    """The three estimators fitted on the same training points: {'histogram', 'kde', 'gmm'}."""
    return {"histogram": Histogram2D(bins).fit(train),
            "kde": KernelDensity(kernel="gaussian", bandwidth=bandwidth).fit(train),
            "gmm": GaussianMixture(components, covariance_type=covariance, random_state=seed).fit(train)}


def density_grid(model, low: np.ndarray, high: np.ndarray, size: int = 80) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """p(x) on a size×size grid over [low, high]: (xs (size,), ys (size,), density (size, size) rows = y)."""
    xs, ys = np.linspace(low[0], high[0], size), np.linspace(low[1], high[1], size)
    grid_x, grid_y = np.meshgrid(xs, ys)
    density = np.exp(model.score_samples(np.column_stack([grid_x.ravel(), grid_y.ravel()])))
    return xs, ys, density.reshape(size, size)


def draw_samples(model, count: int, seed: int = 0) -> np.ndarray:
    """New points from a fitted density, (count, 2)."""
    if isinstance(model, GaussianMixture):
        model.random_state = seed
        return model.sample(count)[0]
    if isinstance(model, KernelDensity):
        return model.sample(count, random_state=seed)
    return model.sample(count, seed)


# 1-D: the same three estimators on a line, next to the true density the points came from.
MIXTURE_1D = {"weights": [0.5, 0.3, 0.2], "means": [-2.0, 1.0, 3.5], "stds": [0.6, 0.4, 1.0]}


def make_mixture_1d(count: int = 500, seed: int = 0) -> np.ndarray:
    """(count, 1) points from MIXTURE_1D, a fixed mixture of three Gaussians."""
    rng = np.random.default_rng(seed)
    which = rng.choice(3, size=count, p=MIXTURE_1D["weights"])
    values = rng.normal(np.take(MIXTURE_1D["means"], which), np.take(MIXTURE_1D["stds"], which))
    return values[:, None].astype(np.float64)


def true_density_1d(xs: np.ndarray) -> np.ndarray:
    """The density MIXTURE_1D's points were drawn from, at xs (M,)."""
    weights, means, stds = (np.asarray(MIXTURE_1D[key])[:, None] for key in ("weights", "means", "stds"))
    return (weights * np.exp(-0.5 * ((xs[None] - means) / stds) ** 2) / (stds * np.sqrt(2 * np.pi))).sum(0)


class Histogram1D:
    """A 1-D histogram density: count per bin / (N · bin width), over the training range."""

    def __init__(self, bins: int = 20):
        self.bins = bins

    def fit(self, points: np.ndarray) -> "Histogram1D":
        counts, self.edges = np.histogram(points[:, 0], bins=self.bins)
        self.density = counts / (len(points) * np.diff(self.edges)[0])
        return self

    def score_samples(self, points: np.ndarray) -> np.ndarray:
        """log p(x) per point, (N,)."""
        index = np.searchsorted(self.edges, points[:, 0], side="right") - 1
        index[points[:, 0] == self.edges[-1]] = self.bins - 1   # the last bin includes its right edge
        inside = (index >= 0) & (index < self.bins)
        values = np.full(len(points), FLOOR)
        values[inside] = np.maximum(self.density[index[inside]], FLOOR)
        return np.log(values)


def fit_densities_1d(train: np.ndarray, bins: int = 20, bandwidth: float = 0.3, components: int = 3,
                     seed: int = 0) -> dict:
    """The three estimators on (N, 1) points: {'histogram', 'kde', 'gmm'}."""
    return {"histogram": Histogram1D(bins).fit(train),
            "kde": KernelDensity(kernel="gaussian", bandwidth=bandwidth).fit(train),
            "gmm": GaussianMixture(components, random_state=seed).fit(train)}
