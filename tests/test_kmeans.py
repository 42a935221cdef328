"""k-means step by step: ends at scikit-learn's solution, inertia never increases, toy data is seeded."""
import numpy as np
import pytest

from lab.analysis.kmeans import agreement, elbow, initial_centroids, kmeans_steps, sklearn_solution
from lab.analysis.toy import TOY_NAMES, make_toy


@pytest.mark.parametrize("name", TOY_NAMES)
@pytest.mark.parametrize("init", ["k-means++", "random"])
def test_step_through_ends_at_scikit_learns_solution(name, init):
    points, _ = make_toy(name, seed=1)
    states = kmeans_steps(points, 3, init, seed=2)
    reference = sklearn_solution(points, states[0]["centroids"])
    assert np.allclose(np.sort(states[-1]["centroids"], axis=0), np.sort(reference.cluster_centers_, axis=0),
                       atol=1e-4)
    assert states[-1]["inertia"] == pytest.approx(reference.inertia_, rel=1e-5)
    inertias = [state["inertia"] for state in states]
    assert all(later <= earlier + 1e-6 for earlier, later in zip(inertias, inertias[1:]))


def test_toy_sets_are_seeded_and_labelled():
    first, labels = make_toy("moons", count=100, seed=3)
    again, _ = make_toy("moons", count=100, seed=3)
    assert first.shape == (100, 2) and np.array_equal(first, again) and set(labels) == {0, 1}
    with pytest.raises(ValueError, match="toy dataset"):
        make_toy("spirals")


def test_blobs_are_found_and_elbow_decreases():
    points, labels = make_toy("blobs", seed=0)
    assert agreement(labels, kmeans_steps(points, 3)[-1]["assignments"]) > 0.9
    curve = elbow(points, ks=range(1, 6))
    assert all(b < a for a, b in zip(curve, curve[1:]))


def test_bad_k_is_a_value_error():
    with pytest.raises(ValueError, match="k must be"):
        initial_centroids(np.zeros((5, 2)), 6)
