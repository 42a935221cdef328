"""Text of the "VAE: the ELBO" tab (lecture: "Variational Autoencoders (ELBO)"), in English and Spanish."""

UI = {
    "en": {
        "tab_elbo": "VAE: the ELBO",
        "elbo_intro": (
            "**Why the VAE trains on a bound.** A VAE says how likely an image is by integrating over every "
            "latent z: p_θ(x) = ∫ p_θ(x|z) p(z) dz. No formula gives that integral (an **intractable "
            "density**). Below, the integral sampled two ways for one image, and, with a 2-d latent where it "
            "can be done on a grid, the true posterior p_θ(z|x) and every term of the lecture's identity, "
            "live. The lab's VAEs use a Bernoulli decoder: log p_θ(x|z) is a sum of per-pixel cross-entropies."),
        "elbo_samples": "Samples N = K",
        "elbo_integral_title": "1. The integral, sampled",
        "elbo_posterior_title": "2. The 2-d VAE: the true posterior and the gap",
    },
    "es": {
        "tab_elbo": "VAE: el ELBO",
        "elbo_intro": (
            "**Por qué el VAE se entrena con una cota.** Un VAE dice qué tan probable es una imagen integrando "
            "sobre todo latente z: p_θ(x) = ∫ p_θ(x|z) p(z) dz. Ninguna fórmula da esa integral (una "
            "**densidad intratable**). Abajo, la integral muestreada de dos formas para una imagen y, con un "
            "latente de 2 dimensiones donde se puede hacer en una grilla, la posterior verdadera p_θ(z|x) y "
            "cada término de la identidad de la clase, en vivo. Los VAE del laboratorio usan un decoder "
            "Bernoulli: log p_θ(x|z) es una suma de entropías cruzadas por píxel."),
        "elbo_samples": "Muestras N = K",
        "elbo_integral_title": "1. La integral, muestreada",
        "elbo_posterior_title": "2. El VAE 2-d: la posterior verdadera y la brecha",
    },
}

