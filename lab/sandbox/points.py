"""The sandbox's data: 2,000 to 10,000 points from a toy set, a drawing or a file, checked and split.

The toy sets are the classic 2-D targets of diffusion demos: two moons, rings, a spiral, a checkerboard, a
letter. A drawing becomes points with probability ∝ ink (`lab.analysis.sources.canvas_points`, as on the
Densities tab), so a wider brush spreads them wider; `spread` adds Gaussian jitter on top.
"""
from __future__ import annotations

import numpy as np
from sklearn import datasets

from lab.analysis.sources import canvas_points
from lab.messages import Refused

TOY_SETS = ("moons", "rings", "spiral", "checkerboard", "letter")
MIN_POINTS, MAX_POINTS, DEFAULT_POINTS = 2_000, 10_000, 10_000
HELD_OUT = 4_000          # held-out points of a toy set (two halves of 2,000 for the MMD's noise floor)
MIN_DISTINCT = 20         # fewer distinct places than this is a dot, not a density
# The letter A as three strokes: ((x0, y0), (x1, y1)).
LETTER_STROKES = (((-1.0, -1.5), (0.0, 1.5)), ((0.0, 1.5), (1.0, -1.5)), ((-0.5, 0.0), (0.5, 0.0)))


def toy_points(name: str, count: int = DEFAULT_POINTS, seed: int = 0) -> np.ndarray:
    """(count, 2) float32 points of a toy set; a different seed draws other points of the same density."""
    rng = np.random.default_rng(seed)
    if name == "moons":
        points = datasets.make_moons(count, noise=0.06, random_state=seed)[0]
    elif name == "rings":
        points = datasets.make_circles(count, noise=0.04, factor=0.5, random_state=seed)[0] * 2
    elif name == "spiral":
        angle = np.sqrt(rng.random(count)) * 3 * np.pi     # even along its length, not crowded at the centre
        points = np.stack([angle * np.cos(angle), angle * np.sin(angle)], 1) / 3 + rng.normal(0, 0.1, (count, 2))
    elif name == "checkerboard":
        cell = rng.integers(0, 8, count)                    # 8 dark cells of a 4x4 board
        row = cell // 2
        column = 2 * (cell % 2) + row % 2
        points = np.stack([column, row], 1) + rng.random((count, 2)) - 2
    elif name == "letter":
        points = _letter(count, rng)
    else:
        raise Refused("unknown_choice", name="toy set", value=name, choices=TOY_SETS)
    return points.astype(np.float32)


def _letter(count: int, rng: np.random.Generator) -> np.ndarray:
    starts, ends = (np.array([stroke[i] for stroke in LETTER_STROKES]) for i in (0, 1))
    lengths = np.linalg.norm(ends - starts, axis=1)
    stroke = rng.choice(len(lengths), count, p=lengths / lengths.sum())   # even ink along the strokes
    along = rng.random(count)[:, None]
    return starts[stroke] + along * (ends[stroke] - starts[stroke]) + rng.normal(0, 0.08, (count, 2))


def drawn_points(image, count: int = DEFAULT_POINTS, spread: float = 0.0, seed: int = 0) -> np.ndarray:
    """Ink on a pad -> (count, 2) points (x right, y up, the longer side spanning [-3, 3]) plus N(0, spread²)
    jitter. Refuses an empty pad and a dot."""
    check_count(count)
    points = canvas_points(image, count, seed)
    if len(np.unique(np.round(points, 1), axis=0)) < MIN_DISTINCT:
        raise Refused("sandbox_dot")
    jitter = np.random.default_rng(seed + 1).normal(0, float(spread), points.shape)
    return (points + jitter).astype(np.float32)


def check_count(count) -> int:
    if not MIN_POINTS <= count <= MAX_POINTS:
        raise Refused("between", name="points", low=MIN_POINTS, high=MAX_POINTS, value=count)
    return int(count)


def check_points(points) -> np.ndarray:
    """Points from a file or a script: (N, 2) finite numbers, MIN_POINTS to MAX_POINTS of them, spread over
    more than a dot. Returns them as float32."""
    points = np.asarray(points, dtype=np.float64)
    if points.ndim != 2 or points.shape[1] != 2:
        raise Refused("sandbox_shape", shape=tuple(points.shape))
    check_count(len(points))
    if not np.isfinite(points).all():
        raise Refused("sandbox_not_finite")
    if len(np.unique(points, axis=0)) < MIN_DISTINCT or points.std(axis=0).max() == 0:
        raise Refused("sandbox_dot")
    return points.astype(np.float32)


def split(points: np.ndarray, seed: int = 0, held_out: float = 0.2) -> tuple[np.ndarray, np.ndarray]:
    """(training, held-out) points, a random `held_out` share kept out of training."""
    order = np.random.default_rng(seed).permutation(len(points))
    cut = int(len(points) * (1 - held_out))
    return points[order[:cut]], points[order[cut:]]
