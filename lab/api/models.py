"""Models tab, the model side: one row per shipped checkpoint with its held-out figure and command."""
from __future__ import annotations

from lab.checkpoints import CheckpointError, read_config, read_metrics, shipped_names, shipped_path
from lab.data import DATASET_NAMES
from lab.shipped import get_model


def shipped_checkpoints() -> list[dict]:
    """One row per shipped checkpoint: dataset, model, parameters, headline figures and the command. Its
    "status" is "ok" when its weights loaded (their SHA-256, header and shapes checked), not just when its
    config is there; otherwise the CheckpointError that says what is wrong (`lab.api.say` in a language)."""
    rows = []
    for dataset in DATASET_NAMES:
        for name in shipped_names(dataset):
            folder = shipped_path(dataset, name)
            try:
                config = read_config(folder)
                get_model(dataset, name)     # loaded once per process; a failure is remembered
            except CheckpointError as error:
                rows.append({"dataset": dataset, "model": name, "status": error})
                continue
            metrics = read_metrics(folder)
            rows.append({"dataset": dataset, "model": name, "status": "ok",
                         "figure": metrics.get("headline", ""),
                         "value": metrics.get(metrics.get("headline", ""), float("nan")),
                         "epochs": config.get("training", {}).get("epochs"),
                         "command": config.get("training", {}).get("command", "")})
    return rows
