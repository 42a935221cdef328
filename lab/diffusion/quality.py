"""How good are the diffusion samples? Accuracy against the requested class, and a Fréchet distance.

- conditional accuracy: draw N samples, N/10 per class, and let the judge label them: a shipped classifier
  that stays fixed (lab.checkpoints.JUDGES; mnist's is the classifier trained on scans only);
- Fréchet distance (FID's formula, Heusel et al. 2017) between samples and held-out test images in the
  judge's 128-d feature space (Inception is not available offline, and a digit classifier's features are
  the meaningful ones here): ‖μ_a − μ_b‖² + Tr(Σ_a + Σ_b − 2(Σ_a Σ_b)^½);
- the floor: the same distance between as many training images and the held-out ones, i.e. what real
  data scores; samples cannot be expected to beat it;
- for latent diffusion, the ceiling its decoder sets: the same distance for the 16-d VAE's reconstructions
  (decoded posterior means) of the held-out images. A latent sample is drawn by that decoder, so it cannot
  look better than this.

    python -m lab.diffusion.quality --dataset mnist            # print the figures
    python -m lab.diffusion.quality --dataset mnist --write    # and store them in the checkpoint's quality.json
    python -m lab.diffusion.quality --dataset mnist --sampler ddpm --steps 1000 --count 200 --write
        # the slow reference at matched sample count, stored as quality-ddpm-1000-w<w>.json
    python -m lab.diffusion.quality --dataset mnist --model latent-diffusion --write   # latent diffusion
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np
import torch
from scipy import linalg

from lab.checkpoints import judge_path, load_model, shipped_path
from lab.diffusion import latents
from lab.diffusion.sampling import sample
from lab.examples import load_examples
from lab.models.denoiser import to_pixel_range

# The tabs' defaults, where the shipped figures are measured. Pixel diffusion drew 20 steps at w = 3 until
# issue 19: typical samples, not varied ones (Fréchet distance 5-7x the floor). Its defaults per dataset come
# from the README's table of what was tried; latent diffusion's figures stand at w = 3.
PIXEL_DEFAULTS = {"mnist": {"sampler": "dpm++ sde", "steps": 50, "guidance_scale": 1.5},
                  "fashion": {"sampler": "dpm++ sde", "steps": 40, "guidance_scale": 2.0}}
LATENT_DEFAULTS = {"sampler": "dpm++ sde", "steps": 20, "guidance_scale": 3.0}
QUALITY_SEED = 2024


@torch.inference_mode()
def generate(model, labels: torch.Tensor, *, sampler: str, steps: int, guidance_scale: float, seed: int,
             vae=None, batch_size: int = 250) -> torch.Tensor:
    """Samples for every label, in batches: (N, 1, 28, 28) in [0, 1]. A latent denoiser's samples are
    decoded by `vae`, its first stage."""
    generator = torch.Generator().manual_seed(seed)
    images = []
    for start in range(0, len(labels), batch_size):
        drawn = sample(model, labels[start: start + batch_size], sampler=sampler, steps=steps,
                       guidance_scale=guidance_scale, generator=generator)
        images.append(latents.decode(vae, drawn, model.config.latent_scale) if model.kind == "latent_denoiser"
                      else to_pixel_range(drawn))
    return torch.cat(images).cpu()


@torch.inference_mode()
def features(classifier, images: torch.Tensor, batch_size: int = 500) -> np.ndarray:
    device = next(classifier.parameters()).device
    return torch.cat([classifier.embed(images[i: i + batch_size].to(device)).cpu()
                      for i in range(0, len(images), batch_size)]).double().numpy()


def frechet_distance(features_a: np.ndarray, features_b: np.ndarray) -> float:
    """‖μ_a − μ_b‖² + Tr(Σ_a + Σ_b − 2(Σ_a Σ_b)^½) between two (N, D) feature sets."""
    mean_a, mean_b = features_a.mean(axis=0), features_b.mean(axis=0)
    cov_a, cov_b = np.cov(features_a, rowvar=False), np.cov(features_b, rowvar=False)
    root = linalg.sqrtm(cov_a @ cov_b).real   # numerical noise can leave tiny imaginary parts
    return float(((mean_a - mean_b) ** 2).sum() + np.trace(cov_a + cov_b - 2 * root))


HISTOGRAM_BINS = 32


def pixel_histogram(images: torch.Tensor, bins: int = HISTOGRAM_BINS) -> np.ndarray:
    """The fraction of all pixels of `images` (any shape, values in [0, 1]) in each of `bins` equal bins."""
    counts = torch.histc(images.float().flatten(), bins=bins, min=0.0, max=1.0)
    return (counts / counts.sum()).numpy()


def histogram_distance(images_a: torch.Tensor, images_b: torch.Tensor) -> float:
    """Total variation ½·Σ|p_a − p_b| between two sets' pixel-value histograms: the share of pixels that
    would have to change bin. Binarised samples (ink at 0 or 1, no grey edges) score high against scans."""
    return total_variation(pixel_histogram(images_a), pixel_histogram(images_b))


def total_variation(histogram_a: np.ndarray, histogram_b: np.ndarray) -> float:
    """½·Σ|p_a − p_b| between two histograms of shares."""
    return float(0.5 * np.abs(histogram_a - histogram_b).sum())


def evaluate_samples(samples: torch.Tensor, labels: torch.Tensor, dataset: str, classifier=None) -> dict:
    """Accuracy of the classifier on samples against their requested labels, and the Fréchet distances."""
    classifier = classifier or load_model(judge_path(dataset))[0]
    held_out = load_examples(dataset)
    count = min(len(samples), len(held_out))
    device = next(classifier.parameters()).device
    with torch.inference_mode():
        predicted = torch.cat([classifier(samples[i: i + 500].to(device)).argmax(1).cpu()
                               for i in range(0, len(samples), 500)])
    train = load_examples(dataset, "train")
    floor_images = train.images[torch.randperm(len(train), generator=torch.Generator().manual_seed(0))[:count]]
    held_features = features(classifier, held_out.images[:count])
    return {"cond_accuracy": float((predicted == labels).float().mean()),
            "fd": frechet_distance(features(classifier, samples[:count]), held_features),
            "fd_floor": frechet_distance(features(classifier, floor_images), held_features),
            "pixel_hist_distance": histogram_distance(samples[:count], held_out.images[:count]),
            "pixel_hist_floor": histogram_distance(floor_images, held_out.images[:count]),
            "samples": len(samples), "fd_images": count}


def vae_ceiling(dataset: str, vae, count: int) -> float:
    """The Fréchet distance of the VAE's reconstructions of `count` held-out images to those images."""
    classifier = load_model(judge_path(dataset))[0]
    held_out = load_examples(dataset).images[:count]
    reconstructions = latents.decode(vae, latents.encode(vae, held_out, 1.0), 1.0)
    return frechet_distance(features(classifier, reconstructions), features(classifier, held_out))


