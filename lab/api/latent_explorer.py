"""The latent explorer's model side: maps of the test set's codes, decoding anywhere, prior samples,
the 2-d VAE's manifold, and interpolation between two images (lecture: autoencoders and VAEs).

Plain values in and out (numpy arrays in [0, 1], lists); models come from `lab.shipped`, maps from
`lab.latent_maps`.
"""
from __future__ import annotations

import functools
from statistics import NormalDist

import numpy as np
import torch

from lab.device import make_generator, one_at_a_time
from lab.examples import load_examples
from lab.latent import encode_codes, interpolate, neighbour_latent, pca_inverse
from lab.latent_maps import MAP_MODELS, PROJECTIONS, code_to_umap, latent_map, place_code
from lab.shipped import batch_images, get_model, image_batch

__all__ = ["MAP_MODELS", "PROJECTIONS", "code_to_umap", "latent_map", "place_code"]   # the map, for the tab
LABELLED_PER_CLASS = 10   # the downstream task's labels: 100 for ten classes
DOWNSTREAM_FEATURES = ("pixels", "ae16", "vae16")


def point_to_latent(dataset: str, model_name: str, projection: str, point) -> np.ndarray:
    """A map point -> a latent code (d,): itself (2-d VAE), PCA's inverse, or UMAP's neighbour mix."""
    shown = latent_map(dataset, model_name, projection)
    point = np.asarray(point, np.float32)
    if shown["how"] == "latent":
        return point
    if shown["how"] == "pca":
        return pca_inverse(point[None], shown["pca_mean"], shown["pca_components"])[0]
    return neighbour_latent(point, shown["points"], shown["codes"])


@one_at_a_time
@torch.inference_mode()
def decode_codes(dataset: str, model_name: str, codes: np.ndarray) -> np.ndarray:
    """(N, d) codes -> (N, 28, 28) images in [0, 1] through the model's decoder."""
    model = get_model(dataset, model_name)
    z = torch.as_tensor(np.asarray(codes, np.float32), device=next(model.parameters()).device)
    decoded = model.decode(z)
    return batch_images(torch.sigmoid(decoded) if model.kind == "vae" else decoded)


def decode_point(dataset: str, model_name: str, projection: str, point) -> np.ndarray:
    """The image decoded at a map point, (28, 28) in [0, 1]."""
    return decode_codes(dataset, model_name, point_to_latent(dataset, model_name, projection, point)[None])[0]


def nearest_examples(dataset: str, model_name: str, projection: str, point, count: int = 6) -> list[int]:
    """Indices of the shipped test images nearest to a map point, on the map."""
    distances = np.linalg.norm(latent_map(dataset, model_name, projection)["points"] - np.asarray(point), axis=1)
    return np.argsort(distances)[:count].tolist()


def prior_samples(dataset: str, count: int = 16, seed: int = 0) -> dict[str, np.ndarray]:
    """Decode the same z ~ N(0, I) with the 16-d VAE and the 16-d autoencoder: {'vae': ..., 'ae': ...}.

    The VAE was trained to make N(0, I) its latent distribution; the AE was not, so many such z fall in
    its latent space's holes."""
    z = torch.randn(count, 16, generator=make_generator(seed, torch.device("cpu"))).numpy()
    return {"vae": decode_codes(dataset, "vae16", z), "ae": decode_codes(dataset, "ae16", z)}


def manifold_grid(dataset: str, side: int = 15) -> np.ndarray:
    """The 2-d VAE decoded over a side×side grid laid out by the prior's quantiles, (side, side, 28, 28).

    Grid lines sit at Φ⁻¹(q) for q evenly spaced in (0, 1): equal prior mass between neighbours, so the
    grid covers where z ~ N(0, I) actually falls instead of a fixed ±k box."""
    quantiles = [NormalDist().inv_cdf((i + 0.5) / side) for i in range(side)]
    rows = [[quantiles[col], -quantiles[row]] for row in range(side) for col in range(side)]  # top = +z2
    return decode_codes(dataset, "vae2", np.array(rows, np.float32)).reshape(side, side, 28, 28)


@one_at_a_time
@torch.inference_mode()
def encode_image(dataset: str, model_name: str, image28: np.ndarray) -> np.ndarray:
    """A (28, 28) image -> its code (d,): the posterior mean for a VAE, z for an autoencoder."""
    return encode_codes(get_model(dataset, model_name), image_batch(image28))[0]


def interpolation(dataset: str, start28: np.ndarray, end28: np.ndarray, steps: int = 8,
                  method: str = "linear") -> dict[str, np.ndarray]:
    """Frames between two images for the 16-d VAE and the 16-d AE, each (steps, 28, 28), and the paths'
    codes {'vae_codes', 'ae_codes'} (steps, 16). The first and last codes are the images' encodings."""
    result = {}
    for name, key in (("vae16", "vae"), ("ae16", "ae")):
        codes = interpolate(encode_image(dataset, name, start28), encode_image(dataset, name, end28), steps, method)
        result[key] = decode_codes(dataset, name, codes)
        result[f"{key}_codes"] = codes
    return result


