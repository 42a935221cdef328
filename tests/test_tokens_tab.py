"""The Patches → tokens tab's handlers called directly, on the shipped VQ-VAEs and token transformers."""
import types

import numpy as np
import pytest
import torch

from demo.guard import guarded
from demo.tabs import tokens as tab
from demo.token_pictures import sampling_frame
from lab.api import tokens as api
from lab.examples import load_examples
from lab.shipped import get_model
from lab.tokens import background_code

QUIET = lambda *args, **kwargs: None   # noqa: E731 - a stand-in for gr.Progress outside a request


def test_tokenizing_gives_a_grid_of_codes_and_its_reconstruction():
    image = load_examples("mnist").images[0, 0].numpy()
    result = api.tokenize("mnist", image)
    K = result["codebook_size"]
    assert result["codes"].shape == (7, 7) and 0 <= result["codes"].min() and result["codes"].max() < K
    assert result["bits"] == pytest.approx(49 * np.log2(K))
    assert result["squared_error"] == pytest.approx(float(((result["reconstruction"] - image) ** 2).sum()), rel=1e-4)
    assert result["squared_error"] < 20    # a digit rebuilt from its tokens, not a blur (a blank costs ~100)
    grid_html, picture, numbers, atlas_html = tab.run_tokenize("mnist", "test", 0)
    assert grid_html.count('class="tok-cell"') == 49 and "row 6, column 6" in grid_html
    assert atlas_html.count("<img") == K and atlas_html.count('class="used"') == len(np.unique(result["codes"]))
    assert f"K = {K}" in numbers and picture.size == (168, 168)


def test_the_atlas_shows_what_each_code_stands_for_in_the_training_patches():
    atlas, vqvae = api.codebook_atlas("mnist"), get_model("mnist", "vqvae")
    K, train = vqvae.config.codebook_size, load_examples("mnist", "train").images
    assert atlas["tiles"].shape == (K, api.TILE, api.TILE) and atlas["counts"].sum() == len(train) * 49
    with torch.inference_mode():
        codes = vqvae.encode(train[:500])
    # The tile's centre is the mean of the 4x4 patches encoded to that code (checked on the commonest ink code).
    inked = [code for code in range(K) if atlas["tiles"][code, 4:8, 4:8].mean() > 0.3]
    code = max(inked, key=lambda c: atlas["counts"][c])
    patches = train[:, 0].unfold(1, 4, 4).unfold(2, 4, 4)[vqvae.encode(train) == code]
    assert np.allclose(atlas["tiles"][code, 4:8, 4:8], patches.mean(0).numpy(), atol=1e-5)
    assert atlas["tiles"][background_code(vqvae), 4:8, 4:8].max() < 0.05      # the blank patch's code: no ink
    assert len(np.unique(codes)) > K / 2                                       # most of the codebook is in use


def test_sampling_records_every_token_and_the_slider_walks_through_it():
    state, book, figure, summary = tab.run_token_sampling("mnist", 3, 1.0, 0, 2.0, 0, progress=QUIET)
    K = state["probabilities"].shape[1]
    assert state["tokens"].shape == (49,) and state["probabilities"].shape == (49, K)
    assert state["frames"].shape == (49, 28, 28)
    assert np.allclose(state["probabilities"].sum(axis=1), 1, atol=1e-4)
    assert "**49** sequential steps" in summary and book["last"] == 48
    row, column = divmod(book["start"], 7)                   # opens inside the blank border, where strokes are
    assert 0 < row < 6 and 0 < column < 6
    assert "row 1, column 2" in book["captions"][9]
    figure = tab.show_settled_token(state, types.SimpleNamespace(frame=9))
    assert len(figure.data[0].y) == K
    assert state["frames"][-1].max() > 0.5      # the frame after the last token: the whole sample, decoded


def test_a_sampling_frame_tints_the_patches_still_to_draw_and_outlines_the_current_one():
    frame = sampling_frame(np.zeros((28, 28)), 8)                # token 8: row 1, column 1
    assert tuple(frame[4, 4]) == (242, 38, 38)                   # the outline of patch (1, 1)
    assert tuple(frame[0, 0]) == (0, 0, 0)                       # drawn: as decoded
    assert tuple(frame[27, 27]) == tuple(np.round(255 * 0.6 * np.array([0.35, 0.4, 0.55])).astype(int))


def test_top_k_limits_every_step_to_k_codes():
    result = api.sample_sequence("mnist", 5, 1.0, 3, 1.0, seed=4)
    assert ((result["probabilities"] > 0).sum(axis=1) <= 3).all()


def test_the_grid_streams_one_update_per_token_row():
    updates = list(tab.stream_token_grid("fashion", 7, 1.0, 0, 2.0, 0))
    assert len(updates) == 7 and "**7** of 7" in updates[-1][1]
    first, last = updates[0][0], updates[-1][0]
    assert first.shape == last.shape and (first != last).any()


def test_completion_keeps_the_token_rows_it_was_given():
    image = load_examples("mnist").images[3, 0].numpy()
    result = api.complete("mnist", image, 3, 0, 1.0, 0, 2.0, seed=1)
    assert result["completions"].shape == (6, 28, 28)
    with torch.inference_mode():
        given = get_model("mnist", "vqvae").encode(torch.as_tensor(image).view(1, 1, 28, 28)).flatten()
    assert (result["tokens"][:, :21] == given[:21].numpy()).all()              # the 3 kept rows, every time
    assert len({tuple(row) for row in result["tokens"][:, 21:]}) > 1         # and different endings
    # The decoder draws the kept rows as they were (it reads the new ones too, so not to the pixel).
    assert np.abs(result["completions"][:, :10] - result["kept"][:10]).mean() < 0.1
    picture, caption = tab.run_completion("mnist", "test", 3, 3, 0, 1.0, 0, 2.0, 0)
    assert "**3**" in caption and picture.size[0] > 6 * 112


def test_the_cost_table_times_both_chains_and_gives_both_likelihoods():
    report = tab.run_cost("mnist", "test", 0)
    assert "1024x1024" in report and "65,536" in report and "3,145,728" in report
    bits = api.likelihoods("mnist", load_examples("mnist").images[0, 0].numpy())
    assert 0 < bits["token_bits"] < 49 * 7 and 0 < bits["pixel_bits"] < 784 * 8


def test_bad_settings_are_refused_in_words_and_the_tab_still_works():
    import gradio as gr

    with pytest.raises(gr.Error, match="top-k"):
        guarded(tab.run_token_sampling)("mnist", 3, 1.0, 999, 1.0, 0, progress=QUIET)
    with pytest.raises(gr.Error, match="rows"):
        guarded(tab.run_completion)("mnist", "test", 3, 9, 0, 1.0, 0, 1.0, 0)
    assert tab.run_token_sampling("mnist", 3, 1.0, 0, 1.0, 0, progress=QUIET)[0]["tokens"].shape == (49,)


def test_switching_dataset_describes_both_models():
    classes, description = tab.switch_dataset("fashion")
    assert "K = " in description and "Transformer" in description
