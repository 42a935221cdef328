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
    with pytest.raises(ValueError, match="expected an image"):
        preprocess_drawing(np.zeros((2, 3, 4, 5)))
