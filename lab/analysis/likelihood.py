"""How likely is an image under a VAE: log p_θ(x) estimated, and the ELBO's gap measured where it can be
(lecture: "Variational Autoencoders" and "Variational Autoencoders (ELBO)").

p_θ(x) = ∫ p_θ(x|z) p(z) dz has no closed form ("no podemos integrar sobre todo z"). Three ways at it:

- **Naive Monte Carlo from the prior**: log (1/N Σ_i p_θ(x|z_i)), z_i ~ p(z). Unbiased for p_θ(x), but almost
  no z drawn from the prior explains a given x, so for any N one can wait for it lands far below the truth.
- **Importance sampling from the encoder** (the IWAE bound, Burda et al. 2016):
  log (1/K Σ_k p_θ(x|z_k) p(z_k) / q_φ(z_k|x)), z_k ~ q_φ(z|x). With K = 1 it is the ELBO's one-sample
  estimate; its expectation rises towards log p_θ(x) as K grows: why an encoder helps.
- **A grid, for a 2-d latent**: p_θ(z|x) ∝ p_θ(x|z) p(z) is computed cell by cell, log p_θ(x) is their sum,
  and so is the third term of the slide's identity, D_KL(q_φ(z|x) ‖ p_θ(z|x)) = log p_θ(x) − ELBO, which
  the lecture says cannot be computed: here it can.

Images are (28, 28) in [0, 1] under the VAE's own decoder (Bernoulli, or the lecture's Gaussian); every
figure is in nats, and in bits per dimension on 8-bit pixels where a likelihood over the 256 levels exists.
"""
from __future__ import annotations

import math
from typing import Callable

import numpy as np
import torch

from lab.models.vae import gaussian_kl_to_standard_normal

# Latents decoded per forward: bounded memory at any sample count (256 latents' 28x28 feature maps are about
# 25 MB per layer; with lab.memory's allocator settings the batch size barely changes the speed).
DECODE_CHUNK = 256


def log_likelihood_given_z(vae, image: torch.Tensor, z: torch.Tensor, discrete: bool = False) -> torch.Tensor:
    """log p_θ(x|z) for one image (1, 1, 28, 28) in [0, 1] and N latents (N, d) -> (N,), under the VAE's
    own decoder (Bernoulli or Gaussian); `discrete`: the Gaussian's mass on the image's 8-bit levels."""
    likelihood = vae.discrete_log_likelihood if discrete else vae.log_likelihood
    parts = []
    for chunk in z.split(DECODE_CHUNK):
        logits = vae.decode(chunk)                                            # (n, 1, 28, 28)
        parts.append(likelihood(logits, image.expand_as(logits)))
    return torch.cat(parts)


def log_standard_normal(z: torch.Tensor) -> torch.Tensor:
    """log p(z) under the prior N(0, I), per row of (N, d)."""
    return -0.5 * (z.pow(2).sum(dim=1) + z.shape[1] * math.log(2 * math.pi))


def log_diagonal_normal(z: torch.Tensor, mean: torch.Tensor, log_variance: torch.Tensor) -> torch.Tensor:
    """log N(z; μ, diag σ²) per row of (N, d); mean and log_variance (d,) or (1, d)."""
    return -0.5 * (((z - mean).pow(2) / log_variance.exp() + log_variance).sum(dim=1)
                   + z.shape[1] * math.log(2 * math.pi))


def _log_mean_exp(values: torch.Tensor) -> float:
    return float(torch.logsumexp(values, dim=0) - math.log(len(values)))


@torch.inference_mode()
def naive_log_likelihood(vae, image: torch.Tensor, samples: int, generator: torch.Generator) -> float:
    """log (1/N Σ p_θ(x|z_i)) with z_i ~ p(z): the integral as written, sampled from the prior."""
    z = torch.randn(samples, vae.config.latent_dim, generator=generator).to(image.device)
    return _log_mean_exp(log_likelihood_given_z(vae, image, z))


