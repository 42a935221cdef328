"""Images as token grids: the frozen VQ-VAE's codes as the data the token transformer trains on, the
token model's measured sampling defaults, and its quality figures (the tab's model side is `lab.api.tokens`).

The tokenizer never changes while the transformer trains, so each split is encoded once (as latent
diffusion encodes its latents once). Since tokens cannot be augmented afterwards (a rotated grid of codes
is not the codes of a rotated image), the training split is encoded `copies` times, every copy but the
first through a fresh, mild random affine augmentation of the images.

    python -m lab.tokens --dataset mnist --write     # quality.json: accuracy, FD, the tokenizer next to VAE/PCA
"""
from __future__ import annotations

import argparse
import functools
import json
import math
import time
from pathlib import Path

import numpy as np
import torch

from lab.augment import random_affine
from lab.checkpoints import judge_path, load_model, shipped_path
from lab.data import Dataset, load_dataset
from lab.evaluate import evaluate
from lab.models.token_transformer import sample_tokens

# The "mild" augmentation of lab.families: the copies add variety without leaving the data's distribution
# (samples are compared with unaugmented test images).
TOKEN_AUGMENTATION = dict(degrees=5.0, shift=0.05, scale=(0.95, 1.05))


@torch.inference_mode()
def encode_tokens(vqvae, images: torch.Tensor, batch_size: int = 500) -> torch.Tensor:
    """(N, 1, 28, 28) in [0, 1] -> (N, 7, 7) long token grids, on the CPU."""
    device = next(vqvae.parameters()).device
    return torch.cat([vqvae.encode(images[start: start + batch_size].to(device)).cpu()
                      for start in range(0, len(images), batch_size)])


@torch.inference_mode()
def decode_tokens(vqvae, tokens: torch.Tensor, batch_size: int = 500) -> torch.Tensor:
    """(N, 7, 7) or (N, 49) long -> (N, 1, 28, 28) images in [0, 1], on the CPU."""
    device = next(vqvae.parameters()).device
    grid = vqvae.grid
    tokens = tokens.reshape(-1, grid, grid)
    return torch.cat([vqvae.decode(tokens[start: start + batch_size].to(device)).cpu()
                      for start in range(0, len(tokens), batch_size)])


def token_dataset(vqvae, dataset: Dataset, copies: int = 1, seed: int = 0) -> Dataset:
    """The dataset's labels with (N·copies, 7, 7) token grids in place of the images: the first copy as the
    images are, the others augmented."""
    generator = torch.Generator().manual_seed(seed)
    grids = [encode_tokens(vqvae, dataset.images if copy == 0
                           else random_affine(dataset.images, generator, **TOKEN_AUGMENTATION))
             for copy in range(copies)]
    return Dataset(torch.cat(grids), dataset.labels.repeat(copies), dataset.class_names)


# The tab's defaults, measured on mnist (README: the table of what was tried). Guidance w = 1.5 lifts class
# accuracy from 94 % to 99 %; T = 0.9 with the top 32 codes trims the rare codes that break a stroke.
DEFAULTS = {"temperature": 0.9, "top_k": 32, "guidance": 1.5}
QUALITY_SEED = 2024


