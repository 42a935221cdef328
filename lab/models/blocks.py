"""The convolutional encoder and decoder that the VAE and the autoencoder share.

Sharing them is the point of the comparison in the lecture: the autoencoder and the VAE have the same
shape, and differ only in what the encoder outputs (a point z, or a Gaussian q(z|x)) and in the loss.
"""
from __future__ import annotations

import torch
from torch import nn

FEATURE_CHANNELS = 64   # channels of the 7x7 feature map in the middle of the network
SPATIAL = 7             # 28 -> 14 -> 7


def _extra_convs(channels: int, count: int) -> list[nn.Module]:
    """`count` shape-preserving 3x3 conv layers: more capacity at one resolution."""
    return [layer for _ in range(count) for layer in (nn.Conv2d(channels, channels, 3, padding=1), nn.SiLU())]


class ConvEncoder(nn.Module):
    """(B, 1, 28, 28) images in [0, 1] -> (B, out_features)."""

    def __init__(self, out_features: int, hidden: int = 256, extra_convs: int = 0):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 32, 4, stride=2, padding=1), nn.SiLU(),                 # (B, 32, 14, 14)
            *_extra_convs(32, extra_convs),
            nn.Conv2d(32, FEATURE_CHANNELS, 4, stride=2, padding=1), nn.SiLU(),  # (B, 64, 7, 7)
            nn.Conv2d(FEATURE_CHANNELS, FEATURE_CHANNELS, 3, padding=1), nn.SiLU(),
            nn.Flatten(),                                                        # (B, 64*7*7)
            nn.Linear(FEATURE_CHANNELS * SPATIAL * SPATIAL, hidden), nn.SiLU(),
        )
        self.head = nn.Linear(hidden, out_features)

    def forward(self, images: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(images))


class ConvDecoder(nn.Module):
    """(B, latent_dim) -> (B, 1, 28, 28) logits (apply a sigmoid for pixel values in [0, 1])."""

    def __init__(self, latent_dim: int, hidden: int = 256, extra_convs: int = 0):
        super().__init__()
        self.project = nn.Sequential(
            nn.Linear(latent_dim, hidden), nn.SiLU(),
            nn.Linear(hidden, FEATURE_CHANNELS * SPATIAL * SPATIAL), nn.SiLU(),
        )
        self.upsample = nn.Sequential(
            nn.Conv2d(FEATURE_CHANNELS, FEATURE_CHANNELS, 3, padding=1), nn.SiLU(),
            nn.ConvTranspose2d(FEATURE_CHANNELS, 32, 4, stride=2, padding=1), nn.SiLU(),  # (B, 32, 14, 14)
            *_extra_convs(32, extra_convs),
            nn.ConvTranspose2d(32, 32, 4, stride=2, padding=1), nn.SiLU(),                # (B, 32, 28, 28)
            *_extra_convs(32, extra_convs),
            nn.Conv2d(32, 1, 3, padding=1),                                               # (B, 1, 28, 28)
        )

    def forward(self, z: torch.Tensor) -> torch.Tensor:
        features = self.project(z).view(-1, FEATURE_CHANNELS, SPATIAL, SPATIAL)
        return self.upsample(features)
