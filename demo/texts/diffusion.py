"""Text of the Diffusion tab (lecture: "Modelos de difusión"), in English and Spanish."""

UI = {
    "en": {
        "seed_noise": "Seed of ε",
        "tab_diffusion": "Diffusion",
        "diffusion_intro": (
            "**Diffusion models.** Choose a **noise distribution** p_noise (here, as usual, a Gaussian). "
            "Corrupt an image at noise levels from t = 0 (no noise) to the last t (pure noise: the lecture's "
            "t = 1; here t counts the T steps) until nothing is left, and "
            "train a network f_θ(x_t, t, y) to predict the noise ε in x_t; sampling starts from pure noise and "
            "removes a little of the predicted noise at every step. The label y is dropped 10 % of the time in "
            "training, so one network gives both ε̂(x_t, t, y) and ε̂(x_t, t, ∅), and **classifier-free "
            "guidance** mixes them: ε̂ = ε̂(∅) + w·(ε̂(y) − ε̂(∅))."),
        "schedule_title": "Noise schedule: how fast the signal fades",
        "forward_title": "### Forward process: x_t = √ᾱ_t·x0 + √(1−ᾱ_t)·ε",
        "reverse_title": "### Reverse process, step by step",
        "compare_title": "### Samplers compared, and a 4x4 grid",
        "sdedit_title": (
            "### SDEdit: start from an image\n"
            "Noise the image to a level and denoise it back with the chosen class: what survives is what the "
            "noise did not erase; the rest the model invents."),
        "schedule": "Schedule",
        "run_trajectory": "Run the reverse process",
        "compare_samplers": "Compare the samplers (same seed)",
        "sample_grid": "Sample a 4x4 grid",
        "compare_gallery": "One seed, each sampler",
        "strength": "Noise level (share of the steps run)",
        "run_sdedit": "Noise and denoise",
        "sdedit_strip": "start, noised x_t, four denoisings",
        "pixel_hist_title": "Pixel values: samples vs test images",
        "pixel_hist_help": (
            "A scanned digit has grey, anti-aliased edges: a few percent of its pixels lie between black and "
            "white. A model that only learned the typical shape draws hard, binarised strokes, and the middle "
            "of this histogram empties. The distance is the total variation ½·Σ|p − q| between the two "
            "histograms: the share of pixels that would have to change bin."),
    },
    "es": {
        "seed_noise": "Semilla de ε",
        "tab_diffusion": "Difusión",
        "diffusion_intro": (
            "**Modelos de difusión.** Se elige una **distribución de ruido** p_noise (aquí, como es usual, una "
            "Gaussiana). Se corrompe una imagen en niveles de ruido desde t = 0 (sin ruido) hasta el último t "
            "(ruido puro: el t = 1 de la clase; aquí t cuenta los T pasos) hasta que no queda "
            "nada, y se entrena una red f_θ(x_t, t, y) que predice el ruido ε en x_t; el sampleo parte de "
            "ruido puro y quita un poco del ruido predicho en cada paso. La etiqueta y se descarta el 10 % de "
            "las veces al entrenar, así que una red da ε̂(x_t, t, y) y ε̂(x_t, t, ∅), y la **guía sin "
            "clasificador** las mezcla: ε̂ = ε̂(∅) + w·(ε̂(y) − ε̂(∅))."),
        "schedule_title": "Calendario de ruido: lo rápido que se apaga la señal",
        "forward_title": "### Proceso directo: x_t = √ᾱ_t·x0 + √(1−ᾱ_t)·ε",
        "reverse_title": "### Proceso inverso, paso a paso",
        "compare_title": "### Samplers comparados, y una grilla de 4x4",
        "sdedit_title": (
            "### SDEdit: partir de una imagen\n"
            "Se añade ruido a la imagen hasta un nivel y se quita con la clase elegida: lo que sobrevive es lo "
            "que el ruido no borró; el resto lo inventa el modelo."),
        "schedule": "Calendario",
        "run_trajectory": "Ejecutar el proceso inverso",
        "compare_samplers": "Comparar los samplers (misma semilla)",
        "sample_grid": "Samplear una grilla 4x4",
        "compare_gallery": "Una semilla, cada sampler",
        "strength": "Nivel de ruido (fracción de los pasos)",
        "run_sdedit": "Añadir y quitar ruido",
        "sdedit_strip": "inicio, x_t con ruido, cuatro reconstrucciones",
        "pixel_hist_title": "Valores de los píxeles: muestras vs imágenes de test",
        "pixel_hist_help": (
            "Un dígito escaneado tiene bordes grises, suavizados: un pequeño porcentaje de sus píxeles está "
            "entre el negro y el blanco. Un modelo que solo aprendió la forma típica dibuja trazos duros, "
            "binarizados, y el centro de este histograma se vacía. La distancia es la variación total "
            "½·Σ|p − q| entre los dos histogramas: la fracción de píxeles que tendrían que cambiar de intervalo."),
    },
}

