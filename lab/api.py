"""The facade the UI calls: plain values in and out, models loaded once, inference under inference_mode.

The UI (`demo/`) never imports torch; it passes drawings (numpy arrays) and settings, and gets back numpy
images in [0, 1], lists of numbers and messages. Models load lazily, once per process, in eval mode on the
device chosen by `lab.device`, and are shared read-only between users.
"""
from __future__ import annotations

import functools
import threading

import numpy as np
import torch

from lab.checkpoints import CheckpointError, load_model, read_metrics, shipped_path
from lab.data import DATASET_NAMES, class_names
from lab.device import describe_device, get_device, gpu_task, make_generator
from lab.drawing import BlankDrawingError, preprocess_drawing
from lab.examples import load_examples

__all__ = ["BlankDrawingError", "CheckpointError", "DATASET_NAMES", "class_names", "describe_device",
           "encode_drawing", "sample_posterior", "example_images", "get_model", "shipped_checkpoints"]

_load_lock = threading.Lock()


def get_model(dataset: str, name: str) -> torch.nn.Module:
    """The shipped model `name` (classifier, vae2, vae16, ae16) of `dataset`, loaded once per process."""
    if dataset not in DATASET_NAMES:
        raise ValueError(f"unknown dataset {dataset!r}; expected one of {DATASET_NAMES}")
    with _load_lock:  # two users arriving together must not load the same weights twice
        return _load_shipped(dataset, name)


@functools.cache
def _load_shipped(dataset: str, name: str) -> torch.nn.Module:
    model, _ = load_model(shipped_path(dataset, name), get_device())
    return model


def _to_tensor(image28: np.ndarray) -> torch.Tensor:
    # (28, 28) float in [0, 1] -> (1, 1, 28, 28) on the model device
    return torch.as_tensor(np.asarray(image28, np.float32)).view(1, 1, 28, 28).to(get_device())


def _to_numpy(images: torch.Tensor) -> np.ndarray:
    # (B, 1, 28, 28) -> (B, 28, 28) float32 numpy in [0, 1]
    return images.detach().float().clamp(0, 1).cpu().numpy()[:, 0]


def example_images(dataset: str, per_class: int = 1) -> list[tuple[np.ndarray, int]]:
    """The first `per_class` shipped test images of each class: [(image (28, 28) in [0, 1], label)]."""
    examples = load_examples(dataset)
    picked = []
    for label in range(len(examples.class_names)):
        indices = (examples.labels == label).nonzero().flatten()[:per_class]
        picked += [(examples.images[i, 0].numpy(), label) for i in indices.tolist()]
    return picked


@gpu_task
@torch.inference_mode()
def encode_drawing(drawing, dataset: str = "mnist", vae_name: str = "vae16", seed: int = 0) -> dict:
    """Everything the Draw & encode tab shows for one drawing.

    `drawing`: an image of any size and mode (numpy or PIL), or an already preprocessed (28, 28) array.
    Returns a dict with: `input` (28, 28) in [0, 1]; `ae_reconstruction`, `vae_reconstruction` (28, 28);
    `posterior_mean`, `posterior_std` (lists, one per latent dimension); `elbo` {reconstruction, kl, total}
    in nats for one z ~ q(z|x) drawn with `seed`; `probabilities` p(y|x) (list); `class_names`;
    `errors` {model: message} for any checkpoint that failed to load (its outputs are None).
    Raises BlankDrawingError for an empty canvas.
    """
    image28 = _as_input(drawing)
    x = _to_tensor(image28)
    result = {"input": image28, "class_names": list(class_names(dataset)), "errors": {},
              "ae_reconstruction": None, "vae_reconstruction": None, "posterior_mean": None,
              "posterior_std": None, "elbo": None, "probabilities": None}
    try:
        vae = get_model(dataset, vae_name)
        posterior_mean, posterior_log_variance = vae.encode(x)
        result["vae_reconstruction"] = _to_numpy(torch.sigmoid(vae.decode(posterior_mean)))[0]
        result["posterior_mean"] = posterior_mean[0].cpu().tolist()
        result["posterior_std"] = torch.exp(0.5 * posterior_log_variance)[0].cpu().tolist()
        terms = vae.elbo_terms(x, make_generator(seed, torch.device("cpu")))
        result["elbo"] = {name: float(value[0]) for name, value in terms.items()}
    except CheckpointError as error:
        result["errors"][vae_name] = str(error)
    try:
        result["ae_reconstruction"] = _to_numpy(get_model(dataset, "ae16")(x))[0]
    except CheckpointError as error:
        result["errors"]["ae16"] = str(error)
    try:
        result["probabilities"] = get_model(dataset, "classifier").probabilities(x)[0].cpu().tolist()
    except CheckpointError as error:
        result["errors"]["classifier"] = str(error)
    return result


