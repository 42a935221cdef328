"""What an interrupted training run needs to continue where it stopped: model, optimizer, schedule (and the
EMA weights) and the augmentation generator, saved after every epoch as `<out>/resume.pt`. Training state
only, never shipped; it holds tensors and numbers, so loading it unpickles no code."""
from __future__ import annotations

from pathlib import Path

import torch


def save_resume(path: Path, run_state: dict, augment_generator: torch.Generator, epoch: int,
                epochs: int) -> None:
    state = {name: part.state_dict() for name, part in run_state.items()}
    torch.save({**state, "augment_generator": augment_generator.get_state(), "epoch": epoch, "epochs": epochs},
               path)


def load_resume(path: Path, run_state: dict, augment_generator: torch.Generator, epochs: int) -> int:
    """Restore model, optimizer, schedule and augmentation RNG; returns the number of epochs done (0 when
    there is nothing to resume)."""
    if not path.exists():
        return 0
    state = torch.load(path, map_location="cpu", weights_only=True)  # tensors and numbers only
    if state["epochs"] != epochs:
        raise SystemExit(f"{path} belongs to a run of {state['epochs']} epochs; resume it with "
                         f"--epochs {state['epochs']}")
    for name, part in run_state.items():
        part.load_state_dict(state[name])
    augment_generator.set_state(state["augment_generator"])
    return state["epoch"]