@one_at_a_time
@torch.inference_mode()
def posterior_on_map(dataset: str, model_name: str, projection: str, image28: np.ndarray,
                     samples: int = 40, seed: int = 0) -> dict:
    """Where an image's encoding falls on the map: {'center' (2,), 'covariance' (2, 2) or None,
    'samples' (k, 2) or None, 'how'}.

    - 2-d VAE: exact: center μ, covariance diag(σ²).
    - PCA of the 16-d VAE: exact too, since a linear map of a Gaussian is Gaussian: W·diag(σ²)·Wᵀ.
    - UMAP of the 16-d VAE: approximate: z ~ q(z|x) samples each placed by their nearest test codes.
    - the autoencoder: a point (it has no σ), placed like a test code.
    """
    model = get_model(dataset, model_name)
    x = image_batch(image28, next(model.parameters()).device)
    if model.kind == "ae":
        code = model.encode(x)[0].cpu().numpy()
        return {"center": place_code(dataset, model_name, projection, code), "covariance": None, "samples": None,
                "how": "point"}
    mean, log_variance = (part[0].cpu().numpy() for part in model.encode(x))
    variance = np.exp(log_variance)
    shown = latent_map(dataset, model_name, projection)
    if shown["how"] == "latent":
        return {"center": mean, "covariance": np.diag(variance), "samples": None, "how": "exact"}
    if shown["how"] == "pca":
        components = shown["pca_components"]
        return {"center": (mean - shown["pca_mean"]) @ components.T,
                "covariance": components @ np.diag(variance) @ components.T, "samples": None, "how": "exact"}
    noise = torch.randn(samples, len(mean), generator=make_generator(seed, torch.device("cpu"))).numpy()
    draws = mean + np.sqrt(variance) * noise
    return {"center": code_to_umap(dataset, model_name, mean), "covariance": None,
            "samples": np.stack([code_to_umap(dataset, model_name, z) for z in draws]), "how": "approximate"}


@functools.cache
def _training_codes(dataset: str) -> np.ndarray:
    # The 16-d VAE's posterior means of the shipped training images, computed once per process (~1 s).
    return encode_codes(get_model(dataset, "vae16"), load_examples(dataset, "train").images)


def nearest_training(dataset: str, image28: np.ndarray, count: int = 6) -> dict[str, np.ndarray]:
    """The shipped training images nearest to an image, in pixel space (L2 on the 784 pixels) and in
    the 16-d VAE's latent space (L2 between posterior means): {'pixel', 'latent'} each (count, 28, 28),
    and their distances {'pixel_distance', 'latent_distance'} (count,).

    A generated image whose pixel-space neighbour is almost identical was memorised; one that is merely
    similar was generated."""
    training = load_examples(dataset, "train").images[:, 0].numpy()           # (N, 28, 28)
    image = np.asarray(image28, np.float32)
    pixel_distances = np.sqrt(((training - image) ** 2).reshape(len(training), -1).sum(axis=1))
    latent_distances = np.linalg.norm(_training_codes(dataset) - encode_image(dataset, "vae16", image), axis=1)
    by_pixel, by_latent = np.argsort(pixel_distances)[:count], np.argsort(latent_distances)[:count]
    return {"pixel": training[by_pixel], "latent": training[by_latent],
            "pixel_distance": pixel_distances[by_pixel], "latent_distance": latent_distances[by_latent]}


@functools.cache
@one_at_a_time
@torch.inference_mode()
def downstream_accuracy(dataset: str) -> dict:
    """The encoder for a downstream task (lecture: "usar el encoder para tareas downstream"): a 1-nearest-
    neighbour classifier given only LABELLED_PER_CLASS labelled training images per class, on each feature of
    DOWNSTREAM_FEATURES (the 784 pixels, the autoencoder's code, the VAE's μ; both encoders learnt without
    labels), scored on every shipped test image. Returns {'labelled', 'test', 'accuracy' {feature: share},
    'dimensions' {feature: d}}. Fixed inputs: computed once per process."""
    train, test = load_examples(dataset, "train"), load_examples(dataset, "test")
    chosen = torch.cat([(train.labels == label).nonzero().flatten()[:LABELLED_PER_CLASS]
                        for label in range(len(train.class_names))])
    labelled, labels = train.images[chosen], train.labels[chosen]
    features = {"pixels": lambda images: images.flatten(1).numpy()}
    for name in DOWNSTREAM_FEATURES[1:]:
        features[name] = functools.partial(encode_codes, get_model(dataset, name))
    accuracy, dimensions = {}, {}
    for name, describe in features.items():
        reference, queries = torch.as_tensor(describe(labelled)), torch.as_tensor(describe(test.images))
        nearest = torch.cdist(queries, reference).argmin(dim=1)
        accuracy[name] = float((labels[nearest] == test.labels).float().mean())
        dimensions[name] = reference.shape[1]
    return {"labelled": len(chosen), "test": len(test.labels), "accuracy": accuracy, "dimensions": dimensions}
