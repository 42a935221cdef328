"""The diffusion tab's handlers called directly, on the shipped denoisers."""
import numpy as np
import plotly.graph_objects as go
import pytest

from demo.tabs import diffusion as tab
from lab.api.diffusion import NO_CLASS, forward_noising, sampling_defaults, trajectory

QUIET = lambda *args, **kwargs: None   # noqa: E731 - a stand-in for gr.Progress outside a request


def test_schedule_figure_shows_every_schedule_twice():
    figure = tab.schedule_figure()
    assert isinstance(figure, go.Figure) and len(figure.data) == 6
    assert {trace.name for trace in figure.data} == {"linear", "cosine", "scaled-linear"}


def test_forward_process_mixes_image_and_noise_with_the_stated_weights():
    clean = np.zeros((28, 28), np.float32)
    at_zero, at_end = forward_noising(clean, 0, 0), forward_noising(clean, 999, 0)
    assert at_zero["sqrt_alpha_bar"] > 0.999 and at_end["sqrt_alpha_bar"] < 0.01
    assert np.allclose(at_zero["sqrt_alpha_bar"] ** 2 + at_zero["sqrt_one_minus_alpha_bar"] ** 2, 1)
    assert np.abs(at_zero["noisy"] - 0.0).mean() < 0.01          # x_0 is the black image itself
    assert np.array_equal(forward_noising(clean, 500, 3)["noise"], forward_noising(clean, 500, 3)["noise"])
    x0, noise, noisy, numbers = tab.show_forward("test", 0, 300, 0, "cosine")
    assert x0.size == noise.size == noisy.size and "√ᾱ_t" in numbers
    with pytest.raises(ValueError):
        forward_noising(clean, 1000, 0)


def test_a_trajectory_has_one_frame_per_step_and_guidance_parts():
    result = trajectory("mnist", 3, 3.0, "dpm++ sde", 6, seed=0)
    assert len(result["timesteps"]) == 6 and result["timesteps"][0] == 999
    for key in ("noisy", "noise_prediction", "clean_prediction", "conditional", "unconditional", "guidance_push"):
        assert result[key].shape == (6, 28, 28) and 0 <= result[key].min() and result[key].max() <= 1
    unconditional = trajectory("mnist", NO_CLASS, 3.0, "ddim", 4, seed=0)
    assert unconditional["guidance_push"] is None and unconditional["conditional"] is None


def test_run_reverse_sends_every_step_once_as_a_flipbook():
    book, summary, gif = tab.run_reverse("mnist", 7, 3.0, "ddim", 5, 0.0, 1, progress=QUIET)
    assert book["last"] == 4 and book["start"] == 4                # opens on the last step
    assert len(book["panels"]) == 6 and all(panel["sprite"].startswith("data:image/webp") for panel in book["panels"])
    assert "Step <b>1</b> of 5, t = <b>999</b>" in book["captions"][0]   # counted from 1, as the slider reads
    assert "Step <b>5</b> of 5" in book["captions"][-1]
    assert "5** steps of ddim" in summary and gif.endswith(".gif")
    unguided, _, _ = tab.run_reverse("mnist", NO_CLASS, 3.0, "ddim", 3, 0.0, 1, progress=QUIET)
    assert [panel["label"] for panel in unguided["panels"]][0] == "x_t" and len(unguided["panels"]) == 3


def test_ddim_with_eta_zero_gives_the_same_image_for_a_seed():
    one = trajectory("mnist", 2, 2.0, "ddim", 5, seed=4)["final"]
    assert np.array_equal(one, trajectory("mnist", 2, 2.0, "ddim", 5, seed=4)["final"])


def test_sixteen_samples_in_a_grid_with_their_time():
    grid, caption, histogram, distances = tab.sample_sixteen("mnist", NO_CLASS, 3.0, "dpm++", 4, 0)   # unconditional
    assert grid.shape[0] > 300 and grid.shape[1] > 300 and "16 samples" in caption
    every_class, *_ = tab.sample_every_class("fashion", 3.0, "dpm++", 4, 0)
    assert every_class.shape == grid.shape
    # The grid's pixel values against the test images' and the 1,000 measured samples', on a log axis.
    assert [trace.name for trace in histogram.data] == ["test images", "1,000 samples, w = "
                                                        f"{sampling_defaults('mnist')['guidance_scale']:g}", "this grid"]
    assert histogram.layout.yaxis.type == "log" and "this grid **0." in distances


def test_the_pixel_histogram_distance_tells_grey_edges_from_binarised_ones():
    from lab.diffusion.quality import histogram_distance, pixel_histogram
    from lab.examples import load_examples

    test = load_examples("mnist").images[:500]
    other = load_examples("mnist").images[500:]
    binarised = (other > 0.5).float()
    assert pixel_histogram(test).sum() == pytest.approx(1.0) and histogram_distance(test, test) == 0.0
    assert histogram_distance(other, test) < 0.02 < histogram_distance(binarised, test)


def test_sdedit_keeps_the_rows_of_a_light_noising():
    strip_image, caption = tab.run_sdedit("mnist", "test", 7, 0.1, 2, 3.0, 0)
    assert strip_image.size[0] > 5 * strip_image.size[1] and "t = " in caption


def test_switching_dataset_relabels_the_classes_and_sets_its_measured_defaults():
    choices, model_text, guidance, steps = tab.switch_dataset("fashion")
    assert ("Sneaker", 7) in choices["choices"] and "parameters" in model_text
    fashion = sampling_defaults("fashion")
    assert (guidance, steps) == (fashion["guidance_scale"], fashion["steps"])
    assert tab.switch_dataset("mnist")[2] == sampling_defaults("mnist")["guidance_scale"]


def test_a_missing_drawing_is_a_message():
    import gradio as gr

    with pytest.raises(gr.Error, match="Draw"):
        tab.show_forward("drawing", 0, 100, 0, "cosine", None)


def test_the_samplers_compare_side_by_side_captioned_with_their_steps_and_time(monkeypatch):
    monkeypatch.setattr(tab, "COMPARED", [("ddim", 3, 0.0), ("dpm++", 4, 0.0)])
    book, table = tab.compare_samplers("mnist", 4, 3.0, 0, progress=QUIET)
    assert book["last"] == 0 and [panel["label"].split(":")[0] for panel in book["panels"]] == ["ddim, η=0", "dpm++"]
    assert "4 steps" in book["panels"][1]["label"] and table.count("\n| ") == 2


def test_a_grid_priced_past_the_cpu_limit_is_refused_before_it_runs():
    import time

    started = time.perf_counter()
    with pytest.raises(ValueError, match="at most 49[0-9] steps"):
        tab.sample_sixteen("mnist", 3, 3.0, "ddpm", 1000, 0)          # about 61 s on 2 cores
    assert time.perf_counter() - started < 5


def test_a_longer_trajectory_plays_faster_so_play_still_takes_about_five_seconds():
    assert tab.play_interval_ms(8) == tab.play_interval_ms(20) == 250
    assert tab.play_interval_ms(40) == 125 and tab.play_interval_ms(1000) == 100   # 100 frames are sent at most
    book = tab.trajectory_book(trajectory("mnist", 2, 1.5, "dpm++", 40, seed=0), "en")
    assert book["interval_ms"] == 125 and book["last"] == 39
