"""From noise back to the data, on 2-D points: DDPM, DDIM and DPM-Solver++(2M) for the diffusion model,
Euler steps for the flow-matching model; and the field the network learned, on a grid at any t.

Every sampler takes the same standard-normal start x₁ (B, 2), so they can be compared from the same noise,
and returns the path: every step's points in the student's coordinates, (steps + 1, B, 2).
Lecture: DDPM's ancestral step, DDIM's deterministic one (η = 0), and few-step solvers of the probability-flow
ODE (DPM-Solver++, Lu et al. 2022, eq. 2M); flow matching's straight paths (Lipman et al., Liu et al. 2023).
"""
from __future__ import annotations

import torch

from lab.sandbox.process import BETA_MAX, BETA_MIN, T_MIN, alpha_bar, beta, sigma

SAMPLERS = ("ddpm", "ddim", "dpm++", "flow")
DEFAULT_STEPS = {"ddpm": 200, "ddim": 50, "dpm++": 20, "flow": 50}
FIELDS = ("epsilon", "score", "velocity")


def _column(t: float, count: int) -> torch.Tensor:
    return torch.full((count,), float(t))


@torch.inference_mode()
def sample(model, sampler: str, start: torch.Tensor, steps: int, seed: int = 0) -> torch.Tensor:
    """The path from x₁ = `start` (B, 2, standard normal) in `steps` steps -> (steps + 1, B, 2), in the
    student's coordinates; its last entry is the samples."""
    if sampler == "flow":
        path = _euler_flow(model, start, steps)
    elif sampler == "dpm++":
        path = _dpm_solver_2m(model, start, steps)
    else:
        path = _ddpm_or_ddim(model, start, steps, stochastic=sampler == "ddpm", seed=seed)
    return model.unstandardise(torch.stack(path))


def _ddpm_or_ddim(model, x: torch.Tensor, steps: int, stochastic: bool, seed: int) -> list[torch.Tensor]:
    generator = torch.Generator().manual_seed(seed)
    times = torch.linspace(1.0, T_MIN, steps + 1)
    path = [x]
    for t, s in zip(times[:-1], times[1:]):
        noise_prediction = model(x, _column(t, len(x)))
        alpha_t, alpha_s = alpha_bar(t), alpha_bar(s)
        if stochastic:   # DDPM: the mean of q(x_s | x_t, x̂₀) in its ε form, plus its variance
            alpha = alpha_t / alpha_s
            mean = (x - (1 - alpha) / sigma(t) * noise_prediction) / alpha.sqrt()
            variance = (1 - alpha_s) / (1 - alpha_t) * (1 - alpha)
            x = mean + variance.sqrt() * torch.randn(x.shape, generator=generator)
        else:            # DDIM, η = 0: x̂₀ carried to s with the same ε̂
            denoised = (x - sigma(t) * noise_prediction) / alpha_t.sqrt()
            x = alpha_s.sqrt() * denoised + sigma(s) * noise_prediction
        path.append(x)
    return path


def _dpm_solver_2m(model, x: torch.Tensor, steps: int) -> list[torch.Tensor]:
    """DPM-Solver++(2M) on a grid even in log-SNR λ = log(α/σ); the last step first order."""
    def log_snr(t):
        return 0.5 * torch.log(alpha_bar(t)) - torch.log(sigma(t))
    lambdas = torch.linspace(float(log_snr(torch.tensor(1.0))), float(log_snr(torch.tensor(T_MIN))), steps + 1)
    times = _time_of_log_snr(lambdas)
    path, previous, previous_h = [x], None, None
    for i, (t, s) in enumerate(zip(times[:-1], times[1:])):
        noise_prediction = model(x, _column(t, len(x)))
        denoised = (x - sigma(t) * noise_prediction) / alpha_bar(t).sqrt()
        h = lambdas[i + 1] - lambdas[i]
        estimate = denoised
        if previous is not None and i < steps - 1:
            r = previous_h / h
            estimate = (1 + 1 / (2 * r)) * denoised - previous / (2 * r)
        x = sigma(s) / sigma(t) * x - alpha_bar(s).sqrt() * torch.expm1(-h) * estimate
        previous, previous_h = denoised, h
        path.append(x)
    return path


def _time_of_log_snr(lambdas: torch.Tensor) -> torch.Tensor:
    """Invert λ(t) = ½·log(ᾱ/(1 − ᾱ)), since −log ᾱ = log(1 + e^(−2λ)) = β_min·t + ½(β_max − β_min)·t²:
    a quadratic in t."""
    minus_log_alpha_bar = torch.nn.functional.softplus(-2 * lambdas)
    a, b = 0.5 * (BETA_MAX - BETA_MIN), BETA_MIN
    return (-b + torch.sqrt(b * b + 4 * a * minus_log_alpha_bar)) / (2 * a)


def _euler_flow(model, x: torch.Tensor, steps: int) -> list[torch.Tensor]:
    times = torch.linspace(1.0, 0.0, steps + 1)
    path = [x]
    for t, s in zip(times[:-1], times[1:]):
        x = x + (s - t) * model(x, _column(t, len(x)))    # dx/dt = v̂, walked backwards from t = 1 to 0
        path.append(x)
    return path


@torch.inference_mode()
def learned_field(model, points: torch.Tensor, t: float, field: str) -> torch.Tensor:
    """The network's field at t on `points` (G, 2) in the student's coordinates -> arrows (G, 2) there:
    "epsilon" the predicted noise ε̂, "score" ∇ log p_t = −ε̂/σ, "velocity" the direction the sampler moves
    a point in (the probability-flow ODE's, or −v̂ for the flow), per unit of t. Lengths are in the network's
    standardised units times the data's scale: their directions and relative sizes are what to read."""
    if field not in FIELDS:
        raise ValueError(f"field must be one of {FIELDS}, got {field!r}")
    x = model.standardise(points)
    t = min(max(float(t), T_MIN), 1.0)
    prediction = model(x, _column(t, len(x)))
    t = torch.tensor(t)
    if model.config.objective == "velocity":   # x_t = (1 − t)·x₀ + t·ε, so ε̂ = x_t + (1 − t)·v̂, σ = t
        noise_prediction, noise_level, velocity = x + (1 - t) * prediction, t, -prediction
    else:
        noise_prediction, noise_level = prediction, sigma(t)
        velocity = 0.5 * beta(t) * (x - noise_prediction / noise_level)   # −dx/dt of the ODE
    arrows = {"epsilon": noise_prediction, "score": -noise_prediction / noise_level, "velocity": velocity}[field]
    return arrows * model.config.scale