DYNAMIC = {
    "en": {
        "guided_noise": "ε̂ (guided)",
        "sampler_panel": "{name}: {steps} steps, {seconds:.2f} s",
        "forward_numbers": (
            "t = **{t}** ({schedule}): x_t = **{a:.3f}**·x0 + **{b:.3f}**·ε  (√ᾱ_t = {a:.3f}, √(1−ᾱ_t) = "
            "{b:.3f})"),
        "reverse_summary": (
            "**{steps}** steps of {sampler} for class **{label}** with w = {guidance:g}: {seconds:.2f} s, "
            "{per_step:.1f} ms per step."),
        "step_caption": "Step **{step}** of {steps}, t = **{t}**",
        "sampler_table": "| sampler | steps | time | per step |",
        "sdedit_caption": "Noised to t = {t} (strength {strength:.2f}), then denoised with four seeds.",
        "diffusion_model": (
            "The denoiser: a class-conditional UNet with **{parameters:,}** parameters, {schedule} schedule."),
        "hist_title": "Pixel values: this grid, the measured samples and the test images",
        "hist_test": "test images",
        "hist_measured": "1,000 samples, w = {guidance:g}",
        "hist_grid": "this grid",
        "hist_axis_x": "pixel value (0 = black, 1 = white ink)",
        "hist_axis_y": "share of pixels",
        "hist_caption": (
            "Distance to the test images' histogram: this grid **{grid:.3f}**; the 1,000 samples measured at "
            "the defaults **{measured:.3f}** (real training images: {floor:.3f})."),
    },
    "es": {
        "guided_noise": "ε̂ (guiado)",
        "sampler_panel": "{name}: {steps} pasos, {seconds:.2f} s",
        "forward_numbers": (
            "t = **{t}** ({schedule}): x_t = **{a:.3f}**·x0 + **{b:.3f}**·ε  (√ᾱ_t = {a:.3f}, √(1−ᾱ_t) = "
            "{b:.3f})"),
        "reverse_summary": (
            "**{steps}** pasos de {sampler} para la clase **{label}** con w = {guidance:g}: {seconds:.2f} s, "
            "{per_step:.1f} ms por paso."),
        "step_caption": "Paso **{step}** de {steps}, t = **{t}**",
        "sampler_table": "| sampler | pasos | tiempo | por paso |",
        "sdedit_caption": "Ruido hasta t = {t} (intensidad {strength:.2f}), luego quitado con cuatro semillas.",
        "diffusion_model": (
            "El eliminador de ruido: una UNet condicionada por clase con **{parameters:,}** parámetros, "
            "calendario {schedule}."),
        "hist_title": "Valores de los píxeles: esta grilla, las muestras medidas y las imágenes de test",
        "hist_test": "imágenes de test",
        "hist_measured": "1000 muestras, w = {guidance:g}",
        "hist_grid": "esta grilla",
        "hist_axis_x": "valor del píxel (0 = negro, 1 = tinta blanca)",
        "hist_axis_y": "fracción de píxeles",
        "hist_caption": (
            "Distancia al histograma de las imágenes de test: esta grilla **{grid:.3f}**; las 1000 muestras "
            "medidas con los valores por defecto **{measured:.3f}** (imágenes reales de entrenamiento: {floor:.3f})."),
    },
}
