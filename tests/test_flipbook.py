"""The flipbook: every frame sent once in one sprite sheet per panel, frames kept in order, long runs thinned."""
import base64
import io

import numpy as np
import pytest
from PIL import Image

from demo.flipbook import MAX_FRAMES, Panel, flipbook_value, inline_markdown, kept_frames


def decoded_sheet(panel: dict) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(base64.b64decode(panel["sprite"].split(",", 1)[1]))).convert("L"))


def frame_from(panel: dict, index: int) -> np.ndarray:
    """Frame `index` cut from the sheet the way the browser script cuts it."""
    sheet, across, width, height = decoded_sheet(panel), panel["across"], panel["width"], panel["height"]
    top, left = index // across * height, index % across * width
    return sheet[top: top + height, left: left + width]


def test_each_frame_comes_back_exactly_from_its_sheet():
    rng = np.random.default_rng(0)
    frames = rng.integers(0, 256, (23, 28, 28)).astype(np.uint8)   # lossless WebP: exact pixels
    book = flipbook_value([Panel("x_t", frames)], [f"Step **{i + 1}** of 23" for i in range(23)], "en")
    panel = book["panels"][0]
    assert (panel["width"], panel["height"]) == (28, 28) and panel["pixelated"]
    for index in (0, 7, 22):
        assert np.array_equal(frame_from(panel, index), frames[index])
    assert book["last"] == 22 and book["start"] == 22 and book["captions"][3] == "Step <b>4</b> of 23"


def test_a_long_run_keeps_the_first_and_last_frames_and_says_which():
    kept = kept_frames(1000)
    assert len(kept) == MAX_FRAMES and kept[0] == 0 and kept[-1] == 999 and kept == sorted(kept)
    frames = np.linspace(0, 1, 1000)[:, None, None] * np.ones((1, 28, 28))
    book = flipbook_value([Panel("x", frames)], [f"step {i + 1}" for i in range(1000)], "es", start=500)
    assert book["captions"][-1] == "step 1000" and book["last"] == MAX_FRAMES - 1
    assert kept[book["start"]] >= 500 and book["play_label"].endswith("Reproducir")


def test_every_panel_needs_one_frame_per_caption():
    with pytest.raises(AssertionError):
        flipbook_value([Panel("x", np.zeros((3, 28, 28)))], ["a", "b"], "en")


def test_captions_are_escaped_with_their_bold_kept():
    assert inline_markdown("**<b>** & p < 1") == "<b>&lt;b&gt;</b> &amp; p &lt; 1"
