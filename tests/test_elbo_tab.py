"""The "VAE: the ELBO" tab's handlers, called directly: the integral sampled two ways and the identity's terms."""
import re

import gradio as gr
import plotly.graph_objects as go
import pytest

from demo.tabs import elbo as tab


def test_the_integral_panel_compares_both_estimators_up_to_the_chosen_count():
    image, figure, summary = tab.show_integral("test", 3, "mnist", 30)
    assert image.size == (168, 168) and isinstance(figure, go.Figure)
    counts = figure.data[0].x
    assert list(counts) == [1, 10, 30] and len(figure.data) == 4          # two means, two clouds of tries
    naive, importance = (float(value) for value in re.findall(r"\*\*(-?\d+\.\d)\*\*", summary)[:2])
    assert naive < importance                                              # the prior misses; q finds
    assert "With **30** samples" in summary


def test_the_posterior_panel_fills_the_identity_in_both_languages():
    figure, identity = tab.show_posterior("test", 3, "mnist")
    assert figure.data[0].type == "heatmap"
    assert "cannot be computed" in identity and "≥ ELBO" in identity
    log_px, reconstruction, kl_prior, gap = (float(value) for value in re.findall(
        r"(-?\d+\.\d+)", identity.split("nats")[0].split("\n\n")[1]))
    assert log_px == pytest.approx(reconstruction - kl_prior + gap, abs=0.02) and gap >= 0
    _, spanish = tab.show_posterior("test", 3, "mnist", request=gr.Request(headers={"accept-language": "es"}))
    assert "no se puede computar" in spanish


def test_the_drawing_is_asked_for_when_there_is_none():
    with pytest.raises(gr.Error):
        tab.show_posterior("drawing", 0, "mnist", None)
