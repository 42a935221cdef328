"""The outlier-rejection tab's handlers and inputs, called directly."""
import numpy as np
import plotly.graph_objects as go
import pytest

from demo.tabs import outliers as tab
from lab.analysis.ood import read_ood_table
from lab.analysis.outliers import OUTLIER_KINDS, make_outlier, percentile


@pytest.mark.parametrize("kind", OUTLIER_KINDS)
def test_outlier_inputs_are_images_and_reproducible(kind):
    image = make_outlier(kind, seed=2)
    assert image.shape == (28, 28) and 0 <= image.min() and image.max() <= 1 and image.max() > 0.5
    assert np.array_equal(image, make_outlier(kind, seed=2))


def test_percentile_counts_the_reference_at_or_below():
    reference = np.arange(10.0)
    assert percentile(-1, reference) == 0 and percentile(4, reference) == 50 and percentile(99, reference) == 100


def test_the_mnist_vae_rejects_a_letter_the_classifier_labels():
    image, probabilities, histogram, verdict = tab.score_outlier("letter", "mnist", 0, 1.0)
    assert isinstance(probabilities, go.Figure) and isinstance(histogram, go.Figure)
    assert "rejected" in verdict
    assert image.size == (168, 168)


def test_a_test_digit_is_accepted(seven):
    from lab.api import example_images

    digit, _ = example_images("mnist")[3]
    _, _, _, verdict = tab.score_outlier("my drawing", "mnist", 0, 1.0, digit)
    assert "accepted" in verdict


def test_no_drawing_is_a_message_not_a_traceback():
    import gradio as gr

    with pytest.raises(gr.Error, match="Draw"):
        tab.score_outlier("my drawing", "mnist", 0, 1.0, None)


def test_the_shipped_auroc_table_is_shown_with_its_explanation():
    figures = read_ood_table()
    assert set(figures) == {f"ood_auroc_{s}_{d}_model" for s in ("elbo", "softmax") for d in ("mnist", "fashion")}
    table = tab.auroc_table()
    assert f"{figures['ood_auroc_elbo_fashion_model']:.3f}" in table and "Nalisnick" in table
