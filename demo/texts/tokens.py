"""Text of the Patches → tokens tab (lecture: "Modelos autoregresivos sobre imágenes", sequences of patches)."""

UI = {
    "en": {
        "tab_tokens": "Patches → tokens",
        "tok_intro": (
            "**Images as sequences of patches.** The chain rule p(x) = Π_t p(x_t | x_<t) works pixel by pixel, "
            "but that is **very costly**: a 1024x1024 colour image has 3 million values to draw one after "
            "another. The lecture's way out: **model a sequence of patches**. Here a **VQ-VAE** (a tokenizer) "
            "encodes each 4x4 patch to the nearest of K learned vectors, its **codebook**, so a 28x28 image "
            "becomes **49 tokens**, each one of K symbols. A **masked Transformer** (attention only to earlier "
            "positions, as in language modelling) then learns **p(t | y) = Π_i p(t_i | t_<i, y)** over those 49 "
            "tokens, a K-way classification at every step, and the VQ-VAE's decoder turns a sampled grid back "
            "into an image."),
        "tok_cut_title": "### 1. The image cut into patches → tokens",
        "tok_cut": "Cut into tokens",
        "tok_grid_caption": "Each patch with its token (point at one: the patch, and what its code stands for)",
        "tok_reconstruction": "Decoded from the 49 tokens",
        "tok_atlas_title": (
            "#### The codebook: what each code stands for (lit: the codes this image uses)\n\nEach tile is the "
            "mean of the training patches the tokenizer encodes to that code, with their surroundings dimmed. A "
            "code has no picture of its own: decoded alone among blank codes, most draw almost nothing, because "
            "the decoder reads each code together with its neighbours. That is also why the blank border has "
            "several codes: the same empty patch, at different places."),
        "tok_sample_title": "### 2. Sampling token by token",
        "tok_top_k": "Top-k (0 = every code)",
        "tok_guidance": "Guidance w (1 = p(t | y) itself)",
        "tok_sample": "Sample token by token",
        "tok_grid": "Draw 16 samples of the class",
        "tok_completion_title": "### 3. Completion: keep the first token rows, sample the rest",
        "tok_rows": "Token rows kept (of 7)",
        "tok_complete": "Complete it six times",
        "tok_completions": "Kept tokens (grey: to sample), then six completions",
        "tok_cost_title": "### 4. Pixels or tokens: the cost, measured here",
        "tok_cost_button": "Time both again",
    },
    "es": {
        "tab_tokens": "Parches → tokens",
        "tok_intro": (
            "**Imágenes como secuencias de parches.** La regla de la cadena p(x) = Π_t p(x_t | x_<t) funciona "
            "píxel a píxel, pero es **muy costoso**: una imagen en color de 1024x1024 tiene 3 millones de "
            "valores que dibujar uno tras otro. La salida de la clase: **modelar como secuencia de parches**. "
            "Aquí un **VQ-VAE** (un tokenizador) codifica cada parche de 4x4 al más cercano de K vectores "
            "aprendidos, su **codebook**, así que una imagen de 28x28 se vuelve **49 tokens**, cada uno uno de "
            "K símbolos. Un **Transformer enmascarado** (atención solo a las posiciones anteriores, como en el "
            "modelamiento de lenguaje) aprende **p(t | y) = Π_i p(t_i | t_<i, y)** sobre esos 49 tokens, una "
            "clasificación entre K en cada paso, y el decoder del VQ-VAE vuelve a convertir una grilla "
            "sampleada en imagen."),
        "tok_cut_title": "### 1. La imagen cortada en parches → tokens",
        "tok_cut": "Cortar en tokens",
        "tok_grid_caption": "Cada parche con su token (apunta a uno: el parche y lo que representa su código)",
        "tok_reconstruction": "Decodificada desde los 49 tokens",
        "tok_atlas_title": (
            "#### El codebook: qué representa cada código (iluminados: los que usa esta imagen)\n\nCada "
            "recuadro es la media de los parches de entrenamiento que el tokenizador codifica a ese código, con "
            "su entorno atenuado. Un código no tiene imagen propia: decodificado solo entre códigos vacíos, la "
            "mayoría casi no dibuja nada, porque el decoder lee cada código junto a sus vecinos. Por eso el "
            "borde vacío tiene varios códigos: el mismo parche vacío, en lugares distintos."),
        "tok_sample_title": "### 2. Samplear token a token",
        "tok_top_k": "Top-k (0 = todos los códigos)",
        "tok_guidance": "Guía w (1 = p(t | y) misma)",
        "tok_sample": "Samplear token a token",
        "tok_grid": "Dibujar 16 muestras de la clase",
        "tok_completion_title": "### 3. Completar: se mantienen las primeras filas de tokens, se samplea el resto",
        "tok_rows": "Filas de tokens que se mantienen (de 7)",
        "tok_complete": "Completarla seis veces",
        "tok_completions": "Tokens mantenidos (gris: por samplear), luego seis completados",
        "tok_cost_title": "### 4. Píxeles o tokens: el costo, medido aquí",
        "tok_cost_button": "Medir ambos de nuevo",
    },
}

