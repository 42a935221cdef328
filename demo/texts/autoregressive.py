"""Text of the Autoregressive tab (lecture: "Modelos autoregresivos")."""

UI = {
    "en": {
        "tab_autoregressive": "Autoregressive",
        "ar_intro": (
            "**Autoregressive models.** Write p(x) explicitly and train by **maximum likelihood**: W* = argmax "
            "Σ_i log p(x⁽ⁱ⁾). Treat the image as a sequence of 784 8-bit values in raster order and use the "
            "chain rule: **p(x) = Π_t p(x_t | x_1, …, x_(t−1))**. Each factor is a **classification among 256 "
            "values** [0, 255]. The lecture models these factors with an **RNN** (a state carried along the "
            "sequence) or a **masked Transformer** (attention only to earlier positions), as in language "
            "modelling. A **PixelCNN** computes all 784 factors at once with masked convolutions that "
            "let pixel t see only the pixels before it; sampling, though, must go one pixel at a time. "
            "Conditioned on the class y, as the diffusion models are."),
        "temperature": "Temperature (divides the logits)",
        "ar_guidance": "Guidance w (1 = p(x | y) itself)",
        "ar_sample": "Sample pixel by pixel",
        "ar_grid_title": "### 16 samples, row by row",
        "ar_grid": "Draw 16 samples of the class",
        "ar_completion_title": "### Completion: keep the top, let the model finish",
        "ar_rows": "Rows kept from the top",
        "ar_complete": "Complete it four times",
        "ar_completions": "Kept part (grey: to draw), then four completions",
        "ar_likelihood_title": "### Likelihood: how probable is this image?",
        "ar_measure": "Measure p(x)",
        "ar_cost_title_section": "### The cost of going pixel by pixel",
    },
    "es": {
        "tab_autoregressive": "Autoregresivo",
        "ar_intro": (
            "**Modelos autoregresivos.** Se escribe p(x) explícitamente y se entrena por **maximum likelihood** "
            "(maximizar el likelihood): W* = argmax Σ_i log p(x⁽ⁱ⁾). La imagen es una secuencia de 784 valores de 8 bits "
            "en orden de barrido y se usa la regla de la cadena: **p(x) = Π_t p(x_t | x_1, …, x_(t−1))**. Cada "
            "factor es una **clasificación entre 256 valores** [0, 255]. La clase modela estos factores con una "
            "**RNN** (un estado que recorre la secuencia) o un **Transformer enmascarado** (atención solo a las "
            "posiciones anteriores), como en el modelamiento de lenguaje. Una **PixelCNN** calcula los 784 "
            "factores a la vez con convoluciones enmascaradas que solo dejan ver al píxel t los anteriores; "
            "samplear, en cambio, exige ir de píxel en píxel. Condicionada por la clase y, como los modelos de "
            "difusión."),
        "temperature": "Temperatura (divide los logits)",
        "ar_guidance": "Guía w (1 = la propia p(x | y))",
        "ar_sample": "Samplear píxel a píxel",
        "ar_grid_title": "### 16 muestras, fila a fila",
        "ar_grid": "Dibujar 16 muestras de la clase",
        "ar_completion_title": "### Completar: se conserva la parte de arriba y el modelo la termina",
        "ar_rows": "Filas conservadas desde arriba",
        "ar_complete": "Completar cuatro veces",
        "ar_completions": "Parte conservada (gris: por dibujar) y cuatro completados",
        "ar_likelihood_title": "### Likelihood: ¿cuán probable es esta imagen?",
        "ar_measure": "Medir p(x)",
        "ar_cost_title_section": "### El coste de ir píxel a píxel",
    },
}

