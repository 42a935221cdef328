"""Text of the Latent diffusion tab (lecture: "Modelos de difusión latentes")."""

UI = {
    "en": {
        "tab_latent_diffusion": "Latent diffusion",
        "latent_diffusion_intro": (
            "**Latent diffusion.** Train an encoder and a decoder to turn images into **latents**; then train a "
            "diffusion model to remove noise from the latents, with the **encoder frozen**. After training: "
            "sample a random latent, apply the diffusion model again and again to remove its noise, and run the "
            "**decoder** to get an image. Here the encoder and decoder are the 16-d VAE of the Draw & encode "
            "tab, so the diffusion works on **16 numbers instead of 784 pixels** (the lecture's H × W × 3 → "
            "H/D × W/D × C; here 28 × 28 × 1 → 16, a flat vector). The lecture's grid-shaped latent is the one "
            "the [Patches → tokens](?tab=tokens&lang=en) tab's VQ-VAE makes: D = 4, so 28 × 28 × 1 → **7 × 7** codes, "
            "each a vector of C numbers, one per 4 × 4 patch. The latents are multiplied by "
            "a scale factor s = 1/std so that they have unit variance, as the noise schedule assumes. The label "
            "y conditions the denoiser as in pixel space, with classifier-free guidance; text-to-image models "
            "condition the same denoiser on a text encoder's output instead of a class."),
        "run_latent": "Run latent diffusion",
        "latent_path_legend": (
            "The black line is z_t from pure noise (first dot) to the final latent (×); the ring is the "
            "predicted clean latent ẑ0 at the chosen step (on the border when it lies beyond the map, as it "
            "does in the first, noisiest steps). With PCA the path is exact on the plane; with UMAP each point "
            "is placed by its nearest test codes, which flatters the noisy start."),
        "spaces_title": "### Latent vs pixel space: the same class, seed and sampler",
        "compare_spaces": "Compare with pixel-space diffusion",
        "prompt_title": (
            "### Text to image, the lab's way\n"
            "A text-to-image model conditions the same denoiser on a prompt instead of a class: a text encoder "
            "turns the words into vectors the denoiser receives at every step. Type a prompt (English or Spanish: "
            "*a slanted seven*, *an ankle boot*) and predict first: what will a prompt that names no class give?"),
        "prompt": "Prompt",
        "prompt_run": "Generate from text",
        "prompt_grid": "16 samples from your prompt",
        "latent_grid": "16 latent samples",
        "pixel_sample": "Pixel-space diffusion",
        "latent_sample": "Latent diffusion (decoded)",
    },
    "es": {
        "tab_latent_diffusion": "Difusión latente",
        "latent_diffusion_intro": (
            "**Modelos de difusión latentes.** Se entrenan un encoder y un decoder que convierten imágenes en "
            "**latentes**; luego se entrena un modelo de difusión que quita ruido de los latentes, con el "
            "**encoder congelado**. Tras el entrenamiento: se samplea un latente aleatorio, se aplica el modelo "
            "de difusión una y otra vez para quitarle el ruido y se pasa por el **decoder** para obtener una "
            "imagen. Aquí encoder y decoder son el VAE de 16-d de la pestaña Dibujar y codificar: la difusión "
            "trabaja sobre **16 números en lugar de 784 píxeles** (el H × W × 3 → H/D × W/D × C de la clase; "
            "aquí 28 × 28 × 1 → 16, un vector plano). El latente con forma de grilla de la clase es el que hace "
            "el VQ-VAE de la pestaña [Parches → tokens](?tab=tokens&lang=es): D = 4, así que 28 × 28 × 1 → **7 × 7** "
            "códigos, cada uno un vector de C números, uno por parche de 4 × 4. Los latentes se multiplican por "
            "un factor s "
            "= 1/std para que tengan varianza unitaria, como supone el calendario de ruido. La etiqueta y "
            "condiciona al eliminador de ruido como en el espacio de píxeles, con guía sin clasificador; los "
            "modelos de texto a imagen condicionan el mismo eliminador con la salida de un encoder de texto en "
            "vez de una clase."),
        "run_latent": "Ejecutar la difusión latente",
        "latent_path_legend": (
            "La línea negra es z_t desde el ruido puro (primer punto) hasta el latente final (×); el anillo es "
            "el latente limpio predicho ẑ0 en el paso elegido (en el borde cuando cae fuera del mapa, como en "
            "los primeros pasos, los más ruidosos). Con PCA el camino es exacto sobre el plano; con UMAP cada "
            "punto se coloca según sus códigos de test más cercanos, lo que embellece el inicio ruidoso."),
        "spaces_title": "### Espacio latente frente a píxeles: la misma clase, semilla y sampler",
        "compare_spaces": "Comparar con la difusión en píxeles",
        "prompt_title": (
            "### Texto a imagen, a la manera del laboratorio\n"
            "Un modelo de texto a imagen condiciona el mismo eliminador de ruido con un prompt en vez de una "
            "clase: un encoder de texto convierte las palabras en vectores que el eliminador recibe en cada paso. "
            "Escribe un prompt (en español o inglés: *un siete inclinado*, *una bota*) y predice primero: ¿qué dará "
            "un prompt que no nombra ninguna clase?"),
        "prompt": "Prompt",
        "prompt_run": "Generar desde el texto",
        "prompt_grid": "16 muestras de tu prompt",
        "latent_grid": "16 muestras latentes",
        "pixel_sample": "Difusión en píxeles",
        "latent_sample": "Difusión latente (decodificada)",
    },
}

