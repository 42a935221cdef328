"""The shipped classifiers' and VAEs' held-out figures for the benchmark (python -m bench --only models): the
full test splits (issue 2), and the mnist test digits re-drawn as sketchpad input (issue 19,
lab.drawn_digits): the classifier's accuracy on them, and the VAEs' −ELBO, which says how unusual such a
drawing still is to a model of scans."""
from __future__ import annotations

MODEL_BARS = {  # figure: (comparison, bar)
    "classifier_accuracy_mnist": (">=", 0.985), "classifier_accuracy_fashion": (">=", 0.925),
    "vae16_nelbo_mnist": ("<=", 100.0), "vae2_nelbo_mnist": ("<=", 150.0), "drawn_digits_accuracy": (">=", 0.97),
}


def bench_models() -> dict:
    from lab.checkpoints import load_model, shipped_path
    from lab.data import load_dataset
    from lab.drawn_digits import drawn_test_set
    from lab.evaluate import evaluate

    figures = {}
    for dataset in ("mnist", "fashion"):
        test = load_dataset(dataset, "test")
        models = {name: load_model(shipped_path(dataset, name))[0] for name in ("classifier", "vae2", "vae16")}
        figures[f"classifier_accuracy_{dataset}"] = evaluate(models["classifier"], test)["accuracy"]
        for name in ("vae2", "vae16"):
            figures[f"{name}_nelbo_{dataset}"] = evaluate(models[name], test)["nelbo"]
        if dataset == "mnist":   # the same models on the drawn digits
            drawn, _ = drawn_test_set()
            figures["drawn_digits_accuracy"] = evaluate(models["classifier"], drawn)["accuracy"]
            for name in ("vae2", "vae16"):
                figures[f"{name}_nelbo_drawn_digits"] = evaluate(models[name], drawn)["nelbo"]
    return figures
