"""The 2-D sandbox's network: a small residual MLP f_θ(x_t, t) on points, about 35k parameters.

One network, two objectives (lecture: diffusion, and its modern variant):
- "epsilon": diffusion (DDPM's ε-prediction) under the variance-preserving schedule of `lab.sandbox.process`;
- "velocity": flow matching / rectified flow, v = ε − x₀ along the straight line x_t = (1 − t)·x₀ + t·ε.

It sees points already standardised (`center`, `scale`, stored with it, so a checkpoint maps its samples
back to the student's coordinates). t is continuous in [0, 1]; the sinusoidal embedding reads 1000·t, the
range the image denoisers' integer timesteps have.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

import torch
from torch import nn

from lab.models.denoiser import timestep_embedding
from lab.models.latent_denoiser import ResidualMLPBlock

OBJECTIVES = ("epsilon", "velocity")


@dataclass
class PointDenoiserConfig:
    objective: str = "epsilon"      # "epsilon" (diffusion) or "velocity" (flow matching)
    width: int = 64                 # hidden units of the MLP
    depth: int = 3                  # residual blocks
    embedding_dim: int = 32         # time embedding
    center: list = field(default_factory=lambda: [0.0, 0.0])   # the data's mean, subtracted first
    scale: float = 1.0              # the data's standard deviation, divided by next


class PointDenoiser(nn.Module):
    """f_θ(x_t, t) for standardised 2-D points x_t (B, 2) and t (B,) in [0, 1] -> ε̂ or v̂ (B, 2)."""

    kind = "point_denoiser"

    def __init__(self, config: PointDenoiserConfig):
        super().__init__()
        if config.objective not in OBJECTIVES:
            raise ValueError(f"objective must be one of {OBJECTIVES}, got {config.objective!r}")
        self.config = config
        w, e = config.width, config.embedding_dim
        self.time_mlp = nn.Sequential(nn.Linear(e, e), nn.SiLU(), nn.Linear(e, e))
        self.input = nn.Linear(2, w)
        self.blocks = nn.ModuleList(ResidualMLPBlock(w, e) for _ in range(config.depth))
        self.output = nn.Sequential(nn.LayerNorm(w), nn.SiLU(), nn.Linear(w, 2))

    def config_dict(self) -> dict:
        return asdict(self.config)

    def forward(self, points: torch.Tensor, t: torch.Tensor) -> torch.Tensor:
        embedding = self.time_mlp(timestep_embedding(1000 * t, self.config.embedding_dim))
        h = self.input(points)
        for block in self.blocks:
            h = block(h, embedding)
        return self.output(h)

    def standardise(self, points: torch.Tensor) -> torch.Tensor:
        """The student's coordinates (B, 2) -> the network's (mean 0, standard deviation 1)."""
        return (points - torch.tensor(self.config.center, dtype=points.dtype)) / self.config.scale

    def unstandardise(self, points: torch.Tensor) -> torch.Tensor:
        return points * self.config.scale + torch.tensor(self.config.center, dtype=points.dtype)
