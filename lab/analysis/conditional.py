"""Discriminative p(y|x), generative p(x) and conditional generative p(x|y) side by side, on images (lecture:
"Modelos generativos vs discriminativos").

- A density is normalised, ∫ p(x) dx = 1: raising it in one place lowers it elsewhere (`pushed_density`).
- p(y|x) makes the *labels* of one image compete (its bars sum to 1 for any input, noise included); p(x)
  makes *images* compete (noise gets almost no mass), and so does p(x|y) for each label
  (`label_and_image_scores`, with the PixelCNN: a model normalised over 8-bit images).
- Bayes' rule builds a conditional generative model from parts, P(x|y) = P(y|x) / P(y) · P(x): sample the
  VAE's p(x), weigh each sample by the classifier's p(y|x) / P(y), resample (`bayes_conditional`). Possible,
  "pero no es común en la práctica": most samples are wasted, which the effective sample size measures.
"""
from __future__ import annotations

import numpy as np
import torch

from lab.analysis.decoders import to_levels
from lab.analysis.likelihood import DECODE_CHUNK, pixelcnn_class_log_likelihoods, pixelcnn_log_likelihood

POOL_SIZE = 4000      # samples of p(x) that Bayes' rule re-weighs
POOL_SEED = 0


def pushed_density(xs: np.ndarray, density: np.ndarray, centre: float, push: float,
                   width: float) -> np.ndarray:
    """p'(x) ∝ p(x)·exp(push·bump(x)) with a Gaussian bump of `width` at `centre`, normalised again on the
    grid `xs`: mass raised near `centre` is taken from everywhere else."""
    raised = density * np.exp(push * np.exp(-0.5 * ((xs - centre) / width) ** 2))
    return raised / np.trapezoid(raised, xs)


def _device_of(model: torch.nn.Module) -> torch.device:
    return next(model.parameters()).device


@torch.inference_mode()
def label_and_image_scores(classifier, pixelcnn, images: torch.Tensor) -> dict:
    """For images (B, 1, 28, 28) in [0, 1], read as 8-bit images: 'p_y_given_x' (B, C) the classifier's label
    distribution (rows sum to 1 whatever the input); 'log_px_given_y' (B, C) the PixelCNN's exact log p(x|y)
    in nats, each label's competition among images; 'log_px' (B,) its exact log p(x) = log Σ_y p(x|y)/C, a
    distribution over the 256^784 8-bit images, so the images' shares of one unit of mass."""
    log_px_given_y = pixelcnn_class_log_likelihoods(pixelcnn, to_levels(images).to(_device_of(pixelcnn)))
    return {"p_y_given_x": classifier.probabilities(images.to(_device_of(classifier))).cpu().numpy(),
            "log_px_given_y": log_px_given_y.cpu().numpy(),
            "log_px": pixelcnn_log_likelihood(log_px_given_y).cpu().numpy()}


@torch.inference_mode()
def sample_pool(vae, classifier, count: int = POOL_SIZE, seed: int = POOL_SEED) -> dict:
    """`count` samples of the VAE's p(x), each the decoder's mean image μ_x|z of a z ~ p(z) (not pixels drawn
    from p(x|z)), and the classifier's p(y|x) for each:
    {'images' (N, 1, 28, 28), 'p_y_given_x' (N, C)}."""
    z = torch.randn(count, vae.config.latent_dim, generator=torch.Generator().manual_seed(seed))
    z = z.to(next(vae.parameters()).device)
    images = torch.cat([torch.sigmoid(vae.decode(chunk)) for chunk in z.split(DECODE_CHUNK)])
    return {"images": images, "p_y_given_x": classifier.probabilities(images)}


def bayes_conditional(pool: dict, label: int, draws: int, seed: int) -> dict:
    """P(x|y) = P(y|x)/P(y)·P(x) by importance resampling of the pool: each sample of P(x) weighs
    w = P(y|x)/P(y), with P(y) = E_{x~P(x)}[P(y|x)] estimated on the pool (the mean probability, not the share
    of the pool the classifier labels y, which is 'labelled_share'). Returns 'images' (draws, 1, 28, 28)
    resampled by weight, 'p_y' P(y), 'ess' the effective sample size (Σw)²/Σw² of the pool, 'pool' its
    size, 'acceptance' = P(y), the share rejection sampling would keep (P(y|x) ≤ 1 bounds w by 1/P(y)), and
    'mean' E[x|y], the weighted mean: the one answer an L2 loss would give, blurry where x is ambiguous."""
    weights = pool["p_y_given_x"][:, label].double()
    p_y = float(weights.mean())
    labelled = float((pool["p_y_given_x"].argmax(dim=1) == label).double().mean())
    ess = float(weights.sum() ** 2 / weights.pow(2).sum())
    chosen = torch.multinomial(weights, draws, replacement=True, generator=torch.Generator().manual_seed(seed))
    mean = (weights[:, None, None, None] * pool["images"].double()).sum(0) / weights.sum()
    return {"images": pool["images"][chosen], "p_y": p_y, "labelled_share": labelled, "ess": ess,
            "pool": len(weights), "acceptance": p_y, "mean": mean.float()}


def nearest_neighbour_labels(images: torch.Tensor, reference: torch.Tensor, labels: torch.Tensor,
                             k: int = 5) -> torch.Tensor:
    """The majority label of each image's k nearest reference images in pixel space (L2): a judge that took
    no part in building the samples."""
    nearest = torch.cdist(images.flatten(1), reference.flatten(1)).topk(k, largest=False).indices
    return torch.mode(labels[nearest], dim=1).values


@torch.inference_mode()
def measure(dataset: str = "mnist", count: int = 1000, seed: int = 0) -> dict:
    """`count` samples of P(x|y) built by Bayes' rule (an equal share per label), classified by the shipped
    classifier (the bar; the same classifier weighed them, so this says how often a sample drawn in
    proportion to P(y|x) is one it calls y) and by 5 nearest training images in pixel space (an outside
    judge; its accuracy on the real test images is given beside it); with the mean effective sample size."""
    from lab.data import load_dataset
    from lab.shipped import get_model

    vae, classifier = get_model(dataset, "vae16"), get_model(dataset, "classifier")
    pool = sample_pool(vae, classifier)
    classes = pool["p_y_given_x"].shape[1]
    per_label = count // classes
    results = [bayes_conditional(pool, label, per_label, seed + label) for label in range(classes)]
    images = torch.cat([result["images"] for result in results]).cpu()
    labels = torch.arange(classes).repeat_interleave(per_label)
    train, test = load_dataset(dataset, "train"), load_dataset(dataset, "test")
    judged = nearest_neighbour_labels(images, train.images, train.labels)
    judged_test = nearest_neighbour_labels(test.images, train.images, train.labels)
    return {f"bayes_built_conditional_accuracy_{dataset}":
            float((classifier.probabilities(images).argmax(dim=1).cpu() == labels).float().mean()),
            f"bayes_built_knn_judge_accuracy_{dataset}": float((judged == labels).float().mean()),
            f"knn_judge_test_accuracy_{dataset}": float((judged_test == test.labels).float().mean()),
            f"bayes_built_mean_ess_{dataset}": float(sum(r["ess"] for r in results) / classes),
            f"bayes_built_pool_{dataset}": len(pool["images"]), f"bayes_built_samples_{dataset}": len(images)}


if __name__ == "__main__":
    import json
    import sys

    print(json.dumps(measure(*(sys.argv[1:2] or ["mnist"])), indent=1))
