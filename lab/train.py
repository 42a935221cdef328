"""The training CLI: one plain, visible loop for every model family of the lab (their table, FAMILIES, is in
lab/families.py).

    python -m lab.train vae --dataset mnist --latent-dim 16
    python -m lab.train ae --dataset fashion --latent-dim 16
    python -m lab.train classifier --dataset mnist
    python -m lab.train diffusion --dataset mnist --augment none          # class-conditional, EMA weights
    python -m lab.train latent-diffusion --dataset mnist                  # on the shipped 16-d VAE's latents
    python -m lab.train pixelcnn --dataset mnist                          # autoregressive, 256-way softmax
    python -m lab.train vae --data ~/my_images --out runs/my-vae      # a folder of your own images
    accelerate launch --multi_gpu --num_processes 2 -m lab.train vae --dataset mnist   # data parallel
    (on a CPU-only machine the same command runs 2 CPU processes that sync gradients over gloo)

Each run writes into --out (default `checkpoints/<dataset>-<model>`): the checkpoint folder (config.json,
model.safetensors, metrics.json, README.md card), `log.jsonl` with the losses, and `resume.pt` after every
epoch so that `--resume` continues an interrupted run where it stopped. It uses the GPU when there is one.
"""
from __future__ import annotations

import argparse
import copy
import json
import os
import shlex
import sys
import time
from pathlib import Path

import torch
from accelerate import Accelerator
from torch.utils.data import DataLoader, TensorDataset
from tqdm import tqdm

from lab.augment import random_affine, random_shift
from lab.checkpoints import CheckpointError, load_model, save_checkpoint, shipped_path, training_card
from lab.model_cards import add_front_matter
from lab.data import Dataset, load_dataset, load_image_folder
from lab.device import describe_device
from lab.diffusion.latents import encode_dataset, file_sha256, latent_scale
from lab.diffusion.schedules import SCHEDULES
from lab.drawn_digits import with_drawn_copies
from lab.evaluate import HEADLINE_METRIC, evaluate
from lab.families import AUGMENTATIONS, FAMILIES
from lab.models import build_model
from lab.resume import load_resume, save_resume
from lab.tokens import token_dataset


