"""The forward process in continuous time, for 2-D points (lecture: diffusion's forward process).

Variance preserving, with a linear β(t) from β_min to β_max over t ∈ [0, 1] (Song et al. 2021, VP-SDE):
    ᾱ(t) = exp(−∫₀ᵗ β(s) ds) = exp(−β_min·t − ½(β_max − β_min)·t²),
    x_t = √ᾱ(t)·x₀ + σ(t)·ε,   σ(t) = √(1 − ᾱ(t)),   ε ~ N(0, I).
At t = 1, √ᾱ ≈ 0.04: x₁ is all but the standard normal the reverse process starts from (a β_max of 12.5, not
the usual 20, leaves fewer of the training's t where nothing of x₀ is left to learn). Samplers stop at T_MIN,
where σ ≈ 0.01 (the data's standard deviation is 1), as t = 0 divides by σ = 0.

Flow matching's path is the straight line instead: x_t = (1 − t)·x₀ + t·ε.
"""
from __future__ import annotations

import torch

BETA_MIN, BETA_MAX = 0.1, 12.5
T_MIN = 1e-3


def beta(t: torch.Tensor) -> torch.Tensor:
    return BETA_MIN + t * (BETA_MAX - BETA_MIN)


def alpha_bar(t: torch.Tensor) -> torch.Tensor:
    return torch.exp(-BETA_MIN * t - 0.5 * (BETA_MAX - BETA_MIN) * t ** 2)


def sigma(t: torch.Tensor) -> torch.Tensor:
    return torch.sqrt(-torch.expm1(-BETA_MIN * t - 0.5 * (BETA_MAX - BETA_MIN) * t ** 2))


def noisy(points: torch.Tensor, t: torch.Tensor, noise: torch.Tensor, objective: str = "epsilon") -> torch.Tensor:
    """x_t for x₀ = `points` (B, 2), t (B,) and ε = `noise` (B, 2), along the objective's path."""
    t = t[:, None]
    if objective == "velocity":
        return (1 - t) * points + t * noise
    return alpha_bar(t).sqrt() * points + sigma(t) * noise


def schedule_curves(count: int = 101) -> dict:
    """ᾱ(t), σ(t) and flow matching's weights on x₀ and ε over t = 0…1, for the schedule plot (lists)."""
    t = torch.linspace(0, 1, count)
    return {"t": t.tolist(), "signal": alpha_bar(t).sqrt().tolist(), "noise": sigma(t).tolist(),
            "flow_signal": (1 - t).tolist(), "flow_noise": t.tolist()}