DYNAMIC = {
    "en": {
        "tok_model": (
            "**Tokenizer:** a VQ-VAE with K = {codebook_size} codes of {code_dim} numbers, a {grid}x{grid} grid "
            "({vqvae_parameters:,} parameters). **Prior:** a masked Transformer, {depth} blocks of width {width} "
            "({transformer_parameters:,} parameters), with a class token y and label dropout (so guidance works)."),
        "tok_quality": (
            " Measured on 1,000 samples at the defaults: the classifier reads **{cond_accuracy:.1%}** as the "
            "requested class, Fréchet distance **{fd:.1f}** (real data: {fd_floor:.1f}). The tokens rebuild a "
            "test image with ‖x − x̂‖² = **{vqvae_squared_error:.2f}** (16-d VAE: {vae16_squared_error:.2f}; PCA with "
            "16 components: {pca16_squared_error:.2f}), using the codebook with perplexity "
            "**{vqvae_perplexity:.0f}** of {vqvae_codebook_size}."),
        "tok_hover": "row {row}, column {column}: token {code}",
        "tok_atlas_tile": "code {code}: {count} times in this image, {patches:,} training patches",
        "tok_numbers": (
            "**{used}** different codes of K = {K}. The grid holds 49 · log2 {K} = **{bits:.0f} bits**; decoded, "
            "it gives ‖x − x̂‖² = **{error:.2f}** (summed over the 784 pixels). The quantisation is the nearest "
            "codebook entry, k = argmin_j ‖z_e − e_j‖²; training passes the decoder's gradient straight "
            "through it to the encoder and keeps the codebook alive (moving averages, dead codes restarted)."),
        "tok_summary": (
            "**{steps}** sequential steps, {seconds:.2f} s ({per_token:.1f} ms per token, keys and values "
            "cached: each step runs only the new token through the network)."),
        "tok_caption": (
            "Token **{index}** (row {row}, column {column}): drew code **{code}**, with p = {probability:.3f}; "
            "the distribution's entropy is {entropy:.2f} bits ({uniform:.0f} = uniform)."),
        "tok_so_far": "Decoded after each token",
        "tok_step": "Token",
        "tok_distribution_title": "p(t_{index} | t_<{index}, y) over the K codes, guidance w = {guidance:g}",
        "tok_code_axis": "code",
        "tok_grid_progress": "**{rows}** of 7 token rows drawn, {seconds:.2f} s.",
        "tok_completion_caption": (
            "The first **{rows}** token rows are the image's own; the model samples the other {left} from "
            "p(t_i | t_<i, y), so every completion agrees with what it was given (the decoder can still "
            "soften the seam)."),
        "tok_cost_head": (
            "| image | size | pixel steps (PixelCNN) | time | 4x4 patch steps (tokens) | time |"),
        "tok_cost_note": (
            "Timed now for one image of each chain: the PixelCNN's 784 steps took **{pixel_seconds:.2f} s**, "
            "the token model's 49 steps and the decoder **{token_seconds:.3f} s**: **{speedup:.0f}x** faster. "
            "Larger sizes multiply the measured time per step by the number of steps; for tokens this is a "
            "lower bound, since attention over a longer sequence costs more per step."),
        "tok_bits": (
            "**Two likelihoods, two different things.** For the image above, the PixelCNN gives −log2 p(x) = "
            "**{pixel_bits:.0f} bits** over its {pixels} pixels; the token model gives −log2 p(t) = "
            "**{token_bits:.0f} bits** over its {tokens} tokens. They cannot be compared: p(t) is the "
            "probability of the *code* of the image, a lossy summary, and says nothing about the details the "
            "decoder fills in. A likelihood of x itself would also need p(x | t), a decoder that is a density "
            "(as in a VAE's ELBO); this one only draws a mean image."),
    },
    "es": {
        "tok_model": (
            "**Tokenizador:** un VQ-VAE con K = {codebook_size} códigos de {code_dim} números, una grilla de "
            "{grid}x{grid} ({vqvae_parameters:,} parámetros). **Prior:** un Transformer enmascarado, {depth} "
            "bloques de ancho {width} ({transformer_parameters:,} parámetros), con un token de clase y y label "
            "dropout (para que funcione la guía)."),
        "tok_quality": (
            " Medido en 1000 muestras con los valores por defecto: el clasificador lee **{cond_accuracy:.1%}** "
            "como la clase pedida, distancia de Fréchet **{fd:.1f}** (datos reales: {fd_floor:.1f}). Los tokens "
            "reconstruyen una imagen de test con ‖x − x̂‖² = **{vqvae_squared_error:.2f}** (VAE 16-d: "
            "{vae16_squared_error:.2f}; PCA con 16 componentes: {pca16_squared_error:.2f}), usando el codebook con "
            "perplejidad **{vqvae_perplexity:.0f}** de {vqvae_codebook_size}."),
        "tok_hover": "fila {row}, columna {column}: token {code}",
        "tok_atlas_tile": "código {code}: {count} veces en esta imagen, {patches:,} parches de entrenamiento",
        "tok_numbers": (
            "**{used}** códigos distintos de K = {K}. La grilla guarda 49 · log2 {K} = **{bits:.0f} bits**; "
            "decodificada da ‖x − x̂‖² = **{error:.2f}** (sumado sobre los 784 píxeles). La cuantización es la "
            "entrada más cercana del codebook, k = argmin_j ‖z_e − e_j‖²; el entrenamiento pasa el gradiente "
            "del decoder directo (straight-through) al encoder y mantiene vivo el codebook (promedios móviles, "
            "códigos muertos reiniciados)."),
        "tok_summary": (
            "**{steps}** pasos secuenciales, {seconds:.2f} s ({per_token:.1f} ms por token, con claves y "
            "valores en caché: cada paso pasa solo el token nuevo por la red)."),
        "tok_caption": (
            "Token **{index}** (fila {row}, columna {column}): salió el código **{code}**, con p = "
            "{probability:.3f}; la entropía de la distribución es {entropy:.2f} bits ({uniform:.0f} = uniforme)."),
        "tok_so_far": "Decodificada tras cada token",
        "tok_step": "Token",
        "tok_distribution_title": "p(t_{index} | t_<{index}, y) sobre los K códigos, guía w = {guidance:g}",
        "tok_code_axis": "código",
        "tok_grid_progress": "**{rows}** de 7 filas de tokens dibujadas, {seconds:.2f} s.",
        "tok_completion_caption": (
            "Las primeras **{rows}** filas de tokens son de la imagen; el modelo samplea las otras {left} desde "
            "p(t_i | t_<i, y), así que cada completado respeta lo que se le dio (el decoder aún puede suavizar "
            "la unión)."),
        "tok_cost_head": (
            "| imagen | tamaño | pasos por píxel (PixelCNN) | tiempo | pasos por parche de 4x4 (tokens) | tiempo |"),
        "tok_cost_note": (
            "Medido ahora para una imagen de cada cadena: los 784 pasos de la PixelCNN tomaron "
            "**{pixel_seconds:.2f} s**, los 49 pasos del modelo de tokens y el decoder **{token_seconds:.3f} s**: "
            "**{speedup:.0f}x** más rápido. Los tamaños mayores multiplican el tiempo medido por paso por el "
            "número de pasos; para tokens es una cota inferior, porque la atención sobre una secuencia más "
            "larga cuesta más por paso."),
        "tok_bits": (
            "**Dos likelihoods, dos cosas distintas.** Para la imagen de arriba, la PixelCNN da −log2 p(x) = "
            "**{pixel_bits:.0f} bits** sobre sus {pixels} píxeles; el modelo de tokens da −log2 p(t) = "
            "**{token_bits:.0f} bits** sobre sus {tokens} tokens. No se pueden comparar: p(t) es la "
            "probabilidad del *código* de la imagen, un resumen con pérdida, y no dice nada de los detalles que "
            "rellena el decoder. Un likelihood de x misma necesitaría además p(x | t), un decoder que sea "
            "una densidad (como en el ELBO de un VAE); este solo dibuja una imagen media."),
    },
}
