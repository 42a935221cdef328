"""A VQ-VAE tokenizer (van den Oord et al. 2017): an image becomes a 7x7 grid of codebook indices, tokens.

Lecture, "Modelos autoregresivos sobre imágenes": pixel by pixel is "muy costoso", so "modelar como secuencia
de parches". This is the first half: each 4x4 patch (with the context the convolutions see) is encoded to a
vector z_e, replaced by its nearest codebook entry e_k, and the decoder draws the image back from the grid of
entries. The second half, a transformer over the 49 indices, is `lab.models.token_transformer`.

    z_e = E(x)  (B, D, 7, 7)      k = argmin_j ‖z_e − e_j‖²      z_q = e_k      x̂ = sigmoid(D(z_q))
    loss = −log p(x | z_q) (Bernoulli, as the lab's VAE)  +  β·‖z_e − sg(z_q)‖²  (commitment)

- straight-through: the argmin has no gradient, so the decoder's gradient at z_q is passed to z_e unchanged
  (z_q = z_e + sg(z_q − z_e));
- the codebook is not learned by gradients but kept as an exponential moving average of the encoder outputs
  assigned to each entry (the paper's appendix; Razavi et al. 2019), which trains faster and steadier;
- a code no batch uses any more is restarted on a random encoder output of the current batch, so the whole
  codebook stays alive (its use is measured as perplexity, exp of the entropy of the code frequencies).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

import torch
import torch.nn.functional as F
from torch import nn


@dataclass
class VQVAEConfig:
    codebook_size: int = 128        # K: each token is one of K codes, log2 K bits
    code_dim: int = 32              # D: length of a codebook entry
    channels: int = 64              # features of the 7x7 map
    commitment: float = 0.25        # β
    ema_decay: float = 0.99         # codebook update: e ← decay·e + (1 − decay)·mean of its assigned z_e
    dead_usage: float = 0.03        # a code whose averaged use per batch falls below this is restarted


class ResidualBlock(nn.Module):
    def __init__(self, channels: int):
        super().__init__()
        self.body = nn.Sequential(nn.SiLU(), nn.Conv2d(channels, channels, 3, padding=1), nn.SiLU(),
                                  nn.Conv2d(channels, channels, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.body(x)


class VectorQuantizer(nn.Module):
    """Nearest-entry lookup in a K x D codebook, its EMA update and dead-code restarts (training only)."""

    def __init__(self, config: VQVAEConfig):
        super().__init__()
        self.config = config
        K, D = config.codebook_size, config.code_dim
        self.register_buffer("codebook", torch.randn(K, D) * 0.1)
        self.register_buffer("cluster_size", torch.ones(K))          # EMA of how many z_e each code gets
        self.register_buffer("cluster_sum", self.codebook.clone())   # EMA of their sum

    def nearest(self, vectors: torch.Tensor) -> torch.Tensor:
        """(N, D) -> (N,) index of the nearest codebook entry (squared Euclidean distance)."""
        distances = (vectors.pow(2).sum(1, keepdim=True) - 2 * vectors @ self.codebook.T
                     + self.codebook.pow(2).sum(1))
        return distances.argmin(dim=1)

    def forward(self, z_e: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """z_e (B, D, H, W) -> (z_q with straight-through gradients (B, D, H, W), codes (B, H, W) long,
        commitment ‖z_e − sg(z_q)‖² per image (B,))."""
        B, D, H, W = z_e.shape
        flat = z_e.permute(0, 2, 3, 1).reshape(-1, D)                      # (B·H·W, D)
        codes = self.nearest(flat.detach())
        if self.training:
            self._update_codebook(flat.detach(), codes)
        z_q = self.codebook[codes].view(B, H, W, D).permute(0, 3, 1, 2)
        commitment = (z_e - z_q.detach()).pow(2).flatten(1).sum(dim=1)
        z_q = z_e + (z_q - z_e).detach()                                   # straight-through estimator
        return z_q, codes.view(B, H, W), commitment

    @torch.no_grad()
    def _update_codebook(self, flat: torch.Tensor, codes: torch.Tensor) -> None:
        decay, K = self.config.ema_decay, self.config.codebook_size
        assigned = F.one_hot(codes, K).type(flat.dtype)                    # (N, K)
        self.cluster_size.lerp_(assigned.sum(0), 1 - decay)
        self.cluster_sum.lerp_(assigned.T @ flat, 1 - decay)
        total = self.cluster_size.sum()                                     # Laplace smoothing: no division by 0
        smoothed = (self.cluster_size + 1e-5) / (total + K * 1e-5) * total
        self.codebook.copy_(self.cluster_sum / smoothed[:, None])
        dead = self.cluster_size < self.config.dead_usage
        if dead.any():     # restart dead codes on random encoder outputs of this batch
            picks = flat[torch.randint(len(flat), (int(dead.sum()),), device=flat.device)]
            self.codebook[dead] = picks
            self.cluster_sum[dead] = picks
            self.cluster_size[dead] = 1.0


class VQVAE(nn.Module):
    """(B, 1, 28, 28) in [0, 1] <-> (B, 7, 7) token grid of codes in [0, K)."""

    kind = "vqvae"

    def __init__(self, config: VQVAEConfig):
        super().__init__()
        self.config = config
        C, D = config.channels, config.code_dim
        self.encoder = nn.Sequential(
            nn.Conv2d(1, 32, 4, stride=2, padding=1), nn.SiLU(),          # (B, 32, 14, 14)
            nn.Conv2d(32, C, 4, stride=2, padding=1),                      # (B, C, 7, 7): one cell per 4x4 patch
            ResidualBlock(C), ResidualBlock(C), nn.SiLU(),
            nn.Conv2d(C, D, 1))                                            # (B, D, 7, 7) = z_e
        self.quantizer = VectorQuantizer(config)
        self.decoder = nn.Sequential(
            nn.Conv2d(D, C, 3, padding=1), ResidualBlock(C), ResidualBlock(C), nn.SiLU(),
            nn.ConvTranspose2d(C, 32, 4, stride=2, padding=1), nn.SiLU(),  # (B, 32, 14, 14)
            nn.ConvTranspose2d(32, 32, 4, stride=2, padding=1), nn.SiLU(),  # (B, 32, 28, 28)
            nn.Conv2d(32, 1, 3, padding=1))                                 # logits

    def config_dict(self) -> dict:
        return asdict(self.config)

    @property
    def grid(self) -> int:
        return 7

    def encode(self, images: torch.Tensor) -> torch.Tensor:
        """Images (B, 1, 28, 28) -> token grid (B, 7, 7) long."""
        return self.quantizer(self.encoder(images))[1]

    def decode(self, codes: torch.Tensor) -> torch.Tensor:
        """Token grid (B, 7, 7) long -> images (B, 1, 28, 28) in [0, 1]."""
        z_q = self.quantizer.codebook[codes].permute(0, 3, 1, 2)
        return torch.sigmoid(self.decoder(z_q))

    def forward(self, images: torch.Tensor) -> torch.Tensor:
        """The reconstruction through the tokens, (B, 1, 28, 28) in [0, 1]."""
        return self.decode(self.encode(images))

    def terms(self, images: torch.Tensor) -> dict[str, torch.Tensor]:
        """Per image (B,): `reconstruction` −log p(x|z_q) in nats, `commitment`, `squared_error` ‖x − x̂‖²,
        and `codes` (B, 7, 7)."""
        z_q, codes, commitment = self.quantizer(self.encoder(images))
        logits = self.decoder(z_q)
        reconstruction = F.binary_cross_entropy_with_logits(logits, images, reduction="none").flatten(1).sum(1)
        squared_error = (torch.sigmoid(logits) - images).pow(2).flatten(1).sum(1)
        return {"reconstruction": reconstruction, "commitment": commitment, "squared_error": squared_error,
                "codes": codes}

    def loss(self, images: torch.Tensor, labels=None, kl_weight: float = 1.0) -> tuple[torch.Tensor, dict[str, float]]:
        """Mean over the batch of reconstruction + β·commitment (labels and kl_weight are unused), and logged
        values, with the batch's codebook perplexity."""
        terms = self.terms(images)
        loss = (terms["reconstruction"] + self.config.commitment * terms["commitment"]).mean()
        logged = {name: terms[name].mean().item() for name in ("reconstruction", "commitment", "squared_error")}
        logged["perplexity"] = codebook_perplexity(terms["codes"], self.config.codebook_size)
        return loss, logged


def codebook_perplexity(codes: torch.Tensor, codebook_size: int) -> float:
    """exp(H) of the codes' frequencies: K if every code is used equally, 1 if one code does everything."""
    frequencies = torch.bincount(codes.flatten(), minlength=codebook_size).float()
    frequencies = frequencies / frequencies.sum()
    entropy = -(frequencies * torch.log(frequencies.clamp_min(1e-12))).sum()
    return float(entropy.exp())
