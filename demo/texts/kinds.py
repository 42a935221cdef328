"""Text of the "p(x) · p(y|x) · p(x|y)" tab (lecture: "Modelos generativos vs discriminativos", "¿Porqué
modelos generativos?", "Taxonomía"), in English and Spanish."""

UI = {
    "en": {
        "tab_kinds": "p(x) · p(y|x) · p(x|y)",
        "kinds_intro": (
            "**Three kinds of model.** A *discriminative* model learns p(y|x), a *generative* model p(x), a "
            "*conditional generative* model p(x|y). Each is a probability distribution, so each is normalised, "
            "and what competes for its probability mass is different: labels, images, or images given a label. "
            "\"Generative model\" means either of the last two; conditional ones are more common in practice.\n\n"
            "| model | learns | what it is for |\n|---|---|---|\n"
            "| discriminative | p(y\\|x) | assign labels to data; feature learning (with labels) |\n"
            "| generative | p(x) | detect outliers; feature learning (without labels); sample new data |\n"
            "| conditional generative | p(x\\|y) | assign labels while rejecting outliers; sample data from "
            "labels |\n\n"
            "To give every image its share of mass, a generative model needs a deep understanding of the data "
            "(is a dog more likely sitting or standing?). **Ambiguity** is why we want P(x|y): when one y has "
            "many possible x, as in language modelling (text from text), text-to-image (an image from a "
            "prompt) or image-to-video (what comes next?), one answer is not enough."),
        "kinds_density_title": "1. A density is normalised: ∫ p(x) dx = 1",
        "kinds_density_help": (
            "p(x) of one feature of the test images, how much ink each has. Push the density up around one "
            "value: the area stays 1, so it must come down everywhere else (*masa de probabilidad*, probability mass)."),
        "kinds_centre": "Push up around (ink share)",
        "kinds_push": "How hard (0: the data's density)",
        "kinds_compete_title": "2. p(y|x) makes labels compete; p(x) makes images compete",
        "kinds_rotation_title": "2b. Turn it over: p(x) notices, p(y|x) need not (the lecture's dog)",
        "kinds_rotation_help": (
            "Is a dog more likely sitting or standing? A generative model must know, because it gives every "
            "image its share of mass. **Predict first**: as this image turns upside down a quarter turn at a time, what "
            "happens to log p(x) (the PixelCNN's), and what to the classifier's confidence p(y|x)? Then press the "
            "button."),
        "kinds_rotate": "Turn it step by step",
        "kinds_turned": "The image at 0°, 90°, 180° and 270°",
        "kinds_bayes_title": "3. A conditional generative model built by Bayes' rule, and ambiguity",
        "kinds_bayes_help": (
            "P(x|y) = P(y|x) / P(y) · P(x): the 16-d VAE is P(x) (*modelo generativo*, generative, without labels), the "
            "classifier P(y|x) (*discriminativo*, discriminative), P(y) their *prior over labels*. Sampled by importance "
            "resampling: 4,000 samples of P(x), each weighed by P(y|x)/P(y), drawn again by weight."),
        "kinds_label": "Label y",
        "kinds_resample": "Resample",
        "kinds_built": "P(x|y) by Bayes' rule (VAE + classifier)",
        "kinds_trained": "P(x|y) learnt: latent diffusion (same VAE)",
        "kinds_mean": "E[x|y]: the one L2 answer",
        "kinds_taxonomy_title": "4. The taxonomy, and what each model says about this image",
    },
    "es": {
        "tab_kinds": "p(x) · p(y|x) · p(x|y)",
        "kinds_intro": (
            "**Tres tipos de modelo.** Un modelo *discriminativo* aprende p(y|x), un modelo *generativo* p(x), "
            "un *modelo generativo condicional* p(x|y). Cada uno es una distribución de probabilidad, así que "
            "está normalizado, y lo que compite por su masa de probabilidad es distinto: etiquetas, imágenes, o "
            "imágenes dada una etiqueta. \"Modelo generativo\" es cualquiera de los dos últimos; los "
            "condicionales son más comunes en la práctica.\n\n"
            "| modelo | aprende | para qué sirve |\n|---|---|---|\n"
            "| discriminativo | p(y\\|x) | asignar etiquetas a datos; feature learning (con etiquetas) |\n"
            "| generativo | p(x) | detectar outliers; feature learning (sin etiquetas); sampling para generar "
            "nuevos datos |\n"
            "| generativo condicional | p(x\\|y) | asignar etiquetas mientras se rechazan outliers; sampling "
            "para generar datos desde etiquetas |\n\n"
            "Para dar a cada imagen su parte de la masa, un modelo generativo requiere una comprensión profunda "
            "de los datos (¿es más probable que un perro esté sentado o parado?). La **ambigüedad** es la razón "
            "para querer P(x|y): cuando una y tiene muchas x posibles, como en el modelamiento de lenguaje "
            "(texto desde texto), texto a imagen (una imagen desde un prompt) o imagen a video (¿qué sigue a "
            "continuación?), una sola respuesta no basta."),
        "kinds_density_title": "1. Una densidad está normalizada: ∫ p(x) dx = 1",
        "kinds_density_help": (
            "p(x) de una característica de las imágenes de test, cuánta tinta tiene cada una. Sube la densidad "
            "cerca de un valor: el área sigue siendo 1, así que tiene que bajar en todo el resto (*masa de "
            "probabilidad*)."),
        "kinds_centre": "Subir cerca de (fracción de tinta)",
        "kinds_push": "Cuánto (0: la densidad de los datos)",
        "kinds_compete_title": "2. p(y|x) hace competir a las etiquetas; p(x) a las imágenes",
        "kinds_rotation_title": "2b. Dale la vuelta: p(x) lo nota, p(y|x) no tiene por qué (el perro de la clase)",
        "kinds_rotation_help": (
            "¿Es más probable que un perro esté sentado o parado? Un modelo generativo tiene que saberlo, porque "
            "da a cada imagen su parte de la masa. **Predice primero**: al girar esta imagen un cuarto de vuelta "
            "cada vez, ¿qué le pasa a log p(x) (el de la PixelCNN) y qué a la confianza del "
            "clasificador p(y|x)? Luego pulsa el botón."),
        "kinds_rotate": "Girarla paso a paso",
        "kinds_turned": "La imagen a 0°, 90°, 180° y 270°",
        "kinds_bayes_title": "3. Un modelo generativo condicional construido con la regla de Bayes, y la ambigüedad",
        "kinds_bayes_help": (
            "P(x|y) = P(y|x) / P(y) · P(x): el VAE 16-d es P(x) (*modelo generativo* sin etiquetas), el "
            "clasificador P(y|x) (*discriminativo*), P(y) su *prior sobre etiquetas*. Se samplea con "
            "importance resampling: 4000 muestras de P(x), cada una pesada por P(y|x)/P(y), sorteadas de "
            "nuevo según su peso."),
        "kinds_label": "Etiqueta y",
        "kinds_resample": "Volver a samplear",
        "kinds_built": "P(x|y) con la regla de Bayes (VAE + clasificador)",
        "kinds_trained": "P(x|y) aprendido: difusión latente (el mismo VAE)",
        "kinds_mean": "E[x|y]: la única respuesta L2",
        "kinds_taxonomy_title": "4. La taxonomía, y lo que cada modelo dice de esta imagen",
    },
}

