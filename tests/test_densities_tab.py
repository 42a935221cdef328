"""The densities tab's handlers called directly."""
import plotly.graph_objects as go

from demo.tabs import densities as tab


def test_compare_draws_three_panels_and_scores_them():
    figure, table = tab.compare("moons", 20, 0.15, 6, "full", 0, True)
    assert isinstance(figure, go.Figure)
    assert sum(trace.type == "contour" for trace in figure.data) == 3
    rows = [line for line in table.splitlines() if line.startswith("| ") and "---" not in line][1:]
    assert len(rows) == 3 and all(len(row.split("|")) == 5 for row in rows)


def test_cross_validated_bandwidth_is_positive():
    assert 0 < tab.cross_validated_bandwidth("blobs", 0) < 6
