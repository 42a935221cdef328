"""Latent diffusion: the latent denoiser, the frozen VAE's encode/scale/decode, and the tab's handlers."""
import numpy as np
import pytest
import torch

from lab.diffusion import latents
from lab.diffusion.sampling import guided_noise, sample
from lab.diffusion.schedules import alpha_bar
from lab.examples import load_examples
from lab.models.latent_denoiser import LatentDenoiser, LatentDenoiserConfig
from lab.shipped import get_model

QUIET = lambda *args, **kwargs: None   # noqa: E731 - a stand-in for gr.Progress outside a request


@pytest.fixture(scope="module")
def tiny_model() -> LatentDenoiser:
    torch.manual_seed(0)
    return LatentDenoiser(LatentDenoiserConfig(width=32, depth=2, embedding_dim=16, latent_scale=0.5)).eval()


def test_latent_denoiser_predicts_noise_of_the_latent_shape_with_a_finite_loss(tiny_model):
    noisy = torch.randn(3, 16)
    assert tiny_model(noisy, torch.tensor([0, 500, 999]), torch.tensor([1, 2, 10])).shape == (3, 16)
    posterior = torch.cat([torch.randn(3, 16), torch.full((3, 16), -2.0)], dim=1)   # μ and log σ²
    loss, logged = tiny_model.loss(posterior, torch.tensor([1, 2, 3]))
    assert torch.isfinite(loss) and logged["mse"] > 0


def test_guidance_one_is_the_conditional_prediction_on_latents(tiny_model):
    noisy, labels = torch.randn(2, 16), torch.tensor([3, 7])
    guided, conditional, unconditional = guided_noise(tiny_model, noisy, 500, labels, 1.0)
    assert unconditional is None and torch.equal(guided, conditional)
    assert torch.allclose(guided, tiny_model(noisy, torch.full((2,), 500), labels), atol=1e-6)


def test_latent_samples_are_not_clipped_to_the_pixel_range(tiny_model):
    drawn = sample(tiny_model, torch.tensor([0, 1, 2, 3]), sampler="ddpm", steps=10, guidance_scale=2.0,
                   generator=torch.Generator().manual_seed(0))
    assert drawn.shape == (4, 16) and torch.isfinite(drawn).all()
    assert drawn.abs().max() > 1.0   # an untrained MLP's latents wander; clipping would pin them to ±1


def test_the_scaled_linear_schedule_ends_near_but_not_at_zero():
    alpha_bars = alpha_bar("scaled-linear")
    assert torch.all(alpha_bars[1:] < alpha_bars[:-1])
    assert 0.003 < alpha_bars[-1] < 0.006   # Stable Diffusion's ᾱ_T ≈ 0.0047


def test_encode_scale_decode_round_trip_is_the_vae_reconstruction():
    vae = get_model("mnist", "vae16")
    images = load_examples("mnist").images[:8]
    for scale in (1.0, 0.37):
        encoded = latents.encode(vae, images, scale)
        assert torch.allclose(encoded / scale, vae.encode(images)[0], atol=1e-5)
        assert torch.allclose(latents.decode(vae, encoded, scale), vae(images), atol=1e-5)


def test_the_shipped_scale_gives_the_training_latents_unit_variance():
    model = get_model("mnist", "latent-diffusion")
    posterior = latents.posterior_parameters(get_model("mnist", "vae16"), load_examples("mnist", "train").images)
    assert latents.latent_scale(posterior) == pytest.approx(model.config.latent_scale, rel=0.02)
    mean, log_variance = posterior.chunk(2, dim=1)
    drawn = mean + torch.exp(0.5 * log_variance) * torch.randn(mean.shape, generator=torch.Generator().manual_seed(1))
    assert (model.config.latent_scale * drawn).std().item() == pytest.approx(1.0, abs=0.03)


def test_the_path_has_the_start_and_one_point_per_step():
    from lab.api.latent_diffusion import latent_trajectory

    result = latent_trajectory("mnist", 4, 3.0, "dpm++ sde", 7, seed=0)
    assert len(result["timesteps"]) == 7 and result["timesteps"][0] == 999
    assert result["codes"].shape == (8, 16) and result["path"].shape == (8, 2)
    assert result["clean_codes"].shape == (7, 16) and result["clean_path"].shape == (7, 2)
    assert result["noisy_images"].shape == (8, 28, 28) and result["clean_images"].shape == (7, 28, 28)
    assert np.allclose(result["noisy_images"][-1], result["final"])
    # The path ends at a latent that decodes to the class asked for.
    classifier = get_model("mnist", "classifier")
    with torch.inference_mode():
        assert classifier(torch.as_tensor(result["final"])[None, None]).argmax().item() == 4


def test_tab_handlers_run_step_compare_and_grid():
    from demo.tabs import latent_diffusion as tab

    book, summary, gif = tab.run_latent("mnist", 2, 3.0, "dpm++ sde", 10, 0, "pca", progress=QUIET)
    assert book["last"] == 10 and book["start"] == 10             # 10 steps' inputs, then the final latent
    the_map, noisy, clean = book["panels"]
    assert the_map["width"] > 500 and not the_map["pixelated"] and noisy["width"] == clean["width"] == 28
    assert "ms" in summary and gif.endswith(".gif")
    assert "t = <b>999</b>" in book["captions"][0]
    assert "z_0" in book["captions"][-1] and "z_0" not in book["captions"][0]   # the last frame is the final latent
    pixel, latent, table = tab.compare_spaces("mnist", 2, 3.0, "dpm++ sde", 20, 0)
    assert pixel.size == latent.size and "| 784 | 16 | 49× |" in table
    grid, caption = tab.latent_sixteen("fashion", 5, 3.0, "dpm++ sde", 20, 0)
    assert grid.shape[0] == grid.shape[1] and "16" in caption
    classes, model_text = tab.switch_dataset("fashion")
    assert len(classes["choices"]) == 11 and "16" in model_text
