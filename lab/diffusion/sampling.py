"""The reverse process: start from noise (or a noised drawing) and apply the denoiser step by step.

Lecture, "Modelos de difusión": sampling applies f_θ many times, from x_T ~ N(0, I) to x_0. The update
rule of each sampler (DDPM, DDIM, DPM-Solver++) is diffusers' `scheduler.step`; the loop is ours, so that
every step can be recorded for the UI through `callback(DiffusionStep)`, like k-diffusion's samplers.

Classifier-free guidance (Ho & Salimans 2022), with w the guidance scale:
    ε̂ = ε̂(x_t, t, ∅) + w · (ε̂(x_t, t, y) − ε̂(x_t, t, ∅))
w = 0 is the unconditional model, w = 1 the conditional one, w > 1 pushes further towards the class.
The prediction of the clean image at every step is x̂0 = (x_t − √(1−ᾱ_t)·ε̂) / √ᾱ_t.

Images here are in the network's range [-1, 1], (B, C, H, W); latent diffusion runs the same loop on
(B, latent_dim) latents, which are not clipped (`model.sample_shape`, `model.clip_sample`).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import torch

from lab.diffusion.schedules import make_scheduler
from lab.messages import Refused

NO_CLASS = -1   # the UI's "no class": the unconditional model (the denoisers' null label)


@dataclass
class DiffusionStep:
    """What one step of the reverse process saw and predicted; tensors are (B, C, H, W) on the CPU."""

    index: int                      # 0 … steps−1
    timestep: int                   # the training timestep t of this step (T−1 … 0)
    noisy: torch.Tensor             # x_t, the input of this step
    noise_prediction: torch.Tensor  # ε̂, guided
    clean_prediction: torch.Tensor  # x̂0, clipped to [-1, 1]
    conditional: torch.Tensor | None = None    # ε̂(x_t, t, y), when guidance mixes two predictions
    unconditional: torch.Tensor | None = None  # ε̂(x_t, t, ∅)


def guided_noise(model, noisy: torch.Tensor, timestep: int, labels: torch.Tensor | None,
                 guidance_scale: float) -> tuple[torch.Tensor, torch.Tensor | None, torch.Tensor | None]:
    """(guided ε̂, conditional ε̂ or None, unconditional ε̂ or None) for one timestep.

    labels None means "no class": the unconditional model alone. With guidance 1 only the conditional
    prediction is computed; otherwise both run in one batch of 2B.
    """
    batch = noisy.shape[0]
    timesteps = torch.full((batch,), int(timestep), device=noisy.device, dtype=torch.long)
    null = torch.full((batch,), model.null_class, device=noisy.device, dtype=torch.long)
    if labels is None:
        return model(noisy, timesteps, null), None, None
    if guidance_scale == 1.0:
        conditional = model(noisy, timesteps, labels)
        return conditional, conditional, None
    both = model(torch.cat([noisy, noisy]), torch.cat([timesteps, timesteps]), torch.cat([labels, null]))
    conditional, unconditional = both.chunk(2)
    return unconditional + guidance_scale * (conditional - unconditional), conditional, unconditional


def sampler_timesteps(sampler: str, model, steps: int, strength: float = 1.0):
    """A fresh scheduler set to `steps` steps, and the timesteps to run: all of them, or with
    `strength` < 1 (SDEdit) only the last ⌈strength·steps⌉, which start at a lower noise level."""
    if steps < 1:
        raise Refused("at_least", name="steps", low=1, value=steps)
    if not 0.0 < strength <= 1.0:
        raise Refused("between", name="strength", low="0 (excluded)", high=1, value=strength)
    scheduler = make_scheduler(sampler, model.config.schedule, model.config.train_timesteps, model.clip_sample)
    scheduler.set_timesteps(steps)
    kept = max(1, round(strength * steps))
    first = steps - kept
    if hasattr(scheduler, "set_begin_index"):
        scheduler.set_begin_index(first * scheduler.order)
    return scheduler, scheduler.timesteps[first * scheduler.order:]


@torch.inference_mode()
def sample(model, labels: torch.Tensor | None, *, batch: int | None = None, sampler: str = "dpm++",
           steps: int = 20, guidance_scale: float = 3.0, eta: float = 0.0, generator: torch.Generator,
           start: torch.Tensor | None = None, strength: float = 1.0,
           callback: Callable[[DiffusionStep], None] | None = None) -> torch.Tensor:
    """Draw images with the reverse process; returns x_0, (B, *model.sample_shape) ([-1, 1] for images).

    labels: (B,) class indices, or None for unconditional samples of `batch` images.
    start: (B, C, H, W) clean images in [-1, 1] to noise to the level `strength` and denoise back (SDEdit);
    None starts from pure noise. eta: DDIM's stochasticity (0 = deterministic). The generator draws the
    starting noise and any noise a stochastic sampler adds, so a seed fixes the whole trajectory.
    """
    device = next(model.parameters()).device
    if labels is not None:
        labels = labels.to(device)
        batch = labels.shape[0]
    elif start is not None:
        batch = start.shape[0]
    shape = (batch, *model.sample_shape)
    scheduler, timesteps = sampler_timesteps(sampler, model, steps, strength if start is not None else 1.0)
    noise = torch.randn(shape, generator=generator, device=generator.device).to(device)
    if start is None:
        x = noise * scheduler.init_noise_sigma
    else:  # SDEdit: x_t = √ᾱ_t·x0 + √(1−ᾱ_t)·ε at the first kept timestep
        x = scheduler.add_noise(start.to(device), noise, timesteps[:1].repeat(batch))
    step_options = {"eta": eta} if sampler == "ddim" else {}
    for index, timestep in enumerate(timesteps):
        model_input = scheduler.scale_model_input(x, timestep)
        guided, conditional, unconditional = guided_noise(model, model_input, int(timestep), labels,
                                                          guidance_scale)
        if callback is not None:
            alpha_bar_t = model.alpha_bar[int(timestep)]
            clean = (x - (1 - alpha_bar_t).sqrt() * guided) / alpha_bar_t.sqrt()
            clean = clean.clamp(-1, 1) if model.clip_sample else clean
            callback(DiffusionStep(index, int(timestep), x.cpu(), guided.cpu(), clean.cpu(),
                                   None if conditional is None else conditional.cpu(),
                                   None if unconditional is None else unconditional.cpu()))
        x = scheduler.step(guided, timestep, x, generator=generator, **step_options).prev_sample
    return x.clamp(-1, 1) if model.clip_sample else x
