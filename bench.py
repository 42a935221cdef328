"""The benchmark: latency and quality figures as a table, and as flat JSON with --json FILE.

    python -m bench                 # everything (quality figures evaluate the full test splits)
    python -m bench --quick         # latency only
    python -m bench --json bench.json
    python -m bench --only latent_diffusion pixelcnn     # some sections, with their quality figures

It stands above both worlds, like app.py: it times the UI's handlers (demo/) end to end, as the browser
calls them, and the models below them (lab/) directly.

Run it on a quiet machine: another process using torch on the same cores distorts every latency here.
Bars (issue 2, 2 CPU cores): Draw & encode handler p50 ≤ 50 ms, app start ≤ 8 s (issue 15); classifier accuracy
mnist ≥ 0.985, fashion ≥ 0.925; VAE −ELBO mnist 16-d ≤ 100, 2-d ≤ 150 nats.
"""
from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

import numpy as np
import torch

from bench_browser import bench_app_start, bench_play
from bench_classroom import bench_classroom
from bench_elbo import bench_elbo, bench_elbo_quality
from bench_fuzz import bench_fuzz
from bench_lessons import bench_lessons
from bench_models import MODEL_BARS, bench_models
from bench_sandbox import SANDBOX_BARS, bench_sandbox, bench_sandbox_quality
from bench_tokens import TOKEN_BARS, bench_tokens, bench_tokens_quality
from lab.memory import keep_large_buffers

ROOT = Path(__file__).resolve().parent
BARS = {  # figure: (comparison, bar)
    "draw_encode_p50_ms": ("<=", 50.0), "app_start_s": ("<=", 8.0),
    "kmeans_step_p50_ms": ("<=", 100.0), "foundations_handler_p50_ms_max": ("<=", 200.0),
    "click_decode_p50_ms": ("<=", 30.0), "interpolate16_p50_ms": ("<=", 80.0), "latent_tab_open_s": ("<=", 1.0),
    "diffusion_step_p50_ms": ("<=", 15.0), "diffusion_grid16_s": ("<=", 2.0),
    "diffusion_cond_accuracy_mnist": (">=", 0.98), "diffusion_cond_accuracy_fashion": (">=", 0.98),
    "diffusion_fd_ratio_mnist": ("<=", 2.0), "diffusion_fd_ratio_fashion": ("<=", 2.5),
    "latent_diffusion_sample_ms": ("<=", 50.0),
    "pixelcnn_grid16_s": ("<=", 10.0), "play_diffusion_s": ("<=", 6.0),
    "fuzz_opaque_errors": ("<=", 0.0), "fuzz_silent_wrong": ("<=", 0.0), "fuzz_hangs": ("<=", 0.0),
    "pixelcnn_cond_accuracy_mnist": (">=", 0.90), "pixelcnn_cond_accuracy_fashion": (">=", 0.90),
    "latent_diffusion_cond_accuracy_mnist": (">=", 0.95), "latent_diffusion_cond_accuracy_fashion": (">=", 0.85),
    "visitor_cpu_s": ("<=", 0.3), "classroom_20_open_s": ("<=", 10.0), "classroom_20_encode_p95_ms": ("<=", 300.0),
    "classroom_20_encode_errors": ("<=", 0.0), "encode_idle_p50_ms": ("<=", 100.0),
    "rss_growth_mb_per_100_opens": ("<=", 50.0), "zerogpu_sim_errors": ("<=", 0.0),
    "external_requests_at_load": ("<=", 0.0),
    "elbo_integral_p50_ms": ("<=", 300.0), "elbo_posterior_p50_ms": ("<=", 300.0),
    "bayes_built_conditional_accuracy_mnist": (">=", 0.90), "gaussian_vae_sigmas": (">=", 3), **TOKEN_BARS,
    "lesson_follow_p95_s": ("<=", 2.0), "lesson_reveal_p95_s": ("<=", 2.0), "lesson_vote_p95_ms": ("<=", 300.0),
    "lesson_votes_lost": ("<=", 0.0), "fuzz_room_accepted": ("<=", 0.0), "fuzz_room_counts_changed": ("<=", 0.0),
    "fuzz_room_serving_after": (">=", 1.0), "lesson_steps": (">=", 30), "lesson_steps_es": (">=", 30),
    "lesson_room60_encode_p95_ms": ("<=", 300.0), "lesson_room60_encode_errors": ("<=", 0.0),
    **MODEL_BARS, **SANDBOX_BARS,
}


