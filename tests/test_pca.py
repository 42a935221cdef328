"""PCA on toy points and on images: exact with all components, error falling with k."""
import numpy as np
import pytest

from lab.analysis.pca import image_pca, principal_axes, reconstruct
from lab.analysis.toy import make_toy
from lab.api import example_images_by_index


def test_principal_axes_are_orthonormal_and_ordered():
    axes = principal_axes(make_toy("anisotropic")[0])
    assert np.allclose(axes["components"] @ axes["components"].T, np.eye(2), atol=1e-6)
    assert axes["variances"][0] >= axes["variances"][1]


def test_reconstruction_with_all_components_is_exact():
    image = example_images_by_index("mnist", [5])[0]
    assert np.allclose(reconstruct("mnist", image, 784), image, atol=1e-6)


def test_error_falls_as_components_are_added():
    image = example_images_by_index("fashion", [2])[0]
    errors = [np.square(reconstruct("fashion", image, k) - image).sum() for k in (1, 10, 50, 200)]
    assert all(later < earlier for earlier, later in zip(errors, errors[1:]))
    assert image_pca("fashion")["explained"][:10].sum() > 0.5


def test_bad_k_is_a_value_error():
    with pytest.raises(ValueError, match="k must be"):
        reconstruct("mnist", np.zeros((28, 28)), 900)
