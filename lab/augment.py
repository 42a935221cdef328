"""Batch augmentations applied on the training device, drawn from an explicit generator.

Small affine jitter (rotation, shift, scale) is the cheapest defence against overfitting the 4,000 mnist
digits; horizontal flips suit clothes but not digits, so they are off unless asked for.
"""
from __future__ import annotations

import math

import torch
import torch.nn.functional as F


def random_affine(images: torch.Tensor, generator: torch.Generator, degrees: float = 8.0,
                  shift: float = 0.08, scale: tuple[float, float] = (0.92, 1.08),
                  hflip: bool = False) -> torch.Tensor:
    """Jitter a batch (B, C, H, W) with one random affine map per image; `shift` is a fraction of the side."""
    batch = images.shape[0]

    def uniform(low: float, high: float) -> torch.Tensor:
        return low + (high - low) * torch.rand(batch, generator=generator)

    angle = uniform(-degrees, degrees) * math.pi / 180
    zoom = uniform(*scale)
    # affine_grid works in [-1, 1] coordinates, so a shift of `shift` of the side is 2·shift there.
    shift_x, shift_y = uniform(-2 * shift, 2 * shift), uniform(-2 * shift, 2 * shift)
    flip = torch.where(torch.rand(batch, generator=generator) < 0.5, -1.0, 1.0) if hflip else torch.ones(batch)
    cos, sin = torch.cos(angle) / zoom, torch.sin(angle) / zoom
    theta = torch.stack([torch.stack([cos * flip, -sin, shift_x], dim=1),
                         torch.stack([sin * flip, cos, shift_y], dim=1)], dim=1)  # (B, 2, 3)
    grid = F.affine_grid(theta.to(images.device, images.dtype), list(images.shape), align_corners=False)
    return F.grid_sample(images, grid, mode="bilinear", padding_mode="zeros", align_corners=False)


def random_shift(images: torch.Tensor, generator: torch.Generator, pixels: int = 2) -> torch.Tensor:
    """Move each image of a batch (B, C, H, W) by a whole number of pixels, up to `pixels` each way, filling
    with zeros. No interpolation: every value stays one of the originals, which a model of the 256 discrete
    levels (the PixelCNN) needs, where an affine jitter would blur strokes into in-between levels."""
    batch, _, height, width = images.shape
    offsets = torch.randint(0, 2 * pixels + 1, (2, batch), generator=generator).to(images.device)
    padded = F.pad(images, (pixels, pixels, pixels, pixels))
    rows = offsets[0, :, None] + torch.arange(height, device=images.device)        # (B, H)
    columns = offsets[1, :, None] + torch.arange(width, device=images.device)      # (B, W)
    index = torch.arange(batch, device=images.device)[:, None, None]
    return padded.permute(0, 2, 3, 1)[index, rows[:, :, None], columns[:, None, :]].permute(0, 3, 1, 2)
