"""The lessons' panels: for each step of a lesson, the pictures its question is about and the live answer the
reveal prints, computed from the shipped models and data (the lessons themselves are text: demo/lessons/).

A panel is a function registered under the name a lesson step gives. It returns
`{'shown': [(image, caption_en, caption_es)], 'revealed': [...], 'facts': {name: number}, 'answer': index
or None}`: the pictures shown with the question, those shown only at the reveal, the numbers the reveal's
text cites as {name}, and, for a question whose right option depends on the live models, which one it is.
A panel that reads the student's drawing takes it (a (28, 28) image in [0, 1], or None for a test image);
the others depend on nothing, so the facade computes them once.
"""
from __future__ import annotations

import functools
import json
from typing import Callable

import numpy as np
import torch
from sklearn.cluster import KMeans
from sklearn.datasets import load_digits
from sklearn.neighbors import KernelDensity

from lab.analysis.conditional import label_and_image_scores
from lab.analysis.density import best_bandwidth
from lab.analysis.kmeans import agreement
from lab.analysis.pca import image_pca, reconstruct
from lab.analysis.likelihood import importance_log_likelihood
from lab.analysis.toy import make_toy
from lab.checkpoints import GAUSSIAN_DECODER_SIGMAS, TIGHTEST_GAUSSIAN_SIGMA, read_quality, shipped_path
from lab.device import make_generator
from lab.diffusion.quality import generate
from lab.diffusion.schedules import alpha_bar
from lab.evaluate import elbo_estimate
from lab.examples import example_images, load_examples
from lab.prompts import label_from_prompt
from lab.shipped import batch_images, get_model, image_batch

PANELS: dict[str, Callable] = {}
USES_DRAWING: set[str] = set()
ON_THE_GPU: set[str] = set()   # panels that run a sampler's model (a GPU function on ZeroGPU)


def panel(name: str, drawing: bool = False, gpu: bool = False):
    def register(function):
        PANELS[name] = function
        if drawing:
            USES_DRAWING.add(name)
        if gpu:
            ON_THE_GPU.add(name)
        return function
    return register


@functools.cache   # read from the shipped examples once, not at every render of a drawing's panel
def _test_image(label: int, dataset: str = "mnist") -> np.ndarray:
    return next(image for image, image_label in example_images(dataset) if image_label == label)


def _read(dataset: str, image28: np.ndarray) -> tuple[int, float]:
    """The classifier's label for an image and its probability."""
    probabilities = get_model(dataset, "classifier").probabilities(image_batch(image28))[0]
    return int(probabilities.argmax()), float(probabilities.max())


def _metrics(name: str) -> dict:
    return json.loads((shipped_path("mnist", name) / "metrics.json").read_text())


def _quality(name: str) -> dict:
    return read_quality(shipped_path("mnist", name))


# Lesson 1: supervised and unsupervised learning ---------------------------------------------------------------

@panel("kmeans_digits")
def kmeans_digits() -> dict:
    digits = load_digits()
    clusters = KMeans(10, n_init=4, random_state=0).fit(digits.data)
    centroids = [(centre.reshape(8, 8) / 16.0, f"centroid {i + 1}", f"centroide {i + 1}")
                 for i, centre in enumerate(clusters.cluster_centers_)]
    share = agreement(digits.target, clusters.labels_)
    return {"shown": [], "revealed": centroids, "facts": {"agreement": share, "images": len(digits.data)},
            "answer": 0 if share < 0.7 else 1 if share < 0.95 else 2}


@panel("pca_variance")
def pca_variance() -> dict:
    explained = np.cumsum(image_pca("mnist")["explained"])
    k90 = int(np.searchsorted(explained, 0.9) + 1)
    image = _test_image(3)
    rebuilt = [(np.clip(reconstruct("mnist", image, k), 0, 1), f"k = {k}", f"k = {k}") for k in (2, k90)]
    return {"shown": [(image, "a test 3", "un 3 de prueba")], "revealed": rebuilt,
            "facts": {"k90": k90, "k2_share": 100 * explained[1]},
            "answer": 0 if k90 < 5 else 1 if k90 < 150 else 2}


@panel("kde_bandwidth")
def kde_bandwidth() -> dict:
    points, _ = make_toy("moons", seed=0)
    rng = np.random.default_rng(0)
    order = rng.permutation(len(points))
    train, held_out = points[order[:400]], points[order[400:]]
    best = best_bandwidth(train)
    scores = {width: float(KernelDensity(bandwidth=width).fit(train).score_samples(held_out).mean())
              for width in (0.01, best)}
    return {"shown": [], "revealed": [], "answer": 1 if scores[best] > scores[0.01] else 0,
            "facts": {"tiny": scores[0.01], "best": scores[best], "bandwidth": best}}


