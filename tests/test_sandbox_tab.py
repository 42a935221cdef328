"""The 2-D sandbox tab's handlers called directly: the opening panels, points from a toy set, a drawing and
a file, the forward process and the field, a live training streamed to its end, one run per visitor."""
import numpy as np
import plotly.graph_objects as go
import pytest

from demo.tabs import sandbox as tab
from lab.messages import Refused


class Visitor:
    def __init__(self, session="s1"):
        self.session_hash, self.headers, self.query_params = session, {"accept-language": "en"}, {}


@pytest.mark.slow
def test_the_tab_opens_on_two_moons_with_every_panel():
    outputs = tab.open_on_moons()
    points_plot, data, key, line, csv, forward, schedule, reverse, samplers, steps, needed, densities, table = outputs
    assert key == "shipped:moons" and data["train"].shape == (10_000, 2) and "shipped" in line
    assert all(isinstance(figure, go.Figure) for figure in (points_plot, forward, schedule, reverse, samplers,
                                                            steps, densities))
    assert len(reverse.layout.meta["frames"]) > 10 and "MMD ratio" in reverse.layout.title.text
    assert "steps" in needed and "KDE" in table and "ODE" in table
    assert len(forward.data) == 2   # x_t and the field's arrows


def test_a_drawing_needs_training_and_a_toy_set_keeps_its_shipped_models():
    image = np.full((280, 280, 3), 255, np.uint8)
    image[100:160, 40:240] = 0
    pad = {"background": None, "layers": [], "composite": image}
    plot, data, key, line, csv = tab.use_points("drawn", 3000, 0, pad, 0.05, None)
    assert tab.model.read_points_file(csv).shape == (3000, 2)   # the download loads back
    assert key is None and data["train"].shape == (3000, 2) and "Train" in line
    forward, _ = tab.show_noising(data, key, 0.3, "diffusion", "score")
    assert len(forward.data) == 1   # no model, no arrows
    with pytest.raises(tab.gr.Error):
        tab.play_reverse(data, key, "ddpm", 50)
    assert tab.use_points("spiral", 2000, 1, None, 0, None)[2] == "shipped:spiral"


def test_a_file_of_points_is_read_and_a_bad_one_refused(tmp_path):
    rows = np.random.default_rng(0).normal(size=(2500, 2))
    good = tmp_path / "points.csv"
    good.write_text("\n".join(f"{x},{y}" for x, y in rows))
    _, data, key, _, _ = tab.use_points("file", 2000, 0, None, 0, str(good))
    assert key is None and len(data["train"]) == 2000 and len(data["held_out"]) == 500
    bad = tmp_path / "bad.csv"
    bad.write_text("\n".join(f"{x},{y}" for x, y in rows) + "\nnan,nan\n")
    with pytest.raises(Refused, match="NaN"):
        tab.use_points("file", 2000, 0, None, 0, str(bad))


def test_without_points_every_handler_says_so():
    with pytest.raises(Refused, match="no points"):
        tab.show_noising(None, None, 0.5, "diffusion", "score")
    with pytest.raises(Refused, match="no points"):
        list(tab.train_models(None, 500, 0, Visitor()))
    tab.claim_training(Visitor())   # the failed run released its visitor's claim
    tab._training.clear()


@pytest.mark.slow
def test_training_streams_the_loss_then_gives_the_models_and_refuses_a_second_run_meanwhile():
    data = tab.model.make_data("moons", 2000, 0)
    visitor = Visitor("s2")
    tab.claim_training(visitor)
    with pytest.raises(Refused, match="still running"):
        tab.claim_training(visitor)
    tab.claim_training(Visitor("s3"))   # another visitor may
    updates = list(tab.train_models(data, 400, 0, visitor, progress=lambda *a, **k: None))
    loss_plot, key, line = updates[-1]
    assert key.startswith("live:") and "your own pair" in line and len(loss_plot.data) == 2
    assert len(updates) > 2   # the curve grew while it trained
    tab.claim_training(visitor)   # released at the end
    forward, _ = tab.show_noising(data, key, 0.2, "flow", "velocity")
    assert len(forward.data) == 2
    reverse = tab.play_reverse(data, key, "flow", 8)
    assert len(reverse.layout.meta["frames"]) == 9
    reverse, samplers, steps, needed, densities, table = tab.compare_models(data, key)
    assert "DDPM, 200 steps" in reverse.layout.title.text
    assert len(steps.data) == 2 and table.count("|") > 10
    tab._training.clear()
