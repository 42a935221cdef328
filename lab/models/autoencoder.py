"""A plain convolutional autoencoder: the VAE's shape without the probability (lecture, "Autoencoders").

The encoder gives one point z per image, the decoder reconstructs, and the loss is the squared L2 distance
between input and reconstruction. Nothing pushes z towards a known distribution, which is why picking a new
z to generate from is hard: the lab shows this next to the VAE.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

import torch
from torch import nn

from lab.models.blocks import ConvDecoder, ConvEncoder


@dataclass
class AutoencoderConfig:  # the same fields as VAEConfig, on purpose: the two share one shape
    latent_dim: int = 16
    hidden: int = 256
    extra_convs: int = 0  # extra 3x3 conv layers per resolution (capacity without a wider linear layer)


class ConvAutoencoder(nn.Module):
    kind = "ae"

    def __init__(self, config: AutoencoderConfig):
        super().__init__()
        self.config = config
        self.encoder = ConvEncoder(config.latent_dim, config.hidden, config.extra_convs)
        self.decoder = ConvDecoder(config.latent_dim, config.hidden, config.extra_convs)

    def config_dict(self) -> dict:
        return asdict(self.config)

    def encode(self, images: torch.Tensor) -> torch.Tensor:
        """(B, 1, 28, 28) in [0, 1] -> z, (B, latent_dim)."""
        return self.encoder(images)

    def decode(self, z: torch.Tensor) -> torch.Tensor:
        """(B, latent_dim) -> (B, 1, 28, 28) images, about [0, 1] (clamp to show them).

        The output is linear, not a sigmoid: with an L2 loss a sigmoid saturates, its gradient vanishes, and
        training was seen to collapse to an all-black output (−ELBO's Bernoulli loss does not have this issue).
        """
        return self.decoder(z)

    def forward(self, images: torch.Tensor) -> torch.Tensor:
        return self.decode(self.encode(images))

    def reconstruction_error(self, images: torch.Tensor, reconstructions: torch.Tensor | None = None) -> torch.Tensor:
        """Squared L2 distance ‖x − x̂‖² per image, (B,); pass `reconstructions` (x̂) when already decoded."""
        reconstructions = self(images) if reconstructions is None else reconstructions
        return (reconstructions - images).pow(2).flatten(1).sum(dim=1)

    def loss(self, images: torch.Tensor, labels=None, kl_weight: float = 1.0) -> tuple[torch.Tensor, dict[str, float]]:
        """Mean squared L2 reconstruction error over the batch (labels and kl_weight are unused: there is no prior)."""
        error = self.reconstruction_error(images).mean()
        return error, {"l2": error.item()}
