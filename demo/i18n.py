"""English and Spanish text. Static labels go through Gradio's I18n (the browser's language picks);
text that handlers compute goes through `text(key, lang)`, with the language read from the request."""
from __future__ import annotations

import gradio as gr

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
        "seed": "Seed",
        "vae_samples": "VAE: dec(z), z ~ q(z|x)",
        "ae_samples": "Autoencoder: dec(z), the same z",
        "models_intro": "The shipped checkpoints, trained by `python -m lab.train` on real data, and their held-out figures.",
        "refresh": "Refresh",
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
        "seed": "Semilla",
        "vae_samples": "VAE: dec(z), z ~ q(z|x)",
        "ae_samples": "Autoencoder: dec(z), el mismo z",
        "models_intro": "Los checkpoints incluidos, entrenados con `python -m lab.train` sobre datos reales, y sus cifras en test.",
        "refresh": "Actualizar",
        "device": "Los modelos corren en",
        "export": "Descargar codificación (JSON)",
    },
}

# Text computed by handlers (figure titles, summaries, messages).
DYNAMIC_TEXT = {
    "en": {
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
