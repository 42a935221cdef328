"""Where the foundations tabs' points come from, the canvas-to-points conversion above all."""
import numpy as np
import pytest

from lab.analysis.sources import DIGITS, SOURCE_NAMES, canvas_points, load_points


def test_canvas_points_follow_the_ink(seven):
    points = canvas_points(seven, count=500, seed=0)
    assert points.shape == (500, 2) and points.dtype == np.float32
    assert np.abs(points).max() <= 3.0
    # The seven's top bar lies in the upper part of the canvas: y grows upwards.
    top = points[points[:, 1] > 1.0]
    assert len(top) > 50 and np.ptp(top[:, 0]) > 2.0
    # Every point sits on an inked pixel.
    ink = seven.min(axis=2) < 128
    rows = np.clip((140 - points[:, 1] * 280 / 6).astype(int), 0, 279)
    cols = np.clip((points[:, 0] * 280 / 6 + 140).astype(int), 0, 279)
    assert ink[rows, cols].mean() > 0.95


def test_canvas_points_are_reproducible_for_a_seed(seven):
    assert np.array_equal(canvas_points(seven, 100, 3), canvas_points(seven, 100, 3))


def test_an_empty_canvas_is_a_clear_error():
    with pytest.raises(ValueError, match="empty"):
        canvas_points(np.full((280, 280, 3), 255, np.uint8))
    with pytest.raises(ValueError, match="empty"):
        canvas_points(None)


def test_every_source_gives_2d_points(seven):
    for name in SOURCE_NAMES:
        points, labels = load_points(name, seed=0, drawing=seven, count=300)
        assert points.shape == (300, 2) and np.isfinite(points).all()
        assert labels is None if name == "drawn" else labels.shape == (300,)
    _, digit_labels = load_points(DIGITS, count=1000)
    assert set(digit_labels.tolist()) == set(range(10))
