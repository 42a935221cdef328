"""What the diffusion tab asks of the models, with plain values in and out (numpy images in [0, 1]).

- the schedules' curves (ᾱ_t and log SNR) and the forward process x_t = √ᾱ_t·x0 + √(1−ᾱ_t)·ε;
- one reverse trajectory, recorded at every step (x_t, ε̂, x̂0, and with guidance ε̂(y), ε̂(∅));
- the samplers compared from the same seed, timed; a grid of samples; SDEdit from a drawing;
- the pixel-value histograms of samples and test images: grey, anti-aliased edges or a binarised look.
The shipped denoisers load once per process through `lab.shipped`.
"""
from __future__ import annotations

import functools
import time
from typing import Callable

import numpy as np
import torch

from lab.checkpoints import read_quality, shipped_path
from lab.device import gpu_task, make_generator
from lab.diffusion.quality import HISTOGRAM_BINS, defaults_for, pixel_histogram, total_variation
from lab.diffusion.sampling import NO_CLASS, DiffusionStep, sample
from lab.diffusion.schedules import SAMPLERS, SCHEDULES, alpha_bar, log_snr
from lab.examples import load_examples
from lab.messages import Refused
from lab.models.denoiser import to_model_range, to_pixel_range
from lab.shipped import get_model

__all__ = ["NO_CLASS", "SAMPLERS"]   # the tab's choices, with the functions below


def sampling_defaults(dataset: str) -> dict:
    """{'sampler', 'steps', 'guidance_scale'}: the dataset's defaults, where its quality figures are measured."""
    return defaults_for(dataset)


def schedule_curves() -> dict[str, dict[str, np.ndarray]]:
    """{schedule: {'t', 'alpha_bar', 'log_snr'}} for every schedule, each (1000,)."""
    curves = {}
    for name in SCHEDULES:
        alpha_bars = alpha_bar(name)
        curves[name] = {"t": np.arange(len(alpha_bars)), "alpha_bar": alpha_bars.numpy(),
                        "log_snr": log_snr(alpha_bars).numpy()}
    return curves


def forward_noising(image28: np.ndarray, timestep: int, seed: int, schedule: str = "cosine") -> dict:
    """x_t for a clean image at timestep t with a seeded ε: {'noise', 'noisy' (both shown in [0, 1]),
    'sqrt_alpha_bar', 'sqrt_one_minus_alpha_bar'}."""
    if not 0 <= int(timestep) < 1000:
        raise Refused("between", name="t", low=0, high=999, value=timestep)
    clean = to_model_range(torch.as_tensor(np.asarray(image28, np.float32)))
    noise = torch.randn(clean.shape, generator=torch.Generator().manual_seed(int(seed)))
    alpha_bar_t = alpha_bar(schedule)[int(timestep)]
    noisy = alpha_bar_t.sqrt() * clean + (1 - alpha_bar_t).sqrt() * noise
    return {"noise": noise_to_display(noise.numpy()), "noisy": to_pixel_range(noisy).numpy(),
            "sqrt_alpha_bar": float(alpha_bar_t.sqrt()), "sqrt_one_minus_alpha_bar": float((1 - alpha_bar_t).sqrt())}


def noise_to_display(noise: np.ndarray, scale: float = 3.0) -> np.ndarray:
    """A noise image (about N(0, 1)) -> [0, 1] with 0 at mid-grey and ±scale at black/white."""
    return np.clip(0.5 + noise / (2 * scale), 0, 1).astype(np.float32)


def _labels(label: int, count: int, device) -> torch.Tensor | None:
    return None if label == NO_CLASS else torch.full((count,), int(label), dtype=torch.long, device=device)


@gpu_task(seconds=20)
def trajectory(dataset: str, label: int, guidance_scale: float, sampler: str, steps: int, seed: int,
               eta: float = 0.0, start: np.ndarray | None = None, strength: float = 1.0,
               progress: Callable[[int, int], None] | None = None) -> dict:
    """One image's whole reverse process, recorded at every step.

    Returns {'timesteps' (S,), 'noisy', 'noise_prediction', 'clean_prediction' (S, 28, 28) in [0, 1]
    (noise mapped by noise_to_display), 'conditional', 'unconditional', 'guidance_push' (S, 28, 28) or None,
    'final' (28, 28), 'seconds'}. start: a clean (28, 28) image for SDEdit, noised to `strength`."""
    model = get_model(dataset, "diffusion")
    device = next(model.parameters()).device
    recorded: list[DiffusionStep] = []
    total = max(1, round(strength * steps)) if start is not None else steps

    def record(step: DiffusionStep) -> None:
        recorded.append(step)
        if progress is not None:
            progress(step.index + 1, total)

    start_tensor = None
    if start is not None:
        start_tensor = to_model_range(torch.as_tensor(np.asarray(start, np.float32)).view(1, 1, 28, 28))
    started = time.perf_counter()
    final = sample(model, _labels(label, 1, device), batch=1, sampler=sampler, steps=int(steps),
                   guidance_scale=float(guidance_scale), eta=float(eta), generator=make_generator(seed, device),
                   start=start_tensor, strength=float(strength), callback=record)
    seconds = time.perf_counter() - started

    def stack(name: str, to_display) -> np.ndarray | None:
        values = [getattr(step, name) for step in recorded]
        return None if values[0] is None else np.stack([to_display(v[0, 0].numpy()) for v in values])

    pixels = lambda x: ((x + 1) / 2).clip(0, 1).astype(np.float32)   # noqa: E731 - [-1, 1] -> [0, 1]
    result = {"timesteps": np.array([step.timestep for step in recorded]),
              "noisy": stack("noisy", pixels), "noise_prediction": stack("noise_prediction", noise_to_display),
              "clean_prediction": stack("clean_prediction", pixels),
              "conditional": stack("conditional", noise_to_display),
              "unconditional": stack("unconditional", noise_to_display),
              "guidance_push": None, "final": to_pixel_range(final)[0, 0].cpu().numpy(), "seconds": seconds}
    if recorded[0].unconditional is not None:   # w·(ε̂(y) − ε̂(∅)): what guidance adds, rescaled to be seen
        push = np.stack([float(guidance_scale) * (s.conditional - s.unconditional)[0, 0].numpy() for s in recorded])
        result["guidance_push"] = noise_to_display(push, scale=max(1e-6, float(np.abs(push).max())))
    return result


