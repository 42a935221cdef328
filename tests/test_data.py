"""Named datasets: fixed, stratified, disjoint splits in [0, 1]; clear errors for a missing source."""
import numpy as np
import pytest
import torch
from PIL import Image

from lab import data
from lab.data import load_dataset, load_image_folder
from lab.examples import EXAMPLE_COUNTS, TRAIN_EXAMPLE_COUNTS, load_examples


def test_mnist_split_is_4000_1000_stratified_and_fixed():
    train, test = load_dataset("mnist", "train"), load_dataset("mnist", "test")
    assert train.images.shape == (4000, 1, 28, 28) and test.images.shape == (1000, 1, 28, 28)
    assert train.images.dtype == torch.float32 and 0 <= train.images.min() and train.images.max() <= 1
    train_share = torch.bincount(train.labels, minlength=10).float() / 4000
    test_share = torch.bincount(test.labels, minlength=10).float() / 1000
    assert torch.allclose(train_share, test_share, atol=0.002)  # stratified
    assert torch.equal(load_dataset("mnist", "test").images, test.images)  # the same split every time
    # Disjoint: no test digit appears in the training split.
    train_keys = {row.tobytes() for row in (train.images.flatten(1) * 255).byte().numpy()}
    assert not any(row.tobytes() in train_keys for row in (test.images.flatten(1) * 255).byte().numpy())


def test_fashion_uses_its_own_split():
    test = load_dataset("fashion", "test")
    assert test.images.shape == (10000, 1, 28, 28) and test.class_names[0] == "T-shirt/top"
    assert torch.equal(torch.bincount(test.labels), torch.full((10,), 1000))


def test_missing_fashion_says_how_to_install_it(monkeypatch, tmp_path):
    monkeypatch.setattr(data, "FASHION_DIR", tmp_path)
    with pytest.raises(RuntimeError, match="apt-get install dataset-fashion-mnist"):
        load_dataset("fashion", "train")


def test_unknown_dataset_and_split_are_value_errors():
    with pytest.raises(ValueError, match="unknown dataset"):
        load_dataset("cifar", "train")
    with pytest.raises(ValueError, match="split"):
        load_dataset("mnist", "validation")


def test_shipped_examples_are_the_first_test_and_training_images():
    for split, counts in (("test", EXAMPLE_COUNTS), ("train", TRAIN_EXAMPLE_COUNTS)):
        for name, count in counts.items():
            examples = load_examples(name, split)
            assert len(examples) == count
            assert torch.allclose(examples.images, load_dataset(name, split).images[:count], atol=1 / 255)


def test_image_folder_with_class_subfolders(tmp_path):
    for label, colour in (("circle", 0), ("square", 255)):
        (tmp_path / label).mkdir()
        for index in range(3):
            pixels = np.full((40, 40), 255 - colour, np.uint8)
            pixels[10:30, 10 + index:30] = colour
            Image.fromarray(pixels).save(tmp_path / label / f"{index}.png")
    dataset = load_image_folder(tmp_path)
    assert dataset.class_names == ("circle", "square") and len(dataset) == 6
    assert dataset.images.shape == (6, 1, 28, 28)
    assert dataset.images.mean() < 0.5  # light backgrounds were inverted to MNIST's black


def test_empty_image_folder_is_a_value_error(tmp_path):
    with pytest.raises(ValueError, match="no images"):
        load_image_folder(tmp_path)