DYNAMIC = {
    "en": {
        "ar_so_far": "The image so far (red: this pixel; blue-grey: not drawn yet)",
        "ar_pixel": "Pixel (raster order)",
        "ar_model": (
            "The model: a class-conditional Gated PixelCNN, **{parameters:,}** parameters, {layers} gated "
            "layers of {channels} channels per stack; each pixel sees the {rows_seen} rows above it and its row "
            "to the left, and a learned map of where class y's strokes usually are."),
        "ar_guidance_on": (
            "It was also trained with the label dropped 10 % of the time, so it knows p(x_t | x_<t) too, and "
            "**guidance** w samples from log p(x_t | x_<t) + w·(log p(x_t | x_<t, y) − log p(x_t | x_<t)): the "
            "diffusion tabs' classifier-free guidance, pixel by pixel. w > 1 favours values that make the class "
            "more evident, at twice the work per step."),
        "ar_guidance_off": (
            "It was trained with the label always given, so it has no p(x_t | x_<t) to guide against: guidance "
            "stays at 1 (retrain it with --label-dropout 0.1 to have it)."),
        "ar_summary": (
            "784 pixels drawn one after another at temperature {temperature:g}, guidance w = {guidance:g}: "
            "**{seconds:.2f} s** ({per_pixel:.2f} ms per pixel, with every layer's features cached between "
            "pixels)."),
        "ar_pixel_caption": (
            "Pixel **{index}** (row {row}, column {column}): drew **{value}**, with p = {probability:.3f}; the "
            "distribution's entropy is {entropy:.2f} bits (8 = uniform)."),
        "ar_distribution_title": "p(x_t | x_<t, y) over the 256 values",
        "ar_distribution_title_guided": "The guided p̃(x_t | x_<t, y), w = {guidance:g}, over the 256 values",
        "ar_value_axis": "pixel value",
        "ar_grid_progress": "**{rows}** of 28 rows drawn, {seconds:.1f} s.",
        "ar_completion_caption": (
            "The top **{rows}** rows are given; the model draws the other {left} rows from p(x_t | x_<t, y), so "
            "every completion agrees with what it was shown."),
        "ar_likelihood": (
            "| | nats | bits per dimension |\n"
            "|---|---|---|\n"
            "| PixelCNN: −log p(x), exact (p(x) = Σ_y p(x\\|y)/10) | **{nll:.1f}** | **{bpd:.3f}** |\n"
            "| PixelCNN: −log p(x \\| y = {best}) | {best_nll:.1f} | |\n"
            "| 16-d VAE: −ELBO ≥ −log p(x) (as on Draw & encode) | {vae:.1f} | |\n"
            "\n"
            "The PixelCNN's number is an exact likelihood over 256 levels per pixel; the VAE's is a bound under "
            "its Bernoulli model of ink, a different description of the same image, so compare how they move "
            "between images rather than the two numbers."),
        "ar_log_trick": (
            "**The log trick**, on this image: the chain rule's product Π<sub>t</sub> p(x_t | x_<t, y) over "
            "its 784 pixels, multiplied out in float32, is **{product}**: e<sup>−{nll:.0f}</sup> is below the "
            "smallest number a float holds. Its log is a sum the computer keeps: Σ<sub>t</sub> log p(x_t | "
            "x_<t, y) = **{log_sum:.1f}** nats. The same turns maximum likelihood over the training images, "
            "W* = argmax<sub>W</sub> Π<sub>i</sub> p(x⁽ⁱ⁾), into W* = argmax<sub>W</sub> Σ<sub>i</sub> log "
            "f(x⁽ⁱ⁾, W): the loss, optimised with SGD."),
        "ar_bayes_here": (
            "**Generative vs discriminative, on this image:** Bayes' rule over the PixelCNN says **{bayes}** "
            "({bayes_p:.1%}); the discriminative classifier says **{classifier}** ({classifier_p:.1%})."),
        "ar_bayes_test": (
            " On the {images:,} shipped test images, Bayes' rule is right **{bayes_accuracy:.1%}** of the time, "
            "with a mean confidence of {bayes_confidence:.1%} ({bayes_wrong_confidence:.1%} when wrong) and an "
            "expected calibration error (ECE) of **{bayes_ece:.3f}**; the classifier is right "
            "**{classifier_accuracy:.1%}** (ECE {classifier_ece:.3f})."),
        "ar_bayes_why": (
            "\n\n*Why a likelihood makes an overconfident classifier:* each log p(x | y) is a sum of 784 "
            "per-pixel terms, so the classes' totals differ by whole nats: on this image the best two differ by "
            "**{gap:.1f} nats** (a factor of {ratio} between their p(x | y)) and the ten span {spread:,.0f} "
            "nats. Their softmax, p(y | x), sits near 0 or 1 unless two classes come within a few nats, right or "
            "wrong. And a likelihood rewards images that are easy to describe pixel by pixel (few strokes, much "
            "black) as much as the features that tell one class from another: the model spends its capacity on "
            "every pixel. A discriminative model learns p(y | x) directly, only what separates the classes; a "
            "conditional generative one learns p(x | y), much more, and gets p(y | x) by Bayes' rule."),
        "ar_cost_title": "Cost of each pixel under y = {best}: −log p(x_t | x_<t, y)",
        "ar_posterior_title": "p(y | x) by Bayes' rule from the p(x | y)",
        "ar_cost_head": "| image | size | sequential steps | time at this speed | with 16x16 patches |",
        "ar_cost_note": (
            "One step, here, costs **{step_ms:.2f} ms** (the last sampling). A 1024x1024 colour image has 3 "
            "million values to draw in sequence; modelling **patches** (as image transformers do) draws a whole "
            "{patch}x{patch} patch, with its three channels, {values:,} values, in one step: the 1024x1024 row's "
            "sequence is {fold:,.0f} times shorter, at the price of predicting many values jointly at each step. "
            "A side that is not a multiple of {patch} is padded up to one: 28x28 becomes 32x32, 2x2 patches."),
    },
    "es": {
        "ar_so_far": "La imagen hasta ahora (rojo: este píxel; gris azulado: aún sin dibujar)",
        "ar_pixel": "Píxel (orden de barrido)",
        "ar_model": (
            "El modelo: una Gated PixelCNN condicionada por clase, **{parameters:,}** parámetros, {layers} "
            "capas con compuertas de {channels} canales por pila; cada píxel ve las {rows_seen} filas de arriba "
            "y su fila a la izquierda, y un mapa aprendido de dónde suelen ir los trazos de la clase y."),
        "ar_guidance_on": (
            "También se entrenó quitando la etiqueta el 10 % de las veces, así que conoce también p(x_t | "
            "x_<t), y la **guía** w samplea de log p(x_t | x_<t) + w·(log p(x_t | x_<t, y) − log p(x_t | "
            "x_<t)): la guía sin clasificador de las pestañas de difusión, píxel a píxel. Con w > 1 ganan los "
            "valores que hacen más evidente la clase, al doble de trabajo por paso."),
        "ar_guidance_off": (
            "Se entrenó siempre con la etiqueta, así que no tiene p(x_t | x_<t) contra la que guiar: la guía "
            "queda en 1 (reentrénalo con --label-dropout 0.1 para tenerla)."),
        "ar_summary": (
            "784 píxeles dibujados uno tras otro a temperatura {temperature:g}, guía w = {guidance:g}: "
            "**{seconds:.2f} s** ({per_pixel:.2f} ms por píxel, con las features de cada capa en caché entre "
            "píxeles)."),
        "ar_pixel_caption": (
            "Píxel **{index}** (fila {row}, columna {column}): salió **{value}**, con p = {probability:.3f}; la "
            "entropía de la distribución es {entropy:.2f} bits (8 = uniforme)."),
        "ar_distribution_title": "p(x_t | x_<t, y) sobre los 256 valores",
        "ar_distribution_title_guided": "La p̃(x_t | x_<t, y) guiada, w = {guidance:g}, sobre los 256 valores",
        "ar_value_axis": "valor del píxel",
        "ar_grid_progress": "**{rows}** de 28 filas dibujadas, {seconds:.1f} s.",
        "ar_completion_caption": (
            "Las **{rows}** filas de arriba están dadas; el modelo dibuja las otras {left} desde p(x_t | x_<t, "
            "y), así que cada completado respeta lo que vio."),
        "ar_likelihood": (
            "| | nats | bits por dimensión |\n"
            "|---|---|---|\n"
            "| PixelCNN: −log p(x), exacta (p(x) = Σ_y p(x\\|y)/10) | **{nll:.1f}** | **{bpd:.3f}** |\n"
            "| PixelCNN: −log p(x \\| y = {best}) | {best_nll:.1f} | |\n"
            "| VAE de 16-d: −ELBO ≥ −log p(x) (como en Dibujar y codificar) | {vae:.1f} | |\n"
            "\n"
            "La cifra de la PixelCNN es un likelihood exacto sobre 256 niveles por píxel; la del VAE es una "
            "cota bajo su modelo Bernoulli de la tinta, otra descripción de la misma imagen: compara cómo se "
            "mueven entre imágenes, no las dos cifras."),
        "ar_log_trick": (
            "**El truco del log**, en esta imagen: el producto de la regla de la cadena Π<sub>t</sub> p(x_t | "
            "x_<t, y) sobre sus 784 píxeles, multiplicado en float32, da **{product}**: e<sup>−{nll:.0f}</sup> "
            "está bajo el número más pequeño que guarda un float. Su log es una suma que el computador sí "
            "guarda: Σ<sub>t</sub> log p(x_t | x_<t, y) = **{log_sum:.1f}** nats. Lo mismo convierte maximizar el "
            "likelihood sobre las imágenes de entrenamiento, W* = argmax<sub>W</sub> Π<sub>i</sub> "
            "p(x⁽ⁱ⁾), en W* = argmax<sub>W</sub> Σ<sub>i</sub> log f(x⁽ⁱ⁾, W): la pérdida, optimizada con SGD."),
        "ar_bayes_here": (
            "**Generativo vs discriminativo, en esta imagen:** la regla de Bayes sobre la PixelCNN dice "
            "**{bayes}** ({bayes_p:.1%}); el clasificador discriminativo dice **{classifier}** "
            "({classifier_p:.1%})."),
        "ar_bayes_test": (
            " En las {images:,} imágenes de test incluidas, la regla de Bayes acierta el **{bayes_accuracy:.1%}**, "
            "con una confianza media del {bayes_confidence:.1%} ({bayes_wrong_confidence:.1%} cuando falla) y un "
            "error de calibración esperado (ECE) de **{bayes_ece:.3f}**; el clasificador acierta el "
            "**{classifier_accuracy:.1%}** (ECE {classifier_ece:.3f})."),
        "ar_bayes_why": (
            "\n\n*Por qué un likelihood da un clasificador demasiado seguro:* cada log p(x | y) es una suma de "
            "784 términos, uno por píxel, así que los totales de las clases difieren en nats enteros: en esta "
            "imagen las dos mejores difieren en **{gap:.1f} nats** (un factor de {ratio} entre sus p(x | y)) "
            "y las diez abarcan {spread:,.0f} nats. Su softmax, p(y | x), queda cerca de 0 o de 1 salvo que dos "
            "clases estén a pocos nats, acierte o no. Y un likelihood premia las imágenes fáciles de describir "
            "píxel a píxel (pocos trazos, mucho negro) tanto como los rasgos que distinguen una clase de otra: el "
            "modelo gasta su capacidad en cada píxel. Un modelo discriminativo aprende p(y | x) directamente, "
            "solo lo que separa las clases; uno generativo condicional aprende p(x | y), mucho más, y obtiene "
            "p(y | x) por la regla de Bayes."),
        "ar_cost_title": "Coste de cada píxel con y = {best}: −log p(x_t | x_<t, y)",
        "ar_posterior_title": "p(y | x) por la regla de Bayes desde las p(x | y)",
        "ar_cost_head": (
            "| imagen | tamaño | pasos secuenciales | tiempo a esta velocidad | con parches de 16x16 |"),
        "ar_cost_note": (
            "Un paso, aquí, cuesta **{step_ms:.2f} ms** (el último sampleo). Una imagen en color de 1024x1024 "
            "tiene 3 millones de valores que dibujar en secuencia; modelar **secuencias de parches** (como los "
            "transformers de imágenes) dibuja un parche de {patch}x{patch} entero, con sus tres canales, "
            "{values:,} valores, en un paso: la secuencia de la fila de 1024x1024 es {fold:,.0f} veces más corta, "
            "a cambio de predecir muchos valores a la vez en cada paso. Un lado que no es múltiplo de {patch} se "
            "rellena hasta serlo: 28x28 pasa a 32x32, 2x2 parches."),
    },
}
