"""Where the foundations tabs' 2-D points come from: the toy sets, a drawing, the 8x8 digits, VAE latents.

- toy sets (lab.analysis.toy): scikit-learn generators with labels;
- "drawn": ink on a canvas becomes a point cloud ("bring your own data"), no labels;
- "digits 8x8": scikit-learn's 1,797 handwritten digits, 64-d, projected to 2-D by PCA (labels 0-9);
- "mnist latents": the shipped 2-d VAE's posterior means μ of the shipped mnist test digits (labels 0-9).
"""
from __future__ import annotations

import functools

import numpy as np

from lab.analysis.toy import TOY_NAMES, make_toy
from lab.drawing import ink_map
from lab.messages import Refused

DRAWN = "drawn"
DIGITS = "digits 8x8"
LATENTS = "mnist latents"
SOURCE_NAMES = (*TOY_NAMES, DIGITS, LATENTS, DRAWN)


def canvas_points(image, count: int = 600, seed: int = 0) -> np.ndarray:
    """Ink on a canvas -> (count, 2) float32 points, drawn with probability ∝ ink, jittered inside
    their pixel; x to the right and y up, scaled so the canvas's longer side spans [-3, 3].

    Raises ValueError when the canvas holds no ink."""
    if image is None:
        raise Refused("empty_points")
    ink = ink_map(image)
    mass = ink.ravel().astype(np.float64)
    if mass.sum() <= 0:
        raise Refused("empty_points")
    rng = np.random.default_rng(seed)
    pixels = rng.choice(mass.size, size=count, p=mass / mass.sum())
    rows, cols = np.unravel_index(pixels, ink.shape)
    height, width = ink.shape
    x = cols + rng.random(count)
    y = height - (rows + rng.random(count))          # image rows grow downwards; y grows upwards
    scale = 6.0 / max(height, width)
    return np.stack([(x - width / 2) * scale, (y - height / 2) * scale], axis=1).astype(np.float32)


@functools.cache
def _digits_2d() -> tuple[np.ndarray, np.ndarray]:
    from sklearn.datasets import load_digits
    from sklearn.decomposition import PCA

    digits = load_digits()
    points = PCA(n_components=2, random_state=0).fit_transform(digits.data / 16.0)
    return points.astype(np.float32), digits.target.astype(np.int64)


@functools.cache
def _mnist_latents() -> tuple[np.ndarray, np.ndarray]:
    from lab.shipped import get_model
    from lab.examples import load_examples
    from lab.latent import encode_codes

    examples = load_examples("mnist")
    return encode_codes(get_model("mnist", "vae2"), examples.images), examples.labels.numpy()


def load_points(name: str, seed: int = 0, drawing=None, count: int = 600) -> tuple[np.ndarray, np.ndarray | None]:
    """(points (N, 2) float32, labels (N,) int64 or None) for a source name of SOURCE_NAMES.

    The seed draws the toy sets and the drawn cloud; the digits and latents are fixed sets and the seed
    picks a random subset of `count` of them (as many points as the toy sets)."""
    if name in TOY_NAMES:
        return make_toy(name, count=count, seed=seed)
    if name == DRAWN:
        return canvas_points(drawing, count, seed), None
    if name == DIGITS:
        points, labels = _digits_2d()
    elif name == LATENTS:
        points, labels = _mnist_latents()
    else:
        raise Refused("unknown_choice", name="data source", value=name, choices=SOURCE_NAMES)
    chosen = np.random.default_rng(seed).permutation(len(points))[:count]
    return points[chosen], labels[chosen]
