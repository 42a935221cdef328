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
        "models_ok": "ok",
        "models_column_dataset": "dataset",
        "models_column_model": "model",
        "models_column_figure": "figure",
        "models_column_value": "value",
        "models_column_epochs": "epochs",
        "models_column_command": "command",
        "models_column_status": "status",
        "value": "value",
    },
    "es": {
        "models_ok": "bien",
        "models_column_dataset": "datos",
        "models_column_model": "modelo",
        "models_column_figure": "cifra",
        "models_column_value": "valor",
        "models_column_epochs": "épocas",
        "models_column_command": "comando",
        "models_column_status": "estado",
        "value": "valor",
    },
}
