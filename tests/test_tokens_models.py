"""The VQ-VAE tokenizer and the token transformer: quantisation, straight-through gradients, causality, the
key/value cache and completion, on tiny untrained networks."""
import pytest
import torch

from lab.models.token_transformer import TokenSampler, TokenTransformer, TokenTransformerConfig, sample_tokens
from lab.models.vqvae import VQVAE, VQVAEConfig, codebook_perplexity


@pytest.fixture(scope="module")
def tiny_vqvae() -> VQVAE:
    torch.manual_seed(0)
    return VQVAE(VQVAEConfig(codebook_size=16, code_dim=8, channels=16)).eval()


@pytest.fixture(scope="module")
def tiny_transformer() -> TokenTransformer:
    torch.manual_seed(0)
    return TokenTransformer(TokenTransformerConfig(codebook_size=16, width=32, depth=2, heads=2)).eval()


def test_quantisation_returns_codebook_entries_nearest_to_the_encoder_output(tiny_vqvae):
    images = torch.rand(3, 1, 28, 28)
    z_e = tiny_vqvae.encoder(images)
    z_q, codes, commitment = tiny_vqvae.quantizer(z_e)
    assert codes.shape == (3, 7, 7) and z_q.shape == z_e.shape == (3, 8, 7, 7)
    entries = z_q.permute(0, 2, 3, 1).reshape(-1, 8)
    assert torch.allclose(entries, tiny_vqvae.quantizer.codebook[codes.flatten()], atol=1e-6)
    distances = torch.cdist(z_e.permute(0, 2, 3, 1).reshape(-1, 8), tiny_vqvae.quantizer.codebook)
    assert torch.equal(codes.flatten(), distances.argmin(dim=1))
    assert torch.allclose(commitment, (z_e - z_q).pow(2).flatten(1).sum(1), atol=1e-5)


def test_straight_through_passes_the_decoders_gradient_to_the_encoder(tiny_vqvae):
    z_e = torch.randn(2, 8, 7, 7, requires_grad=True)
    z_q, _, _ = tiny_vqvae.quantizer(z_e)
    weights = torch.randn_like(z_q)
    (z_q * weights).sum().backward()
    assert torch.equal(z_e.grad, weights)   # the identity: d z_q / d z_e = I


def test_training_keeps_the_codebook_alive_and_the_loss_finite():
    torch.manual_seed(0)
    model = VQVAE(VQVAEConfig(codebook_size=16, code_dim=8, channels=16, ema_decay=0.5)).train()
    images = torch.rand(8, 1, 28, 28)
    for _ in range(3):
        loss, logged = model.loss(images)
    assert torch.isfinite(loss) and 1.0 <= logged["perplexity"] <= 16
    assert (model.quantizer.cluster_size >= model.config.dead_usage).all()   # dead codes were restarted


def test_codebook_perplexity_counts_codes_in_equal_use():
    assert codebook_perplexity(torch.arange(8).repeat(5), 16) == pytest.approx(8.0)
    assert codebook_perplexity(torch.zeros(40, dtype=torch.long), 16) == pytest.approx(1.0)


def test_decode_of_encode_keeps_the_token_grid_shape(tiny_vqvae):
    codes = tiny_vqvae.encode(torch.rand(2, 1, 28, 28))
    images = tiny_vqvae.decode(codes)
    assert images.shape == (2, 1, 28, 28) and 0 <= images.min() and images.max() <= 1


def test_the_transformer_is_causal_by_gradients(tiny_transformer):
    """The logits at position i must not depend on tokens at positions ≥ i (input i + 1 holds t_i)."""
    tokens = torch.randint(16, (1, 49))
    embedded = tiny_transformer.embed(tokens[:, :-1], torch.tensor([3])).detach().requires_grad_(True)
    x = embedded
    for block in tiny_transformer.blocks:
        x = block(x)
    logits = tiny_transformer.head(tiny_transformer.norm(x))
    for position in (0, 10, 30, 48):
        gradient, = torch.autograd.grad(logits[0, position].sum(), embedded, retain_graph=True)
        seen = gradient[0].abs().sum(dim=1) > 0
        assert seen[: position + 1].all() and not seen[position + 1:].any()


def test_the_cached_sampler_equals_the_full_forward_pass(tiny_transformer):
    labels, tokens = torch.tensor([2, 10]), torch.randint(16, (2, 49))
    full = tiny_transformer(tokens, labels)                    # (2, 49, 16)
    with torch.no_grad():
        sampler = TokenSampler(tiny_transformer, labels)
        for i in range(49):
            assert torch.allclose(sampler.logits(), full[:, i], atol=1e-5), i
            sampler.append(tokens[:, i])


def test_guidance_mixes_conditional_and_unconditional_logits(tiny_transformer):
    labels, tokens = torch.tensor([4]), torch.randint(16, (1, 49))
    with torch.no_grad():
        conditional = tiny_transformer(tokens, labels)[:, 5]
        unconditional = tiny_transformer(tokens, torch.tensor([tiny_transformer.null_class]))[:, 5]
        sampler = TokenSampler(tiny_transformer, labels, guidance=2.0)
        for i in range(5):
            sampler.append(tokens[:, i])
    assert torch.allclose(sampler.logits(), unconditional + 2.0 * (conditional - unconditional), atol=1e-5)


def test_top_k_leaves_k_codes_and_temperature_keeps_a_distribution(tiny_transformer):
    with torch.no_grad():
        probabilities = TokenSampler(tiny_transformer, torch.tensor([1, 2])).distribution(0.7, top_k=3)
    assert ((probabilities > 0).sum(dim=1) == 3).all()
    assert torch.allclose(probabilities.sum(dim=1), torch.ones(2))


def test_completion_keeps_the_given_tokens_and_seeds_reproduce(tiny_transformer):
    prefix = torch.randint(16, (3, 14))
    drawn = [sample_tokens(tiny_transformer, torch.tensor([1, 1, 1]), prefix=prefix,
                           generator=torch.Generator().manual_seed(7)) for _ in range(2)]
    assert drawn[0].shape == (3, 49) and torch.equal(drawn[0][:, :14], prefix)
    assert torch.equal(drawn[0], drawn[1])
    assert drawn[0].min() >= 0 and drawn[0].max() < 16


def test_the_token_loss_is_finite_and_drops_labels_in_training():
    torch.manual_seed(0)
    model = TokenTransformer(TokenTransformerConfig(codebook_size=16, width=32, depth=1, heads=2,
                                                    label_dropout=1.0, dropout=0.0)).train()
    tokens, labels = torch.randint(16, (4, 7, 7)), torch.tensor([0, 1, 2, 3])
    loss, logged = model.loss(tokens, labels)          # every label dropped: the "no class" likelihood
    with torch.no_grad():
        unconditional = model.token_nll(tokens, torch.full((4,), model.null_class)).mean()
        conditional = model.token_nll(tokens, labels).mean()
    assert torch.isfinite(loss) and logged["nll_per_token"] > 0
    assert loss.item() == pytest.approx(unconditional.item(), abs=1e-5)
    assert conditional.item() != pytest.approx(unconditional.item(), abs=1e-5)
