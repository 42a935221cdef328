"""Where the models run: one device chosen once per process, and the ZeroGPU wrapper.

The order is `cuda`, then `mps`, then `cpu`; the environment variable `LAB_DEVICE` overrides it
(e.g. `LAB_DEVICE=cpu python app.py` on a machine with a busy GPU). On Hugging Face ZeroGPU Spaces the
`spaces` package is importable and GPU work must run inside a function decorated with `spaces.GPU`, which
runs it in a worker process and pickles its arguments and results. `gpu_task` applies it there and is a
no-op everywhere else. Only the samplers' models (`GPU_MODELS`) go to that GPU: the small models a pen
stroke runs stay on the CPU, where they take milliseconds and no GPU allocation from the visitor's quota.
"""
from __future__ import annotations

import functools
import inspect
import os
import threading

import torch

try:  # Hugging Face ZeroGPU: present only on Spaces hardware.
    import spaces  # type: ignore
except ImportError:  # pragma: no cover - the normal case off Spaces
    spaces = None

_VALID_DEVICES = ("cuda", "mps", "cpu")
_small_models = threading.RLock()
GPU_MODELS = ("diffusion", "latent-diffusion", "pixelcnn")   # the models only GPU functions run on ZeroGPU


def on_zerogpu() -> bool:
    """True on a Hugging Face ZeroGPU Space (the `spaces` package present and the Space's flag set)."""
    return spaces is not None and os.environ.get("SPACES_ZERO_GPU", "").lower() in ("1", "true")


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


def model_device(name: str) -> torch.device:
    """Where the shipped model `name` lives: the lab's device, except on ZeroGPU, where only GPU_MODELS
    go to the GPU (every forward of theirs runs inside a `gpu_task`) and the rest stay on the CPU."""
    if on_zerogpu() and name not in GPU_MODELS:
        return torch.device("cpu")
    return get_device()


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


def gpu_task(seconds: int):
    """Decorate a facade function that runs a GPU model: on ZeroGPU, `spaces.GPU` with an allocation of
    `seconds` (shorter ones queue first; each costs the visitor's daily quota); elsewhere, nothing.

    Its arguments and results must pickle: plain values, no lambdas or closures (progress callbacks are
    `demo.progress.StepProgress` objects for that reason). ZeroGPU's worker replaces any exception that is
    not Gradio's by its class name, so an error raised inside travels back as a value and is raised again
    here, whole: a refusal reads the same on ZeroGPU as on a CPU."""
    def decorate(function):
        if not on_zerogpu():
            return function
        if inspect.isgeneratorfunction(function):
            return _generator_on_gpu(function, seconds)
        on_gpu = spaces.GPU(_carrying_errors(function), duration=seconds)

        @functools.wraps(function)
        def call(*args, **kwargs):
            return _raise_carried(on_gpu(*args, **kwargs))
        return call
    return decorate


class _Carried:
    """An exception raised inside a GPU function, returned as a value across ZeroGPU's worker."""

    def __init__(self, error: Exception):
        self.error = error


def _carrying_errors(function):
    @functools.wraps(function)
    def run(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except Exception as error:  # noqa: BLE001 - every error is raised again on the other side
            return _Carried(error)
    return run


def _raise_carried(value):
    if isinstance(value, _Carried):
        raise value.error
    return value


def _generator_on_gpu(function, seconds: int):
    @functools.wraps(function)
    def run(*args, **kwargs):
        try:
            yield from function(*args, **kwargs)
        except Exception as error:  # noqa: BLE001 - raised again on the other side
            yield _Carried(error)

    on_gpu = spaces.GPU(run, duration=seconds)

    @functools.wraps(function)
    def call(*args, **kwargs):
        for value in on_gpu(*args, **kwargs):
            yield _raise_carried(value)
    return call


def one_at_a_time(function):
    """For a facade function that runs the small models a pen stroke or a click does: the server calls them
    from several threads at once, and on a CPU each torch call spreads over every core, so two together
    thrash (a 9 ms encoding was seen taking a second next to three others). Held, they run one after
    another; a sampler (one at a time in its own pool) is not held back."""
    @functools.wraps(function)
    def run(*args, **kwargs):
        with _small_models:
            return function(*args, **kwargs)
    return run


def make_generator(seed: int, device: torch.device | None = None) -> torch.Generator:
    """A seeded generator, so the same seed draws the same numbers on the same device."""
    device = device or get_device()
    # MPS generators are not supported for every op; draw on the CPU there and move the result.
    generator_device = "cpu" if device.type == "mps" else device
    return torch.Generator(device=generator_device).manual_seed(int(seed))
