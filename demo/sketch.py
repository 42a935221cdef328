"""The sketchpads' shared bits: a blank white canvas value, reading the flattened drawing back, and the
small canvas on which a student draws a point cloud (k-means and densities: "bring your own data")."""
from __future__ import annotations

import gradio as gr
import numpy as np

CANVAS = 280


def blank_canvas(size: int = CANVAS) -> dict:
    """A white sketchpad value: giving the pad a background makes it start with the brush selected."""
    white = np.full((size, size, 3), 255, np.uint8)
    return {"background": white, "layers": [], "composite": white}


def composite(sketch):
    """The sketchpad's flattened image (or None when nobody drew)."""
    if isinstance(sketch, dict):
        return sketch.get("composite")
    return sketch


def point_canvas_panel(i18n, elem_id: str) -> tuple[gr.Sketchpad, gr.Button]:
    """A closed accordion holding the point pad and its "Use these points" button (built in place)."""
    with gr.Accordion(i18n("points_canvas"), open=False):
        with gr.Row():
            canvas = point_canvas(i18n, elem_id)
            with gr.Column():
                gr.Markdown(i18n("points_canvas_help"))
                use_drawing = gr.Button(i18n("use_drawing"), variant="primary")
    return canvas, use_drawing


def point_canvas(i18n, elem_id: str) -> gr.Sketchpad:
    """A pad whose ink becomes 2-D points when the data source is "drawn"."""
    return gr.Sketchpad(value=blank_canvas(), label=i18n("points_canvas"), elem_id=elem_id,
                        canvas_size=(CANVAS, CANVAS), image_mode="RGB", type="numpy",
                        brush=gr.Brush(default_size=14, colors=["#000000"], color_mode="fixed"),
                        layers=False, transforms=(), height=CANVAS + 100)
