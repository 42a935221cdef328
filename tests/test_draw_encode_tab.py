"""The Draw & encode tab's handlers, called directly with plain values (no browser)."""
import json
from pathlib import Path

import gradio as gr
import numpy as np
import plotly.graph_objects as go
import pytest
from PIL import Image

from demo.tabs import draw_encode
from lab import checkpoints, shipped
from lab.api import draw_encode as api


def sketch(image):
    return {"background": None, "layers": [], "composite": image}


def test_encoding_a_drawing_fills_every_output(seven):
    outputs = draw_encode.encode_sketch(sketch(seven), "mnist", "vae16")
    (input_image, ae_image, vae_image, probabilities, posterior, elbo, summary, status, export, state,
     inked) = outputs
    assert all(isinstance(image, Image.Image) for image in (input_image, ae_image, vae_image))
    assert all(isinstance(figure, go.Figure) for figure in (probabilities, posterior, elbo))
    assert len(posterior.data[0].y) == 16 and len(probabilities.data[0].y) == 10
    assert "−ELBO" in summary and "nats" in summary and status == ""
    assert state.shape == (28, 28) and inked is True
    exported = json.loads(Path(export).read_text())
    assert len(exported["posterior_mean"]) == 16 and len(exported["input_28x28"]) == 28
    assert exported["elbo_nats"]["total"] > 0


def test_the_classifier_reads_a_drawn_seven(seven):
    result = api.encode_drawing(seven, "mnist")
    assert int(np.argmax(result["probabilities"])) == 7
    assert sum(result["probabilities"]) == pytest.approx(1.0, abs=1e-5)
    elbo = result["elbo"]
    assert elbo["total"] == pytest.approx(elbo["reconstruction"] + elbo["kl"], rel=1e-5)
    assert elbo["kl"] >= 0 and all(s > 0 for s in result["posterior_std"])


def test_two_dimensional_vae_gives_two_posterior_dimensions(seven):
    result = api.encode_drawing(seven, "fashion", vae_name="vae2")
    assert len(result["posterior_mean"]) == 2 and len(result["probabilities"]) == 10


def test_blank_canvas_clears_a_drawing_quietly_and_encode_without_drawing_warns(seven):
    blank = np.full((280, 280, 3), 255, np.uint8)
    inked = draw_encode.encode_sketch(sketch(seven), "mnist", "vae16")[-1]
    assert inked is True
    cleared = draw_encode.encode_sketch(sketch(blank), "mnist", "vae16", inked)
    assert cleared == draw_encode.empty_outputs() + (False,)
    assert draw_encode.encode_sketch(sketch(None), "mnist", "vae16", inked)[-2] is None
    with pytest.warns(UserWarning):
        assert draw_encode.encode_current(None, "mnist", "vae16")[0] is None


def test_a_blank_pad_appearing_leaves_the_example_or_a_picked_test_image_shown():
    blank = np.full((280, 280, 3), 255, np.uint8)
    picked = draw_encode.pick_example("mnist", "vae16", gr.SelectData(None, {"index": 4, "value": None}))
    assert picked[-1] is not None   # the test image is the drawing other tabs read now
    # The pad's first blank canvas can arrive after the pick (it did in CI): no ink yet, nothing cleared.
    untouched = draw_encode.encode_sketch(sketch(blank), "mnist", "vae16", False)
    assert all(isinstance(output, type(gr.skip())) for output in untouched)
    assert len(untouched) == len(draw_encode.empty_outputs()) + 1


def test_resampling_varies_for_the_vae_and_not_for_the_autoencoder(seven):
    image28 = draw_encode.encode_sketch(sketch(seven), "mnist", "vae16")[-2]
    samples = api.sample_posterior(image28, "mnist", "vae16", count=4, seed=3)
    assert samples["vae"].shape == samples["ae"].shape == (4, 28, 28)
    assert np.abs(samples["vae"][0] - samples["vae"][1]).max() > 1e-3
    assert np.array_equal(samples["ae"][0], samples["ae"][3])
    again = api.sample_posterior(image28, "mnist", "vae16", count=4, seed=3)
    assert np.array_equal(samples["vae"], again["vae"])  # same seed, same pictures
    vae_strip, ae_strip = draw_encode.resample(image28, "mnist", "vae16", 3)
    assert vae_strip.size[0] > vae_strip.size[1]


def test_examples_and_dataset_switch(seven):
    gallery = draw_encode.example_gallery("fashion")
    assert len(gallery) == 20 and gallery[0][1] == "T-shirt/top"
    event = gr.SelectData(None, {"index": 3, "value": None})
    outputs = draw_encode.pick_example("fashion", "vae16", event)
    assert isinstance(outputs[1], Image.Image)
    switched = draw_encode.switch_dataset(outputs[-1], "mnist", "vae16")
    assert len(switched[0]) == 20 and isinstance(switched[2], Image.Image)


def test_missing_checkpoint_shows_a_message_and_the_rest_still_works(seven, monkeypatch, tmp_path):
    real_path = checkpoints.shipped_path
    monkeypatch.setattr(shipped, "shipped_path",
                        lambda dataset, name: tmp_path / "gone" if name == "ae16" else real_path(dataset, name))
    shipped.forget_models()
    try:
        outputs = draw_encode.encode_sketch(sketch(seven), "mnist", "vae16")
        assert outputs[1] is None and "Model unavailable" in outputs[7]
        assert isinstance(outputs[2], Image.Image) and outputs[3] is not None
    finally:
        shipped.forget_models()


def test_the_tab_opens_on_an_example_drawing_encoded_once():
    outputs = draw_encode.open_on_example("mnist", "vae16")
    assert isinstance(outputs[2], Image.Image) and "**7**" in outputs[6] and "example" in outputs[7]
    assert outputs[9] is None                                    # "my drawing" stays the student's own
    assert all(isinstance(picture, Image.Image) for picture in outputs[10:])   # z ~ q(z|x) resampled too
    hits = draw_encode._example_outputs.cache_info().hits
    assert draw_encode.open_on_example("mnist", "vae16") is outputs   # the next visitor gets the same result
    assert draw_encode._example_outputs.cache_info().hits == hits + 1
