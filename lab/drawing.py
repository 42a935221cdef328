"""Turn a user's drawing into a 28x28 image the way MNIST was made.

MNIST's recipe (LeCun et al.): crop to the ink's bounding box, scale the longer side to 20 pixels with
anti-aliasing (keeping the aspect ratio), then place it in a 28x28 field so that its centre of mass sits at
the centre. Any size, mode (L, RGB, RGBA) and ink colour works: the background is read from the border,
and ink is whatever differs from it (or, for a transparent layer, whatever is opaque).
"""
from __future__ import annotations

import numpy as np
from PIL import Image

from lab.messages import Refused

FIELD = 28        # output side, pixels
BOX = 20          # the longer side of the digit after scaling
INK_FLOOR = 0.08  # ink below this (after normalising to a maximum of 1) is treated as paper noise


class BlankDrawingError(Refused):
    """The canvas holds no ink."""


def ink_map(image) -> np.ndarray:
    """Ink amount in [0, 1] per pixel, (H, W) float32, for an image of any mode and ink colour."""
    pixels = np.asarray(image)
    if pixels.ndim == 3 and pixels.shape[2] == 4:
        alpha = pixels[..., 3].astype(np.float32)
        if alpha.min() < 250:  # a transparent layer: paint is wherever it is opaque
            return alpha / 255.0
        pixels = pixels[..., :3]
    if pixels.ndim == 3:
        pixels = pixels[..., :3].astype(np.float32) @ np.array([0.299, 0.587, 0.114], np.float32)
    if pixels.ndim != 2:
        raise Refused("image_shape", shape=pixels.shape)
    gray = pixels.astype(np.float32)  # any scale: ink is normalised by its peak below
    border = np.concatenate([gray[0], gray[-1], gray[:, 0], gray[:, -1]])
    background = float(np.median(border))
    ink = np.abs(gray - background)
    peak = ink.max()
    if peak < 1e-6:
        return np.zeros_like(ink)
    ink = ink / peak
    ink[ink < INK_FLOOR] = 0.0
    return ink


def center_of_mass(ink: np.ndarray) -> tuple[float, float]:
    """(row, column) centre of mass of a non-negative (H, W) array."""
    rows, cols = np.indices(ink.shape)
    total = ink.sum()
    return float((rows * ink).sum() / total), float((cols * ink).sum() / total)


def preprocess_drawing(image) -> np.ndarray:
    """A drawing -> (28, 28) float32 in [0, 1], white ink on black, MNIST-style.

    Raises BlankDrawingError when there is no ink, ValueError for something that is not an image.
    """
    if image is None:
        raise BlankDrawingError("blank_canvas")
    ink = ink_map(image)
    rows = np.flatnonzero(ink.max(axis=1) > 0)
    cols = np.flatnonzero(ink.max(axis=0) > 0)
    if rows.size == 0:
        raise BlankDrawingError("blank_canvas")
    cropped = ink[rows[0]: rows[-1] + 1, cols[0]: cols[-1] + 1]

    # Scale the longer side to BOX pixels, keeping the aspect ratio; Lanczos anti-aliases the strokes.
    height, width = cropped.shape
    scale = BOX / max(height, width)
    new_size = (max(1, round(width * scale)), max(1, round(height * scale)))  # PIL wants (W, H)
    scaled = np.asarray(Image.fromarray(cropped, mode="F").resize(new_size, Image.LANCZOS))
    scaled = np.clip(scaled, 0.0, None)
    if scaled.max() <= 0:
        raise BlankDrawingError("faint_drawing")
    scaled = scaled / scaled.max()

    # Put the centre of mass at the field's centre, clipping the shift so the digit stays inside.
    com_row, com_col = center_of_mass(scaled)
    h, w = scaled.shape
    top = int(np.clip(round(FIELD / 2 - com_row), 0, FIELD - h))
    left = int(np.clip(round(FIELD / 2 - com_col), 0, FIELD - w))
    field = np.zeros((FIELD, FIELD), np.float32)
    field[top: top + h, left: left + w] = scaled
    return field


LARGEST_SIDE = 1024   # a pasted photo is thinned to this many pixels a side before any real work


def model_input(drawing) -> np.ndarray:
    """A drawing (any size and mode, numpy or PIL), or an already preprocessed (28, 28) float32 array in
    [0, 1], -> the model input (28, 28) in [0, 1]. Raises BlankDrawingError for an empty canvas and
    ValueError, with a sentence, for something that is not an image."""
    if drawing is None:
        return preprocess_drawing(None)
    array = checked_image(drawing)
    if array.shape == (28, 28) and array.dtype == np.float32 and 0.0 <= array.min() and array.max() <= 1.0:
        return array
    return preprocess_drawing(array)


def checked_image(drawing) -> np.ndarray:
    """The drawing as an array of a shape and values an image can have, large ones thinned cheaply (every
    k-th pixel) so a 100-megapixel upload costs no more than a canvas. Raises ValueError otherwise."""
    try:
        array = np.asarray(drawing)
    except Exception as error:   # PIL raises many kinds for an unreadable file
        raise Refused("unreadable_image") from error
    if array.dtype == object or not np.issubdtype(array.dtype, np.number):
        raise Refused("not_an_image")
    if array.ndim not in (2, 3) or (array.ndim == 3 and array.shape[2] not in (1, 3, 4)) or min(array.shape[:2]) < 2:
        raise Refused("image_shape", shape=array.shape)
    if array.ndim == 3 and array.shape[2] == 1:
        array = array[..., 0]
    step = -(-max(array.shape[:2]) // LARGEST_SIDE)
    if step > 1:
        array = array[::step, ::step]
    if np.issubdtype(array.dtype, np.floating) and not np.isfinite(array).all():
        raise Refused("image_not_finite")
    return array