DYNAMIC = {
    "en": {
        "kinds_density_plot": "Density of the ink share (test images)",
        "kinds_before": "p(x), the data's",
        "kinds_after": "p(x), pushed up",
        "kinds_ink": "share of the image covered by ink",
        "kinds_density_numbers": (
            "∫ p(x) dx = **{before:.3f}** before and **{after:.3f}** after: the **{moved:.0%}** of the mass "
            "raised around {centre:.2f} left the other values, which now have less. Different x *compiten* (compete) "
            "for one unit of density."),
        "kinds_blank_higher": (
            " Yet the blank gets **more** mass than this image: a likelihood favours simple images, which is why "
            "the Outliers tab finds it fails in one direction."),
        "kinds_this_image": "this image",
        "kinds_other_image": "a test image of a {label}",
        "kinds_noise": "uniform noise",
        "kinds_blank": "a blank image",
        "kinds_compete_table": (
            "| image | most likely label, p(y\\|x) | Σ<sub>y</sub> p(y\\|x) | log p(x), nats | −log p(x), bits/dim | "
            "p(x) relative to this image | log p(x\\|y = {label}), nats | p(x\\|y = {label}) relative |\n"
            "|---|---|---|---|---|---|---|---|"),
        "kinds_compete_note": (
            "p(x) and p(x|y) are the PixelCNN's exact likelihoods of each image read as an 8-bit image: "
            "distributions over all 256<sup>784</sup> such images, so every image's number is its share of one "
            "unit of mass.\n\n"
            "**p(y|x)** must give a distribution over labels for *any* input: noise gets a confident label too, "
            "and its bars sum to 1 (the labels compete; there is no competition between images). **p(x)** "
            "makes all images compete for one unit of mass: the noise gets e<sup>{noise_gap:,.0f}</sup> times "
            "less than this image, so a generative model can *reject unreasonable inputs*. A **conditional** "
            "generative model makes them compete under each label: under y = {label}, this image has "
            "e<sup>{other_gap:,.0f}</sup> times the mass of the other class's image."),
        "kinds_bayes_numbers": (
            "P(y = {label}) = **{p_y:.3f}**: the mean of P(y|x) over the {pool:,} samples of P(x), "
            "E<sub>x∼P(x)</sub>[P(y|x)] (the share the classifier *labels* {label} is another number, "
            "{share:.3f}). Each sample of P(x) is the VAE decoder's mean image μ<sub>x|z</sub> for a z ~ p(z), "
            "not pixels drawn from p(x|z). The weights leave an **effective sample size of {ess:,.0f}** "
            "((Σw)²/Σw²); rejection sampling would keep only **{acceptance:.0%}** of its proposals. Possible, "
            "*pero no es común en la práctica* (\"but not common in practice\"): the conditional model on the right draws each sample directly. "
            "An outside judge (the 5 nearest training images, which took no part in this) calls **{agree} of the "
            "{draws}** samples a {label}."
            "\n\n**Ambiguity**: one label, many images. The samples differ in slant, width and style; the single "
            "answer that minimises the L2 error, their mean E[x|y], is a blur that looks like none of them: why "
            "we model P(x|y) rather than predict one x."),
        "kinds_bayes_judge": (
            "\n\n**Why {count} look like {others}:** the classifier that weighs the samples was trained on real "
            "images, and the VAE's blurry means lie off that data, where a classifier can be confidently wrong: "
            "Bayes' rule inherits its mistakes. A conditional model trained on (x, y) pairs learns the label with the image instead."),
        "kinds_rotation_bits": "−log p(x), bits/dim (PixelCNN)",
        "kinds_rotation_confidence": "p(y|x) of the top label",
        "kinds_rotation_plot": "The image turned: how likely it is, and how sure the classifier is",
        "kinds_rotation_angle": "rotation (degrees)",
        "kinds_rotation_note": (
            "Upright, the PixelCNN gives **{bits:.3f}** bits/dim and the classifier says {label} at "
            "{confidence:.1%}. At {angle}°, its least likely turn: **{turned_bits:.3f}** bits/dim, 2<sup>{factor:,.0f}</sup> times less "
            "likely than upright (784 pixels × the difference in bits), while the classifier says {turned_label} at "
            "{turned_confidence:.1%} (its least sure of the three turns: {least:.1%}). A quarter turn only moves the pixels: same pixels, same ink, only their arrangement differs. p(y|x) only has to share "
            "its mass among the labels, so it can stay sure of *some* label for an image that looks like none of its classes; "
            "p(x) has to know which images are likely."),
        "kinds_root": "Generative models",
        "kinds_diffusion_name": "Diffusion",
        "kinds_explicit": "Explicit density",
        "kinds_implicit": "Implicit density",
        "kinds_tractable": "Tractable",
        "kinds_approximate": "Approximate",
        "kinds_code_likelihood": "Exact over a code, not over x",
        "kinds_direct": "Direct",
        "kinds_indirect": "Indirect (iterative sampling)",
        "kinds_pixelcnn": "exact: −log p(x) = {bits:.2f} bits/dim",
        "kinds_tokens_name": "Tokens (VQ-VAE + Transformer)",
        "kinds_tokens": "exact over its 49 tokens: −log2 p(t) = {bits:.0f} bits (the code's, not p(x))",
        "kinds_vae": "bound: −ELBO = {nelbo:.1f} nats ≥ −log p(x){gaussian}",
        "kinds_gaussian_bits": "; Gaussian decoder (σ = {sigma:g}): ≥ {bits:.2f} bits/dim",
        "kinds_gan": "none: a GAN only samples (named here, no tab)",
        "kinds_diffusion": (
            "none shown: a variational bound exists, but the lab's model is trained on the simplified loss"),
        "kinds_open": "open the tab",
        "kinds_bad_label": "Pick a label from the list.",
    },
    "es": {
        "kinds_density_plot": "Densidad de la fracción de tinta (imágenes de test)",
        "kinds_before": "p(x), la de los datos",
        "kinds_after": "p(x), subida",
        "kinds_ink": "fracción de la imagen cubierta de tinta",
        "kinds_density_numbers": (
            "∫ p(x) dx = **{before:.3f}** antes y **{after:.3f}** después: el **{moved:.0%}** de la masa que "
            "subió cerca de {centre:.2f} salió de los otros valores, que ahora tienen menos. Los distintos x "
            "*compiten* por una unidad de densidad."),
        "kinds_blank_higher": (
            " Pero la imagen en blanco recibe **más** masa que esta imagen: un likelihood favorece a las "
            "imágenes simples, y por eso la pestaña Outliers encuentra que falla en una dirección."),
        "kinds_this_image": "esta imagen",
        "kinds_other_image": "una imagen de test de {label}",
        "kinds_noise": "ruido uniforme",
        "kinds_blank": "una imagen en blanco",
        "kinds_compete_table": (
            "| imagen | etiqueta más probable, p(y\\|x) | Σ<sub>y</sub> p(y\\|x) | log p(x), nats | −log p(x), "
            "bits/dim | p(x) relativo a esta imagen | log p(x\\|y = {label}), nats | p(x\\|y = {label}) relativo |\n"
            "|---|---|---|---|---|---|---|---|"),
        "kinds_compete_note": (
            "p(x) y p(x|y) son los likelihoods exactos de la PixelCNN para cada imagen leída como imagen de 8 "
            "bits: distribuciones sobre las 256<sup>784</sup> imágenes posibles, así que la cifra de cada imagen "
            "es su parte de una unidad de masa.\n\n"
            "**p(y|x)** debe dar una distribución sobre etiquetas para *cualquier* entrada: el ruido también "
            "recibe una etiqueta segura, y sus barras suman 1 (las etiquetas compiten; no hay competencia entre "
            "imágenes). **p(x)** hace competir a todas las imágenes por una unidad de masa: el ruido recibe "
            "e<sup>{noise_gap:,.0f}</sup> veces menos que esta imagen, así que un modelo generativo puede "
            "*rechazar entradas no razonables*. Un **modelo generativo condicional** las hace competir bajo "
            "cada etiqueta: con y = {label}, esta imagen tiene e<sup>{other_gap:,.0f}</sup> veces la masa de "
            "la imagen de la otra clase."),
        "kinds_bayes_numbers": (
            "P(y = {label}) = **{p_y:.3f}**: la media de P(y|x) sobre las {pool:,} muestras de P(x), "
            "E<sub>x∼P(x)</sub>[P(y|x)] (la fracción que el clasificador *etiqueta* como {label} es otra cifra, "
            "{share:.3f}). Cada muestra de P(x) es la imagen media μ<sub>x|z</sub> del decoder del VAE para un "
            "z ~ p(z), no píxeles sampleados de p(x|z). Los pesos dejan un **tamaño efectivo de muestra de "
            "{ess:,.0f}** ((Σw)²/Σw²); rejection sampling aceptaría solo el **{acceptance:.0%}** de sus "
            "propuestas. Se puede, *pero no es común en la práctica*: el modelo condicional de la derecha saca "
            "cada muestra directamente. Un juez externo (las 5 imágenes de entrenamiento más cercanas, que no "
            "participaron en esto) llama {label} a **{agree} de las {draws}** muestras."
            "\n\n**Ambigüedad**: una etiqueta, muchas imágenes. Las muestras difieren en inclinación, grosor y "
            "estilo; la única respuesta que minimiza el error L2, su media E[x|y], es un borrón que no se parece "
            "a ninguna: por eso modelamos P(x|y) en vez de predecir un solo x."),
        "kinds_bayes_judge": (
            "\n\n**Por qué {count} parecen {others}:** el clasificador que pesa las muestras se entrenó con "
            "imágenes reales, y las medias borrosas del VAE quedan fuera de esos datos, donde un clasificador "
            "puede equivocarse con toda seguridad: la regla de Bayes hereda sus errores. Un modelo condicional "
            "entrenado con pares (x, y), en cambio, aprende la etiqueta junto con la imagen."),
        "kinds_rotation_bits": "−log p(x), bits/dim (PixelCNN)",
        "kinds_rotation_confidence": "p(y|x) de la etiqueta más probable",
        "kinds_rotation_plot": "La imagen girada: cuán probable es y cuán seguro está el clasificador",
        "kinds_rotation_angle": "rotación (grados)",
        "kinds_rotation_note": (
            "Derecha, la PixelCNN da **{bits:.3f}** bits/dim y el clasificador dice {label} con "
            "{confidence:.1%}. A {angle}°, su giro menos probable: **{turned_bits:.3f}** bits/dim, 2<sup>{factor:,.0f}</sup> veces menos "
            "probable que derecha, mientras el clasificador dice {turned_label} con {turned_confidence:.1%} (lo "
            "menos seguro de los tres giros: {least:.1%}). Un cuarto de vuelta solo mueve los píxeles: los mismos píxeles, la misma tinta, solo cambia su disposición. p(y|x) solo reparte su masa entre las etiquetas, así que "
            "puede seguir segura de *alguna* etiqueta para una imagen que no se parece a ninguna de sus clases; p(x) tiene que "
            "saber qué imágenes son probables."),
        "kinds_root": "Modelos generativos",
        "kinds_diffusion_name": "Difusión",
        "kinds_explicit": "Densidad explícita",
        "kinds_implicit": "Densidad implícita",
        "kinds_tractable": "Tratable",
        "kinds_approximate": "Aproximada",
        "kinds_code_likelihood": "Exacta sobre un código, no sobre x",
        "kinds_direct": "Directa",
        "kinds_indirect": "Indirecta (sampleo iterativo)",
        "kinds_pixelcnn": "exacta: −log p(x) = {bits:.2f} bits/dim",
        "kinds_tokens_name": "Tokens (VQ-VAE + Transformer)",
        "kinds_tokens": "exacta sobre sus 49 tokens: −log2 p(t) = {bits:.0f} bits (la del código, no p(x))",
        "kinds_vae": "cota: −ELBO = {nelbo:.1f} nats ≥ −log p(x){gaussian}",
        "kinds_gaussian_bits": "; decoder Gaussiano (σ = {sigma:g}): ≥ {bits:.2f} bits/dim",
        "kinds_gan": "ninguna: una GAN solo samplea (nombrada aquí, sin pestaña)",
        "kinds_diffusion": (
            "no se muestra: existe una cota variacional, pero el modelo del laboratorio se entrena con la "
            "pérdida simplificada"),
        "kinds_open": "abrir la pestaña",
        "kinds_bad_label": "Elige una etiqueta de la lista.",
    },
}
