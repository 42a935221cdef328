"""The VAE's decoder as the lecture writes it, and one training step with every value shown (lecture:
"Variational Autoencoders", the decoder p_θ(x|z) = N(μ_{x|z}, σ²) and the five training steps).

With a Gaussian decoder, log p_θ(x|z) = −‖x − μ‖²/(2σ²) + C, so σ sets how much the reconstruction weighs
against D_KL(q_φ(z|x) ‖ p(z)): a small σ buys sharp reconstructions with many nats of KL (samples from the
prior land where no encoding went), a large σ spends few nats and gives blurry reconstructions whose
latents fill the prior. The lab's other VAEs use a Bernoulli decoder (see lab.models.vae).
"""
from __future__ import annotations

import torch

from lab.analysis.likelihood import vae_bits
from lab.evaluate import elbo_estimate
from lab.models.vae import gaussian_kl_to_standard_normal

PRIOR_SAMPLES = 8
PRIOR_SEED = 0


def to_levels(image: torch.Tensor) -> torch.Tensor:
    """Pixels in [0, 1] rounded to the 256 levels of an 8-bit image (what a discrete likelihood scores)."""
    return (image.clamp(0, 1) * 255).round() / 255


@torch.inference_mode()
def decoder_terms(vae, image: torch.Tensor) -> dict:
    """The ELBO's two terms for one image (1, 1, 28, 28) in nats (the estimate every tab shows), and for a
    Gaussian decoder the same bound on the 8-bit image in bits per dimension (the decoder's mass on each
    pixel's level, one sample of z): {'reconstruction' −E[log p_θ(x|z)], 'kl', 'nelbo', 'bits' or None}."""
    terms = {name: float(value) for name, value in elbo_estimate(vae, image).items()}
    bits = None
    if vae.config.gaussian_sigma is not None:
        bits = vae_bits(vae, to_levels(image), samples=1, generator=torch.Generator().manual_seed(PRIOR_SEED))
    return {"reconstruction": terms["reconstruction"], "kl": terms["kl"], "nelbo": terms["total"], "bits": bits}


@torch.inference_mode()
def prior_samples(vae, count: int = PRIOR_SAMPLES, seed: int = PRIOR_SEED) -> torch.Tensor:
    """Mean images μ_θ(z) of `count` latents z ~ p(z) = N(0, I): what the VAE generates, (count, 1, 28, 28)."""
    z = torch.randn(count, vae.config.latent_dim, generator=torch.Generator().manual_seed(seed))
    return torch.sigmoid(vae.decode(z.to(next(vae.parameters()).device)))


@torch.inference_mode()
def training_step(vae, image: torch.Tensor, seed: int) -> dict:
    """The lecture's five training steps for one image, each output kept (vectors as (d,) tensors):
    1 encode: 'mean' μ_{z|x} and 'std' σ_{z|x}; 2 prior loss: 'kl' = D_KL(q_φ(z|x) ‖ p(z));
    3 sample: 'noise' ε ~ N(0, I) from `seed` and 'z' = μ + σ ⊙ ε; 4 decode: 'decoded' μ_{x|z} (1, 1, 28, 28);
    5 reconstruction loss: 'reconstruction' = −log p_θ(x|z); and 'loss' = the two losses' sum (−ELBO)."""
    mean, log_variance = vae.encode(image)                                       # 1. encode
    kl = gaussian_kl_to_standard_normal(mean, log_variance)                      # 2. prior loss
    noise = torch.randn(mean.shape, generator=torch.Generator().manual_seed(seed)).to(mean.device)
    std = (0.5 * log_variance).exp()
    z = mean + std * noise                                                       # 3. sample z
    logits = vae.decode(z)                                                       # 4. decode
    reconstruction = -vae.log_likelihood(logits, image)                          # 5. reconstruction loss
    return {"mean": mean[0], "std": std[0], "kl": float(kl), "noise": noise[0], "z": z[0],
            "decoded": torch.sigmoid(logits), "reconstruction": float(reconstruction),
            "loss": float(kl + reconstruction)}


def fit_decoder_from_pairs(codes: torch.Tensor, images: torch.Tensor) -> torch.Tensor:
    """If z were observed (lecture: "si tuviéramos pares (x, z)"), p_θ(x|z) would be trained like any
    conditional model. With a Gaussian decoder N(W z + b, σ² I), maximum likelihood over pairs is least
    squares, solved in closed form. codes (N, d), images (N, 1, 28, 28) -> weights (d + 1, 784), bias last."""
    design = torch.cat([codes.double(), torch.ones(len(codes), 1, dtype=torch.float64)], dim=1)   # (N, d + 1)
    return torch.linalg.lstsq(design, images.flatten(1).double()).solution


def decode_from_pairs(weights: torch.Tensor, codes: torch.Tensor) -> torch.Tensor:
    """The pairs-trained decoder's mean W z + b for codes (N, d) -> (N, 1, 28, 28), clamped to [0, 1]."""
    design = torch.cat([codes.double(), torch.ones(len(codes), 1, dtype=torch.float64)], dim=1)
    return (design @ weights).clamp(0, 1).float().view(-1, 1, 28, 28)
