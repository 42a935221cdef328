"""Bayes' rule, the discriminative classifier and the Bayes tab's handlers, on fixed seeds."""
import numpy as np
import plotly.graph_objects as go
import pytest

from demo.tabs import bayes as tab
from lab.analysis.bayes import bayes_posterior, class_log_likelihoods, fit_class_densities, fit_discriminative
from lab.analysis.toy import make_toy


@pytest.mark.parametrize("kind", ["gaussian", "mixture"])
def test_bayes_posterior_sums_to_one_and_follows_the_prior(kind):
    points, labels = make_toy("blobs", count=300, seed=0)
    log_likelihoods = class_log_likelihoods(fit_class_densities(points, labels, kind), points)
    uniform, log_evidence = bayes_posterior(log_likelihoods, [1, 1, 1])
    assert np.allclose(uniform.sum(axis=1), 1) and np.isfinite(log_evidence).all()
    # The evidence is the prior-weighted sum of the class likelihoods.
    assert np.allclose(np.exp(log_evidence), np.exp(log_likelihoods).mean(axis=1))
    tilted, _ = bayes_posterior(log_likelihoods, [8, 1, 1])
    assert np.all(tilted[:, 0] >= uniform[:, 0] - 1e-12)  # more prior on class 0: never less posterior
    only_two, _ = bayes_posterior(log_likelihoods, [0, 1, 1])
    assert np.all(only_two[:, 0] == 0) and np.allclose(only_two.sum(axis=1), 1)


def test_bayes_posterior_rejects_a_prior_of_the_wrong_shape():
    with pytest.raises(ValueError, match="prior"):
        bayes_posterior(np.zeros((4, 3)), [1, 1])
    with pytest.raises(ValueError, match="prior"):
        bayes_posterior(np.zeros((4, 2)), [0, 0])


def test_far_away_points_do_not_underflow():
    points, labels = make_toy("blobs", count=300, seed=0)
    far = np.array([[500.0, -500.0]])
    posterior, _ = bayes_posterior(class_log_likelihoods(fit_class_densities(points, labels), far), [1, 1, 1])
    assert np.isfinite(posterior).all() and np.isclose(posterior.sum(), 1)


def test_the_discriminative_model_separates_the_moons():
    points, labels = make_toy("moons", count=400, seed=0)
    assert (fit_discriminative(points, labels).predict(points) == labels).mean() > 0.97


def test_bayes_view_draws_both_pictures_and_every_number():
    generative, supervised, numbers = tab.bayes_view("blobs", "gaussian", 1, 1, 1, 0.0, 0.0, 0)
    assert isinstance(generative, go.Figure) and isinstance(supervised, go.Figure)
    assert len(generative.layout.images) == 1 and len(supervised.layout.images) == 1   # posterior maps
    rows = [line for line in numbers.splitlines() if line.startswith("| ") and "---" not in line][1:]
    assert len(rows) == 3
    posteriors = [float(row.split("|")[5].strip(" *")) for row in rows]
    assert abs(sum(posteriors) - 1) < 0.01


def test_moving_the_prior_moves_the_posterior_at_the_probe():
    def class_one_posterior(prior):
        _, _, numbers = tab.bayes_view("moons", "gaussian", prior, 1, 1, 0.5, 0.25, 0)
        row = [line for line in numbers.splitlines() if line.startswith("| 1 |")][0]
        return float(row.split("|")[5].strip(" *"))
    assert class_one_posterior(0.9) > class_one_posterior(0.5) > class_one_posterior(0.1)


def test_two_class_data_hides_the_third_prior():
    assert tab.priors_for("moons")[2]["visible"] is False and len(tab.priors_for("moons")) == 5
    assert tab.priors_for("blobs")[2]["visible"] is True