def defaults_for(dataset: str, model_name: str = "diffusion") -> dict:
    """The settings a tab opens with for this dataset's model, where its quality.json is measured."""
    return dict(LATENT_DEFAULTS if model_name == "latent-diffusion" else PIXEL_DEFAULTS[dataset])


def measure(dataset: str, folder: Path | None = None, count: int = 1000, model_name: str = "diffusion",
            **settings) -> dict:
    """Draw `count` class-balanced samples at `settings` (the model's defaults otherwise) and evaluate them,
    with the samples' pixel-value histogram; for latent diffusion, also the ceiling its VAE sets."""
    settings = {**defaults_for(dataset, model_name), **settings}
    model, config = load_model(folder or shipped_path(dataset, model_name))
    vae = load_model(shipped_path(dataset, model.config.vae))[0] if model.kind == "latent_denoiser" else None
    classes = config["model"]["num_classes"]
    labels = torch.arange(count) % classes
    started = time.perf_counter()
    samples = generate(model, labels, seed=QUALITY_SEED, vae=vae, **settings)
    seconds = time.perf_counter() - started
    figures = {**evaluate_samples(samples, labels, dataset), **settings, "sample_seconds": round(seconds, 1),
               "pixel_histogram": pixel_histogram(samples).round(6).tolist()}
    if vae is not None:
        figures["fd_vae_ceiling"] = vae_ceiling(dataset, vae, figures["fd_images"])
    return figures


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(prog="python -m lab.diffusion.quality", description=__doc__.split("\n\n")[0])
    parser.add_argument("--dataset", choices=["mnist", "fashion"], default="mnist")
    parser.add_argument("--model", choices=["diffusion", "latent-diffusion"], default="diffusion")
    parser.add_argument("--checkpoint", type=Path, help="default: the shipped <dataset>-<model>")
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--sampler", help="default: the tab's (PIXEL_DEFAULTS, LATENT_DEFAULTS)")
    parser.add_argument("--steps", type=int)
    parser.add_argument("--guidance-scale", type=float)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--write", action="store_true", help="store the figures in the checkpoint's quality.json")
    args = parser.parse_args(argv)
    torch.set_num_threads(args.threads)
    folder = args.checkpoint or shipped_path(args.dataset, args.model)
    chosen = {"sampler": args.sampler, "steps": args.steps, "guidance_scale": args.guidance_scale}
    figures = measure(args.dataset, folder, args.count, args.model,
                      **{key: value for key, value in chosen.items() if value is not None})
    print(json.dumps({key: value for key, value in figures.items() if key != "pixel_histogram"}, indent=2))
    if args.write:
        defaults = defaults_for(args.dataset, args.model)
        at_defaults = all(figures[key] == value for key, value in defaults.items()) and args.count == 1000
        name = "quality.json" if at_defaults else \
            f"quality-{figures['sampler'].replace(' ', '-')}-{figures['steps']}-w{figures['guidance_scale']:g}.json"
        (folder / name).write_text(json.dumps(figures, indent=2) + "\n")
    return figures


if __name__ == "__main__":
    main()
