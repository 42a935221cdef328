"""`python -m lab.train sandbox --set moons`: the shipped sandbox models, one diffusion and one flow-matching
model per toy set, trained longer than a live run and measured on held-out points of the same density.

Each folder (checkpoints/sandbox-<set>-<objective>/) holds the weights, config, card and metrics.json with
the MMD ratio of each sampler at its default steps (`lab.sandbox.metrics`), and, for both models, the
held-out negative log-likelihood by the probability-flow ODE.
"""
from __future__ import annotations

import argparse

import numpy as np
import torch

from lab.checkpoints import save_checkpoint, shipped_path
from lab.sandbox.compare import samplers_side_by_side
from lab.sandbox.likelihood import negative_log_likelihood
from lab.sandbox.points import DEFAULT_POINTS, HELD_OUT, TOY_SETS, toy_points
from lab.sandbox.training import BATCH, train

SHIPPED_STEPS = 10_000
NAMES = {"epsilon": "diffusion", "velocity": "flow"}
HELD_OUT_SEED = 1_000      # the held-out points' seed: never a training seed


def held_out_points(name: str) -> np.ndarray:
    return toy_points(name, HELD_OUT, seed=HELD_OUT_SEED)


def measure(model, name: str, seed: int = 0) -> dict:
    """The figures metrics.json keeps: the MMD ratio per sampler at its default steps, the ODE's NLL."""
    held_out = held_out_points(name)
    side_by_side = samplers_side_by_side({NAMES[model.config.objective]: model}, held_out, seed)
    figures = {f"mmd_ratio_{sampler}": round(result["ratio"], 3) for sampler, result in side_by_side.items()}
    nll = negative_log_likelihood(model, torch.as_tensor(held_out[:HELD_OUT // 2]))
    figures["ode_nll_nats"] = round(float(nll.mean()), 4)
    return figures


def ship(name: str, steps: int = SHIPPED_STEPS, seed: int = 0) -> None:
    points = toy_points(name, DEFAULT_POINTS, seed)
    for objective, model_name in NAMES.items():
        model, history = train(points, objective, steps, seed, max_seconds=float("inf"))
        metrics = {**measure(model, name), "train_seconds": round(history["seconds"], 1), "steps": steps,
                   "final_loss": round(history["loss"][-1], 4)}
        command = f"python -m lab.train sandbox --set {name} --steps {steps} --seed {seed}"
        card = (f"# sandbox-{name}-{model_name}\n\nThe 2-D sandbox's {model_name} model ({objective} "
                f"objective) on {DEFAULT_POINTS:,} points of the toy set '{name}', trained by `{command}` "
                f"({steps} steps of {BATCH}, {history['seconds']:.0f} s).\n\nHeld-out figures: "
                + ", ".join(f"{key} {value}" for key, value in metrics.items()) + ".\n")
        save_checkpoint(shipped_path("sandbox", f"{name}-{model_name}"), model,
                        {"dataset": "sandbox", "toy_set": name, "command": command, "seed": seed},
                        metrics, card)
        print(f"sandbox-{name}-{model_name}: {metrics}", flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m lab.train sandbox", description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=TOY_SETS + ("all",), default="all")
    parser.add_argument("--steps", type=int, default=SHIPPED_STEPS)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    for name in TOY_SETS if args.set == "all" else (args.set,):
        ship(name, args.steps, args.seed)


if __name__ == "__main__":
    main()
