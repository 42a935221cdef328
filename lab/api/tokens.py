"""Patches → tokens, the model side: a VQ-VAE cuts an image into a 7x7 grid of tokens and a causal
transformer samples such grids token by token (lecture: "Modelos autoregresivos sobre imágenes", "modelar
como secuencia de parches").

- tokenize an image: its token grid, the reconstruction from the tokens, the bits the tokens hold;
- the codebook as an atlas: what each code stands for, the mean of the training patches encoded to it;
- one grid sampled token by token, with p(t_i | t_<i, y) at every step and the image decoded after every token;
- a grid of samples yielded token row by token row; completion of an image's first token rows;
- the cost argument: the PixelCNN's 784 steps against 49, timed here, and both likelihoods of one image.

Both models are small: they run on the CPU even on ZeroGPU (not GPU_MODELS), where a GPU allocation would
cost more than the sampling itself.
"""
from __future__ import annotations

import functools
import math
import time
from typing import Callable, Iterator

import numpy as np
import torch

from lab.analysis.likelihood import pixelcnn_bits
from lab.checkpoints import read_quality, shipped_path
from lab.device import gpu_task, make_generator, one_at_a_time
from lab.examples import load_examples
from lab.messages import Refused
from lab.models.pixelcnn import sample_raster
from lab.models.token_transformer import sample_tokens, token_steps
from lab.sampling_settings import check_guidance, check_temperature, check_top_k
from lab.shipped import get_model, image_batch
from lab.tokens import DEFAULTS, background_code, code_atlas, token_bits

__all__ = ["DEFAULTS"]
PATCH = 4          # each token stands for a 4x4 patch of the 28x28 image (7x7 tokens)
TILE = 12          # an atlas tile: the code's 4x4 patch with 4 pixels of its surroundings


def _models(dataset: str):
    return get_model(dataset, "vqvae"), get_model(dataset, "tokens")


def _device(model) -> torch.device:
    return next(model.parameters()).device


def check_sampling(temperature: float, top_k: int, guidance: float, codebook_size: int) -> tuple:
    """The sampling settings, checked: (temperature, top_k or None for all codes, guidance)."""
    return check_temperature(temperature), check_top_k(top_k, codebook_size), check_guidance(guidance)


@one_at_a_time
@torch.inference_mode()
def tokenize(dataset: str, image28: np.ndarray) -> dict:
    """An image as tokens: {'codes' (7, 7) ints, 'reconstruction' (28, 28) in [0, 1] decoded from them,
    'squared_error' ‖x − x̂‖², 'bits' = 49·log2 K the grid holds, 'codebook_size'}."""
    vqvae = get_model(dataset, "vqvae")
    image = image_batch(image28, _device(vqvae))
    codes = vqvae.encode(image)
    reconstruction = vqvae.decode(codes)
    K = vqvae.config.codebook_size
    return {"codes": codes[0].cpu().numpy(), "reconstruction": reconstruction[0, 0].cpu().numpy(),
            "squared_error": float((reconstruction - image).pow(2).sum()), "codebook_size": K,
            "bits": codes.numel() * math.log2(K)}


