"""Text of the Draw & encode tab (lecture: autoencoders, VAEs, p(y|x)), in English and Spanish."""

UI = {
    "en": {
        "tab_draw": "Draw & encode",
        "draw_intro": (
            "Draw a digit (or a piece of clothing) or pick a test image. The **autoencoder** maps it to one "
            "point z; the **VAE** maps it to a Gaussian q(z|x) = N(μ, σ²) and bounds its likelihood: log p(x) ≥ "
            "ELBO = E[log p(x|z)] − KL(q(z|x) ‖ p(z)). The classifier gives p(y|x) (the digits' one learned from "
            "scans and from pen re-drawings of them, so it reads drawings like yours). Both learn z without "
            "labels by reconstructing x (the autoencoder with an L2 loss): z holds **latent factors** (identity, "
            "appearance, style, slant) that an encoder can hand to **downstream tasks**, and a decoder turns a "
            "new z into new data, if we know how to pick one: the VAE makes z follow a known prior p(z)."),
        "sketch": "Draw here",
        "clear": "Clear",
        "encode": "Encode",
        "vae_choice": "VAE latent size",
        "examples": "Or pick a test image",
        "ae_recon": "Autoencoder x̂ = dec(enc(x))",
        "vae_recon": "VAE x̂ = dec(μ)",
        "probabilities": "Classifier p(y|x)",
        "posterior": "Posterior q(z|x): μ ± σ per dimension",
        "elbo": "ELBO terms (nats)",
        "resample_title": (
            "### Resample z\n"
            "Decoding several z ~ q(z|x) varies; the autoencoder's single z always decodes the same."),
        "resample": "Resample z",
        "vae_samples": "VAE: dec(z), z ~ q(z|x)",
        "ae_samples": "Autoencoder: dec(z), the same z",
        "export": "Download encoding (JSON)",
    },
    "es": {
        "tab_draw": "Dibujar y codificar",
        "draw_intro": (
            "Dibuja un dígito (o una prenda) o elige una imagen de test. El **autoencoder** la lleva a un punto "
            "z; el **VAE** la lleva a una Gaussiana q(z|x) = N(μ, σ²) y acota su likelihood: log p(x) ≥ ELBO = "
            "E[log p(x|z)] − KL(q(z|x) ‖ p(z)). El clasificador da p(y|x) (el de los dígitos aprendió de "
            "escaneos y de esos dígitos redibujados con un lápiz, así que lee dibujos como el tuyo). Ambos "
            "aprenden z sin etiquetas "
            "reconstruyendo x (el autoencoder con una pérdida L2): z guarda **factores latentes** (identidad, "
            "apariencia, estilo, inclinación) que un encoder puede entregar a **tareas downstream**, y un "
            "decoder convierte un z nuevo en datos nuevos, si sabemos elegirlo: el VAE hace que z siga un prior "
            "conocido p(z)."),
        "sketch": "Dibuja aquí",
        "clear": "Borrar",
        "encode": "Codificar",
        "vae_choice": "Tamaño del latente del VAE",
        "examples": "O elige una imagen de test",
        "ae_recon": "Autoencoder x̂ = dec(enc(x))",
        "vae_recon": "VAE x̂ = dec(μ)",
        "probabilities": "Clasificador p(y|x)",
        "posterior": "Posterior q(z|x): μ ± σ por dimensión",
        "elbo": "Términos del ELBO (nats)",
        "resample_title": (
            "### Volver a samplear z\n"
            "Decodificar varios z ~ q(z|x) varía; el único z del autoencoder siempre decodifica igual."),
        "resample": "Volver a samplear z",
        "vae_samples": "VAE: dec(z), z ~ q(z|x)",
        "ae_samples": "Autoencoder: dec(z), el mismo z",
        "export": "Descargar codificación (JSON)",
    },
}

DYNAMIC = {
    "en": {
        "bad_gallery_index": "Pick one of the examples shown (0 to {count}).",
        "reconstruction": "reconstruction −log p(x|z)",
        "kl": "KL(q(z|x) ‖ p(z))",
        "total": "−ELBO",
        "dimension": "latent dimension",
        "prior": "prior N(0, 1): ±1",
        "probability": "p(y|x)",
        "summary": (
            "**p(y|x)** says **{label}** ({confidence:.1%}).  \n"
            "**−ELBO** = reconstruction {reconstruction:.1f} + KL {kl:.1f} = **{total:.1f} nats**, so log p(x) ≥ "
            "{elbo:.1f} nats (the mean over {samples} draws of z ~ q(z|x), the same estimate on every tab). "
            "No bits per dimension: this VAE's Bernoulli decoder is not a distribution over 8-bit grey levels "
            "(the ELBO tab puts the Gaussian VAEs and the PixelCNN on that scale)."),
        "ae_error": (
            "  \n**Autoencoder**: ‖x − x̂‖² = **{error:.1f}**, the L2 loss it was trained on (summed over the 784 "
            "pixels in [0, 1]; {per_pixel:.4f} per pixel)."),
        "blank": "The canvas is empty: draw something (or pick an example) first.",
        "example_note": "*An example drawing of a 7, encoded. Draw your own on the pad, or pick a test image.*",
        "missing": "⚠️ Model unavailable: {message}",
    },
    "es": {
        "bad_gallery_index": "Elige uno de los ejemplos mostrados (de 0 a {count}).",
        "reconstruction": "reconstrucción −log p(x|z)",
        "kl": "KL(q(z|x) ‖ p(z))",
        "total": "−ELBO",
        "dimension": "dimensión latente",
        "prior": "prior N(0, 1): ±1",
        "probability": "p(y|x)",
        "summary": (
            "**p(y|x)** dice **{label}** ({confidence:.1%}).  \n"
            "**−ELBO** = reconstrucción {reconstruction:.1f} + KL {kl:.1f} = **{total:.1f} nats**, así que "
            "log p(x) ≥ {elbo:.1f} nats (la media de {samples} muestras de z ~ q(z|x), la misma estimación en "
            "todas las pestañas). Sin bits por dimensión: el decoder Bernoulli de este VAE no es una "
            "distribución sobre los niveles de gris de 8 bits (la pestaña del ELBO pone en esa escala a los VAE "
            "Gaussianos y a la PixelCNN)."),
        "ae_error": (
            "  \n**Autoencoder**: ‖x − x̂‖² = **{error:.1f}**, la pérdida L2 con la que se entrenó (sumada sobre "
            "los 784 píxeles en [0, 1]; {per_pixel:.4f} por píxel)."),
        "blank": "El lienzo está vacío: dibuja algo (o elige un ejemplo) primero.",
        "example_note": "*Un dibujo de ejemplo de un 7, codificado. Dibuja el tuyo en el lienzo o elige una imagen de test.*",
        "missing": "⚠️ Modelo no disponible: {message}",
    },
}
