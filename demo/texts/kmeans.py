"""Text of the k-means tab (lecture: unsupervised learning, clustering), in English and Spanish."""

UI = {
    "en": {
        "tab_kmeans": "k-means",
        "kmeans_intro": (
            "**Unsupervised learning: only x, no labels.** Supervised learning has pairs (x, y) and learns "
            "x → y: classification, regression, object detection, semantic segmentation, image captioning. "
            "Unsupervised learning has x alone and learns the data's internal structure. k-means alternates two steps: assign each point to "
            "its nearest centroid, c_i = argmin_k ‖x_i − μ_k‖², then move each centroid to the mean of its "
            "points. The inertia Σ‖x_i − μ_{c_i}‖² never goes up. Move the step slider to watch it."),
        "init": "Initialisation",
    },
    "es": {
        "tab_kmeans": "k-means",
        "kmeans_intro": (
            "**Aprendizaje no supervisado: solo x, sin etiquetas.** El aprendizaje supervisado tiene pares "
            "(x, y) y aprende x → y: clasificación, regresión, detección de objetos, segmentación semántica, "
            "descripción de imágenes. El no supervisado tiene solo x y aprende la estructura interna de los "
            "datos. k-means alterna dos pasos: asignar cada "
            "punto a su centroide más cercano, c_i = argmin_k ‖x_i − μ_k‖², y mover cada centroide a la media "
            "de sus puntos. La inercia Σ‖x_i − μ_{c_i}‖² nunca sube. Mueve el deslizador de pasos para verlo."),
        "init": "Inicialización",
    },
}

DYNAMIC = {
    "en": {
        "elbow": "Elbow: final inertia for each k",
        "inertia": "inertia",
        "step": "step",
        "inertia_curve": "Inertia at each step",
        "kmeans_title": "Step {step} of {steps}: points by cluster, centroids' paths",
        "kmeans_summary_unlabelled": (
            "Inertia **{inertia:.1f}**; drawn points have no true labels to compare with; converged after "
            "{converged} updates."),
        "kmeans_summary": (
            "Inertia **{inertia:.1f}**; agreement with the true labels (adjusted Rand index) **{ari:.2f}**; "
            "converged after {converged} updates."),
    },
    "es": {
        "elbow": "Codo: inercia final para cada k",
        "inertia": "inercia",
        "step": "paso",
        "inertia_curve": "Inercia en cada paso",
        "kmeans_title": "Paso {step} de {steps}: puntos por clúster, caminos de los centroides",
        "kmeans_summary_unlabelled": (
            "Inercia **{inertia:.1f}**; los puntos dibujados no tienen etiquetas verdaderas con que comparar; "
            "convergió tras {converged} actualizaciones."),
        "kmeans_summary": (
            "Inercia **{inertia:.1f}**; acuerdo con las etiquetas verdaderas (índice de Rand ajustado) "
            "**{ari:.2f}**; convergió tras {converged} actualizaciones."),
    },
}
