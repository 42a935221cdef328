"""English and Spanish text. Static labels go through Gradio's I18n (the browser's language picks);
text that handlers compute goes through `text(key, lang)`, with the language read from the request."""
from __future__ import annotations

import gradio as gr

from demo.texts import autoregressive, latent_diffusion

UI_TEXT = {
    "en": {
        "title": "# Generative Models Lab",
        "intro": "The lecture on generative models, made interactive: draw, encode, decode and compare.",
        "tab_draw": "Draw & encode",
        "tab_models": "Models",
        "draw_intro": ("Draw a digit (or a piece of clothing) or pick a test image. The **autoencoder** maps it "
                       "to one point z; the **VAE** maps it to a Gaussian q(z|x) = N(μ, σ²) and bounds its "
                       "likelihood: log p(x) ≥ ELBO = E[log p(x|z)] − KL(q(z|x) ‖ p(z)). The classifier gives "
                       "p(y|x)."),
        "sketch": "Draw here",
        "clear": "Clear",
        "encode": "Encode",
        "dataset": "Dataset",
        "vae_choice": "VAE latent size",
        "examples": "Or pick a test image",
        "input28": "Input x, 28×28",
        "ae_recon": "Autoencoder x̂ = dec(enc(x))",
        "vae_recon": "VAE x̂ = dec(μ)",
        "probabilities": "Classifier p(y|x)",
        "posterior": "Posterior q(z|x): μ ± σ per dimension",
        "elbo": "ELBO terms (nats)",
        "resample_title": "### Resample z\nDecoding several z ~ q(z|x) varies; the autoencoder's single z always decodes the same.",
        "resample": "Resample z",
        "seed": "Seed", "seed_noise": "Seed of ε",
        "vae_samples": "VAE: dec(z), z ~ q(z|x)",
        "ae_samples": "Autoencoder: dec(z), the same z",
        "models_intro": "The shipped checkpoints, trained by `python -m lab.train` on real data, and their held-out figures.",
        "refresh": "Refresh",
        "tab_kmeans": "k-means",
        "kmeans_intro": ("**Unsupervised learning: only x, no labels.** k-means alternates two steps: assign each "
                         "point to its nearest centroid, c_i = argmin_k ‖x_i − μ_k‖², then move each centroid to "
                         "the mean of its points. The inertia Σ‖x_i − μ_{c_i}‖² never goes up. Move the step "
                         "slider to watch it."),
        "toy_data": "Data", "init": "Initialisation", "step": "Step",
        "sources_info": "Toy sets; the 8x8 digits (PCA to 2-D); the 2-d VAE's mnist latents; or drawn points",
        "points_canvas": "Draw your own points", "use_drawing": "Use these points",
        "points_canvas_help": "Bring your own data: draw strokes (clusters, a ring, a letter); each bit of ink becomes points, 600 in all. Then press the button; every new stroke updates the result.",
        "tab_pca": "PCA",
        "pca_intro": ("**Dimensionality reduction.** PCA finds the directions u_1, u_2, … of largest variance. Left: the "
                      "principal axes of 2-D points. Right: the same on 28×28 images; an image rebuilt from its first k "
                      "components, x̂ = mean + Σ_{j<k} ((x − mean)·u_j) u_j, is exact when k = 784."),
        "pca_components": "Mean image, then u_1 … u_7 (grey 0, white +, black −)",
        "pca_source": "Image to rebuild", "pca_k": "k components",
        "pca_original": "x", "pca_rebuilt": "x̂ from k components",
        "tab_bayes": "Bayes",
        "bayes_intro": ("**Discriminative vs generative.** A discriminative model learns p(y|x) directly. A generative "
                        "model learns p(x|y) for each class and gets the posterior from **Bayes' rule**: "
                        "p(y|x) = p(x|y)·P(y) / p(x), with p(x) = Σ_y p(x|y)·P(y). Move the prior P(y) and watch "
                        "the posterior and its boundary move; the discriminative model has no prior to move. "
                        "Below, the same points with labels (supervised: a classifier's regions) and without "
                        "(unsupervised: k-means clusters)."),
        "bayes_density": "Class density p(x|y)",
        "bayes_prior_help": "Prior P(y): relative weights, normalised to sum to 1.",
        "tab_outliers": "Outliers",
        "outlier_intro": ("**Outlier rejection.** A classifier p(y|x) must spread its probability over the classes it "
                          "knows, so it labels a letter or a scribble, often confidently. A density model gives "
                          "every input a likelihood: the VAE's ELBO (a lower bound on log p(x)) can say "
                          "*unlikely*. Pick an input; its ELBO is placed among the test images' ELBOs, and it is "
                          "rejected below the chosen percentile."),
        "outlier_source": "Input",
        "outlier_models": "Models trained on",
        "outlier_threshold": "Reject below this percentile of the test set's ELBO",
        "kde_digits_intro": ("### A density that generates: KDE in PCA space\nscikit-learn's 1,797 digits (8x8) are projected "
                             "onto their first k principal components; a KDE is fitted there (bandwidth by 5-fold "
                             "cross-validation) and sampled; the samples go back to pixels through the PCA. Below "
                             "each new digit, its nearest training digit: a small bandwidth copies, a large one blurs."),
        "kde_components": "Principal components k", "kde_use_cv": "Bandwidth by cross-validation",
        "kde_generate": "Generate 16 digits", "kde_samples": "New digits from the KDE",
        "kde_nearest": "Their nearest training digits",
        "tab_diffusion": "Diffusion",
        "diffusion_intro": ("**Diffusion models.** Corrupt an image step by step with Gaussian noise until nothing is "
                            "left, and train a network f_θ(x_t, t, y) to predict the noise ε in x_t; sampling starts "
                            "from pure noise and removes a little of the predicted noise at every step. The label y "
                            "is dropped 10 % of the time in training, so one network gives both ε̂(x_t, t, y) and "
                            "ε̂(x_t, t, ∅), and **classifier-free guidance** mixes them: "
                            "ε̂ = ε̂(∅) + w·(ε̂(y) − ε̂(∅))."),
        "schedule_title": "Noise schedule: how fast the signal fades",
        "forward_title": "### Forward process: x_t = √ᾱ_t·x0 + √(1−ᾱ_t)·ε",
        "reverse_title": "### Reverse process, step by step",
        "compare_title": "### Samplers compared, and a 4x4 grid",
        "sdedit_title": ("### SDEdit: start from an image\nNoise the image to a level and denoise it back with the "
                         "chosen class: what survives is what the noise did not erase; the rest the model invents."),
        "image_source": "Image", "test_image": "test image", "my_drawing": "my drawing (Draw & encode)",
        "test_index": "Test image number", "schedule": "Schedule", "class_label": "Class y",
        "guidance": "Guidance scale w", "sampler": "Sampler", "steps": "Steps",
        "run_trajectory": "Run the reverse process", "play": "▶ Play",
        "trajectory_gif": "The trajectory as a GIF (x_t and x̂0)",
        "compare_samplers": "Compare the samplers (same seed)", "sample_grid": "Sample a 4x4 grid",
        "compare_gallery": "One seed, each sampler", "grid16": "16 samples",
        "strength": "Noise level (share of the steps run)", "run_sdedit": "Noise and denoise",
        "sdedit_strip": "start, noised x_t, four denoisings",
        "tab_density": "Densities",
        "density_intro": ("**Density estimation:** learn p(x) from points alone. A histogram counts per bin; a KDE puts a "
                          "Gaussian bump of width h on every point, p(x) = 1/N Σ K_h(x − x_i); a Gaussian mixture fits "
                          "p(x) = Σ π_k N(x; μ_k, Σ_k) by EM. The table scores each on held-out points (30 %): "
                          "higher mean log p(x) is better; a gap to the training score means overfitting."),
        "bins": "Histogram bins", "bandwidth": "KDE bandwidth h", "cv_bandwidth": "Bandwidth by cross-validation",
        "components": "Mixture components", "covariance": "Covariance type", "show_samples": "Draw samples from each",
        "tab_latent": "Latent explorer",
        "latent_intro": ("Every test image placed by its code. An **autoencoder**'s z can land anywhere, so a new z "
                         "is hard to pick; a **VAE** is trained so that z follows the prior N(0, I). Click the map "
                         "to decode that point."),
        "latent_model": "Model",
        "projection": "Projection (16-d latents)",
        "map": "Test set in latent space (click to decode)",
        "export_csv": "Download the points (CSV)",
        "decoded_here": "Decoded at the clicked point",
        "point": "Clicked point (map coordinates)",
        "nearest": "Nearest test images on the map",
        "prior_title": "### Sampling the prior z ~ N(0, I)\nThe same 16 codes decoded by the VAE and by the autoencoder; the 2-d VAE's manifold laid out by the prior's quantiles.",
        "sample_prior": "Sample z ~ N(0, I)",
        "vae_prior": "VAE 16-d: dec(z)",
        "ae_prior": "Autoencoder 16-d: dec(z)",
        "manifold": "VAE 2-d manifold (grid at Φ⁻¹ quantiles)",
        "interp_title": "### Interpolation\nFrom one encoding to another, decoded at each step, VAE above the autoencoder.",
        "ep_test": "test image #", "ep_drawing": "my drawing", "ep_clicked": "clicked point",
        "ep_second": "second drawing", "second_pad": "Second drawing (for interpolation)",
        "train_pixel": "Nearest training images (pixels)",
        "train_latent": "Nearest training images (VAE latent)",
        "start": "Start", "end": "End", "test_index": "Test image index",
        "steps": "Steps", "method": "Method", "interpolate": "Interpolate",
        "vae_frames": "VAE 16-d frames", "ae_frames": "Autoencoder 16-d frames",
        "path_map": "The VAE's path on its UMAP map", "gif": "Animated GIF",
        "device": "Models run on",
        "export": "Download encoding (JSON)",
    },
    "es": {
        "title": "# Laboratorio de Modelos Generativos",
        "intro": "La clase de modelos generativos, interactiva: dibuja, codifica, decodifica y compara.",
        "tab_draw": "Dibujar y codificar",
        "tab_models": "Modelos",
        "draw_intro": ("Dibuja un dígito (o una prenda) o elige una imagen de test. El **autoencoder** la lleva "
                       "a un punto z; el **VAE** la lleva a una Gaussiana q(z|x) = N(μ, σ²) y acota su "
                       "likelihood: log p(x) ≥ ELBO = E[log p(x|z)] − KL(q(z|x) ‖ p(z)). El clasificador da "
                       "p(y|x)."),
        "sketch": "Dibuja aquí",
        "clear": "Borrar",
        "encode": "Codificar",
        "dataset": "Conjunto de datos",
        "vae_choice": "Tamaño del latente del VAE",
        "examples": "O elige una imagen de test",
        "input28": "Entrada x, 28×28",
        "ae_recon": "Autoencoder x̂ = dec(enc(x))",
        "vae_recon": "VAE x̂ = dec(μ)",
        "probabilities": "Clasificador p(y|x)",
        "posterior": "Posterior q(z|x): μ ± σ por dimensión",
        "elbo": "Términos del ELBO (nats)",
        "resample_title": "### Remuestrear z\nDecodificar varios z ~ q(z|x) varía; el único z del autoencoder siempre decodifica igual.",
        "resample": "Remuestrear z",
        "seed": "Semilla", "seed_noise": "Semilla de ε",
        "vae_samples": "VAE: dec(z), z ~ q(z|x)",
        "ae_samples": "Autoencoder: dec(z), el mismo z",
        "models_intro": "Los checkpoints incluidos, entrenados con `python -m lab.train` sobre datos reales, y sus cifras en test.",
        "refresh": "Actualizar",
        "tab_kmeans": "k-means",
        "kmeans_intro": ("**Aprendizaje no supervisado: solo x, sin etiquetas.** k-means alterna dos pasos: asignar "
                         "cada punto a su centroide más cercano, c_i = argmin_k ‖x_i − μ_k‖², y mover cada "
                         "centroide a la media de sus puntos. La inercia Σ‖x_i − μ_{c_i}‖² nunca sube. Mueve el "
                         "deslizador de pasos para verlo."),
        "toy_data": "Datos", "init": "Inicialización", "step": "Paso",
        "sources_info": "Conjuntos de juguete; los dígitos 8x8 (PCA a 2-D); los latentes mnist del VAE 2-d; o puntos dibujados",
        "points_canvas": "Dibuja tus propios puntos", "use_drawing": "Usar estos puntos",
        "points_canvas_help": "Trae tus propios datos: dibuja trazos (grupos, un anillo, una letra); cada trozo de tinta se convierte en puntos, 600 en total. Luego pulsa el botón; cada trazo nuevo actualiza el resultado.",
        "tab_pca": "PCA",
        "pca_intro": ("**Reducción de dimensionalidad.** PCA encuentra las direcciones u_1, u_2, … de mayor varianza. "
                      "Izquierda: los ejes principales de puntos 2-D. Derecha: lo mismo con imágenes de 28×28; una imagen "
                      "reconstruida con sus primeras k componentes, x̂ = media + Σ_{j<k} ((x − media)·u_j) u_j, es exacta "
                      "con k = 784."),
        "pca_components": "Imagen media, luego u_1 … u_7 (gris 0, blanco +, negro −)",
        "pca_source": "Imagen a reconstruir", "pca_k": "k componentes",
        "pca_original": "x", "pca_rebuilt": "x̂ con k componentes",
        "tab_bayes": "Bayes",
        "bayes_intro": ("**Discriminativo vs generativo.** Un modelo discriminativo aprende p(y|x) directamente. Un modelo "
                        "generativo aprende p(x|y) para cada clase y obtiene la posterior con la **regla de Bayes**: "
                        "p(y|x) = p(x|y)·P(y) / p(x), con p(x) = Σ_y p(x|y)·P(y). Mueve la prior P(y) y mira cómo se "
                        "mueven la posterior y su frontera; el modelo discriminativo no tiene prior que mover. "
                        "Abajo, los mismos puntos con etiquetas (supervisado: las regiones de un clasificador) y sin "
                        "ellas (no supervisado: clústeres de k-means)."),
        "bayes_density": "Densidad por clase p(x|y)",
        "bayes_prior_help": "Prior P(y): pesos relativos, normalizados para sumar 1.",
        "tab_outliers": "Outliers",
        "outlier_intro": ("**Rechazo de outliers.** Un clasificador p(y|x) debe repartir su probabilidad entre las clases "
                          "que conoce, así que etiqueta una letra o un garabato, a menudo con confianza. Un modelo "
                          "de densidad da a cada entrada una verosimilitud: el ELBO del VAE (una cota inferior de "
                          "log p(x)) puede decir *improbable*. Elige una entrada; su ELBO se sitúa entre los ELBO "
                          "de las imágenes de test y se rechaza por debajo del percentil elegido."),
        "outlier_source": "Entrada",
        "outlier_models": "Modelos entrenados con",
        "outlier_threshold": "Rechazar por debajo de este percentil del ELBO del test",
        "kde_digits_intro": ("### Una densidad que genera: KDE en el espacio PCA\nLos 1.797 dígitos de scikit-learn (8x8) se "
                             "proyectan sobre sus k primeras componentes principales; allí se ajusta un KDE (ancho "
                             "de banda por validación cruzada de 5 particiones) y se muestrea; las muestras vuelven "
                             "a píxeles con la PCA. Debajo de cada dígito nuevo, su dígito de entrenamiento más "
                             "cercano: un ancho pequeño copia, uno grande emborrona."),
        "kde_components": "Componentes principales k", "kde_use_cv": "Ancho de banda por validación cruzada",
        "kde_generate": "Generar 16 dígitos", "kde_samples": "Dígitos nuevos del KDE",
        "kde_nearest": "Sus dígitos de entrenamiento más cercanos",
        "tab_diffusion": "Difusión",
        "diffusion_intro": ("**Modelos de difusión.** Se corrompe una imagen paso a paso con ruido Gaussiano hasta que "
                            "no queda nada, y se entrena una red f_θ(x_t, t, y) que predice el ruido ε en x_t; el "
                            "muestreo parte de ruido puro y quita un poco del ruido predicho en cada paso. La "
                            "etiqueta y se descarta el 10 % de las veces al entrenar, así que una red da "
                            "ε̂(x_t, t, y) y ε̂(x_t, t, ∅), y la **guía sin clasificador** las mezcla: "
                            "ε̂ = ε̂(∅) + w·(ε̂(y) − ε̂(∅))."),
        "schedule_title": "Calendario de ruido: lo rápido que se apaga la señal",
        "forward_title": "### Proceso directo: x_t = √ᾱ_t·x0 + √(1−ᾱ_t)·ε",
        "reverse_title": "### Proceso inverso, paso a paso",
        "compare_title": "### Muestreadores comparados, y una rejilla de 4x4",
        "sdedit_title": ("### SDEdit: partir de una imagen\nSe añade ruido a la imagen hasta un nivel y se quita con la "
                         "clase elegida: lo que sobrevive es lo que el ruido no borró; el resto lo inventa el modelo."),
        "image_source": "Imagen", "test_image": "imagen de test", "my_drawing": "mi dibujo (Dibujar y codificar)",
        "test_index": "Número de imagen de test", "schedule": "Calendario", "class_label": "Clase y",
        "guidance": "Escala de guía w", "sampler": "Muestreador", "steps": "Pasos",
        "run_trajectory": "Ejecutar el proceso inverso", "play": "▶ Reproducir",
        "trajectory_gif": "La trayectoria como GIF (x_t y x̂0)",
        "compare_samplers": "Comparar los muestreadores (misma semilla)", "sample_grid": "Muestrear una rejilla 4x4",
        "compare_gallery": "Una semilla, cada muestreador", "grid16": "16 muestras",
        "strength": "Nivel de ruido (fracción de los pasos)", "run_sdedit": "Añadir y quitar ruido",
        "sdedit_strip": "inicio, x_t con ruido, cuatro reconstrucciones",
        "tab_density": "Densidades",
        "density_intro": ("**Estimación de densidad:** aprender p(x) solo de los puntos. Un histograma cuenta por celda; un "
                          "KDE pone una campana Gaussiana de ancho h en cada punto, p(x) = 1/N Σ K_h(x − x_i); una mezcla "
                          "de Gaussianas ajusta p(x) = Σ π_k N(x; μ_k, Σ_k) con EM. La tabla evalúa cada una en puntos "
                          "reservados (30 %): mayor log p(x) medio es mejor; una brecha con entrenamiento indica sobreajuste."),
        "bins": "Celdas del histograma", "bandwidth": "Ancho de banda h del KDE",
        "cv_bandwidth": "Ancho de banda por validación cruzada", "components": "Componentes de la mezcla",
        "covariance": "Tipo de covarianza", "show_samples": "Muestrear de cada una",
        "tab_latent": "Explorador latente",
        "latent_intro": ("Cada imagen de test ubicada según su código. El z de un **autoencoder** puede caer en "
                         "cualquier parte, así que es difícil elegir un z nuevo; un **VAE** se entrena para que z "
                         "siga el prior N(0, I). Haz clic en el mapa para decodificar ese punto."),
        "latent_model": "Modelo",
        "projection": "Proyección (latentes de 16-d)",
        "map": "Test en el espacio latente (clic para decodificar)",
        "export_csv": "Descargar los puntos (CSV)",
        "decoded_here": "Decodificado en el punto",
        "point": "Punto (coordenadas del mapa)",
        "nearest": "Imágenes de test más cercanas en el mapa",
        "prior_title": "### Muestrear el prior z ~ N(0, I)\nLos mismos 16 códigos decodificados por el VAE y por el autoencoder; la variedad del VAE de 2-d según los cuantiles del prior.",
        "sample_prior": "Muestrear z ~ N(0, I)",
        "vae_prior": "VAE 16-d: dec(z)",
        "ae_prior": "Autoencoder 16-d: dec(z)",
        "manifold": "Variedad del VAE 2-d (grilla en cuantiles Φ⁻¹)",
        "interp_title": "### Interpolación\nDe una codificación a otra, decodificando cada paso, el VAE sobre el autoencoder.",
        "ep_test": "imagen de test #", "ep_drawing": "mi dibujo", "ep_clicked": "punto clicado",
        "ep_second": "segundo dibujo", "second_pad": "Segundo dibujo (para interpolar)",
        "train_pixel": "Entrenamiento más cercano (píxeles)",
        "train_latent": "Entrenamiento más cercano (latente del VAE)",
        "start": "Inicio", "end": "Fin", "test_index": "Índice de la imagen de test",
        "steps": "Pasos", "method": "Método", "interpolate": "Interpolar",
        "vae_frames": "Cuadros del VAE 16-d", "ae_frames": "Cuadros del autoencoder 16-d",
        "path_map": "El camino del VAE en su mapa UMAP", "gif": "GIF animado",
        "device": "Los modelos corren en",
        "export": "Descargar codificación (JSON)",
    },
}

