"""The facade the UI calls: one module per tab, mirroring `demo/tabs/`, plus the few plain values every
tab shares (below).

Each `lab.api.<tab>` module holds the functions its tab calls: plain values in and out (numbers, lists,
dicts, numpy arrays in [0, 1], PIL images), models taken from `lab.shipped` (loaded once per process),
inference under `torch.inference_mode()`. The UI (`demo/`) imports nothing of `lab` but this package,
and nothing under `lab/` imports it: it stands on top of the models, the analysis and the checkpoints.
"""
from __future__ import annotations

from lab.checkpoints import CheckpointError
from lab.data import DATASET_NAMES, class_names
from lab.device import describe_device, device_facts
from lab.drawing import BlankDrawingError, model_input as prepare_drawing
from lab.examples import example_count, example_images, example_images_by_index, example_label
from lab.memory import keep_large_buffers
from lab.messages import Refused, say

__all__ = ["BlankDrawingError", "CheckpointError", "DATASET_NAMES", "Refused", "class_names", "describe_device",
           "device_facts", "example_count", "example_images", "example_images_by_index", "example_label",
           "keep_large_buffers", "prepare_drawing", "say"]
