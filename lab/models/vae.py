"""A convolutional variational autoencoder (Kingma & Welling 2014), written to be read with the lecture.

Lecture, "Variational Autoencoders (ELBO)":
    log p(x) >= ELBO = E_{z~q(z|x)}[log p(x|z)] - KL(q(z|x) || p(z))
- encoder q_φ(z|x) = N(μ, diag σ²): the network outputs μ and log σ² (log-variance keeps σ² positive);
- prior p(z) = N(0, I);
- decoder p_θ(x|z): a Bernoulli per pixel with probability sigmoid(logit), for pixels in [0, 1];
  log p(x|z) = Σ_pixels x·log p + (1 − x)·log(1 − p) = −BCE(logits, x).
All ELBO terms are in nats per image (summed over the 784 pixels and the latent dimensions).
"""
from __future__ import annotations

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
        reconstruction = F.binary_cross_entropy_with_logits(                       # 5. reconstruction loss
            logits, images.repeat(samples, 1, 1, 1), reduction="none").flatten(1).sum(dim=1)
        reconstruction = reconstruction.view(samples, -1).mean(0)
        return {"reconstruction": reconstruction, "kl": kl, "total": reconstruction + kl}

    def loss(self, images: torch.Tensor, labels=None, kl_weight: float = 1.0) -> tuple[torch.Tensor, dict[str, float]]:
        """Mean negative ELBO over the batch (with an optional KL warm-up weight), and logged values."""
        terms = self.elbo_terms(images)
        loss = (terms["reconstruction"] + kl_weight * terms["kl"]).mean()
        return loss, {name: value.mean().item() for name, value in terms.items()}


def gaussian_kl_to_standard_normal(mean: torch.Tensor, log_variance: torch.Tensor) -> torch.Tensor:
    """KL(N(μ, diag σ²) || N(0, I)) = ½ Σ_j (μ_j² + σ_j² − log σ_j² − 1), per row, in nats."""
    return 0.5 * (mean.pow(2) + log_variance.exp() - log_variance - 1.0).sum(dim=1)
