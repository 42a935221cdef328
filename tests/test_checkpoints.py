"""Checkpoint folders: a save/load round trip, and clear errors for missing or corrupt files."""
import json

import pytest
import torch

from lab.checkpoints import CheckpointError, load_model, read_metrics, save_checkpoint
from lab.models import build_model


def test_round_trip_gives_identical_outputs(tmp_path):
    vae = build_model("vae", {"latent_dim": 2}).eval()
    save_checkpoint(tmp_path, vae, {"dataset": "mnist"}, {"test_nelbo": 1.0}, "# card\n")
    assert {p.name for p in tmp_path.iterdir()} == {"config.json", "model.safetensors", "metrics.json", "README.md"}
    loaded, config = load_model(tmp_path)
    x = torch.rand(2, 1, 28, 28)
    assert not loaded.training
    assert torch.equal(loaded(x), vae(x))
    assert config["kind"] == "vae" and config["model"]["latent_dim"] == 2 and config["dataset"] == "mnist"
    assert read_metrics(tmp_path) == {"test_nelbo": 1.0}


def test_missing_checkpoint_says_how_to_fix_it(tmp_path):
    with pytest.raises(CheckpointError, match="lab.train"):
        load_model(tmp_path / "nowhere")


def test_weights_changed_since_saving_are_named_by_their_hash_and_said_in_spanish_too(tmp_path):
    save_checkpoint(tmp_path, build_model("ae", {"latent_dim": 4}), {})
    weights = tmp_path / "model.safetensors"
    weights.write_bytes(weights.read_bytes()[:-8])                   # a copy cut short
    with pytest.raises(CheckpointError, match="SHA-256 differs") as caught:
        load_model(tmp_path)
    assert "SHA-256 difiere" in caught.value.say("es")


def test_corrupt_weights_without_a_recorded_hash_are_a_checkpoint_error(tmp_path):
    save_checkpoint(tmp_path, build_model("ae", {"latent_dim": 4}), {})
    config = json.loads((tmp_path / "config.json").read_text())
    del config["weights_sha256"]                                      # a folder saved before hashes
    (tmp_path / "config.json").write_text(json.dumps(config))
    (tmp_path / "model.safetensors").write_bytes(b"not a safetensors file at all")
    with pytest.raises(CheckpointError, match="could not be loaded"):
        load_model(tmp_path)


def test_a_checkpoint_error_survives_pickling_whole():   # a GPU worker sends it back pickled
    import pickle

    error = CheckpointError("checkpoint_missing", folder="checkpoints/mnist-vae2", command="python -m lab.train vae")
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is CheckpointError and str(copy) == str(error) and copy.say("es") == error.say("es")


def test_weights_of_another_shape_are_a_checkpoint_error(tmp_path):
    save_checkpoint(tmp_path, build_model("ae", {"latent_dim": 4}), {})
    config = json.loads((tmp_path / "config.json").read_text())
    config["model"]["latent_dim"] = 8
    (tmp_path / "config.json").write_text(json.dumps(config))
    with pytest.raises(CheckpointError):
        load_model(tmp_path)


def test_corrupt_config_is_a_checkpoint_error(tmp_path):
    save_checkpoint(tmp_path, build_model("ae", {"latent_dim": 4}), {})
    (tmp_path / "config.json").write_text("{ broken")
    with pytest.raises(CheckpointError, match="corrupt config.json"):
        load_model(tmp_path)


def test_cli_names_a_missing_checkpoint(tmp_path):
    import os
    import subprocess
    import sys

    environment = {**os.environ, "LAB_CHECKPOINTS": str(tmp_path)}
    finished = subprocess.run([sys.executable, "-m", "lab.checkpoints"], env=environment, capture_output=True,
                              text=True, timeout=120)
    assert finished.returncode == 1
    assert "ERROR  mnist-vae16: No checkpoint at" in finished.stdout and "Traceback" not in finished.stderr
