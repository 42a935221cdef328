"""A checkpoint is a folder: config.json + model.safetensors + metrics.json + README.md (its card).

Loading reads JSON and safetensors only, so it never unpickles code, and checks the weights against the
SHA-256 that config.json recorded when they were saved (a file cut short by a copy, or swapped, is named as
such rather than half-loaded). The shipped checkpoints live in `checkpoints/<dataset>-<model>/`;
`shipped_path` names them.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import torch
from safetensors import SafetensorError
from safetensors.torch import load_file, save_file

from lab.messages import Said
from lab.models import build_model

# LAB_CHECKPOINTS points the app at another set of checkpoint folders (e.g. ones you trained yourself).
CHECKPOINT_ROOT = Path(os.environ.get("LAB_CHECKPOINTS", Path(__file__).resolve().parent.parent / "checkpoints"))
SHIPPED_MODELS = ("classifier", "vae2", "vae16", "ae16", "diffusion", "latent-diffusion", "pixelcnn", "vqvae",
                  "tokens")
# The lecture's Gaussian decoder at four σ (mnist only): the VAE tab's σ control (`python -m lab.train vae
# --gaussian-sigma σ`). The models above keep the Bernoulli decoder.
GAUSSIAN_DECODER_SIGMAS = (0.05, 0.15, 0.4, 1.0)
GAUSSIAN_DECODER_DATASET = "mnist"
# The Gaussian decoder whose 8-bit bound in bits per dimension is tightest on the test digits
# (lab.analysis.likelihood.measure_bits): the one the tabs open on and quote.
TIGHTEST_GAUSSIAN_SIGMA = 0.15
# The network that judges generated samples (their class accuracy, their Fréchet distance), fixed so that
# those figures stay comparable when the app's classifier improves, as FID fixes Inception: for mnist, the
# classifier as it was before it also learned pen drawings (issue 19), kept as `mnist-classifier-scans`.
JUDGES = {"mnist": "classifier-scans", "fashion": "classifier"}


def gaussian_vae_name(latent_dim: int, sigma: float) -> str:
    return f"vae{latent_dim}-sigma{sigma:g}"


def shipped_names(dataset: str) -> tuple[str, ...]:
    """Every shipped model of `dataset`: SHIPPED_MODELS, its samples' judge when that is not its classifier,
    and for mnist the Gaussian-decoder VAEs."""
    gaussian = tuple(gaussian_vae_name(latent_dim, sigma) for latent_dim in (2, 16)
                     for sigma in GAUSSIAN_DECODER_SIGMAS)
    judge = (JUDGES[dataset],) if JUDGES.get(dataset, "classifier") not in SHIPPED_MODELS else ()
    return SHIPPED_MODELS + judge + (gaussian if dataset == GAUSSIAN_DECODER_DATASET else ())


def judge_path(dataset: str) -> Path:
    """The folder of the classifier that judges `dataset`'s generated samples (JUDGES)."""
    return shipped_path(dataset, JUDGES.get(dataset, "classifier"))


class CheckpointError(Said, RuntimeError):
    """A checkpoint folder is missing, incomplete or corrupt (said in English or Spanish: lab.messages)."""


def folder_name(folder: str | Path) -> str:
    """How messages name a checkpoint folder: relative to the checkpoints folder ("checkpoints/mnist-vae2"),
    never by the server's absolute path."""
    folder = Path(folder)
    return f"checkpoints/{folder.name}" if folder.parent == CHECKPOINT_ROOT else folder.name


# Shipped model names whose training command needs more than `python -m lab.train <model>`.
TRAIN_ARGUMENTS = {"vae2": "vae --latent-dim 2", "vae16": "vae --latent-dim 16", "ae16": "ae --latent-dim 16",
                   **{gaussian_vae_name(latent_dim, sigma): f"vae --latent-dim {latent_dim} --gaussian-sigma {sigma:g}"
                      for latent_dim in (2, 16) for sigma in GAUSSIAN_DECODER_SIGMAS}}


def rebuild_hint(folder: str | Path) -> str:
    """The command that re-trains a shipped folder ("python -m lab.train vae --latent-dim 2 --dataset mnist")."""
    dataset, _, model = Path(folder).name.partition("-")
    if dataset == "sandbox":   # sandbox-<toy set>-<diffusion or flow>
        return f"python -m lab.train sandbox --set {model.rpartition('-')[0]}"
    return f"python -m lab.train {TRAIN_ARGUMENTS.get(model, model)} --dataset {dataset}"


def shipped_path(dataset: str, model: str) -> Path:
    """The folder of a shipped checkpoint, e.g. shipped_path('mnist', 'vae16')."""
    return CHECKPOINT_ROOT / f"{dataset}-{model}"


