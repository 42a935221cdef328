"""Draw & encode, the model side: a drawing through the autoencoder, the VAE and the classifier
(lecture: autoencoders, VAEs, p(y|x)).

Plain values in and out: drawings as numpy arrays or PIL images, images back as (28, 28) numpy in [0, 1],
numbers as lists and dicts. A checkpoint that fails to load gives None for its outputs and a message.
"""
from __future__ import annotations

import numpy as np
import torch
from PIL import Image, ImageDraw

from lab.checkpoints import CheckpointError
from lab.data import class_names
from lab.device import make_generator, model_device, one_at_a_time
from lab.drawing import model_input
from lab.evaluate import ELBO_SAMPLES, elbo_estimate
from lab.shipped import batch_images, get_model, image_batch


@one_at_a_time
@torch.inference_mode()   # a pen stroke: on the CPU even on ZeroGPU (lab.device.GPU_MODELS)
def encode_drawing(drawing, dataset: str = "mnist", vae_name: str = "vae16") -> dict:
    """Everything the Draw & encode tab shows for one drawing.

    `drawing`: an image of any size and mode (numpy or PIL), or an already preprocessed (28, 28) array.
    Returns a dict with: `input` (28, 28) in [0, 1]; `ae_reconstruction`, `vae_reconstruction` (28, 28);
    `ae_squared_error` ‖x − x̂‖² of the autoencoder (the L2 loss it was trained on, summed over the 784 pixels);
    `posterior_mean`, `posterior_std` (lists, one per latent dimension); `elbo` {reconstruction, kl, total}
    in nats averaged over `elbo_samples` draws of z ~ q(z|x) (lab.evaluate.elbo_estimate: the same number
    every tab shows for this image); `probabilities` p(y|x) (list); `class_names`;
    `errors` {model: CheckpointError} for any checkpoint that failed to load (its outputs are None).
    Raises BlankDrawingError for an empty canvas.
    """
    image28 = model_input(drawing)
    x = image_batch(image28, model_device(vae_name))
    result = {"input": image28, "class_names": list(class_names(dataset)), "errors": {},
              "ae_reconstruction": None, "ae_squared_error": None, "vae_reconstruction": None, "posterior_mean": None,
              "posterior_std": None, "elbo": None, "elbo_samples": ELBO_SAMPLES, "probabilities": None}
    try:
        vae = get_model(dataset, vae_name)
        posterior_mean, posterior_log_variance = vae.encode(x)
        result["vae_reconstruction"] = batch_images(torch.sigmoid(vae.decode(posterior_mean)))[0]
        result["posterior_mean"] = posterior_mean[0].cpu().tolist()
        result["posterior_std"] = torch.exp(0.5 * posterior_log_variance)[0].cpu().tolist()
        result["elbo"] = {name: float(value[0]) for name, value in elbo_estimate(vae, x).items()}
    except CheckpointError as error:
        result["errors"][vae_name] = error
    try:
        autoencoder = get_model(dataset, "ae16")
        reconstruction = autoencoder(x)   # one forward per stroke for both the picture and its L2
        result["ae_reconstruction"] = batch_images(reconstruction)[0]
        result["ae_squared_error"] = float(autoencoder.reconstruction_error(x, reconstruction)[0])
    except CheckpointError as error:
        result["errors"]["ae16"] = error
    try:
        result["probabilities"] = get_model(dataset, "classifier").probabilities(x)[0].cpu().tolist()
    except CheckpointError as error:
        result["errors"]["classifier"] = error
    return result


@one_at_a_time
@torch.inference_mode()
def sample_posterior(drawing, dataset: str = "mnist", vae_name: str = "vae16", count: int = 6,
                     seed: int = 0) -> dict:
    """Decode `count` samples z ~ q(z|x) of the VAE, and the AE's one code decoded `count` times.

    The VAE's decodings differ (the posterior is a distribution); the AE's are identical (a point).
    Returns {"vae": (count, 28, 28) or None, "ae": (count, 28, 28) or None, "errors": {model: CheckpointError}},
    images in [0, 1]; a model whose checkpoint fails to load gives None and a message.
    """
    x = image_batch(model_input(drawing), model_device(vae_name))
    result = {"vae": None, "ae": None, "errors": {}}
    try:
        vae = get_model(dataset, vae_name)
        posterior_mean, posterior_log_variance = vae.encode(x)
        generator = make_generator(seed, torch.device("cpu"))
        z = vae.reparameterize(posterior_mean.expand(count, -1), posterior_log_variance.expand(count, -1),
                               generator)                                     # (count, latent_dim)
        result["vae"] = batch_images(torch.sigmoid(vae.decode(z)))
    except CheckpointError as error:
        result["errors"][vae_name] = error
    try:
        ae = get_model(dataset, "ae16")
        result["ae"] = batch_images(ae.decode(ae.encode(x).expand(count, -1)))
    except CheckpointError as error:
        result["errors"]["ae16"] = error
    return result


def example_drawing(size: int = 280) -> np.ndarray:
    """A pen drawing of a 7 as the sketchpad would give it: (size, size, 3) uint8, black ink on white, a
    uniform stroke with a crossbar. The tab opens on it, encoded."""
    canvas = Image.new("RGB", (size, size), "white")
    pen = ImageDraw.Draw(canvas)
    width = size // 14
    for stroke in ([(0.28, 0.24), (0.72, 0.24), (0.44, 0.80)], [(0.40, 0.52), (0.64, 0.52)]):
        pen.line([(x * size, y * size) for x, y in stroke], fill="black", width=width, joint="curve")
    return np.asarray(canvas)
