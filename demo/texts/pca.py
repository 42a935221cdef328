"""Text of the PCA tab (lecture: unsupervised learning, dimensionality reduction), in English and Spanish."""

UI = {
    "en": {
        "tab_pca": "PCA",
        "pca_intro": (
            "**Dimensionality reduction.** PCA finds the directions u_1, u_2, … of largest variance. Left: the "
            "principal axes of 2-D points. Right: the same on 28×28 images; an image rebuilt from its first k "
            "components, x̂ = mean + Σ_{j=1…k} ((x − mean)·u_j) u_j, is exact when k = 784."),
        "pca_components": "Mean image, then u_1 … u_7 (grey 0, white +, black −)",
        "pca_k": "k components",
        "pca_original": "x",
        "pca_rebuilt": "x̂ from k components",
    },
    "es": {
        "tab_pca": "PCA",
        "pca_intro": (
            "**Reducción de dimensionalidad.** PCA encuentra las direcciones u_1, u_2, … de mayor varianza. "
            "Izquierda: los ejes principales de puntos 2-D. Derecha: lo mismo con imágenes de 28×28; una imagen "
            "reconstruida con sus primeras k componentes, x̂ = media + Σ_{j=1…k} ((x − media)·u_j) u_j, es exacta "
            "con k = 784."),
        "pca_components": "Imagen media, luego u_1 … u_7 (gris 0, blanco +, negro −)",
        "pca_k": "k componentes",
        "pca_original": "x",
        "pca_rebuilt": "x̂ con k componentes",
    },
}

DYNAMIC = {
    "en": {
        "pca_axes": "Principal axes (each 2·√λ long)",
        "pca_curve": "Cumulative explained variance",
        "explained": "explained",
        "pca_summary": (
            "**k = {k}** components explain **{explained:.1%}** of the variance; ‖x − x̂‖² = **{error:.2f}**."),
    },
    "es": {
        "pca_axes": "Ejes principales (cada uno de largo 2·√λ)",
        "pca_curve": "Varianza explicada acumulada",
        "explained": "explicada",
        "pca_summary": (
            "**k = {k}** componentes explican **{explained:.1%}** de la varianza; ‖x − x̂‖² = **{error:.2f}**."),
    },
}
