"""A class-conditional causal transformer over a VQ-VAE's token grid: p(t | y) = Π_i p(t_i | t_<i, y).

Lecture, "Modelos autoregresivos sobre imágenes": the chain rule of the PixelCNN, but over 49 tokens (a
7x7 grid of patches, raster order) instead of 784 pixels, "con un masked transformer". The sequence the
network reads is [y, t_0, …, t_47] and it predicts [t_0, …, t_48]: position i sees only positions ≤ i
(the causal mask), so one forward pass gives all 49 conditionals at once for training, and sampling takes 49
steps, one per token.

- y is a class token, or the "no class" token with probability `label_dropout` in training, so the one
  network also learns p(t) and samples can be guided like the other conditional models of the lab
  (classifier-free guidance on the logits: ℓ = ℓ_∅ + w·(ℓ_y − ℓ_∅));
- sampling caches every layer's keys and values (`TokenSampler`), so step i computes only position i's
  query, key and value, not the whole prefix again: a sample costs 49 small steps;
- the first stage is a shipped VQ-VAE of the same data set, frozen (`vqvae`, with its weights' hash).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Iterator

import torch
import torch.nn.functional as F
from torch import nn

from lab.messages import Refused


@dataclass
class TokenTransformerConfig:
    num_classes: int = 10
    codebook_size: int = 128
    sequence_length: int = 49        # the token grid, 7x7, in raster order
    width: int = 128
    depth: int = 4
    heads: int = 4
    label_dropout: float = 0.1
    dropout: float = 0.1
    vqvae: str = "vqvae"             # the shipped first stage of the same dataset
    vqvae_sha256: str = ""


class CausalSelfAttention(nn.Module):
    def __init__(self, config: TokenTransformerConfig):
        super().__init__()
        self.heads = config.heads
        self.qkv = nn.Linear(config.width, 3 * config.width)
        self.out = nn.Linear(config.width, config.width)
        self.dropout = config.dropout

    def _split(self, x: torch.Tensor) -> list[torch.Tensor]:
        B, T, _ = x.shape       # (B, T, C) -> query, key, value, each (B, heads, T, C / heads)
        return [part.view(B, T, self.heads, -1).transpose(1, 2) for part in self.qkv(x).chunk(3, dim=2)]

    def forward(self, x: torch.Tensor, cache: dict | None = None) -> torch.Tensor:
        """x (B, T, C). Without a cache: causal attention over the T positions. With one: x holds the next
        position(s) only; their keys and values join the cache and they attend to everything cached."""
        B, T, C = x.shape
        query, key, value = self._split(x)
        if cache is None:
            attended = F.scaled_dot_product_attention(query, key, value, is_causal=True,
                                                      dropout_p=self.dropout if self.training else 0.0)
        else:
            if "key" in cache:
                key, value = torch.cat([cache["key"], key], dim=2), torch.cat([cache["value"], value], dim=2)
            cache["key"], cache["value"] = key, value
            attended = F.scaled_dot_product_attention(query, key, value)   # one new query: sees all cached
        return self.out(attended.transpose(1, 2).reshape(B, T, C))


class Block(nn.Module):
    """Pre-norm transformer block: x + attention(LN(x)), then x + MLP(LN(x))."""

    def __init__(self, config: TokenTransformerConfig):
        super().__init__()
        self.norm1, self.norm2 = nn.LayerNorm(config.width), nn.LayerNorm(config.width)
        self.attention = CausalSelfAttention(config)
        self.mlp = nn.Sequential(nn.Linear(config.width, 4 * config.width), nn.GELU(),
                                 nn.Linear(4 * config.width, config.width), nn.Dropout(config.dropout))

    def forward(self, x: torch.Tensor, cache: dict | None = None) -> torch.Tensor:
        x = x + self.attention(self.norm1(x), cache)
        return x + self.mlp(self.norm2(x))


class TokenTransformer(nn.Module):
    kind = "token_transformer"

    def __init__(self, config: TokenTransformerConfig):
        super().__init__()
        self.config = config
        self.class_embedding = nn.Embedding(config.num_classes + 1, config.width)   # last = "no class"
        self.token_embedding = nn.Embedding(config.codebook_size, config.width)
        self.position_embedding = nn.Parameter(torch.zeros(config.sequence_length, config.width))
        self.blocks = nn.ModuleList(Block(config) for _ in range(config.depth))
        self.norm = nn.LayerNorm(config.width)
        self.head = nn.Linear(config.width, config.codebook_size)
        nn.init.normal_(self.position_embedding, std=0.02)

    @property
    def null_class(self) -> int:
        return self.config.num_classes

    def config_dict(self) -> dict:
        return asdict(self.config)

    def embed(self, tokens: torch.Tensor, labels: torch.Tensor, start: int = 0) -> torch.Tensor:
        """The inputs of positions start … start + n − 1: position 0 is the class y, position i > 0 the
        token t_{i−1}. tokens (B, n) or (B, n − 1) when start = 0 (the class comes first) -> (B, n, C)."""
        parts = [self.class_embedding(labels)[:, None]] if start == 0 else []
        parts.append(self.token_embedding(tokens))
        x = torch.cat(parts, dim=1)
        return x + self.position_embedding[start: start + x.shape[1]]

    def forward(self, tokens: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
        """tokens (B, L) long (a whole grid, flattened; the last is not read), labels (B,) -> logits
        (B, L, K): position i gives p(t_i | t_<i, y)."""
        x = self.embed(tokens[:, :-1], labels)
        for block in self.blocks:
            x = block(x)
        return self.head(self.norm(x))

    def token_nll(self, tokens: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
        """−log p(t_i | t_<i, y) per token, (B, L), in nats. tokens (B, 7, 7) or (B, L)."""
        tokens = tokens.flatten(1)
        logits = self(tokens, labels)
        return F.cross_entropy(logits.transpose(1, 2), tokens, reduction="none")

    def loss(self, tokens: torch.Tensor, labels: torch.Tensor, kl_weight: float = 1.0):
        """Mean −log p(t | y) per token; in training the label is dropped to "no class" with probability
        `label_dropout`. `kl_weight` is unused."""
        if self.training and self.config.label_dropout > 0:
            dropped = torch.rand(len(labels), device=labels.device) < self.config.label_dropout
            labels = torch.where(dropped, torch.full_like(labels, self.null_class), labels)
        nll = self.token_nll(tokens, labels).mean()
        return nll, {"nll_per_token": nll.item()}


class TokenSampler:
    """Token-by-token sampling with a key/value cache: `distribution()` gives p(t_i | t_<i, y) for the
    next position i, `append(tokens)` fixes t_i and runs position i + 1 through the network once."""

    def __init__(self, model: TokenTransformer, labels: torch.Tensor, guidance: float = 1.0):
        if guidance != 1.0 and model.config.label_dropout <= 0:
            raise Refused("guidance_needs_dropout")
        self.model, self.guidance, self.batch = model, float(guidance), len(labels)
        if self.guidance != 1.0:    # each sample and its unconditioned twin, one batch
            labels = torch.cat([labels, torch.full_like(labels, model.null_class)])
        self.caches = [{} for _ in model.blocks]
        self.position = 0           # the next token to draw
        self.tokens = torch.zeros(self.batch, 0, dtype=torch.long, device=labels.device)
        self._logits = self._run(model.embed(labels.new_zeros(len(labels), 0), labels))   # position 0: y

    def _run(self, x: torch.Tensor) -> torch.Tensor:
        for block, cache in zip(self.model.blocks, self.caches):
            x = block(x, cache)
        return self.model.head(self.model.norm(x[:, -1]))          # (B, K): the newest position's logits

    def logits(self) -> torch.Tensor:
        """(batch, K) guided logits of the next token."""
        if self.guidance == 1.0:
            return self._logits
        conditional, unconditional = self._logits.chunk(2)
        return unconditional + self.guidance * (conditional - unconditional)

    def distribution(self, temperature: float = 1.0, top_k: int | None = None) -> torch.Tensor:
        """(batch, K) probabilities of the next token at `temperature`, zero outside the top k."""
        logits = self.logits() / temperature
        if top_k is not None and top_k < logits.shape[1]:
            threshold = logits.topk(top_k, dim=1).values[:, -1:]
            logits = logits.masked_fill(logits < threshold, float("-inf"))
        return torch.softmax(logits, dim=1)

    def append(self, tokens: torch.Tensor) -> None:
        """Fix the next token of every sample, (batch,) long, and compute the following distribution."""
        self.tokens = torch.cat([self.tokens, tokens[:, None]], dim=1)
        self.position += 1
        if self.position < self.model.config.sequence_length:
            step = tokens if self.guidance == 1.0 else tokens.repeat(2)
            self._logits = self._run(self.model.embed(step[:, None], None, start=self.position))


def token_steps(model: TokenTransformer, labels: torch.Tensor, *, temperature: float = 1.0,
                top_k: int | None = None, guidance: float = 1.0, prefix: torch.Tensor | None = None,
                generator: torch.Generator | None = None) -> Iterator[tuple[int, torch.Tensor, torch.Tensor]]:
    """Draw token grids for `labels` (B,) token by token, yielding after each drawn token i: (i, the
    distribution it was drawn from (B, K), the tokens so far (B, i + 1)). The first tokens are `prefix`
    (B, P) when given (completion): they are fed, not drawn, and not yielded. Call under inference_mode."""
    sampler = TokenSampler(model, labels, guidance)
    for i in range(model.config.sequence_length):
        if prefix is not None and i < prefix.shape[1]:
            sampler.append(prefix[:, i])
            continue
        probabilities = sampler.distribution(temperature, top_k)
        sampler.append(torch.multinomial(probabilities, 1, generator=generator)[:, 0])
        yield i, probabilities, sampler.tokens


@torch.inference_mode()
def sample_tokens(model: TokenTransformer, labels: torch.Tensor, **options) -> torch.Tensor:
    """Whole token grids (B, L) for `labels` (B,), drawn as `token_steps` says (same options)."""
    tokens = options.get("prefix")          # a whole grid given: nothing left to draw
    for _, _, tokens in token_steps(model, labels, **options):
        pass
    return tokens
