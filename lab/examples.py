"""Test images shipped with the checkpoints, so the app needs no dataset at run time.

`checkpoints/examples/<dataset>-test.npz` holds uint8 images (N, 28, 28) and labels (N,) from the test
split: all 1,000 mnist test digits and the first 2,000 Fashion-MNIST test images. The checkpoint test
re-measures every model's figures on exactly these images.

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


def export_examples(name: str) -> None:
    test = load_dataset(name, "test").subset(EXAMPLE_COUNTS[name])
    images = (test.images[:, 0] * 255).round().to(torch.uint8).numpy()
    EXAMPLES_DIR.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(EXAMPLES_DIR / f"{name}-test.npz", images=images, labels=test.labels.numpy())


@functools.cache
def load_examples(name: str) -> Dataset:
    """The shipped test images of dataset `name` as a Dataset (images float in [0, 1])."""
    path = EXAMPLES_DIR / f"{name}-test.npz"
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: run `python -m lab.examples` to write it")
    with np.load(path) as archive:
        images = torch.from_numpy(archive["images"].astype(np.float32) / 255.0).unsqueeze(1)
        labels = torch.from_numpy(archive["labels"].astype(np.int64))
    return Dataset(images, labels, class_names(name))


if __name__ == "__main__":
    for dataset_name in DATASET_NAMES:
        export_examples(dataset_name)
        print(f"wrote {EXAMPLES_DIR / f'{dataset_name}-test.npz'}")
