"""Drawing preprocessing: MNIST's recipe, whatever the canvas size, position, ink colour or mode."""
import numpy as np
import pytest

from lab.drawing import BOX, FIELD, BlankDrawingError, center_of_mass, preprocess_drawing
from tests.conftest import draw_seven


def test_output_is_28x28_in_unit_range_with_white_ink(seven):
    image = preprocess_drawing(seven)
    assert image.shape == (FIELD, FIELD) and image.dtype == np.float32
    assert image.min() >= 0 and image.max() == pytest.approx(1.0)
    assert image[0].sum() == 0 and image[:, 0].sum() == 0  # background stays black


def test_longer_side_is_20_pixels_and_mass_is_centred(seven):
    image = preprocess_drawing(seven)
    rows = np.flatnonzero(image.max(axis=1) > 0.05)
    cols = np.flatnonzero(image.max(axis=0) > 0.05)
    assert max(rows[-1] - rows[0] + 1, cols[-1] - cols[0] + 1) in (BOX - 1, BOX, BOX + 1)
    row, col = center_of_mass(image)
    assert abs(row - FIELD / 2) <= 1.0 and abs(col - FIELD / 2) <= 1.0


def test_invariant_to_shift():
    centred = preprocess_drawing(draw_seven())
    shifted = preprocess_drawing(draw_seven(offset=(-60, 45)))
    assert np.abs(centred - shifted).max() < 1e-5


def test_nearly_invariant_to_scale_and_canvas_size():
    reference = preprocess_drawing(draw_seven(size=280))
    small = preprocess_drawing(draw_seven(size=560, scale=2.0))
    assert np.abs(reference - small).mean() < 0.03


@pytest.mark.parametrize("ink, paper", [((0, 0, 0), (255, 255, 255)), ((255, 255, 255), (0, 0, 0)),
                                        ((200, 30, 30), (250, 250, 240))])
def test_any_ink_colour_on_any_paper(ink, paper):
    reference = preprocess_drawing(draw_seven())
    coloured = preprocess_drawing(draw_seven(ink=ink, paper=paper))
    assert np.abs(reference - coloured).mean() < 0.02


def test_grayscale_and_transparent_layers():
    reference = preprocess_drawing(draw_seven())
    gray = preprocess_drawing(draw_seven(mode="L", ink=0, paper=255))
    layer = preprocess_drawing(draw_seven(mode="RGBA", ink=(0, 0, 255, 255), paper=(0, 0, 0, 0)))
    assert np.abs(reference - gray).mean() < 0.02
    assert np.abs(reference - layer).mean() < 0.02


@pytest.mark.parametrize("blank", [None, np.full((200, 300), 255, np.uint8), np.zeros((50, 50, 3), np.uint8)])
def test_blank_canvas_is_a_friendly_error(blank):
    with pytest.raises(BlankDrawingError, match="empty"):
        preprocess_drawing(blank)


def test_not_an_image_is_a_value_error():
    with pytest.raises(ValueError, match="must be a picture"):
        preprocess_drawing(np.zeros((2, 3, 4, 5)))


def test_what_is_not_an_image_is_refused_with_a_sentence():
    from lab.drawing import model_input

    for bad in ("a string", np.zeros((5,)), np.zeros((28, 28, 2)), np.zeros((1, 1)), np.full((28, 28), np.nan)):
        with pytest.raises(ValueError) as caught:
            model_input(bad)
        assert str(caught.value)[0].isupper()       # a sentence, not numpy's words


def test_a_preprocessed_image_out_of_range_is_preprocessed_again_not_trusted():
    from lab.drawing import model_input

    dark = np.full((28, 28), -5.0, np.float32)
    dark[10:18, 12:15] = 5.0                           # the −ELBO read −22 million nats on this
    image = model_input(dark)
    assert image.min() >= 0 and image.max() <= 1


def test_a_huge_photo_is_thinned_before_the_work():
    import time

    from lab.drawing import model_input

    photo = np.full((8000, 6000, 3), 255, np.uint8)
    photo[3000:5000, 2800:3200] = 0                    # a dark bar: a "1"
    started = time.perf_counter()
    image = model_input(photo)
    assert image.shape == (28, 28) and image.max() == 1.0 and time.perf_counter() - started < 2
