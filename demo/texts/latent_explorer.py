"""Text of the Latent explorer tab (lecture: autoencoders vs VAEs, the prior), in English and Spanish."""

UI = {
    "en": {
        "tab_latent": "Latent explorer",
        "latent_intro": (
            "Every test image placed by its code. An **autoencoder**'s z can land anywhere, so a new z is hard "
            "to pick; a **VAE** is trained so that z follows the prior N(0, I). Click the map to decode that "
            "point."),
        "latent_model": "Model",
        "map": "Test set in latent space (click to decode)",
        "export_csv": "Download the points (CSV)",
        "decoded_here": "Decoded at the clicked point",
        "point": "Clicked point (map coordinates)",
        "nearest": "Nearest test images on the map",
        "downstream_title": (
            "### The encoder for a downstream task\n"
            "Both encoders learnt z without labels. Give a classifier only **100 labelled images** (10 per class) "
            "and let it label each test image like its nearest labelled neighbour: on the raw pixels, or on the "
            "16 numbers of a code? Guess before you read the table."),
        "prior_title": (
            "### Sampling the prior z ~ N(0, I)\n"
            "The same 16 codes decoded by the VAE and by the autoencoder; the 2-d VAE's manifold laid out by "
            "the prior's quantiles."),
        "sample_prior": "Sample z ~ N(0, I)",
        "vae_prior": "VAE 16-d: dec(z)",
        "ae_prior": "Autoencoder 16-d: dec(z)",
        "manifold": "VAE 2-d manifold (grid at Φ⁻¹ quantiles)",
        "interp_title": (
            "### Interpolation\n"
            "From one encoding to another, decoded at each step, VAE above the autoencoder."),
        "ep_test": "test image #",
        "ep_drawing": "my drawing",
        "ep_clicked": "clicked point",
        "ep_second": "second drawing",
        "second_pad": "Second drawing (for interpolation)",
        "train_pixel": "Nearest training images (pixels)",
        "train_latent": "Nearest training images (VAE latent)",
        "start": "Start",
        "end": "End",
        "method": "Method",
        "interpolate": "Interpolate",
        "vae_frames": "VAE 16-d frames",
        "ae_frames": "Autoencoder 16-d frames",
        "path_map": "The VAE's path on its UMAP map",
        "gif": "Animated GIF",
    },
    "es": {
        "tab_latent": "Explorador latente",
        "latent_intro": (
            "Cada imagen de test ubicada según su código. El z de un **autoencoder** puede caer en cualquier "
            "parte, así que es difícil elegir un z nuevo; un **VAE** se entrena para que z siga el prior N(0, "
            "I). Haz clic en el mapa para decodificar ese punto."),
        "latent_model": "Modelo",
        "map": "Test en el espacio latente (clic para decodificar)",
        "export_csv": "Descargar los puntos (CSV)",
        "decoded_here": "Decodificado en el punto",
        "point": "Punto (coordenadas del mapa)",
        "nearest": "Imágenes de test más cercanas en el mapa",
        "downstream_title": (
            "### El encoder para tareas downstream\n"
            "Los dos encoders aprendieron z sin etiquetas. Dale a un clasificador solo **100 imágenes "
            "etiquetadas** (10 por clase) y que etiquete cada imagen de test como su vecina etiquetada más "
            "cercana: ¿sobre los píxeles crudos o sobre los 16 números de un código? Adivina antes de leer la "
            "tabla."),
        "prior_title": (
            "### Samplear el prior z ~ N(0, I)\n"
            "Los mismos 16 códigos decodificados por el VAE y por el autoencoder; la variedad del VAE de 2-d "
            "según los cuantiles del prior."),
        "sample_prior": "Samplear z ~ N(0, I)",
        "vae_prior": "VAE 16-d: dec(z)",
        "ae_prior": "Autoencoder 16-d: dec(z)",
        "manifold": "Variedad del VAE 2-d (grilla en cuantiles Φ⁻¹)",
        "interp_title": (
            "### Interpolación\n"
            "De una codificación a otra, decodificando cada paso, el VAE sobre el autoencoder."),
        "ep_test": "imagen de test #",
        "ep_drawing": "mi dibujo",
        "ep_clicked": "punto clicado",
        "ep_second": "segundo dibujo",
        "second_pad": "Segundo dibujo (para interpolar)",
        "train_pixel": "Entrenamiento más cercano (píxeles)",
        "train_latent": "Entrenamiento más cercano (latente del VAE)",
        "start": "Inicio",
        "end": "Fin",
        "method": "Método",
        "interpolate": "Interpolar",
        "vae_frames": "Cuadros del VAE 16-d",
        "ae_frames": "Cuadros del autoencoder 16-d",
        "path_map": "El camino del VAE en su mapa UMAP",
        "gif": "GIF animado",
    },
}

