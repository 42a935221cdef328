"""The autoregressive samplers' settings, checked where the facades take them (the PixelCNN's and the token
model's): a value out of range is refused in words (`Refused`), never passed on to a sampler."""
from __future__ import annotations

from lab.messages import Refused


def check_temperature(temperature: float) -> float:
    if not 0.05 <= float(temperature) <= 3.0:
        raise Refused("between", name="temperature", low=0.05, high=3, value=temperature)
    return float(temperature)


def check_guidance(guidance: float) -> float:
    # Guidance on a model without label dropout is refused by the samplers themselves.
    if not 1.0 <= float(guidance) <= 10.0:
        raise Refused("between", name="guidance", low=1, high=10, value=guidance)
    return float(guidance)


def check_top_k(top_k: int, codebook_size: int) -> int | None:
    """top-k in [0, K]; 0 means every code (None for the sampler)."""
    if not 0 <= int(top_k) <= codebook_size:
        raise Refused("between", name="top-k", low=0, high=codebook_size, value=top_k)
    return int(top_k) or None
