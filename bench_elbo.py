"""Issue 17's figures for the "VAE: the ELBO" and "p(x) · p(y|x) · p(x|y)" tabs (part of `python -m bench`;
`--only elbo`).

- elbo_integral_p50_ms, elbo_posterior_p50_ms, elbo_decoders_p50_ms, elbo_training_step_p50_ms,
  kinds_image_models_p50_ms, kinds_bayes_p50_ms: the panels at their defaults, a test image in;
- the likelihood figures of lab.analysis.likelihood.measure: the 2-d VAE's gap on the grid (200 test digits)
  and the 16-d VAE's importance-weighted log-likelihood, K = 1,000 (1,000 test digits);
- one likelihood scale (lab.analysis.likelihood.measure_bits): the Gaussian-decoder VAEs' bounds and the
  PixelCNN's exact −log p(x) in bits per dimension on the same 1,000 8-bit test digits;
- P(x|y) built by Bayes' rule (lab.analysis.conditional.measure): 1,000 samples, classified;
- gaussian_vae_sigmas: how many σ of the lecture's Gaussian decoder ship.
"""
from __future__ import annotations

import time

import numpy as np


def _p50_ms(panel, *arguments, repeats: int = 10) -> float:
    panel(*arguments)   # warm-up: loads the models, fills the caches of fixed defaults
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        panel(*arguments)
        timings.append(time.perf_counter() - started)
    return float(np.percentile(timings, 50) * 1000)


def bench_elbo(repeats: int = 10) -> dict:
    from demo.tabs.elbo import show_decoders, show_integral, show_posterior, show_training_step
    from demo.tabs.kinds import show_bayes, show_image_models

    return {"elbo_integral_p50_ms": _p50_ms(show_integral, "test", 3, "mnist", 100, repeats=repeats),
            "elbo_posterior_p50_ms": _p50_ms(show_posterior, "test", 3, "mnist", repeats=repeats),
            "elbo_decoders_p50_ms": _p50_ms(show_decoders, "test", 3, "mnist", "16", "0.15", repeats=repeats),
            "elbo_training_step_p50_ms": _p50_ms(show_training_step, "test", 3, "mnist", "16", "0.15", 0,
                                                 repeats=repeats),
            "kinds_image_models_p50_ms": _p50_ms(show_image_models, "test", 3, "mnist", repeats=repeats),
            "kinds_bayes_p50_ms": _p50_ms(show_bayes, "mnist", 3, 1, repeats=repeats)}


def bench_elbo_quality() -> dict:
    from lab.analysis.conditional import measure as measure_conditional
    from lab.analysis.likelihood import measure, measure_bits
    from lab.checkpoints import GAUSSIAN_DECODER_SIGMAS

    return {**measure("mnist"), **measure_bits("mnist"), **measure_conditional("mnist"),
            "gaussian_vae_sigmas": len(GAUSSIAN_DECODER_SIGMAS)}