@torch.inference_mode()
def importance_log_likelihood(vae, image: torch.Tensor, samples: int, generator: torch.Generator,
                              discrete: bool = False) -> float:
    """log (1/K Σ p_θ(x|z_k) p(z_k) / q_φ(z_k|x)) with z_k ~ q_φ(z|x) (the IWAE bound; K = 1: one-sample ELBO).
    `discrete`: P_θ(x|z) on 8-bit levels (a Gaussian decoder's), so the bound is on P(x) over 256^D images."""
    mean, log_variance = vae.encode(image)
    noise = torch.randn(samples, vae.config.latent_dim, generator=generator).to(image.device)
    z = mean + (0.5 * log_variance).exp() * noise                             # (K, d) = μ + σ ⊙ ε
    weights = (log_likelihood_given_z(vae, image, z, discrete) + log_standard_normal(z)
               - log_diagonal_normal(z, mean, log_variance))
    return _log_mean_exp(weights)


def estimates_by_sample_count(vae, image: torch.Tensor, counts: list[int], repeats: int, seed: int = 0,
                              progress: Callable[[int, int], None] | None = None) -> dict:
    """Both estimators at each sample count, `repeats` times with fresh draws: how far each is from the
    truth and how much it wanders. {'counts', 'naive', 'importance'}, the last two (len(counts), repeats).
    `progress(done, total)` is called after each estimate, in latents decoded."""
    generator = torch.Generator().manual_seed(seed)
    total, done = 2 * repeats * sum(counts), 0
    results = {}
    for name, estimate in (("naive", naive_log_likelihood), ("importance", importance_log_likelihood)):
        rows = []
        for count in counts:
            row = []
            for _ in range(repeats):
                row.append(estimate(vae, image, count, generator))
                done += count
                if progress is not None:
                    progress(done, total)
            rows.append(row)
        results[name] = np.array(rows)
    return {"counts": list(counts), **results}


def _grid(low: torch.Tensor, high: torch.Tensor, cells: int) -> tuple[list[torch.Tensor], torch.Tensor, float]:
    """Cell centres of a cells x cells grid over the box [low, high] (2,): the two axes, the points
    (cells², 2) row by row (z2 down the rows, z1 along them), and one cell's area."""
    axes = [low[d] + (high[d] - low[d]) * (torch.arange(cells, dtype=torch.float64) + 0.5) / cells
            for d in range(2)]
    z2, z1 = torch.meshgrid(axes[1], axes[0], indexing="ij")
    area = float((high[0] - low[0]) * (high[1] - low[1])) / cells ** 2
    return axes, torch.stack([z1.flatten(), z2.flatten()], dim=1), area


