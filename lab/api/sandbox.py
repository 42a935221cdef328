"""The 2-D sandbox, the model side: points from a toy set, a drawing or a file; the shipped models of each
toy set or models trained live on the student's points; and what the tab shows of them (lecture: diffusion,
forward and reverse processes, the score, flow matching; densities).

Models are referred to by a plain key the tab keeps per visitor: "shipped:<toy set>" or "live:<id>". Live
models stay in memory, the last LIVE_MODELS of them (a visitor whose model was dropped trains again).
Work on the shipped models with fixed inputs is computed once per process and kept (`functools.lru_cache`).
"""
from __future__ import annotations

import collections
import functools
import threading
import uuid

import numpy as np
import torch

from lab.device import one_at_a_time
from lab.messages import Refused
from lab.sandbox import compare, process, training
from lab.sandbox.metrics import mmd_ratio
from lab.sandbox.points import (DEFAULT_POINTS, HELD_OUT, MAX_POINTS, MIN_POINTS, TOY_SETS, check_count,
                                check_points, drawn_points, split, toy_points)
from lab.sandbox.samplers import DEFAULT_STEPS, FIELDS, SAMPLERS, learned_field, sample
from lab.sandbox.shipping import HELD_OUT_SEED, NAMES, SHIPPED_STEPS
from lab.shipped import SANDBOX, get_model

# Re-exported for the tab: the lab's limits and defaults, which it shows.
__all__ = ["DEFAULT_POINTS", "DEFAULT_STEPS", "FIELDS", "MAX_POINTS", "MIN_POINTS", "SAMPLERS", "SHIPPED_STEPS",
           "TOY_SETS"]
GOOD_ENOUGH, STEP_COUNTS, TRAIN_STEPS = compare.GOOD_ENOUGH, compare.STEP_COUNTS, training.TRAIN_STEPS
MIXTURE_COMPONENTS = compare.MIXTURE_COMPONENTS
TRAIN_SECONDS = 10              # what the Train button takes at its defaults on 2 cores (the bench: 6 to 11 s)
DRAWING, FILE = "drawn", "file"   # "drawn" as the Densities tab calls it
SOURCES = TOY_SETS + (DRAWING, FILE)
LIVE_MODELS = 64
MIN_TRAIN_STEPS, MAX_TRAIN_STEPS = 200, 4_000
MAX_FILE_BYTES = 1_000_000      # a 10,000-row file of two numbers is under 400 kB
SHOWN_POINTS = 800              # particles a flow shows (every frame travels to the browser)
PATHS_SHOWN = 40                # of which this many draw their whole path
FRAMES = 31                     # at most, per flipbook
_live: collections.OrderedDict[str, dict] = collections.OrderedDict()
_live_lock = threading.Lock()


def make_data(source: str, count: int = DEFAULT_POINTS, seed: int = 0, drawing=None, spread: float = 0.0,
              file_path: str | None = None) -> dict:
    """{'train' (N, 2), 'held_out' (M, 2) float32, 'source'}: a toy set's points and HELD_OUT fresh ones of
    the same density; a drawing's, the same; a file's, 80 % / 20 %."""
    if source in TOY_SETS:
        check_count(count)
        return {"train": toy_points(source, count, seed), "held_out": toy_points(source, HELD_OUT, HELD_OUT_SEED),
                "source": source, "seed": seed}
    if source == DRAWING:
        return {"train": drawn_points(drawing, count, spread, seed),
                "held_out": drawn_points(drawing, HELD_OUT, spread, seed + HELD_OUT_SEED), "source": source}
    if source == FILE:
        train, held_out = split(read_points_file(file_path), seed)
        return {"train": train, "held_out": held_out, "source": source}
    raise Refused("unknown_choice", name="points", value=source, choices=SOURCES)