# A guided denoising step costs about 1.9 ms per image in a batch on 2 CPU cores (bench: a 16-image grid,
# 20 guided steps, 1.24 s). A request priced past this many seconds there is refused, not left running.
CPU_SECONDS_PER_IMAGE_PASS = 0.0019
CPU_LIMIT_SECONDS = 30.0


def check_price(images: int, steps: int, guided: bool, device: torch.device) -> None:
    """Refuse, with what would fit, a batch that would run past CPU_LIMIT_SECONDS on a CPU."""
    if device.type != "cpu":
        return
    passes = 2 if guided else 1
    seconds = images * steps * passes * CPU_SECONDS_PER_IMAGE_PASS
    if seconds > CPU_LIMIT_SECONDS:
        fits = int(CPU_LIMIT_SECONDS / (images * passes * CPU_SECONDS_PER_IMAGE_PASS))
        raise Refused("too_costly", images=images, steps=steps, seconds=seconds, limit=CPU_LIMIT_SECONDS, fits=fits)


@gpu_task(seconds=30)
def sample_grid(dataset: str, labels: list[int], guidance_scale: float, sampler: str, steps: int,
                seed: int, eta: float = 0.0, progress: Callable[[int, int], None] | None = None
                ) -> tuple[np.ndarray, float]:
    """(images (N, 28, 28) in [0, 1], seconds): one batch of samples, one per label (NO_CLASS = none),
    `progress(done, total)` called after each step. Raises ValueError for a batch priced past
    CPU_LIMIT_SECONDS on a CPU."""
    model = get_model(dataset, "diffusion")
    device = next(model.parameters()).device
    check_price(len(labels), int(steps), labels[0] != NO_CLASS and float(guidance_scale) != 1.0, device)
    if any(label == NO_CLASS for label in labels) and len(set(labels)) > 1:
        raise Refused("mixed_grid")
    label_tensor = None if labels[0] == NO_CLASS else torch.tensor(labels, dtype=torch.long, device=device)
    started = time.perf_counter()
    images = sample(model, label_tensor, batch=len(labels), sampler=sampler, steps=int(steps),
                    guidance_scale=float(guidance_scale), eta=float(eta), generator=make_generator(seed, device),
                    callback=None if progress is None else lambda step: progress(step.index + 1, int(steps)))
    return to_pixel_range(images)[:, 0].cpu().numpy(), time.perf_counter() - started


def pixel_histograms(dataset: str, images: np.ndarray) -> dict:
    """Pixel-value histograms to compare: 'test' (the shipped test images), 'measured' (the 1,000 samples of
    quality.json, at the tab's defaults; None before they are measured) and 'images' (e.g. the grid just
    drawn), each the share of pixels in HISTOGRAM_BINS equal bins of [0, 1]; 'centres' of the bins; and the
    total-variation distances to the test images of 'images', of the measured samples, and of as many real
    training images ('floor_distance')."""
    drawn = pixel_histogram(torch.as_tensor(np.asarray(images, np.float32)))
    test = _test_histogram(dataset)
    quality = _quality(dataset)
    return {"centres": (np.arange(HISTOGRAM_BINS) + 0.5) / HISTOGRAM_BINS, "test": test,
            "measured": np.asarray(quality["pixel_histogram"]) if "pixel_histogram" in quality else None,
            "measured_distance": quality.get("pixel_hist_distance"), "measured_guidance": quality.get("guidance_scale"),
            "floor_distance": quality.get("pixel_hist_floor"),
            "images": drawn, "images_distance": total_variation(drawn, test)}


# Both fixed for the process: computed (read) once, not on every grid.
@functools.cache
def _test_histogram(dataset: str) -> np.ndarray:
    return pixel_histogram(load_examples(dataset).images)


@functools.cache
def _quality(dataset: str) -> dict:
    return read_quality(shipped_path(dataset, "diffusion"))


def model_summary(dataset: str) -> dict:
    """Parameters and the training figures of the shipped denoiser, for the tab's header."""
    model = get_model(dataset, "diffusion")
    return {"parameters": sum(p.numel() for p in model.parameters()), "schedule": model.config.schedule}
