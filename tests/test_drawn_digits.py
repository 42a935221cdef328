"""The drawn-digits test set (lab.drawn_digits): pen strokes of one width, no grey ramp, through the app's
preprocessing; and the shipped classifier reads them as well as it claims."""
import numpy as np
import pytest
import torch

from lab.drawn_digits import (CANVAS, TRAIN_RANGES, build_drawn_test_set, draw_on_canvas, drawn_test_set, thin,
                              with_drawn_copies)
from lab.examples import load_examples


def test_thinning_leaves_a_one_pixel_path_of_a_thick_bar():
    bar = np.zeros((40, 60), bool)
    bar[15:26, 5:55] = True                                     # 11 pixels thick
    path = thin(bar)
    assert path.any() and path.sum() < bar.sum() / 8
    assert path[:, 20:40].sum(axis=0).max() == 1                # one pixel across, away from the ends
    assert not (path & ~bar).any()                              # thinning only removes


def test_a_redrawn_digit_is_pure_black_ink_of_the_pen_width_on_white():
    scan = load_examples("mnist").images[0, 0].numpy()
    thin_pen, thick_pen = (draw_on_canvas(scan, width, 200, 0.0, 0.0, (140, 140)) for width in (6, 24))
    assert thin_pen.shape == (CANVAS, CANVAS, 3) and set(np.unique(thin_pen)) == {0, 255}
    assert (thick_pen == 0).mean() > 2.5 * (thin_pen == 0).mean()
    slanted = draw_on_canvas(scan, 12, 200, 0.4, 0.0, (140, 140))
    assert not np.array_equal(slanted, draw_on_canvas(scan, 12, 200, 0.0, 0.0, (140, 140)))


def test_the_shipped_drawn_set_is_the_recipe_applied_to_the_test_digits():
    drawn, parameters = drawn_test_set()
    test = load_examples("mnist")
    assert drawn.images.shape == (1000, 1, 28, 28) and torch.equal(drawn.labels, test.labels)
    assert parameters["pen_width"].min() < 8 and parameters["pen_width"].max() > 26
    rebuilt, _ = build_drawn_test_set(count=5)                  # the same seed redraws the same canvases
    assert (rebuilt.images - drawn.images[:5]).abs().max() <= 1 / 255
    # Through the app's preprocessing: the ink's centre of mass sits at the field's centre.
    rows = torch.arange(28.0)[:, None]
    mass = drawn.images[:, 0].sum(dim=(1, 2))
    centre_rows = (drawn.images[:, 0] * rows).sum(dim=(1, 2)) / mass
    assert (centre_rows - 14).abs().max() < 1.5


def test_drawn_copies_follow_the_training_set_with_their_labels():
    train = load_examples("mnist", "train").subset(6)
    extended = with_drawn_copies(train, copies=2, seed=0)
    assert len(extended) == 18 and torch.equal(extended.labels, train.labels.repeat(3))
    assert torch.equal(extended.images[:6], train.images)
    assert with_drawn_copies(train, copies=0, seed=0) is train
    assert TRAIN_RANGES.pen_width[0] > 4   # training never sees the test set's thinnest pens


def test_the_shipped_classifier_reads_drawn_digits_and_scans():
    """Issue 19's bars, as the benchmark measures them (python -m bench --only models)."""
    from lab.checkpoints import load_model, shipped_path
    from lab.evaluate import evaluate

    classifier = load_model(shipped_path("mnist", "classifier"))[0]
    assert evaluate(classifier, drawn_test_set()[0])["accuracy"] >= 0.97
    assert evaluate(classifier, load_examples("mnist"))["accuracy"] >= 0.985
