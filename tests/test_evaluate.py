"""Held-out figures: the ELBO estimate every tab shows, and calibration."""
import pytest
import torch

from lab.evaluate import ELBO_SAMPLES, calibration, elbo_estimate
from lab.examples import load_examples
from lab.shipped import get_model


def test_calibration_by_hand():
    probabilities = torch.tensor([[0.9, 0.1], [0.6, 0.4], [0.2, 0.8]])
    figures = calibration(probabilities, torch.tensor([0, 1, 1]))
    assert figures["accuracy"] == pytest.approx(2 / 3) and figures["wrong_confidence"] == pytest.approx(0.6)
    # three bins of one image each: |1 − 0.9|, |0 − 0.6|, |1 − 0.8|, averaged
    assert figures["ece"] == pytest.approx(0.3) and figures["confidence"] == pytest.approx(2.3 / 3)


def test_a_perfectly_confident_perfect_classifier_is_calibrated():
    figures = calibration(torch.eye(4), torch.arange(4))
    assert figures["ece"] == pytest.approx(0.0) and figures["accuracy"] == 1.0


def test_the_elbo_estimate_is_a_fixed_mean_over_draws():
    vae = get_model("mnist", "vae16")
    images = load_examples("mnist").images[:3]
    first, again = elbo_estimate(vae, images), elbo_estimate(vae, images)
    assert torch.equal(first["total"], again["total"]) and ELBO_SAMPLES > 1
    assert torch.allclose(first["total"], first["reconstruction"] + first["kl"])


def test_one_image_scores_the_same_on_draw_and_encode_and_outliers():
    from lab.analysis.outliers import score_image
    from lab.api.draw_encode import encode_drawing

    image = load_examples("mnist").images[2, 0].numpy()
    assert -score_image(image, "mnist")["elbo"] == pytest.approx(encode_drawing(image)["elbo"]["total"], rel=1e-5)