@functools.lru_cache(maxsize=8)
def background_code(vqvae) -> int:
    """The code of a blank patch (the middle token of an all-black image): what a grid not yet sampled is
    filled with when it is decoded."""
    device = next(vqvae.parameters()).device
    with torch.inference_mode():
        codes = vqvae.encode(torch.zeros(1, 1, 28, 28, device=device))
    return int(codes[0, vqvae.grid // 2, vqvae.grid // 2])


@torch.inference_mode()
def code_atlas(vqvae, images: torch.Tensor, margin: int = 4) -> tuple[np.ndarray, np.ndarray]:
    """What each code stands for in the data: the mean, over every patch of `images` (N, 1, 28, 28) the
    tokenizer encodes to code k, of that 4x4 patch with `margin` pixels of its surroundings:
    ((K, 4 + 2·margin, 4 + 2·margin) in [0, 1], (K,) how many patches each code got). A code does not draw a
    fixed picture alone: the decoder reads it with its neighbours, so a code's meaning is its patches."""
    K, grid = vqvae.config.codebook_size, vqvae.grid
    patch = images.shape[-1] // grid
    codes = encode_tokens(vqvae, images).flatten()                               # (N·49,)
    padded = torch.nn.functional.pad(images[:, 0], (margin,) * 4)               # (N, 28 + 2m, 28 + 2m)
    size = patch + 2 * margin
    windows = padded.unfold(1, size, patch).unfold(2, size, patch)               # (N, 7, 7, size, size)
    windows = windows.reshape(-1, size * size)
    counts = torch.bincount(codes, minlength=K)
    sums = torch.zeros(K, size * size).index_add_(0, codes, windows)
    means = sums / counts.clamp_min(1)[:, None]
    return means.view(K, size, size).numpy(), counts.numpy()


@torch.inference_mode()
def token_bits(vqvae, transformer, images: torch.Tensor) -> torch.Tensor:
    """−log2 p(t) of each image's token grid, (B,), in bits per grid: the model is class-conditional, so
    p(t) = Σ_y p(t|y)·P(y) with P(y) uniform. The likelihood of the code, not of the image's pixels."""
    tokens = vqvae.encode(images).flatten(1)                                       # (B, L)
    classes = transformer.config.num_classes
    labels = torch.arange(classes, device=tokens.device).repeat(len(tokens))
    log_likelihood = -transformer.token_nll(tokens.repeat_interleave(classes, dim=0), labels).sum(dim=1)
    log_evidence = torch.logsumexp(log_likelihood.view(len(tokens), classes), dim=1) - math.log(classes)
    return -log_evidence / math.log(2)


@torch.inference_mode()
def generate(dataset: str, labels: torch.Tensor, seed: int = QUALITY_SEED, batch_size: int = 250,
             folder=None, **settings) -> torch.Tensor:
    """Class-conditional samples of the shipped token model (or the one in `folder`) at `settings`
    (DEFAULTS otherwise), decoded: (N, 1, 28, 28) in [0, 1]."""
    settings = {**DEFAULTS, **settings}
    transformer, _ = load_model(folder or shipped_path(dataset, "tokens"))
    vqvae, _ = load_model(shipped_path(dataset, transformer.config.vqvae))
    generator = torch.Generator().manual_seed(seed)
    grids = [sample_tokens(transformer, labels[start: start + batch_size], temperature=settings["temperature"],
                           top_k=settings["top_k"] or None, guidance=settings["guidance"], generator=generator)
             for start in range(0, len(labels), batch_size)]
    return decode_tokens(vqvae, torch.cat(grids))


def tokenizer_figures(dataset: str, count: int = 1000) -> dict:
    """The VQ-VAE's reconstruction error ‖x − x̂‖² per image and codebook perplexity on `count` test images,
    next to the 16-d VAE (decoded posterior mean) and PCA with 16 components and with as many components as
    the tokens' bits at 8 bits each: the tokens hold 49·log2 K bits."""
    from lab.analysis.pca import image_pca

    test = load_dataset(dataset, "test").subset(count)
    vqvae, _ = load_model(shipped_path(dataset, "vqvae"))
    figures = {f"vqvae_{key}": value for key, value in evaluate(vqvae, test).items()}
    bits = vqvae.grid ** 2 * math.log2(vqvae.config.codebook_size)
    vae, _ = load_model(shipped_path(dataset, "vae16"))
    with torch.inference_mode():
        vae_error = (torch.sigmoid(vae.decode(vae.encode(test.images)[0])) - test.images).pow(2).flatten(1).sum(1)
    fitted = image_pca(dataset)
    flat = test.images.flatten(1).numpy().astype(np.float64) - fitted["mean"]
    pca_k = int(bits // 8)
    for k in (16, pca_k):
        directions = fitted["components"][:k]
        figures[f"pca{k}_squared_error"] = float(((flat @ directions.T @ directions - flat) ** 2).sum(1).mean())
    figures.update(vqvae_bits=bits, vqvae_codebook_size=vqvae.config.codebook_size, pca_bits_k=pca_k,
                   vae16_squared_error=float(vae_error.mean()), tokenizer_images=count)
    return figures


def vqvae_ceiling(dataset: str, vqvae, count: int) -> float:
    """The Fréchet distance of the tokenizer's reconstructions of `count` held-out images to those images: a
    token sample is drawn by that decoder, so it cannot look better."""
    from lab.diffusion.quality import features, frechet_distance
    from lab.examples import load_examples

    classifier = load_model(judge_path(dataset))[0]
    held_out = load_examples(dataset).images[:count]
    reconstructions = decode_tokens(vqvae, encode_tokens(vqvae, held_out))
    return frechet_distance(features(classifier, reconstructions), features(classifier, held_out))


def measure(dataset: str, count: int = 1000, folder=None, **settings) -> dict:
    """The token model's samples (`count`, class-balanced, at `settings`): class accuracy and Fréchet distance
    by the shipped classifier, the time they took, and its held-out −log p(t|y); with the tokenizer's figures."""
    from lab.diffusion.quality import evaluate_samples

    settings = {**DEFAULTS, **settings}
    transformer, config = load_model(folder or shipped_path(dataset, "tokens"))
    labels = torch.arange(count) % config["model"]["num_classes"]
    started = time.perf_counter()
    samples = generate(dataset, labels, folder=folder, **settings)
    seconds = time.perf_counter() - started
    figures = {**evaluate_samples(samples, labels, dataset), **settings, "sample_seconds": round(seconds, 1)}
    vqvae, _ = load_model(shipped_path(dataset, transformer.config.vqvae))
    figures["fd_vqvae_ceiling"] = vqvae_ceiling(dataset, vqvae, figures["fd_images"])
    test = token_dataset(vqvae, load_dataset(dataset, "test"))
    figures.update({f"test_{key}": value for key, value in evaluate(transformer, test).items()})
    return {**figures, **tokenizer_figures(dataset)}


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(prog="python -m lab.tokens", description=__doc__.split("\n\n")[0])
    parser.add_argument("--dataset", choices=["mnist", "fashion"], default="mnist")
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--temperature", type=float, default=DEFAULTS["temperature"])
    parser.add_argument("--top-k", type=int, default=DEFAULTS["top_k"], help="0: every code")
    parser.add_argument("--guidance", type=float, default=DEFAULTS["guidance"])
    parser.add_argument("--checkpoint", help="a candidate token model's folder (default: the shipped one)")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--write", action="store_true", help="store the figures in the checkpoint's quality.json")
    args = parser.parse_args(argv)
    torch.set_num_threads(args.threads)
    folder = args.checkpoint or shipped_path(args.dataset, "tokens")
    figures = measure(args.dataset, args.count, folder, temperature=args.temperature, top_k=args.top_k,
                      guidance=args.guidance)
    print(json.dumps(figures, indent=2))
    if args.write:
        (Path(folder) / "quality.json").write_text(json.dumps(figures, indent=2) + "\n")
    return figures


if __name__ == "__main__":
    main()
