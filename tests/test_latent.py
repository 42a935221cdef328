"""Latent codes, projections and interpolation (the groundwork of the latent explorer)."""
import numpy as np
import pytest

from lab.checkpoints import load_model, shipped_path
from lab.data import DATASET_NAMES
from lab.examples import load_examples
from lab.latent import (PROJECTED_MODELS, encode_codes, fit_pca, interpolate, load_projections,
                        neighbour_latent, pca_inverse, pca_project)

RNG = np.random.default_rng(0)


def test_pca_round_trip_is_exact_on_the_plane():
    codes = RNG.normal(size=(200, 16)).astype(np.float32) * np.linspace(3, 0.1, 16, dtype=np.float32)
    pca = fit_pca(codes)
    points = RNG.normal(size=(5, 2)).astype(np.float32)
    back = pca_project(pca_inverse(points, pca["mean"], pca["components"]), pca["mean"], pca["components"])
    assert np.allclose(back, points, atol=1e-4)
    assert pca["explained"][0] >= pca["explained"][1] > 0


@pytest.mark.parametrize("method", ["linear", "spherical"])
def test_interpolation_endpoints_equal_the_codes(method):
    start, end = RNG.normal(size=16), RNG.normal(size=16)
    path = interpolate(start, end, 16, method)
    assert path.shape == (16, 16)
    assert np.allclose(path[0], start, atol=1e-5) and np.allclose(path[-1], end, atol=1e-5)


def test_slerp_keeps_the_norm_between_the_endpoints_norms():
    start, end = RNG.normal(size=16) * 2.0, -RNG.normal(size=16)
    norms = np.linalg.norm(interpolate(start, end, 32, "spherical"), axis=1)
    low, high = sorted((np.linalg.norm(start), np.linalg.norm(end)))
    assert (norms >= low - 1e-4).all() and (norms <= high + 1e-4).all()
    straight = np.linalg.norm(interpolate(start, end, 32, "linear"), axis=1)
    assert straight.min() < norms.min()  # the straight line cuts through the middle, towards 0


def test_bad_interpolation_arguments_are_value_errors():
    with pytest.raises(ValueError, match="steps"):
        interpolate(np.zeros(2), np.ones(2), 1)
    with pytest.raises(ValueError, match="method"):
        interpolate(np.zeros(2), np.ones(2), 4, "cubic")


def test_neighbour_latent_returns_a_shown_points_own_code():
    embedding, codes = RNG.normal(size=(50, 2)), RNG.normal(size=(50, 16))
    assert np.allclose(neighbour_latent(embedding[7], embedding, codes), codes[7])
    between = neighbour_latent(embedding[7] + 1e-3, embedding, codes)
    assert between.shape == (16,) and np.isfinite(between).all()


@pytest.mark.parametrize("dataset", DATASET_NAMES)
@pytest.mark.parametrize("name", PROJECTED_MODELS)
def test_shipped_projections_match_the_shipped_model(dataset, name):
    projections = load_projections(dataset, name)
    examples = load_examples(dataset)
    assert projections["codes"].shape == (len(examples), 16)
    assert projections["pca"].shape == projections["umap"].shape == (len(examples), 2)
    model, _ = load_model(shipped_path(dataset, name))
    assert np.allclose(encode_codes(model, examples.images[:50]), projections["codes"][:50], atol=1e-4)
