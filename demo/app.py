"""build_demo(): the Blocks with the tabs in the lecture's order, shared state and translations."""
from __future__ import annotations

import gradio as gr

from demo.i18n import I18N
from demo.sketch import KEEP_BRUSH_JS
from demo.tabs import (autoregressive, bayes, densities, diffusion, draw_encode, kmeans, latent_diffusion,
                       latent_explorer, models, outliers, pca)
from lab import api

CSS = """
#sketchpad canvas { cursor: crosshair; }
#summary { min-height: 3em; }
"""


def build_demo() -> gr.Blocks:
    with gr.Blocks(title="Generative Models Lab") as demo:
        gr.Markdown(I18N("title"))
        gr.Markdown(I18N("intro"))
        gr.Textbox(value=api.describe_device(), label=I18N("device"), interactive=False, max_lines=1,
                   elem_id="device", container=True)
        with gr.Tabs():
            with gr.Tab(I18N("tab_kmeans"), id="kmeans"):
                kmeans_inputs, kmeans_outputs = kmeans.build(I18N)
            # Built before the PCA tab, which reads its drawing, but shown after it (lecture order).
            draw_tab = gr.Tab(I18N("tab_draw"), id="draw", render=False)
            with draw_tab:
                drawing = draw_encode.build(I18N)
            with gr.Tab(I18N("tab_pca"), id="pca"):
                pca_inputs, pca_outputs = pca.build(I18N, drawing)
            with gr.Tab(I18N("tab_density"), id="densities"):
                (density_inputs, density_outputs), (digit_inputs, digit_outputs) = densities.build(I18N)
            with gr.Tab(I18N("tab_bayes"), id="bayes"):
                bayes_inputs, bayes_outputs = bayes.build(I18N)
            with gr.Tab(I18N("tab_autoregressive"), id="autoregressive"):
                autoregressive_loads = autoregressive.build(I18N, drawing)
            draw_tab.render()
            with gr.Tab(I18N("tab_latent"), id="latent"):
                latent_explorer.build(I18N, drawing)
            with gr.Tab(I18N("tab_outliers"), id="outliers"):
                outlier_inputs, outlier_outputs, auroc_table = outliers.build(I18N, drawing)
            with gr.Tab(I18N("tab_diffusion"), id="diffusion"):
                diffusion_loads = diffusion.build(I18N, drawing)
            with gr.Tab(I18N("tab_latent_diffusion"), id="latent_diffusion"):
                latent_loads = latent_diffusion.build(I18N)
            with gr.Tab(I18N("tab_models"), id="models"):
                models.build(I18N)
        demo.load(kmeans.run_kmeans, kmeans_inputs, kmeans_outputs)  # a first run to look at, preloaded
        demo.load(densities.compare, density_inputs, density_outputs)
        demo.load(densities.new_digits, digit_inputs, digit_outputs)
        demo.load(pca.show_components, pca_inputs, pca_outputs)
        demo.load(bayes.bayes_view, bayes_inputs, bayes_outputs)
        demo.load(outliers.auroc_table, None, auroc_table)
        demo.load(outliers.score_outlier, outlier_inputs, outlier_outputs)
        demo.load(diffusion.schedule_figure, *diffusion_loads["schedule"])
        demo.load(diffusion.show_forward, *diffusion_loads["forward"])
        demo.load(diffusion.switch_dataset, *diffusion_loads["model"])
        demo.load(diffusion.run_reverse, *diffusion_loads["reverse"])
        demo.load(diffusion.sample_every_class, *diffusion_loads["grid"])
        demo.load(autoregressive.switch_dataset, *autoregressive_loads["model"])
        demo.load(autoregressive.run_sampling, *autoregressive_loads["sample"]).then(
            autoregressive.cost_argument, *autoregressive_loads["cost"])
        demo.load(autoregressive.run_likelihood, *autoregressive_loads["likelihood"])
        demo.load(autoregressive.run_completion, *autoregressive_loads["completion"])
        demo.load(autoregressive.stream_grid, *autoregressive_loads["grid"])
        demo.load(latent_diffusion.switch_dataset, *latent_loads["model"])
        demo.load(latent_diffusion.run_latent, *latent_loads["reverse"])
        demo.load(latent_diffusion.compare_spaces, *latent_loads["compare"])
        demo.load(latent_diffusion.latent_sixteen, *latent_loads["grid"])
    return demo


def launch_options() -> dict:
    """What launch() needs besides host and port (those come from GRADIO_SERVER_NAME / _PORT)."""
    return {"i18n": I18N, "css": CSS, "js": KEEP_BRUSH_JS, "theme": gr.themes.Soft()}