def add_model_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments that shape a family's network (its config), as opposed to how it trains."""
    parser.add_argument("--latent-dim", type=int, default=16)
    parser.add_argument("--extra-convs", type=int, default=0,
                        help="vae/ae: extra 3x3 conv layers per resolution in encoder and decoder")
    parser.add_argument("--gaussian-sigma", type=float, metavar="SIGMA",
                        help="vae: a Gaussian decoder with this fixed σ (the lecture's) instead of Bernoulli")
    parser.add_argument("--channels", type=int, default=32,
                        help="diffusion: the UNet's width at 28x28; pixelcnn: features per stack")
    parser.add_argument("--schedule", choices=sorted(SCHEDULES),
                        help="diffusion: ᾱ_t schedule (default cosine; latent-diffusion scaled-linear)")
    parser.add_argument("--width", type=int, help="latent-diffusion: the MLP's hidden units (default 256); "
                                                 "tokens: the transformer's width (default 128)")
    parser.add_argument("--depth", type=int, help="latent-diffusion: the MLP's residual blocks (default 4); "
                                                  "pixelcnn: gated layers (default 6); tokens: blocks (4)")
    parser.add_argument("--heads", type=int, default=4, help="tokens: attention heads")
    parser.add_argument("--codebook-size", type=int, default=128, help="vqvae: K, the number of codes")
    parser.add_argument("--code-dim", type=int, default=32, help="vqvae: the length of a codebook entry")
    parser.add_argument("--kernel", type=int, default=3, help="pixelcnn: later layers' k x k footprint")
    parser.add_argument("--label-dropout", type=float,
                        help="pixelcnn, tokens: train with the 'no class' label this often, for guided sampling "
                             "(default: pixelcnn 0, tokens 0.1)")
    parser.add_argument("--vae", type=Path, metavar="DIR",
                        help="latent-diffusion: the frozen first stage (default: the shipped <dataset>-vae16)")
    parser.add_argument("--vqvae", type=Path, metavar="DIR",
                        help="tokens: the frozen tokenizer (default: the shipped <dataset>-vqvae)")
    parser.add_argument("--token-copies", type=int, default=4,
                        help="tokens: encode the training images this many times, all but one augmented")
    parser.add_argument("--drawn-copies", type=int, default=0,
                        help="add N copies of the training digits re-drawn with a pen (lab.drawn_digits)")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m lab.train", description=__doc__.split("\n\n")[0])
    parser.add_argument("model", choices=list(FAMILIES))
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--dataset", choices=["mnist", "fashion"], default="mnist")
    source.add_argument("--data", type=Path, help="a folder of your own images (sub-folders = classes)")
    add_model_arguments(parser)
    parser.add_argument("--ema", type=float, metavar="DECAY",
                        help="keep an exponential moving average of the weights and ship it (diffusion: 0.999)")
    parser.add_argument("--epochs", type=int, help="default: " + ", ".join(
        f"{name} {family.epochs}" for name, family in FAMILIES.items()))
    parser.add_argument("--batch-size", type=int, default=128)
    parser.add_argument("--lr", type=float, default=2e-3, help="peak learning rate of the one-cycle schedule")
    parser.add_argument("--weight-decay", type=float, default=1e-4)
    parser.add_argument("--clip-grad", type=float, metavar="NORM",
                        help="clip the gradient norm (guards against a spike that saturates the sigmoid output)")
    parser.add_argument("--kl-warmup-epochs", type=float, default=5.0,
                        help="VAE only: the KL weight grows linearly from 0 to 1 over these epochs")
    parser.add_argument("--augment", choices=["none", "shift", *AUGMENTATIONS],
                        help="mild: ±5°, ±1.4 px, ±5%% scale; affine: ±8°, ±2.2 px, ±8%%; -flip adds "
                             "mirroring; shift: whole-pixel moves up to ±2 px, no interpolation "
                             "(default affine; none for latent-diffusion, which trains on latents encoded once, "
                             "and pixelcnn, whose 256 levels interpolation would blur: shift suits it)")
    parser.add_argument("--limit", type=int, help="use only the first N training and test images (tests)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--eval-every", type=int, default=5, metavar="N",
                        help="log held-out figures (1,000 test images) every N epochs: the card's curve")
    parser.add_argument("--threads", type=int, help="torch CPU threads (default: torch's choice)")
    parser.add_argument("--out", type=Path, help="output folder (default checkpoints/<dataset>-<model>)")
    parser.add_argument("--init-from", type=Path, metavar="DIR",
                        help="start from this checkpoint folder's weights (fine-tuning, e.g. without "
                             "augmentation)")
    parser.add_argument("--resume", action="store_true", help="continue from <out>/resume.pt")
    parser.add_argument("--stop-after", type=int, metavar="N",
                        help="stop after N epochs of this run (then --resume); for time-boxed machines")
    parser.add_argument("--download", action="store_true", help="fashion: download via torchvision if missing")
    args = parser.parse_args(argv)
    family = FAMILIES[args.model]
    if (family.on_latents or family.on_tokens) and args.augment not in (None, "none"):
        parser.error(f"{args.model} encodes the images once; it cannot augment them (use --augment none)")
    args.epochs = args.epochs or family.epochs
    args.ema = family.ema if args.ema is None else args.ema
    args.augment = args.augment or family.augment
    args.depth = args.depth or family.depth or 4
    args.width = args.width or family.width or 256
    args.label_dropout = family.label_dropout if args.label_dropout is None else args.label_dropout
    args.schedule = args.schedule or family.schedule or "cosine"
    args.command = "python -m lab.train " + shlex.join(sys.argv[1:] if argv is None else argv)
    return args


def model_name(args: argparse.Namespace) -> str:
    if args.model in ("vae", "ae"):
        sigma = f"-sigma{args.gaussian_sigma:g}" if args.model == "vae" and args.gaussian_sigma else ""
        return f"{args.model}{args.latent_dim}{sigma}"
    return args.model