# Lesson 2: p(x), p(y|x), p(x|y) --------------------------------------------------------------------------------

@panel("noise_class")
def noise_class() -> dict:
    noise = np.random.default_rng(0).random((28, 28)).astype(np.float32)
    label, confidence = _read("mnist", noise)
    return {"shown": [(noise, "uniform noise", "ruido uniforme")], "revealed": [],
            "facts": {"label": label, "confidence": 100 * confidence},
            "answer": 0 if confidence < 0.2 else 1 if confidence < 0.9 else 2}


@panel("blank_likelihood", gpu=True)
def blank_likelihood() -> dict:
    digit, blank = _test_image(7), np.zeros((28, 28), np.float32)
    batch = torch.cat([image_batch(digit), image_batch(blank)])
    log_px = label_and_image_scores(get_model("mnist", "classifier"), get_model("mnist", "pixelcnn"), batch)["log_px"]
    log_px = [float(value) for value in log_px]
    return {"shown": [(digit, "a test 7", "un 7 de prueba"), (blank, "a blank", "una imagen en blanco")],
            "revealed": [], "facts": {"digit": log_px[0], "blank": log_px[1], "ratio": log_px[1] - log_px[0]},
            "answer": 1 if log_px[1] > log_px[0] else 0}


@panel("class_prior")
def class_prior() -> dict:
    examples = load_examples("mnist")
    probabilities = get_model("mnist", "classifier").probabilities(examples.images)
    prior = probabilities.mean(dim=0)
    return {"shown": [], "revealed": [], "facts": {"p1": float(prior[1]), "p5": float(prior[5]),
                                                   "images": len(examples.images)},
            "answer": 1}


@panel("drawing_read", drawing=True)
def drawing_read(drawing: np.ndarray | None) -> dict:
    image = drawing if drawing is not None else _test_image(4)
    label, confidence = _read("mnist", image)
    caption = ("your drawing", "tu dibujo") if drawing is not None else ("a test 4", "un 4 de prueba")
    return {"shown": [(image, *caption)], "revealed": [], "facts": {"label": label, "confidence": 100 * confidence},
            "answer": 0 if confidence < 0.5 else 1 if confidence < 0.9 else 2}


# Lesson 3: autoregressive models ---------------------------------------------------------------------------------

def _per_image_ms(name: str) -> float:
    quality = _quality(name)
    return 1000 * quality["sample_seconds"] / quality["samples"]


@panel("chain_rule")
def chain_rule() -> dict:
    tokens = _quality("tokens")
    image = _test_image(2)
    return {"shown": [(image, "a test 2: 28 x 28", "un 2 de prueba: 28 x 28")], "revealed": [], "answer": None,
            "facts": {"pixels": 28 * 28, "tokens": 7 * 7, "codebook": tokens["vqvae_codebook_size"],
                      "pixel_ms": _per_image_ms("pixelcnn"), "token_ms": _per_image_ms("tokens")}}


@panel("pixelcnn_bits")
def pixelcnn_bits() -> dict:
    quality = _quality("pixelcnn")
    bits = quality["test_bpd"]
    return {"shown": [], "revealed": [], "facts": {"bits": bits, "nats": quality["test_nll"],
                                                   "images": quality["test_images"]},
            "answer": 0 if bits > 4 else 1 if bits > 0.3 else 2}


# Lesson 4: from autoencoders to the VAE --------------------------------------------------------------------------

@panel("ae_midpoint")
def ae_midpoint() -> dict:
    one, seven = _test_image(1), _test_image(7)
    autoencoder = get_model("mnist", "ae16")
    codes = autoencoder.encode(torch.cat([image_batch(one), image_batch(seven)]))
    middle = batch_images(autoencoder.decode(codes.mean(dim=0, keepdim=True)))[0]
    label, confidence = _read("mnist", middle)
    return {"shown": [(one, "a 1", "un 1"), (seven, "a 7", "un 7")],
            "revealed": [(middle, "decoded midpoint", "punto medio decodificado")],
            "facts": {"label": label, "confidence": 100 * confidence},
            "answer": 0 if label in (1, 7) and confidence > 0.9 else 1}


