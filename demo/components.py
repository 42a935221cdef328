"""The widgets tabs share, built in place inside the current Blocks, with the small handlers that go with
them: the dataset radio, the image-source picker ("a test image or my drawing"), the drawing pads, the
diffusion sampling controls and the export helpers (the trajectory player is demo.flipbook). A tab imports
these, never another tab.
"""
from __future__ import annotations

import collections
import contextlib
import copy
import functools
import hashlib
import inspect
import os
import re
import tempfile
import threading
import time
from pathlib import Path
from typing import Callable, NamedTuple

import gradio as gr
import numpy as np
from gradio.caching import cache_hash
from gradio.components.plot import PlotData
from plotly.basedatatypes import BaseFigure

from demo.i18n import UI_TEXT, request_language, text
from demo.imaging import write_gif
from demo.classroom import FILE_AGE_S
from demo.progress import in_shared_work, shared_work
from lab import api

DATASET_CHOICES = [("MNIST", "mnist"), ("Fashion-MNIST", "fashion")]
CANVAS = 280
EXPORT_DIR = Path(tempfile.mkdtemp(prefix="lab-exports-"))
(EXPORT_DIR / "shared").mkdir()
FILE_SWEEP_S = 600
_last_sweep = time.monotonic()


class OnLoad(NamedTuple):
    """What a tab asks the app to run when it is first shown (with the page for the first tab, on a visitor's
    first opening for the others: demo.app): `fn(*inputs) -> outputs`, then `then` if given.

    Every tab's build() returns a list of these (empty when the tab opens on its static values). The app
    runs them through `shared_result`: what depends only on the fixed defaults is computed once."""
    fn: Callable
    inputs: list
    outputs: list
    then: "OnLoad | None" = None


shared_computations: collections.Counter = collections.Counter()   # per handler name: how often a load computed


def shared_result(fn: Callable) -> Callable:
    """`fn` for page loads, computed once per (inputs, language) and shared by every visitor after that.

    A page opens on the fixed defaults, so a class of 30 opening it together should pay once, not 30
    times. The key is the inputs' content (Gradio's own content hash) and the language; Gradio passes
    `request` and `progress` positionally, so they are read by type and left out of the key. Each visitor
    gets a deep copy (`visitor_copy`): Gradio consumes update dicts, and per-user state must not be shared. Its
    plotly figures are kept as Gradio sends them (`serialized`), not serialized again for each visitor. A
    generator (the streamed grid) streams to the visitor who started it; the others get its last update
    (see `_shared_stream`)."""
    if inspect.isgeneratorfunction(fn):
        return _shared_stream(fn)
    results, lock = {}, threading.Lock()

    @functools.wraps(fn)   # keeps fn's signature, so Gradio still injects `request` and `progress`
    def load(*args):
        key = _load_key(args)
        with lock:   # the first visitor computes; those arriving meanwhile wait for that result
            if key not in results:
                with shared_work():    # for everyone: not stopped if the first visitor leaves
                    results[key] = serialized(fn(*args))
                shared_computations[fn.__name__] += 1
        return visitor_copy(results[key])
    return load


def visitor_copy(result):
    """A deep copy of a shared result, except its figures: Gradio only reads those, and copying a plotly
    figure validates it all over again (127 ms of a page open's 425, measured)."""
    figures = {id(found): found for found in _figures(result)}
    return copy.deepcopy(result, figures)


def serialized(result):
    """A load's outputs with each plotly figure (an output, or an update's value) replaced by what gr.Plot
    makes of it, its JSON in Gradio's PlotData, which Gradio then sends as it is: 1–2 ms per figure saved for
    each later visitor. What goes into a gr.State is left as it is."""
    def output(value):
        if isinstance(value, BaseFigure):
            return PlotData(type="plotly", plot=value.to_json())
        if isinstance(value, dict) and value.get("__type__") == "update" and isinstance(value.get("value"),
                                                                                      BaseFigure):
            return {**value, "value": output(value["value"])}
        return value
    return tuple(map(output, result)) if isinstance(result, tuple) else output(result)


