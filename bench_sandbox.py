"""The 2-D sandbox's figures (part of `python -m bench`; `python -m bench --only sandbox`).

- sandbox_train_s: the Train button at its defaults, end to end through the tab's handler (the diffusion and
  the flow model, TRAIN_STEPS steps each, on 10,000 moons points, the loss curves drawn); the bar: 20 s;
- sandbox_forward_p50_ms / sandbox_flow_p50_ms: moving t (x_t and the field's arrows) and the default DDPM
  flipbook (200 steps, 800 particles), on a live model;
- quality, on the shipped models: sandbox_mmd_ratio_<set>, the MMD ratio of the tab's default sampler (DDPM,
  200 steps) to held-out points over two held-out halves' (the bar: 1.5), and the other samplers' at their
  default steps (sandbox_mmd_ratio_<set>_<sampler>); sandbox_ode_nll_moons, two moons' held-out −log p(x)
  by the probability-flow ODE, next to the KDE's, the mixture's and the flow's (nats per point).
"""
from __future__ import annotations

import statistics
import time

SANDBOX_BARS = {"sandbox_train_s": ("<=", 20.0), "fuzz_sandbox_accepted": ("<=", 0.0),
                "fuzz_sandbox_opaque": ("<=", 0.0), "fuzz_sandbox_serving_after": (">=", 1.0),
                **{f"sandbox_mmd_ratio_{name}": ("<=", 1.5)
                   for name in ("moons", "rings", "spiral", "checkerboard", "letter")}}


class _Quiet:
    session_hash, headers, query_params = "bench", {"accept-language": "en"}, {}


def bench_sandbox(repeats: int = 10) -> dict:
    from demo.tabs import sandbox as tab

    data = tab.model.make_data("moons", tab.model.DEFAULT_POINTS, 0)
    started = time.perf_counter()
    *_, (_, key, _) = tab.train_models(data, tab.model.TRAIN_STEPS, 0, _Quiet(), progress=lambda *a, **k: None)
    train_s = time.perf_counter() - started
    forward, flow = [], []
    for index in range(repeats):
        started = time.perf_counter()
        tab.show_noising(data, key, 0.1 + 0.08 * index, "diffusion", "score")
        forward.append(time.perf_counter() - started)
    for _ in range(3):
        started = time.perf_counter()
        tab.play_reverse(data, key, "ddpm", tab.model.DEFAULT_STEPS["ddpm"])
        flow.append(time.perf_counter() - started)
    return {"sandbox_train_s": round(train_s, 2), "sandbox_forward_p50_ms": round(statistics.median(forward) * 1e3, 1),
            "sandbox_flow_p50_ms": round(statistics.median(flow) * 1e3, 1)}


def bench_sandbox_quality() -> dict:
    from lab.api import sandbox as api

    figures = {}
    for name in api.TOY_SETS:
        samplers = api.shipped_panels(name)["samplers"]
        figures[f"sandbox_mmd_ratio_{name}"] = round(samplers["ddpm"]["ratio"], 3)
        figures |= {f"sandbox_mmd_ratio_{name}_{sampler}": round(result["ratio"], 3)
                    for sampler, result in samplers.items() if sampler != "ddpm"}
    nll = api.shipped_panels("moons")["report"]["nll"]
    figures |= {"sandbox_ode_nll_moons": round(nll["diffusion"], 4), "sandbox_flow_nll_moons": round(nll["flow"], 4),
                "sandbox_kde_nll_moons": round(nll["kde"], 4), "sandbox_gmm_nll_moons": round(nll["gmm"], 4)}
    return figures
