"""The latent explorer's handlers called directly, and its model-side functions."""
import csv

import gradio as gr
import numpy as np
import pytest
from PIL import Image

from demo.latent_canvas import PLOT, MapView
from demo.tabs import latent_explorer as tab
from lab import api
from lab.api import latent_explorer as explorer


def test_map_view_round_trips_pixels_and_coordinates():
    view = MapView.around(np.array([[-2.0, -1.0], [3.0, 4.0]]))
    point = np.array([0.5, 1.5], np.float32)
    assert np.allclose(view.to_map(tuple(view.to_pixels(point)[0])), point, atol=1e-5)
    assert np.allclose(view.to_pixels(np.array([view.x_min, view.y_max]))[0], [0, 0])


def test_two_d_vae_decodes_exactly_at_the_clicked_latent():
    shown = explorer.latent_map("mnist", "vae2")
    code = shown["codes"][11]
    assert np.allclose(explorer.point_to_latent("mnist", "vae2", "umap", code), code)
    decoded = explorer.decode_point("mnist", "vae2", "umap", code)
    assert decoded.shape == (28, 28) and 0 <= decoded.min() and decoded.max() <= 1


def test_pca_click_goes_back_through_the_plane():
    shown = explorer.latent_map("mnist", "vae16", "pca")
    latent = explorer.point_to_latent("mnist", "vae16", "pca", shown["points"][5])
    back = (latent - shown["pca_mean"]) @ shown["pca_components"].T
    assert np.allclose(back, shown["points"][5], atol=1e-4)


def test_click_handler_marks_the_map_and_decodes():
    event = gr.SelectData(None, {"index": [PLOT // 2, PLOT // 3], "value": None})
    marked, decoded, neighbours, coordinates, clicked, by_pixel, by_latent = tab.click_map(
        "fashion", "ae16", "umap", None, event)
    assert isinstance(marked, Image.Image) and isinstance(decoded, Image.Image)
    assert neighbours.size[0] > neighbours.size[1] and coordinates.startswith("(")
    assert clicked.shape == (28, 28) and by_pixel.size == neighbours.size == by_latent.size


def test_interpolation_endpoints_are_the_encodings():
    start, end = api.example_images_by_index("mnist", [0, 7])
    frames = explorer.interpolation("mnist", start, end, steps=16, method="spherical")
    assert frames["vae"].shape == frames["ae"].shape == (16, 28, 28)
    assert np.allclose(frames["vae_codes"][0], explorer.encode_image("mnist", "vae16", start), atol=1e-5)
    assert np.allclose(frames["ae_codes"][-1], explorer.encode_image("mnist", "ae16", end), atol=1e-5)


def test_interpolation_handler_writes_a_gif_and_reports_missing_endpoints():
    vae_strip, ae_strip, path_map, gif = tab.run_interpolation("mnist", "test", 0, "test", 7, 6, "linear",
                                                               None, None)
    with Image.open(gif) as animation:
        assert animation.n_frames == 2 * 6 - 2  # there and back
    with pytest.raises(gr.Error):
        tab.run_interpolation("mnist", "drawing", 0, "test", 7, 6, "linear", None, None)
    with pytest.raises(gr.Error):
        tab.run_interpolation("mnist", "test", 5000, "test", 7, 6, "linear", None, None)


def test_csv_export_has_one_row_per_point_and_the_latent_columns():
    with open(tab.export_csv("mnist", "vae16", "umap")) as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:5] == ["index", "label", "class", "map_x", "map_y"] and rows[0][-1] == "z16"
    assert len(rows) == 1 + 1000


def test_prior_samples_and_manifold():
    samples = explorer.prior_samples("mnist", count=4, seed=1)
    again = explorer.prior_samples("mnist", count=4, seed=1)
    assert np.array_equal(samples["vae"], again["vae"]) and samples["ae"].shape == (4, 28, 28)
    grid = explorer.manifold_grid("mnist", side=5)
    assert grid.shape == (5, 5, 28, 28)
    assert np.abs(grid[0, 0] - grid[-1, -1]).mean() > 0.05  # opposite corners decode differently


@pytest.mark.parametrize("model_name, projection, how", [("vae2", "umap", "exact"), ("vae16", "pca", "exact"),
                                                          ("vae16", "umap", "approximate"), ("ae16", "pca", "point")])
def test_the_drawing_posterior_is_placed_on_every_map(model_name, projection, how):
    image = api.example_images_by_index("mnist", [3])[0]
    placed = explorer.posterior_on_map("mnist", model_name, projection, image)
    assert placed["how"] == how and placed["center"].shape == (2,)
    if placed["covariance"] is not None:
        assert np.all(np.linalg.eigvalsh(placed["covariance"]) > 0)
    picture, note, csv_path, clicked = tab.open_map("mnist", model_name, projection, image)
    assert isinstance(picture, Image.Image) and clicked is None and note


def test_two_d_posterior_is_the_encoders_mean_and_variance():
    image = api.example_images_by_index("mnist", [3])[0]
    placed = explorer.posterior_on_map("mnist", "vae2", "umap", image)
    assert np.allclose(placed["center"], explorer.encode_image("mnist", "vae2", image), atol=1e-5)


def test_nearest_training_images_find_a_training_image_itself():
    from lab.examples import load_examples

    training_image = load_examples("mnist", "train").images[42, 0].numpy()
    nearest = explorer.nearest_training("mnist", training_image, count=3)
    assert nearest["pixel_distance"][0] == pytest.approx(0.0, abs=1e-4)
    assert np.allclose(nearest["pixel"][0], training_image)
    assert nearest["latent_distance"][0] == pytest.approx(0.0, abs=1e-3)
    assert (np.diff(nearest["pixel_distance"]) >= 0).all()


def test_second_drawing_as_an_endpoint(seven):
    pad = {"background": None, "layers": [], "composite": seven}
    vae_strip, _, _, _ = tab.run_interpolation("mnist", "test", 1, "second", 0, 4, "linear", None, None, pad)
    assert isinstance(vae_strip, Image.Image)
    with pytest.raises(gr.Error):
        blank = {"background": None, "layers": [], "composite": np.full((50, 50, 3), 255, np.uint8)}
        tab.run_interpolation("mnist", "test", 1, "second", 0, 4, "linear", None, None, blank)


def test_map_ticks_are_round_numbers_inside_the_view():
    from demo.latent_canvas import nice_ticks

    ticks = nice_ticks(-3.2, 4.1)
    assert list(ticks) == [-2.0, 0.0, 2.0, 4.0]
    assert all(0.01 <= tick < 0.07 for tick in nice_ticks(0.01, 0.07)) and len(nice_ticks(0.01, 0.07)) >= 3
