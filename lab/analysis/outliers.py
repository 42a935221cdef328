"""Inputs a model was never trained on, and one image's outlier scores against the test set's.

Lecture, "Detección de outliers": the classifier's p(y|x) labels anything, nonsense included, often with
confidence; a density model can say "unlikely". An image's score is shown as a percentile of the shipped
test images' scores under the same model, so a reject threshold reads as "the lowest q % of real data".

Inputs to try: a random scribble, a printed letter, uniform noise, or an image of the other dataset.
"""
from __future__ import annotations

import functools
import string

import numpy as np
import torch
from PIL import Image, ImageDraw, ImageFont

from lab.analysis.ood import OTHER, scores
from lab.drawing import preprocess_drawing
from lab.examples import load_examples
from lab.messages import Refused

OUTLIER_KINDS = ("scribble", "letter", "noise", "other dataset")


def make_outlier(kind: str, seed: int = 0, dataset: str = "mnist") -> np.ndarray:
    """A (28, 28) float32 image in [0, 1] that is not from `dataset`, drawn reproducibly from `seed`."""
    rng = np.random.default_rng(seed)
    if kind == "scribble":   # a few random strokes, preprocessed like a drawing
        canvas = Image.new("L", (280, 280), 0)
        points = [tuple(rng.uniform(40, 240, 2)) for _ in range(rng.integers(4, 8))]
        ImageDraw.Draw(canvas).line(points, fill=255, width=18, joint="curve")
        return preprocess_drawing(np.asarray(canvas))
    if kind == "letter":     # a printed capital letter (never a digit)
        canvas = Image.new("L", (280, 280), 0)
        letter = string.ascii_uppercase[int(rng.integers(26))]
        ImageDraw.Draw(canvas).text((140, 140), letter, fill=255, anchor="mm",
                                    font=ImageFont.load_default(size=200))
        return preprocess_drawing(np.asarray(canvas))
    if kind == "noise":
        return rng.random((28, 28)).astype(np.float32)
    if kind == "other dataset":
        images = load_examples(OTHER[dataset]).images
        return images[int(rng.integers(len(images))), 0].numpy()
    raise Refused("unknown_choice", name="outlier score", value=kind, choices=OUTLIER_KINDS)


@functools.cache
def reference_scores(dataset: str) -> dict[str, np.ndarray]:
    """The shipped test images' scores under `dataset`'s models, sorted: {'elbo', 'softmax'} (computed once)."""
    return {name: np.sort(values) for name, values in scores(dataset, load_examples(dataset).images).items()}


def percentile(value: float, reference: np.ndarray) -> float:
    """The share of reference scores (sorted) at or below `value`, in percent: 0 = below every test image."""
    return 100.0 * np.searchsorted(reference, value, side="right") / len(reference)


def score_image(image28: np.ndarray, dataset: str) -> dict:
    """One image's scores and where they fall among the test set's.

    Returns {'elbo' (nats), 'elbo_percentile', 'softmax' (max p(y|x)), 'softmax_percentile',
    'probabilities' (list), 'reference_elbo' (sorted test ELBOs)}."""
    image = torch.as_tensor(np.asarray(image28, np.float32)).view(1, 1, 28, 28)
    single = scores(dataset, image)
    reference = reference_scores(dataset)
    from lab.shipped import get_model  # the shared, once-loaded classifier

    classifier = get_model(dataset, "classifier")
    with torch.inference_mode():
        probabilities = classifier.probabilities(image.to(next(classifier.parameters()).device))[0].cpu()
    return {"elbo": float(single["elbo"][0]), "elbo_percentile": percentile(single["elbo"][0], reference["elbo"]),
            "softmax": float(single["softmax"][0]),
            "softmax_percentile": percentile(single["softmax"][0], reference["softmax"]),
            "probabilities": probabilities.tolist(), "reference_elbo": reference["elbo"]}
