"""The benchmark's parts run and report the figures under the keys the issues name (no timing asserts)."""
import bench


def test_draw_encode_and_load_figures_are_reported():
    figures = bench.bench_draw_encode(repeats=3) | bench.bench_checkpoint_load()
    assert set(figures) == {"draw_encode_p50_ms", "draw_encode_p95_ms", "checkpoint_load_s"}
    assert all(value > 0 for value in figures.values())


def test_verdict_reads_the_bars():
    assert bench.verdict("draw_encode_p50_ms", 12.0).startswith("pass")
    assert bench.verdict("classifier_accuracy_mnist", 0.90).startswith("FAIL")
    assert bench.verdict("checkpoint_load_s", 1.0) == ""


def test_only_runs_the_named_sections_and_writes_their_keys(tmp_path):
    import json

    path = tmp_path / "bench.json"
    figures = bench.main(["--quick", "--only", "latent_diffusion", "pixelcnn", "--json", str(path)])
    assert set(figures) == {"latent_diffusion_sample_ms", "pixel_diffusion_sample_ms", "latent_vs_pixel_step_speedup",
                            "pixelcnn_grid16_s"}
    assert json.loads(path.read_text()) == figures and figures["latent_vs_pixel_step_speedup"] > 1


def test_the_elbo_tabs_panels_are_timed_under_their_keys():
    figures = bench.bench_elbo(repeats=1)   # bench_elbo.py, run by bench.py
    assert set(figures) == {"elbo_integral_p50_ms", "elbo_posterior_p50_ms", "elbo_decoders_p50_ms",
                            "elbo_training_step_p50_ms", "kinds_image_models_p50_ms", "kinds_bayes_p50_ms"}
    assert all(value > 0 for value in figures.values())
