"""A convolutional variational autoencoder (Kingma & Welling 2014), written to be read with the lecture.

Lecture, "Variational Autoencoders (ELBO)":
    log p(x) >= ELBO = E_{z~q(z|x)}[log p(x|z)] - KL(q(z|x) || p(z))
- encoder q_φ(z|x) = N(μ, diag σ²): the network outputs μ and log σ² (log-variance keeps σ² positive);
- prior p(z) = N(0, I);
- decoder p_θ(x|z), with mean image μ = sigmoid(logit), either
  Bernoulli per pixel (the lab's default, for pixels in [0, 1]):
      log p(x|z) = Σ_pixels x·log μ + (1 − x)·log(1 − μ) = −BCE(logits, x), or
  Gaussian with a fixed σ (the lecture's decoder, `gaussian_sigma`):
      log p(x|z) = −‖x − μ‖² / (2σ²) − (D/2)·log(2πσ²), the "−‖x − μ‖²/(2σ²) + C" of the slides.
All ELBO terms are in nats per image (summed over the D = 784 pixels and the latent dimensions).
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass

import torch
import torch.nn.functional as F
from torch import nn

from lab.models.blocks import ConvDecoder, ConvEncoder


@dataclass
class VAEConfig:
    latent_dim: int = 16
    hidden: int = 256
    extra_convs: int = 0  # extra 3x3 conv layers per resolution (capacity without a wider linear layer)
    gaussian_sigma: float | None = None  # None: Bernoulli decoder; a number: Gaussian decoder with this σ


class ConvVAE(nn.Module):
    kind = "vae"

    def __init__(self, config: VAEConfig):
        super().__init__()
        self.config = config
        self.encoder = ConvEncoder(2 * config.latent_dim, config.hidden, config.extra_convs)  # μ and log σ², side by side
        self.decoder = ConvDecoder(config.latent_dim, config.hidden, config.extra_convs)

    def config_dict(self) -> dict:
        return asdict(self.config)

    def encode(self, images: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """(B, 1, 28, 28) in [0, 1] -> posterior mean μ and log-variance log σ², each (B, latent_dim)."""
        posterior_mean, posterior_log_variance = self.encoder(images).chunk(2, dim=1)
        return posterior_mean, posterior_log_variance.clamp(-12.0, 8.0)  # keeps exp() finite

    @staticmethod
    def reparameterize(posterior_mean, posterior_log_variance, generator=None) -> torch.Tensor:
        """z = μ + σ·ε with ε ~ N(0, I): the sample stays differentiable in μ and σ (training step 3)."""
        noise = torch.randn(posterior_mean.shape, generator=generator,
                            device=generator.device if generator is not None else posterior_mean.device)
        noise = noise.to(posterior_mean.device)
        return posterior_mean + torch.exp(0.5 * posterior_log_variance) * noise

    def decode(self, z: torch.Tensor) -> torch.Tensor:
        """(B, latent_dim) -> (B, 1, 28, 28) Bernoulli logits; sigmoid gives the mean image in [0, 1]."""
        return self.decoder(z)

    def forward(self, images: torch.Tensor) -> torch.Tensor:
        """Reconstruction through the posterior mean (no sampling): what the UI shows by default."""
        posterior_mean, _ = self.encode(images)
        return torch.sigmoid(self.decode(posterior_mean))

    def elbo_terms(self, images: torch.Tensor, generator=None, samples: int = 1) -> dict[str, torch.Tensor]:
        """The ELBO's terms per image, in nats, following the lecture's five training steps.

        Returns a dict of (B,) tensors: `reconstruction` = −log p(x|z), averaged over `samples` draws of
        z ~ q(z|x) (one encoding; the draws decoded as one batch), `kl` = KL(q(z|x) || p(z)) in closed form,
        `total` = reconstruction + kl = −ELBO.
        """
        posterior_mean, posterior_log_variance = self.encode(images)              # 1. encode
        kl = gaussian_kl_to_standard_normal(posterior_mean, posterior_log_variance)  # 2. prior loss
        z = torch.cat([self.reparameterize(posterior_mean, posterior_log_variance, generator)
                       for _ in range(samples)])                                   # 3. sample z (samples·B, d)
        logits = self.decode(z)                                                    # 4. decode
        reconstruction = -self.log_likelihood(logits, images.repeat(samples, 1, 1, 1))  # 5. reconstruction loss
        reconstruction = reconstruction.view(samples, -1).mean(0)
        return {"reconstruction": reconstruction, "kl": kl, "total": reconstruction + kl}

    def log_likelihood(self, logits: torch.Tensor, images: torch.Tensor) -> torch.Tensor:
        """log p_θ(x|z) per image, (B,), for decoder outputs `logits` and images (B, 1, 28, 28) in [0, 1]."""
        if self.config.gaussian_sigma is None:
            return -F.binary_cross_entropy_with_logits(logits, images, reduction="none").flatten(1).sum(dim=1)
        return gaussian_log_likelihood(images, torch.sigmoid(logits), self.config.gaussian_sigma)

    def discrete_log_likelihood(self, logits: torch.Tensor, images: torch.Tensor) -> torch.Tensor:
        """log P_θ(x|z) per image, (B,), for images on the 256 levels of 8-bit pixels: each pixel's Gaussian
        mass over its level's bin, so the VAE's bound compares with the PixelCNN's exact bits per dimension.
        A Bernoulli decoder puts its mass on 0 and 1 only, so it has no such likelihood."""
        if self.config.gaussian_sigma is None:
            raise ValueError("a Bernoulli decoder gives no likelihood over the 256 levels of 8-bit pixels")
        return discretized_gaussian_log_likelihood(images, torch.sigmoid(logits), self.config.gaussian_sigma)

    def loss(self, images: torch.Tensor, labels=None, kl_weight: float = 1.0) -> tuple[torch.Tensor, dict[str, float]]:
        """Mean negative ELBO over the batch (with an optional KL warm-up weight), and logged values."""
        terms = self.elbo_terms(images)
        loss = (terms["reconstruction"] + kl_weight * terms["kl"]).mean()
        return loss, {name: value.mean().item() for name, value in terms.items()}


def gaussian_kl_to_standard_normal(mean: torch.Tensor, log_variance: torch.Tensor) -> torch.Tensor:
    """KL(N(μ, diag σ²) || N(0, I)) = ½ Σ_j (μ_j² + σ_j² − log σ_j² − 1), per row, in nats."""
    return 0.5 * (mean.pow(2) + log_variance.exp() - log_variance - 1.0).sum(dim=1)


def gaussian_log_likelihood(images: torch.Tensor, mean: torch.Tensor, sigma: float) -> torch.Tensor:
    """log N(x; μ, σ²I) per image = −‖x − μ‖² / (2σ²) − (D/2)·log(2πσ²), in nats, (B,)."""
    squared_error = (images - mean).pow(2).flatten(1).sum(dim=1)
    dimensions = images[0].numel()
    return -squared_error / (2 * sigma ** 2) - 0.5 * dimensions * math.log(2 * math.pi * sigma ** 2)


def discretized_gaussian_log_likelihood(images: torch.Tensor, mean: torch.Tensor, sigma: float,
                                        levels: int = 256) -> torch.Tensor:
    """log Π_pixels P(x_i) per image, (B,), where P(x_i) is the mass N(μ_i, σ²) gives the bin of width
    1/(levels − 1) around x_i; the bins of 0 and 1 reach out to −∞ and +∞, so the masses of the 256 levels sum
    to 1. `images` must lie on the levels (k / (levels − 1))."""
    half_bin = 0.5 / (levels - 1)
    upper = (images - mean + half_bin) / sigma
    lower = (images - mean - half_bin) / sigma
    # Φ(upper) − Φ(lower), taken on the side of the mean where both CDFs are small (no cancellation).
    flip = lower > 0
    upper, lower = torch.where(flip, -lower, upper), torch.where(flip, -upper, lower)
    log_mass = torch.special.log_ndtr(upper) + torch.log1p(
        -torch.exp(torch.special.log_ndtr(lower) - torch.special.log_ndtr(upper)).clamp(max=1 - 1e-12))
    first, last = images <= half_bin, images >= 1 - half_bin
    log_mass = torch.where(first, torch.special.log_ndtr((mean.neg() + half_bin) / sigma), log_mass)
    log_mass = torch.where(last, torch.special.log_ndtr((mean - 1 + half_bin) / sigma), log_mass)
    return log_mass.flatten(1).sum(dim=1)
