"""Where the models run: one device chosen once per process, and the ZeroGPU wrapper.

The order is `cuda`, then `mps`, then `cpu`; the environment variable `LAB_DEVICE` overrides it
(e.g. `LAB_DEVICE=cpu python app.py` on a machine with a busy GPU). On Hugging Face ZeroGPU Spaces the
`spaces` package is importable and GPU work must run inside a function decorated with `spaces.GPU`;
`gpu_task` applies it there and is a no-op everywhere else.
"""
from __future__ import annotations

import functools
import os

import torch

try:  # Hugging Face ZeroGPU: present only on Spaces hardware.
    import spaces  # type: ignore
except ImportError:  # pragma: no cover - the normal case off Spaces
    spaces = None

_VALID_DEVICES = ("cuda", "mps", "cpu")


@functools.cache
def get_device() -> torch.device:
    """The device every model of this process lives on, resolved once."""
    requested = os.environ.get("LAB_DEVICE", "").strip().lower()
    if requested:
        if requested.split(":")[0] not in _VALID_DEVICES:
            raise ValueError(f"LAB_DEVICE must be one of {_VALID_DEVICES}, got {requested!r}")
        return torch.device(requested)
    if torch.cuda.is_available():
        return torch.device("cuda")
    if getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available():
        return torch.device("mps")
    return torch.device("cpu")


def device_facts(device: torch.device | None = None) -> dict:
    """What runs the models: {'kind': cuda, mps or cpu, 'name': the GPU's name or None, 'threads': torch's
    CPU threads} for `device` (default: the lab's)."""
    device = device or get_device()
    name = torch.cuda.get_device_name(device) if device.type == "cuda" else None
    return {"kind": device.type, "name": name, "threads": torch.get_num_threads()}


def describe_device(device: torch.device | None = None) -> str:
    """A short human-readable name for `device` (default: the lab's), shown on training cards."""
    facts = device_facts(device)
    if facts["name"]:
        return f"{facts['kind']} ({facts['name']})"
    return f"cpu ({facts['threads']} threads)" if facts["kind"] == "cpu" else facts["kind"]


def gpu_task(function):
    """Wrap GPU work with `spaces.GPU` on ZeroGPU; return the function unchanged elsewhere."""
    if spaces is None:
        return function
    return spaces.GPU(function)


def make_generator(seed: int, device: torch.device | None = None) -> torch.Generator:
    """A seeded generator, so the same seed draws the same numbers on the same device."""
    device = device or get_device()
    # MPS generators are not supported for every op; draw on the CPU there and move the result.
    generator_device = "cpu" if device.type == "mps" else device
    return torch.Generator(device=generator_device).manual_seed(int(seed))
