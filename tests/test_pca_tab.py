"""The PCA tab's handlers called directly."""
import gradio as gr
import pytest
from PIL import Image

from demo.tabs import pca as tab


def test_rebuild_reports_the_variance_and_is_exact_with_all_components():
    original, rebuilt, summary = tab.rebuild("mnist", "test", 3, 784, None)
    assert isinstance(original, Image.Image) and isinstance(rebuilt, Image.Image)
    assert "100.0%" in summary and "= **0.00**" in summary


def test_rebuild_needs_a_drawing_when_asked_for_one():
    with pytest.raises(gr.Error):
        tab.rebuild("mnist", "drawing", 0, 20, None)


def test_components_strip_and_curve():
    picture, curve = tab.show_components("fashion")
    assert picture.size[0] == 8 * 84 + 7 * 4 and len(curve.data[0].y) == 100
    assert len(tab.show_axes("moons").data) == 3