def load_splits(args: argparse.Namespace) -> tuple[Dataset, Dataset, str]:
    if args.data is not None:
        everything = load_image_folder(args.data)
        held_out = max(1, len(everything) // 10)  # a 90/10 split of the user's folder
        train = Dataset(everything.images[held_out:], everything.labels[held_out:], everything.class_names)
        test = Dataset(everything.images[:held_out], everything.labels[:held_out], everything.class_names)
        name = f"folder:{args.data.name}"
    else:
        train = load_dataset(args.dataset, "train", download=args.download)
        test = load_dataset(args.dataset, "test", download=args.download)
        name = args.dataset
    if args.limit:
        train, test = train.subset(args.limit), test.subset(args.limit)
    return train, test, name


def load_training_data(args: argparse.Namespace) -> tuple[Dataset, Dataset, str, dict | None]:
    """The two splits, the data's name, and the first stage's config entries: images in [0, 1], or for a
    family on latents or tokens, the frozen VAE's posteriors or the VQ-VAE's token grids instead."""
    train_set, test_set, data_name = load_splits(args)
    train_set = with_drawn_copies(train_set, args.drawn_copies, args.seed)
    first_stage = None
    if FAMILIES[args.model].on_latents:
        train_set, test_set, first_stage = encode_for_latent_diffusion(args, train_set, test_set)
    elif FAMILIES[args.model].on_tokens:
        train_set, test_set, first_stage = encode_for_tokens(args, train_set, test_set)
    return train_set, test_set, data_name, first_stage


def encode_for_latent_diffusion(args: argparse.Namespace, train_set: Dataset,
                                test_set: Dataset) -> tuple[Dataset, Dataset, dict]:
    """Latent diffusion trains on the frozen VAE's posteriors: encode both splits once (the encoder never
    changes, so this equals encoding every batch, ~50x faster); returns them with the first stage's
    config entries (scale factor, which VAE, its weights' hash)."""
    if args.data is not None:
        raise SystemExit("latent-diffusion needs a shipped dataset's 16-d VAE; --data is not supported")
    folder = args.vae or shipped_path(args.dataset, "vae16")
    vae, _ = load_model(folder)
    train_set, test_set = encode_dataset(vae, train_set), encode_dataset(vae, test_set)
    first_stage = {"latent_scale": latent_scale(train_set.images, args.seed), "vae": folder.name.split("-", 1)[-1],
                   "vae_sha256": file_sha256(folder / "model.safetensors"), "latent_dim": vae.config.latent_dim}
    return train_set, test_set, first_stage


def encode_for_tokens(args: argparse.Namespace, train_set: Dataset,
                      test_set: Dataset) -> tuple[Dataset, Dataset, dict]:
    """The token transformer trains on the frozen VQ-VAE's token grids: both splits encoded once, the
    training split `--token-copies` times (lab.tokens); returns them with the first stage's config entries."""
    if args.data is not None:
        raise SystemExit("tokens needs a shipped dataset's VQ-VAE; --data is not supported")
    folder = args.vqvae or shipped_path(args.dataset, "vqvae")
    vqvae, _ = load_model(folder)
    first_stage = {"codebook_size": vqvae.config.codebook_size, "vqvae": folder.name.split("-", 1)[-1],
                   "vqvae_sha256": file_sha256(folder / "model.safetensors"),
                   "sequence_length": vqvae.grid ** 2}
    return (token_dataset(vqvae, train_set, args.token_copies, args.seed), token_dataset(vqvae, test_set),
            first_stage)


def build(args: argparse.Namespace, num_classes: int, first_stage: dict | None = None) -> torch.nn.Module:
    """A fresh model of the family `args.model`, configured from the arguments (and the first stage)."""
    family = FAMILIES[args.model]
    return build_model(family.kind, {**family.config(args, num_classes), **(first_stage or {})})


def initialise_from(model: torch.nn.Module, folder: Path) -> dict | None:
    """Copy a checkpoint's weights into `model` (same family and shapes; the loss may differ, e.g. a VAE's
    decoder likelihood); returns how they were trained."""
    start, start_config = load_model(folder)
    shapes = lambda module: {name: tuple(value.shape) for name, value in module.state_dict().items()}  # noqa: E731
    if start.kind != model.kind or shapes(start) != shapes(model):
        raise SystemExit(f"--init-from {folder} holds a {start.kind} {start.config_dict()}, "
                         f"not a {model.kind} {model.config_dict()}")
    model.load_state_dict(start.state_dict())
    return start_config.get("training")


def train(args: argparse.Namespace) -> dict:
    """Train, evaluate and save one model as `args` say; returns its held-out metrics ({} if stopped early)."""
    accelerator = start_accelerator(args)

    # 1. Data: the two splits, as images in [0, 1] (or as the frozen first stage encodes them).
    train_set, test_set, data_name, first_stage = load_training_data(args)
    out = args.out or shipped_path(args.dataset if args.data is None else "folder", model_name(args))
    out.mkdir(parents=True, exist_ok=True)

    # 2. The model (fresh, or from a checkpoint), AdamW and a one-cycle learning rate, placed by accelerate
    #    on the device(s); the loader shuffles reproducibly and each process augments its shard its own way.
    model = build(args, len(train_set.class_names), first_stage)
    start_training = initialise_from(model, args.init_from) if args.init_from else None
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=args.weight_decay)
    loader = DataLoader(TensorDataset(train_set.images, train_set.labels), batch_size=args.batch_size,
                        shuffle=True, drop_last=True, generator=torch.Generator().manual_seed(args.seed))
    objective, optimizer, loader = accelerator.prepare(TrainingObjective(model), optimizer, loader)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=args.lr, pct_start=0.1,
                                                   total_steps=args.epochs * len(loader))
    augment_generator = torch.Generator().manual_seed(args.seed + 1000 * accelerator.process_index)

    # 3. The weights we evaluate and ship: an exponential moving average of the trained ones when --ema is
    #    set (diffusion samples are much cleaner from averaged weights), else the trained weights themselves.
    shipped = copy.deepcopy(model).requires_grad_(False) if args.ema else model

    # 4. Resume: everything an interrupted run needs is saved after every epoch (never shipped).
    run_state = {"model": model, "optimizer": optimizer, "schedule": schedule}
    if args.ema:
        run_state["ema"] = shipped
    resume_path = out / "resume.pt"
    start_epoch = load_resume(resume_path, run_state, augment_generator, args.epochs) if args.resume else 0
    if start_epoch:
        accelerator.print(f"resumed from {resume_path} at epoch {start_epoch}")

    # 5. The loop: one epoch of steps, then a log line (held-out figures every 5 epochs) and a resume point.
    started = time.time()
    for epoch in range(start_epoch, args.epochs):
        totals = train_one_epoch(args, epoch, objective, model, shipped, optimizer, schedule, loader,
                                 augment_generator, accelerator)
        if accelerator.is_main_process:
            log_epoch(out / "log.jsonl", args, epoch, totals, len(loader), shipped, test_set, started,
                      accelerator)
            save_resume(resume_path, run_state, augment_generator, epoch + 1, args.epochs)
        accelerator.wait_for_everyone()
        if args.stop_after and epoch + 1 - start_epoch >= args.stop_after and epoch + 1 < args.epochs:
            accelerator.print(f"stopping after epoch {epoch + 1}; continue with --resume")
            return {}

    # 6. Evaluate the shipped weights on the whole held-out split and save the checkpoint folder with its card.
    metrics = {}
    if accelerator.is_main_process:
        metrics = save_final(out, shipped.eval(), args, train_set, test_set, data_name, time.time() - started,
                             start_training, accelerator)
    accelerator.wait_for_everyone()
    accelerator.end_training()
    return metrics


