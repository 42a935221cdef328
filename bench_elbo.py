"""Issue 17's figures for the "VAE: the ELBO" tab (part of `python -m bench`; `--only elbo`).

- elbo_integral_p50_ms, elbo_posterior_p50_ms: the tab's two panels at their defaults, a test image in;
- the likelihood figures of lab.analysis.likelihood.measure: the 2-d VAE's gap on the grid (200 test digits)
  and the 16-d VAE's importance-weighted log-likelihood, K = 1,000 (1,000 test digits).
"""
from __future__ import annotations

import time

import numpy as np


def bench_elbo(repeats: int = 10) -> dict:
    from demo.tabs.elbo import show_integral, show_posterior

    def p50_ms(panel, *arguments) -> float:
        panel(*arguments)   # warm-up: loads the models
        timings = []
        for _ in range(repeats):
            started = time.perf_counter()
            panel(*arguments)
            timings.append(time.perf_counter() - started)
        return float(np.percentile(timings, 50) * 1000)

    return {"elbo_integral_p50_ms": p50_ms(show_integral, "test", 3, "mnist", 100),
            "elbo_posterior_p50_ms": p50_ms(show_posterior, "test", 3, "mnist")}


def bench_elbo_quality() -> dict:
    from lab.analysis.likelihood import measure

    return measure("mnist")