def percentile_ms(timings: list[float], q: float) -> float:
    return float(np.percentile(np.array(timings) * 1000, q))


def bench_draw_encode(repeats: int = 60) -> dict:
    """The Draw & encode handler end to end: a 280x280 sketchpad image in, images and figures out."""
    from demo.tabs.draw_encode import encode_sketch  # the UI handler itself, as the browser calls it

    value = {"background": None, "layers": [], "composite": _sketch_canvas()}
    encode_sketch(value, "mnist", "vae16")  # warm-up: loads the models
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        encode_sketch(value, "mnist", "vae16")
        timings.append(time.perf_counter() - started)
    return {"draw_encode_p50_ms": percentile_ms(timings, 50), "draw_encode_p95_ms": percentile_ms(timings, 95)}


def bench_latent_explorer(repeats: int = 30) -> dict:
    """Issue 3's handlers: opening the map, a click decoded, a 16-frame interpolation with its plot."""
    import gradio as gr

    from demo.tabs import latent_explorer as tab

    started = time.perf_counter()
    tab.open_map("mnist", "vae16", "umap")  # first render: shipped projection, no fitting
    open_seconds = time.perf_counter() - started
    event = gr.SelectData(None, {"index": [250, 260], "value": None})
    clicks, interpolations = [], []
    for _ in range(repeats):
        started = time.perf_counter()
        tab.click_map("mnist", "vae16", "umap", None, event)
        clicks.append(time.perf_counter() - started)
        started = time.perf_counter()
        tab.run_interpolation("mnist", "test", 0, "test", 7, 16, "spherical", None, None)
        interpolations.append(time.perf_counter() - started)
    return {"click_decode_p50_ms": percentile_ms(clicks, 50),
            "interpolate16_p50_ms": percentile_ms(interpolations, 50), "latent_tab_open_s": open_seconds}


def bench_foundations(repeats: int = 20) -> dict:
    """Issue 5's handlers at their defaults: a k-means run and one step, on a toy set and on a drawn cloud;
    a PCA rebuild; the 2-D principal axes; the densities compared (2-D and 1-D); 16 digits from the KDE in
    PCA space; the Bayes view and a prior move; an outlier scored. Each handler is warmed up once first
    (fits cached per process, such as the image PCA, the KDE's bandwidth search and the test set's ELBOs),
    then timed. The max is issue 5's foundations_handler_p50_ms_max; every handler's p50 is printed."""
    from demo.tabs import bayes, densities, kmeans, outliers, pca
    seven = _sketch_canvas()
    calls = {
        "kmeans_run": lambda: kmeans.run_kmeans("blobs", 3, "random", 1),
        "kmeans_drawn": lambda: kmeans.run_kmeans("drawn", 3, "random", 1, seven),
        "pca_rebuild": lambda: pca.rebuild("mnist", "test", 0, 20, None),
        "pca_axes": lambda: pca.show_axes("anisotropic"),
        "densities": lambda: densities.compare("moons", 20, 0.15, 6, "full", 0, False),
        "kde_digits": lambda: densities.new_digits(15, True, 0.5, 0),
        "bayes": lambda: bayes.bayes_view("blobs", "gaussian", 1, 1, 1, -2.57, 1.51, 0),
        "bayes_prior": lambda: bayes.bayes_view("blobs", "gaussian", 0.3, 1, 1, -2.57, 1.51, 0),
        "outlier": lambda: outliers.score_outlier("letter", "mnist", 0, 1.0),
    }
    for call in calls.values():
        call()
    timings: dict[str, list[float]] = {name: [] for name in [*calls, "step"]}
    for _ in range(repeats):
        for name, call in calls.items():
            started = time.perf_counter()
            result = call()
            timings[name].append(time.perf_counter() - started)
            if name == "kmeans_run":
                started = time.perf_counter()
                kmeans.show_step(result[0], 1)
                timings["step"].append(time.perf_counter() - started)
    for name, values in timings.items():
        print(f"  foundations handler {name:<14} p50 {percentile_ms(values, 50):7.1f} ms")
    return {"kmeans_step_p50_ms": percentile_ms(timings["step"], 50),
            "foundations_handler_p50_ms_max": max(percentile_ms(values, 50) for values in timings.values())}