@functools.cache
def codebook_atlas(dataset: str) -> dict:
    """What each code stands for: {'tiles' (K, TILE, TILE) in [0, 1], the mean of the training patches
    encoded to it with 4 pixels of their surroundings, 'counts' (K,) how many patches that is}. A code has
    no picture of its own: decoded alone, with blank neighbours, most draw almost nothing, because the
    decoder reads every code with its neighbours. Computed once per dataset."""
    vqvae = get_model(dataset, "vqvae")
    tiles, counts = code_atlas(vqvae, load_examples(dataset, "train").images.to(_device(vqvae)), (TILE - PATCH) // 2)
    return {"tiles": tiles, "counts": counts}


def _decoded_prefixes(vqvae, tokens: torch.Tensor) -> np.ndarray:
    """The image after each token of one sampled grid (49,): (49, 28, 28), the tokens not yet drawn set to
    the background's code."""
    length = len(tokens)
    steps = torch.arange(length, device=tokens.device)
    drawn = steps[None, :] <= steps[:, None]                                     # row i: tokens 0 … i
    grids = torch.where(drawn, tokens[None, :], background_code(vqvae))
    return vqvae.decode(grids.view(length, vqvae.grid, vqvae.grid))[:, 0].cpu().numpy()


@torch.inference_mode()
def sample_sequence(dataset: str, label: int, temperature: float, top_k: int, guidance: float, seed: int,
                    progress: Callable[[int, int], None] | None = None) -> dict:
    """One grid drawn token by token: {'tokens' (49,), 'probabilities' (49, K) each step's distribution,
    'frames' (49, 28, 28) the image decoded after every token, 'seconds' of sampling}."""
    vqvae, transformer = _models(dataset)
    temperature, top_k, guidance = check_sampling(temperature, top_k, guidance, vqvae.config.codebook_size)
    device, distributions = _device(transformer), []
    started = time.perf_counter()
    for index, probabilities, tokens in token_steps(
            transformer, torch.tensor([int(label)], device=device), temperature=temperature, top_k=top_k,
            guidance=guidance, generator=make_generator(seed, device)):
        distributions.append(probabilities[0].cpu().numpy())
        if progress is not None:
            progress(index + 1, transformer.config.sequence_length)
    seconds = time.perf_counter() - started
    tokens = tokens[0]
    return {"tokens": tokens.cpu().numpy(), "probabilities": np.stack(distributions).astype(np.float32),
            "frames": _decoded_prefixes(vqvae, tokens), "seconds": seconds}


@torch.inference_mode()
def grid_rows(dataset: str, labels: list[int], temperature: float, top_k: int, guidance: float,
              seed: int) -> Iterator[tuple[int, np.ndarray, float]]:
    """One sample per label, yielded after every row of tokens: (token rows done, images (N, 28, 28) in
    [0, 1] decoded from the tokens so far, the rest on the background's code, seconds so far)."""
    vqvae, transformer = _models(dataset)
    temperature, top_k, guidance = check_sampling(temperature, top_k, guidance, vqvae.config.codebook_size)
    grid, count, device = vqvae.grid, len(labels), _device(transformer)
    partial = torch.full((count, grid * grid), background_code(vqvae), dtype=torch.long, device=device)
    started = time.perf_counter()
    for index, _, tokens in token_steps(
            transformer, torch.tensor(labels, dtype=torch.long, device=device), temperature=temperature,
            top_k=top_k, guidance=guidance, generator=make_generator(seed, device)):
        if (index + 1) % grid == 0:
            partial[:, : index + 1] = tokens
            images = vqvae.decode(partial.view(count, grid, grid))[:, 0].cpu().numpy()
            yield (index + 1) // grid, images, time.perf_counter() - started


@torch.inference_mode()
def complete(dataset: str, image28: np.ndarray, rows: int, label: int, temperature: float, top_k: int,
             guidance: float, seed: int, count: int = 6) -> dict:
    """Keep the first `rows` token rows of an image and sample the rest `count` times: {'completions'
    (count, 28, 28), 'tokens' (count, 49) their grids, 'kept' (28, 28): the image decoded from the kept tokens
    alone}."""
    vqvae, transformer = _models(dataset)
    if not 0 <= int(rows) <= vqvae.grid:
        raise Refused("between", name="rows", low=0, high=vqvae.grid, value=rows)
    temperature, top_k, guidance = check_sampling(temperature, top_k, guidance, vqvae.config.codebook_size)
    device = _device(transformer)
    prefix = vqvae.encode(image_batch(image28, device)).flatten(1)[:, : int(rows) * vqvae.grid].repeat(count, 1)
    tokens = sample_tokens(transformer, torch.full((count,), int(label), device=device), temperature=temperature,
                           top_k=top_k, guidance=guidance, prefix=prefix, generator=make_generator(seed, device))
    kept = torch.full((1, vqvae.grid ** 2), background_code(vqvae), dtype=torch.long, device=device)
    kept[:, : prefix.shape[1]] = prefix[:1]
    return {"completions": vqvae.decode(tokens.view(count, vqvae.grid, vqvae.grid))[:, 0].cpu().numpy(),
            "tokens": tokens.cpu().numpy(),
            "kept": vqvae.decode(kept.view(1, vqvae.grid, vqvae.grid))[0, 0].cpu().numpy()}


@torch.inference_mode()
def likelihoods(dataset: str, image28: np.ndarray) -> dict:
    """Both chains of the same image: {'pixel_bits' −log2 p(x) over 784 pixels (PixelCNN), 'token_bits'
    −log2 p(t) over the 49 tokens of its grid (token model), both with p = Σ_y p(·|y)/10}."""
    vqvae, transformer = _models(dataset)
    bits = token_bits(vqvae, transformer, image_batch(image28, _device(transformer)))
    return {"pixel_bits": _pixel_bits(dataset, image28), "token_bits": float(bits[0]), "pixels": 784,
            "tokens": vqvae.grid ** 2}


@gpu_task(seconds=10)
@torch.inference_mode()
def _pixel_bits(dataset: str, image28: np.ndarray) -> float:
    """The PixelCNN's −log2 p(x) of the image, in bits over its 784 pixels (a GPU model: a GPU function)."""
    pixelcnn = get_model(dataset, "pixelcnn")
    return float(pixelcnn_bits(pixelcnn, image_batch(image28, _device(pixelcnn)))[0]) * 784


def time_one_image(dataset: str, again: bool = False) -> dict:
    """One image sampled by each chain, timed on this machine: {'pixel_steps', 'pixel_seconds' (PixelCNN,
    784 steps), 'token_steps', 'token_seconds' (49 steps and the decoder)}. Timed once per dataset and
    process (a page open shows that), or `again`, when a visitor asks."""
    if again or dataset not in _timings:
        _timings[dataset] = _time_both(dataset)
    return _timings[dataset]


_timings: dict[str, dict] = {}


@gpu_task(seconds=30)
def _time_pixelcnn(dataset: str, seed: int = 0) -> float:
    """Seconds to sample one image with the PixelCNN, pixel by pixel (a GPU model: a GPU function)."""
    pixelcnn = get_model(dataset, "pixelcnn")
    device = _device(pixelcnn)
    started = time.perf_counter()
    sample_raster(pixelcnn, torch.zeros(1, dtype=torch.long, device=device), generator=make_generator(seed, device))
    return time.perf_counter() - started


def _time_both(dataset: str, seed: int = 0) -> dict:
    pixel_seconds = _time_pixelcnn(dataset, seed)
    vqvae, transformer = _models(dataset)
    device = _device(transformer)
    started = time.perf_counter()
    with torch.inference_mode():
        tokens = sample_tokens(transformer, torch.zeros(1, dtype=torch.long, device=device),
                               generator=make_generator(seed, device))
        vqvae.decode(tokens.view(1, vqvae.grid, vqvae.grid))
    token_seconds = time.perf_counter() - started
    return {"pixel_steps": 784, "pixel_seconds": pixel_seconds, "token_steps": tokens.shape[1],
            "token_seconds": token_seconds}


def cost_rows(timing: dict) -> list[dict]:
    """The lecture's sizes with one step per pixel and channel, or one per 4x4 patch, at the measured
    seconds per step of each chain (a lower bound for long sequences: attention grows with them)."""
    pixel_step = timing["pixel_seconds"] / timing["pixel_steps"]
    token_step = timing["token_seconds"] / timing["token_steps"]
    rows = []
    for name, side, channels in (("MNIST", 28, 1), ("CIFAR", 32, 3), ("ImageNet", 256, 3), ("1024x1024", 1024, 3)):
        pixel_steps, token_steps = side * side * channels, (side // PATCH) ** 2
        rows.append({"name": name, "size": f"{side}x{side}x{channels}", "pixel_steps": pixel_steps,
                     "pixel_seconds": pixel_steps * pixel_step, "token_steps": token_steps,
                     "token_seconds": token_steps * token_step})
    return rows


def model_summary(dataset: str) -> dict:
    """The two models' shapes and their measured figures (quality.json of the token model, {} if none)."""
    vqvae, transformer = _models(dataset)
    return {"codebook_size": vqvae.config.codebook_size, "code_dim": vqvae.config.code_dim, "grid": vqvae.grid,
            "vqvae_parameters": sum(p.numel() for p in vqvae.parameters()),
            "transformer_parameters": sum(p.numel() for p in transformer.parameters()),
            "depth": transformer.config.depth, "width": transformer.config.width,
            "quality": read_quality(shipped_path(dataset, "tokens"))}
