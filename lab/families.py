"""How the training CLI (lab.train) trains each model family: its config from the arguments, its default
length, augmentation and averaging. A family's loss sits beside its model (`model.loss` in lab/models/)."""
from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class Family:
    """How the CLI trains one model family."""
    kind: str                                      # the family in lab.models (and the checkpoint's "kind")
    config: Callable[[argparse.Namespace, int], dict]   # (args, number of classes) -> the model's config
    epochs: int                                    # the default length of a run
    augment: str = "affine"                        # the default augmentation
    ema: float | None = None                       # ship an average of the weights with this decay
    depth: int | None = None                       # --depth's default, where the family has one
    schedule: str | None = None                    # --schedule's default, where the family has one
    on_latents: bool = False                       # trains on the frozen 16-d VAE's latents, not on pixels
    on_tokens: bool = False                        # trains on the frozen VQ-VAE's token grids, not on pixels
    width: int | None = None                       # --width's default, where the family has one
    label_dropout: float = 0.0                     # --label-dropout's default (guidance needs it above 0)


def autoencoder_config(args, classes: int) -> dict:
    return {"latent_dim": args.latent_dim, "extra_convs": args.extra_convs}


def vae_config(args, classes: int) -> dict:
    return {**autoencoder_config(args, classes), "gaussian_sigma": args.gaussian_sigma}


def denoiser_config(args, classes: int) -> dict:
    return {"num_classes": classes, "channels": args.channels, "schedule": args.schedule}


def latent_denoiser_config(args, classes: int) -> dict:
    # The latent's scale factor, the VAE's name and hash join it from the encoded data (first_stage).
    return {"num_classes": classes, "width": args.width, "depth": args.depth, "schedule": args.schedule}


def pixelcnn_config(args, classes: int) -> dict:
    return {"num_classes": classes, "channels": args.channels, "layers": args.depth, "kernel": args.kernel,
            "label_dropout": args.label_dropout}


def vqvae_config(args, classes: int) -> dict:
    return {"codebook_size": args.codebook_size, "code_dim": args.code_dim}


def token_transformer_config(args, classes: int) -> dict:
    # The codebook size, the VQ-VAE's name and hash join it from the encoded data (first_stage).
    return {"num_classes": classes, "width": args.width, "depth": args.depth, "heads": args.heads,
            "label_dropout": args.label_dropout}


FAMILIES = {
    "vae": Family("vae", vae_config, epochs=100),
    "ae": Family("ae", autoencoder_config, epochs=60),
    "classifier": Family("classifier", lambda args, classes: {"num_classes": classes}, epochs=15),
    "diffusion": Family("denoiser", denoiser_config, epochs=60, ema=0.999, schedule="cosine"),
    "latent-diffusion": Family("latent_denoiser", latent_denoiser_config, epochs=400, augment="none", ema=0.999,
                               depth=4, schedule="scaled-linear", on_latents=True, width=256),
    # Interpolation would blur its 256 exact levels: whole-pixel shifts (--augment shift) suit it.
    "pixelcnn": Family("pixelcnn", pixelcnn_config, epochs=40, augment="none", depth=6),
    "vqvae": Family("vqvae", vqvae_config, epochs=40),
    # Augmented copies of the images are encoded once (--token-copies), so the tokens are not augmented again.
    "tokens": Family("token_transformer", token_transformer_config, epochs=40, augment="none", depth=4,
                     on_tokens=True, width=128, label_dropout=0.1),
}
AUGMENTATIONS = {
    "mild": dict(degrees=5.0, shift=0.05, scale=(0.95, 1.05)),
    "affine": dict(degrees=8.0, shift=0.08, scale=(0.92, 1.08)),
    "affine-flip": dict(degrees=8.0, shift=0.08, scale=(0.92, 1.08), hflip=True),
}
