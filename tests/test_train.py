"""The training CLI on tiny data: every model kind, resuming, a user's folder, and 2-process data parallel."""
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from lab.checkpoints import load_model, read_metrics
from lab.model_cards import read_front_matter
from lab.train import parse_args, train

TINY = ["--dataset", "mnist", "--limit", "64", "--batch-size", "16", "--threads", "1"]


def run(tmp_path: Path, *args: str) -> dict:
    return train(parse_args([*args, *TINY, "--out", str(tmp_path)]))


def read_log(folder: Path) -> list[dict]:
    return [json.loads(line) for line in (folder / "log.jsonl").read_text().splitlines()]


def test_each_model_kind_trains_and_saves_a_loadable_checkpoint(tmp_path):
    for kind, headline, family in (("vae", "test_nelbo", "vae"), ("ae", "test_l2", "ae"),
                                   ("classifier", "test_accuracy", "classifier"),
                                   ("diffusion", "test_mse", "denoiser")):
        folder = tmp_path / kind
        metrics = run(folder, kind, "--epochs", "1", "--latent-dim", "2", "--channels", "8")
        assert np.isfinite(metrics[headline]) and metrics["headline"] == headline
        model, config = load_model(folder)
        assert config["kind"] == family and config["training"]["command"].startswith("python -m lab.train")
        assert read_metrics(folder) == metrics
        card = read_front_matter((folder / "README.md").read_text())   # the Hub's metadata on the card
        assert card["model-index"][0]["results"][0]["metrics"][0]["value"] == pytest.approx(metrics[headline], abs=1e-4)
    assert config["training"]["ema"] == 0.999  # the diffusion model ships averaged weights by default


def test_a_classifier_trains_on_drawn_copies_and_its_card_shows_the_held_out_curve(tmp_path):
    run(tmp_path, "classifier", "--epochs", "5", "--drawn-copies", "1")
    _, config = load_model(tmp_path)
    assert config["training"]["train_images"] == 128           # 64 scans and their 64 re-drawings
    card = (tmp_path / "README.md").read_text()
    assert "## Held-out curve" in card and "| 5 | " in card   # held-out figures are logged every 5 epochs


def test_latent_diffusion_and_pixelcnn_train_from_the_cli(tmp_path):
    metrics = run(tmp_path / "latent", "latent-diffusion", "--epochs", "1", "--width", "16", "--depth", "1")
    model, config = load_model(tmp_path / "latent")
    assert np.isfinite(metrics["test_mse"]) and config["kind"] == "latent_denoiser"
    assert config["model"]["schedule"] == "scaled-linear" and 0.5 < config["model"]["latent_scale"] < 2
    metrics = run(tmp_path / "pixelcnn", "pixelcnn", "--epochs", "1", "--channels", "8", "--depth", "2")
    model, config = load_model(tmp_path / "pixelcnn")
    assert config["kind"] == "pixelcnn" and metrics["headline"] == "test_nll"
    assert metrics["test_bpd"] < 8.0 and config["training"]["augment"] == "none"   # below a uniform 8 bits
    # The shipped mnist model's recipe: whole-pixel shifts, and the label dropped for guided sampling.
    run(tmp_path / "guided", "pixelcnn", "--epochs", "1", "--channels", "8", "--depth", "2", "--augment", "shift",
        "--label-dropout", "0.1")
    model, config = load_model(tmp_path / "guided")
    assert config["training"]["augment"] == "shift" and model.config.label_dropout == 0.1
    assert model.condition.num_embeddings == 11       # ten classes and "no class"


def test_the_tokenizer_and_the_token_transformer_train_from_the_cli(tmp_path):
    metrics = run(tmp_path / "vqvae", "vqvae", "--epochs", "1", "--codebook-size", "16", "--code-dim", "8")
    vqvae, config = load_model(tmp_path / "vqvae")
    assert config["kind"] == "vqvae" and metrics["headline"] == "test_squared_error"
    assert 1 <= metrics["test_perplexity"] <= 16 and np.isfinite(metrics["test_squared_error"])
    metrics = run(tmp_path / "tokens", "tokens", "--epochs", "1", "--vqvae", str(tmp_path / "vqvae"),
                  "--width", "16", "--depth", "1", "--heads", "2", "--token-copies", "2", "--label-dropout", "0.1")
    model, config = load_model(tmp_path / "tokens")
    # The first stage joins the config: its codebook, its name and the hash of its weights.
    assert config["kind"] == "token_transformer" and model.config.codebook_size == 16
    assert model.config.sequence_length == 49 and len(model.config.vqvae_sha256) == 64
    assert config["training"]["train_images"] == 2 * 64                      # two encoded copies
    assert 0 < metrics["test_bits_per_token"] < 5                            # log2 16 = 4 bits is uniform + slack
    with pytest.raises(SystemExit):
        parse_args(["tokens", "--augment", "affine"])                        # tokens are encoded once


def test_latent_diffusion_refuses_augmentation():

    with pytest.raises(SystemExit):
        parse_args(["latent-diffusion", "--augment", "affine"])


def test_resume_continues_from_the_last_epoch(tmp_path):
    assert run(tmp_path, "ae", "--epochs", "3", "--stop-after", "2") == {}  # interrupted: no checkpoint yet
    assert [record["epoch"] for record in read_log(tmp_path)] == [1, 2]
    assert not (tmp_path / "model.safetensors").exists()
    metrics = run(tmp_path, "ae", "--epochs", "3", "--resume")
    assert [record["epoch"] for record in read_log(tmp_path)] == [1, 2, 3]
    assert np.isfinite(metrics["test_l2"]) and (tmp_path / "model.safetensors").exists()


def test_trains_on_a_folder_of_images(tmp_path):
    images = tmp_path / "images"
    for label in ("a", "b"):
        (images / label).mkdir(parents=True)
        for index in range(10):
            pixels = np.full((32, 32), 255, np.uint8)
            pixels[8:24, 4 + index: 12 + index] = 0 if label == "a" else 128
            Image.fromarray(pixels).save(images / label / f"{index}.png")
    out = tmp_path / "out"
    metrics = train(parse_args(["classifier", "--data", str(images), "--epochs", "1", "--batch-size", "4",
                                "--threads", "1", "--out", str(out)]))
    _, config = load_model(out)
    assert config["class_names"] == ["a", "b"] and config["dataset"] == "folder:images"
    assert 0 <= metrics["test_accuracy"] <= 1


def test_accelerate_runs_two_cpu_processes(tmp_path):
    accelerate = Path(sys.executable).with_name("accelerate")
    command = [str(accelerate), "launch", "--multi_gpu", "--num_processes", "2", "--num_machines", "1",
               "--mixed_precision", "no", "--dynamo_backend", "no", "-m", "lab.train", "vae",
               "--epochs", "1", "--latent-dim", "2", *TINY, "--out", str(tmp_path)]
    environment = {**os.environ, "LAB_DEVICE": "cpu", "OMP_NUM_THREADS": "1"}
    finished = subprocess.run(command, env=environment, capture_output=True, text=True, timeout=300,
                              cwd=Path(__file__).resolve().parent.parent)
    assert finished.returncode == 0, finished.stderr[-2000:]
    record = read_log(tmp_path)[0]
    # 64 images, batches of 16, split over 2 processes: each process takes 2 steps per epoch.
    assert record["processes"] == 2 and record["steps"] == 2
    _, config = load_model(tmp_path)
    assert config["training"]["processes"] == 2
