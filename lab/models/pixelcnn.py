"""A class-conditional Gated PixelCNN (van den Oord et al. 2016): p(x) = Π_i p(x_i | x_<i, y), pixel by pixel.

Lecture, "Modelos autoregresivos": an image is a sequence of 784 8-bit values in raster order (row by row,
left to right); each p(x_i | x_<i) is a 256-way classification, and training maximises the likelihood, i.e.
minimises the sum of the 784 cross-entropies (nats per image).

Causality without a blind spot comes from two stacks of convolutions:
- the vertical stack sees the rows above: its kernel covers rows r−kh+1 … r, and its features reach the
  horizontal stack only shifted down by one row (so row r gets rows < r);
- the horizontal stack sees the current row to the left: kernel columns c−kw+1 … c, and in the first layer
  c−kw … c−1, so the pixel being predicted never sees itself.
Each layer is gated: tanh(a) ⊙ σ(b), with a class-dependent bias added to a and b, and the horizontal
stack is residual. The bias is a learned 7x7 map per class, upsampled to the image (the paper's
location-dependent conditioning, eq. 5): it tells every pixel where class y's strokes usually are, which a
few layers of 3x3 convolutions could not see from their small window. It does not depend on x, so
causality is untouched.

`forward` computes all 784 distributions at once (training, likelihood). Sampling needs 784 sequential
steps; `RasterSampler` caches every layer's features so that each step computes one column of the
horizontal stack and each row one row of the vertical stack (Ramachandran et al. 2017, "Fast generation
for convolutional autoregressive models"), instead of 784 full forward passes. Both use the same weights,
and a test checks that they agree.
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Callable, Iterator

import torch
import torch.nn.functional as F
from torch import nn

from lab.messages import Refused


@dataclass
class PixelCNNConfig:
    num_classes: int = 10
    channels: int = 32              # C: features per stack; each gated conv outputs 2C (tanh half, sigmoid half)
    layers: int = 6                 # gated layers, the first included
    first_kernel: int = 7           # the first layer's k x k footprint (the 7x7 "mask A" of the paper)
    kernel: int = 3                 # later layers' footprint
    head_channels: int = 128
    levels: int = 256               # 8-bit pixels: a 256-way softmax each
    image_size: int = 28
    condition_size: int = 7         # side of each class's learned bias map before upsampling
    label_dropout: float = 0.0      # training: probability of the "no class" map instead (guidance); 0 = none


def to_levels(images: torch.Tensor, levels: int = 256) -> torch.Tensor:
    """[0, 1] images -> integer levels 0 … levels−1 (long), the classes the model predicts."""
    return (images.clamp(0, 1) * (levels - 1)).round().long()


def levels_to_input(values: torch.Tensor, levels: int = 256) -> torch.Tensor:
    """Integer levels -> the network's input range [-1, 1] (float)."""
    return values.float() / (levels - 1) * 2 - 1


def gate(features: torch.Tensor) -> torch.Tensor:
    """tanh(a) ⊙ σ(b) for features (B, 2C, …) split in two along channels -> (B, C, …)."""
    a, b = features.chunk(2, dim=1)
    return torch.tanh(a) * torch.sigmoid(b)


