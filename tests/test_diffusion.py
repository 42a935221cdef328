"""The diffusion glue: diffusers' schedules against their invariants, the denoiser, and our sampling loop."""
import pytest
import torch

from lab.diffusion.sampling import guided_noise, sample
from lab.diffusion.schedules import SAMPLERS, alpha_bar, log_snr, make_scheduler
from lab.models.denoiser import DenoiserConfig, DenoisingUNet


@pytest.fixture(scope="module")
def tiny_model() -> DenoisingUNet:
    torch.manual_seed(0)
    return DenoisingUNet(DenoiserConfig(channels=8, embedding_dim=16)).eval()


@pytest.mark.parametrize("schedule", ["linear", "cosine"])
def test_alpha_bar_falls_from_one_to_zero(schedule):
    alpha_bars = alpha_bar(schedule)
    assert alpha_bars.shape == (1000,)
    assert torch.all(alpha_bars[1:] < alpha_bars[:-1])
    assert alpha_bars[0] > 0.999 and alpha_bars[-1] < 0.01
    snr = log_snr(alpha_bars)
    assert torch.all(snr[1:] < snr[:-1]) and snr[0] > 0 > snr[-1]


@pytest.mark.parametrize("sampler", ["ddpm", "ddim"])  # DPM-Solver noises only at its own set timesteps
def test_add_noise_at_t0_returns_the_clean_image(sampler):
    scheduler = make_scheduler(sampler, "cosine")
    clean, noise = torch.rand(2, 1, 28, 28) * 2 - 1, torch.randn(2, 1, 28, 28)
    noisy = scheduler.add_noise(clean, noise, torch.zeros(2, dtype=torch.long))
    assert (noisy - clean).abs().mean() < 1e-2  # √(1−ᾱ_0) ≈ 0.006: a trace of noise only
    fully_noisy = scheduler.add_noise(clean, noise, torch.full((2,), 999))
    assert torch.allclose(fully_noisy, noise, atol=2e-2)


def test_denoiser_predicts_noise_of_the_input_shape_with_a_finite_loss(tiny_model):
    noisy = torch.randn(3, 1, 28, 28)
    assert tiny_model(noisy, torch.tensor([0, 500, 999]), torch.tensor([1, 2, 10])).shape == noisy.shape
    loss, logged = tiny_model.loss(torch.rand(3, 1, 28, 28), torch.tensor([1, 2, 3]))
    assert torch.isfinite(loss) and logged["mse"] > 0


def test_guidance_one_is_the_conditional_prediction(tiny_model):
    noisy, labels = torch.randn(2, 1, 28, 28), torch.tensor([3, 7])
    guided, conditional, unconditional = guided_noise(tiny_model, noisy, 500, labels, 1.0)
    assert unconditional is None and torch.equal(guided, conditional)
    mixed, conditional_2, unconditional_2 = guided_noise(tiny_model, noisy, 500, labels, 3.0)
    assert torch.allclose(conditional_2, conditional, atol=1e-5)
    assert torch.allclose(mixed, unconditional_2 + 3.0 * (conditional_2 - unconditional_2), atol=1e-6)


@pytest.mark.parametrize("sampler", SAMPLERS)
def test_callback_runs_once_per_step_with_image_shapes(tiny_model, sampler):
    seen = []
    images = sample(tiny_model, torch.tensor([0, 1]), sampler=sampler, steps=5, guidance_scale=2.0,
                    generator=torch.Generator().manual_seed(0), callback=seen.append)
    assert images.shape == (2, 1, 28, 28) and images.min() >= -1 and images.max() <= 1
    assert [step.index for step in seen] == list(range(5))
    assert all(earlier.timestep > later.timestep for earlier, later in zip(seen, seen[1:]))
    assert seen[0].timestep == 999  # every sampler starts from pure noise
    for step in seen:
        for tensor in (step.noisy, step.noise_prediction, step.clean_prediction, step.conditional,
                       step.unconditional):
            assert tensor.shape == (2, 1, 28, 28)
        assert step.clean_prediction.abs().max() <= 1


def test_ddim_with_eta_zero_is_deterministic_for_a_seed(tiny_model):
    def draw(seed):
        return sample(tiny_model, torch.tensor([4]), sampler="ddim", steps=4, eta=0.0,
                      generator=torch.Generator().manual_seed(seed))
    assert torch.equal(draw(1), draw(1))
    assert not torch.equal(draw(1), draw(2))


def test_sdedit_runs_only_the_last_steps_from_the_given_image(tiny_model):
    seen = []
    start = torch.zeros(1, 1, 28, 28)
    sample(tiny_model, torch.tensor([5]), sampler="dpm++", steps=10, strength=0.3, start=start,
           generator=torch.Generator().manual_seed(0), callback=seen.append)
    assert len(seen) == 3 and seen[0].timestep < 500


def test_unconditional_sampling_needs_only_a_batch_size(tiny_model):
    images = sample(tiny_model, None, batch=3, steps=2, generator=torch.Generator().manual_seed(0))
    assert images.shape == (3, 1, 28, 28)
