"""The 2-D sandbox's lab side: schedule invariants, samplers, the ODE's likelihood against a density known
in closed form, the MMD ratio, the points' checks, training and the live models' keys."""
import math

import numpy as np
import pytest
import torch

from lab.api import sandbox as api
from lab.messages import Refused
from lab.sandbox import metrics, points, process, samplers
from lab.sandbox.likelihood import negative_log_likelihood
from lab.sandbox.training import train


class ExactGaussian(torch.nn.Module):
    """The exact ε̂ (or v̂) for data N(0, I): what a perfect network would learn on standard normal points."""

    def __init__(self, objective: str):
        super().__init__()
        self.config = type("Config", (), {"objective": objective, "scale": 1.0, "center": [0.0, 0.0]})()

    def forward(self, x, t):
        t = t[:, None]
        if self.config.objective == "velocity":   # x_t ~ N(0, s²), s² = (1 − t)² + t²: v̂ = (2t − 1)/s² · x
            return (2 * t - 1) / ((1 - t) ** 2 + t ** 2) * x
        return process.sigma(t) * x                # x_t ~ N(0, I): ε̂ = E[ε | x_t] = σ_t · x_t

    def standardise(self, x):
        return x

    def unstandardise(self, x):
        return x


def test_the_schedule_goes_from_data_to_noise_and_keeps_the_variance():
    t = torch.linspace(0, 1, 50)
    alpha_bar = process.alpha_bar(t)
    assert alpha_bar[0] == pytest.approx(1.0) and alpha_bar[-1].sqrt() < 0.05   # x₁ keeps under 5 % of x₀
    assert torch.all(alpha_bar[1:] < alpha_bar[:-1])
    assert torch.allclose(alpha_bar + process.sigma(t) ** 2, torch.ones_like(t), atol=1e-6)


@pytest.mark.parametrize("objective", ["epsilon", "velocity"])
def test_the_ode_gives_the_exact_log_likelihood_of_a_known_density(objective):
    x = torch.randn(200, 2, generator=torch.Generator().manual_seed(0))
    truth = 0.5 * (x ** 2).sum(1) + math.log(2 * math.pi)
    assert torch.allclose(negative_log_likelihood(ExactGaussian(objective), x), truth, atol=2e-3)


@pytest.mark.parametrize("sampler", samplers.SAMPLERS)
def test_every_sampler_carries_a_standard_normal_to_itself_under_the_exact_model(sampler):
    objective = "velocity" if sampler == "flow" else "epsilon"
    start = torch.randn(3000, 2, generator=torch.Generator().manual_seed(1))
    steps = 200 if sampler == "ddpm" else 30   # DDPM's variance σ̃² is a lower bound: short only with many steps
    path = samplers.sample(ExactGaussian(objective), sampler, start, steps)
    assert path.shape == (steps + 1, 3000, 2) and torch.isfinite(path).all()
    assert path[-1].std().item() == pytest.approx(1.0, abs=0.06)


def test_ddim_and_the_flow_are_deterministic_and_ddpm_follows_its_seed():
    start = torch.randn(100, 2)
    model = ExactGaussian("epsilon")
    assert torch.equal(samplers.sample(model, "ddim", start, 10), samplers.sample(model, "ddim", start, 10))
    def ddpm(seed):
        return samplers.sample(model, "ddpm", start, 10, seed=seed)
    assert torch.equal(ddpm(3), ddpm(3)) and not torch.equal(ddpm(3), ddpm(4))


def test_the_mmd_ratio_is_near_one_for_fresh_data_and_large_for_a_wrong_density():
    held_out = points.toy_points("moons", 4000, seed=1)
    assert metrics.mmd_ratio(points.toy_points("moons", 2000, seed=2), held_out) < 1.3
    assert metrics.mmd_ratio(points.toy_points("rings", 2000, seed=2), held_out) > 5


def test_the_points_are_checked():
    with pytest.raises(Refused, match="between"):
        points.check_count(1_000_000)
    with pytest.raises(Refused, match="NaN"):
        points.check_points(np.full((3000, 2), np.nan))
    with pytest.raises(Refused, match="dot"):
        points.check_points(np.ones((3000, 2)))
    with pytest.raises(Refused, match="two columns"):
        points.check_points(np.zeros((3000, 3)))
    blank = np.full((200, 200, 3), 255, np.uint8)
    with pytest.raises(Refused, match="empty"):
        points.drawn_points(blank)
    dot = blank.copy()
    dot[100, 100] = 0
    with pytest.raises(Refused, match="dot"):
        points.drawn_points(dot)


def test_a_stroke_becomes_points_spread_by_its_width():
    def stroke(width):
        image = np.full((200, 200, 3), 255, np.uint8)
        image[100 - width:100 + width, 20:180] = 0
        return image
    thin, thick = points.drawn_points(stroke(2), 3000), points.drawn_points(stroke(12), 3000)
    assert thin.shape == (3000, 2) and thick[:, 1].std() > 3 * thin[:, 1].std()


def test_a_points_file_reads_with_a_header_and_refuses_nan_and_too_many(tmp_path):
    rows = points.toy_points("moons", 3000)
    good = tmp_path / "good.csv"
    good.write_text("x,y\n" + "\n".join(f"{x},{y}" for x, y in rows))
    assert api.read_points_file(str(good)).shape == (3000, 2)
    bad = tmp_path / "nan.csv"
    bad.write_text("\n".join(f"{x},{y}" for x, y in rows) + "\nnan,1\ninf,2\n")
    with pytest.raises(Refused, match="NaN"):
        api.read_points_file(str(bad))
    huge = tmp_path / "huge.csv"
    huge.write_text("0.5,0.25\n" * 200_000)
    with pytest.raises(Refused, match="between"):
        api.read_points_file(str(huge))


def test_a_short_training_learns_and_its_models_are_kept_under_a_key():
    data = api.make_data("moons", 2000, seed=0)
    model, history = train(data["train"], "epsilon", steps=300)
    assert history["loss"][-1] < history["loss"][0] and not history["stopped_early"]
    reports = list(api.train_live(data["train"], steps=200))
    assert reports[-1]["done"] == reports[-1]["total"] == 400
    pair = api.models(reports[-1]["key"])
    assert set(pair) == {"diffusion", "flow"}
    with pytest.raises(Refused):
        api.models("live:nobody")
    with pytest.raises(Refused, match="between"):
        next(api.train_live(data["train"], steps=10**9))


def test_a_training_stops_at_its_time_cap():
    _, history = train(points.toy_points("moons", 2000), "epsilon", steps=100_000, max_seconds=0.5)
    assert history["stopped_early"] and history["steps"][-1] < 100_000


@pytest.mark.slow
@pytest.mark.parametrize("toy_set", points.TOY_SETS)
def test_each_shipped_pair_meets_its_bar_and_reproduces_its_figure(toy_set):
    from lab.checkpoints import read_metrics, shipped_path
    from lab.sandbox.shipping import HELD_OUT, held_out_points

    pair = api.models(api.shipped_key(toy_set))
    claimed = read_metrics(shipped_path("sandbox", f"{toy_set}-diffusion"))["mmd_ratio_ddpm"]
    assert claimed <= 1.5
    start = torch.randn(HELD_OUT // 2, 2, generator=torch.Generator().manual_seed(0))
    samples = samplers.sample(pair["diffusion"], "ddpm", start, samplers.DEFAULT_STEPS["ddpm"])[-1].numpy()
    assert metrics.mmd_ratio(samples, held_out_points(toy_set)) == pytest.approx(claimed, abs=0.01)
    assert pair["flow"].config.objective == "velocity"
