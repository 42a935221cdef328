"""A computed trajectory played in the browser: every frame is sent once, one sprite sheet (a lossless WebP)
per panel, and the step slider and ▶ move through them without asking the server again.

Before, each tick of ▶ was a server event that re-encoded six images; with a class connected that took
2 s a step instead of 0.25 s. Now ▶ costs the server nothing and plays at its designed rate. A tab that
must answer a settled frame (the autoregressive tab's distribution plot) listens to `.release`, which
fires with `frame` when the slider is let go or playback ends.
"""
from __future__ import annotations

import base64
import html
import io
import math
import re
from typing import NamedTuple

import gradio as gr
import numpy as np
from PIL import Image

from demo.i18n import text


class Panel(NamedTuple):
    """One picture of a flipbook: its label and its frames (equal-sized 28x28 floats in [0, 1], uint8 RGB
    arrays or PIL images), shown `width` pixels wide (the flipbook's default when None)."""
    label: str
    frames: list
    width: int | None = None

MAX_FRAMES = 100

TEMPLATE = """
{{#if value.panels}}
<div class="flipbook" data-last="{{value.last}}">
  {{#if value.last}}
  <div class="fb-bar">
    <span class="fb-step">{{value.step_label}}</span>
    <input class="fb-range" type="range" min="0" max="{{value.last}}" step="1" value="{{value.start}}"
           aria-label="{{value.step_label}}">
    <button class="fb-play lg secondary" type="button">{{value.play_label}}</button>
  </div>
  {{/if}}
  <div class="fb-caption"></div>
  <div class="fb-panels" style="grid-template-columns: repeat({{value.columns}}, minmax(0, max-content))">
    {{#each value.panels}}
    <figure class="fb-panel">
      <canvas width="{{this.width}}" height="{{this.height}}" style="width: {{this.shown_width}}px"
              class="{{#if this.pixelated}}fb-pixelated{{/if}}"></canvas>
      <figcaption>{{this.label}}</figcaption>
    </figure>
    {{/each}}
  </div>
</div>
{{/if}}
"""

CSS = """
.flipbook { display: flex; flex-direction: column; gap: 6px; }
.fb-bar { display: flex; flex-wrap: wrap; align-items: center; gap: 10px; }
.fb-step { white-space: nowrap; }
.fb-range { flex: 1 1 160px; accent-color: var(--color-accent); }
.fb-play { min-width: 5.5em; padding: 6px 12px; border-radius: var(--button-large-radius);
           border: 1px solid var(--border-color-primary); background: var(--button-secondary-background-fill);
           cursor: pointer; }
.fb-caption { min-height: 1.5em; }
.fb-panels { display: grid; gap: 10px; }
.fb-panel { margin: 0; display: flex; flex-direction: column; align-items: center; max-width: 100%; }
.fb-panel canvas { max-width: 100%; height: auto; border-radius: 4px; background: #000; }
.fb-panel canvas.fb-pixelated { image-rendering: pixelated; }
.fb-panel figcaption { font-size: var(--text-sm); color: var(--body-text-color-subdued); text-align: center;
                       max-width: 100%; overflow-wrap: anywhere; }
"""

# Runs once per page; `watch` sets the book up again whenever the server sends a new trajectory.
SCRIPT = """
let sheets = [], frame = 0, timer = null, paused = false, pressed = 0;
const book = () => props.value || {};
const part = (selector) => element.querySelector(selector);

function draw() {
  element.querySelectorAll('.fb-panel canvas').forEach((canvas, k) => {
    const sheet = sheets[k];
    if (!sheet || !sheet.complete) return;
    const context = canvas.getContext('2d');
    context.imageSmoothingEnabled = false;
    context.clearRect(0, 0, canvas.width, canvas.height);
    const across = book().panels[k].across;
    context.drawImage(sheet, (frame % across) * canvas.width, Math.floor(frame / across) * canvas.height,
                      canvas.width, canvas.height, 0, 0, canvas.width, canvas.height);
  });
}

function show(index) {
  const value = book();
  frame = Math.max(0, Math.min(value.last, index));
  const range = part('.fb-range');
  if (range) range.value = frame;
  const caption = part('.fb-caption');
  if (caption) caption.innerHTML = value.captions[frame];
  element.dataset.frame = frame;
  draw();
}

function stop(settled) {
  paused = timer !== null && frame < book().last;
  if (timer !== null) { clearInterval(timer); timer = null; }
  const button = part('.fb-play');
  if (button) button.textContent = book().play_label;
  element.dataset.playing = 'false';
  if (settled) trigger('release', {frame: frame});
}

// ▶ plays from the first frame, or on from where ❚❚ paused it. The frame follows the clock, not the
// count of ticks: a busy page skips frames but still ends on time. data-shown counts the frames seen,
// data-played-ms the time from the click to the last frame.
function play() {
  const value = book();
  if (!paused) show(0);
  paused = false;
  const from = frame, started = performance.now();
  let shown = 1;
  element.dataset.playing = 'true';
  part('.fb-play').textContent = value.pause_label;
  timer = setInterval(() => {
    const due = from + Math.floor((performance.now() - started) / value.interval_ms) * value.stride;
    if (due === frame) return;
    show(due);
    element.dataset.shown = ++shown;
    if (frame >= value.last) {
      stop(true);
      element.dataset.playedMs = Math.round(performance.now() - pressed);   // from the click: what a student waits
    }
  }, value.interval_ms / 4);
}

function setup() {
  stop(false);
  paused = false;
  const value = book();
  if (!value.panels) { sheets = []; return; }
  sheets = value.panels.map((panel) => {
    const sheet = new Image();
    sheet.onload = draw;
    sheet.src = panel.sprite;
    return sheet;
  });
  show(value.start);
}

element.addEventListener('input', (event) => {
  if (!event.target.classList.contains('fb-range')) return;
  stop(false);
  paused = false;
  show(Number(event.target.value));
});
element.addEventListener('change', (event) => {
  if (event.target.classList.contains('fb-range')) trigger('release', {frame: frame});
});
element.addEventListener('click', (event) => {
  if (!event.target.closest('.fb-play')) return;
  pressed = event.timeStamp;
  if (timer === null) play(); else stop(true);
});
watch('value', setup);
setup();
"""