def start_accelerator(args: argparse.Namespace) -> Accelerator:
    """Threads, the device(s) accelerate picks (LAB_DEVICE=cpu forces the CPU) and the global seed."""
    if args.threads:
        torch.set_num_threads(args.threads)
    accelerator = Accelerator(cpu=os.environ.get("LAB_DEVICE") == "cpu")
    torch.backends.cudnn.benchmark = True   # fixed shapes: let cuDNN pick its fastest kernels once (GPU only)
    torch.manual_seed(args.seed)
    return accelerator


def train_one_epoch(args, epoch: int, objective, model, shipped, optimizer, schedule, loader,
                    augment_generator: torch.Generator, accelerator: Accelerator) -> dict[str, float]:
    """One pass over the loader: augment, loss (the family's own), backward, clip, step, EMA. Returns the
    sums of the logged loss terms."""
    objective.train()
    totals: dict[str, float] = {}
    progress = tqdm(loader, desc=f"epoch {epoch + 1}/{args.epochs}", leave=False,
                    disable=not accelerator.is_local_main_process, file=sys.stdout,
                    mininterval=0.5 if sys.stdout.isatty() else 30)
    for step, (images, labels) in enumerate(progress):
        if args.augment == "shift":
            images = random_shift(images, augment_generator)
        elif args.augment != "none":
            images = random_affine(images, augment_generator, **AUGMENTATIONS[args.augment])
        kl_weight = kl_warmup_weight(epoch + step / len(loader), args.kl_warmup_epochs)
        loss, logged = objective(images, labels, kl_weight)
        optimizer.zero_grad(set_to_none=True)
        accelerator.backward(loss)
        if args.clip_grad:
            accelerator.clip_grad_norm_(objective.parameters(), args.clip_grad)
        optimizer.step()
        schedule.step()
        if args.ema:
            update_ema(shipped, model, args.ema)
        for name, value in logged.items():
            totals[name] = totals.get(name, 0.0) + value
        progress.set_postfix({name: f"{value:.3f}" for name, value in logged.items()}, refresh=False)
    return totals