# Text computed by handlers (figure titles, summaries, messages).
DYNAMIC_TEXT = {
    "en": {
        "how_latent": "The 2-d VAE's map is its latent itself: a click decodes exactly that z. Below the decoding: the nearest training images, so you can tell generation from memorisation.",
        "how_pca": "PCA's plane: a click goes back exactly, z = mean + (x, y)·components.",
        "how_umap": "UMAP has no fast inverse here: a click decodes the distance-weighted mix of the 8 nearest test points' codes.",
        "posterior_exact": "Your drawing: ring = posterior mean μ, black ellipse = 1σ of q(z|x) (exact).",
        "posterior_approximate": "Your drawing: ring = μ, dots = 40 samples z ~ q(z|x), each placed through its nearest test codes (approximate).",
        "posterior_point": "Your drawing: ring = its code z (an autoencoder gives a point, no σ).",
        "no_drawing": "Draw something in the Draw & encode tab first.",
        "pca_axes": "Principal axes (each 2·√λ long)", "pca_curve": "Cumulative explained variance",
        "explained": "explained",
        "pca_summary": "**k = {k}** components explain **{explained:.1%}** of the variance; ‖x − x̂‖² = **{error:.2f}**.",
        "histogram_1d": "histogram, {bins} bins",
        "histogram": "histogram, {bins}×{bins} bins", "gmm": "mixture, {components} × {covariance}",
        "bayes_px_given_y": "p(x|y) per class (generative)",
        "bayes_px": "p(x) = Σ p(x|y)·P(y)",
        "bayes_posterior": "Bayes: p(y|x) = p(x|y)P(y)/p(x)",
        "bayes_discriminative": "Supervised (labels shown):<br>discriminative p(y|x) and its regions",
        "bayes_clusters": "Unsupervised (labels hidden):<br>k-means clusters, ARI {ari:.2f}",
        "bayes_table": "| class y | p(x\\|y) | P(y) | p(x\\|y)·P(y) | Bayes p(y\\|x) | discriminative p(y\\|x) |",
        "bayes_evidence": "At ★ = ({x1:.2f}, {x2:.2f}): p(x) = Σ_y p(x|y)·P(y) = **{px:.4g}**; the Bayes posteriors sum to {total:.3f}.",
        "bayes_bad_data": "Bayes' rule needs labelled data: choose one of {names}.",
        "bayes_bad_prior": "At least one prior weight must be above 0.",
        "classifier_says": "Classifier p(y|x)",
        "elbo_histogram": "VAE ELBO: test images vs this input",
        "test_images": "test images", "this_input": "this input", "reject_below": "reject below {q:g} %",
        "outlier_verdict": ("The classifier says **{label}** with p = **{confidence:.2f}** (higher than {softmax_percentile:.0f} % "
                            "of test images). The VAE gives ELBO = **{elbo:.1f} nats**, higher than "
                            "**{percentile:.1f} %** of test images: **{decision}** at the {q:g} % threshold."),
        "rejected": "rejected as an outlier", "accepted": "accepted",
        "outlier_no_drawing": "Draw something in the Draw & encode tab first (or choose another input).",
        "outlier_bad_source": "Unknown input; choose one of {sources}.",
        "auroc_header": "| models (in vs out) | AUROC of the ELBO | AUROC of max p(y\\|x) |",
        "auroc_explained": ("AUROC over every shipped test image of both datasets: 1 separates them perfectly, 0.5 is "
                            "chance, below 0.5 the score prefers the outliers. Under the **mnist** models the ELBO "
                            "rejects clothes almost perfectly, far better than the classifier's confidence. Under "
                            "the **fashion** models it fails (below 0.5): digits are mostly black with a few "
                            "strokes, simpler than clothes, and a likelihood model gives simple images high "
                            "likelihood even when it never saw them (Nalisnick et al. 2019, *Do deep generative "
                            "models know what they don't know?*). Likelihood measures how easy an image is to "
                            "encode, not only how typical it is."),
        "auroc_missing": "The AUROC table is missing: run `python -m lab.analysis.ood --write`.",
        "true_density": "true density",
        "density_1d": "1-D: a mixture of three Gaussians, 350 training points (rug)",
        "kde_digits_summary": "k = {k} components keep {explained:.0%} of the variance; bandwidth h = {bandwidth:.3f} (cross-validation picks {cv:.3f}).",
        "no_class": "none (unconditional)",
        "diffusion_no_drawing": "Draw something in the Draw & encode tab first, or choose a test image.",
        "forward_numbers": "t = **{t}** ({schedule}): x_t = **{a:.3f}**·x0 + **{b:.3f}**·ε  (√ᾱ_t = {a:.3f}, √(1−ᾱ_t) = {b:.3f})",
        "reverse_summary": "**{steps}** steps of {sampler} for class **{label}** with w = {guidance:g}: {seconds:.2f} s, {per_step:.1f} ms per step.",
        "step_caption": "Step **{step}** of {steps}, t = **{t}**",
        "steps_range": "The number of steps must be between 1 and 1000.",
        "sampler_table": "| sampler | steps | time | per step |",
        "grid_time": "16 samples in one batch: **{seconds:.2f} s** ({steps} steps of {sampler}).",
        "sdedit_caption": "Noised to t = {t} (strength {strength:.2f}), then denoised with four seeds.",
        "diffusion_model": "The denoiser: a class-conditional UNet with **{parameters:,}** parameters, {schedule} schedule.",
        "density_table": "| density | mean log p(x), training | mean log p(x), held-out |",
        "elbow": "Elbow: final inertia for each k", "inertia": "inertia", "step": "step",
        "inertia_curve": "Inertia at each step",
        "kmeans_title": "Step {step} of {steps}: points by cluster, centroids' paths",
        "kmeans_summary_unlabelled": "Inertia **{inertia:.1f}**; drawn points have no true labels to compare with; converged after {converged} updates.",
        "kmeans_summary": "Inertia **{inertia:.1f}**; agreement with the true labels (adjusted Rand index) **{ari:.2f}**; converged after {converged} updates.",
        "no_click": "Click a point on the map first.",
        "no_second": "The second drawing pad is empty: draw there first.",
        "bad_index": "Pick a test image index between 0 and {count}.",
        "reconstruction": "reconstruction −log p(x|z)",
        "kl": "KL(q(z|x) ‖ p(z))",
        "total": "−ELBO",
        "dimension": "latent dimension",
        "prior": "prior N(0, 1): ±1",
        "probability": "p(y|x)",
        "class": "class y",
        "summary": ("**p(y|x)** says **{label}** ({confidence:.1%}).  \n"
                    "**−ELBO** = reconstruction {reconstruction:.1f} + KL {kl:.1f} = **{total:.1f} nats** "
                    "({bits_per_dim:.3f} bits/dim), so log p(x) ≥ {elbo:.1f} nats."),
        "blank": "The canvas is empty: draw something (or pick an example) first.",
        "missing": "⚠️ Model unavailable: {message}",
        "metric": "figure",
        "value": "value",
        "no_models": "No shipped checkpoints were found.",
    },
    "es": {
        "how_latent": "El mapa del VAE de 2-d es su propio latente: un clic decodifica exactamente ese z. Bajo la decodificación: las imágenes de entrenamiento más cercanas, para distinguir generación de memorización.",
        "how_pca": "El plano de PCA: un clic vuelve exactamente, z = media + (x, y)·componentes.",
        "how_umap": "UMAP no tiene inversa rápida aquí: un clic decodifica la mezcla, ponderada por distancia, de los códigos de los 8 puntos de test más cercanos.",
        "posterior_exact": "Tu dibujo: anillo = media posterior μ, elipse negra = 1σ de q(z|x) (exacto).",
        "posterior_approximate": "Tu dibujo: anillo = μ, puntos = 40 muestras z ~ q(z|x), cada una ubicada por sus códigos de test más cercanos (aproximado).",
        "posterior_point": "Tu dibujo: anillo = su código z (un autoencoder da un punto, sin σ).",
        "no_drawing": "Primero dibuja algo en la pestaña Dibujar y codificar.",
        "pca_axes": "Ejes principales (cada uno de largo 2·√λ)", "pca_curve": "Varianza explicada acumulada",
        "explained": "explicada",
        "pca_summary": "**k = {k}** componentes explican **{explained:.1%}** de la varianza; ‖x − x̂‖² = **{error:.2f}**.",
        "histogram_1d": "histograma, {bins} celdas",
        "histogram": "histograma, {bins}×{bins} celdas", "gmm": "mezcla, {components} × {covariance}",
        "bayes_px_given_y": "p(x|y) por clase (generativo)",
        "bayes_px": "p(x) = Σ p(x|y)·P(y)",
        "bayes_posterior": "Bayes: p(y|x) = p(x|y)P(y)/p(x)",
        "bayes_discriminative": "Supervisado (con etiquetas):<br>p(y|x) discriminativo y sus regiones",
        "bayes_clusters": "No supervisado (sin etiquetas):<br>clústeres de k-means, ARI {ari:.2f}",
        "bayes_table": "| clase y | p(x\\|y) | P(y) | p(x\\|y)·P(y) | p(y\\|x) de Bayes | p(y\\|x) discriminativo |",
        "bayes_evidence": "En ★ = ({x1:.2f}, {x2:.2f}): p(x) = Σ_y p(x|y)·P(y) = **{px:.4g}**; las posteriores de Bayes suman {total:.3f}.",
        "bayes_bad_data": "La regla de Bayes necesita datos etiquetados: elige uno de {names}.",
        "bayes_bad_prior": "Al menos un peso de la prior debe ser mayor que 0.",
        "classifier_says": "Clasificador p(y|x)",
        "elbo_histogram": "ELBO del VAE: imágenes de test vs esta entrada",
        "test_images": "imágenes de test", "this_input": "esta entrada", "reject_below": "rechazar bajo {q:g} %",
        "outlier_verdict": ("El clasificador dice **{label}** con p = **{confidence:.2f}** (más que el {softmax_percentile:.0f} % "
                            "de las imágenes de test). El VAE da ELBO = **{elbo:.1f} nats**, mayor que el "
                            "**{percentile:.1f} %** de las imágenes de test: **{decision}** con el umbral del {q:g} %."),
        "rejected": "rechazada como outlier", "accepted": "aceptada",
        "outlier_no_drawing": "Dibuja algo primero en la pestaña Dibujar y codificar (o elige otra entrada).",
        "outlier_bad_source": "Entrada desconocida; elige una de {sources}.",
        "auroc_header": "| modelos (dentro vs fuera) | AUROC del ELBO | AUROC de max p(y\\|x) |",
        "auroc_explained": ("AUROC sobre todas las imágenes de test incluidas de ambos conjuntos: 1 las separa "
                            "perfectamente, 0,5 es azar, por debajo de 0,5 la puntuación prefiere los outliers. Con "
                            "los modelos de **mnist** el ELBO rechaza la ropa casi perfectamente, mucho mejor que la "
                            "confianza del clasificador. Con los de **fashion** falla (menos de 0,5): los dígitos son "
                            "casi negros con pocos trazos, más simples que la ropa, y un modelo de verosimilitud da "
                            "alta verosimilitud a imágenes simples aunque nunca las haya visto (Nalisnick et al. "
                            "2019). La verosimilitud mide lo fácil que es codificar una imagen, no solo lo típica que es."),
        "auroc_missing": "Falta la tabla de AUROC: ejecuta `python -m lab.analysis.ood --write`.",
        "true_density": "densidad verdadera",
        "density_1d": "1-D: una mezcla de tres Gaussianas, 350 puntos de entrenamiento (marcas)",
        "kde_digits_summary": "k = {k} componentes conservan el {explained:.0%} de la varianza; ancho de banda h = {bandwidth:.3f} (la validación cruzada elige {cv:.3f}).",
        "no_class": "ninguna (incondicional)",
        "diffusion_no_drawing": "Dibuja algo primero en la pestaña Dibujar y codificar, o elige una imagen de test.",
        "forward_numbers": "t = **{t}** ({schedule}): x_t = **{a:.3f}**·x0 + **{b:.3f}**·ε  (√ᾱ_t = {a:.3f}, √(1−ᾱ_t) = {b:.3f})",
        "reverse_summary": "**{steps}** pasos de {sampler} para la clase **{label}** con w = {guidance:g}: {seconds:.2f} s, {per_step:.1f} ms por paso.",
        "step_caption": "Paso **{step}** de {steps}, t = **{t}**",
        "steps_range": "El número de pasos debe estar entre 1 y 1000.",
        "sampler_table": "| muestreador | pasos | tiempo | por paso |",
        "grid_time": "16 muestras en un lote: **{seconds:.2f} s** ({steps} pasos de {sampler}).",
        "sdedit_caption": "Ruido hasta t = {t} (intensidad {strength:.2f}), luego quitado con cuatro semillas.",
        "diffusion_model": "El eliminador de ruido: una UNet condicionada por clase con **{parameters:,}** parámetros, calendario {schedule}.",
        "density_table": "| densidad | log p(x) medio, entrenamiento | log p(x) medio, reservado |",
        "elbow": "Codo: inercia final para cada k", "inertia": "inercia", "step": "paso",
        "inertia_curve": "Inercia en cada paso",
        "kmeans_title": "Paso {step} de {steps}: puntos por clúster, caminos de los centroides",
        "kmeans_summary_unlabelled": "Inercia **{inertia:.1f}**; los puntos dibujados no tienen etiquetas verdaderas con que comparar; convergió tras {converged} actualizaciones.",
        "kmeans_summary": "Inercia **{inertia:.1f}**; acuerdo con las etiquetas verdaderas (índice de Rand ajustado) **{ari:.2f}**; convergió tras {converged} actualizaciones.",
        "no_click": "Primero haz clic en un punto del mapa.",
        "no_second": "El segundo lienzo está vacío: dibuja allí primero.",
        "bad_index": "Elige un índice de imagen de test entre 0 y {count}.",
        "reconstruction": "reconstrucción −log p(x|z)",
        "kl": "KL(q(z|x) ‖ p(z))",
        "total": "−ELBO",
        "dimension": "dimensión latente",
        "prior": "prior N(0, 1): ±1",
        "probability": "p(y|x)",
        "class": "clase y",
        "summary": ("**p(y|x)** dice **{label}** ({confidence:.1%}).  \n"
                    "**−ELBO** = reconstrucción {reconstruction:.1f} + KL {kl:.1f} = **{total:.1f} nats** "
                    "({bits_per_dim:.3f} bits/dim), así que log p(x) ≥ {elbo:.1f} nats."),
        "blank": "El lienzo está vacío: dibuja algo (o elige un ejemplo) primero.",
        "missing": "⚠️ Modelo no disponible: {message}",
        "metric": "cifra",
        "value": "valor",
        "no_models": "No se encontraron checkpoints.",
    },
}

for _tab_text in (autoregressive, latent_diffusion):
    for _lang in ("en", "es"):
        UI_TEXT[_lang].update(_tab_text.UI[_lang])
        DYNAMIC_TEXT[_lang].update(_tab_text.DYNAMIC[_lang])

I18N = gr.I18n(**UI_TEXT)


def request_language(request: gr.Request | None) -> str:
    """'es' when the browser prefers Spanish (Accept-Language), else 'en'."""
    if request is None:
        return "en"
    header = (request.headers or {}).get("accept-language", "")
    return "es" if header.strip().lower().startswith("es") else "en"


def text(key: str, lang: str = "en", **values) -> str:
    template = DYNAMIC_TEXT.get(lang, DYNAMIC_TEXT["en"])[key]
    return template.format(**values) if values else template
