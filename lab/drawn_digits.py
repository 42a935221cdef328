"""Digits that look like sketchpad input: mnist digits re-drawn with a round pen, then read the app's way.

A scan has grey, anti-aliased edges and strokes whose width follows the writer's pen pressure; a sketchpad
gives one uniform width, pure black on white, at any slant, size and place on the canvas. A model trained on
scans alone reads the second worse. The recipe for one digit:

1. map the 28x28 scan onto a 280x280 canvas (the app's pad) with a random slant (shear), tilt, height and
   position, and keep the ink (value > 0.5): the shape of the digit at canvas resolution;
2. thin it to a one-pixel skeleton (Zhang & Suen 1984): the path the pen took;
3. draw that path with a round pen of a random width, pure black, no grey ramp (a distance transform);
4. send the canvas through `lab.drawing.preprocess_drawing`, exactly as the app does with a drawing.

The drawn test set applies it once to each of the 1,000 shipped mnist test digits, with wider ranges than
training uses (`TEST_RANGES` vs `TRAIN_RANGES`), so it measures the reading of new digits in new hands. It is
shipped as `checkpoints/examples/mnist-drawn.npz` (images, labels and each drawing's parameters), so every
figure is measured on the same images; `with_drawn_copies` adds re-drawn copies of the training digits to a
training set (lab.train `--drawn-copies`).

    python -m lab.drawn_digits            # accuracy of the shipped classifier on the drawn test set, by pen width
    python -m lab.drawn_digits --write    # (re)build the shipped test set first
"""
from __future__ import annotations

import argparse
import functools
import json
from dataclasses import dataclass

import numpy as np
import torch
from scipy import ndimage

from lab.data import Dataset
from lab.drawing import preprocess_drawing
from lab.examples import EXAMPLES_DIR, load_examples

CANVAS = 280   # the app's sketchpad side, pixels (demo.components.CANVAS)
TEST_SEED = 19
DRAWN_PATH = EXAMPLES_DIR / "mnist-drawn.npz"


@dataclass(frozen=True)
class PenRanges:
    """Uniform ranges of the drawing's parameters; lengths in canvas pixels."""
    pen_width: tuple[float, float]
    digit_height: tuple[float, float]
    slant: tuple[float, float]          # horizontal shear per unit of height (italic > 0)
    tilt_degrees: tuple[float, float]


TRAIN_RANGES = PenRanges(pen_width=(6, 26), digit_height=(110, 250), slant=(-0.3, 0.4), tilt_degrees=(-10, 10))
# Wider in every direction than training: thinner and thicker pens, smaller digits, stronger slants.
TEST_RANGES = PenRanges(pen_width=(4, 32), digit_height=(90, 260), slant=(-0.4, 0.5), tilt_degrees=(-15, 15))


def thin(shape: np.ndarray) -> np.ndarray:
    """Zhang-Suen thinning of a boolean (H, W) shape to one-pixel-wide paths (boolean, same shape)."""
    image = np.pad(shape.astype(np.uint8), 1)
    while True:
        changed = False
        for first_pass in (True, False):
            # The 8 neighbours P2..P9, clockwise from north, of every pixel.
            p = [image[:-2, 1:-1], image[:-2, 2:], image[1:-1, 2:], image[2:, 2:],
                 image[2:, 1:-1], image[2:, :-2], image[1:-1, :-2], image[:-2, :-2]]
            neighbours = sum(p)
            transitions = sum(((p[i] == 0) & (p[(i + 1) % 8] == 1)) for i in range(8))
            if first_pass:
                clear = (p[0] * p[2] * p[4] == 0) & (p[2] * p[4] * p[6] == 0)
            else:
                clear = (p[0] * p[2] * p[6] == 0) & (p[0] * p[4] * p[6] == 0)
            remove = (image[1:-1, 1:-1] == 1) & (neighbours >= 2) & (neighbours <= 6) & (transitions == 1) & clear
            if remove.any():
                image[1:-1, 1:-1][remove] = 0
                changed = True
        if not changed:
            return image[1:-1, 1:-1].astype(bool)


def draw_on_canvas(scan: np.ndarray, pen_width: float, digit_height: float, slant: float, tilt_degrees: float,
                   centre: tuple[float, float]) -> np.ndarray:
    """A (28, 28) scan in [0, 1] re-drawn as black pen strokes on a white (CANVAS, CANVAS, 3) uint8 canvas.

    The scan's 20-pixel digit box becomes `digit_height` canvas pixels, centred at `centre` (row, column)."""
    scale = digit_height / 20.0
    angle = np.deg2rad(tilt_degrees)
    rotation = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    shear = np.array([[1.0, 0.0], [-slant, 1.0]])      # (row, col): the column moves right as the row rises
    forward = scale * rotation @ shear                  # scan coordinates -> canvas coordinates
    inverse = np.linalg.inv(forward)
    scan_centre = np.array([13.5, 13.5])
    offset = scan_centre - inverse @ np.asarray(centre, float)
    on_canvas = ndimage.affine_transform(scan.astype(np.float32), inverse, offset=offset,
                                         output_shape=(CANVAS, CANVAS), order=1)
    path = thin(on_canvas > 0.5)
    ink = ndimage.distance_transform_edt(~path) <= pen_width / 2
    canvas = np.where(ink, 0, 255).astype(np.uint8)
    return np.repeat(canvas[:, :, None], 3, axis=2)