def _figures(value):
    if isinstance(value, (BaseFigure, PlotData)):
        yield value
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _figures(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _figures(item)


def _load_key(args: tuple) -> str:
    request = next((arg for arg in args if isinstance(arg, gr.Request)), None)
    # A slider's 1.0 comes back from the browser as 1 (JSON has one kind of number): the same input.
    values = [int(arg) if isinstance(arg, float) and arg.is_integer() else arg
              for arg in args if not isinstance(arg, (gr.Request, gr.Progress))]
    return cache_hash((values, request_language(request)))


def _shared_stream(fn: Callable) -> Callable:
    """A generator load run once per key: the first visitor sees it arrive, later ones (and those who came
    while it ran) get its last update at once. 20 visitors streaming the PixelCNN grid each cost the server
    20 × 22 s before. If the first visitor leaves mid-stream, whoever waited computes it themselves."""
    finished, running, lock = {}, {}, threading.Lock()

    @functools.wraps(fn)
    def stream(*args):
        key = _load_key(args)
        with lock:
            owner = key not in finished and key not in running
            if owner:
                running[key] = threading.Event()
            wait_for = running.get(key)
        if not owner:
            if key not in finished:
                wait_for.wait()
            if key in finished:
                yield visitor_copy(finished[key])
                return
            yield from fn(*args)
            return
        try:
            last = None
            for last in fn(*args):
                yield last
            if last is not None:
                finished[key] = serialized(visitor_copy(last))
                shared_computations[fn.__name__] += 1
        finally:
            with lock:
                running.pop(key).set()
    return stream


def warn(message: str, lang: str) -> None:
    """A warning toast, titled in the reader's language; the tab keeps working."""
    gr.Warning(message, title=text("warning", lang))


# --- data and images -------------------------------------------------------------------------------------

def choice_key(value: str) -> str:
    """The text key of a choice shown by its value ("digits 8x8" -> choice_digits_8x8)."""
    return "choice_" + re.sub(r"[^a-z0-9]+", "_", value.lower()).strip("_")


def translated_choices(i18n, values) -> list[tuple]:
    """(label in the reader's language, value) pairs: the handlers keep receiving the plain values."""
    return [(i18n(choice_key(value)), value) for value in values]


def choice_label(value: str, lang: str) -> str:
    """A choice's label in `lang`, for text that handlers compute (a legend, a title)."""
    return UI_TEXT.get(lang, UI_TEXT["en"]).get(choice_key(value), value)


def dataset_radio(i18n, label_key: str = "dataset", elem_id: str | None = None) -> gr.Radio:
    # The class lets a link's ?dataset= find it (demo.links).
    return gr.Radio(DATASET_CHOICES, value="mnist", label=i18n(label_key), elem_id=elem_id,
                    elem_classes=["dataset-choice"])


def image_source(i18n, index: int = 0, dataset: gr.Radio | None = None) -> tuple[gr.Radio, gr.Slider, OnLoad]:
    """A shipped test image by number, or the Draw & encode tab's drawing: (source radio, index slider, the
    load that fills the caption). Under the slider, what the numbered image is ("Test image #7 is labelled
    0"), for `dataset` (mnist when None): filled when the tab first opens (the tab returns the OnLoad with
    its own, so a page open does not pay for the captions of tabs nobody looks at) and on every change."""
    source = gr.Radio([(i18n("test_image"), "test"), (i18n("my_drawing"), "drawing")], value="test",
                      label=i18n("image_source"))
    slider = gr.Slider(0, 999, value=index, step=1, label=i18n("test_index"))
    caption = gr.Markdown(elem_classes=["example-caption"])
    inputs = [slider] + ([dataset] if dataset is not None else [])
    for control in inputs:
        control.change(example_caption, inputs, caption, show_progress="hidden")
    return source, slider, OnLoad(example_caption, inputs, [caption])


def example_caption(index: float, dataset: str = "mnist", request: gr.Request | None = None) -> str:
    """'Test image #7 is labelled **0**.' (empty for an index out of range: the handler says why)."""
    lang = request_language(request)
    if not 0 <= int(index or 0) < api.example_count(dataset):
        return ""
    return text("example_caption", lang, index=int(index or 0),
                name=class_name(dataset, api.example_label(dataset, int(index or 0)), lang))


def source_image(source: str, index: float, drawing, dataset: str, lang: str) -> np.ndarray:
    """The picked image, (28, 28) in [0, 1]: the drawing (a clear gr.Error when there is none yet) or the
    shipped test image `index` of `dataset` (a clear gr.Error when out of range)."""
    if source == "drawing":
        if drawing is None:
            raise gr.Error(text("no_drawing", lang))
        return np.asarray(drawing, np.float32)
    count = api.example_count(dataset)
    if not 0 <= int(index or 0) < count:
        raise gr.Error(text("bad_index", lang, count=count - 1))
    return api.example_images_by_index(dataset, [int(index or 0)])[0]


# --- drawing pads ----------------------------------------------------------------------------------------

def blank_canvas(size: int = CANVAS) -> dict:
    """A white sketchpad value: giving the pad a background makes it start with the brush selected."""
    white = np.full((size, size, 3), 255, np.uint8)
    return {"background": white, "layers": [], "composite": white}


def composite(sketch):
    """The sketchpad's flattened image (or None when nobody drew)."""
    if isinstance(sketch, dict):
        return sketch.get("composite")
    return sketch


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


def sketchpad(label: str, elem_id: str, brush_size: int = 12, extra_height: int = 120) -> gr.Sketchpad:
    """A white pad with a fixed black brush, already in draw mode."""
    return gr.Sketchpad(value=blank_canvas(), label=label, elem_id=elem_id, canvas_size=(CANVAS, CANVAS),
                        image_mode="RGB", type="numpy",
                        brush=gr.Brush(default_size=brush_size, colors=["#000000"], color_mode="fixed"),
                        layers=False, transforms=(), height=CANVAS + extra_height)


def point_canvas_panel(i18n, elem_id: str) -> tuple[gr.Sketchpad, gr.Button]:
    """A closed accordion with a pad whose ink becomes 2-D points ("bring your own data") and its
    "Use these points" button."""
    with gr.Accordion(i18n("points_canvas"), open=False):
        with gr.Row():
            canvas = sketchpad(i18n("points_canvas"), elem_id, brush_size=14, extra_height=100)
            with gr.Column():
                gr.Markdown(i18n("points_canvas_help"))
                use_drawing = gr.Button(i18n("use_drawing"), variant="primary")
    return canvas, use_drawing


# --- diffusion sampling controls -------------------------------------------------------------------------

def class_choices(dataset: str, lang: str = "en", no_class: int | None = None) -> list[tuple[str, int]]:
    """The dataset's classes as (name, index) choices, led by "no class" when the model has one."""
    choices = [(name, index) for index, name in enumerate(api.class_names(dataset))]
    return choices if no_class is None else [(text("no_class", lang), no_class)] + choices


def class_name(dataset: str, label: int, lang: str, no_class: int | None = None) -> str:
    return dict((value, name) for name, value in class_choices(dataset, lang, no_class))[int(label)]


def sampling_controls(i18n, steps_id: str, defaults: dict, samplers, no_class: int):
    """Dataset, class, guidance w, sampler and steps at the measured `defaults`:
    (dataset, label, guidance, sampler, steps)."""
    dataset = dataset_radio(i18n)
    label = gr.Dropdown(class_choices("mnist", no_class=no_class), value=0, label=i18n("class_label"))
    guidance = gr.Slider(0, 8, value=defaults["guidance_scale"], step=0.25, label=i18n("guidance"))
    sampler = gr.Radio(list(samplers), value=defaults["sampler"], label=i18n("sampler"))
    steps = gr.Slider(1, 1000, value=defaults["steps"], step=1, label=i18n("steps"), elem_id=steps_id)
    return dataset, label, guidance, sampler, steps


def next_seed(seed: float | None) -> int:
    """A "new draw" button's step: the seed box's next value (a fresh ε, a fresh resampling)."""
    return int(seed or 0) + 1


def check_steps(steps: float, lang: str) -> int:
    if not 1 <= int(steps) <= 1000:
        raise gr.Error(text("steps_range", lang))
    return int(steps)


def duration_text(seconds: float) -> str:
    """A time to read at a glance: 0.08 s, 3.3 s, 14 min, 3.7 h, 2 d (the cost tables' long extrapolations)."""
    if seconds < 120:
        return f"{seconds:.2f} s" if seconds < 1 else f"{seconds:.1f} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h" if seconds < 172800 else f"{seconds / 86400:.0f} d"


def captioned_image(caption, scale: int = 1, min_width: int = 160, **options) -> gr.Image:
    """An output image with its caption above it, built in place. Gradio's own label floats over the
    picture's top-left corner, on a 28x28 digit right over the stroke.

    Pictures go to the browser as PNG, not Gradio's WebP: lossless on a digit's hard pixel edges, smaller,
    and 10x faster to encode (0.2 ms against 1.8 for 168x168), which a pen stroke pays three times."""
    with gr.Column(scale=scale, min_width=min_width, elem_classes=["captioned"]):
        gr.Markdown(caption, elem_classes=["image-caption"])
        return gr.Image(show_label=False, **{"format": "png", **options})


# --- exports ---------------------------------------------------------------------------------------------

def export_text(stem: str, suffix: str, content: str) -> str:
    """Write `content` to a file named by its digest; returns the path. The same content is written once,
    and two users never overwrite each other's file."""
    digest = hashlib.sha1(content.encode()).hexdigest()[:12]
    path = export_folder() / f"{stem}-{digest}{suffix}"
    if not path.exists():
        _write_atomically(path, lambda partial: partial.write_text(content))
    return str(path)


def export_gif(stem: str, panels: list[np.ndarray], **options) -> str:
    """An animated GIF of `panels` side by side (see demo.imaging.write_gif), named by their digest."""
    digest = hashlib.sha1(b"".join(np.ascontiguousarray(panel).tobytes() for panel in panels)).hexdigest()[:12]
    path = export_folder() / f"{stem}-{digest}.gif"
    if not path.exists():
        _write_atomically(path, lambda partial: write_gif(panels, partial, **options))
    return str(path)


def export_folder() -> Path:
    """Where an export goes: `shared/` for a page load's (kept: every visitor is sent its path), else the
    visitor's own, which are deleted after FILE_AGE_S (checked at most every FILE_SWEEP_S)."""
    if in_shared_work():
        return EXPORT_DIR / "shared"
    global _last_sweep
    if time.monotonic() - _last_sweep > FILE_SWEEP_S:
        _last_sweep = time.monotonic()
        forget_old_exports(FILE_AGE_S)
    return EXPORT_DIR


def forget_old_exports(age_s: float) -> int:
    """Delete the visitors' exports older than `age_s` seconds; returns how many."""
    deadline, removed = time.time() - age_s, 0
    for path in EXPORT_DIR.glob("*.*"):
        with contextlib.suppress(OSError):   # another thread may have removed it
            if path.stat().st_mtime < deadline:
                path.unlink()
                removed += 1
    return removed


def _write_atomically(path: Path, write: Callable[[Path], object]) -> None:
    # Two users asking for the same export at once must never see (or serve) a half-written file.
    partial = path.with_name(f".{path.stem}-{os.getpid()}-{threading.get_ident()}{path.suffix}")
    write(partial)
    os.replace(partial, path)
