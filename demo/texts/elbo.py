"""Text of the "VAE: the ELBO" tab (lecture: "Variational Autoencoders (ELBO)"), in English and Spanish."""

UI = {
    "en": {
        "tab_elbo": "VAE: the ELBO",
        "elbo_intro": (
            "**Why the VAE trains on a bound.** A VAE says how likely an image is by integrating over every "
            "latent z: p_θ(x) = ∫ p_θ(x|z) p(z) dz. No formula gives that integral (an **intractable "
            "density**). Below, the integral sampled two ways for one image, and, with a 2-d latent where it "
            "can be done on a grid, the true posterior p_θ(z|x) and every term of the lecture's identity, "
            "live. With pairs (x, z) we could train p_θ(x|z) directly, like a conditional model; z is never "
            "observed, so it must be integrated out. The lab's VAEs use a Bernoulli decoder (section 3 sets it "
            "against the lecture's Gaussian)."),
        "elbo_samples": "Samples N = K",
        "elbo_integral_title": "1. The integral, sampled",
        "elbo_pairs_title": "1b. If we had pairs (x, z)",
        "elbo_pairs_help": (
            "With pairs, p_θ(x|z) would be trained like any conditional model, supervised. Here the pairs are made "
            "with the VAE's own encoder (z = μ), which we only have because the VAE already learned z: a Gaussian "
            "decoder N(W z + b, σ²I) fitted to them by maximum likelihood, which for a Gaussian is least squares."),
        "elbo_pairs_rows": "Test images; the VAE's decoder; the decoder fitted on pairs",
        "elbo_posterior_title": "2. The 2-d VAE: the true posterior and the gap",
        "elbo_derivation_title": "2b. The derivation, line by line (slides 62–79)",
        "elbo_derivation_help": (
            "Before each next line, say what it will do to the numbers. z is picked as μ + (a, b) ⊙ σ, in steps "
            "of q_φ(z|x)'s own σ from its mean."),
        "elbo_derivation_lines": "Lines shown",
        "elbo_offset_1": "a: z₁ = μ₁ + a·σ₁",
        "elbo_offset_2": "b: z₂ = μ₂ + b·σ₂",
        "elbo_decoder_title": "3. The decoder p_θ(x|z): Bernoulli, or the lecture's Gaussian with σ",
        "elbo_decoder_intro": (
            "The lecture's decoder is Gaussian, p_θ(x|z) = N(μ<sub>x|z</sub>, σ²), so log p_θ(x|z) = −‖x − μ‖²/(2σ²) + C: "
            "an L2 loss whose weight σ sets. A **small σ** weighs every pixel heavily: many nats of "
            "D_KL(q_φ(z|x) ‖ p(z)), codes spread away from the prior, and samples from the prior that land "
            "where no encoding went (odd shapes). A **large σ** spends few nats on the KL: blurry "
            "reconstructions (with 16 dimensions, σ = 1 doubles the squared error on test digits), latents that "
            "fill the prior, smooth samples. With 2 dimensions the two numbers limit the reconstruction whatever "
            "σ is; σ still sets the KL. These VAEs were trained on mnist with each σ (`python -m lab.train vae "
            "--gaussian-sigma "
            "σ`).\n\n**The other tabs use the Bernoulli decoder**, log p_θ(x|z) = Σ x log μ + (1 − x) log(1 − μ): "
            "mnist and Fashion-MNIST pixels sit mostly at 0 or 1, and a Bernoulli needs no σ to be chosen (its "
            "spread, μ(1 − μ), is small exactly where the model is sure). Its price: it is not a distribution "
            "over grey levels, so it has no bits per dimension on 8-bit pixels; the Gaussian has."),
        "elbo_decoder": "Decoder",
        "choice_bernoulli": "Bernoulli (the lab's)",
        "choice_0_05": "Gaussian, σ = 0.05",
        "choice_0_15": "Gaussian, σ = 0.15",
        "choice_0_4": "Gaussian, σ = 0.4",
        "choice_1": "Gaussian, σ = 1",
        "elbo_latent": "Latent dimensions",
        "elbo_reconstruction": "Reconstruction μ<sub>x|z</sub>",
        "elbo_prior_samples": "Samples: z ~ p(z), decoded (the same z for every decoder)",
        "elbo_steps_title": "4. The five training steps, on this image",
        "elbo_new_noise": "New ε",
        "elbo_noise_seed": "ε seed",
        "elbo_decoded": "4. decoded μ<sub>x|z</sub>",
    },
    "es": {
        "tab_elbo": "VAE: el ELBO",
        "elbo_intro": (
            "**Por qué el VAE se entrena con una cota.** Un VAE dice qué tan probable es una imagen integrando "
            "sobre todo latente z: p_θ(x) = ∫ p_θ(x|z) p(z) dz. Ninguna fórmula da esa integral (una "
            "**densidad intratable**). Abajo, la integral sampleada de dos formas para una imagen y, con un "
            "latente de 2 dimensiones donde se puede hacer en una grilla, la posterior verdadera p_θ(z|x) y "
            "cada término de la identidad de la clase, en vivo. Los VAE del laboratorio usan un decoder "
            "Bernoulli (la sección 3 lo compara con el Gaussiano de la clase). Con pares (x, z) podríamos "
            "entrenar p_θ(x|z) directamente, como un modelo condicional; z nunca se observa, así que hay que "
            "integrarlo."),
        "elbo_samples": "Muestras N = K",
        "elbo_integral_title": "1. La integral, sampleada",
        "elbo_pairs_title": "1b. Si tuviéramos pares (x, z)",
        "elbo_pairs_help": (
            "Con pares, p_θ(x|z) se entrenaría como cualquier modelo condicional, de forma supervisada. Aquí los "
            "pares se hacen con el propio encoder del VAE (z = μ), que solo tenemos porque el VAE ya aprendió z: "
            "un decoder Gaussiano N(W z + b, σ²I) ajustado a ellos por máxima likelihood, que para una Gaussiana "
            "son mínimos cuadrados."),
        "elbo_pairs_rows": "Imágenes de test; el decoder del VAE; el decoder ajustado con pares",
        "elbo_posterior_title": "2. El VAE 2-d: la posterior verdadera y la brecha",
        "elbo_derivation_title": "2b. La derivación, línea a línea (diapositivas 62–79)",
        "elbo_derivation_help": (
            "Antes de cada línea nueva, di qué le hará a las cifras. z se elige como μ + (a, b) ⊙ σ, en pasos "
            "del propio σ de q_φ(z|x) desde su media."),
        "elbo_derivation_lines": "Líneas mostradas",
        "elbo_offset_1": "a: z₁ = μ₁ + a·σ₁",
        "elbo_offset_2": "b: z₂ = μ₂ + b·σ₂",
        "elbo_decoder_title": "3. El decoder p_θ(x|z): Bernoulli, o el Gaussiano de la clase con σ",
        "elbo_decoder_intro": (
            "El decoder de la clase es Gaussiano, p_θ(x|z) = N(μ<sub>x|z</sub>, σ²), así que log p_θ(x|z) = "
            "−‖x − μ‖²/(2σ²) + C: una pérdida L2 cuyo peso fija σ. Con **σ pequeño** cada píxel pesa mucho: "
            "muchos nats de D_KL(q_φ(z|x) ‖ p(z)), códigos que se alejan del prior y muestras del prior que caen "
            "donde ninguna codificación fue (formas raras). Con **σ grande** se gastan pocos nats en la KL: "
            "reconstrucciones borrosas (con 16 dimensiones, σ = 1 duplica el error cuadrático en los dígitos de "
            "test), latentes que llenan el prior, muestras suaves. Con 2 dimensiones, los dos números limitan la "
            "reconstrucción sea cual sea σ; σ sigue fijando la KL. Estos VAE se entrenaron en mnist con cada "
            "σ (`python -m lab.train vae --gaussian-sigma σ`).\n\n**Las otras pestañas usan el decoder "
            "Bernoulli**, log p_θ(x|z) = Σ x log μ + (1 − x) log(1 − μ): los píxeles de mnist y Fashion-MNIST "
            "están casi todos en 0 o 1, y un Bernoulli no necesita elegir σ (su dispersión, μ(1 − μ), es "
            "pequeña justo donde el modelo está seguro). Su precio: no es una distribución sobre niveles de "
            "gris, así que no da bits por dimensión sobre píxeles de 8 bits; el Gaussiano sí."),
        "elbo_decoder": "Decoder",
        "choice_bernoulli": "Bernoulli (el del laboratorio)",
        "choice_0_05": "Gaussiano, σ = 0.05",
        "choice_0_15": "Gaussiano, σ = 0.15",
        "choice_0_4": "Gaussiano, σ = 0.4",
        "choice_1": "Gaussiano, σ = 1",
        "elbo_latent": "Dimensiones latentes",
        "elbo_reconstruction": "Reconstrucción μ<sub>x|z</sub>",
        "elbo_prior_samples": "Muestras: z ~ p(z), decodificados (los mismos z para cada decoder)",
        "elbo_steps_title": "4. Los cinco pasos de entrenamiento, en esta imagen",
        "elbo_new_noise": "Nuevo ε",
        "elbo_noise_seed": "Semilla de ε",
        "elbo_decoded": "4. μ<sub>x|z</sub> decodificado",
    },
}