def _sketch_canvas() -> np.ndarray:
    """A test '7' as a sketchpad delivers a drawing: black ink on white, (280, 280, 3) uint8."""
    from lab.examples import example_images

    digit = example_images("mnist")[7][0]
    canvas = np.kron(255 - (digit * 255).astype(np.uint8), np.ones((10, 10), np.uint8))
    return np.stack([canvas] * 3, axis=-1)


def bench_diffusion(repeats: int = 30, ddpm1000: bool = True) -> dict:
    """Issue 4's speed: one guided denoising step for one image (the network on a batch of 2, conditional
    and unconditional, plus the scheduler's update), a 4x4 grid at the default settings, and the same grid
    with DDPM's 1,000 steps (skipped with ddpm1000=False)."""
    from lab.shipped import get_model
    from lab.api.diffusion import sample_grid
    from lab.diffusion.quality import defaults_for
    from lab.diffusion.sampling import guided_noise, sampler_timesteps

    model = get_model("mnist", "diffusion")
    defaults = defaults_for("mnist")
    label = torch.tensor([3])
    generator = torch.Generator().manual_seed(0)
    timings, warmed_up = [], False
    with torch.inference_mode():
        while len(timings) < repeats:   # whole default trajectories, each step timed; the first is warm-up
            scheduler, timesteps = sampler_timesteps(defaults["sampler"], model, defaults["steps"])
            noisy = torch.randn(1, 1, 28, 28, generator=generator)
            for timestep in timesteps:
                started = time.perf_counter()
                guided, _, _ = guided_noise(model, noisy, int(timestep), label, defaults["guidance_scale"])
                noisy = scheduler.step(guided, timestep, noisy, generator=generator).prev_sample
                timings.append(time.perf_counter() - started)
            if not warmed_up:
                timings, warmed_up = [], True
    labels = list(range(10)) + list(range(6))
    grid_args = ("mnist", labels, defaults["guidance_scale"])
    sample_grid(*grid_args, defaults["sampler"], defaults["steps"], 0)   # warm-up
    grid_seconds = sorted(sample_grid(*grid_args, defaults["sampler"], defaults["steps"], seed)[1] for seed in range(3))
    figures = {"diffusion_step_p50_ms": percentile_ms(timings, 50), "diffusion_grid16_s": grid_seconds[1]}
    if ddpm1000:
        figures["diffusion_ddpm1000_grid16_s"] = sample_grid(*grid_args, "ddpm", 1000, 0)[1]
        figures["diffusion_ddpm1000_speedup"] = figures["diffusion_ddpm1000_grid16_s"] / figures["diffusion_grid16_s"]
    return figures


def bench_diffusion_quality() -> dict:
    """Issues 4 and 19's quality: 1,000 samples per dataset at the default settings (lab.diffusion.quality):
    class accuracy, the Fréchet distance over the floor real images set, and how far the samples' pixel
    values are from the test images' (a binarised look scores high)."""
    from lab.diffusion.quality import measure

    figures = {}
    for dataset in ("mnist", "fashion"):
        measured = measure(dataset)
        figures[f"diffusion_cond_accuracy_{dataset}"] = measured["cond_accuracy"]
        figures[f"diffusion_fd_{dataset}"] = measured["fd"]
        figures[f"diffusion_fd_floor_{dataset}"] = measured["fd_floor"]
        figures[f"diffusion_fd_ratio_{dataset}"] = measured["fd"] / measured["fd_floor"]
        figures[f"diffusion_pixel_hist_distance_{dataset}"] = measured["pixel_hist_distance"]
    return figures


