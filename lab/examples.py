"""Test images shipped with the checkpoints, so the app needs no dataset at run time.

`checkpoints/examples/<dataset>-test.npz` holds uint8 images (N, 28, 28) and labels (N,) from the test
split: all 1,000 mnist test digits and the first 2,000 Fashion-MNIST test images. The checkpoint test
re-measures every model's figures on exactly these images. `<dataset>-train.npz` holds training images
(all 4,000 mnist ones, the first 10,000 of Fashion-MNIST's 60,000) so the app can show the training
images nearest to a generated one: generation or memorisation?

    python -m lab.examples     # (re)writes both files from the installed datasets
"""
from __future__ import annotations

import functools

import numpy as np
import torch

from lab.checkpoints import CHECKPOINT_ROOT
from lab.data import DATASET_NAMES, Dataset, class_names, load_dataset

EXAMPLES_DIR = CHECKPOINT_ROOT / "examples"
EXAMPLE_COUNTS = {"mnist": 1000, "fashion": 2000}
TRAIN_EXAMPLE_COUNTS = {"mnist": 4000, "fashion": 10000}


def export_examples(name: str, split: str = "test") -> None:
    counts = EXAMPLE_COUNTS if split == "test" else TRAIN_EXAMPLE_COUNTS
    subset = load_dataset(name, split).subset(counts[name])
    images = (subset.images[:, 0] * 255).round().to(torch.uint8).numpy()
    EXAMPLES_DIR.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(EXAMPLES_DIR / f"{name}-{split}.npz", images=images, labels=subset.labels.numpy())


@functools.cache
def load_examples(name: str, split: str = "test") -> Dataset:
    """The shipped images of dataset `name` as a Dataset (images float in [0, 1]); split test or train."""
    path = EXAMPLES_DIR / f"{name}-{split}.npz"
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: run `python -m lab.examples` to write it")
    with np.load(path) as archive:
        images = torch.from_numpy(archive["images"].astype(np.float32) / 255.0).unsqueeze(1)
        labels = torch.from_numpy(archive["labels"].astype(np.int64))
    return Dataset(images, labels, class_names(name))


def example_images(dataset: str, per_class: int = 1) -> list[tuple[np.ndarray, int]]:
    """The first `per_class` shipped test images of each class: [(image (28, 28) in [0, 1], label)]."""
    examples = load_examples(dataset)
    picked = []
    for label in range(len(examples.class_names)):
        indices = (examples.labels == label).nonzero().flatten()[:per_class]
        picked += [(examples.images[i, 0].numpy(), label) for i in indices.tolist()]
    return picked


def example_images_by_index(dataset: str, indices: list[int]) -> list[np.ndarray]:
    """Shipped test images by index, each (28, 28) in [0, 1]."""
    images = load_examples(dataset).images[:, 0]
    return [images[i].numpy() for i in indices]


def example_label(dataset: str, index: int) -> int:
    """The class of shipped test image `index`."""
    return int(load_examples(dataset).labels[index])


def example_count(dataset: str) -> int:
    """How many shipped test images `dataset` has (valid indices are 0 … count − 1)."""
    return len(load_examples(dataset))


if __name__ == "__main__":
    for dataset_name in DATASET_NAMES:
        for split_name in ("test", "train"):
            export_examples(dataset_name, split_name)
            print(f"wrote {EXAMPLES_DIR / f'{dataset_name}-{split_name}.npz'}")