DYNAMIC = {
    "en": {
        "elbo_pairs_note": (
            "Fitted on **{pairs:,} pairs in {seconds:.1f} s**, closed form, no ELBO: a plain regression. A linear "
            "decoder (the one probabilistic PCA has) gets only the blurry shape of each test image from its z: "
            "squared error {pairs_error:.4f} per pixel, against {vae_error:.4f} for the VAE's network, which a "
            "network trained on the same pairs could approach. But z is never observed: the pairs above borrowed "
            "a trained encoder. Without it z must be integrated out, and that integral is the rest of this tab."),
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
            "explains this image: *no podemos integrar sobre todo z* (\"we cannot integrate over every z\"). The encoder says where to look."),
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
        "elbo_line_1": (
            "**1. Bayes' rule**, true for any z: log p_θ(x) = log p_θ(x|z) p(z) / p_θ(z|x). At the picked z: "
            "{given_z:.2f} + ({prior:.2f}) − ({posterior:.2f}) = **{bayes:.2f}** nats. p_θ(z|x) *cannot be "
            "computed*; here, with 2 latent dimensions, the grid gives it."),
        "elbo_line_2": (
            "**2. × q/q**: log p_θ(x) = log [p_θ(x|z) p(z) q_φ(z|x)] / [p_θ(z|x) q_φ(z|x)], the same number, "
            "**{bayes:.2f}**; log q_φ(z|x) = {q:.2f} here."),
        "elbo_line_3": (
            "**3. Three logs**: log p_θ(x) = log p_θ(x|z) − log q_φ(z|x)/p(z) + log q_φ(z|x)/p_θ(z|x) = "
            "{given_z:.2f} − ({q_over_prior:.2f}) + ({q_over_posterior:.2f}) = **{bayes:.2f}**."),
        "elbo_line_4": (
            "**4. E<sub>z∼q_φ(z|x)</sub> on both sides**: log p_θ(x) does not depend on z, so it equals the "
            "three terms' means over z ~ q: {reconstruction:.2f} − {kl_prior:.2f} + {gap:.2f} = "
            "**{log_px:.2f}**."),
        "elbo_line_5": (
            "**5. Two KLs named**: log p_θ(x) = E<sub>z∼q</sub>[log p_θ(x|z)] − D<sub>KL</sub>(q_φ(z|x) ‖ p(z)) + "
            "D<sub>KL</sub>(q_φ(z|x) ‖ p_θ(z|x)): reconstruction {reconstruction:.2f} (computable), prior KL "
            "{kl_prior:.2f} (computable), posterior KL {gap:.2f} (*not* computable, but ≥ 0)."),
        "elbo_line_6": (
            "**6. Drop the KL ≥ 0**: log p_θ(x) ≥ E<sub>z∼q</sub>[log p_θ(x|z)] − D<sub>KL</sub>(q_φ(z|x) ‖ p(z)) "
            "= ELBO: **{log_px:.2f} ≥ {elbo:.2f}**, the *cota inferior* (lower bound) the VAE trains on."),
        "elbo_line_next": "*Line {line} next: what will it change? Move the slider to see.*",
        "elbo_z_table": (
            "| (a, b) | z | log p_θ(x\\|z) | log p(z) | log p_θ(z\\|x) | log p_θ(x\\|z)p(z)/p_θ(z\\|x) | "
            "log q_φ(z\\|x) | log p_θ(x\\|z)p(z)/q_φ(z\\|x) |\n|---|---|---|---|---|---|---|---|"),
        "elbo_z_note": (
            "**Pick any z**: with the true posterior, every row gives log p_θ(x) = **{log_px:.2f}**. With q_φ(z|x) "
            "in its place the value moves with z (from {low:.2f} to {high:.2f} in these rows), and at one z it "
            "can even land above log p_θ(x): only its mean over z ~ q_φ(z|x), the ELBO ({elbo:.2f}), is a bound."),
        "elbo_decoder_table": (
            "| decoder | −E[log p_θ(x\\|z)] | D<sub>KL</sub>(q_φ(z\\|x) ‖ p(z)) | −ELBO | bound on −log P(x), "
            "8-bit, bits/dim | held-out KL |\n|---|---|---|---|---|---|"),
        "elbo_decoder_note": (
            "Nats for this image (mnist VAEs with {latent} latent dimensions). A Gaussian's log p_θ(x|z) is a "
            "*density* over continuous pixels, so its nats do not compare with the Bernoulli's; on one scale, "
            "the 8-bit image's **bits per dimension**, the PixelCNN gives this image an exact −log p(x) of "
            "**{pixel_bits:.2f}** bits/dim (a distribution over the 256 levels of each pixel, chained pixel by "
            "pixel) and the VAEs only a bound (the *cota inferior*, lower bound, turned into bits). A single σ must cover both "
            "the black background and the strokes' edges, which is where its bits go."),
        "elbo_no_bits": "none (not on levels)",
        "elbo_bad_decoder": "Pick a decoder and a latent size from the lists.",
        "elbo_steps_plot": "Steps 1 and 3: μ<sub>z|x</sub>, σ<sub>z|x</sub>, ε and z = μ + σ ⊙ ε per latent dimension",
        "elbo_dimension": "latent dimension",
        "elbo_steps": (
            "1. **Encode**: q_φ(z|x) = N(μ<sub>z|x</sub>, σ²<sub>z|x</sub>): the bars μ and σ ({latent} numbers each).\n"
            "2. **Prior loss**: D<sub>KL</sub>(q_φ(z|x) ‖ p(z)) = **{kl:.2f}** nats.\n"
            "3. **Sample** z ~ q_φ(z|x) as z = μ + σ ⊙ ε, with ε ~ N(0, I): the bars ε (seed {seed}) and z; "
            "first dimensions: {first}.\n"
            "4. **Decode**: μ<sub>x|z</sub> = decoder(z), the image on the right.\n"
            "5. **Reconstruction loss**: −log p_θ(x|z) = **{reconstruction:.2f}** nats.\n\n"
            "Loss = 2 + 5 = **{loss:.2f}** nats, one sample of −ELBO; training lowers its average over "
            "images and ε. New ε: a different z, a different reconstruction loss, the same prior loss."),
        "elbo_gap_small": (
            "small here, {gap:.2f} nats or {share:.1%} of |log p_θ(x)| (under 1 %), so the ELBO is almost "
            "log p_θ(x)."),
        "elbo_gap_large": (
            "large here, {share:.1%} of |log p_θ(x)| (1 % or more): the encoder's Gaussian misses the "
            "posterior's shape or place, and the ELBO undersells this image by {gap:.1f} nats."),
        "elbo_mnist_only": (
            "*Sections 3 and 4 use mnist VAEs (every decoder here was trained on mnist), so they show mnist test "
            "image {index}, not the Fashion-MNIST one above; the PixelCNN's figure is mnist's too.*\n\n"),
        "elbo_negative_loss": (
            " **A negative loss** is no error: at σ = {sigma:g} the Gaussian density peaks at 1/(σ√(2π)) = "
            "{peak:.1f} per pixel, above 1. A density is not a probability, so log p_θ(x|z) can be positive and "
            "−ELBO negative; its bits on 8-bit levels, a probability, stay positive."),
    },
    "es": {
        "elbo_pairs_note": (
            "Ajustado con **{pairs:,} pares en {seconds:.1f} s**, en forma cerrada, sin ELBO: una regresión "
            "común. Un decoder lineal (el de PCA probabilístico) saca de su z solo la forma borrosa de cada imagen "
            "de test: error cuadrático {pairs_error:.4f} por píxel, frente a {vae_error:.4f} de la red del VAE, "
            "a la que una red entrenada con los mismos pares podría acercarse. Pero z nunca se observa: los pares "
            "de arriba tomaron prestado un encoder entrenado. Sin él hay que integrar z, y esa integral es el "
            "resto de esta pestaña."),
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
        "elbo_line_1": (
            "**1. Regla de Bayes**, vale para cualquier z: log p_θ(x) = log p_θ(x|z) p(z) / p_θ(z|x). En el z "
            "elegido: {given_z:.2f} + ({prior:.2f}) − ({posterior:.2f}) = **{bayes:.2f}** nats. p_θ(z|x) *no se "
            "puede computar*; aquí, con 2 dimensiones latentes, la da la grilla."),
        "elbo_line_2": (
            "**2. × q/q**: log p_θ(x) = log [p_θ(x|z) p(z) q_φ(z|x)] / [p_θ(z|x) q_φ(z|x)], la misma cifra, "
            "**{bayes:.2f}**; aquí log q_φ(z|x) = {q:.2f}."),
        "elbo_line_3": (
            "**3. Tres logs**: log p_θ(x) = log p_θ(x|z) − log q_φ(z|x)/p(z) + log q_φ(z|x)/p_θ(z|x) = "
            "{given_z:.2f} − ({q_over_prior:.2f}) + ({q_over_posterior:.2f}) = **{bayes:.2f}**."),
        "elbo_line_4": (
            "**4. E<sub>z∼q_φ(z|x)</sub> a ambos lados**: log p_θ(x) no depende de z, así que es igual a las "
            "medias de los tres términos sobre z ~ q: {reconstruction:.2f} − {kl_prior:.2f} + {gap:.2f} = "
            "**{log_px:.2f}**."),
        "elbo_line_5": (
            "**5. Dos KL con nombre**: log p_θ(x) = E<sub>z∼q</sub>[log p_θ(x|z)] − D<sub>KL</sub>(q_φ(z|x) ‖ "
            "p(z)) + D<sub>KL</sub>(q_φ(z|x) ‖ p_θ(z|x)): reconstrucción {reconstruction:.2f} (se puede computar), "
            "KL al prior {kl_prior:.2f} (se puede computar), KL a la posterior {gap:.2f} (*no* se puede computar, "
            "pero es ≥ 0)."),
        "elbo_line_6": (
            "**6. Se saca la KL ≥ 0**: log p_θ(x) ≥ E<sub>z∼q</sub>[log p_θ(x|z)] − D<sub>KL</sub>(q_φ(z|x) ‖ "
            "p(z)) = ELBO: **{log_px:.2f} ≥ {elbo:.2f}**, la *cota inferior* con la que se entrena el VAE."),
        "elbo_line_next": "*Sigue la línea {line}: ¿qué cambiará? Mueve el deslizador para verlo.*",
        "elbo_z_table": (
            "| (a, b) | z | log p_θ(x\\|z) | log p(z) | log p_θ(z\\|x) | log p_θ(x\\|z)p(z)/p_θ(z\\|x) | "
            "log q_φ(z\\|x) | log p_θ(x\\|z)p(z)/q_φ(z\\|x) |\n|---|---|---|---|---|---|---|---|"),
        "elbo_z_note": (
            "**Elige cualquier z**: con la posterior verdadera, cada fila da log p_θ(x) = **{log_px:.2f}**. Con "
            "q_φ(z|x) en su lugar la cifra se mueve con z (de {low:.2f} a {high:.2f} en estas filas), y en un z "
            "puede incluso quedar sobre log p_θ(x): solo su media sobre z ~ q_φ(z|x), el ELBO ({elbo:.2f}), es "
            "una cota."),
        "elbo_decoder_table": (
            "| decoder | −E[log p_θ(x\\|z)] | D<sub>KL</sub>(q_φ(z\\|x) ‖ p(z)) | −ELBO | cota de −log P(x), "
            "8 bits, bits/dim | KL en test |\n|---|---|---|---|---|---|"),
        "elbo_decoder_note": (
            "Nats para esta imagen (VAE de mnist con {latent} dimensiones latentes). El log p_θ(x|z) de un "
            "Gaussiano es una *densidad* sobre píxeles continuos, así que sus nats no se comparan con los del "
            "Bernoulli; en una sola escala, los **bits por dimensión** de la imagen de 8 bits, el PixelCNN da "
            "a esta imagen un −log p(x) exacto de **{pixel_bits:.2f}** bits/dim (una distribución sobre los 256 "
            "niveles de cada píxel, encadenada píxel a píxel) y los VAE solo una cota (la *cota inferior* en "
            "bits). Un solo σ debe cubrir el fondo negro y los bordes de los trazos: ahí se van sus bits."),
        "elbo_no_bits": "no hay (no es sobre niveles)",
        "elbo_bad_decoder": "Elige un decoder y un tamaño latente de las listas.",
        "elbo_steps_plot": "Pasos 1 y 3: μ<sub>z|x</sub>, σ<sub>z|x</sub>, ε y z = μ + σ ⊙ ε por dimensión latente",
        "elbo_dimension": "dimensión latente",
        "elbo_steps": (
            "1. **Codificar**: q_φ(z|x) = N(μ<sub>z|x</sub>, σ²<sub>z|x</sub>): las barras μ y σ ({latent} números cada una).\n"
            "2. **Pérdida del prior**: D<sub>KL</sub>(q_φ(z|x) ‖ p(z)) = **{kl:.2f}** nats.\n"
            "3. **Samplear** z desde q_φ(z|x) como z = μ + σ ⊙ ε, con ε ~ N(0, I): las barras ε (semilla "
            "{seed}) y z; primeras dimensiones: {first}.\n"
            "4. **Decodificar**: μ<sub>x|z</sub> = decoder(z), la imagen de la derecha.\n"
            "5. **Pérdida de reconstrucción**: −log p_θ(x|z) = **{reconstruction:.2f}** nats.\n\n"
            "Pérdida = 2 + 5 = **{loss:.2f}** nats, una muestra de −ELBO; el entrenamiento baja su promedio "
            "sobre imágenes y ε. Nuevo ε: otro z, otra pérdida de reconstrucción, la misma pérdida del prior."),
        "elbo_gap_small": (
            "aquí es pequeña, {gap:.2f} nats o el {share:.1%} de |log p_θ(x)| (menos del 1 %), así que el ELBO "
            "casi es log p_θ(x)."),
        "elbo_gap_large": (
            "aquí es grande, el {share:.1%} de |log p_θ(x)| (1 % o más): la Gaussiana del encoder no acierta la "
            "forma o el lugar de la posterior, y el ELBO subestima esta imagen en {gap:.1f} nats."),
        "elbo_mnist_only": (
            "*Las secciones 3 y 4 usan VAE de mnist (cada decoder de aquí se entrenó en mnist), así que muestran "
            "la imagen de test {index} de mnist, no la de Fashion-MNIST de arriba; la cifra de la PixelCNN "
            "también es la de mnist.*\n\n"),
        "elbo_negative_loss": (
            " **Una pérdida negativa** no es un error: con σ = {sigma:g} la densidad Gaussiana tiene su máximo "
            "en 1/(σ√(2π)) = {peak:.1f} por píxel, más que 1. Una densidad no es una probabilidad, así que "
            "log p_θ(x|z) puede ser positivo y −ELBO negativo; sus bits sobre niveles de 8 bits, una "
            "probabilidad, siguen siendo positivos."),
    },
}
