"""The PixelCNN's measured sampling defaults and its quality figures (the tab's model side is
`lab.api.autoregressive`).

Lecture, "Modelos autoregresivos": p(x) = Π_i p(x_i | x_<i), each factor a 256-way classification of an
8-bit pixel, sampled in raster order; maximum likelihood is the training loss, so the likelihood of any
image can be read off exactly, pixel by pixel.

    python -m lab.autoregressive --dataset mnist --write    # quality.json: accuracy, FD, NLL next to the VAE
    python -m lab.autoregressive --dataset mnist --bayes --write   # p(y|x) by Bayes' rule vs the classifier
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import torch

from lab.checkpoints import load_model, shipped_path
from lab.data import load_dataset
from lab.device import get_device, make_generator
from lab.evaluate import calibration, evaluate
from lab.examples import load_examples
from lab.models.pixelcnn import sample_raster

# The tab's defaults, measured (README). Unguided, T = 1.1: at 1.0 strokes break off more often. A model
# trained with label dropout (both shipped ones) samples at T = 1 with guidance 1.5, which lifts class
# accuracy from 89 % to 97 % on mnist and from 87 % to 96 % on fashion with a small loss of variety (w = 2
# costs much more).
DEFAULT_TEMPERATURE = 1.1
GUIDED_TEMPERATURE = 1.0
DEFAULT_GUIDANCE = 1.5
QUALITY_SEED = 2024


def defaults_for(model) -> dict:
    """Temperature and guidance to sample `model` at: guided where it also learned p(x), as measured."""
    guided = model.config.label_dropout > 0     # it also learned p(x) (the "no class" label): guidance works
    return {"temperature": GUIDED_TEMPERATURE if guided else DEFAULT_TEMPERATURE,
            "guidance": DEFAULT_GUIDANCE if guided else 1.0, "guidance_available": guided}


def measure(dataset: str, count: int = 1000, temperature: float | None = None, guidance: float | None = None,
            folder: Path | None = None, batch_size: int = 250) -> dict:
    """Quality of the shipped PixelCNN (or the checkpoint in `folder`, a candidate): class accuracy and
    Fréchet distance of `count` samples, and the test NLL (nats per image and bits per dimension) next to
    the 16-d VAE's −ELBO on the same images. Temperature and guidance default to the tab's. Samples are
    drawn on the lab's device; a seed draws the same numbers only on the same kind of device."""
    from lab.diffusion.quality import evaluate_samples

    device = get_device()
    model, _ = load_model(folder or shipped_path(dataset, "pixelcnn"), device)
    defaults = defaults_for(model)
    temperature = defaults["temperature"] if temperature is None else temperature
    guidance = defaults["guidance"] if guidance is None else guidance
    labels = torch.arange(count, device=device) % model.config.num_classes
    generator = make_generator(QUALITY_SEED, device)
    started = time.perf_counter()
    values = torch.cat([sample_raster(model, labels[start: start + batch_size], temperature=temperature,
                                      guidance=guidance, generator=generator).cpu()
                        for start in range(0, count, batch_size)])
    labels = labels.cpu()
    seconds = time.perf_counter() - started
    figures = evaluate_samples((values.float() / 255)[:, None], labels, dataset)
    test = load_dataset(dataset, "test")        # the whole held-out split, as metrics.json
    figures.update({f"test_{name}": value for name, value in evaluate(model, test).items()})
    figures["vae16_test_nelbo"] = evaluate(load_model(shipped_path(dataset, "vae16"))[0], test)["nelbo"]
    figures.update(test_images=len(test), temperature=temperature, guidance=guidance,
                   sample_seconds=round(seconds, 1))
    return figures


@torch.inference_mode()
def bayes_classifier(dataset: str, folder: Path | None = None, batch_size: int = 20) -> dict:
    """The PixelCNN as a classifier by Bayes' rule, p(y | x) = p(x | y)·P(y) / Σ_y' p(x | y')·P(y') with a
    uniform P(y), against the shipped discriminative classifier, on the shipped test images: accuracy,
    mean confidence, mean confidence when wrong and expected calibration error of each (lab.evaluate)."""
    device = get_device()
    model, _ = load_model(folder or shipped_path(dataset, "pixelcnn"), device)
    classifier, _ = load_model(shipped_path(dataset, "classifier"), device)
    test = load_examples(dataset)
    classes = model.config.num_classes
    posteriors, discriminative = [], []
    for start in range(0, len(test), batch_size):
        images = test.images[start: start + batch_size].to(device)                  # (B, 1, 28, 28)
        every_class = images.repeat_interleave(classes, dim=0)                      # (B·C, 1, 28, 28)
        labels = torch.arange(classes, device=device).repeat(len(images))
        log_likelihood = -model.pixel_nll(every_class, labels).flatten(1).sum(1)   # log p(x | y), (B·C,)
        posteriors.append(torch.softmax(log_likelihood.view(len(images), classes), dim=1).cpu())
        discriminative.append(classifier.probabilities(images).cpu())
    figures = {"bayes_images": len(test)}
    for name, probabilities in (("bayes", torch.cat(posteriors)), ("classifier", torch.cat(discriminative))):
        figures.update({f"{name}_{key}": value for key, value in calibration(probabilities, test.labels).items()})
    return figures


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(prog="python -m lab.autoregressive", description=__doc__.split("\n\n")[0])
    parser.add_argument("--dataset", choices=["mnist", "fashion"], default="mnist")
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--temperature", type=float,
                        help=f"default {GUIDED_TEMPERATURE} guided, else {DEFAULT_TEMPERATURE}")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--guidance", type=float,
                        help=f"default {DEFAULT_GUIDANCE} for a model trained with label dropout, else 1")
    parser.add_argument("--checkpoint", type=Path, metavar="DIR",
                        help="measure this checkpoint folder (a candidate) instead of the shipped one")
    parser.add_argument("--bayes", action="store_true",
                        help="only the PixelCNN as a classifier by Bayes' rule, next to the classifier "
                             "(merged into quality.json with --write)")
    parser.add_argument("--write", action="store_true", help="store the figures in the checkpoint's quality.json")
    args = parser.parse_args(argv)
    torch.set_num_threads(args.threads)
    folder = args.checkpoint or shipped_path(args.dataset, "pixelcnn")
    if args.bayes:
        figures = bayes_classifier(args.dataset, folder)
    else:
        figures = measure(args.dataset, args.count, args.temperature, args.guidance, folder)
    print(json.dumps(figures, indent=2))
    if args.write:
        stored = folder / "quality.json"
        previous = json.loads(stored.read_text()) if stored.exists() else {}
        stored.write_text(json.dumps({**previous, **figures}, indent=2) + "\n")
    return figures


if __name__ == "__main__":
    main()
