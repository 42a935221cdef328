"""Text of the 2-D sandbox tab (lecture: diffusion and flow matching, densities), in English and Spanish."""

UI = {
    "en": {
        "tab_sandbox": "2-D sandbox",
        "sandbox_intro": (
            "**Diffusion you can watch.** In 784 dimensions nobody sees what the denoiser learned; in two, "
            "everyone can. Pick a density or draw one, train a small network ε_θ(x_t, t) on it here (about "
            "35k parameters, on the server's CPU), and watch the forward process x_t = √ᾱ_t · x₀ + √(1 − ᾱ_t) "
            "· ε, the field the network learned, and points flowing back from noise to the data. Flow "
            "matching, trained on the same points, walks straight lines x_t = (1 − t) · x₀ + t · ε instead. "
            "The same points meet the Densities tab's KDE and Gaussian mixture at the end."),
        "sb_source": "Points",
        "sb_count": "How many points",
        "sb_spread": "Spread added to a drawing",
        "sb_seed": "Seed",
        "sb_pad": "Draw a density (a wider brush spreads the points wider)",
        "sb_file": "Or load points: a CSV of x, y rows",
        "sb_use": "Use these points",
        "sb_download": "Download the points (CSV)",
        "sb_train_title": "### Train on these points, here and now",
        "sb_steps": "Training steps (each model)",
        "sb_train": "Train diffusion and flow matching",
        "sb_loss": "Training loss",
        "sb_forward_title": "### The forward process, and the field the network learned",
        "sb_t": "t (0 = data, 1 = noise)",
        "sb_process": "Model",
        "sb_field": "Arrows",
        "sb_reverse_title": "### The reverse process: particles from noise to data",
        "sb_sampler": "Sampler",
        "sb_sampler_steps": "Steps",
        "sb_sample": "Sample and play",
        "sb_compare_title": "### Samplers side by side, and how many steps each model needs",
        "sb_density_title": "### One density, several models",
        "choice_rings": "rings",
        "choice_spiral": "spiral",
        "choice_checkerboard": "checkerboard",
        "choice_file": "my file",
        "choice_diffusion": "diffusion (ε)",
        "choice_flow": "flow matching (v)",
        "choice_epsilon": "predicted noise ε̂",
        "choice_score": "score ∇log p_t = −ε̂/σ_t",
        "choice_velocity": "velocity (where the sampler moves)",
    },
    "es": {
        "tab_sandbox": "Laboratorio 2-D",
        "sandbox_intro": (
            "**Difusión que se puede ver.** En 784 dimensiones nadie ve lo que aprendió el denoiser; en dos, "
            "todos. Elige una densidad o dibuja una, entrena aquí una red pequeña ε_θ(x_t, t) sobre ella "
            "(unos 35k parámetros, en la CPU del servidor), y mira el proceso hacia adelante x_t = √ᾱ_t · x₀ + "
            "√(1 − ᾱ_t) · ε, el campo que aprendió la red y los puntos que vuelven del ruido a los datos. Flow "
            "matching, entrenado con los mismos puntos, recorre en cambio rectas x_t = (1 − t) · x₀ + t · ε. "
            "Al final, los mismos puntos se encuentran con el KDE y la mezcla de Gaussianas de la pestaña "
            "Densidades."),
        "sb_source": "Puntos",
        "sb_count": "Cuántos puntos",
        "sb_spread": "Dispersión agregada a un dibujo",
        "sb_seed": "Semilla",
        "sb_pad": "Dibuja una densidad (un pincel más ancho dispersa más los puntos)",
        "sb_file": "O carga puntos: un CSV con filas x, y",
        "sb_use": "Usar estos puntos",
        "sb_download": "Descargar los puntos (CSV)",
        "sb_train_title": "### Entrenar con estos puntos, aquí y ahora",
        "sb_steps": "Pasos de entrenamiento (cada modelo)",
        "sb_train": "Entrenar difusión y flow matching",
        "sb_loss": "Pérdida de entrenamiento",
        "sb_forward_title": "### El proceso hacia adelante, y el campo que aprendió la red",
        "sb_t": "t (0 = datos, 1 = ruido)",
        "sb_process": "Modelo",
        "sb_field": "Flechas",
        "sb_reverse_title": "### El proceso inverso: partículas del ruido a los datos",
        "sb_sampler": "Muestreador",
        "sb_sampler_steps": "Pasos",
        "sb_sample": "Muestrear y reproducir",
        "sb_compare_title": "### Muestreadores lado a lado, y cuántos pasos necesita cada modelo",
        "sb_density_title": "### Una densidad, varios modelos",
        "choice_rings": "anillos",
        "choice_spiral": "espiral",
        "choice_checkerboard": "tablero",
        "choice_file": "mi archivo",
        "choice_diffusion": "difusión (ε)",
        "choice_flow": "flow matching (v)",
        "choice_epsilon": "ruido predicho ε̂",
        "choice_score": "score ∇log p_t = −ε̂/σ_t",
        "choice_velocity": "velocidad (hacia donde mueve el muestreador)",
    },
}

