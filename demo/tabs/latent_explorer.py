"""Latent explorer: the test set's codes on a map, decoding anywhere, prior samples and interpolation
(lecture: an autoencoder's z is hard to pick; a VAE forces z to follow the prior N(0, I))."""
from __future__ import annotations

import csv
import io

import gradio as gr
import numpy as np
from PIL import Image

from demo.components import (OnLoad, captioned_image, composite, dataset_radio, export_gif, export_text,
                            sketchpad, source_image)
from demo.i18n import number, request_language, text
from demo.imaging import strip, to_display
from demo.latent_canvas import MapView, draw_map, grid_image
from lab import api
from lab.api import latent_explorer as model

MODEL_CHOICES = [("VAE 2-d", "vae2"), ("VAE 16-d", "vae16"), ("AE 16-d", "ae16")]
PROJECTION_CHOICES = [("UMAP", "umap"), ("PCA", "pca")]


def _shown(dataset: str, model_name: str, projection: str) -> tuple[dict, MapView]:
    shown = model.latent_map(dataset, model_name, projection)
    return shown, MapView.around(shown["points"])


def drawing_posterior(dataset: str, model_name: str, projection: str, drawing) -> dict | None:
    """Where the Draw & encode drawing falls on this map (None without a drawing)."""
    if drawing is None:
        return None
    return model.posterior_on_map(dataset, model_name, projection, np.asarray(drawing, np.float32))


def render_map(dataset: str, model_name: str, projection: str, marker=None, path=None,
               posterior: dict | None = None) -> Image.Image:
    """The map, with a marked point, a path and the drawing's posterior when given."""
    shown, view = _shown(dataset, model_name, projection)
    return draw_map(shown["points"], shown["labels"], shown["class_names"], view, marker, path, posterior)


def how_text(dataset: str, model_name: str, projection: str, lang: str) -> str:
    return text({"latent": "how_latent", "pca": "how_pca", "umap": "how_umap"}[
        model.latent_map(dataset, model_name, projection)["how"]], lang)


def projection_choice(model_name: str):
    """The 2-d VAE's map is its latent itself: no projection to choose, so the choice is locked."""
    return gr.update(interactive=model_name != "vae2")


def open_map(dataset: str, model_name: str, projection: str, drawing=None, request: gr.Request | None = None):
    """The map for the chosen model and projection (with the drawing's posterior), a note on how clicks
    are decoded and how the drawing is placed, its CSV, and no clicked point yet."""
    lang = request_language(request)
    note = how_text(dataset, model_name, projection, lang)
    posterior = drawing_posterior(dataset, model_name, projection, drawing)
    if posterior is not None:
        note += " " + text(f"posterior_{posterior['how']}", lang)
    return (render_map(dataset, model_name, projection, posterior=posterior), note,
            export_csv(dataset, model_name, projection), None)


def click_map(dataset: str, model_name: str, projection: str, drawing, event: gr.EventData):
    """Decode the clicked map point; mark it; show the nearest test images. Returns the point as state.
    (Plain EventData, as in Draw & encode's gallery: a scripted call without a click gets a message.)"""
    _, view = _shown(dataset, model_name, projection)
    point = view.to_map(tuple(event.index))
    decoded = model.decode_point(dataset, model_name, projection, point)
    nearest = model.nearest_examples(dataset, model_name, projection, point)
    examples = api.example_images_by_index(dataset, nearest)
    training = model.nearest_training(dataset, decoded)
    posterior = drawing_posterior(dataset, model_name, projection, drawing)
    return (render_map(dataset, model_name, projection, marker=point, posterior=posterior), to_display(decoded),
            strip(np.stack(examples)), f"({point[0]:.2f}, {point[1]:.2f})", decoded,
            strip(training["pixel"]), strip(training["latent"]))


def export_csv(dataset: str, model_name: str, projection: str) -> str:
    """The shown points as CSV: index, label, class, map x, map y, then the latent code."""
    shown = model.latent_map(dataset, model_name, projection)
    table = io.StringIO(newline="")
    writer = csv.writer(table)
    dims = shown["codes"].shape[1]
    writer.writerow(["index", "label", "class", "map_x", "map_y"] + [f"z{j + 1}" for j in range(dims)])
    for index, (point, label, code) in enumerate(zip(shown["points"], shown["labels"], shown["codes"])):
        writer.writerow([index, int(label), shown["class_names"][int(label)], f"{point[0]:.5f}",
                         f"{point[1]:.5f}"] + [f"{value:.5f}" for value in code])
    return export_text(f"latents-{dataset}-{model_name}-{shown['how']}", ".csv", table.getvalue())