@panel("prior_samples")
def prior_samples() -> dict:
    z = torch.randn(8, 16, generator=torch.Generator().manual_seed(0))
    autoencoder_images = batch_images(get_model("mnist", "ae16").decode(z))
    vae_images = batch_images(torch.sigmoid(get_model("mnist", "vae16").decode(z)))
    classifier = get_model("mnist", "classifier")
    sure = {name: float(classifier.probabilities(torch.from_numpy(images)[:, None]).max(dim=1).values.mean())
            for name, images in (("ae", autoencoder_images), ("vae", vae_images))}
    revealed = ([(image, "autoencoder", "autoencoder") for image in autoencoder_images[:4]]
                + [(image, "VAE", "VAE") for image in vae_images[:4]])
    return {"shown": [], "revealed": revealed, "facts": {"ae": 100 * sure["ae"], "vae": 100 * sure["vae"]},
            "answer": 1 if sure["vae"] > sure["ae"] else 0}


@panel("vae_drawing", drawing=True)
def vae_drawing(drawing: np.ndarray | None) -> dict:
    image = drawing if drawing is not None else _test_image(5)
    vae = get_model("mnist", "vae16")
    batch = image_batch(image)
    rebuilt = batch_images(torch.sigmoid(vae.decode(vae.encode(batch)[0])))[0]
    terms = {name: float(value[0]) for name, value in elbo_estimate(vae, batch).items()}
    caption = ("your drawing", "tu dibujo") if drawing is not None else ("a test 5", "un 5 de prueba")
    return {"shown": [(image, *caption)], "revealed": [(rebuilt, "the VAE's reconstruction", "la reconstrucción del VAE")],
            "facts": {"nelbo": terms["total"], "reconstruction": terms["reconstruction"], "kl": terms["kl"]},
            "answer": 1}


@panel("ood_fashion")
def ood_fashion() -> dict:
    vae = get_model("fashion", "vae16")
    scores = {name: float(elbo_estimate(vae, load_examples(name).images[:300])["total"].mean())
              for name in ("fashion", "mnist")}
    return {"shown": [(_test_image(0, "fashion"), "a test T-shirt", "una camiseta de prueba"),
                      (_test_image(0), "a test 0", "un 0 de prueba")], "revealed": [],
            "facts": {"fashion": scores["fashion"], "mnist": scores["mnist"]},
            "answer": 0 if scores["mnist"] < scores["fashion"] else 1}


# Lesson 5: the ELBO -----------------------------------------------------------------------------------------------

@panel("elbo_terms")
def elbo_terms() -> dict:
    metrics = _metrics("vae16")
    reconstruction, kl = metrics["test_nelbo_reconstruction"], metrics["test_nelbo_kl"]
    return {"shown": [], "revealed": [], "answer": 0 if reconstruction > kl else 1,
            "facts": {"reconstruction": reconstruction, "kl": kl, "nelbo": metrics["test_nelbo"]}}


@panel("elbo_gap")
def elbo_gap() -> dict:
    image = _test_image(9)
    vae, batch = get_model("mnist", "vae16"), image_batch(image)
    nelbo = float(elbo_estimate(vae, batch)["total"][0])
    nll = -importance_log_likelihood(vae, batch, 1000, make_generator(0, torch.device("cpu")))
    gap = nelbo - nll
    return {"shown": [(image, "a test 9", "un 9 de prueba")], "revealed": [],
            "facts": {"nelbo": nelbo, "nll": nll, "gap": gap, "share": 100 * gap / abs(nll)},
            "answer": 0 if gap < 0 else 1 if gap < 0.05 * abs(nll) else 2}


@panel("gaussian_sigma")
def gaussian_sigma() -> dict:
    nelbo = {sigma: _metrics(f"vae16-sigma{sigma:g}")["test_nelbo"] for sigma in GAUSSIAN_DECODER_SIGMAS}
    return {"shown": [], "revealed": [], "answer": GAUSSIAN_DECODER_SIGMAS.index(TIGHTEST_GAUSSIAN_SIGMA),
            "facts": {"tightest": TIGHTEST_GAUSSIAN_SIGMA, **{f"s{i}": value for i, value in enumerate(nelbo.values())}}}


# Lesson 6: diffusion ----------------------------------------------------------------------------------------------

@panel("forward_noise")
def forward_noise() -> dict:
    image = _test_image(3)
    bars = alpha_bar("cosine")
    noise = torch.randn(28, 28, generator=torch.Generator().manual_seed(0)).numpy()
    noised = []
    for t in (100, 300, 500, 700, 999):
        x_t = np.sqrt(float(bars[t])) * (2 * image - 1) + np.sqrt(1 - float(bars[t])) * noise
        noised.append((np.clip((x_t + 1) / 2, 0, 1), f"t = {t}", f"t = {t}"))
    return {"shown": [(image, "x₀", "x₀")], "revealed": noised, "answer": 2,
            "facts": {"signal": float(np.sqrt(bars[999])), "signal_500": float(np.sqrt(bars[500]))}}


