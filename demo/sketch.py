"""The sketchpads' shared bits: a blank white canvas value, reading the flattened drawing back, clearing a
pad in the browser, and the small canvas on which a student draws a point cloud (k-means and densities:
"bring your own data")."""
from __future__ import annotations

import gradio as gr
import numpy as np

CANVAS = 280


def blank_canvas(size: int = CANVAS) -> dict:
    """A white sketchpad value: giving the pad a background makes it start with the brush selected."""
    white = np.full((size, size, 3), 255, np.uint8)
    return {"background": white, "layers": [], "composite": white}


# Clearing happens in the browser, never by sending the pad a new value from the server: a pad that is an
# event's output can stay under a "processing" spinner for good once the new value arrives, and ignores
# strokes meanwhile. Gradio's own trash button clears well but also drops the brush, after which strokes
# are silently ignored ("select the draw tool"); this page-load script picks the brush again after any
# pad's trash click. The selectors are structural (the titles are translated): the trash is the last
# button of a pad's top panel, the brush the first button of its tool bar.
KEEP_BRUSH_JS = """
() => {
  const pickBrush = (editor, triesLeft) => {
    const brush = editor.querySelector(".toolbar-wrap button");
    if (brush && !brush.classList.contains("highlight")) brush.click();
    else if (triesLeft > 0) setTimeout(() => pickBrush(editor, triesLeft - 1), 50);
  };
  document.addEventListener("click", (event) => {
    const trash = event.target.closest(".top-panel > button:last-of-type");
    const editor = trash && trash.closest(".image-container");
    if (editor && editor.querySelector(".toolbar-wrap")) setTimeout(() => pickBrush(editor, 10), 50);
  }, true);
}
"""


def clear_pad_js(elem_id: str) -> str:
    """Browser code for a Clear button: press the pad's own trash button (KEEP_BRUSH_JS keeps the brush).

    The pad then fires its `input` event with an empty drawing, so its handler empties the outputs."""
    return f"""() => {{ document.querySelector("#{elem_id} .top-panel > button:last-of-type")?.click(); }}"""


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
