"""Autoregressive, the model side: a PixelCNN samples an image pixel by pixel, completes a drawing, and
gives the exact likelihood of any image (lecture: "Modelos autoregresivos").

- one image sampled pixel by pixel, with the distribution over 256 values at every pixel;
- a grid of samples, yielded row by row as the rows complete;
- completion of the top rows of an image; the likelihood of an image with its per-pixel cost;
- the cost argument: sequential steps for larger images, and with patches.
The tab's measured defaults and the quality CLI live in `lab.autoregressive`.
"""
from __future__ import annotations

import math
import time
from typing import Callable, Iterator

import numpy as np
import torch

from lab.autoregressive import DEFAULT_GUIDANCE, GUIDED_TEMPERATURE, defaults_for
from lab.checkpoints import read_quality, shipped_path
from lab.device import gpu_task, make_generator
from lab.evaluate import elbo_estimate
from lab.messages import Refused
from lab.models.pixelcnn import raster_rows, sample_raster, to_levels
from lab.sampling_settings import check_guidance, check_temperature
from lab.shipped import get_model, image_batch

__all__ = ["DEFAULT_GUIDANCE", "GUIDED_TEMPERATURE"]   # the sliders' first values, with the functions below
PIXELS = 28 * 28


def _labels(label: int, count: int, device) -> torch.Tensor:
    return torch.full((count,), int(label), dtype=torch.long, device=device)


def sampling_defaults(dataset: str) -> dict:
    """The tab's starting temperature and guidance for the shipped model: the measured ones (README)."""
    return defaults_for(get_model(dataset, "pixelcnn"))


@gpu_task(seconds=20)
def raster_sample(dataset: str, label: int, temperature: float, guidance: float, seed: int,
                  progress: Callable[[int, int], None] | None = None) -> dict:
    """One image drawn pixel by pixel: {'values' (28, 28) levels 0…255, 'probabilities' (784, 256): the
    distribution each pixel was drawn from, 'seconds'}."""
    model = get_model(dataset, "pixelcnn")
    device = next(model.parameters()).device
    distributions = []

    def record(row, column, probabilities, drawn):
        distributions.append(probabilities[0].cpu().numpy())
        if progress is not None and column == 27:
            progress(row + 1, 28)

    started = time.perf_counter()
    values = sample_raster(model, _labels(label, 1, device), temperature=check_temperature(temperature),
                           guidance=check_guidance(guidance), generator=make_generator(seed, device),
                           on_pixel=record)
    return {"values": values[0].cpu().numpy(), "probabilities": np.stack(distributions).astype(np.float32),
            "seconds": time.perf_counter() - started}


@gpu_task(seconds=30)
def grid_rows(dataset: str, labels: list[int], temperature: float, guidance: float,
              seed: int) -> Iterator[tuple[int, np.ndarray, float]]:
    """A batch of samples, one per label, yielded after every row: (rows done, images (N, 28, 28) in
    [0, 1] with the rows not yet drawn at 0, seconds so far)."""
    model = get_model(dataset, "pixelcnn")
    device = next(model.parameters()).device
    label_tensor = torch.tensor(labels, dtype=torch.long, device=device)
    started = time.perf_counter()
    rows = raster_rows(model, label_tensor, temperature=check_temperature(temperature),
                       guidance=check_guidance(guidance), generator=make_generator(seed, device))
    for row, values in enumerate(rows):
        yield row + 1, values.cpu().numpy().astype(np.float32) / 255, time.perf_counter() - started


@gpu_task(seconds=20)
def complete(dataset: str, image28: np.ndarray, rows: int, label: int, temperature: float, guidance: float,
             seed: int, count: int = 4) -> np.ndarray:
    """Keep the top `rows` rows of an image and let the model draw the rest, `count` times: (count, 28, 28)
    in [0, 1]."""
    if not 0 <= int(rows) <= 28:
        raise Refused("between", name="rows", low=0, high=28, value=rows)
    model = get_model(dataset, "pixelcnn")
    device = next(model.parameters()).device
    known = to_levels(image_batch(image28, device)).view(1, 28, 28).repeat(count, 1, 1)
    values = sample_raster(model, _labels(label, count, device), temperature=check_temperature(temperature),
                           guidance=check_guidance(guidance), generator=make_generator(seed, device),
                           known=known, known_rows=int(rows))
    return values.cpu().numpy().astype(np.float32) / 255