DYNAMIC = {
    "en": {
        "elbo_estimates_title": "log p̂(x) with N samples (16-d VAE), {repeats} tries each",
        "elbo_naive": "from the prior: z ~ p(z)",
        "elbo_importance": "from the encoder: z ~ q(z|x)",
        "elbo_axis_samples": "samples (N, K)",
        "elbo_axis_estimate": "log p̂(x) (nats)",
        "elbo_integral_summary": (
            "With **{samples}** samples: from the prior, log p̂(x) = **{naive:.1f}** nats (tries spread over "
            "{naive_spread:.1f}); from the encoder (importance sampling, "
            "log 1/K Σ p_θ(x|z)p(z)/q_φ(z|x)), **{importance:.1f}** (spread {importance_spread:.1f}). With one "
            "sample it is the ELBO's estimate, {elbo:.1f} on average. Drawn from the prior, almost no z "
            "explains this image: *no podemos integrar sobre todo z*. The encoder says where to look."),
        "elbo_map_title": "log p_θ(z|x) on a grid (down to 20 nats below its peak), q_φ(z|x) over it",
        "elbo_posterior": "p_θ(z|x)",
        "elbo_density": "log p (nats)",
        "elbo_q_mean": "μ of q(z|x)",
        "elbo_identity": (
            "log p_θ(x) = E<sub>z∼q_φ(z|x)</sub>[log p_θ(x|z)] − D<sub>KL</sub>(q_φ(z|x) ‖ p(z)) + "
            "D<sub>KL</sub>(q_φ(z|x) ‖ p_θ(z|x))\n\n"
            "**{log_px:.2f}** = {reconstruction:.2f} − {kl_prior:.2f} + **{gap:.2f}** nats\n\n"
            "| term | nats | in the lecture |\n|---|---|---|\n"
            "| E<sub>z∼q_φ(z\\|x)</sub>[log p_θ(x\\|z)] (reconstruction) | {reconstruction:.2f} | can be computed "
            "(sample z ~ q, decode) |\n"
            "| D<sub>KL</sub>(q_φ(z\\|x) ‖ p(z)) (prior) | {kl_prior:.2f} | can be computed (closed form for "
            "Gaussians) |\n"
            "| D<sub>KL</sub>(q_φ(z\\|x) ‖ p_θ(z\\|x)) (the gap) | **{gap:.2f}** | *cannot be computed*: it needs "
            "p_θ(z\\|x). Here, with 2 latent dimensions, it can, on the grid. |\n"
            "| ELBO = the first two (the training objective, a *lower bound*) | {elbo:.2f} | |\n"
            "| log p_θ(x), by the grid | {log_px:.2f} | ≥ ELBO, because the gap is a KL ≥ 0 |\n\n"
            "The gap is how far q_φ(z|x) is from the true posterior: {gap_note}"),
        "elbo_gap_small": "small here, so the ELBO is almost log p_θ(x).",
        "elbo_gap_large": (
            "large here: the encoder's Gaussian misses the posterior's shape or place, and the ELBO "
            "undersells this image by {gap:.1f} nats."),
    },
    "es": {
        "elbo_estimates_title": "log p̂(x) con N muestras (VAE 16-d), {repeats} intentos cada una",
        "elbo_naive": "desde el prior: z ~ p(z)",
        "elbo_importance": "desde el encoder: z ~ q(z|x)",
        "elbo_axis_samples": "muestras (N, K)",
        "elbo_axis_estimate": "log p̂(x) (nats)",
        "elbo_integral_summary": (
            "Con **{samples}** muestras: desde el prior, log p̂(x) = **{naive:.1f}** nats (los intentos se "
            "reparten en {naive_spread:.1f}); desde el encoder (importance sampling, "
            "log 1/K Σ p_θ(x|z)p(z)/q_φ(z|x)), **{importance:.1f}** (reparto {importance_spread:.1f}). Con una "
            "muestra es la estimación del ELBO, {elbo:.1f} en promedio. Sampleando desde el prior, casi "
            "ningún z explica esta imagen: *no podemos integrar sobre todo z*. El encoder dice dónde mirar."),
        "elbo_map_title": "log p_θ(z|x) en una grilla (hasta 20 nats bajo su máximo), q_φ(z|x) encima",
        "elbo_posterior": "p_θ(z|x)",
        "elbo_density": "log p (nats)",
        "elbo_q_mean": "μ de q(z|x)",
        "elbo_identity": (
            "log p_θ(x) = E<sub>z∼q_φ(z|x)</sub>[log p_θ(x|z)] − D<sub>KL</sub>(q_φ(z|x) ‖ p(z)) + "
            "D<sub>KL</sub>(q_φ(z|x) ‖ p_θ(z|x))\n\n"
            "**{log_px:.2f}** = {reconstruction:.2f} − {kl_prior:.2f} + **{gap:.2f}** nats\n\n"
            "| término | nats | en la clase |\n|---|---|---|\n"
            "| E<sub>z∼q_φ(z\\|x)</sub>[log p_θ(x\\|z)] (reconstrucción) | {reconstruction:.2f} | se puede computar "
            "(samplear z ~ q, decodificar) |\n"
            "| D<sub>KL</sub>(q_φ(z\\|x) ‖ p(z)) (prior) | {kl_prior:.2f} | se puede computar para Gaussianos |\n"
            "| D<sub>KL</sub>(q_φ(z\\|x) ‖ p_θ(z\\|x)) (la brecha) | **{gap:.2f}** | *no se puede computar*: "
            "necesita p_θ(z\\|x). Aquí, con 2 dimensiones latentes, sí: en la grilla. |\n"
            "| ELBO = los dos primeros (el objetivo de entrenamiento, una *cota inferior*) | {elbo:.2f} | |\n"
            "| log p_θ(x), por la grilla | {log_px:.2f} | ≥ ELBO, porque la brecha es una KL ≥ 0 |\n\n"
            "La brecha mide qué tan lejos está q_φ(z|x) de la posterior verdadera: {gap_note}"),
        "elbo_gap_small": "aquí es pequeña, así que el ELBO casi es log p_θ(x).",
        "elbo_gap_large": (
            "aquí es grande: la Gaussiana del encoder no acierta la forma o el lugar de la posterior, y el "
            "ELBO subestima esta imagen en {gap:.1f} nats."),
    },
}
