"""Outlier rejection, measured: can a model tell images of the other dataset from its own?

Lecture: a discriminative model p(y|x) must label even nonsense (its score here: max_y p(y|x)); a density
model can reject an outlier by giving it little mass (its score: the ELBO, a lower bound on log p(x)).
Each score's AUROC for "in-distribution test image" vs "other dataset's image": 0.5 is chance, 1 perfect,
below 0.5 means the score prefers the outliers (likelihoods are known to do this in some directions:
simple images can get more mass than the training data's own).

    python -m lab.analysis.ood            # print the table
    python -m lab.analysis.ood --write    # and store it in checkpoints/ood.json, which the Outliers tab shows
"""
from __future__ import annotations

import json
import sys

import numpy as np
import torch
from sklearn.metrics import roc_auc_score

from lab.shipped import get_model
from lab.checkpoints import CHECKPOINT_ROOT
from lab.evaluate import elbo_estimate
from lab.examples import load_examples

OTHER = {"mnist": "fashion", "fashion": "mnist"}


@torch.inference_mode()
def scores(dataset: str, images: torch.Tensor) -> dict[str, np.ndarray]:
    """Per-image in-distribution scores under `dataset`'s models: {'elbo': ELBO in nats, 'softmax': max p(y|x)}."""
    vae, classifier = get_model(dataset, "vae16"), get_model(dataset, "classifier")
    images = images.to(next(vae.parameters()).device)
    elbo = -elbo_estimate(vae, images)["total"]
    return {"elbo": elbo.cpu().numpy(),
            "softmax": classifier.probabilities(images).max(dim=1).values.cpu().numpy()}


def ood_auroc(dataset: str) -> dict[str, float]:
    """AUROC of each score for telling `dataset`'s shipped test images from the other dataset's."""
    inside = scores(dataset, load_examples(dataset).images)
    outside = scores(dataset, load_examples(OTHER[dataset]).images)
    labels = np.r_[np.ones(len(inside["elbo"])), np.zeros(len(outside["elbo"]))]
    return {name: float(roc_auc_score(labels, np.r_[inside[name], outside[name]])) for name in inside}


def ood_figures() -> dict[str, float]:
    """The flat figures the benchmark reports (issue 5's keys)."""
    figures = {}
    for dataset in OTHER:
        for score, value in ood_auroc(dataset).items():
            figures[f"ood_auroc_{score}_{dataset}_model"] = value
    return figures


OOD_TABLE = CHECKPOINT_ROOT / "ood.json"


def read_ood_table() -> dict[str, float]:
    """The AUROC figures stored by `python -m lab.analysis.ood --write` ({} when missing)."""
    return json.loads(OOD_TABLE.read_text()) if OOD_TABLE.exists() else {}


if __name__ == "__main__":
    torch.set_num_threads(2)
    figures = ood_figures()
    print(f"{'models':<10}{'score':<10}{'AUROC':>8}   (in-distribution test images vs the other dataset's)")
    for name, value in figures.items():
        _, _, score, dataset, _ = name.split("_")
        print(f"{dataset:<10}{score:<10}{value:>8.3f}")
    if "--write" in sys.argv[1:]:
        OOD_TABLE.write_text(json.dumps(figures, indent=2) + "\n")
        print(f"wrote {OOD_TABLE}")
