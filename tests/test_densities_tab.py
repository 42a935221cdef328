"""The densities tab's handlers called directly."""
import plotly.graph_objects as go

from demo.tabs import densities as tab


def test_compare_draws_three_panels_and_scores_them():
    figure, table, figure_1d, table_1d = tab.compare("moons", 20, 0.15, 6, "full", 0, True)
    assert isinstance(figure, go.Figure)
    assert sum(trace.type == "contour" for trace in figure.data) == 3
    rows = [line for line in table.splitlines() if line.startswith("| ") and "---" not in line][1:]
    assert len(rows) == 3 and all(len(row.split("|")) == 5 for row in rows)


def test_cross_validated_bandwidth_is_positive():
    assert 0 < tab.cross_validated_bandwidth("blobs", 0) < 6


def test_the_1d_comparison_has_three_curves_the_truth_and_a_table():
    _, _, figure_1d, table_1d = tab.compare("blobs", 20, 0.3, 3, "full", 0, False)
    assert len(figure_1d.data) == 5   # three estimates, the true density, the rug of points
    rows = [line for line in table_1d.splitlines() if line.startswith("| ") and "---" not in line][1:]
    assert len(rows) == 4


def test_drawn_points_are_the_data_and_an_empty_pad_is_a_message(seven):
    import gradio as gr
    import pytest

    figure, table, _, _ = tab.compare("drawn", 20, 0.15, 6, "full", 0, False, seven)
    assert sum(trace.type == "contour" for trace in figure.data) == 3
    with pytest.warns(UserWarning, match="empty"):   # a warning; the last picture stays
        assert tab.compare("drawn", 20, 0.15, 6, "full", 0, False, None) == (gr.skip(),) * 4
    assert tab.rerun_if_drawn("moons", 20, 0.15, 6, "full", 0, False, seven) == (gr.skip(),) * 4


def test_kde_in_pca_space_generates_digits_near_but_not_equal_to_training_ones():
    samples, nearest, summary = tab.new_digits(15, True, 0.5, 0)
    assert samples.size == nearest.size and samples.size[0] > samples.size[1]
    assert "84%" in summary or "variance" in summary
