"""Outliers, the model side: an input scored by the classifier's max p(y|x) and by the 16-d VAE's ELBO,
each placed among the test images' scores, and the stored AUROC of both on the whole other dataset
(lecture: "Detección de outliers" with a density model)."""
from __future__ import annotations

import numpy as np

from lab.analysis.ood import read_ood_table
from lab.analysis.outliers import OUTLIER_KINDS, make_outlier, score_image

__all__ = ["OUTLIER_KINDS", "make_outlier", "read_ood_table", "score_image"]


def reject_threshold(reference_elbo: np.ndarray, percent: float) -> float:
    """The ELBO below which `percent` % of the (sorted) test images' ELBOs fall: inputs under it are rejected."""
    return float(reference_elbo[min(len(reference_elbo) - 1, int(len(reference_elbo) * percent / 100))])
