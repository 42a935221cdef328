"""Latent diffusion's denoiser: f_θ(z_t, t, y) predicts the noise in a 16-d VAE latent, not in 784 pixels.

Lecture, "Latent diffusion" (Rombach et al. 2022): a frozen encoder maps x to z, diffusion runs on z, and
the decoder maps the sampled z back to an image. The first stage here is our shipped 16-d VAE
(`lab.diffusion.latents` encodes, scales and decodes); this file is only the second stage, a residual MLP,
since a 16-d vector has no spatial layout for convolutions to exploit. Its loss is the pixel denoiser's
(`noise_prediction_loss`), with the same classifier-free label dropout.

The latents are multiplied by `latent_scale` (1/std of the training latents, LDM's scale factor) so the
diffusion sees unit variance, as its noise schedule assumes. They are never clipped: unlike pixels, a
latent has no fixed range.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

import torch
import torch.nn.functional as F
from torch import nn

from lab.diffusion.schedules import alpha_bar
from lab.models.denoiser import noise_prediction_loss, timestep_embedding


@dataclass
class LatentDenoiserConfig:
    num_classes: int = 10
    latent_dim: int = 16
    width: int = 256                # hidden units of the MLP
    depth: int = 4                  # residual blocks
    embedding_dim: int = 128        # time + class embedding
    label_dropout: float = 0.1      # probability of training with the "no class" token (guidance)
    schedule: str = "scaled-linear"
    train_timesteps: int = 1000
    latent_scale: float = 1.0       # z_diffused = latent_scale · z_vae (set by training from the data)
    vae: str = "vae16"              # the shipped first stage of the same dataset
    vae_sha256: str = ""            # of that VAE's model.safetensors at training time: a retrained VAE shows


class ResidualMLPBlock(nn.Module):
    """LayerNorm → Linear → SiLU (+ the time/class embedding) → Linear, added back onto the input."""

    def __init__(self, width: int, embedding_dim: int):
        super().__init__()
        self.norm = nn.LayerNorm(width)
        self.linear1 = nn.Linear(width, width)
        self.embedding = nn.Linear(embedding_dim, width)
        self.linear2 = nn.Linear(width, width)

    def forward(self, x: torch.Tensor, embedding: torch.Tensor) -> torch.Tensor:
        h = F.silu(self.linear1(self.norm(x)) + self.embedding(embedding))
        return x + self.linear2(h)


class LatentDenoiser(nn.Module):
    """ε̂ = f_θ(z_t, t, y) for z_t (B, latent_dim): in → `depth` residual blocks → out."""

    kind = "latent_denoiser"
    clip_sample = False     # latents have no fixed range to clip x̂0 to

    def __init__(self, config: LatentDenoiserConfig):
        super().__init__()
        self.config = config
        w, e = config.width, config.embedding_dim
        self.time_mlp = nn.Sequential(nn.Linear(e, e), nn.SiLU(), nn.Linear(e, e))
        self.class_embedding = nn.Embedding(config.num_classes + 1, e)   # the last index = "no class"
        self.input = nn.Linear(config.latent_dim, w)
        self.blocks = nn.ModuleList(ResidualMLPBlock(w, e) for _ in range(config.depth))
        self.output = nn.Sequential(nn.LayerNorm(w), nn.SiLU(), nn.Linear(w, config.latent_dim))
        self.register_buffer("alpha_bar", alpha_bar(config.schedule, config.train_timesteps), persistent=False)

    @property
    def null_class(self) -> int:
        return self.config.num_classes

    @property
    def sample_shape(self) -> tuple[int, ...]:
        return (self.config.latent_dim,)

    def config_dict(self) -> dict:
        return asdict(self.config)

    def forward(self, noisy: torch.Tensor, timesteps: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
        """noisy z_t (B, latent_dim), scaled; timesteps (B,) ints in [0, T); labels (B,), `null_class` for
        none -> predicted noise ε̂ (B, latent_dim)."""
        embedding = self.time_mlp(timestep_embedding(timesteps, self.config.embedding_dim))
        embedding = embedding + self.class_embedding(labels)
        h = self.input(noisy)
        for block in self.blocks:
            h = block(h, embedding)
        return self.output(h)

    def loss(self, posterior: torch.Tensor, labels: torch.Tensor, kl_weight: float = 1.0,
             generator: torch.Generator | None = None) -> tuple[torch.Tensor, dict[str, float]]:
        """The DDPM loss on z ~ q(z|x), drawn afresh each step as latent diffusion trains.

        posterior (B, 2·latent_dim): the frozen encoder's μ and log σ² side by side (computed once before
        training: `lab.diffusion.latents.posterior_parameters`). `kl_weight` is unused."""
        mean, log_variance = posterior.chunk(2, dim=1)
        noise = torch.randn(mean.shape, generator=generator).to(mean.device)
        latents = self.config.latent_scale * (mean + torch.exp(0.5 * log_variance) * noise)
        loss = noise_prediction_loss(self, latents, labels, generator).mean()
        return loss, {"mse": loss.item()}

    def loss_terms(self, latents: torch.Tensor, labels: torch.Tensor,
                   generator: torch.Generator | None = None, drop_labels: bool = True) -> torch.Tensor:
        """Per-example noise-prediction MSE, (B,), for latents already scaled."""
        return noise_prediction_loss(self, latents, labels, generator, drop_labels)
