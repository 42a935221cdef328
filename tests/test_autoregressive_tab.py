"""The autoregressive tab's handlers called directly, on the shipped PixelCNNs."""
import types

import numpy as np
import pytest

from demo.guard import guarded
from demo.tabs import autoregressive as tab
from lab.api.autoregressive import cost_table, likelihood
from lab.examples import load_examples

QUIET = lambda *args, **kwargs: None   # noqa: E731 - a stand-in for gr.Progress outside a request


def test_sampling_records_every_pixel_and_the_slider_walks_through_it():
    state, book, figure, summary = tab.run_sampling("mnist", 3, 1.0, 1.0, 0, progress=QUIET)
    assert state["values"].shape == (28, 28) and state["probabilities"].shape == (784, 256)
    assert np.allclose(state["probabilities"].sum(axis=1), 1, atol=1e-4)
    assert "784 pixels" in summary
    entropy = -(state["probabilities"] * np.log(np.clip(state["probabilities"], 1e-12, None))).sum(axis=1)
    assert book["start"] == int(entropy.argmax()) and entropy.max() > 1.0   # opens where the model chose
    assert book["last"] == 783 and book["stride"] == tab.PLAY_STRIDE         # every pixel is a frame
    assert "row 1, column 2" in book["captions"][30]
    figure = tab.show_settled_pixel(state, types.SimpleNamespace(frame=30))   # row 1, column 2
    assert len(figure.data[0].y) == 256
    drawn = int(state["values"][1, 2])
    assert figure.data[0].marker.color[drawn] != figure.data[0].marker.color[(drawn + 1) % 256]
    partial = tab.partial_image(state["values"], 30)
    assert tuple(partial[1, 2]) == (242, 38, 38) and tuple(partial[27, 27]) == (89, 102, 140)
    assert tab.distribution_figure(None, 3) is None
    assert "1024x1024" in tab.cost_argument(state)


def test_the_grid_streams_one_update_per_row():
    updates = list(tab.stream_grid("fashion", 7, 1.0, 1.0, 0))
    assert len(updates) == 28 and "**28** of 28" in updates[-1][1]
    first, last = updates[0][0], updates[-1][0]
    assert first.shape == last.shape and (first != last).any()


def test_completion_keeps_the_rows_it_was_given():
    image = load_examples("mnist").images[3, 0].numpy()
    picture, caption = tab.run_completion("mnist", "test", 3, 10, 0, 1.0, 2.0, 0)
    assert "**10**" in caption and picture.size[0] > 5 * 112
    from lab.api.autoregressive import complete

    completions = complete("mnist", image, 10, 0, 1.0, 2.0, seed=1)
    assert np.allclose(completions[:, :10], np.round(image[:10] * 255) / 255)


def test_likelihood_is_exact_bayes_and_reports_the_vae_bound():
    image = load_examples("mnist").images[0, 0].numpy()
    result = likelihood("mnist", image)
    assert result["cost_map"].shape == (28, 28) and np.isclose(result["posterior"].sum(), 1, atol=1e-5)
    # −log p(x) with a uniform prior lies between the best class's −log p(x|y) and that plus log 10.
    best = result["class_nll"].min()
    assert best - 1e-3 <= result["nll"] <= best + np.log(10) + 1e-3
    assert np.isclose(result["cost_map"].sum(), best, rtol=1e-4)
    assert result["bpd"] == pytest.approx(result["nll"] / (784 * np.log(2)))
    numbers, cost, posterior = tab.run_likelihood("mnist", "test", 0)
    assert "−ELBO" in numbers and len(cost.data) == 1 and len(posterior.data[0].y) == 10
    # Generative vs discriminative, for this image and on the whole test set (the stored figures).
    assert "discriminative classifier says" in numbers and "ECE" in numbers and "1,000 shipped test" in numbers


def test_the_vae_bound_is_the_same_number_as_on_draw_and_encode():
    from lab.api.draw_encode import encode_drawing

    image = load_examples("mnist").images[5, 0].numpy()
    assert likelihood("mnist", image)["vae_nelbo"] == pytest.approx(encode_drawing(image)["elbo"]["total"])


def test_the_cost_table_grows_with_the_pixels_and_patches_cut_it():
    rows = cost_table(step_ms=1.0)
    assert rows[0]["steps"] == 784 and rows[-1]["steps"] == 1024 * 1024 * 3
    assert rows[-1]["patch_steps"] == 64 * 64 and rows[-1]["seconds"] == pytest.approx(3145.728)


def test_bad_temperature_is_a_clear_error():
    import gradio as gr

    with pytest.raises(gr.Error, match="temperature"):
        guarded(tab.run_sampling)("mnist", 3, 0.0, 1.0, 0, progress=QUIET)


@pytest.mark.parametrize("dataset", ["mnist", "fashion"])
def test_both_shipped_models_offer_guidance(dataset):
    _, summary, _, guidance = tab.switch_dataset(dataset)
    assert guidance["interactive"] and guidance["value"] > 1 and "guidance" in summary


def test_guidance_is_offered_only_where_the_model_learned_p_x(monkeypatch):
    """A model trained without label dropout (the fashion model before issue 19) has no p(x) to guide
    against: the slider is fixed at 1 and a request for w ≠ 1 gets a message."""
    import gradio as gr

    from lab.shipped import get_model

    monkeypatch.setattr(get_model("fashion", "pixelcnn").config, "label_dropout", 0.0)
    _, fashion_text, _, fashion_guidance = tab.switch_dataset("fashion")
    assert not fashion_guidance["interactive"] and fashion_guidance["value"] == 1
    with pytest.raises(gr.Error, match="label dropout"):
        list(guarded(tab.stream_grid)("fashion", 7, 1.0, 2.0, 0))
    with pytest.raises(gr.Error, match="guidance"):
        guarded(tab.run_sampling)("mnist", 3, 1.0, 0.5, 0, progress=QUIET)
