"""Latent spaces made explorable: the test set's codes, 2-D projections of them, and paths between codes.

Lecture, "Autoencoders" and "Variational Autoencoders": an autoencoder's z has holes (a new z is hard to
pick); a VAE forces z towards the prior N(0, I). Looking at the codes of the test images shows the
difference. For a 16-d latent the map needs a 2-D projection:
- PCA: linear, exactly invertible on its plane (z = mean + [u, v]·components), fitted in milliseconds;
- UMAP: non-linear, fitted offline (numba compiles for a minute) and shipped as coordinates; going back
  from a map point to a latent uses a distance-weighted mix of the nearest test points' latents, because
  umap's own inverse_transform takes tens of seconds here.

    python -m lab.latent     # (re)writes checkpoints/<dataset>-<model>/projections.npz for the shipped models
"""
from __future__ import annotations

import numpy as np
import torch

from lab.checkpoints import load_model, shipped_path
from lab.data import DATASET_NAMES
from lab.examples import load_examples
from lab.messages import Refused

PROJECTED_MODELS = ("vae16", "ae16")   # the 2-d VAE's latent is its own map
UMAP_SEED = 0


@torch.inference_mode()
def encode_codes(model: torch.nn.Module, images: torch.Tensor, batch_size: int = 500) -> np.ndarray:
    """(N, 1, 28, 28) -> (N, latent_dim) codes: the posterior mean μ for a VAE, z for an autoencoder."""
    codes = []
    for start in range(0, len(images), batch_size):
        batch = images[start: start + batch_size].to(next(model.parameters()).device)
        encoded = model.encode(batch)
        codes.append((encoded[0] if isinstance(encoded, tuple) else encoded).cpu().numpy())
    return np.concatenate(codes).astype(np.float32)


def fit_pca(codes: np.ndarray) -> dict[str, np.ndarray]:
    """The top-2 principal plane of the codes: {'mean': (d,), 'components': (2, d), 'explained': (2,)}."""
    from sklearn.decomposition import PCA

    pca = PCA(n_components=2, random_state=0).fit(codes)
    return {"mean": pca.mean_.astype(np.float32), "components": pca.components_.astype(np.float32),
            "explained": pca.explained_variance_ratio_.astype(np.float32)}


def pca_project(codes: np.ndarray, mean: np.ndarray, components: np.ndarray) -> np.ndarray:
    """(N, d) codes -> (N, 2) coordinates on the principal plane."""
    return (codes - mean) @ components.T


def pca_inverse(points: np.ndarray, mean: np.ndarray, components: np.ndarray) -> np.ndarray:
    """(N, 2) plane coordinates -> (N, d) codes on the plane: exact for points of the plane."""
    return mean + np.asarray(points, np.float32) @ components


def neighbour_latent(point: np.ndarray, embedding: np.ndarray, codes: np.ndarray, neighbours: int = 8) -> np.ndarray:
    """A map point -> a latent: the inverse-distance-weighted mean of its nearest points' codes, (d,).

    This approximates going back through a non-linear projection (UMAP); at a shown point it returns
    that point's own code."""
    distances = np.linalg.norm(embedding - np.asarray(point, np.float32), axis=1)
    nearest = np.argsort(distances)[:neighbours]
    if distances[nearest[0]] < 1e-9:
        return codes[nearest[0]].copy()
    weights = 1.0 / distances[nearest]
    return (weights[:, None] * codes[nearest]).sum(axis=0) / weights.sum()


def fit_umap(codes: np.ndarray) -> np.ndarray:
    """A 2-D UMAP embedding of the codes, (N, 2). Slow the first time in a process (numba compiles)."""
    import umap  # imported here: its import alone costs seconds

    reducer = umap.UMAP(n_components=2, n_neighbors=15, min_dist=0.1, random_state=UMAP_SEED)
    return reducer.fit_transform(codes).astype(np.float32)


def interpolate(start: np.ndarray, end: np.ndarray, steps: int, method: str = "linear") -> np.ndarray:
    """`steps` codes from `start` to `end` inclusive, (steps, d).

    linear: (1 − t)·a + t·b. spherical (slerp): moves along the great circle between the directions and
    interpolates the norms linearly, so codes keep a typical length for a Gaussian prior instead of
    shrinking through the middle as a straight line does.
    """
    if steps < 2:
        raise Refused("at_least", name="steps", low=2, value=steps)
    start, end = np.asarray(start, np.float64), np.asarray(end, np.float64)
    t = np.linspace(0.0, 1.0, steps)[:, None]
    if method == "linear":
        return ((1 - t) * start + t * end).astype(np.float32)
    if method != "spherical":
        raise Refused("unknown_choice", name="method", value=method, choices=("linear", "spherical"))
    start_norm, end_norm = np.linalg.norm(start), np.linalg.norm(end)
    if start_norm < 1e-9 or end_norm < 1e-9:
        return ((1 - t) * start + t * end).astype(np.float32)
    unit_start, unit_end = start / start_norm, end / end_norm
    angle = np.arccos(np.clip(unit_start @ unit_end, -1.0, 1.0))
    if angle < 1e-6:
        directions = np.repeat(unit_start[None], steps, axis=0)
    else:
        directions = (np.sin((1 - t) * angle) * unit_start + np.sin(t * angle) * unit_end) / np.sin(angle)
    norms = (1 - t) * start_norm + t * end_norm
    return (directions * norms).astype(np.float32)


def write_projections(dataset: str, name: str) -> None:
    """Encode the shipped test images with a shipped model and store codes, PCA and UMAP next to it."""
    folder = shipped_path(dataset, name)
    model, _ = load_model(folder)
    examples = load_examples(dataset)
    codes = encode_codes(model, examples.images)
    pca = fit_pca(codes)
    np.savez_compressed(folder / "projections.npz", codes=codes, labels=examples.labels.numpy(),
                        pca_mean=pca["mean"], pca_components=pca["components"], pca_explained=pca["explained"],
                        pca=pca_project(codes, pca["mean"], pca["components"]), umap=fit_umap(codes))


def load_projections(dataset: str, name: str) -> dict[str, np.ndarray]:
    path = shipped_path(dataset, name) / "projections.npz"
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: run `python -m lab.latent` to write it")
    with np.load(path) as archive:
        return {key: archive[key] for key in archive.files}


if __name__ == "__main__":
    for dataset_name in DATASET_NAMES:
        for model_name in PROJECTED_MODELS:
            write_projections(dataset_name, model_name)
            print(f"wrote {shipped_path(dataset_name, model_name) / 'projections.npz'}")