def _log_joint(vae, image: torch.Tensor, z: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """(log p_θ(x|z), log p_θ(x|z) + log p(z)) in float64, for latents z (N, 2) in float64."""
    log_given_z = log_likelihood_given_z(vae, image, z.float().to(image.device)).double().cpu()
    return log_given_z, log_given_z + log_standard_normal(z)


def _where_large(axes: list[torch.Tensor], log_joint: torch.Tensor, margin: float,
                 within: float) -> tuple[torch.Tensor, ...]:
    """The box (low, high) around the cells whose log p_θ(x|z) p(z) is within `within` nats of the grid's
    best, widened by `margin` cells each way."""
    cells = len(axes[0])
    rows, columns = torch.nonzero(log_joint.view(cells, cells) >= log_joint.max() - within, as_tuple=True)
    step = torch.stack([axes[0][1] - axes[0][0], axes[1][1] - axes[1][0]])
    low = torch.stack([axes[0][columns].min(), axes[1][rows].min()]) - margin * step
    high = torch.stack([axes[0][columns].max(), axes[1][rows].max()]) + margin * step
    return low, high


@torch.inference_mode()
def grid_posterior(vae, image: torch.Tensor, cells: int = 24, search_cells: int = 20, q_cells: int = 12,
                   prior_reach: float = 4.0, q_reach: float = 4.0, zooms: int = 2) -> dict:
    """The 2-d VAE's true posterior p_θ(z|x) on a grid, and every term of the slide's identity.

    Three grids, all sums over cells standing for integrals (the midpoint rule):
    1. a search grid (search_cells²) over the prior's box [−4, 4]², which finds where p_θ(x|z) p(z) is
       large: the true posterior can be far wider than q_φ(z|x), or elsewhere;
    2. the posterior grid (cells²) over that region (the search cells within 40 nats of the best, and a
       cell and a half around), zoomed in up to `zooms` times onto the cells within 40 nats of the best
       while that shrinks the box by 30 % or more each way: log p_θ(x) = log Σ p_θ(x|z) p(z) · area, and
       the heat map;
    3. a grid over q_φ(z|x) (q_cells², μ ± 4σ): E_q[log p_θ(x|z)] and D_KL(q ‖ p_θ(z|x)) summed directly.

    Returns: z1, z2 (cells,) the posterior grid's cell centres; posterior (cells, cells) the density
    p_θ(z|x), [i, j] at (z1[j], z2[i]); cell_area; q_mean, q_std (2,); and in nats: log_px = log p_θ(x),
    reconstruction = E_q[log p_θ(x|z)], kl_prior = D_KL(q ‖ p(z)) (closed form), elbo = reconstruction −
    kl_prior, kl_posterior = log_px − elbo (the identity), and kl_posterior_direct, the same KL summed over
    q's grid (a check: the two agree to the grids' accuracy).
    """
    if vae.config.latent_dim != 2:
        raise ValueError(f"the grid needs a 2-d latent; this VAE's has {vae.config.latent_dim} dimensions")
    mean, log_variance = (value[0].double().cpu() for value in vae.encode(image))
    std = (0.5 * log_variance).exp()

    # 1. Where is the posterior? On the prior's box, coarsely.
    reach = torch.full((2,), prior_reach, dtype=torch.float64)
    axes, points, _ = _grid(-reach, reach, search_cells)
    low, high = _where_large(axes, _log_joint(vae, image, points)[1], margin=1.5, within=40)

    # 2. The posterior there, finely (zoomed in again while the region shrinks by 30 % each way): log p(x)
    # and the heat map. Cells 40 nats below the best weigh e^−40 each: nothing, summed.
    for _ in range(zooms + 1):
        axes, points, cell_area = _grid(low, high, cells)
        log_joint = _log_joint(vae, image, points)[1]
        new_low, new_high = _where_large(axes, log_joint, margin=2.0, within=40)
        if bool(((new_high - new_low) > 0.7 * (high - low)).any()):
            break
        low, high = new_low, new_high
    log_px = float(torch.logsumexp(log_joint, dim=0)) + math.log(cell_area)
    posterior = (log_joint - log_px).exp().view(cells, cells)

    # 3. The identity's terms on q's own grid.
    (_, _), q_points, q_area = _grid(mean - q_reach * std, mean + q_reach * std, q_cells)
    log_given_z, q_log_joint = _log_joint(vae, image, q_points)
    log_q = log_diagonal_normal(q_points, mean, log_variance)
    q_mass = torch.softmax(log_q, dim=0)                     # q on its grid, renormalised: sums to 1
    reconstruction = float((q_mass * log_given_z).sum())
    kl_prior = float(gaussian_kl_to_standard_normal(mean[None], log_variance[None])[0])   # the VAE's own
    elbo = reconstruction - kl_prior
    log_q_density = torch.log_softmax(log_q, dim=0) - math.log(q_area)
    kl_direct = float((q_mass * (log_q_density - (q_log_joint - log_px))).sum())
    return {"z1": axes[0].numpy(), "z2": axes[1].numpy(), "posterior": posterior.numpy(),
            "cell_area": cell_area, "q_mean": mean.numpy(), "q_std": std.numpy(), "log_px": log_px,
            "reconstruction": reconstruction, "kl_prior": kl_prior, "elbo": elbo,
            "kl_posterior": log_px - elbo, "kl_posterior_direct": kl_direct}


@torch.inference_mode()
def terms_at(vae, image: torch.Tensor, z: torch.Tensor, log_px: float) -> dict:
    """The derivation's per-z terms for one image (1, 1, 28, 28) and latents z (N, d), in nats, (N,) each:
    'log_given_z' log p_θ(x|z), 'log_prior' log p(z), 'log_q' log q_φ(z|x), 'log_posterior' log p_θ(z|x) =
    log p_θ(x|z) + log p(z) − log p_θ(x) (Bayes' rule, with `log_px` from the grid, which normalises it),
    'bayes' log p_θ(x|z)p(z)/p_θ(z|x), the same log p_θ(x) at every z, and 'with_q' log p_θ(x|z)p(z)/q_φ(z|x),
    which moves with z: its mean over z ~ q is the ELBO (slides 62–74)."""
    z = z.double().cpu()
    mean, log_variance = (value[0].double().cpu() for value in vae.encode(image))
    log_given_z, log_joint = _log_joint(vae, image, z)
    log_q = log_diagonal_normal(z, mean, log_variance)
    log_posterior = log_joint - log_px
    return {"log_given_z": log_given_z.numpy(), "log_prior": (log_joint - log_given_z).numpy(),
            "log_q": log_q.numpy(), "log_posterior": log_posterior.numpy(),
            "bayes": (log_joint - log_posterior).numpy(), "with_q": (log_joint - log_q).numpy()}


def bits_per_dimension(nats: float, dimensions: int = 28 * 28) -> float:
    """A negative log-likelihood in nats per image -> bits per pixel: nats / (D ln 2)."""
    return nats / (dimensions * math.log(2))


def measure(dataset: str = "mnist", grid_images: int = 200, iwae_images: int = 1000, samples: int = 1000,
            seed: int = 0) -> dict:
    """The figures the README and the bench report, on the first test images of `dataset` (nats per image):
    the 2-d VAE's mean gap log p_θ(x) − ELBO on the grid, with its mean log p_θ(x) and ELBO; and the
    16-d VAE's importance-weighted estimate of −log p_θ(x) with `samples` samples next to its −ELBO (the
    mean of the same estimator at K = 1) on the same images, also in bits per dimension."""
    from lab.data import load_dataset
    from lab.shipped import get_model

    test = load_dataset(dataset, "test")
    vae2, vae16 = get_model(dataset, "vae2"), get_model(dataset, "vae16")
    grids = [grid_posterior(vae2, test.images[i: i + 1]) for i in range(min(grid_images, len(test)))]
    generator = torch.Generator().manual_seed(seed)
    count = min(iwae_images, len(test))
    iwae = [importance_log_likelihood(vae16, test.images[i: i + 1], samples, generator) for i in range(count)]
    one = [importance_log_likelihood(vae16, test.images[i: i + 1], 1, generator) for i in range(count)]
    nll = -float(np.mean(iwae))
    return {f"vae2_posterior_gap_nats_{dataset}": float(np.mean([grid["kl_posterior"] for grid in grids])),
            f"vae2_grid_nll_{dataset}": -float(np.mean([grid["log_px"] for grid in grids])),
            f"vae2_grid_nelbo_{dataset}": -float(np.mean([grid["elbo"] for grid in grids])),
            f"vae16_iwae_nll_{dataset}": nll, f"vae16_one_sample_nelbo_{dataset}": -float(np.mean(one)),
            f"vae16_iwae_bpd_{dataset}": bits_per_dimension(nll)}


@torch.inference_mode()
def pixelcnn_class_log_likelihoods(pixelcnn, images: torch.Tensor) -> torch.Tensor:
    """The PixelCNN's exact log p(x|y) of 8-bit images (B, 1, 28, 28) for every class y, in nats, (B, C):
    ten chains of 784 factors each, a distribution over the 256^784 possible images for each y."""
    classes = pixelcnn.config.num_classes
    every_class = images.repeat_interleave(classes, dim=0)                        # (B·C, 1, 28, 28)
    labels = torch.arange(classes, device=images.device).repeat(len(images))
    return -pixelcnn.pixel_nll(every_class, labels).flatten(1).sum(dim=1).view(len(images), classes)


def pixelcnn_log_likelihood(class_log_likelihoods: torch.Tensor) -> torch.Tensor:
    """log p(x) = log Σ_y p(x|y)·P(y) with P(y) uniform, from (B, C) log p(x|y) -> (B,), nats."""
    return torch.logsumexp(class_log_likelihoods, dim=1) - math.log(class_log_likelihoods.shape[1])


def pixelcnn_bits(pixelcnn, images: torch.Tensor) -> torch.Tensor:
    """The PixelCNN's exact −log p(x) in bits per dimension per image (B,), as the Autoregressive tab gives it:
    the model is class-conditional, so p(x) = Σ_y p(x|y)·P(y) with P(y) uniform, ten chains of 784 factors."""
    log_px = pixelcnn_log_likelihood(pixelcnn_class_log_likelihoods(pixelcnn, images))
    return -log_px / (images[0].numel() * math.log(2))


def vae_bits(vae, image: torch.Tensor, samples: int, generator: torch.Generator) -> float:
    """A bound on −log P_θ(x) in bits per dimension for one 8-bit image under a Gaussian-decoder VAE: the
    IWAE bound with `samples` samples (1: the ELBO) on the decoder's mass at each pixel's level."""
    return bits_per_dimension(-importance_log_likelihood(vae, image, samples, generator, discrete=True))


def measure_bits(dataset: str = "mnist", count: int = 1000, samples: int = 100, seed: int = 0) -> dict:
    """One likelihood scale, on the same `count` 8-bit test images: each Gaussian-decoder 16-d VAE's ELBO and
    IWAE bound (`samples` samples) in bits per dimension, the best of them as vae16_bpd_<dataset>, and the
    PixelCNN's exact −log p(x) as pixelcnn_nll_bpd_<dataset>."""
    from lab.checkpoints import GAUSSIAN_DECODER_SIGMAS, gaussian_vae_name
    from lab.data import load_dataset
    from lab.shipped import get_model

    images = load_dataset(dataset, "test").images[:count]
    figures = {}
    for sigma in GAUSSIAN_DECODER_SIGMAS:
        vae = get_model(dataset, gaussian_vae_name(16, sigma))
        generator = torch.Generator().manual_seed(seed)
        for name, k in (("elbo", 1), ("iwae", samples)):
            bits = [vae_bits(vae, images[i: i + 1], k, generator) for i in range(len(images))]
            figures[f"vae16_sigma{sigma:g}_{name}_bpd_{dataset}"] = float(np.mean(bits))
    best = min(GAUSSIAN_DECODER_SIGMAS, key=lambda sigma: figures[f"vae16_sigma{sigma:g}_elbo_bpd_{dataset}"])
    pixelcnn = get_model(dataset, "pixelcnn")
    pixel_bits = torch.cat([pixelcnn_bits(pixelcnn, batch) for batch in images.split(20)])
    return {**figures, f"vae16_bpd_{dataset}": figures[f"vae16_sigma{best:g}_elbo_bpd_{dataset}"],
            f"vae16_bpd_sigma_{dataset}": best, f"pixelcnn_nll_bpd_{dataset}": float(pixel_bits.mean()),
            "bits_images": len(images), "bits_iwae_samples": samples}


if __name__ == "__main__":
    import json
    import sys

    dataset = (sys.argv[1:2] or ["mnist"])[0]
    # --bits: the figures on the 8-bit scale (the Gaussian-decoder VAEs against the PixelCNN) instead.
    print(json.dumps(measure_bits(dataset) if "--bits" in sys.argv else measure(dataset), indent=1))
