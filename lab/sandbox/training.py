"""Training the sandbox's denoiser on 2-D points: live in the app (capped in seconds, stopped between steps
when its visitor leaves) and offline for the shipped models (`python -m lab.sandbox.training`).

Diffusion learns ε̂(x_t, t) with t ~ U(T_MIN, 1) under the VP schedule; flow matching learns v̂(x_t, t) = ε − x₀
with t ~ U(0, 1) on the straight path. Both minimise a plain mean squared error on fresh noise each step
(lecture: the simplified DDPM loss ‖ε − ε̂_θ(x_t, t)‖²). The weights are averaged (EMA) for sampling.
"""
from __future__ import annotations

import copy
import time
import numpy as np
import torch

from lab.models.point_denoiser import PointDenoiser, PointDenoiserConfig
from lab.sandbox.process import T_MIN, noisy

TRAIN_STEPS = 1_000       # the live default, per model: both in about 10 s on 2 cores
BATCH = 256
LEARNING_RATE = 3e-3
EMA_DECAY = 0.995
MAX_SECONDS = 60          # a live run stops here whatever its steps
REPORT_EVERY = 50         # steps between two progress reports (and loss-curve points)


def new_model(points: np.ndarray, objective: str, width: int = 64, depth: int = 3) -> PointDenoiser:
    """A fresh network that standardises `points`' coordinates (mean 0, one standard deviation 1)."""
    config = PointDenoiserConfig(objective=objective, width=width, depth=depth,
                                 center=[float(v) for v in points.mean(0)], scale=float(points.std()))
    return PointDenoiser(config)


def train(points: np.ndarray, objective: str = "epsilon", steps: int = TRAIN_STEPS, seed: int = 0,
          max_seconds: float = MAX_SECONDS, width: int = 64, depth: int = 3) -> tuple[PointDenoiser, dict]:
    """Train on `points` (N, 2) to the end -> what `training_run` returns."""
    run = training_run(points, objective, steps, seed, max_seconds, width, depth)
    while True:
        try:
            next(run)
        except StopIteration as end:
            return end.value


def training_run(points: np.ndarray, objective: str = "epsilon", steps: int = TRAIN_STEPS, seed: int = 0,
                 max_seconds: float = MAX_SECONDS, width: int = 64, depth: int = 3):
    """A generator: trains on `points` (N, 2), yielding (step, mean loss since the last report) every
    REPORT_EVERY steps (the caller may stop it there), and returns (the averaged model in eval mode,
    {'steps': [...], 'loss': [...], 'seconds', 'stopped_early'}). It stops after `max_seconds` whatever its
    steps."""
    torch.manual_seed(seed)
    generator = torch.Generator().manual_seed(seed)
    model = new_model(points, objective, width, depth)
    average = copy.deepcopy(model).requires_grad_(False)
    data = model.standardise(torch.as_tensor(points, dtype=torch.float32))
    optimizer = torch.optim.AdamW(model.parameters(), lr=LEARNING_RATE, weight_decay=0.0, foreach=True)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimizer, LEARNING_RATE, total_steps=steps, pct_start=0.05)
    kept, current = list(average.parameters()), list(model.parameters())
    low = 0.0 if objective == "velocity" else T_MIN
    history, running, started = {"steps": [], "loss": []}, 0.0, time.perf_counter()
    for step in range(1, steps + 1):
        batch = data[torch.randint(len(data), (BATCH,), generator=generator)]
        noise = torch.randn(batch.shape, generator=generator)
        t = low + (1 - low) * torch.rand(BATCH, generator=generator)
        target = noise - batch if objective == "velocity" else noise
        loss = ((model(noisy(batch, t, noise, objective), t) - target) ** 2).mean()
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        schedule.step()
        with torch.no_grad():
            torch._foreach_lerp_(kept, current, 1 - EMA_DECAY)
        running += loss.item()
        if step % REPORT_EVERY == 0 or step == steps:
            history["steps"].append(step)
            history["loss"].append(running / (step % REPORT_EVERY or REPORT_EVERY))
            running = 0.0
            yield step, history["loss"][-1]
            if time.perf_counter() - started > max_seconds:
                break
    history["seconds"] = time.perf_counter() - started
    history["stopped_early"] = history["steps"][-1] < steps
    return average.eval(), history