def bench_latent_diffusion(repeats: int = 30) -> dict:
    """Issue 6's speed: a whole latent sample (the default 20 guided steps and the VAE's decoding, one
    image), and the same sampler, steps and seed in pixel space: the ratio of their times per step."""
    from lab.shipped import get_model
    from lab.diffusion import latents
    from lab.diffusion.quality import LATENT_DEFAULTS as DEFAULTS   # both at latent diffusion's settings
    from lab.diffusion.sampling import sample

    latent_model, vae = get_model("mnist", "latent-diffusion"), get_model("mnist", "vae16")
    pixel_model = get_model("mnist", "diffusion")
    label = torch.tensor([3])

    def whole_latent_sample():
        drawn = sample(latent_model, label, generator=torch.Generator().manual_seed(0), **DEFAULTS)
        return latents.decode(vae, drawn, latent_model.config.latent_scale)

    def whole_pixel_sample():
        return sample(pixel_model, label, generator=torch.Generator().manual_seed(0), **DEFAULTS)

    timings = {}
    for name, run in (("latent", whole_latent_sample), ("pixel", whole_pixel_sample)):
        run()   # warm-up
        timings[name] = []
        for _ in range(repeats):
            started = time.perf_counter()
            run()
            timings[name].append(time.perf_counter() - started)
    latent_ms, pixel_ms = percentile_ms(timings["latent"], 50), percentile_ms(timings["pixel"], 50)
    return {"latent_diffusion_sample_ms": latent_ms, "pixel_diffusion_sample_ms": pixel_ms,
            "latent_vs_pixel_step_speedup": pixel_ms / latent_ms}


def bench_latent_diffusion_quality() -> dict:
    """Issue 6's quality: 1,000 latent samples per dataset at the default settings, decoded, with the
    floor and the ceiling the VAE sets (lab.diffusion.quality)."""
    from lab.diffusion.quality import measure

    figures = {}
    for dataset in ("mnist", "fashion"):
        measured = measure(dataset, model_name="latent-diffusion")
        figures[f"latent_diffusion_cond_accuracy_{dataset}"] = measured["cond_accuracy"]
        figures[f"latent_diffusion_fd_{dataset}"] = measured["fd"]
        figures[f"latent_diffusion_fd_vae_ceiling_{dataset}"] = measured["fd_vae_ceiling"]
    return figures


def bench_pixelcnn(repeats: int = 3) -> dict:
    """Issue 7's speed: a 4x4 grid of PixelCNN samples, drawn pixel by pixel as the tab streams it
    (every row yielded), median of `repeats` after a warm-up."""
    from lab.api.autoregressive import grid_rows, sampling_defaults

    labels = list(range(10)) + list(range(6))
    defaults = sampling_defaults("mnist")     # guided where the model supports it: twice the work per step
    seconds = []
    for seed in range(repeats + 1):
        for _, _, elapsed in grid_rows("mnist", labels, defaults["temperature"], defaults["guidance"], seed):
            pass
        seconds.append(elapsed)
    return {"pixelcnn_grid16_s": float(np.median(seconds[1:]))}


def bench_pixelcnn_quality() -> dict:
    """Issue 7's quality: test NLL in bits per dimension next to the 16-d VAE's −ELBO on the same images,
    and 1,000 class-conditional samples classified (lab.autoregressive.measure); issue 14's Bayes' rule
    classifier next to the discriminative one."""
    from lab.autoregressive import measure

    figures = {}
    for dataset in ("mnist", "fashion"):
        measured = measure(dataset)
        figures[f"pixelcnn_nll_bpd_{dataset}"] = measured["test_bpd"]
        figures[f"pixelcnn_nll_nats_{dataset}"] = measured["test_nll"]
        figures[f"vae16_nelbo_same_images_{dataset}"] = measured["vae16_test_nelbo"]
        figures[f"pixelcnn_cond_accuracy_{dataset}"] = measured["cond_accuracy"]
        figures[f"pixelcnn_fd_{dataset}"] = measured["fd"]
        figures |= bench_bayes_classifier(dataset)
    return figures


def bench_bayes_classifier(dataset: str) -> dict:
    """Issue 14: the PixelCNN as a classifier by Bayes' rule on the shipped test images, its accuracy and
    expected calibration error next to the discriminative classifier's (lab.autoregressive.bayes_classifier)."""
    from lab.autoregressive import bayes_classifier

    measured = bayes_classifier(dataset)
    suffix = "" if dataset == "mnist" else f"_{dataset}"   # the issue names mnist's keys without a suffix
    return {f"bayes_pixelcnn_test_accuracy{suffix}": measured["bayes_accuracy"],
            f"bayes_pixelcnn_ece{suffix}": measured["bayes_ece"],
            f"bayes_classifier_test_accuracy_{dataset}": measured["classifier_accuracy"],
            f"classifier_ece_{dataset}": measured["classifier_ece"]}


