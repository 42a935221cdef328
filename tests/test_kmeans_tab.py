"""The k-means tab's handlers called directly."""
import plotly.graph_objects as go
import pytest

from demo.tabs import kmeans as tab


def test_run_shows_the_last_step_and_the_slider_can_go_back():
    run, slider, figure, inertia_plot, elbow_plot, summary = tab.run_kmeans("blobs", 3, "random", 4)
    last = len(run["states"]) - 1
    assert slider["maximum"] == last and slider["value"] == last
    assert isinstance(figure, go.Figure) and len(figure.data) == 1 + 3   # points + one path per centroid
    assert len(elbow_plot.data[0].y) == 10 and "Rand" in summary
    first_figure, first_inertia, first_summary = tab.show_step(run, 0)
    assert len(first_inertia.data[0].y) == 1
    assert run["states"][0]["inertia"] >= run["states"][-1]["inertia"]


def test_show_step_without_a_run_is_empty():
    assert tab.show_step(None, 3) == (None, None, "")


def test_drawn_points_cluster_without_labels(seven):
    run, _, figure, _, _, summary = tab.run_kmeans("drawn", 3, "k-means++", 0, seven)
    assert run["labels"] is None and "no true labels" in summary
    assert tab.rerun_if_drawn("blobs", 3, "random", 0, seven)[0] == tab.gr.skip()
    with pytest.warns(UserWarning, match="empty"):   # an empty pad: a warning, and the last picture stays
        assert tab.run_kmeans("drawn", 3, "random", 0, None) == (tab.gr.skip(),) * 6


def test_the_digits_and_the_latents_are_data_too():
    for name in ("digits 8x8", "mnist latents"):
        run, *_, summary = tab.run_kmeans(name, 10, "k-means++", 0)
        assert "Rand" in summary and run["points"].shape[1] == 2