def sample_prior(dataset: str, seed: float):
    """A 4x4 grid of z ~ N(0, I) decoded by the VAE and by the AE, from the same z."""
    samples = model.prior_samples(dataset, count=16, seed=int(seed or 0))
    return grid_image(samples["vae"].reshape(4, 4, 28, 28)), grid_image(samples["ae"].reshape(4, 4, 28, 28))


def show_manifold(dataset: str):
    return grid_image(model.manifold_grid(dataset, side=15))


def _endpoint(choice: str, index: float, drawing, clicked, second, dataset: str, lang: str) -> np.ndarray:
    if choice == "second":
        try:
            return api.prepare_drawing(composite(second))
        except api.BlankDrawingError:
            raise gr.Error(text("no_second", lang))
    if choice == "clicked":
        if clicked is None:
            raise gr.Error(text("no_click", lang))
        return np.asarray(clicked, np.float32)
    return source_image(choice, index, drawing, dataset, lang)   # a test image, or the drawing


def run_interpolation(dataset: str, start_choice: str, start_index: float, end_choice: str, end_index: float,
                      steps: float, method: str, drawing, clicked, second=None, request: gr.Request | None = None):
    """Frames from start to end for the VAE and the AE, the VAE's path on its UMAP map, and a GIF.

    Each endpoint is a test image (by index), the Draw & encode drawing, the last clicked map point's
    decoding, or the second drawing pad."""
    lang = request_language(request)
    start = _endpoint(start_choice, start_index, drawing, clicked, second, dataset, lang)
    end = _endpoint(end_choice, end_index, drawing, clicked, second, dataset, lang)
    frames = model.interpolation(dataset, start, end, int(steps), method)
    shown, view = _shown(dataset, "vae16", "umap")
    path = [model.code_to_umap(dataset, "vae16", code) for code in frames["vae_codes"]]
    return (strip(frames["vae"], size=84), strip(frames["ae"], size=84),
            draw_map(shown["points"], shown["labels"], shown["class_names"], view, path=np.array(path)),
            write_gif(frames["vae"], frames["ae"], lang))


def write_gif(vae_frames: np.ndarray, ae_frames: np.ndarray, lang: str) -> str:
    """An animated GIF: the VAE's frame next to the AE's, there and back."""
    return export_gif("interpolation", [vae_frames, ae_frames], labels=[text("gif_vae", lang), text("gif_ae", lang)])


def show_downstream(dataset: str, request: gr.Request | None = None) -> str:
    """The encoders for a downstream task: 1-nearest-neighbour accuracy with 100 labels, on pixels and on codes."""
    lang = request_language(request)
    result = model.downstream_accuracy(dataset)
    rows = [text("downstream_table", lang)]
    for name, accuracy in result["accuracy"].items():
        rows.append(f"| {text(f'downstream_{name}', lang)} | {result['dimensions'][name]} | "
                    f"**{number(accuracy, '.1%', lang)}** |")
    best = max(result["accuracy"], key=result["accuracy"].get)
    note = text("downstream_note", lang, labelled=result["labelled"], test=result["test"],
                best=text(f"downstream_{best}", lang))
    return "\n".join(rows) + "\n\n" + note