def log_epoch(log_path: Path, args, epoch: int, totals: dict, steps: int, shipped, test_set: Dataset,
              started: float, accelerator: Accelerator) -> None:
    """Append the epoch's mean losses (and every --eval-every epochs, held-out figures on 1,000 images) to
    log.jsonl."""
    record = {"epoch": epoch + 1, "seconds": round(time.time() - started, 1), "steps": steps,
              "processes": accelerator.num_processes, **{f"train_{k}": v / steps for k, v in totals.items()}}
    if (epoch + 1) % args.eval_every == 0 or epoch + 1 == args.epochs:
        record.update({f"test_{k}": v for k, v in evaluate(shipped, test_set.subset(1000)).items()})
    with log_path.open("a") as handle:
        handle.write(json.dumps(record) + "\n")
    accelerator.print(json.dumps(record))


def save_final(out: Path, final, args, train_set: Dataset, test_set: Dataset, data_name: str, seconds: float,
               start_training: dict | None, accelerator: Accelerator) -> dict:
    """Held-out metrics of the final weights, saved as the checkpoint folder with config, metrics and card."""
    metrics = _final_metrics(final, test_set, args, data_name, seconds)
    info = {"dataset": data_name, "class_names": list(train_set.class_names),
            "parameters": sum(p.numel() for p in final.parameters()),
            "training": {"command": args.command, "seed": args.seed, "epochs": args.epochs,
                         "batch_size": args.batch_size, "lr": args.lr, "augment": args.augment, "ema": args.ema,
                         "processes": accelerator.num_processes, "device": describe_device(accelerator.device),
                         "init_from": str(args.init_from) if args.init_from else None,
                         # How the starting weights were made, so a fine-tuned card tells the whole story.
                         "init_from_training": start_training,
                         "train_images": len(train_set), "test_images": len(test_set)}}
    save_checkpoint(out, final, info, metrics, training_card(final, info, metrics, out / "log.jsonl"))
    add_front_matter(Path(out))   # the Hub's metadata, so the folder can be pushed as a model repo
    accelerator.print(f"saved {out}: {json.dumps(metrics)}")
    return metrics


@torch.no_grad()
def update_ema(average: torch.nn.Module, model: torch.nn.Module, decay: float) -> None:
    """average ← decay·average + (1 − decay)·model, parameter by parameter (buffers copied)."""
    torch._foreach_lerp_(list(average.parameters()), list(model.parameters()), 1 - decay)
    for average_buffer, buffer in zip(average.buffers(), model.buffers()):
        average_buffer.copy_(buffer)


def kl_warmup_weight(epochs_done: float, warmup_epochs: float) -> float:
    """The KL term's weight: 0 -> 1 linearly over the warm-up, so the decoder learns to use z before the
    prior pulls q(z|x) towards N(0, I) (avoids posterior collapse); 1 with no warm-up."""
    return 1.0 if warmup_epochs <= 0 else min(1.0, epochs_done / warmup_epochs)


class TrainingObjective(torch.nn.Module):
    """Wraps a model so that its loss is computed in forward(): data-parallel wrappers (DDP) sync
    gradients only for what runs inside the wrapped module's forward."""

    def __init__(self, model: torch.nn.Module):
        super().__init__()
        self.model = model

    def forward(self, images, labels, kl_weight: float):
        return self.model.loss(images, labels, kl_weight=kl_weight)


def _final_metrics(model, test_set: Dataset, args, data_name: str, seconds: float) -> dict:
    metrics = {f"test_{k}": v for k, v in evaluate(model, test_set).items()}
    metrics["test_images"] = len(test_set)
    if args.data is None and args.limit is None:
        from lab.examples import load_examples

        shipped = load_examples(args.dataset)
        if model.kind == "latent_denoiser":   # the figures the checkpoint test re-measures, on latents
            shipped = encode_dataset(load_model(args.vae or shipped_path(args.dataset, "vae16"))[0], shipped)
        elif model.kind == "token_transformer":   # and on tokens
            shipped = token_dataset(load_model(args.vqvae or shipped_path(args.dataset, "vqvae"))[0], shipped)
        metrics.update({f"shipped_test_{k}": v for k, v in evaluate(model, shipped).items()})
        metrics["shipped_test_images"] = len(shipped)
    metrics["train_seconds"] = round(seconds, 1)
    metrics["headline"] = f"test_{HEADLINE_METRIC[model.kind]}"
    return metrics


if __name__ == "__main__":
    if sys.argv[1:2] == ["sandbox"]:   # the 2-D sandbox's point models: their own arguments
        from lab.sandbox.shipping import main
        raise SystemExit(main(sys.argv[2:]))
    try:
        train(parse_args())
    except (CheckpointError, RuntimeError, ValueError) as error:  # bad data or checkpoint: say it, no traceback
        raise SystemExit(f"error: {error}")
