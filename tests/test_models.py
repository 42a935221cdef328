"""The models' shapes and the ELBO's terms against closed forms and independent implementations."""
import torch
import torch.nn.functional as F
from torch.distributions import Bernoulli, Independent, Normal, kl_divergence

from lab.models import build_model
from lab.models.vae import gaussian_kl_to_standard_normal


def images(count=4, seed=0):
    return torch.rand(count, 1, 28, 28, generator=torch.Generator().manual_seed(seed))


def test_vae_shapes_and_finite_loss():
    vae = build_model("vae", {"latent_dim": 3})
    mean, log_variance = vae.encode(images())
    assert mean.shape == log_variance.shape == (4, 3)
    assert vae.decode(mean).shape == (4, 1, 28, 28)
    loss, logged = vae.loss(images())
    assert torch.isfinite(loss) and set(logged) == {"reconstruction", "kl", "total"}


def test_kl_matches_torch_distributions():
    mean, log_variance = torch.randn(5, 7), torch.randn(5, 7)
    posterior = Independent(Normal(mean, torch.exp(0.5 * log_variance)), 1)
    prior = Independent(Normal(torch.zeros(7), torch.ones(7)), 1)
    assert torch.allclose(gaussian_kl_to_standard_normal(mean, log_variance),
                          kl_divergence(posterior, prior), atol=1e-5)


def test_kl_is_zero_when_posterior_is_the_prior():
    assert torch.allclose(gaussian_kl_to_standard_normal(torch.zeros(2, 4), torch.zeros(2, 4)), torch.zeros(2))


def test_elbo_terms_against_an_independent_computation():
    torch.manual_seed(0)
    vae = build_model("vae", {"latent_dim": 2}).eval()
    x = (images(3) > 0.5).float()
    terms = vae.elbo_terms(x, torch.Generator().manual_seed(7))
    # Redo the same single-sample estimate with torch.distributions.
    mean, log_variance = vae.encode(x)
    noise = torch.randn(mean.shape, generator=torch.Generator().manual_seed(7))
    z = mean + torch.exp(0.5 * log_variance) * noise
    likelihood = Independent(Bernoulli(logits=vae.decode(z).flatten(1)), 1)
    assert torch.allclose(terms["reconstruction"], -likelihood.log_prob(x.flatten(1)), rtol=1e-5)
    assert torch.allclose(terms["total"], terms["reconstruction"] + terms["kl"])
    assert (terms["kl"] >= 0).all()


def test_same_generator_seed_gives_the_same_elbo():
    vae = build_model("vae", {"latent_dim": 4}).eval()
    first = vae.elbo_terms(images(), torch.Generator().manual_seed(3))["total"]
    second = vae.elbo_terms(images(), torch.Generator().manual_seed(3))["total"]
    assert torch.equal(first, second)


def test_autoencoder_is_the_same_shape_with_an_l2_loss():
    ae = build_model("ae", {"latent_dim": 16})
    vae = build_model("vae", {"latent_dim": 16})
    x = images()
    assert ae.encode(x).shape == (4, 16) and ae(x).shape == x.shape
    loss, _ = ae.loss(x)
    assert torch.allclose(loss, F.mse_loss(ae(x), x, reduction="sum") / 4)
    # Same network apart from the encoder head, which outputs μ and log σ² for the VAE.
    extra = sum(p.numel() for p in vae.parameters()) - sum(p.numel() for p in ae.parameters())
    assert extra == vae.encoder.head.weight.shape[1] * 16 + 16


def test_classifier_probabilities_sum_to_one():
    classifier = build_model("classifier", {"num_classes": 10}).eval()
    probabilities = classifier.probabilities(images())
    assert probabilities.shape == (4, 10)
    assert torch.allclose(probabilities.sum(dim=1), torch.ones(4))
    assert classifier.embed(images()).shape == (4, 128)


def test_random_shift_moves_whole_pixels_and_keeps_the_levels():
    from lab.augment import random_shift

    images = torch.zeros(64, 1, 28, 28)
    images[:, :, 10:18, 12:16] = torch.linspace(0, 1, 256)[torch.randint(0, 256, (64, 1, 8, 4))]
    shifted = random_shift(images, torch.Generator().manual_seed(0), pixels=2)
    assert shifted.shape == images.shape
    for original, moved in zip(images, shifted):
        matches = [(dy, dx) for dy in range(-2, 3) for dx in range(-2, 3)
                   if torch.equal(torch.roll(original, (dy, dx), dims=(1, 2)), moved)]
        assert len(matches) == 1          # exactly one whole-pixel move, no interpolated levels
    assert len({tuple(m.nonzero()[0].tolist()) for m in shifted}) > 5   # the moves vary
