"""Text of the Outliers tab (lecture: outlier rejection with a density model), in English and Spanish."""

UI = {
    "en": {
        "tab_outliers": "Outliers",
        "outlier_intro": (
            "**Outlier rejection.** A classifier p(y|x) must spread its probability over the classes it knows, "
            "so it labels a letter or a scribble, often confidently. A density model gives every input a "
            "likelihood: the VAE's ELBO (a lower bound on log p(x)) can say *unlikely*. Pick an input; its ELBO "
            "is placed among the test images' ELBOs, and it is rejected below the chosen percentile."),
        "outlier_source": "Input",
        "outlier_models": "Models trained on",
        "outlier_threshold": "Reject below this percentile of the test set's ELBO",
    },
    "es": {
        "tab_outliers": "Outliers",
        "outlier_intro": (
            "**Rechazo de outliers.** Un clasificador p(y|x) debe repartir su probabilidad entre las clases que "
            "conoce, así que etiqueta una letra o un garabato, a menudo con confianza. Un modelo de densidad da "
            "a cada entrada un likelihood: el ELBO del VAE (una cota inferior de log p(x)) puede decir "
            "*improbable*. Elige una entrada; su ELBO se sitúa entre los ELBO de las imágenes de test y se "
            "rechaza por debajo del percentil elegido."),
        "outlier_source": "Entrada",
        "outlier_models": "Modelos entrenados con",
        "outlier_threshold": "Rechazar por debajo de este percentil del ELBO del test",
    },
}

DYNAMIC = {
    "en": {
        "classifier_says": "Classifier p(y|x)",
        "elbo_histogram": "VAE ELBO: test images vs this input",
        "test_images": "test images",
        "this_input": "this input",
        "reject_below": "reject below {q:g} %",
        "outlier_verdict": (
            "The classifier says **{label}** with p = **{confidence:.2f}** (higher than "
            "{softmax_percentile:.0f} % of test images). The VAE gives ELBO = **{elbo:.1f} nats**, higher than "
            "**{percentile:.1f} %** of test images: **{decision}** at the {q:g} % threshold."),
        "rejected": "rejected as an outlier",
        "accepted": "accepted",
        "outlier_bad_source": "Unknown input; choose one of {sources}.",
        "auroc_header": "| models (in vs out) | AUROC of the ELBO | AUROC of max p(y\\|x) |",
        "auroc_explained": (
            "AUROC over every shipped test image of both datasets: 1 separates them perfectly, 0.5 is chance, "
            "below 0.5 the score prefers the outliers. Under the **mnist** models the ELBO rejects clothes "
            "almost perfectly, far better than the classifier's confidence. Under the **fashion** models it "
            "fails (below 0.5): digits are mostly black with a few strokes, simpler than clothes, and a "
            "likelihood model gives simple images high likelihood even when it never saw them (Nalisnick et al. "
            "2019, *Do deep generative models know what they don't know?*). Likelihood measures how easy an "
            "image is to encode, not only how typical it is."),
        "auroc_missing": "The AUROC table is missing: run `python -m lab.analysis.ood --write`.",
    },
    "es": {
        "classifier_says": "Clasificador p(y|x)",
        "elbo_histogram": "ELBO del VAE: imágenes de test vs esta entrada",
        "test_images": "imágenes de test",
        "this_input": "esta entrada",
        "reject_below": "rechazar bajo {q:g} %",
        "outlier_verdict": (
            "El clasificador dice **{label}** con p = **{confidence:.2f}** (más que el {softmax_percentile:.0f} "
            "% de las imágenes de test). El VAE da ELBO = **{elbo:.1f} nats**, mayor que el **{percentile:.1f} "
            "%** de las imágenes de test: **{decision}** con el umbral del {q:g} %."),
        "rejected": "rechazada como outlier",
        "accepted": "aceptada",
        "outlier_bad_source": "Entrada desconocida; elige una de {sources}.",
        "auroc_header": "| modelos (dentro vs fuera) | AUROC del ELBO | AUROC de max p(y\\|x) |",
        "auroc_explained": (
            "AUROC sobre todas las imágenes de test incluidas de ambos conjuntos: 1 las separa perfectamente, "
            "0,5 es azar, por debajo de 0,5 la puntuación prefiere los outliers. Con los modelos de **mnist** "
            "el ELBO rechaza la ropa casi perfectamente, mucho mejor que la confianza del clasificador. Con los "
            "de **fashion** falla (menos de 0,5): los dígitos son casi negros con pocos trazos, más simples que "
            "la ropa, y un modelo de likelihood da un likelihood alto a imágenes simples aunque nunca las "
            "haya visto (Nalisnick et al. 2019). El likelihood mide lo fácil que es codificar una imagen, no "
            "solo lo típica que es."),
        "auroc_missing": "Falta la tabla de AUROC: ejecuta `python -m lab.analysis.ood --write`.",
    },
}
