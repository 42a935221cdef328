"""Density estimates: each integrates to about 1, scores held-out points, and samples."""
import numpy as np
import pytest

from lab.analysis.density import best_bandwidth, density_grid, draw_samples, fit_densities
from lab.analysis.toy import make_toy


@pytest.fixture(scope="module")
def fitted():
    points, _ = make_toy("moons", count=500, seed=0)
    return points, fit_densities(points, bins=20, bandwidth=0.1, components=6)


@pytest.mark.parametrize("name", ["histogram", "kde", "gmm"])
def test_density_integrates_to_about_one(fitted, name):
    points, models = fitted
    low, high = points.min(axis=0) - 1.5, points.max(axis=0) + 1.5
    xs, ys, density = density_grid(models[name], low, high, size=200)
    mass = density.sum() * (xs[1] - xs[0]) * (ys[1] - ys[0])
    assert mass == pytest.approx(1.0, abs=0.05)


@pytest.mark.parametrize("name", ["histogram", "kde", "gmm"])
def test_samples_fall_where_the_density_is(fitted, name):
    points, models = fitted
    samples = draw_samples(models[name], 200, seed=1)
    assert samples.shape == (200, 2)
    assert np.median(models[name].score_samples(samples)) > np.log(1e-3)


def test_cross_validated_bandwidth_is_inside_the_grid():
    points, _ = make_toy("blobs", count=300, seed=0)
    assert 10 ** -1.5 <= best_bandwidth(points) <= 10 ** 0.7
