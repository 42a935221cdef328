"""What the latent diffusion tab asks of the models, with plain values in and out (numpy, [0, 1] images).

- one latent trajectory: z_t at every step, placed on the 16-d VAE's latent map (the latent explorer's
  projection, test set behind it), and decoded to an image at every step (both z_t and the predicted ẑ0);
- a grid of latent samples;
- the side-by-side with pixel-space diffusion on the same class and seed: dimensions, network size,
  floating-point operations and measured time per step and per sample, and the shipped quality figures.
Models come from `lab.shipped`, once per process.
"""
from __future__ import annotations

import time
from typing import Callable

import numpy as np
import torch
from torch.utils.flop_counter import FlopCounterMode

from lab.checkpoints import read_quality, shipped_path
from lab.device import gpu_task, make_generator
from lab.diffusion import latents
from lab.diffusion.quality import LATENT_DEFAULTS as DEFAULTS   # where the shipped figures are measured
from lab.diffusion.sampling import NO_CLASS, DiffusionStep, sample
from lab.diffusion.schedules import SAMPLERS
from lab.latent_maps import latent_map, place_code
from lab.messages import Refused
from lab.models.denoiser import to_pixel_range
from lab.prompts import PROMPT_CHARACTERS, label_from_prompt
from lab.shipped import get_model

__all__ = ["DEFAULTS", "NO_CLASS", "PROMPT_CHARACTERS", "SAMPLERS"]   # the tab's choices and defaults, with the functions below


def _models(dataset: str):
    denoiser = get_model(dataset, "latent-diffusion")
    return denoiser, get_model(dataset, denoiser.config.vae)


def _labels(label: int, count: int) -> torch.Tensor | None:
    return None if label == NO_CLASS else torch.full((count,), int(label), dtype=torch.long)


@torch.inference_mode()
def _decode(vae, scaled: torch.Tensor, scale: float) -> np.ndarray:
    """Scaled latents (N, d) -> images (N, 28, 28) in [0, 1]."""
    return latents.decode(vae, scaled.to(next(vae.parameters()).device), scale)[:, 0].cpu().numpy()


@gpu_task(seconds=20)
def latent_trajectory(dataset: str, label: int, guidance_scale: float, sampler: str, steps: int, seed: int,
                      projection: str = "pca", progress: Callable[[int, int], None] | None = None) -> dict:
    """One latent's whole reverse process, recorded at every step.

    Returns {'timesteps' (S,), 'codes' (S+1, d): z_t unscaled (the VAE's own units) before each step and
    the final z_0, 'clean_codes' (S, d): the predicted ẑ0 at each step, 'path' (S+1, 2) and 'clean_path'
    (S, 2): both on the map, 'noisy_images' (S+1, 28, 28), 'clean_images' (S, 28, 28): their decodings,
    'final' (28, 28), 'norms' (S+1,): ‖z_t‖, 'seconds': sampling and decoding the final latent}."""
    model, vae = _models(dataset)
    scale = model.config.latent_scale
    recorded: list[DiffusionStep] = []

    def record(step: DiffusionStep) -> None:
        recorded.append(step)
        if progress is not None:
            progress(step.index + 1, int(steps))

    # One run, recorded (copying a 16-d latent per step costs microseconds) and timed with the decoding.
    started = time.perf_counter()
    final = sample(model, _labels(label, 1), batch=1, sampler=sampler, steps=int(steps),
                   guidance_scale=float(guidance_scale), generator=make_generator(seed, torch.device("cpu")),
                   callback=record)
    final_image = _decode(vae, final, scale)[0]
    seconds = time.perf_counter() - started
    scaled = torch.cat([step.noisy for step in recorded] + [final.cpu()])             # (S+1, d)
    clean = torch.cat([step.clean_prediction for step in recorded])                   # (S, d)
    codes, clean_codes = (scaled / scale).numpy(), (clean / scale).numpy()
    return {"timesteps": np.array([step.timestep for step in recorded]),
            "codes": codes, "clean_codes": clean_codes,
            "path": np.stack([place_code(dataset, "vae16", projection, code) for code in codes]),
            "clean_path": np.stack([place_code(dataset, "vae16", projection, code) for code in clean_codes]),
            "noisy_images": _decode(vae, scaled, scale), "clean_images": _decode(vae, clean, scale),
            "final": final_image, "norms": np.linalg.norm(codes, axis=1), "seconds": seconds}


