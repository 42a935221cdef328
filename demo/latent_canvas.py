"""The latent map drawn as an image, so a click on it (gr.Image.select) gives exact map coordinates.

A plotly gr.Plot has no click event in Gradio 6; an image reports the clicked pixel, which `MapView`
turns back into map coordinates. Drawing 2,000 points this way takes a few milliseconds.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw

from demo.plots import CLUSTER_COLORS

PALETTE = CLUSTER_COLORS  # the same class colours as the plotly figures
PLOT = 520        # side of the square plotting area, pixels
LEGEND = 130      # width of the legend strip on the right


@dataclass
class MapView:
    """The map's bounds: converts map coordinates to pixels and back."""
    x_min: float
    x_max: float
    y_min: float
    y_max: float

    @classmethod
    def around(cls, points: np.ndarray, margin: float = 0.06) -> "MapView":
        low, high = points.min(axis=0), points.max(axis=0)
        pad = (high - low) * margin
        return cls(float(low[0] - pad[0]), float(high[0] + pad[0]), float(low[1] - pad[1]), float(high[1] + pad[1]))

    def to_pixels(self, points: np.ndarray) -> np.ndarray:
        points = np.atleast_2d(points)
        u = (points[:, 0] - self.x_min) / (self.x_max - self.x_min) * (PLOT - 1)
        v = (1 - (points[:, 1] - self.y_min) / (self.y_max - self.y_min)) * (PLOT - 1)  # y grows upwards
        return np.stack([u, v], axis=1)

    def clamp(self, point) -> np.ndarray:
        """A map point moved onto the view's border if it lies outside it, (2,)."""
        x, y = np.asarray(point, np.float64)
        return np.array([min(max(x, self.x_min), self.x_max), min(max(y, self.y_min), self.y_max)], np.float32)

    def to_map(self, pixel: tuple[float, float]) -> np.ndarray:
        """The map point under an image pixel; a pixel off the plot (the legend, or a scripted click far
        away) is taken at the plot's edge, so a decoded point is always one the map shows."""
        u, v = (min(max(float(coordinate), 0.0), PLOT - 1) for coordinate in pixel)
        x = self.x_min + u / (PLOT - 1) * (self.x_max - self.x_min)
        y = self.y_min + (1 - v / (PLOT - 1)) * (self.y_max - self.y_min)
        return np.array([x, y], np.float32)


def ellipse_outline(center: np.ndarray, covariance: np.ndarray, radius: float = 1.0, count: int = 60) -> np.ndarray:
    """Points (count, 2) on the `radius`-σ ellipse of a 2-D Gaussian: center + V·sqrt(Λ)·(cos, sin)."""
    eigenvalues, eigenvectors = np.linalg.eigh(np.asarray(covariance, np.float64))
    angles = np.linspace(0, 2 * np.pi, count)
    circle = np.stack([np.cos(angles), np.sin(angles)])                  # (2, count)
    return (np.asarray(center)[:, None] + radius * eigenvectors @ (np.sqrt(np.clip(eigenvalues, 0, None))[:, None]
                                                                   * circle)).T


def draw_map(points: np.ndarray, labels: np.ndarray, class_names: list[str], view: MapView,
             marker=None, path=None, posterior: dict | None = None) -> Image.Image:
    """Points coloured by class, a legend, and optionally a marked point (x), a path (polyline) and a
    drawing's posterior (its mean as a ring, a 1σ ellipse or samples)."""
    image = Image.new("RGB", (PLOT + LEGEND, PLOT), "white")
    pen = ImageDraw.Draw(image)
    pen.rectangle([0, 0, PLOT - 1, PLOT - 1], outline="#d1d5db")
    for (u, v), label in zip(view.to_pixels(points), labels):
        pen.ellipse([u - 2.5, v - 2.5, u + 2.5, v + 2.5], fill=PALETTE[int(label) % 10])
    if path is not None and len(path) > 1:
        pen.line([tuple(p) for p in view.to_pixels(np.asarray(path))], fill="black", width=3)
        for u, v in view.to_pixels(np.asarray(path)):
            pen.ellipse([u - 3, v - 3, u + 3, v + 3], fill="white", outline="black")
    _draw_ticks(pen, view)
    if posterior is not None:
        _draw_posterior(pen, view, posterior)
    if marker is not None:
        u, v = view.to_pixels(np.asarray(marker))[0]
        pen.line([u - 9, v - 9, u + 9, v + 9], fill="black", width=4)
        pen.line([u - 9, v + 9, u + 9, v - 9], fill="black", width=4)
    for index, name in enumerate(class_names):
        top = 12 + index * 22
        pen.rectangle([PLOT + 12, top, PLOT + 24, top + 12], fill=PALETTE[index % 10])
        pen.text((PLOT + 30, top), name, fill="black")
    return image


def _draw_posterior(pen: ImageDraw.ImageDraw, view: MapView, posterior: dict) -> None:
    if posterior.get("samples") is not None:
        for u, v in view.to_pixels(posterior["samples"]):
            pen.ellipse([u - 2, v - 2, u + 2, v + 2], fill="black")
    if posterior.get("covariance") is not None:
        outline = view.to_pixels(ellipse_outline(posterior["center"], posterior["covariance"]))
        pen.line([tuple(p) for p in outline], fill="black", width=3)
    u, v = view.to_pixels(np.asarray(posterior["center"]))[0]
    # A ring big enough to find among 1,000 points: black with a white halo on both sides.
    pen.ellipse([u - 14, v - 14, u + 14, v + 14], outline="white", width=7)
    pen.ellipse([u - 12, v - 12, u + 12, v + 12], outline="black", width=3)


def nice_ticks(low: float, high: float, count: int = 5) -> np.ndarray:
    """Round tick values (steps of 1, 2 or 5 times a power of ten) inside [low, high], about `count` of them."""
    raw = (high - low) / count
    power = 10 ** np.floor(np.log10(raw))
    step = min((factor * power for factor in (1, 2, 5, 10) if factor * power >= raw), default=10 * power)
    return np.arange(np.ceil(low / step) * step, high, step)


def _draw_ticks(pen: ImageDraw.ImageDraw, view: MapView) -> None:
    """Map coordinates along the bottom and left edges, drawn inside the plot so clicks map unchanged."""
    for x in nice_ticks(view.x_min, view.x_max):
        u = view.to_pixels(np.array([x, view.y_min]))[0, 0]
        pen.line([u, PLOT - 1, u, PLOT - 7], fill="#6b7280", width=1)
        pen.text((u + 2, PLOT - 16), f"{x:g}", fill="#6b7280")
    for y in nice_ticks(view.y_min, view.y_max):
        v = view.to_pixels(np.array([view.x_min, y]))[0, 1]
        pen.line([0, v, 6, v], fill="#6b7280", width=1)
        pen.text((8, v - 6), f"{y:g}", fill="#6b7280")


def grid_image(images: np.ndarray, gap: int = 2) -> Image.Image:
    """(rows, cols, 28, 28) in [0, 1] -> one grayscale image with thin white gaps."""
    rows, cols = images.shape[:2]
    canvas = np.full((rows * (28 + gap) - gap, cols * (28 + gap) - gap), 255, np.uint8)
    for r in range(rows):
        for c in range(cols):
            top, left = r * (28 + gap), c * (28 + gap)
            canvas[top: top + 28, left: left + 28] = (np.clip(images[r, c], 0, 1) * 255).astype(np.uint8)
    return Image.fromarray(canvas, mode="L").resize((canvas.shape[1] * 3, canvas.shape[0] * 3), Image.NEAREST)
