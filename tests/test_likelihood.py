"""log p_θ(x) under the shipped VAEs: the grid's true posterior, the identity's terms and the estimators."""
import math

import numpy as np
import pytest
import torch

from lab.analysis.likelihood import (bits_per_dimension, estimates_by_sample_count, grid_posterior,
                                     importance_log_likelihood, naive_log_likelihood)
from lab.examples import example_images
from lab.shipped import get_model, image_batch


@pytest.fixture(scope="module")
def digits():
    return [image_batch(image) for image, _ in example_images("mnist", per_class=1)]


@pytest.fixture(scope="module")
def grids(digits):
    vae = get_model("mnist", "vae2")
    return [grid_posterior(vae, image) for image in digits]


def test_the_grid_posterior_is_a_density_that_integrates_to_one(grids):
    for grid in grids:
        assert grid["posterior"].min() >= 0
        assert grid["posterior"].sum() * grid["cell_area"] == pytest.approx(1.0, abs=1e-6)


def test_log_p_is_at_least_the_elbo_and_the_gap_is_the_kl_to_the_true_posterior(grids):
    for grid in grids:
        assert grid["log_px"] >= grid["elbo"]                               # the gap is a KL: ≥ 0
        assert grid["kl_posterior"] == pytest.approx(grid["kl_posterior_direct"], abs=0.02)
        assert grid["elbo"] == pytest.approx(grid["reconstruction"] - grid["kl_prior"])


def test_the_grid_agrees_with_importance_sampling_from_below(digits, grids):
    vae, generator = get_model("mnist", "vae2"), torch.Generator().manual_seed(0)
    for image, grid in zip(digits[:4], grids[:4]):
        # An importance-weighted estimate is a lower bound in expectation; one draw of 2,000 exceeds the
        # truth by far less than 0.2 nats.
        assert importance_log_likelihood(vae, image, 2000, generator) <= grid["log_px"] + 0.2


def test_the_grid_needs_a_two_dimensional_latent(digits):
    with pytest.raises(ValueError, match="2-d latent"):
        grid_posterior(get_model("mnist", "vae16"), digits[0])


def test_more_importance_samples_do_not_lower_the_estimate_on_average(digits):
    vae = get_model("mnist", "vae16")
    for image in digits[:2]:
        # One draw of K = 1 (the ELBO's estimate) wanders by nats: 100 repeats pin its mean down.
        estimates = estimates_by_sample_count(vae, image, [1, 4, 32], repeats=100, seed=1)
        means = estimates["importance"].mean(axis=1)
        assert means[0] <= means[1] + 0.05 and means[1] <= means[2] + 0.05
        assert estimates["importance"][2].std() < estimates["importance"][0].std()   # and wanders less


def test_sampling_from_the_prior_misses_where_the_16d_posterior_is(digits):
    vae, generator = get_model("mnist", "vae16"), torch.Generator().manual_seed(0)
    naive = naive_log_likelihood(vae, digits[1], 1000, generator)
    importance = importance_log_likelihood(vae, digits[1], 1000, generator)
    assert naive < importance - 10      # "no podemos integrar sobre todo z": far below, with 1,000 samples
    assert np.isfinite(naive)


def test_bits_per_dimension_by_hand():
    assert bits_per_dimension(784 * math.log(2)) == pytest.approx(1.0)
    assert bits_per_dimension(100.0, dimensions=4) == pytest.approx(100 / (4 * 0.6931471805599453))


def test_progress_counts_the_latents_decoded(digits):
    calls = []
    estimates_by_sample_count(get_model("mnist", "vae16"), digits[0], [1, 10], repeats=2,
                              progress=lambda done, total: calls.append((done, total)))
    assert calls[-1] == (44, 44) and len(calls) == 8 and calls == sorted(calls)


def test_the_gaussian_decoder_is_the_lecture_s_l2_log_likelihood():
    from torch.distributions import Normal

    from lab.models.vae import gaussian_log_likelihood

    images, mean = torch.rand(3, 1, 28, 28), torch.rand(3, 1, 28, 28)
    expected = Normal(mean, 0.15).log_prob(images).flatten(1).sum(dim=1)
    assert torch.allclose(gaussian_log_likelihood(images, mean, 0.15), expected, rtol=1e-5)


@pytest.mark.parametrize("mean, sigma", [(0.0, 0.05), (0.002, 0.001), (0.5, 0.4), (0.98, 0.15), (1.3, 0.05)])
def test_the_discretised_decoder_spreads_exactly_one_unit_of_mass_over_the_256_levels(mean, sigma):
    from lab.models.vae import discretized_gaussian_log_likelihood

    levels = (torch.arange(256, dtype=torch.float32) / 255).view(256, 1, 1, 1)
    masses = discretized_gaussian_log_likelihood(levels, torch.full_like(levels, mean), sigma).double().exp()
    assert float(masses.sum()) == pytest.approx(1.0, abs=1e-5)
    # Away from the edges, a wide Gaussian's mass on a level is its density times the bin's width.
    if sigma > 0.1:
        density = torch.distributions.Normal(mean, sigma).log_prob(levels[128]).exp()
        assert float(masses[128]) == pytest.approx(float(density) / 255, rel=1e-3)


def test_a_bernoulli_decoder_has_no_likelihood_over_8_bit_levels():
    vae = get_model("mnist", "vae16")
    with pytest.raises(ValueError):
        vae.discrete_log_likelihood(torch.zeros(1, 1, 28, 28), torch.zeros(1, 1, 28, 28))
