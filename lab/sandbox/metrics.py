"""How close samples are to the data: the maximum mean discrepancy (Gretton et al. 2012), as a ratio.

MMD²(P, Q) = E k(x, x') + E k(y, y') − 2·E k(x, y), here with a sum of Gaussian kernels at several widths
(fine and coarse structure both count), on points standardised by the held-out set. Two finite samples of
the same density still differ, so the figure that means something is the ratio
    MMD(samples, held-out half A) / MMD(held-out half B, held-out half A):
about 1 for a model as good as fresh data, and it grows as the samples miss the data.
"""
from __future__ import annotations

import numpy as np
import torch

WIDTHS = (0.05, 0.1, 0.2, 0.5, 1.0)   # in the held-out points' standard deviations


def mmd(a: np.ndarray, b: np.ndarray) -> float:
    """The (biased, V-statistic) MMD between point sets a (N, 2) and b (M, 2), already standardised."""
    a, b = torch.as_tensor(a, dtype=torch.float64), torch.as_tensor(b, dtype=torch.float64)

    def kernel_mean(x, y):
        distances = torch.cdist(x, y) ** 2
        return sum(torch.exp(-distances / (2 * width ** 2)).mean() for width in WIDTHS)
    squared = kernel_mean(a, a) + kernel_mean(b, b) - 2 * kernel_mean(a, b)
    return float(squared.clamp(min=0).sqrt())


def mmd_ratio(samples: np.ndarray, held_out: np.ndarray) -> float:
    """MMD(samples, first half) / MMD(second half, first half) of `held_out`, both sets standardised by the
    held-out mean and standard deviation; samples should be as many as a half."""
    held_out = np.asarray(held_out, np.float64)
    center, scale = held_out.mean(0), held_out.std()
    half = len(held_out) // 2
    first, second = (held_out[:half] - center) / scale, (held_out[half:2 * half] - center) / scale
    samples = (np.asarray(samples, np.float64)[:half] - center) / scale
    return mmd(samples, first) / mmd(second, first)