def flipbook(elem_id: str) -> gr.HTML:
    """An empty flipbook, built in place; a handler fills it with `flipbook_value(...)`. A book of one frame
    has no slider: a row of pictures captioned underneath, never covered."""
    return gr.HTML(None, html_template=TEMPLATE, css_template=CSS, js_on_load=SCRIPT, elem_id=elem_id,
                   elem_classes=["flipbook-block"])


def flipbook_value(panels: list[Panel], captions: list[str], lang: str, start: int | None = None,
                   interval_ms: int = 250, stride: int = 1, shown_width: int = 140, columns: int = 3,
                   max_frames: int = MAX_FRAMES, step_label: str | None = None) -> dict:
    """What a flipbook shows: each panel has one frame per caption; captions are the texts' Markdown (bold
    only) and say which step a frame is. The slider opens on frame `start` (the last by default); ▶ moves
    `stride` frames every `interval_ms`; panels sit `columns` to a row. Past `max_frames`, evenly spaced
    frames are kept (the first and the last always): a 1000-step DDPM run would otherwise send 5 MB."""
    assert all(len(panel.frames) == len(captions) for panel in panels), "one frame per caption in every panel"
    kept = kept_frames(len(captions), max_frames)
    start = len(kept) - 1 if start is None else int(np.searchsorted(kept, int(start)))
    shown = []
    for panel in panels:
        frames = [panel.frames[index] for index in kept]
        sheet, across = sprite_sheet(frames)
        width, height = sheet.width // across, sheet.height // math.ceil(len(frames) / across)
        shown_as = panel.width or shown_width
        shown.append({"label": panel.label, "sprite": data_uri(sheet), "across": across, "width": width,
                      "height": height, "shown_width": shown_as, "pixelated": width < shown_as})
    return {"panels": shown, "captions": [inline_markdown(captions[index]) for index in kept],
            "last": len(kept) - 1, "start": start, "columns": min(columns, len(panels)),
            "interval_ms": interval_ms, "stride": stride, "step_label": step_label or text("flipbook_step", lang),
            "play_label": text("flipbook_play", lang), "pause_label": text("flipbook_pause", lang)}


def kept_frames(count: int, limit: int = MAX_FRAMES) -> list[int]:
    """Indices of the frames sent: all of them, or `limit` evenly spaced from the first to the last."""
    if count <= limit:
        return list(range(count))
    return sorted({round(index) for index in np.linspace(0, count - 1, limit)})


def sprite_sheet(frames: list) -> tuple[Image.Image, int]:
    """The frames tiled row by row in one image, about square (WebP allows 16383 pixels a side), and the
    number of frames per row: one WebP sends them all, compressed together."""
    pictures = [frame if isinstance(frame, Image.Image) else _picture(frame) for frame in frames]
    width, height = pictures[0].size
    across = math.ceil(math.sqrt(len(pictures) * height / width))
    down = math.ceil(len(pictures) / across)
    sheet = Image.new(pictures[0].mode, (width * across, height * down))
    for index, picture in enumerate(pictures):
        sheet.paste(picture, (index % across * width, index // across * height))
    return sheet, across


def _picture(frame: np.ndarray) -> Image.Image:
    array = np.asarray(frame)
    if array.dtype != np.uint8:
        array = (np.clip(array, 0, 1) * 255).round().astype(np.uint8)
    return Image.fromarray(array, mode="L" if array.ndim == 2 else "RGB")


def data_uri(picture: Image.Image) -> str:
    # Lossless WebP: 31 KB for 21 latent-map frames where PNG takes 520 KB, and every browser draws it.
    buffer = io.BytesIO()
    picture.save(buffer, format="WEBP", lossless=True)
    return "data:image/webp;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def inline_markdown(caption: str) -> str:
    """A caption's Markdown as HTML: escaped, with **bold** kept (the only markup captions use)."""
    return re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", html.escape(caption))
