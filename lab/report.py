"""Markdown tables for the README: the shipped checkpoints with their figures and training commands.

    python -m lab.report
"""
from __future__ import annotations

from lab.checkpoints import CheckpointError, load_model, read_config, read_metrics, shipped_names, shipped_path
from lab.data import DATASET_NAMES

FIGURES = {"classifier": ("accuracy", "{:.2%}"), "vae": ("−ELBO (recon + KL), nats", None),
           "ae": ("L2 ‖x − x̂‖²", "{:.2f}"), "denoiser": ("noise MSE ‖ε − ε̂‖² per pixel", "{:.4f}"),
           "latent_denoiser": ("noise MSE ‖ε − ε̂‖² per latent dimension", "{:.4f}"),
           "pixelcnn": ("−log p(x), nats (bits/dim)", None),
           "vqvae": ("‖x − x̂‖² through the tokens (codebook perplexity)", None),
           "token_transformer": ("−log p(t \\| y), nats per grid (bits/token)", None)}
METRIC = {"classifier": "accuracy", "ae": "l2", "denoiser": "mse", "latent_denoiser": "mse"}


def checkpoint_table() -> str:
    lines = ["| checkpoint | params | held-out figure | value | trained with |", "|---|---|---|---|---|"]
    for dataset in DATASET_NAMES:
        for name in shipped_names(dataset):
            folder = shipped_path(dataset, name)
            try:
                config = read_config(folder)
            except CheckpointError:
                lines.append(f"| {folder.name} | | missing | | |")
                continue
            metrics, kind = read_metrics(folder), config["kind"]
            label, style = FIGURES[kind]
            if kind == "vae":
                value = (f"{metrics['test_nelbo']:.1f} ({metrics['test_nelbo_reconstruction']:.1f} + "
                         f"{metrics['test_nelbo_kl']:.1f})")
            elif kind == "pixelcnn":
                value = f"{metrics['test_nll']:.1f} ({metrics['test_bpd']:.3f})"
            elif kind == "vqvae":
                value = f"{metrics['test_squared_error']:.2f} ({metrics['test_perplexity']:.0f})"
            elif kind == "token_transformer":
                value = f"{metrics['test_nll']:.1f} ({metrics['test_bits_per_token']:.3f})"
            else:
                value = style.format(metrics[f"test_{METRIC[kind]}"])
            parameters = f"{sum(p.numel() for p in load_model(folder)[0].parameters()):,}"
            commands = f"`{config['training']['command']}`"
            stage_one = config["training"].get("init_from_training")
            if stage_one:  # a fine-tuned checkpoint: show how its starting weights were made first
                commands = f"`{stage_one['command']}`, then {commands}"
            lines.append(f"| `{folder.name}` | {parameters} | {label} | {value} | {commands} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(checkpoint_table())