def prompt_grid(dataset: str, prompt: str, guidance_scale: float, sampler: str, steps: int, seed: int) -> dict:
    """Text to image, the lab's way: the prompt picks a class embedding (lab.prompts; "no class", the empty
    prompt ∅, when it names none) and 16 latent samples are drawn with it. Returns {'label' (NO_CLASS when
    none), 'word' (what named it, or None), 'images' (16, 28, 28), 'seconds'}."""
    label, word = label_from_prompt(dataset, prompt)
    label = NO_CLASS if label is None else label
    images, seconds = latent_grid(dataset, [label] * 16, guidance_scale, sampler, steps, seed)
    return {"label": label, "word": word, "images": images, "seconds": seconds}


@gpu_task(seconds=30)
def latent_grid(dataset: str, labels: list[int], guidance_scale: float, sampler: str, steps: int,
                seed: int) -> tuple[np.ndarray, float]:
    """(images (N, 28, 28) in [0, 1], seconds including decoding): one batch, one sample per label."""
    model, vae = _models(dataset)
    if any(label == NO_CLASS for label in labels) and len(set(labels)) > 1:
        raise Refused("mixed_grid")
    label_tensor = None if labels[0] == NO_CLASS else torch.tensor(labels, dtype=torch.long)
    started = time.perf_counter()
    drawn = sample(model, label_tensor, batch=len(labels), sampler=sampler, steps=int(steps),
                   guidance_scale=float(guidance_scale), generator=make_generator(seed, torch.device("cpu")))
    images = _decode(vae, drawn, model.config.latent_scale)
    return images, time.perf_counter() - started


def step_flops(model) -> int:
    """Floating-point operations of one guided step for one image: the network on a batch of 2."""
    noisy = torch.zeros(2, *model.sample_shape)
    with FlopCounterMode(display=False) as counter, torch.inference_mode():
        model(noisy, torch.zeros(2, dtype=torch.long), torch.zeros(2, dtype=torch.long))
    return int(counter.get_total_flops())


@gpu_task(seconds=30)
def side_by_side(dataset: str, label: int, guidance_scale: float, sampler: str, steps: int, seed: int) -> dict:
    """The same class, seed and sampler in both spaces: {'pixel', 'latent'}, each {'image' (28, 28),
    'dimensions', 'parameters', 'step_flops', 'step_ms', 'sample_ms', 'quality' (the shipped figures)};
    latent also 'decoder_parameters'."""
    pixel_model = get_model(dataset, "diffusion")
    latent_model, vae = _models(dataset)
    generator = lambda: make_generator(seed, torch.device("cpu"))   # noqa: E731 - the same seed for both
    options = dict(sampler=sampler, steps=int(steps), guidance_scale=float(guidance_scale))

    def timed(run) -> tuple[np.ndarray, float]:
        run()                                        # warm-up: first calls allocate
        started = time.perf_counter()
        image = run()
        return image, time.perf_counter() - started

    pixel_image, pixel_seconds = timed(lambda: to_pixel_range(
        sample(pixel_model, _labels(label, 1), batch=1, generator=generator(), **options))[0, 0].cpu().numpy())
    latent_image, latent_seconds = timed(lambda: _decode(
        vae, sample(latent_model, _labels(label, 1), batch=1, generator=generator(), **options),
        latent_model.config.latent_scale)[0])
    result = {}
    for name, model, image, seconds, shipped in (("pixel", pixel_model, pixel_image, pixel_seconds, "diffusion"),
                                                 ("latent", latent_model, latent_image, latent_seconds,
                                                  "latent-diffusion")):
        result[name] = {"image": image, "dimensions": int(np.prod(model.sample_shape)),
                        "parameters": sum(p.numel() for p in model.parameters()), "step_flops": step_flops(model),
                        "step_ms": 1000 * seconds / int(steps), "sample_ms": 1000 * seconds,
                        "quality": read_quality(shipped_path(dataset, shipped))}
    result["latent"]["decoder_parameters"] = sum(p.numel() for p in vae.decoder.parameters())
    return result


def map_background(dataset: str, projection: str = "pca") -> dict:
    """The test set's codes on the 16-d VAE's map, for drawing the path over: {'points', 'labels',
    'class_names', 'how'}."""
    shown = latent_map(dataset, "vae16", projection)
    return {key: shown[key] for key in ("points", "labels", "class_names", "how")}


def model_summary(dataset: str) -> dict:
    """Parameters, latent size, scale factor and schedule of the shipped latent denoiser."""
    model, vae = _models(dataset)
    return {"parameters": sum(p.numel() for p in model.parameters()), "latent_dim": model.config.latent_dim,
            "latent_scale": model.config.latent_scale, "schedule": model.config.schedule,
            "vae_parameters": sum(p.numel() for p in vae.parameters())}
