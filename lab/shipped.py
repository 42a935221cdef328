"""The shipped models, loaded once per process and shared read-only between users, and the conversions
between the UI's (28, 28) numpy images and the models' batches.

Every model loads lazily, in eval mode, on the device `lab.device.model_device` gives its name. This sits
below `lab.api`: analysis, explorers and the benchmark all take their models from here.
"""
from __future__ import annotations

import functools
import threading

import numpy as np
import torch

from lab.checkpoints import CheckpointError, load_model, shipped_path
from lab.data import DATASET_NAMES
from lab.device import model_device
from lab.messages import Refused

SANDBOX = "sandbox"   # the 2-D sandbox's point models: not an image dataset, and always on the CPU
_load_lock = threading.Lock()
_failed: dict[tuple[str, str], CheckpointError] = {}   # a broken folder is read once, not on every request


def get_model(dataset: str, name: str) -> torch.nn.Module:
    """The shipped model `name` (classifier, vae2, vae16, ae16, diffusion, pixelcnn, …) of `dataset`,
    loaded once per process. Raises CheckpointError when its folder is missing or broken, the same error
    again on later calls without reading the folder (restart the app after restoring it)."""
    if dataset not in DATASET_NAMES and dataset != SANDBOX:
        raise Refused("unknown_choice", name="dataset", value=dataset, choices=DATASET_NAMES)
    with _load_lock:  # two users arriving together must not load the same weights twice
        if (dataset, name) in _failed:
            raise _failed[dataset, name]
        try:
            return _load_shipped(dataset, name)
        except CheckpointError as error:
            _failed[dataset, name] = error
            raise


@functools.cache
def _load_shipped(dataset: str, name: str) -> torch.nn.Module:
    # Loaded as ordinary tensors even when the first caller runs under inference_mode, so that a shared
    # model can later be used where autograd is on (a test, the benchmark).
    with torch.inference_mode(False):
        device = torch.device("cpu") if dataset == SANDBOX else model_device(name)
        model, _ = load_model(shipped_path(dataset, name), device)
    return model


def preload(names: tuple[str, ...]) -> None:
    """Load the models `names` of every dataset now, in this process; a broken folder is remembered, not
    raised (its tab says so when opened). On ZeroGPU the GPU models must be loaded in the main process,
    before the GPU functions' worker forks from it, or every call would read them from disk again."""
    for dataset in DATASET_NAMES:
        for name in names:
            try:
                get_model(dataset, name)
            except CheckpointError:
                pass


def forget_models() -> None:
    """Forget every loaded and every failed model: the next get_model reads its folder again (tests)."""
    with _load_lock:
        _load_shipped.cache_clear()
        _failed.clear()


def image_batch(image28: np.ndarray, device: torch.device | str = "cpu") -> torch.Tensor:
    """(28, 28) float in [0, 1] -> (1, 1, 28, 28) on `device`."""
    return torch.as_tensor(np.asarray(image28, np.float32)).view(1, 1, 28, 28).to(device)


def batch_images(images: torch.Tensor) -> np.ndarray:
    """(B, 1, 28, 28) -> (B, 28, 28) float32 numpy, clamped to [0, 1]."""
    return images.detach().float().clamp(0, 1).cpu().numpy()[:, 0]