def _diffusion_grid(label: int, sampler: str, steps: int, guidance: float, count: int = 4) -> tuple[np.ndarray, int]:
    images = generate(get_model("mnist", "diffusion"), torch.full((count,), label), sampler=sampler, steps=steps,
                      guidance_scale=guidance, seed=0)
    read = get_model("mnist", "classifier").probabilities(images).argmax(dim=1)
    return batch_images(images), int((read == label).sum())


@panel("diffusion_steps", gpu=True)
def diffusion_steps() -> dict:
    grids = {steps: _diffusion_grid(3, sampler, steps, 1.5) for steps, sampler in ((2, "ddim"), (20, "dpm++"),
                                                                                      (1000, "ddpm"))}
    revealed = [(image, f"{steps} steps", f"{steps} pasos") for steps, (images, _) in grids.items() for image in images]
    right = {steps: correct for steps, (_, correct) in grids.items()}
    answer = 1 if abs(right[20] - right[1000]) <= 1 else 0 if right[1000] > right[20] else 2
    return {"shown": [], "revealed": revealed, "answer": answer,
            "facts": {"two": right[2], "twenty": right[20], "thousand": right[1000], "count": 4}}


@panel("guidance", gpu=True)
def guidance() -> dict:
    grids = {scale: _diffusion_grid(8, "dpm++", 20, scale, count=8) for scale in (0.0, 3.0)}
    revealed = [(image, f"w = {scale:g}", f"w = {scale:g}") for scale, (images, _) in grids.items() for image in images[:4]]
    return {"shown": [], "revealed": revealed, "facts": {"w0": grids[0.0][1], "w3": grids[3.0][1], "count": 8},
            "answer": 1 if grids[3.0][1] > grids[0.0][1] else 0}


# Lesson 7: latent diffusion ---------------------------------------------------------------------------------------

@panel("latent_size")
def latent_size() -> dict:
    shape = tuple(get_model("mnist", "latent-diffusion").sample_shape)
    numbers = int(np.prod(shape))
    return {"shown": [], "revealed": [], "answer": None,
            "facts": {"latent": numbers, "pixels": 28 * 28, "fold": 28 * 28 / numbers,
                      "pixel_ms": _per_image_ms("diffusion"), "latent_ms": _per_image_ms("latent-diffusion")}}


@panel("prompt_seven", gpu=True)
def prompt_seven() -> dict:
    model, vae = get_model("mnist", "latent-diffusion"), get_model("mnist", "vae16")
    label, _ = label_from_prompt("mnist", "a seven")
    images = generate(model, torch.full((4,), label), sampler="dpm++", steps=20, guidance_scale=3.0, seed=0, vae=vae)
    read = get_model("mnist", "classifier").probabilities(images).argmax(dim=1)
    revealed = [(image, "\u201ca seven\u201d", "\u201ca seven\u201d") for image in batch_images(images)]
    return {"shown": [], "revealed": revealed, "answer": 1,
            "facts": {"label": label, "sevens": int((read == label).sum()), "count": 4}}


# Lesson 8: the taxonomy -------------------------------------------------------------------------------------------

SAMPLERS = ("pixelcnn", "tokens", "diffusion", "latent-diffusion")   # the options' order in the lessons


@panel("sampling_cost")
def sampling_cost() -> dict:
    per_image = {name: _per_image_ms(name) for name in SAMPLERS}
    return {"shown": [], "revealed": [], "answer": int(np.argmin(list(per_image.values()))),
            "facts": {name.replace("-", "_"): value for name, value in per_image.items()}}


@panel("sample_quality")
def sample_quality() -> dict:
    distances = {name: _quality(name)["fd"] for name in SAMPLERS}
    floor = _quality("diffusion")["fd_floor"]
    return {"shown": [], "revealed": [], "answer": int(np.argmin(list(distances.values()))),
            "facts": {**{name.replace("-", "_"): value for name, value in distances.items()}, "floor": floor}}


@panel("exact_likelihood")
def exact_likelihood() -> dict:
    quality = _quality("pixelcnn")
    return {"shown": [], "revealed": [], "answer": 0,
            "facts": {"pixelcnn_bits": quality["test_bpd"], "vae_nelbo": quality["vae16_test_nelbo"]}}