@gpu_task(seconds=10)
@torch.inference_mode()
def likelihood(dataset: str, image28: np.ndarray) -> dict:
    """The exact likelihood of an image, next to the VAE's bound.

    p(x) = Σ_y p(x | y)·P(y) with P(y) uniform over the classes (the model is class-conditional), so also
    p(y | x) by Bayes' rule. Returns {'nll' (nats), 'bpd', 'class_nll' (classes,), 'posterior' (classes,),
    'best_class', 'cost_map' (28, 28): −log p(x_i | x_<i, y) in nats under the best class,
    'vae_nelbo' (nats, the 16-d VAE's −ELBO ≥ −log p(x) under its Bernoulli pixel model), 'classifier'
    (classes,): the discriminative classifier's p(y | x) for the same image}."""
    model = get_model(dataset, "pixelcnn")
    device = next(model.parameters()).device
    classes = model.config.num_classes
    image = image_batch(image28, device)                                           # (1, 1, 28, 28)
    pixel_costs = model.pixel_nll(image.repeat(classes, 1, 1, 1), torch.arange(classes, device=device))
    class_nll = pixel_costs.flatten(1).sum(dim=1)                                 # −log p(x | y), (classes,)
    log_joint = -class_nll - math.log(classes)
    log_evidence = torch.logsumexp(log_joint, dim=0)
    best = int(class_nll.argmin())
    vae = get_model(dataset, "vae16")
    terms = elbo_estimate(vae, image.to(next(vae.parameters()).device))
    nll = float(-log_evidence)
    classifier = get_model(dataset, "classifier")
    discriminative = classifier.probabilities(image.to(next(classifier.parameters()).device))[0]
    return {"nll": nll, "bpd": nll / (PIXELS * math.log(2)), "class_nll": class_nll.cpu().numpy(),
            "posterior": torch.softmax(log_joint, dim=0).cpu().numpy(), "best_class": best,
            "cost_map": pixel_costs[best].cpu().numpy(), "vae_nelbo": float(terms["total"][0]),
            "classifier": discriminative.cpu().numpy()}


def bayes_test_figures(dataset: str) -> dict:
    """How the PixelCNN does as a classifier by Bayes' rule on the whole shipped test set, next to the
    discriminative classifier, as measured by `python -m lab.autoregressive --bayes --write`:
    {'bayes_accuracy', 'bayes_confidence', 'bayes_wrong_confidence', 'bayes_ece', 'classifier_…' the same,
    'bayes_images'}; {} when not measured."""
    stored = read_quality(shipped_path(dataset, "pixelcnn"))
    return {key: value for key, value in stored.items() if key.startswith(("bayes_", "classifier_"))}


def cost_table(step_ms: float, patch: int = 16) -> list[dict]:
    """Sequential steps (one per pixel and channel) for a few image sizes, with `patch`x`patch` patches
    instead (each patch one step, covering its channels; an image whose side is not a multiple of `patch`
    is padded up to one, so 28x28 takes 2x2 patches), and the time each would take at `step_ms` per step
    (what one step costs here)."""
    rows = []
    for name, height, width, channels in (("MNIST", 28, 28, 1), ("CIFAR", 32, 32, 3), ("ImageNet", 256, 256, 3),
                                          ("1024x1024", 1024, 1024, 3)):
        steps = height * width * channels
        patches = math.ceil(height / patch) * math.ceil(width / patch)
        rows.append({"name": name, "size": f"{height}x{width}x{channels}", "steps": steps,
                     "seconds": steps * step_ms / 1000, "patch_steps": patches,
                     "patch_seconds": patches * step_ms / 1000})
    return rows


def model_summary(dataset: str) -> dict:
    model = get_model(dataset, "pixelcnn")
    config = model.config
    return {"parameters": sum(p.numel() for p in model.parameters()), "layers": config.layers,
            "channels": config.channels, "rows_seen": config.first_kernel // 2 + config.layers - 1}