DYNAMIC = {
    "en": {
        "downstream_table": "| features | numbers per image | 1-nearest-neighbour accuracy |\n|---|---|---|",
        "downstream_pixels": "pixels",
        "downstream_ae16": "autoencoder's z (16-d)",
        "downstream_vae16": "VAE's μ (16-d)",
        "downstream_note": (
            "{labelled} labels, {test:,} shipped test images. Best here: **{best}**. A code that learnt the "
            "data's factors (identity, style) puts images of one class near each other with 49 times fewer "
            "numbers; the VAE's KL term pulls every code towards the prior's centre, which can leave classes less apart (compare its row with the autoencoder's)."),
        "how_latent": (
            "The 2-d VAE's map is its latent itself: a click decodes exactly that z. Below the decoding: the "
            "nearest training images, so you can tell generation from memorisation."),
        "how_pca": "PCA's plane: a click goes back exactly, z = mean + (x, y)·components.",
        "how_umap": (
            "UMAP has no fast inverse here: a click decodes the distance-weighted mix of the 8 nearest test "
            "points' codes."),
        "posterior_exact": "Your drawing: ring = posterior mean μ, black ellipse = 1σ of q(z|x) (exact).",
        "posterior_approximate": (
            "Your drawing: ring = μ, dots = 40 samples z ~ q(z|x), each placed through its nearest test codes "
            "(approximate)."),
        "posterior_point": "Your drawing: ring = its code z (an autoencoder gives a point, no σ).",
        "no_click": "Click a point on the map first.",
        "no_second": "The second drawing pad is empty: draw there first.",
        "class": "class y",
    },
    "es": {
        "downstream_table": "| features | números por imagen | acierto del vecino más cercano |\n|---|---|---|",
        "downstream_pixels": "píxeles",
        "downstream_ae16": "z del autoencoder (16-d)",
        "downstream_vae16": "μ del VAE (16-d)",
        "downstream_note": (
            "{labelled} etiquetas, {test:,} imágenes de test incluidas. Lo mejor aquí: **{best}**. Un código que "
            "aprendió los factores de los datos (identidad, estilo) deja cerca las imágenes de una clase con 49 "
            "veces menos números; el término KL del VAE empuja cada código hacia el centro del prior, lo que puede dejar las clases menos separadas (compara su fila con la del autoencoder)."),
        "how_latent": (
            "El mapa del VAE de 2-d es su propio latente: un clic decodifica exactamente ese z. Bajo la "
            "decodificación: las imágenes de entrenamiento más cercanas, para distinguir generación de "
            "memorización."),
        "how_pca": "El plano de PCA: un clic vuelve exactamente, z = media + (x, y)·componentes.",
        "how_umap": (
            "UMAP no tiene inversa rápida aquí: un clic decodifica la mezcla, ponderada por distancia, de los "
            "códigos de los 8 puntos de test más cercanos."),
        "posterior_exact": "Tu dibujo: anillo = media posterior μ, elipse negra = 1σ de q(z|x) (exacto).",
        "posterior_approximate": (
            "Tu dibujo: anillo = μ, puntos = 40 muestras z ~ q(z|x), cada una ubicada por sus códigos de test "
            "más cercanos (aproximado)."),
        "posterior_point": "Tu dibujo: anillo = su código z (un autoencoder da un punto, sin σ).",
        "no_click": "Primero haz clic en un punto del mapa.",
        "no_second": "El segundo lienzo está vacío: dibuja allí primero.",
        "class": "clase y",
    },
}
