"""The PixelCNN: causality of its masks, its loss, and the cached raster sampler against the full forward."""
import math

import pytest
import torch
import torch.nn.functional as F

from lab.models.pixelcnn import GatedPixelCNN, PixelCNNConfig, RasterSampler, sample_raster, to_levels


@pytest.fixture(scope="module")
def tiny_model() -> GatedPixelCNN:
    torch.manual_seed(0)
    return GatedPixelCNN(PixelCNNConfig(channels=8, layers=3, head_channels=16, image_size=10)).eval()


def test_output_at_pixel_i_depends_only_on_pixels_before_it(tiny_model):
    """∂ logits(i) / ∂ input(j) must be zero for every j ≥ i in raster order, and non-zero for some j < i."""
    size = tiny_model.config.image_size
    values = torch.randint(0, 256, (1, 1, size, size))
    for row, column in [(0, 0), (0, 5), (4, 0), (4, 7), (9, 9)]:
        inputs = (values.float() / 255 * 2 - 1).requires_grad_()
        logits = tiny_model.logits_from_input(inputs, torch.tensor([3]))
        logits[0, :, row, column].sum().backward()
        influence = inputs.grad[0, 0].abs()
        order = torch.arange(size * size).view(size, size)
        index = row * size + column
        assert influence[order >= index].max() == 0, f"pixel ({row}, {column}) sees itself or the future"
        if index > 0:
            assert influence[order < index].max() > 0


def test_the_loss_is_the_sum_of_the_per_pixel_cross_entropies(tiny_model):
    images, labels = torch.rand(4, 1, 10, 10), torch.tensor([0, 1, 2, 3])
    loss, logged = tiny_model.loss(images, labels)
    values = to_levels(images)
    logits = tiny_model(values, labels)                                      # (B, 256, H, W)
    by_hand = -torch.log_softmax(logits, dim=1).gather(1, values).squeeze(1).sum(dim=(1, 2)).mean()
    assert torch.allclose(loss, by_hand, atol=1e-3)
    assert torch.allclose(loss, F.cross_entropy(logits, values[:, 0], reduction="sum") / 4, atol=1e-3)
    assert logged["bpd"] == pytest.approx(logged["nll"] / (100 * math.log(2)))


def test_the_cached_sampler_gives_the_full_forward_distributions(tiny_model):
    labels = torch.tensor([2, 5])
    drawn = sample_raster(tiny_model, labels, generator=torch.Generator().manual_seed(0))
    full = torch.softmax(tiny_model(drawn[:, None], labels), dim=1)
    sampler = RasterSampler(tiny_model, labels)
    for row in range(10):
        sampler.start_row(row)
        for column in range(10):
            assert torch.allclose(sampler.distribution(column), full[:, :, row, column], atol=1e-5)
            sampler.set_pixel(column, drawn[:, row, column])


def test_guided_sampling_mixes_the_conditional_and_unconditional_distributions():
    """With guidance w the cached sampler draws from softmax(log p(x_i|x_<i) + w·(log p(x_i|x_<i,y) −
    log p(x_i|x_<i))), both terms from the full forward of the same model (the "no class" label for p(x))."""
    torch.manual_seed(0)
    model = GatedPixelCNN(PixelCNNConfig(channels=8, layers=3, head_channels=16, image_size=10,
                                         label_dropout=0.1)).eval()
    labels, w = torch.tensor([2, 5]), 2.5
    drawn = sample_raster(model, labels, guidance=w, generator=torch.Generator().manual_seed(0))
    conditional = model(drawn[:, None], labels).log_softmax(dim=1)
    unconditional = model(drawn[:, None], torch.full_like(labels, model.null_class)).log_softmax(dim=1)
    expected = torch.softmax(unconditional + w * (conditional - unconditional), dim=1)
    sampler = RasterSampler(model, labels, guidance=w)
    for row in range(10):
        sampler.start_row(row)
        for column in range(10):
            assert torch.allclose(sampler.distribution(column), expected[:, :, row, column], atol=1e-5)
            sampler.set_pixel(column, drawn[:, row, column])
    assert sampler.values.shape == (2, 10, 10) and torch.equal(sampler.values, drawn)


def test_guidance_needs_a_model_trained_with_label_dropout(tiny_model):
    with pytest.raises(ValueError, match="label dropout"):
        RasterSampler(tiny_model, torch.tensor([0]), guidance=2.0)


def test_completion_keeps_the_given_rows(tiny_model):
    known = torch.randint(0, 256, (3, 10, 10))
    completed = sample_raster(tiny_model, torch.tensor([1, 1, 1]), known=known, known_rows=4,
                              generator=torch.Generator().manual_seed(1))
    assert torch.equal(completed[:, :4], known[:, :4])
    assert not torch.equal(completed[:, 4:], known[:, 4:])


def test_rows_must_come_in_order_and_temperature_must_be_positive(tiny_model):
    sampler = RasterSampler(tiny_model, torch.tensor([0]))
    with pytest.raises(ValueError, match="in order"):
        sampler.start_row(1)
    with pytest.raises(ValueError, match="temperature"):
        sample_raster(tiny_model, torch.tensor([0]), temperature=0)