DYNAMIC = {
    "en": {
        "sb_data": "{count} training points ({source}), {held_out} held out",
        "sb_model_shipped": "Models: the shipped pair for '{source}' (diffusion and flow matching, {steps} steps "
                            "each, trained offline by `python -m lab.train sandbox`). Train your own below.",
        "sb_model_none": "No model for these points yet: press **Train** (about {seconds} s).",
        "sb_model_live": "Models: your own pair, trained here on these points in {seconds:.1f} s ({steps} steps "
                         "each; final loss diffusion {diffusion:.3f}, flow {flow:.3f}).",
        "sb_training": "Training",
        "sb_loss_title": "Loss ‖target − f_θ(x_t, t)‖² (ε for diffusion, v = ε − x₀ for the flow)",
        "sb_loss_axis": "step",
        "sb_forward": "x_t at t = {t:.2f}: √ᾱ_t = {signal:.3f}, σ_t = {noise:.3f}",
        "sb_forward_flow": "x_t at t = {t:.2f}: (1 − t) · x₀ + t · ε",
        "sb_schedule": "How much of x₀ and of ε is in x_t",
        "sb_signal": "√ᾱ_t (diffusion)",
        "sb_noise": "σ_t (diffusion)",
        "sb_flow_signal": "1 − t (flow)",
        "sb_flow_noise": "t (flow)",
        "sb_reverse": "{sampler}, {steps} steps: MMD ratio {ratio:.2f} (1 = as close as fresh data)",
        "sb_play": "▶ Play",
        "sb_panel": "{sampler}, {steps} steps: {ratio:.2f}",
        "sb_steps_title": "Steps needed: the MMD ratio (1 = fresh data) against the steps",
        "sb_steps_axis": "sampling steps",
        "sb_steps_names_diffusion": "diffusion (DDIM)",
        "sb_steps_names_flow": "flow matching (Euler)",
        "sb_needed": "Steps to reach an MMD ratio of {good}: diffusion (DDIM) **{diffusion}**, flow matching "
                     "(Euler) **{flow}**. Straighter paths need fewer steps.",
        "sb_needed_none": "more than 64",
        "sb_nll_table": "| model | held-out −log p(x), nats per point (lower is better) |",
        "sb_kde": "KDE, h = {bandwidth:.3f} (cross-validated)",
        "sb_gmm": "Gaussian mixture, {components} components",
        "sb_ode_diffusion": "diffusion, exact by the probability-flow ODE",
        "sb_ode_flow": "flow matching, exact by the ODE",
        "sb_nll_note": "The ODE dx/dt = −½β(t)(x − ε̂/σ_t) carries each point to N(0, I); log p(x) = "
                       "log N(x₁) + ∫ ∇·f dt. That puts diffusion on the KDE's and the mixture's scale.",
    },
    "es": {
        "sb_data": "{count} puntos de entrenamiento ({source}), {held_out} reservados",
        "sb_model_shipped": "Modelos: el par incluido para '{source}' (difusión y flow matching, {steps} pasos "
                            "cada uno, entrenados antes con `python -m lab.train sandbox`). Entrena los tuyos "
                            "abajo.",
        "sb_model_none": "Todavía no hay modelo para estos puntos: pulsa **Entrenar** (unos {seconds} s).",
        "sb_model_live": "Modelos: tu propio par, entrenado aquí con estos puntos en {seconds:.1f} s ({steps} "
                         "pasos cada uno; pérdida final difusión {diffusion:.3f}, flow {flow:.3f}).",
        "sb_training": "Entrenando",
        "sb_loss_title": "Pérdida ‖objetivo − f_θ(x_t, t)‖² (ε en difusión, v = ε − x₀ en flow)",
        "sb_loss_axis": "paso",
        "sb_forward": "x_t en t = {t:.2f}: √ᾱ_t = {signal:.3f}, σ_t = {noise:.3f}",
        "sb_forward_flow": "x_t en t = {t:.2f}: (1 − t) · x₀ + t · ε",
        "sb_schedule": "Cuánto de x₀ y de ε hay en x_t",
        "sb_signal": "√ᾱ_t (difusión)",
        "sb_noise": "σ_t (difusión)",
        "sb_flow_signal": "1 − t (flow)",
        "sb_flow_noise": "t (flow)",
        "sb_reverse": "{sampler}, {steps} pasos: razón MMD {ratio:.2f} (1 = tan cerca como datos nuevos)",
        "sb_play": "▶ Reproducir",
        "sb_panel": "{sampler}, {steps} pasos: {ratio:.2f}",
        "sb_steps_title": "Pasos necesarios: la razón MMD (1 = datos nuevos) según los pasos",
        "sb_steps_axis": "pasos de muestreo",
        "sb_steps_names_diffusion": "difusión (DDIM)",
        "sb_steps_names_flow": "flow matching (Euler)",
        "sb_needed": "Pasos para llegar a una razón MMD de {good}: difusión (DDIM) **{diffusion}**, flow "
                     "matching (Euler) **{flow}**. Caminos más rectos necesitan menos pasos.",
        "sb_needed_none": "más de 64",
        "sb_nll_table": "| modelo | −log p(x) en puntos reservados, nats por punto (menor es mejor) |",
        "sb_kde": "KDE, h = {bandwidth:.3f} (por validación cruzada)",
        "sb_gmm": "mezcla de Gaussianas, {components} componentes",
        "sb_ode_diffusion": "difusión, exacta por la ODE de flujo de probabilidad",
        "sb_ode_flow": "flow matching, exacta por la ODE",
        "sb_nll_note": "La ODE dx/dt = −½β(t)(x − ε̂/σ_t) lleva cada punto a N(0, I); log p(x) = "
                       "log N(x₁) + ∫ ∇·f dt. Eso pone a la difusión en la escala del KDE y de la mezcla.",
    },
}
