"""Small numpy/PIL helpers that turn model images into something pleasant to look at."""
from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFont

DISPLAY_SIZE = 168  # 28 x 6: whole pixels, so the digit stays crisp instead of blurred by the browser


def to_display(image28: np.ndarray | None, size: int = DISPLAY_SIZE) -> Image.Image | None:
    """(28, 28) float in [0, 1] (white ink on black) -> a larger grayscale PIL image, nearest-neighbour."""
    if image28 is None:
        return None
    pixels = (np.clip(np.asarray(image28, np.float32), 0, 1) * 255).round().astype(np.uint8)
    return Image.fromarray(pixels, mode="L").resize((size, size), Image.NEAREST)


def strip(images: np.ndarray, size: int = 112, gap: int = 4) -> Image.Image:
    """(N, 28, 28) in [0, 1] -> one PIL image with the N images side by side."""
    tiles = [np.asarray(to_display(image, size)) for image in images]
    height = tiles[0].shape[0]
    spacer = np.full((height, gap), 255, np.uint8)
    row = [part for tile in tiles for part in (tile, spacer)][:-1]
    return Image.fromarray(np.concatenate(row, axis=1), mode="L")


def write_gif(panels: list[np.ndarray], path, size: int = 140, duration: int = 120, bounce: bool = True,
              labels: list[str] | None = None, captions: list[str] | None = None) -> str:
    """An animated GIF with the panels side by side, one frame per step.

    panels: K arrays (S, 28, 28) in [0, 1], shown left to right, each under its label; captions: one line
    per step under the panels ("step 3 of 20, t = 899"); bounce plays the frames there and back."""
    gap = np.full((size, 6), 255, np.uint8)
    frames = []
    for step in range(len(panels[0])):
        tiles = [np.asarray(to_display(panel[step], size)) for panel in panels]
        row = Image.fromarray(np.concatenate([part for tile in tiles for part in (tile, gap)][:-1], axis=1))
        frames.append(_with_text(row, size, labels, captions[step] if captions else None))
    if bounce:
        frames = frames + frames[-2:0:-1]
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=duration, loop=0)
    return str(path)


def _with_text(row: Image.Image, size: int, labels: list[str] | None, caption: str | None) -> Image.Image:
    """The row of panels with a label line above each panel and a caption line below, black on white."""
    if not labels and not caption:
        return row
    line = 20
    top, bottom = (line if labels else 0), (line if caption else 0)
    framed = Image.new("L", (row.width, row.height + top + bottom), 255)
    framed.paste(row, (0, top))
    pen, font = ImageDraw.Draw(framed), ImageFont.load_default(size=13)
    for index, label in enumerate(labels or []):
        pen.text((index * (size + 6) + size / 2, line / 2), label, fill=0, font=font, anchor="mm")
    if caption:
        pen.text((row.width / 2, top + row.height + line / 2), caption, fill=0, font=font, anchor="mm")
    return framed


def grid(images: np.ndarray, columns: int = 4, size: int = 84, gap: int = 3) -> np.ndarray:
    """(N, 28, 28) in [0, 1] -> one uint8 picture, `columns` per row, white gaps between the tiles."""
    rows = [np.asarray(strip(images[start: start + columns], size=size, gap=gap))
            for start in range(0, len(images), columns)]
    spacer = np.full((gap, rows[0].shape[1]), 255, np.uint8)
    return np.concatenate([part for row in rows for part in (row, spacer)][:-1], axis=0)
