"""Outlier rejection figures: scores per image, and the AUROC table issue 5 asks for."""
from lab.analysis.ood import ood_auroc, scores
from lab.examples import load_examples


def test_scores_are_one_per_image_and_in_range():
    images = load_examples("mnist").images[:20]
    result = scores("mnist", images)
    assert result["elbo"].shape == result["softmax"].shape == (20,)
    assert (result["elbo"] < 0).all() and ((0.1 <= result["softmax"]) & (result["softmax"] <= 1)).all()


def test_the_mnist_vae_rejects_clothes_better_than_the_classifier():
    auroc = ood_auroc("mnist")
    assert all(0.0 <= value <= 1.0 for value in auroc.values())
    assert auroc["elbo"] > 0.95 and auroc["elbo"] > auroc["softmax"]
