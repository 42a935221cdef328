"""The lab's API, on purpose: the endpoints an instructor would script, by name and with a description, and
every other event (a slider's redraw, a timer, a page load) off the "Use via API" page.

Gradio names an endpoint after its handler and numbers repeats (`compare_7`, `lambda_4`): 109 of them, an
accident nobody could script against. `name_endpoints` renames the first event of each handler below and
marks the rest "undocumented" (still callable, by the page itself and by a determined script, and still
behind the guard: `demo.guard`).

    from gradio_client import Client
    lab = Client("http://127.0.0.1:7860/")
    lab.predict("blobs", 4, "k-means++", 0, None, api_name="/kmeans")
"""
from __future__ import annotations

import gradio as gr

# handler name -> (endpoint name, what it does); the handler's first event gets the name.
NAMED = {
    "encode_sketch": ("encode_drawing", "Encode a drawing (a sketchpad value) with the VAE, the autoencoder and "
                                        "the classifier: reconstructions, q(z|x), the ELBO terms and p(y|x)."),
    "sample_prior": ("sample_vae_prior", "Decode samples z ~ p(z) of the 2-d and 16-d VAEs."),
    "run_interpolation": ("interpolate", "Walk the VAE's latent space between two images, linearly or "
                                         "spherically; returns the strip, the decoded frames as a GIF and a CSV."),
    "run_kmeans": ("kmeans", "Run k-means on a toy data set (or drawn points) and show every step."),
    "score_outlier": ("outlier_score", "Score an image as in- or out-of-distribution with the VAE's -ELBO and "
                                       "the classifier's confidence."),
    "run_reverse": ("diffusion_trajectory", "Sample one image with the pixel diffusion model and return its whole "
                                            "reverse trajectory (a flipbook), a summary and a GIF."),
    "sample_sixteen": ("diffusion_grid", "Sample a 4x4 grid of one class (or unconditional) with the pixel "
                                         "diffusion model, and its pixel-value histogram against the test "
                                         "images'."),
    "compare_samplers": ("compare_samplers", "The same class and seed through DDPM, DDIM and DPM-Solver++."),
    "run_latent": ("latent_diffusion_trajectory", "Sample one image with latent diffusion: its trajectory in the "
                                                  "VAE's latent space and decoded."),
    "run_sampling": ("pixelcnn_sample", "Draw one image pixel by pixel with the PixelCNN; returns the flipbook and "
                                        "the distribution of its most uncertain pixel."),
    "stream_grid": ("pixelcnn_grid", "Draw 16 images of a class with the PixelCNN, streamed row by row."),
    "run_token_sampling": ("tokens_sample", "Draw one 7x7 grid of VQ-VAE tokens token by token with the "
                                            "transformer; returns the flipbook and its most uncertain token's "
                                            "distribution."),
    "stream_token_grid": ("tokens_grid", "Draw 16 images of a class as token grids, streamed token row by row."),
    "use_points": ("sandbox_points", "2-D sandbox: make the points (a toy set, a drawing's ink or a CSV of x, y "
                                     "rows), 2,000 to 10,000 of them; a toy set comes with its shipped models."),
    "train_models": ("sandbox_train", "2-D sandbox: train the diffusion and the flow-matching model on the "
                                      "session's points, streaming the loss; one run per visitor."),
    "play_reverse": ("sandbox_flow", "2-D sandbox: particles from noise to the data with DDPM, DDIM, "
                                     "DPM-Solver++ or the flow, as an animated figure with their paths."),
    "compare_models": ("sandbox_compare", "2-D sandbox: the samplers side by side, the steps each model needs, "
                                          "and held-out -log p(x) of KDE, mixture, and diffusion and flow by the ODE."),
    "join_room": ("lesson_join", "Join a lecture room by its code; returns a voter token (kept in the browser)."),
    "answer_step": ("lesson_answer", "Answer the current lesson step: alone, reveal it; in a room, vote."),
    "open_room": ("lecturer_open_room", "Open a lecture room (needs the lecturer key)."),
    "show_to_class": ("lecturer_show_step", "Move a room to the lecturer's current step (needs the lecturer key)."),
    "reveal_to_class": ("lecturer_reveal", "Reveal a room's current step to every student (needs the lecturer key)."),
}


def name_endpoints(demo: gr.Blocks) -> list[str]:
    """Give NAMED handlers their public names and hide every other endpoint; returns the public names."""
    named = []
    for block in demo.fns.values():
        if block.fn is None:
            continue
        entry = NAMED.get(block.name)
        if entry is not None and entry[0] not in named and not getattr(block.fn, "__page_load__", False):
            block.api_name, block.api_description = entry
            block.api_visibility = "public"
            named.append(entry[0])
        else:
            block.api_visibility = "undocumented"
    return named
