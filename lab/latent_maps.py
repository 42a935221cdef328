"""The test set's latent codes on a 2-D map, and any code placed on that map (lecture: autoencoders and
VAEs; the map the latent explorer and latent diffusion draw on).

The 2-d VAE's map is its latent itself (posterior means of the shipped test images); the 16-d models use
the projections shipped next to their checkpoints (`lab.latent`): PCA exactly, UMAP by a distance-weighted
mix of the nearest test codes.
"""
from __future__ import annotations

import functools

import numpy as np

from lab.data import class_names
from lab.examples import load_examples
from lab.latent import encode_codes, load_projections, neighbour_latent
from lab.messages import Refused
from lab.shipped import get_model

PROJECTIONS = ("pca", "umap")
MAP_MODELS = ("vae2", "vae16", "ae16")


@functools.cache
def latent_map(dataset: str, model_name: str, projection: str = "umap") -> dict:
    """The test set on a 2-D map: {'points' (N, 2), 'codes' (N, d), 'labels' (N,), 'class_names', 'how'}.

    The 2-d VAE's map is its latent itself (posterior means); the others use a shipped projection."""
    if model_name == "vae2":
        examples = load_examples(dataset)
        codes = encode_codes(get_model(dataset, "vae2"), examples.images)
        return {"points": codes, "codes": codes, "labels": examples.labels.numpy(),
                "class_names": list(class_names(dataset)), "how": "latent"}
    if model_name not in MAP_MODELS:
        raise Refused("unknown_choice", name="map model", value=model_name, choices=MAP_MODELS)
    if projection not in PROJECTIONS:
        raise Refused("unknown_choice", name="projection", value=projection, choices=PROJECTIONS)
    stored = load_projections(dataset, model_name)
    return {"points": stored[projection], "codes": stored["codes"], "labels": stored["labels"],
            "class_names": list(class_names(dataset)), "how": projection,
            "pca_mean": stored["pca_mean"], "pca_components": stored["pca_components"]}


def place_code(dataset: str, model_name: str, projection: str, code: np.ndarray) -> np.ndarray:
    """Any code (d,) on the map (2,): exactly on the PCA plane, by its nearest test codes on UMAP."""
    shown = latent_map(dataset, model_name, projection)
    if shown["how"] == "pca":
        return (code - shown["pca_mean"]) @ shown["pca_components"].T
    return code_to_umap(dataset, model_name, code)


def code_to_umap(dataset: str, model_name: str, code: np.ndarray) -> np.ndarray:
    """Place any code on the UMAP map (2,): the distance-weighted mix of its nearest test codes' map
    points, the same approximation as going back, run the other way."""
    shown = latent_map(dataset, model_name, "umap")
    return neighbour_latent(np.asarray(code, np.float32), shown["codes"], shown["points"])
