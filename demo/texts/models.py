"""Text of the Models tab (the shipped checkpoints), in English and Spanish."""

UI = {
    "en": {
        "tab_models": "Models",
        "models_intro": (
            "The shipped checkpoints, trained by `python -m lab.train` on real data, and their held-out "
            "figures."),
        "refresh": "Refresh",
    },
    "es": {
        "tab_models": "Modelos",
        "models_intro": (
            "Los checkpoints incluidos, entrenados con `python -m lab.train` sobre datos reales, y sus cifras "
            "en test."),
        "refresh": "Actualizar",
    },
}

DYNAMIC = {
    "en": {
        "value": "value",
    },
    "es": {
        "value": "valor",
    },
}
