"""Text of the Densities tab (lecture: unsupervised learning, density estimation), in English and Spanish."""

UI = {
    "en": {
        "kde_digits_intro": (
            "### A density that generates: KDE in PCA space\n"
            "scikit-learn's 1,797 digits (8x8) are projected onto their first k principal components; a KDE is "
            "fitted there (bandwidth by 5-fold cross-validation) and sampled; the samples go back to pixels "
            "through the PCA. Below each new digit, its nearest training digit: a small bandwidth copies, a "
            "large one blurs."),
        "kde_components": "Principal components k",
        "kde_use_cv": "Bandwidth by cross-validation",
        "kde_generate": "Generate 16 digits",
        "kde_samples": "New digits from the KDE",
        "kde_nearest": "Their nearest training digits",
        "tab_density": "Densities",
        "density_intro": (
            "**Density estimation:** learn p(x) from points alone. A histogram counts per bin; a KDE puts a "
            "Gaussian bump of width h on every point, p(x) = 1/N Σ K_h(x − x_i); a Gaussian mixture fits p(x) = "
            "Σ π_k N(x; μ_k, Σ_k) by EM. The table scores each on held-out points (30 %): higher mean log p(x) "
            "is better; a gap to the training score means overfitting. A diffusion model is a density too: "
            "draw one in the [2-D sandbox](?tab=sandbox&lang=en), train it, and meet these same estimators there."),
        "bins": "Histogram bins",
        "bandwidth": "KDE bandwidth h",
        "cv_bandwidth": "Bandwidth by cross-validation",
        "components": "Mixture components",
        "covariance": "Covariance type",
        "show_samples": "Draw samples from each",
    },
    "es": {
        "kde_digits_intro": (
            "### Una densidad que genera: KDE en el espacio PCA\n"
            "Los 1797 dígitos de scikit-learn (8x8) se proyectan sobre sus k primeras componentes principales; "
            "allí se ajusta un KDE (ancho de banda por validación cruzada de 5 particiones) y se samplea; las "
            "muestras vuelven a píxeles con la PCA. Debajo de cada dígito nuevo, su dígito de entrenamiento más "
            "cercano: un ancho pequeño copia, uno grande emborrona."),
        "kde_components": "Componentes principales k",
        "kde_use_cv": "Ancho de banda por validación cruzada",
        "kde_generate": "Generar 16 dígitos",
        "kde_samples": "Dígitos nuevos del KDE",
        "kde_nearest": "Sus dígitos de entrenamiento más cercanos",
        "tab_density": "Densidades",
        "density_intro": (
            "**Estimación de densidad:** aprender p(x) solo de los puntos. Un histograma cuenta por celda; un "
            "KDE pone una campana Gaussiana de ancho h en cada punto, p(x) = 1/N Σ K_h(x − x_i); una mezcla de "
            "Gaussianas ajusta p(x) = Σ π_k N(x; μ_k, Σ_k) con EM. La tabla evalúa cada una en puntos "
            "reservados (30 %): mayor log p(x) medio es mejor; una brecha con entrenamiento indica sobreajuste. "
            "Un modelo de difusión también es una densidad: dibuja una en el [Laboratorio 2-D](?tab=sandbox&lang=es), "
            "entrénalo y encuentra allí estos mismos estimadores."),
        "bins": "Celdas del histograma",
        "bandwidth": "Ancho de banda h del KDE",
        "cv_bandwidth": "Ancho de banda por validación cruzada",
        "components": "Componentes de la mezcla",
        "covariance": "Tipo de covarianza",
        "show_samples": "Samplear de cada una",
    },
}

DYNAMIC = {
    "en": {
        "histogram_1d": "histogram, {bins} bins",
        "histogram": "histogram, {bins}×{bins} bins",
        "gmm": "mixture, {components} × {covariance}",
        "true_density": "true density",
        "density_1d": "1-D: a mixture of three Gaussians, 350 training points (rug)",
        "kde_digits_summary": (
            "k = {k} components keep {explained:.0%} of the variance; bandwidth h = {bandwidth:.3f} "
            "(cross-validation picks {cv:.3f})."),
        "density_table": "| density | mean log p(x), training | mean log p(x), held-out |",
    },
    "es": {
        "histogram_1d": "histograma, {bins} celdas",
        "histogram": "histograma, {bins}×{bins} celdas",
        "gmm": "mezcla, {components} × {covariance}",
        "true_density": "densidad verdadera",
        "density_1d": "1-D: una mezcla de tres Gaussianas, 350 puntos de entrenamiento (marcas)",
        "kde_digits_summary": (
            "k = {k} componentes conservan el {explained:.0%} de la varianza; ancho de banda h = "
            "{bandwidth:.3f} (la validación cruzada elige {cv:.3f})."),
        "density_table": "| densidad | log p(x) medio, entrenamiento | log p(x) medio, reservado |",
    },
}
