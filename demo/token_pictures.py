"""Pictures of token grids (no torch): an image cut into its 7x7 patches with each patch's code, the codebook
as an atlas, and the frames of a grid sampled token by token.

The grid and the atlas are HTML whose hover is pure CSS: pointing at a patch shows it enlarged beside what
its code stands for (its atlas tile), in the browser, with no server event.
"""
from __future__ import annotations

import base64
import html
import io
from typing import Callable

import numpy as np
from PIL import Image

PATCH = 4                   # pixels a token stands for, per side
CELL = 40                   # a patch on screen, in CSS pixels
TODO_TINT = (0.35, 0.4, 0.55)   # tokens not yet drawn: the Autoregressive tab's blue-grey
CURRENT = (0.95, 0.15, 0.15)    # the token just drawn: its outline

CSS = """
.tok-grid { display: inline-grid; gap: 3px; background: #fff; padding: 3px; }
.tok-cell { position: relative; width: 40px; height: 40px; image-rendering: pixelated; background-size: cover; }
.tok-cell span { position: absolute; right: 1px; bottom: 0; font: 10px monospace; color: #fde047;
                 text-shadow: 0 0 2px #000; }
.tok-cell .tok-pop { display: none; position: absolute; z-index: 5; left: 44px; top: 0; padding: 6px;
                     background: var(--background-fill-primary); border: 1px solid var(--border-color-primary);
                     border-radius: 6px; white-space: nowrap; font-size: 12px; }
.tok-cell:hover { outline: 2px solid #ef4444; }
.tok-cell:hover .tok-pop { display: block; }
.tok-pop img { width: 96px; height: 96px; image-rendering: pixelated; vertical-align: middle; }
.tok-atlas { display: flex; flex-wrap: wrap; gap: 2px; max-width: 100%; }
.tok-atlas img { width: 30px; height: 30px; image-rendering: pixelated; opacity: 0.45; }
.tok-atlas img.used { opacity: 1; outline: 2px solid #f59e0b; }
"""


def png_uri(image: np.ndarray) -> str:
    """(H, W) in [0, 1] or (H, W, 3) uint8 -> a PNG data URI (lossless, small for tiny pictures)."""
    array = np.asarray(image)
    if array.dtype != np.uint8:
        array = (np.clip(array, 0, 1) * 255).round().astype(np.uint8)
    buffer = io.BytesIO()
    Image.fromarray(array, mode="L" if array.ndim == 2 else "RGB").save(buffer, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def dimmed(tile: np.ndarray, factor: float = 0.45) -> np.ndarray:
    """An atlas tile (S, S) with everything but its central PATCH x PATCH patch darkened: the code's own patch
    stands out from the surroundings shown for context."""
    tile = np.asarray(tile, np.float32) * factor
    start = (tile.shape[0] - PATCH) // 2
    tile[start: start + PATCH, start: start + PATCH] /= factor
    return tile


def token_grid_html(image28: np.ndarray, codes: np.ndarray, atlas: np.ndarray,
                    hover: Callable[[int, int, int], str]) -> str:
    """The image cut into its patches, each with its code; hovering a patch shows it enlarged and its code
    decoded alone. `hover(row, column, code)` is the pop-up's text (in the reader's language)."""
    image = np.asarray(image28, np.float32)
    grid = codes.shape[0]
    cells = []
    for row in range(grid):
        for column in range(grid):
            code = int(codes[row, column])
            patch = png_uri(image[row * PATCH: (row + 1) * PATCH, column * PATCH: (column + 1) * PATCH])
            words = html.escape(hover(row, column, code))
            cells.append(f'<div class="tok-cell" style="background-image:url({patch})"><span>{code}</span>'
                         f'<div class="tok-pop"><img src="{patch}"> → <img src="{png_uri(dimmed(atlas[code]))}">'
                         f'<br>{words}</div></div>')
    return (f'<div class="tok-grid" style="grid-template-columns:repeat({grid}, {CELL}px)">'
            + "".join(cells) + "</div>")


def atlas_html(atlas: np.ndarray, used: np.ndarray, title: Callable[[int, int], str]) -> str:
    """Every code decoded alone, in code order; the codes the image uses lit and outlined. `title(code,
    count)` is each tile's tooltip."""
    counts = np.bincount(np.asarray(used).reshape(-1), minlength=len(atlas))
    tiles = [f'<img src="{png_uri(dimmed(tile))}" class="{"used" if counts[code] else ""}" '
             f'title="{html.escape(title(code, int(counts[code])))}">'
             for code, tile in enumerate(atlas)]
    return '<div class="tok-atlas">' + "".join(tiles) + "</div>"


def sampling_frame(decoded: np.ndarray, index: int, grid: int = 7) -> np.ndarray:
    """The image decoded after token `index` (raster order), 28x28 RGB uint8: the patches not yet drawn
    tinted blue-grey, the one just drawn outlined in red."""
    rgb = np.repeat(np.clip(np.asarray(decoded, np.float32), 0, 1)[..., None], 3, axis=2)
    for later in range(index + 1, grid * grid):
        row, column = divmod(later, grid)
        cell = rgb[row * PATCH: (row + 1) * PATCH, column * PATCH: (column + 1) * PATCH]
        cell[:] = 0.4 * cell + 0.6 * np.array(TODO_TINT)
    row, column = divmod(index, grid)
    top, left = row * PATCH, column * PATCH
    for edge in (rgb[top, left: left + PATCH], rgb[top + PATCH - 1, left: left + PATCH],
                 rgb[top: top + PATCH, left], rgb[top: top + PATCH, left + PATCH - 1]):
        edge[:] = CURRENT
    return (rgb * 255).round().astype(np.uint8)
