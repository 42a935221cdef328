"""The lessons, the model side: each step's panel (the pictures its question is about, the live numbers its
reveal cites, and which option the live models make right), from lab/lesson_panels.py.

A panel that depends only on the shipped models is computed once per process and shared by every student;
one that reads the student's drawing is computed for that drawing (small models, milliseconds).
"""
from __future__ import annotations

import collections
import logging
import threading
import time

import numpy as np
import torch

from lab.device import gpu_task, one_at_a_time
from lab.drawing import model_input
from lab.lesson_panels import ON_THE_GPU, PANELS, USES_DRAWING
from lab.messages import Refused

PANEL_NAMES = tuple(PANELS)
log = logging.getLogger(__name__)
_fixed: dict[str, dict] = {}
_computing: dict[str, threading.Lock] = collections.defaultdict(threading.Lock)


def uses_drawing(name: str) -> bool:
    return name in USES_DRAWING


def panel(name: str, drawing=None) -> dict:
    """Step panel `name`: {'shown', 'revealed' (lists of (image (H, W) in [0, 1], caption_en, caption_es)),
    'facts' {name: number}, 'answer' (the right option's index, or None when the lesson's text fixes it)}.
    `drawing` (the student's, any form the drawing pad gives, or None) is read only by panels that use it."""
    if name not in PANELS:
        raise Refused("unknown_choice", name="panel", value=name, choices=PANEL_NAMES)
    drawing = _drawing_or_none(drawing) if name in USES_DRAWING else None
    return _drawing_panel(name, drawing) if drawing is not None else _fixed_panel(name)


def _drawing_or_none(drawing) -> np.ndarray | None:
    if drawing is None:
        return None
    try:
        return model_input(drawing)
    except (ValueError, Refused):   # a blank pad (BlankDrawingError) or no image: the panel's test image instead
        return None


def _fixed_panel(name: str) -> dict:
    """Computed once per process (a drawing's panel on its test image): when a room of 60 moves to a step
    together, one computes and the rest wait."""
    with _computing[name]:
        if name not in _fixed:
            _fixed[name] = _on_the_gpu(name) if name in ON_THE_GPU else _compute(name)
    return _fixed[name]


def prepare_panels() -> None:
    """Compute every panel as a page without a drawing shows it, in the background after the start-up
    warm-up: the lecture's slowest step (1,000 diffusion steps) is then ready before a lecturer reaches it."""
    started = time.perf_counter()
    for name in PANEL_NAMES:
        try:
            _fixed_panel(name)
        except Exception:   # noqa: BLE001 - a missing checkpoint's panel says so when opened
            log.warning("lesson panel %s could not be prepared", name, exc_info=True)
    log.info("lesson panels prepared in %.0f s", time.perf_counter() - started)


@one_at_a_time
@torch.inference_mode()
def _drawing_panel(name: str, drawing: np.ndarray) -> dict:
    return PANELS[name](drawing)


@one_at_a_time
@torch.inference_mode()
def _compute(name: str) -> dict:
    return PANELS[name](None) if name in USES_DRAWING else PANELS[name]()


@gpu_task(seconds=30)
@torch.inference_mode()
def _on_the_gpu(name: str) -> dict:
    return PANELS[name]()