def read_points_file(path) -> np.ndarray:
    """A CSV or whitespace file of x, y rows (a header line allowed) -> checked points (N, 2)."""
    if path is None:
        raise Refused("sandbox_shape", shape=(0,))
    with open(path, "rb") as file:
        raw = file.read(MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:
        raise Refused("between", name="points", low=MIN_POINTS, high=MAX_POINTS, value=f"> {MAX_POINTS:,}")
    rows = []
    for line in raw.decode("utf-8", "replace").splitlines():
        fields = line.replace(",", " ").replace(";", " ").split()
        try:
            rows.append([float(value) for value in fields])
        except ValueError:
            if rows:   # only the first line may be words (a header)
                raise Refused("sandbox_shape", shape=(len(rows) + 1, len(fields))) from None
    if any(len(row) != 2 for row in rows):
        raise Refused("sandbox_shape", shape=(len(rows), max(len(row) for row in rows)))
    return check_points(np.array(rows).reshape(-1, 2))


def shipped_key(toy_set: str) -> str:
    if toy_set not in TOY_SETS:
        raise Refused("unknown_choice", name="toy set", value=toy_set, choices=TOY_SETS)
    return f"shipped:{toy_set}"


def models(key: str) -> dict:
    """{'diffusion': model, 'flow': model} for a key. Raises Refused for a key that is unknown or dropped."""
    kind, _, name = str(key).partition(":")
    if kind == "shipped" and name in TOY_SETS:   # loaded once per process, on the CPU (lab.shipped)
        return {model_name: get_model(SANDBOX, f"{name}-{model_name}") for model_name in NAMES.values()}
    with _live_lock:
        if kind == "live" and name in _live:
            _live.move_to_end(name)
            return _live[name]
    raise Refused("sandbox_no_model")


def train_live(points: np.ndarray, steps: int = TRAIN_STEPS, seed: int = 0):
    """A generator: trains the diffusion model, then the flow model, on `points` (N, 2), `steps` steps each,
    yielding {'model': 'diffusion' or 'flow', 'done', 'total' (over both), 'steps', 'loss' (so far, this
    model's)}; its last yield adds 'key', the trained pair's key. The caller stops it by closing it."""
    points = check_points(points)
    if not MIN_TRAIN_STEPS <= steps <= MAX_TRAIN_STEPS:
        raise Refused("between", name="training steps", low=MIN_TRAIN_STEPS, high=MAX_TRAIN_STEPS, value=steps)
    trained, total = {}, 2 * steps
    for index, (objective, name) in enumerate(NAMES.items()):
        run = training.training_run(points, objective, steps, seed, training.MAX_SECONDS / 2)
        curve = {"steps": [], "loss": []}
        while name not in trained:
            try:
                step, loss = next(run)
            except StopIteration as end:
                trained[name] = end.value[0]
                continue
            curve["steps"].append(step)
            curve["loss"].append(loss)
            yield {"model": name, "done": index * steps + step, "total": total, **curve}
    key = uuid.uuid4().hex
    with _live_lock:
        _live[key] = trained
        while len(_live) > LIVE_MODELS:
            _live.popitem(last=False)
    yield {"model": "flow", "done": total, "total": total, **curve, "key": f"live:{key}"}


def forward_cloud(points: np.ndarray, t: float, seed: int = 0) -> dict:
    """The forward process at t on up to SHOWN_POINTS of `points`: {'diffusion': x_t (B, 2) under the VP
    schedule, 'flow': x_t on flow matching's straight path, 'signal', 'noise': √ᾱ(t) and σ(t)}, in the
    points' own coordinates (standardised, noised, and mapped back as the models see them)."""
    points = np.asarray(points, np.float32)[:SHOWN_POINTS]
    center, scale = points.mean(0), points.std()
    x0 = torch.as_tensor((points - center) / scale)
    noise = torch.randn(x0.shape, generator=torch.Generator().manual_seed(seed))
    column = torch.full((len(x0),), float(t))
    clouds = {name: process.noisy(x0, column, noise, objective).numpy() * scale + center
              for name, objective in (("diffusion", "epsilon"), ("flow", "velocity"))}
    t = torch.tensor(float(t))
    return {**clouds, "signal": float(process.alpha_bar(t).sqrt()), "noise": float(process.sigma(t))}


def schedule_curves() -> dict:
    return process.schedule_curves()


@one_at_a_time   # a slider's event, beside the strokes' small models: two torch calls at once thrash a CPU
def field_arrows(key: str, model_name: str, t: float, field: str, low, high, size: int = 15) -> dict:
    """The learned field on a size×size grid over the box [low, high] (2 numbers each): {'x', 'y' (G,),
    'u', 'v' (G,)} arrows, for model 'diffusion' or 'flow'."""
    model = models(key)[model_name]
    xs, ys = np.meshgrid(np.linspace(low[0], high[0], size), np.linspace(low[1], high[1], size))
    grid = torch.as_tensor(np.column_stack([xs.ravel(), ys.ravel()]), dtype=torch.float32)
    arrows = learned_field(model, grid, t, field).numpy()
    return {"x": grid[:, 0].numpy(), "y": grid[:, 1].numpy(), "u": arrows[:, 0], "v": arrows[:, 1]}


def reverse_paths(key: str, sampler: str, steps: int, held_out: np.ndarray, seed: int = 0) -> dict:
    """SHOWN_POINTS particles from the same noise to the data: {'frames' (F ≤ FRAMES, B, 2), 'times' (F,),
    'paths' (steps + 1, PATHS_SHOWN, 2), 'ratio' (MMD ratio of the last frame to `held_out`), 'steps'}."""
    if sampler not in SAMPLERS:
        raise Refused("unknown_choice", name="sampler", value=sampler, choices=SAMPLERS)
    if not 1 <= int(steps) <= 1000:
        raise Refused("between", name="steps", low=1, high=1000, value=steps)
    model = models(key)[compare.model_name(sampler)]
    start = torch.randn(SHOWN_POINTS, 2, generator=torch.Generator().manual_seed(seed))
    path = sample(model, sampler, start, int(steps), seed).numpy()
    chosen = np.unique(np.linspace(0, len(path) - 1, min(FRAMES, len(path))).round().astype(int))
    return {"frames": path[chosen], "times": 1 - chosen / (len(path) - 1), "paths": path[:, :PATHS_SHOWN],
            "ratio": mmd_ratio(path[-1], held_out[:2 * SHOWN_POINTS]), "steps": int(steps)}


def compare_samplers(key: str, held_out: np.ndarray, seed: int = 0) -> dict:
    """DDPM, DDIM, DPM-Solver++ and the flow at their default steps from the same 2,000 noise points:
    {sampler: {'samples' (2000, 2), 'ratio', 'steps'}}."""
    return compare.samplers_side_by_side(models(key), held_out, seed)


def density_report(key: str, train: np.ndarray, held_out: np.ndarray, seed: int = 0) -> dict:
    """One density, four models: compare.held_out_nll (KDE, mixture, diffusion and flow by the ODE, with the
    KDE's and mixture's grids) and compare.steps_needed."""
    pair = models(key)
    return {"nll": compare.held_out_nll(train, held_out, pair, seed),
            "steps": compare.steps_needed(pair, held_out, seed)}


def _panels(key: str, data: dict, seed: int = 0) -> dict:
    return {"samplers": compare_samplers(key, data["held_out"], seed),
            "report": density_report(key, data["train"], data["held_out"], seed),
            "reverse": reverse_paths(key, "ddpm", DEFAULT_STEPS["ddpm"], data["held_out"], seed)}


@functools.lru_cache(maxsize=len(TOY_SETS) * 4)
def shipped_panels(toy_set: str, seed: int = 0) -> dict:
    """Everything the tab shows for a toy set's shipped models at the defaults, computed once per process:
    {'data', 'samplers', 'report', 'reverse' (DDPM at its default steps)}."""
    data = make_data(toy_set, DEFAULT_POINTS, seed)
    return {"data": data, **_panels(shipped_key(toy_set), data, seed)}


def panels(key: str, data: dict) -> dict:
    """{'samplers', 'report', 'reverse' (DDPM at its default steps)} for the models `key` on `data`: from
    shipped_panels when they are a toy set's shipped models on its default points, else computed now."""
    kind, _, name = str(key).partition(":")
    if kind == "shipped" and data.get("source") == name and len(data["train"]) == DEFAULT_POINTS \
            and data.get("seed") == 0:
        return shipped_panels(name)
    return _panels(key, data)