DYNAMIC = {
    "en": {
        "prompt_class": "Your prompt's word **{word}** names the class **{label}**: its learned embedding e_y conditions the denoiser. ",
        "prompt_none": (
            "No word of your prompt (read up to its first {shown} characters) names a class: the denoiser gets the "
            "**empty prompt ∅**, the \"no class\" embedding it learned when labels were dropped in training, so "
            "these are samples of p(x), not of p(x|y). "),
        "prompt_how": (
            "Here a lookup of class names stands in for the text encoder (these denoisers were trained on ten "
            "labels, not on captions); a real text-to-image model learns that encoder and feeds the denoiser one "
            "vector per token, which it attends to. {seconds:.2f} s for the 16."),
        "latent_path_panel": "The latent's path on the 16-d VAE's map (test set behind it)",
        "latent_model": (
            "The denoiser: a residual MLP with **{parameters:,}** parameters on **{latent_dim}**-d latents, "
            "scale factor s = {scale:.3f}, {schedule} schedule. The frozen VAE that encodes and decodes: "
            "{vae:,} parameters."),
        "latent_summary": (
            "**{steps}** steps of {sampler} for class **{label}** with w = {guidance:g}: {ms:.0f} ms for the "
            "whole sample, decoding included ({per_step:.2f} ms per step)."),
        "latent_step_caption": "Step **{step}** of {steps}, t = **{t}**, ‖z_t‖ = {norm:.2f}",
        "latent_final_caption": "After all {steps} steps: the final latent z_0 (‖z_0‖ = {norm:.2f}), decoded.",
        "space_table_head": "| | pixel space | latent space | ratio |",
        "space_dimensions": "| dimensions denoised | {pixel} | {latent} | {ratio:.0f}× |",
        "space_parameters": "| denoiser parameters | {pixel:,} | {latent:,} (+ decoder {decoder:,}) | |",
        "space_flops": "| MFLOPs per guided step | {pixel:.1f} | {latent:.2f} | {ratio:.0f}× |",
        "space_step": "| time per step | {pixel:.2f} ms | {latent:.2f} ms | {ratio:.1f}× |",
        "space_sample": (
            "| time per sample ({steps} steps) | {pixel:.0f} ms | {latent:.0f} ms (decoding included) | "
            "{ratio:.1f}× |"),
        "space_accuracy": "| class accuracy, 1,000 samples | {pixel} | {latent} | |",
        "space_fd": (
            "| Fréchet distance (real images: {floor}; the VAE's reconstructions: {ceiling}, see below) | {pixel} | "
            "{latent} | |"),
        "space_fd_note": (
            "Two references. **Real images**: other real (training) images against the test images, what real "
            "data scores. **The VAE's reconstructions**: the decoder's copies of the very test images it is "
            "compared with, one to one; that is why this number can sit *below* the real images' (the copies "
            "share each test image's pose and style, and only the decoder's blur is left). A latent sample is "
            "decoded by the same decoder, so expect it to score no better than the reconstructions: an "
            "expectation, not a bound, since a Fréchet distance compares two distributions, not image pairs. A "
            "pixel-space sample has only the real images as its reference."),
    },
    "es": {
        "prompt_class": "La palabra **{word}** de tu prompt nombra la clase **{label}**: su embedding aprendido e_y condiciona al eliminador de ruido. ",
        "prompt_none": (
            "Ninguna palabra de tu prompt (leído hasta sus primeros {shown} caracteres) nombra una clase: el "
            "eliminador recibe el **prompt vacío ∅**, el embedding \"sin clase\" que aprendió cuando se quitaban "
            "las etiquetas en el entrenamiento, así que son muestras de p(x), no de p(x|y). "),
        "prompt_how": (
            "Aquí una búsqueda de nombres de clase hace de encoder de texto (estos eliminadores se entrenaron con "
            "diez etiquetas, no con descripciones); un modelo de texto a imagen real aprende ese encoder y le da "
            "al eliminador un vector por token, al que atiende. {seconds:.2f} s para las 16."),
        "latent_path_panel": "El camino del latente sobre el mapa del VAE de 16-d (con el conjunto de test detrás)",
        "latent_model": (
            "El eliminador de ruido: un MLP residual con **{parameters:,}** parámetros sobre latentes de "
            "**{latent_dim}**-d, factor de escala s = {scale:.3f}, calendario {schedule}. El VAE congelado que "
            "codifica y decodifica: {vae:,} parámetros."),
        "latent_summary": (
            "**{steps}** pasos de {sampler} para la clase **{label}** con w = {guidance:g}: {ms:.0f} ms por "
            "muestra completa, decodificación incluida ({per_step:.2f} ms por paso)."),
        "latent_step_caption": "Paso **{step}** de {steps}, t = **{t}**, ‖z_t‖ = {norm:.2f}",
        "latent_final_caption": (
            "Tras los {steps} pasos: el latente final z_0 (‖z_0‖ = {norm:.2f}), decodificado."),
        "space_table_head": "| | espacio de píxeles | espacio latente | razón |",
        "space_dimensions": "| dimensiones a las que se quita el ruido | {pixel} | {latent} | {ratio:.0f}× |",
        "space_parameters": "| parámetros del eliminador | {pixel:,} | {latent:,} (+ decoder {decoder:,}) | |",
        "space_flops": "| MFLOPs por paso guiado | {pixel:.1f} | {latent:.2f} | {ratio:.0f}× |",
        "space_step": "| tiempo por paso | {pixel:.2f} ms | {latent:.2f} ms | {ratio:.1f}× |",
        "space_sample": (
            "| tiempo por muestra ({steps} pasos) | {pixel:.0f} ms | {latent:.0f} ms (con decodificación) | "
            "{ratio:.1f}× |"),
        "space_accuracy": "| acierto de clase, 1000 muestras | {pixel} | {latent} | |",
        "space_fd": (
            "| distancia de Fréchet (imágenes reales: {floor}; reconstrucciones del VAE: {ceiling}, ver abajo) | "
            "{pixel} | {latent} | |"),
        "space_fd_note": (
            "Dos referencias. **Imágenes reales**: otras imágenes reales (de entrenamiento) frente a las de test, "
            "lo que puntúan los datos reales. **Las reconstrucciones del VAE**: las copias que hace el decoder "
            "de las mismas imágenes de test con las que se comparan, una a una; por eso esta cifra puede quedar "
            "*por debajo* de la de las imágenes reales (las copias comparten la pose y el estilo de cada imagen "
            "de test y solo queda el desenfoque del decoder). Una muestra latente la decodifica el mismo "
            "decoder, así que se espera que no puntúe mejor que las reconstrucciones: una expectativa, no una "
            "cota, porque una distancia de Fréchet compara dos distribuciones, no pares de imágenes. Una muestra "
            "en píxeles solo tiene como referencia las imágenes reales."),
    },
}
