"""The k-means tab's handlers called directly."""
import plotly.graph_objects as go

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
