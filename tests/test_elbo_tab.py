"""The "VAE: the ELBO" tab's handlers, called directly: the integral sampled two ways and the identity's terms."""
import re

import gradio as gr
import plotly.graph_objects as go
import pytest

from demo.tabs import elbo as tab
from lab.api.elbo import DECODERS


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


def test_the_decoder_panel_sets_the_four_decoders_side_by_side_and_marks_the_chosen_one():
    reconstruction, samples, table = tab.show_decoders("test", 3, "mnist", "16", "0.15")
    assert reconstruction.size == (168, 168) and samples.width > 6 * samples.height   # a strip of 8
    rows = [line for line in table.splitlines() if line.startswith("| ") and "nats" not in line][1:]
    assert len(rows) == len(DECODERS) >= 4 and "**Gaussian, σ = 0.15**" in rows[2]
    assert "none" in rows[0]                                     # Bernoulli: no likelihood over 8-bit levels
    bits = [float(row.split("|")[5]) for row in rows[1:]]
    pixelcnn = float(re.search(r"\*\*(\d+\.\d+)\*\* bits/dim", table).group(1))
    assert all(value > 0 for value in bits) and 0.3 < pixelcnn < 3
    _, _, spanish = tab.show_decoders("test", 3, "mnist", "2", "bernoulli",
                                      request=gr.Request(headers={"accept-language": "es"}))
    assert "**Bernoulli (el del laboratorio)**" in spanish and "cota inferior" in spanish


def test_the_training_steps_show_z_as_mu_plus_sigma_times_epsilon():
    from lab.api.elbo import one_training_step

    step = one_training_step(tab.source_image("test", 3, None, "mnist", "en"), 16, "0.05", seed=4)
    assert step["z"] == pytest.approx(step["mean"] + step["std"] * step["noise"], abs=1e-5)
    assert step["loss"] == pytest.approx(step["kl"] + step["reconstruction"], abs=1e-3) and step["kl"] > 0
    figure, decoded, steps = tab.show_training_step("test", 3, "mnist", "16", "0.05", 4)
    assert [trace.name for trace in figure.data] == ["μ", "σ", "ε", "z"] and len(figure.data[2].y) == 16
    assert [f"{n}. **" in steps for n in range(1, 6)] == [True] * 5 and "(seed 4)" in steps
    _, _, other = tab.show_training_step("test", 3, "mnist", "16", "0.05", 5)
    prior_loss = re.compile(r"= \*\*(\d+\.\d+)\*\* nats\.")
    assert prior_loss.search(other).group(1) == prior_loss.search(steps).group(1)   # ε moves z, not the KL


def test_an_unknown_decoder_is_refused_with_a_message():
    with pytest.raises(gr.Error):
        tab.show_decoders("test", 3, "mnist", "16", "0.3")