class GatedPixelCNN(nn.Module):
    kind = "pixelcnn"

    def __init__(self, config: PixelCNNConfig):
        super().__init__()
        self.config = config
        c = config.channels
        self.vertical = nn.ModuleList()     # kernel (kh, k): rows r−kh+1 … r, centred columns
        self.horizontal = nn.ModuleList()   # kernel (1, kw): columns to the left
        self.link = nn.ModuleList()         # 1x1: vertical features (shifted down a row) into the horizontal stack
        self.horizontal_out = nn.ModuleList()
        for layer in range(config.layers):
            k = config.first_kernel if layer == 0 else config.kernel
            in_channels = 1 if layer == 0 else c
            self.vertical.append(nn.Conv2d(in_channels, 2 * c, (k // 2 + 1, k)))
            # The first layer excludes the current pixel: k//2 columns strictly left; later ones include it.
            self.horizontal.append(nn.Conv2d(in_channels, 2 * c, (1, k // 2 if layer == 0 else k // 2 + 1)))
            self.link.append(nn.Conv2d(2 * c, 2 * c, 1))
            self.horizontal_out.append(nn.Conv2d(c, c, 1))
        # Class conditioning: per class and layer, a bias map for the vertical and the horizontal gates.
        # With label dropout, one more row (index num_classes) holds the "no class" maps: p(x) unconditioned.
        rows = config.num_classes + (1 if config.label_dropout > 0 else 0)
        self.condition = nn.Embedding(rows, config.layers * 4 * c * config.condition_size ** 2)
        self.head = nn.Sequential(nn.ReLU(), nn.Conv2d(c, config.head_channels, 1), nn.ReLU(),
                                  nn.Conv2d(config.head_channels, config.levels, 1))

    def config_dict(self) -> dict:
        return asdict(self.config)

    @property
    def null_class(self) -> int:
        """The "no class" label (trained only with label dropout)."""
        return self.config.num_classes

    def _conditions(self, labels: torch.Tensor) -> list[tuple[torch.Tensor, torch.Tensor]]:
        """Per layer, (vertical bias, horizontal bias), each (B, 2C, H, W)."""
        config, batch = self.config, len(labels)
        small = self.condition(labels).view(batch, config.layers * 4 * config.channels, config.condition_size,
                                            config.condition_size)
        maps = F.interpolate(small, size=(config.image_size, config.image_size), mode="bilinear",
                             align_corners=False)
        maps = maps.view(batch, config.layers, 2, 2 * config.channels, config.image_size, config.image_size)
        return [(maps[:, i, 0], maps[:, i, 1]) for i in range(config.layers)]

    def forward(self, values: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
        """values (B, 1, H, W) integer levels, labels (B,) -> logits (B, levels, H, W); the logits at pixel
        (r, c) depend only on the pixels before it in raster order."""
        return self.logits_from_input(levels_to_input(values, self.config.levels), labels)

    def logits_from_input(self, x: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
        """The same from the network's float input (B, 1, H, W) in [-1, 1] (differentiable: a test takes
        gradients through it to check causality)."""
        vertical_in, horizontal_in = x, x
        for layer, (v_bias, h_bias) in enumerate(self._conditions(labels)):
            v_conv, h_conv = self.vertical[layer], self.horizontal[layer]
            kh, kw = v_conv.kernel_size
            v_pre = v_conv(F.pad(vertical_in, (kw // 2, kw // 2, kh - 1, 0)))          # rows r−kh+1 … r
            shifted = F.pad(v_pre, (0, 0, 1, 0))[:, :, :-1]                            # row r gets row r−1
            h_width = h_conv.kernel_size[1]
            if layer == 0:   # columns c−kw … c−1: pad kw on the left, drop the last column
                h_pre = h_conv(F.pad(horizontal_in, (h_width, 0))[..., :-1])
            else:            # columns c−kw+1 … c
                h_pre = h_conv(F.pad(horizontal_in, (h_width - 1, 0)))
            h_pre = h_pre + self.link[layer](shifted) + h_bias
            vertical_in = gate(v_pre + v_bias)
            h_out = self.horizontal_out[layer](gate(h_pre))
            horizontal_in = h_out if layer == 0 else horizontal_in + h_out
        return self.head(horizontal_in)

    def pixel_nll(self, images: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
        """−log p(x_i | x_<i, y) for every pixel, in nats, (B, H, W); images (B, 1, H, W) in [0, 1]."""
        values = to_levels(images, self.config.levels)
        return F.cross_entropy(self(values, labels), values[:, 0], reduction="none")

    def loss(self, images: torch.Tensor, labels: torch.Tensor, kl_weight: float = 1.0):
        """Mean over the batch of −log p(x | y) = Σ over the 784 pixels of their cross-entropies (nats per
        image); also logged in bits per dimension. In training, each label becomes the "no class" label with
        probability `label_dropout`, so the one network also learns p(x). `kl_weight` is unused."""
        if self.training and self.config.label_dropout > 0:
            dropped = torch.rand(len(labels), device=labels.device) < self.config.label_dropout
            labels = torch.where(dropped, torch.full_like(labels, self.null_class), labels)
        nll = self.pixel_nll(images, labels).flatten(1).sum(dim=1).mean()
        return nll, {"nll": nll.item(), "bpd": nll.item() / (images[0].numel() * math.log(2))}


class RasterSampler:
    """Draws pixels one at a time in raster order, caching each layer's features between steps.

    Per row: one row of every vertical layer, from the rows above (now final). Per pixel: one column of
    every horizontal layer, then the head on that column. Rows go in order:
        sampler = RasterSampler(model, labels)
        for row in range(28):
            sampler.start_row(row)
            for column in range(28):
                probabilities = sampler.distribution(column)    # p(x_(row, column) | x_<, y), (B, 256)
                sampler.set_pixel(column, torch.multinomial(probabilities, 1)[:, 0])
    A row known in advance (completion) is given whole with `set_row` instead.
    """

    @torch.inference_mode()
    def __init__(self, model: GatedPixelCNN, labels: torch.Tensor, guidance: float = 1.0):
        self.model, self.config = model, model.config
        self.guidance, self.batch = float(guidance), len(labels)
        self.copies = 1 if self.guidance == 1.0 else 2     # each image, and its unconditioned twin when guided
        if self.guidance != 1.0:
            if model.config.label_dropout <= 0:
                raise Refused("guidance_needs_dropout")
            # Guided: the second half of the batch runs the same images with the "no class" label.
            labels = torch.cat([labels, torch.full_like(labels, model.null_class)])
        batch, size, c = len(labels), model.config.image_size, model.config.channels
        self.conditions = model._conditions(labels)
        self.all_values = torch.zeros(batch, size, size, dtype=torch.long, device=labels.device)
        # Zero-padded inputs of every vertical layer, (B, C_in, kh−1 + H, kw−1 + W), filled as rows finish.
        self.vertical_inputs = []
        # How many zero columns sit left of each horizontal layer's row buffer (its causal padding).
        self.left_pads = []
        for layer in range(model.config.layers):
            kh, kw = model.vertical[layer].kernel_size
            in_channels = 1 if layer == 0 else c
            self.vertical_inputs.append(torch.zeros(batch, in_channels, kh - 1 + size, kw - 1 + size,
                                                    device=labels.device))
            width = model.horizontal[layer].kernel_size[1]
            self.left_pads.append(width if layer == 0 else width - 1)
        self.horizontal_inputs: list[torch.Tensor] = []
        self.links: list[torch.Tensor] = []
        self.row = -1

    @property
    def values(self) -> torch.Tensor:
        """The images so far, (B, H, W) integer levels (without the guided run's unconditioned copies)."""
        return self.all_values[:self.batch]

    def _store_vertical(self, layer: int, row: int, features: torch.Tensor) -> None:
        """Write a finished row (B, C_in, W) of vertical layer `layer`'s input into its padded buffer."""
        kh, kw = self.model.vertical[layer].kernel_size
        self.vertical_inputs[layer][:, :, kh - 1 + row, kw // 2: kw // 2 + self.config.image_size] = features

    @torch.inference_mode()
    def start_row(self, row: int) -> None:
        """Run the vertical stack on row−1 (now final) and prepare the links into row `row`."""
        if row != self.row + 1:
            raise ValueError(f"rows go in order: expected row {self.row + 1}, got {row}")
        model, size, c = self.model, self.config.image_size, self.config.channels
        batch, device = self.all_values.shape[0], self.all_values.device
        if row > 0:
            self._store_vertical(0, row - 1, levels_to_input(self.all_values[:, None, row - 1], self.config.levels))
        self.links = []
        for layer in range(self.config.layers):
            if row == 0:   # nothing above row 0: the shifted vertical features are the zero padding
                v_pre = torch.zeros(batch, 2 * c, 1, size, device=device)
            else:          # padded rows row−1 … row−2+kh hold the real rows row−kh … row−1
                kh = model.vertical[layer].kernel_size[0]
                v_pre = model.vertical[layer](self.vertical_inputs[layer][:, :, row - 1: row - 1 + kh])
                if layer + 1 < self.config.layers:
                    v_bias = self.conditions[layer][0][:, :, row - 1: row]
                    self._store_vertical(layer + 1, row - 1, gate(v_pre + v_bias)[:, :, 0])
            self.links.append(model.link[layer](v_pre))                                  # (B, 2C, 1, W)
        self.horizontal_inputs = [torch.zeros(batch, 1 if layer == 0 else c, 1, self.left_pads[layer] + size,
                                              device=device) for layer in range(self.config.layers)]
        self.row = row

    @torch.inference_mode()
    def distribution(self, column: int, temperature: float = 1.0) -> torch.Tensor:
        """p(x_(row, column) | x_<, y) with logits divided by `temperature`: (B, levels). Runs every
        horizontal layer at this column; the columns to its left must be set. With guidance w ≠ 1 the
        logits are log p(x_i | x_<i) + w·(log p(x_i | x_<i, y) − log p(x_i | x_<i)), i.e. p(x_i | ·) ∝
        p(x_i | x_<i)·p(y | x_≤i)^w / p(y | x_<i)^w: values that make the class more evident gain weight."""
        model = self.model
        for layer in range(self.config.layers):
            width = model.horizontal[layer].kernel_size[1]
            pad = self.left_pads[layer]
            start = column + pad - (width if layer == 0 else width - 1)
            window = self.horizontal_inputs[layer][..., start: start + width]              # (B, C_in, 1, kw)
            h_bias = self.conditions[layer][1][:, :, self.row: self.row + 1, column: column + 1]
            h_pre = model.horizontal[layer](window) + self.links[layer][..., column: column + 1] + h_bias
            h = model.horizontal_out[layer](gate(h_pre))                                   # (B, C, 1, 1)
            if layer > 0:
                h = h + self.horizontal_inputs[layer][..., pad + column: pad + column + 1]  # residual
            if layer + 1 < self.config.layers:
                self.horizontal_inputs[layer + 1][..., self.left_pads[layer + 1] + column] = h[..., 0]
        logits = model.head(h)[:, :, 0, 0]
        if self.guidance != 1.0:
            conditional, unconditional = logits.chunk(2)
            logits = unconditional + self.guidance * (conditional - unconditional)
        return torch.softmax(logits / temperature, dim=1)

    @torch.inference_mode()
    def set_pixel(self, column: int, values: torch.Tensor) -> None:
        """Fix pixel (row, column) to `values` (B,) integer levels."""
        values = values.repeat(self.copies)
        self.all_values[:, self.row, column] = values
        self.horizontal_inputs[0][:, 0, 0, self.left_pads[0] + column] = levels_to_input(values, self.config.levels)

    @torch.inference_mode()
    def set_row(self, values: torch.Tensor) -> None:
        """Fix the whole current row to `values` (B, W): a known row needs no horizontal stack."""
        self.all_values[:, self.row] = values.repeat(self.copies, 1)


@torch.inference_mode()
def raster_rows(model: GatedPixelCNN, labels: torch.Tensor, *, temperature: float = 1.0, guidance: float = 1.0,
                generator: torch.Generator | None = None, known: torch.Tensor | None = None, known_rows: int = 0,
                on_pixel: Callable | None = None) -> Iterator[torch.Tensor]:
    """Sample images pixel by pixel, yielding the values (B, H, W) (integer levels) after every row.

    guidance w: 1 samples p(x | y) itself; w > 1 sharpens it towards the class (see `distribution`), at
    twice the work per step, and needs a model trained with label dropout.

    known (B, H, W) levels with `known_rows` > 0: those top rows are kept as given (completion).
    on_pixel(row, column, probabilities (B, levels), drawn (B,)) is called after every sampled pixel."""
    if temperature <= 0:
        raise Refused("positive", name="temperature", value=temperature)
    sampler = RasterSampler(model, labels, guidance)
    size = model.config.image_size
    for row in range(size):
        sampler.start_row(row)
        if row < known_rows:
            sampler.set_row(known[:, row].to(labels.device))
        else:
            for column in range(size):
                probabilities = sampler.distribution(column, temperature)
                drawn = torch.multinomial(probabilities, 1, generator=generator)[:, 0]
                sampler.set_pixel(column, drawn)
                if on_pixel is not None:
                    on_pixel(row, column, probabilities, drawn)
        yield sampler.values


def sample_raster(model: GatedPixelCNN, labels: torch.Tensor, **options) -> torch.Tensor:
    """The whole images of `raster_rows` (same options): (B, H, W) integer levels."""
    for values in raster_rows(model, labels, **options):
        pass
    return values.clone()