@gpu_task
@torch.inference_mode()
def sample_posterior(drawing, dataset: str = "mnist", vae_name: str = "vae16", count: int = 6,
                     seed: int = 0) -> dict:
    """Decode `count` samples z ~ q(z|x) of the VAE, and the AE's one code decoded `count` times.

    The VAE's decodings differ (the posterior is a distribution); the AE's are identical (a point).
    Returns {"vae": (count, 28, 28) or None, "ae": (count, 28, 28) or None, "errors": {model: message}},
    images in [0, 1]; a model whose checkpoint fails to load gives None and a message.
    """
    x = _to_tensor(_as_input(drawing))
    result = {"vae": None, "ae": None, "errors": {}}
    try:
        vae = get_model(dataset, vae_name)
        posterior_mean, posterior_log_variance = vae.encode(x)
        generator = make_generator(seed, torch.device("cpu"))
        z = vae.reparameterize(posterior_mean.expand(count, -1), posterior_log_variance.expand(count, -1),
                               generator)                                     # (count, latent_dim)
        result["vae"] = _to_numpy(torch.sigmoid(vae.decode(z)))
    except CheckpointError as error:
        result["errors"][vae_name] = str(error)
    try:
        ae = get_model(dataset, "ae16")
        result["ae"] = _to_numpy(ae.decode(ae.encode(x).expand(count, -1)))
    except CheckpointError as error:
        result["errors"]["ae16"] = str(error)
    return result


def _as_input(drawing) -> np.ndarray:
    """A drawing, or an already-preprocessed (28, 28) array in [0, 1], -> the model input (28, 28)."""
    array = np.asarray(drawing) if drawing is not None else None
    if array is not None and array.shape == (28, 28) and array.dtype == np.float32 and array.max() <= 1.0:
        return array
    return preprocess_drawing(drawing)


def shipped_checkpoints() -> list[dict]:
    """One row per shipped checkpoint: dataset, model, parameters, headline figures and the command."""
    from lab.checkpoints import SHIPPED_MODELS, read_config

    rows = []
    for dataset in DATASET_NAMES:
        for name in SHIPPED_MODELS:
            folder = shipped_path(dataset, name)
            try:
                config = read_config(folder)
            except CheckpointError as error:
                rows.append({"dataset": dataset, "model": name, "status": str(error)})
                continue
            metrics = read_metrics(folder)
            rows.append({"dataset": dataset, "model": name, "status": "ok",
                         "figure": metrics.get("headline", ""),
                         "value": metrics.get(metrics.get("headline", ""), float("nan")),
                         "epochs": config.get("training", {}).get("epochs"),
                         "command": config.get("training", {}).get("command", "")})
    return rows


def example_images_by_index(dataset: str, indices: list[int]) -> list[np.ndarray]:
    """Shipped test images by index, each (28, 28) in [0, 1]."""
    images = load_examples(dataset).images[:, 0]
    return [images[i].numpy() for i in indices]


def example_count(dataset: str) -> int:
    return len(load_examples(dataset))


def prepare_drawing(drawing) -> np.ndarray:
    """A sketchpad image (any size and mode) -> the (28, 28) model input in [0, 1], MNIST-style.

    Raises BlankDrawingError for an empty canvas."""
    return _as_input(drawing)