def bench_checkpoint_load() -> dict:
    """Seconds to load the four models the Draw & encode tab needs for one dataset, from disk."""
    from lab.checkpoints import SHIPPED_MODELS, load_model, shipped_path

    started = time.perf_counter()
    for name in SHIPPED_MODELS:
        load_model(shipped_path("mnist", name))
    return {"checkpoint_load_s": time.perf_counter() - started}


def verdict(name: str, value: float) -> str:
    if name not in BARS:
        return ""
    comparison, bar = BARS[name]
    passed = value <= bar if comparison == "<=" else value >= bar
    return f"{'pass' if passed else 'FAIL'} ({comparison} {bar:g})"


def bench_zerogpu() -> dict:
    """Every event of the app through the fake `spaces` of tests/zerogpu/ (what ZeroGPU's worker does to a GPU
    function, on this CPU): the errors it finds, the GPU functions it drove, the events it ran."""
    import subprocess
    import sys

    run = subprocess.run([sys.executable, str(ROOT / "tests" / "zerogpu" / "simulate.py")], cwd=ROOT,
                         env={**os.environ, "SPACES_ZERO_GPU": "true"}, capture_output=True, text=True, check=True)
    result = json.loads(run.stdout)
    for problem in result["problems"]:
        print(f"zerogpu: {problem}")
    return {"zerogpu_sim_errors": result["zerogpu_sim_errors"], "zerogpu_gpu_functions": len(result["gpu_functions"]),
            "zerogpu_events": result["events"]}


def _ood_figures() -> dict:
    from lab.analysis.ood import ood_figures

    return ood_figures()


# Sections by name, in the order they run: (latency, quality), either may be None. `--only` picks some;
# `--quick` drops the quality parts. "models" holds issue 2's classifier and VAE figures.
SECTIONS = {
    "draw_encode": (bench_draw_encode, None),
    "checkpoint_load": (bench_checkpoint_load, None),
    "latent_explorer": (bench_latent_explorer, None),
    "foundations": (bench_foundations, _ood_figures),
    "diffusion": (bench_diffusion, bench_diffusion_quality),
    "latent_diffusion": (bench_latent_diffusion, bench_latent_diffusion_quality),
    "pixelcnn": (bench_pixelcnn, bench_pixelcnn_quality),
    "tokens": (bench_tokens, bench_tokens_quality),
    "elbo": (bench_elbo, bench_elbo_quality),
    "app_start": (bench_app_start, None),
    "play": (bench_play, None),
    "fuzz": (bench_fuzz, None),
    "classroom": (bench_classroom, None),
    "lessons": (bench_lessons, None),
    "sandbox": (bench_sandbox, bench_sandbox_quality),
    "zerogpu": (bench_zerogpu, None),
    "models": (None, bench_models),
}


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="skip the slow quality figures")
    parser.add_argument("--only", nargs="+", choices=list(SECTIONS), metavar="SECTION",
                        help=f"run only these sections: {', '.join(SECTIONS)}")
    parser.add_argument("--json", type=Path, help="also write the figures as a flat JSON object")
    parser.add_argument("--threads", type=int, default=2, help="torch CPU threads (default 2)")
    args = parser.parse_args(argv)
    torch.set_num_threads(args.threads)
    keep_large_buffers()   # as the app does when it serves (lab/memory.py)
    os.environ.setdefault("LAB_DEVICE", "cpu")

    chosen = [SECTIONS[name] for name in (args.only or SECTIONS)]
    figures: dict[str, float] = {}
    for latency, _ in chosen:
        if latency is not None:
            figures |= latency(ddpm1000=not args.quick) if latency is bench_diffusion else latency()
    if not args.quick:
        for _, quality in chosen:
            if quality is not None:
                figures |= quality()

    from lab.device import describe_device

    print(f"device: {describe_device()}")
    print(f"{'figure':<32}{'value':>12}  bar")
    for name, value in figures.items():
        print(f"{name:<32}{value:>12.4f}  {verdict(name, value)}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")
    return figures


if __name__ == "__main__":
    main()