def save_checkpoint(folder: str | Path, model: torch.nn.Module, info: dict, metrics: dict | None = None,
                    card: str | None = None) -> Path:
    """Write the model's weights and config (plus metrics and card when given) into `folder`.

    `info` holds what is not the network's shape: dataset, class names, how it was trained.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    config = {"kind": model.kind, "model": model.config_dict(), **info}
    state = {name: tensor.detach().cpu().contiguous() for name, tensor in model.state_dict().items()}
    save_file(state, folder / "model.safetensors")
    config["weights_sha256"] = weights_hash(folder / "model.safetensors")
    (folder / "config.json").write_text(json.dumps(config, indent=2) + "\n")
    if metrics is not None:
        (folder / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n")
    if card is not None:
        (folder / "README.md").write_text(card)
    return folder


def weights_hash(path: Path) -> str:
    """SHA-256 of a weights file, hex (about 0.1 s for all the shipped weights together)."""
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_config(folder: str | Path) -> dict:
    path = Path(folder) / "config.json"
    if not path.exists():
        raise CheckpointError("checkpoint_missing", folder=folder_name(folder), command=rebuild_hint(folder))
    try:
        return json.loads(path.read_text())
    except json.JSONDecodeError as error:
        raise CheckpointError("checkpoint_bad_config", folder=folder_name(folder), detail=str(error),
                              command=rebuild_hint(folder)) from error


def read_metrics(folder: str | Path) -> dict:
    path = Path(folder) / "metrics.json"
    return json.loads(path.read_text()) if path.exists() else {}


def read_quality(folder: str | Path) -> dict:
    """The sample-quality figures stored next to a checkpoint (quality.json), {} when none were measured."""
    path = Path(folder) / "quality.json"
    return json.loads(path.read_text()) if path.exists() else {}


def load_model(folder: str | Path, device: torch.device | str = "cpu") -> tuple[torch.nn.Module, dict]:
    """Load a checkpoint folder -> (model in eval mode on `device`, its config dict).

    Raises CheckpointError with a message that says what is wrong and how to fix it.
    """
    folder = Path(folder)
    config = read_config(folder)
    weights = folder / "model.safetensors"
    if not weights.exists():
        raise CheckpointError("checkpoint_no_weights", folder=folder_name(folder), command=rebuild_hint(folder))
    if config.get("weights_sha256") not in (None, weights_hash(weights)):
        raise CheckpointError("checkpoint_changed", folder=folder_name(folder), command=rebuild_hint(folder))
    try:
        model = build_model(config["kind"], config["model"])
        state = load_file(weights)
        model.load_state_dict(state)
    except (SafetensorError, OSError, RuntimeError, KeyError, TypeError, ValueError) as error:
        detail = f"{type(error).__name__}: {str(error).splitlines()[0][:200]}"
        raise CheckpointError("checkpoint_unloadable", folder=folder_name(folder), detail=detail,
                              command=rebuild_hint(folder)) from error
    return model.to(device).eval(), config


def check_shipped() -> int:
    """`python -m lab.checkpoints`: load every shipped checkpoint; print ok or what is wrong. Exit 1 on any error."""
    from lab.data import DATASET_NAMES

    failures = 0
    for dataset in DATASET_NAMES:
        for name in shipped_names(dataset):
            try:
                model, _ = load_model(shipped_path(dataset, name))
                print(f"ok     {dataset}-{name} ({sum(p.numel() for p in model.parameters()):,} parameters)")
            except CheckpointError as error:
                failures += 1
                print(f"ERROR  {dataset}-{name}: {error}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(check_shipped())


def training_card(model, info: dict, metrics: dict, log_path: Path | None = None) -> str:
    """The README.md of a trained checkpoint folder: data, command, epochs, parameters, held-out figures and,
    from the run's `log_path`, the held-out curve: the figures logged during training, every few epochs."""
    lines = [f"# {info['dataset']} {model.kind} ({json.dumps(model.config_dict())})", "",
             f"- data: {info['dataset']}, {info['training']['train_images']} training images, "
             f"{info['training']['test_images']} held-out",
             f"- command: `{info['training']['command']}`",
             f"- epochs: {info['training']['epochs']}, seed {info['training']['seed']}, "
             f"augmentation {info['training']['augment']}, {info['training']['processes']} process(es)"
             + (f" on {info['training']['device']}" if info["training"].get("device") else ""),
             f"- parameters: {sum(p.numel() for p in model.parameters()):,}"]
    if info["training"].get("init_from_training"):
        lines.append(f"- fine-tuned from `{info['training']['init_from']}`, which was trained with "
                     f"`{info['training']['init_from_training']['command']}`")
    lines += ["", "## Figures (held-out)", ""]
    lines += [f"- {name}: {value:.4f}" if isinstance(value, float) else f"- {name}: {value}"
              for name, value in metrics.items()]
    return "\n".join(lines + held_out_curve(log_path)) + "\n"


def held_out_curve(log_path: Path | None) -> list[str]:
    """The held-out figures of a training log (log.jsonl) as a Markdown table by epoch, with each row's
    change from the row before; [] when the log logged none."""
    if log_path is None or not Path(log_path).exists():
        return []
    records = [json.loads(line) for line in Path(log_path).read_text().splitlines() if line.strip()]
    records = [record for record in records if any(key.startswith("test_") for key in record)]
    if not records:
        return []
    names = [key for key in records[-1] if key.startswith("test_")]
    headline = names[0]
    lines = ["", "## Held-out curve (1,000 test images, logged during training)", "",
             "| epoch | " + " | ".join(names) + f" | change of {headline} |", "|---" * (len(names) + 2) + "|"]
    previous = None
    for record in records:
        value = record.get(headline)
        change = "" if previous is None or value is None else f"{100 * (value - previous) / abs(previous):+.2f} %"
        lines.append(f"| {record['epoch']} | " + " | ".join(f"{record.get(name, float('nan')):.4f}" for name in names)
                     + f" | {change} |")
        previous = value
    return lines
