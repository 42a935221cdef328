"""Text of the Bayes tab (lecture: discriminative vs generative, Bayes' rule), in English and Spanish."""

UI = {
    "en": {
        "tab_bayes": "Bayes",
        "bayes_intro": (
            "**Discriminative vs generative.** A discriminative model learns p(y|x) directly. A **conditional "
            "generative model** (the lecture's *modelo generativo condicional*) learns p(x|y) for each class; with a prior "
            "over labels P(y) it gives a generative model p(x) = Σ_y p(x|y)·P(y), and the posterior by **Bayes' "
            "rule**: p(y|x) = p(x|y)·P(y) / p(x). (The tab \"p(x) · p(y|x) · p(x|y)\" runs Bayes' rule the other "
            "way, on images.) Move the prior P(y) and watch the posterior and "
            "its boundary move; the discriminative model has no prior to move. Below, the same points with "
            "labels (supervised: a classifier's regions) and without (unsupervised: k-means clusters)."),
        "bayes_density": "Class density p(x|y)",
        "bayes_prior_help": "Prior P(y): relative weights, normalised to sum to 1.",
    },
    "es": {
        "tab_bayes": "Bayes",
        "bayes_intro": (
            "**Discriminativo vs generativo.** Un modelo discriminativo aprende p(y|x) directamente. Un **modelo "
            "generativo condicional** aprende p(x|y) para cada clase; con un prior sobre etiquetas P(y) da un "
            "modelo generativo p(x) = Σ_y p(x|y)·P(y), y la posterior con la **regla de Bayes**: p(y|x) = "
            "p(x|y)·P(y) / p(x). (La pestaña \"p(x) · p(y|x) · p(x|y)\" usa la regla de Bayes en el otro "
            "sentido, con imágenes.) Mueve el prior P(y) y mira cómo se mueven la "
            "posterior y su frontera; el modelo discriminativo no tiene prior que mover. Abajo, los mismos "
            "puntos con etiquetas (supervisado: las regiones de un clasificador) y sin ellas (no supervisado: "
            "clústeres de k-means)."),
        "bayes_density": "Densidad por clase p(x|y)",
        "bayes_prior_help": "Prior P(y): pesos relativos, normalizados para sumar 1.",
    },
}

DYNAMIC = {
    "en": {
        "bayes_px_given_y": "p(x|y) per class (conditional generative)",
        "bayes_px": "p(x) = Σ p(x|y)·P(y)",
        "bayes_posterior": "Bayes: p(y|x) = p(x|y)P(y)/p(x)",
        "bayes_discriminative": "Supervised (labels shown):<br>discriminative p(y|x) and its regions",
        "bayes_clusters": "Unsupervised (labels hidden):<br>k-means clusters, ARI {ari:.2f}",
        "bayes_table": (
            "| class y | p(x\\|y) | P(y) | p(x\\|y)·P(y) | Bayes p(y\\|x) | discriminative p(y\\|x) |"),
        "bayes_evidence": (
            "At ★ = ({x1:.2f}, {x2:.2f}): p(x) = Σ_y p(x|y)·P(y) = **{px:.4g}**; the Bayes posteriors sum to "
            "{total:.3f}."),
        "bayes_bad_data": "Bayes' rule needs labelled data: choose one of {names}.",
        "bayes_bad_prior": "At least one prior weight must be above 0.",
    },
    "es": {
        "bayes_px_given_y": "p(x|y) por clase (generativo condicional)",
        "bayes_px": "p(x) = Σ p(x|y)·P(y)",
        "bayes_posterior": "Bayes: p(y|x) = p(x|y)P(y)/p(x)",
        "bayes_discriminative": "Supervisado (con etiquetas):<br>p(y|x) discriminativo y sus regiones",
        "bayes_clusters": "No supervisado (sin etiquetas):<br>clústeres de k-means, ARI {ari:.2f}",
        "bayes_table": (
            "| clase y | p(x\\|y) | P(y) | p(x\\|y)·P(y) | p(y\\|x) de Bayes | p(y\\|x) discriminativo |"),
        "bayes_evidence": (
            "En ★ = ({x1:.2f}, {x2:.2f}): p(x) = Σ_y p(x|y)·P(y) = **{px:.4g}**; las posteriores de Bayes suman "
            "{total:.3f}."),
        "bayes_bad_data": "La regla de Bayes necesita datos etiquetados: elige uno de {names}.",
        "bayes_bad_prior": "Al menos un peso del prior debe ser mayor que 0.",
    },
}
