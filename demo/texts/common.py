"""Text of the page itself and of the widgets the tabs share (demo.components), in English and Spanish."""

UI = {
    "en": {
        "title": "# Generative Models Lab",
        "intro": "The lecture on generative models, made interactive: draw, encode, decode and compare.",
        "dataset": "Dataset",
        "input28": "Input x, 28×28",
        "seed": "Seed",
        "toy_data": "Data",
        "step": "Step",
        "sources_info": "Toy sets; the 8x8 digits (PCA to 2-D); the 2-d VAE's mnist latents; or drawn points",
        "points_canvas": "Draw your own points",
        "use_drawing": "Use these points",
        "points_canvas_help": (
            "Bring your own data: draw strokes (clusters, a ring, a letter); each bit of ink becomes points, "
            "600 in all. Then press the button; every new stroke updates the result."),
        "image_source": "Image",
        "test_image": "test image",
        "my_drawing": "my drawing (Draw & encode)",
        "test_index": "Test image index",
        "class_label": "Class y",
        "guidance": "Guidance scale w",
        "sampler": "Sampler",
        "steps": "Steps",
        "play": "▶ Play",
        "trajectory_gif": "The trajectory as a GIF (x_t and x̂0)",
        "grid16": "16 samples",
        "projection": "Projection (16-d latents)",
        "device": "Models run on",
    },
    "es": {
        "title": "# Laboratorio de Modelos Generativos",
        "intro": "La clase de modelos generativos, interactiva: dibuja, codifica, decodifica y compara.",
        "dataset": "Conjunto de datos",
        "input28": "Entrada x, 28×28",
        "seed": "Semilla",
        "toy_data": "Datos",
        "step": "Paso",
        "sources_info": (
            "Conjuntos de juguete; los dígitos 8x8 (PCA a 2-D); los latentes mnist del VAE 2-d; o puntos "
            "dibujados"),
        "points_canvas": "Dibuja tus propios puntos",
        "use_drawing": "Usar estos puntos",
        "points_canvas_help": (
            "Trae tus propios datos: dibuja trazos (grupos, un anillo, una letra); cada trozo de tinta se "
            "convierte en puntos, 600 en total. Luego pulsa el botón; cada trazo nuevo actualiza el resultado."),
        "image_source": "Imagen",
        "test_image": "imagen de test",
        "my_drawing": "mi dibujo (Dibujar y codificar)",
        "test_index": "Índice de la imagen de test",
        "class_label": "Clase y",
        "guidance": "Escala de guía w",
        "sampler": "Muestreador",
        "steps": "Pasos",
        "play": "▶ Reproducir",
        "trajectory_gif": "La trayectoria como GIF (x_t y x̂0)",
        "grid16": "16 muestras",
        "projection": "Proyección (latentes de 16-d)",
        "device": "Los modelos corren en",
    },
}

DYNAMIC = {
    "en": {
        "no_drawing": "Draw something in the Draw & encode tab first, or pick another image.",
        "no_class": "none (unconditional)",
        "steps_range": "The number of steps must be between 1 and 1000.",
        "grid_time": "16 samples in one batch: **{seconds:.2f} s** ({steps} steps of {sampler}).",
        "bad_index": "Pick a test image index between 0 and {count}.",
    },
    "es": {
        "no_drawing": "Primero dibuja algo en la pestaña Dibujar y codificar, o elige otra imagen.",
        "no_class": "ninguna (incondicional)",
        "steps_range": "El número de pasos debe estar entre 1 y 1000.",
        "grid_time": "16 muestras en un lote: **{seconds:.2f} s** ({steps} pasos de {sampler}).",
        "bad_index": "Elige un índice de imagen de test entre 0 y {count}.",
    },
}
