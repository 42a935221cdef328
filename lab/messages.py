"""What the lab says when it refuses a request or cannot load a model, in English and in Spanish.

The lab is taught in both languages, and its refusals reach a visitor (through the app) as often as a
script. Each sentence is written once here, by key; an error carries the key and its values, `str(error)`
is the English, and `say(error, lang)` is what whoever shows it to a reader calls.
"""
from __future__ import annotations

import functools

SENTENCES: dict[str, dict[str, str]] = {
    # Drawings and uploads
    "blank_canvas": {
        "en": "The canvas is empty: draw a digit (or pick an example) first.",
        "es": "El lienzo está vacío: dibuja un dígito (o elige un ejemplo) primero."},
    "faint_drawing": {
        "en": "The drawing is too faint to read: draw with a thicker stroke.",
        "es": "El dibujo es demasiado tenue para leerlo: dibuja con un trazo más grueso."},
    "unreadable_image": {
        "en": "That file could not be read as an image.",
        "es": "Ese archivo no se pudo leer como imagen."},
    "not_an_image": {
        "en": "A drawing must be an image (an array of pixel values).",
        "es": "Un dibujo debe ser una imagen (un arreglo de valores de píxel)."},
    "image_shape": {
        "en": "A drawing must be a picture of at least 2x2 pixels in gray, RGB or RGBA, not an array of shape {shape}.",
        "es": "Un dibujo debe ser una imagen de al menos 2x2 píxeles en gris, RGB o RGBA, no un arreglo de forma "
              "{shape}."},
    "image_not_finite": {
        "en": "The image has values that are not numbers (NaN or infinity).",
        "es": "La imagen tiene valores que no son números (NaN o infinito)."},
    "empty_points": {
        "en": "The canvas is empty: draw some strokes to turn into points.",
        "es": "El lienzo está vacío: dibuja algunos trazos para convertirlos en puntos."},
    "sandbox_dot": {
        "en": "These points sit on a dot, not a density: draw strokes (or load points) that cover some area.",
        "es": "Estos puntos están en un punto, no forman una densidad: dibuja trazos (o carga puntos) que cubran "
              "un área."},
    "sandbox_shape": {
        "en": "Points must be two columns, x and y (one point per row), not an array of shape {shape}.",
        "es": "Los puntos deben ser dos columnas, x e y (un punto por fila), no un arreglo de forma {shape}."},
    "sandbox_not_finite": {
        "en": "Some coordinates are not numbers (NaN or infinity): remove those rows.",
        "es": "Algunas coordenadas no son números (NaN o infinito): quita esas filas."},
    "sandbox_busy": {
        "en": "Your training is still running: wait for it to finish (or stop it) before starting another.",
        "es": "Tu entrenamiento sigue en curso: espera a que termine (o detenlo) antes de empezar otro."},
    "sandbox_no_model": {
        "en": "That model is no longer in memory (the server keeps the most recent ones): train it again, or "
              "pick a toy set to use its shipped models.",
        "es": "Ese modelo ya no está en memoria (el servidor guarda los más recientes): entrénalo de nuevo, o "
              "elige un conjunto de ejemplo para usar sus modelos incluidos."},
    "sandbox_no_points": {
        "en": "There are no points yet: pick a toy set or draw, then press \"Use these points\".",
        "es": "Todavía no hay puntos: elige un conjunto de ejemplo o dibuja, y pulsa \"Usar estos puntos\"."},
    # Numbers and choices
    "between": {
        "en": "{name} must be between {low} and {high}, got {value}.",
        "es": "{name} debe estar entre {low} y {high}; se recibió {value}."},
    "at_least": {
        "en": "{name} must be at least {low}, got {value}.",
        "es": "{name} debe ser al menos {low}; se recibió {value}."},
    "positive": {
        "en": "{name} must be positive, got {value}.",
        "es": "{name} debe ser positivo; se recibió {value}."},
    "unknown_choice": {
        "en": "{name} {value!r} is not one the lab knows; expected one of {choices}.",
        "es": "{name} {value!r} no es uno de los que el laboratorio conoce; se esperaba uno de {choices}."},
    "prior_weights": {
        "en": "Expected {count} non-negative prior weights, not all zero; got {priors}.",
        "es": "Se esperaban {count} pesos a priori no negativos, no todos cero; se recibió {priors}."},
    "mixed_grid": {
        "en": "A grid is either all one class or all unconditional.",
        "es": "Una grilla es toda de una clase o toda incondicional."},
    "guidance_needs_dropout": {
        "en": "Guidance needs a model trained with label dropout (a 'no class' label); this one was not: use "
              "guidance 1.",
        "es": "La guía necesita un modelo entrenado con label dropout (una etiqueta 'sin clase'); este no lo fue: "
              "usa guía 1."},
    "too_costly": {
        "en": "{images} images × {steps} steps would take about {seconds:.0f} s on this CPU, past the {limit:.0f} s "
              "limit: use at most {fits} steps (DDIM and DPM-Solver++ need about 20).",
        "es": "{images} imágenes × {steps} pasos tardarían unos {seconds:.0f} s en esta CPU, más que el límite de "
              "{limit:.0f} s: usa como mucho {fits} pasos (DDIM y DPM-Solver++ necesitan unos 20)."},
    # Checkpoints
    "checkpoint_missing": {
        "en": "No checkpoint at {folder}: config.json is missing. Train it (`{command}`) or restore the folder.",
        "es": "No hay checkpoint en {folder}: falta config.json. Entrénalo (`{command}`) o restaura la carpeta."},
    "checkpoint_bad_config": {
        "en": "Checkpoint {folder} has a corrupt config.json ({detail}). Train it again (`{command}`) or restore "
              "the folder.",
        "es": "El checkpoint {folder} tiene un config.json corrupto ({detail}). Entrénalo de nuevo (`{command}`) o "
              "restaura la carpeta."},
    "checkpoint_no_weights": {
        "en": "Checkpoint {folder} has no model.safetensors. Train it (`{command}`) or restore the folder.",
        "es": "El checkpoint {folder} no tiene model.safetensors. Entrénalo (`{command}`) o restaura la carpeta."},
    "checkpoint_changed": {
        "en": "Checkpoint {folder}: model.safetensors is not the file it was saved as (its SHA-256 differs: "
              "changed or cut short). Train it again (`{command}`) or restore the folder.",
        "es": "Checkpoint {folder}: model.safetensors no es el archivo que se guardó (su SHA-256 difiere: cambiado "
              "o truncado). Entrénalo de nuevo (`{command}`) o restaura la carpeta."},
    "checkpoint_unloadable": {
        "en": "Checkpoint {folder} could not be loaded ({detail}). Train it again (`{command}`) or restore the "
              "folder.",
        "es": "El checkpoint {folder} no se pudo cargar ({detail}). Entrénalo de nuevo (`{command}`) o restaura la "
              "carpeta."},
}
LANGUAGES = ("en", "es")


class Said(Exception):
    """An error whose message is SENTENCES[key] filled with `values`, sayable in either language."""

    def __init__(self, key: str, **values):
        if key not in SENTENCES:
            raise KeyError(f"no sentence {key!r} in lab.messages")
        super().__init__(key)
        self.key, self.values = key, values

    def __str__(self) -> str:
        return self.say("en")

    def say(self, lang: str) -> str:
        return SENTENCES[self.key].get(lang, SENTENCES[self.key]["en"]).format(**self.values)

    def __reduce__(self):   # pickled whole (a GPU worker returns it): the key and values, not only the args
        return functools.partial(type(self), self.key, **self.values), ()


class Refused(Said, ValueError):
    """A request the lab will not run: a value out of range, an unreadable image, too much work."""


def say(error: BaseException, lang: str) -> str:
    """`error`'s message in `lang` when the lab wrote it in both languages, else as it was raised."""
    return error.say(lang) if isinstance(error, Said) else str(error)
