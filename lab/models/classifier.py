"""A small CNN classifier: the discriminative model p(y|x) of the lecture.

It labels every input, even nonsense, with a distribution over the classes: the lab contrasts this with
the VAE's density, which can call an input unlikely.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

import torch
import torch.nn.functional as F
from torch import nn


def _conv_block(in_channels: int, out_channels: int) -> nn.Sequential:
    return nn.Sequential(nn.Conv2d(in_channels, out_channels, 3, padding=1, bias=False),
                         nn.BatchNorm2d(out_channels), nn.ReLU(inplace=True))


@dataclass
class ClassifierConfig:
    num_classes: int = 10
    dropout: float = 0.3


class CNNClassifier(nn.Module):
    kind = "classifier"

    def __init__(self, config: ClassifierConfig):
        super().__init__()
        self.config = config
        self.features = nn.Sequential(
            _conv_block(1, 32), nn.MaxPool2d(2),                          # (B, 32, 14, 14)
            _conv_block(32, 64), _conv_block(64, 64), nn.MaxPool2d(2),    # (B, 64, 7, 7)
            _conv_block(64, 128), nn.MaxPool2d(2),                        # (B, 128, 3, 3)
            nn.Flatten(),
        )
        self.head = nn.Sequential(
            nn.Dropout(config.dropout), nn.Linear(128 * 3 * 3, 128), nn.ReLU(inplace=True),
            nn.Dropout(config.dropout), nn.Linear(128, config.num_classes),
        )

    def config_dict(self) -> dict:
        return asdict(self.config)

    def forward(self, images: torch.Tensor) -> torch.Tensor:
        """(B, 1, 28, 28) in [0, 1] -> (B, num_classes) logits."""
        return self.head(self.features(images))

    def embed(self, images: torch.Tensor) -> torch.Tensor:
        """The 128-d penultimate features, (B, 128): used later for Fréchet distances."""
        return self.head[:3](self.features(images))

    def probabilities(self, images: torch.Tensor) -> torch.Tensor:
        """p(y|x), (B, num_classes), rows summing to 1."""
        return F.softmax(self(images), dim=1)

    def loss(self, images: torch.Tensor, labels: torch.Tensor, kl_weight: float = 1.0) -> tuple[torch.Tensor, dict[str, float]]:
        logits = self(images)
        loss = F.cross_entropy(logits, labels)
        accuracy = (logits.argmax(dim=1) == labels).float().mean()
        return loss, {"cross_entropy": loss.item(), "accuracy": accuracy.item()}
