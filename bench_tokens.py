"""The Patches → tokens tab's figures for the benchmark (python -m bench --only tokens): a guided 4x4 grid
timed against the PixelCNN's in the same run, and the token model's and the tokenizer's quality."""
from __future__ import annotations

import numpy as np

TOKEN_BARS = {  # issue 18, on 2 CPU cores
    "tokens_grid16_s": ("<=", 0.5), "tokens_cond_accuracy_mnist": (">=", 0.97),
    "tokens_cond_accuracy_fashion": (">=", 0.85), "tokens_fd_ratio_mnist": ("<=", 2.0),
}


def bench_tokens(repeats: int = 5) -> dict:
    """A guided 4x4 grid of token samples as the tab streams it (every token row decoded and yielded), median
    of `repeats` after a warm-up, and the PixelCNN's grid in the same run: the speed-up of 49 steps over 784."""
    from lab.api.autoregressive import grid_rows as pixel_rows, sampling_defaults
    from lab.api.tokens import DEFAULTS, grid_rows

    labels = list(range(10)) + list(range(6))
    seconds = []
    for seed in range(repeats + 1):
        for _, _, elapsed in grid_rows("mnist", labels, DEFAULTS["temperature"], DEFAULTS["top_k"],
                                       DEFAULTS["guidance"], seed):
            pass
        seconds.append(elapsed)
    token_seconds = float(np.median(seconds[1:]))
    pixel_defaults = sampling_defaults("mnist")
    for _, _, pixel_seconds in pixel_rows("mnist", labels, pixel_defaults["temperature"], pixel_defaults["guidance"], 0):
        pass
    return {"tokens_grid16_s": token_seconds, "tokens_pixelcnn_grid16_s": pixel_seconds,
            "tokens_vs_pixels_speedup": pixel_seconds / token_seconds}


def bench_tokens_quality() -> dict:
    """1,000 class-conditional token samples per dataset at the tab's defaults, classified and compared with
    the test images (Fréchet distance and its floor), and the tokenizer next to the 16-d VAE and PCA
    (lab.tokens.measure)."""
    from lab.tokens import measure

    figures = {}
    for dataset in ("mnist", "fashion"):
        measured = measure(dataset)
        figures |= {f"tokens_cond_accuracy_{dataset}": measured["cond_accuracy"],
                    f"tokens_fd_{dataset}": measured["fd"], f"tokens_fd_floor_{dataset}": measured["fd_floor"],
                    f"tokens_fd_ratio_{dataset}": measured["fd"] / measured["fd_floor"],
                    f"tokens_nll_bits_per_token_{dataset}": measured["test_bits_per_token"],
                    f"vqvae_mse_{dataset}": measured["vqvae_squared_error"],
                    f"vqvae_codebook_perplexity_{dataset}": measured["vqvae_perplexity"],
                    f"vqvae_bits_{dataset}": measured["vqvae_bits"],
                    f"vae16_mse_{dataset}": measured["vae16_squared_error"],
                    f"pca16_mse_{dataset}": measured["pca16_squared_error"],
                    f"pca{measured['pca_bits_k']}_mse_{dataset}": measured[f"pca{measured['pca_bits_k']}_squared_error"]}
    return figures