def build(i18n, drawing: gr.State) -> list[OnLoad]:
    """Lay out the tab; `drawing` is the Draw & encode tab's 28x28 image. Returns what the app runs on load:
    the map with its note and CSV, and the 2-d VAE's manifold."""
    gr.Markdown(i18n("latent_intro"))
    clicked = gr.State(None)
    with gr.Row():
        dataset = dataset_radio(i18n, elem_id="latent_dataset")
        model_name = gr.Radio(MODEL_CHOICES, value="vae2", label=i18n("latent_model"), elem_id="latent_model")
        projection = gr.Radio(PROJECTION_CHOICES, value="umap", label=i18n("projection"), elem_id="projection",
                              interactive=False)   # the 2-d VAE shown first needs none
    with gr.Row():
        with gr.Column(scale=3):
            latent_image = captioned_image(i18n("map"), interactive=False, elem_id="latent_map", buttons=["download"])
            how = gr.Markdown(elem_id="latent_how")
            export = gr.DownloadButton(i18n("export_csv"),
                                       size="sm", elem_id="export_csv")
        with gr.Column(scale=2):
            decoded = captioned_image(i18n("decoded_here"), elem_id="decoded_here", height=200)
            coordinates = gr.Textbox(label=i18n("point"), interactive=False, elem_id="point")
            neighbours = captioned_image(i18n("nearest"), elem_id="nearest", height=110)
            train_pixel = captioned_image(i18n("train_pixel"), elem_id="train_pixel", height=110)
            train_latent = captioned_image(i18n("train_latent"), elem_id="train_latent", height=110)
    gr.Markdown(i18n("downstream_title"))
    downstream = gr.Markdown(elem_id="downstream")
    gr.Markdown(i18n("prior_title"))
    with gr.Row():
        seed = gr.Number(value=0, precision=0, minimum=0, label=i18n("seed"))
        prior_button = gr.Button(i18n("sample_prior"), elem_id="sample_prior")
    with gr.Row():
        vae_grid = captioned_image(i18n("vae_prior"), elem_id="vae_prior")
        ae_grid = captioned_image(i18n("ae_prior"), elem_id="ae_prior")
        manifold = captioned_image(i18n("manifold"), elem_id="manifold")
    gr.Markdown(i18n("interp_title"))
    endpoints = [(i18n("ep_test"), "test"), (i18n("ep_drawing"), "drawing"), (i18n("ep_clicked"), "clicked"),
                 (i18n("ep_second"), "second")]
    with gr.Row():
        start_choice = gr.Radio(endpoints, value="test", label=i18n("start"))
        start_index = gr.Number(value=0, precision=0, label=i18n("test_index"))
        end_choice = gr.Radio(endpoints, value="test", label=i18n("end"))
        end_index = gr.Number(value=7, precision=0, label=i18n("test_index"))
    with gr.Accordion(i18n("second_pad"), open=False):
        second = sketchpad(i18n("second_pad"), "second_pad")
    with gr.Row():
        steps = gr.Slider(2, 24, value=10, step=1, label=i18n("steps"))
        method = gr.Radio([(i18n("choice_linear"), "linear"), (i18n("choice_slerp"), "spherical")], value="linear",
                          label=i18n("method"))
        interpolate_button = gr.Button(i18n("interpolate"), variant="primary", elem_id="interpolate")
    vae_frames = captioned_image(i18n("vae_frames"), elem_id="vae_frames")
    ae_frames = captioned_image(i18n("ae_frames"), elem_id="ae_frames")
    with gr.Row():
        path_map = captioned_image(i18n("path_map"), elem_id="path_map")
        gif = gr.File(label=i18n("gif"), elem_id="gif")

    map_inputs = [dataset, model_name, projection]
    model_name.change(projection_choice, model_name, projection, show_progress="hidden")
    for control in map_inputs + [drawing]:  # a new drawing in Draw & encode moves its mark here
        control.change(open_map, map_inputs + [drawing], [latent_image, how, export, clicked])
    latent_image.select(click_map, map_inputs + [drawing], [latent_image, decoded, neighbours, coordinates,
                                                            clicked, train_pixel, train_latent])
    prior_button.click(sample_prior, [dataset, seed], [vae_grid, ae_grid])
    dataset.change(show_manifold, dataset, manifold)
    dataset.change(show_downstream, dataset, downstream, show_progress="hidden")
    interpolate_button.click(run_interpolation, [dataset, start_choice, start_index, end_choice, end_index, steps,
                                                 method, drawing, clicked, second],
                               [vae_frames, ae_frames, path_map, gif])
    # The map, its note (in the reader's language) and its CSV when a page opens: what a change would show.
    # The manifold loads with the page, not while the UI is built: start-up never needs a checkpoint.
    return [OnLoad(open_map, map_inputs + [drawing], [latent_image, how, export, clicked]),
            OnLoad(show_manifold, [dataset], [manifold]), OnLoad(show_downstream, [dataset], [downstream])]


if __name__ == "__main__":
    from demo.app import launch_alone
    launch_alone(build)