def random_drawing(scan: np.ndarray, ranges: PenRanges, rng: np.random.Generator) -> tuple[np.ndarray, dict]:
    """One re-drawing of `scan` with parameters drawn from `ranges`: (canvas, the parameters)."""
    height = rng.uniform(*ranges.digit_height)
    margin = height * 0.6                              # keep the (slanted) digit on the canvas
    low, high = margin, max(margin, CANVAS - margin)
    parameters = {"pen_width": rng.uniform(*ranges.pen_width), "digit_height": height,
                  "slant": rng.uniform(*ranges.slant), "tilt_degrees": rng.uniform(*ranges.tilt_degrees),
                  "centre": (rng.uniform(low, high), rng.uniform(low, high))}
    return draw_on_canvas(scan, **parameters), parameters


def redraw(images: torch.Tensor, ranges: PenRanges, seed: int) -> tuple[torch.Tensor, list[dict]]:
    """Re-draw (N, 1, 28, 28) scans and preprocess them as the app does: ((N, 1, 28, 28), parameters)."""
    rng = np.random.default_rng(seed)
    drawn, parameters = [], []
    for scan in images[:, 0].numpy():
        canvas, used = random_drawing(scan, ranges, rng)
        drawn.append(preprocess_drawing(canvas))
        parameters.append(used)
    return torch.from_numpy(np.stack(drawn))[:, None], parameters


def build_drawn_test_set(count: int | None = None) -> tuple[Dataset, dict[str, np.ndarray]]:
    """The first `count` (default all 1,000) shipped mnist test digits, each re-drawn once with TEST_RANGES;
    and the drawings' parameters as arrays."""
    test = load_examples("mnist").subset(count or len(load_examples("mnist")))
    images, parameters = redraw(test.images, TEST_RANGES, TEST_SEED)
    columns = {name: np.array([used[name] for used in parameters]) for name in parameters[0]}
    return Dataset(images, test.labels, test.class_names), columns


def write_drawn_test_set() -> None:
    drawn, parameters = build_drawn_test_set()
    images = (drawn.images[:, 0] * 255).round().to(torch.uint8).numpy()
    np.savez_compressed(DRAWN_PATH, images=images, labels=drawn.labels.numpy(), **parameters)


@functools.cache
def drawn_test_set() -> tuple[Dataset, dict[str, np.ndarray]]:
    """The shipped drawn test set: (1,000 images with their labels, the drawings' parameters as arrays)."""
    if not DRAWN_PATH.exists():
        raise FileNotFoundError(f"{DRAWN_PATH} is missing: run `python -m lab.drawn_digits --write`")
    with np.load(DRAWN_PATH) as archive:
        images = torch.from_numpy(archive["images"].astype(np.float32) / 255)[:, None]
        parameters = {name: archive[name] for name in archive.files if name not in ("images", "labels")}
        labels = torch.from_numpy(archive["labels"].astype(np.int64))
    return Dataset(images, labels, load_examples("mnist").class_names), parameters


def with_drawn_copies(train_set: Dataset, copies: int, seed: int) -> Dataset:
    """The training set followed by `copies` re-drawings of every image (TRAIN_RANGES)."""
    if copies <= 0:
        return train_set
    drawn = [redraw(train_set.images, TRAIN_RANGES, seed + 1 + copy)[0] for copy in range(copies)]
    return Dataset(torch.cat([train_set.images, *drawn]), train_set.labels.repeat(copies + 1),
                   train_set.class_names)


@torch.inference_mode()
def accuracy_by_pen_width(classifier, edges=(4, 10, 16, 22, 32)) -> dict:
    """The classifier's accuracy on the drawn test set, overall and per pen-width band."""
    drawn, parameters = drawn_test_set()
    device = next(classifier.parameters()).device
    correct = (classifier(drawn.images.to(device)).argmax(1).cpu() == drawn.labels).numpy()
    widths = parameters["pen_width"]
    bands = {f"pen {low}-{high} px": float(correct[(widths >= low) & (widths < high)].mean())
             for low, high in zip(edges[:-1], edges[1:])}
    return {"drawn_digits_accuracy": float(correct.mean()), **bands}


def main(argv: list[str] | None = None) -> dict:
    from lab.checkpoints import load_model, shipped_path

    parser = argparse.ArgumentParser(prog="python -m lab.drawn_digits", description=__doc__.split("\n\n")[0])
    parser.add_argument("--checkpoint", help="a classifier folder (default: the shipped mnist-classifier)")
    parser.add_argument("--write", action="store_true", help=f"(re)build {DRAWN_PATH.name} first")
    args = parser.parse_args(argv)
    if args.write:
        write_drawn_test_set()
    classifier = load_model(args.checkpoint or shipped_path("mnist", "classifier"))[0].eval()
    figures = accuracy_by_pen_width(classifier)
    print(json.dumps(figures, indent=2))
    return figures


if __name__ == "__main__":
    main()
