"""The lab on a ZeroGPU Space, checked on this CPU: requirements a ZeroGPU Space accepts, GPU functions
whose arguments and results pickle and whose errors arrive whole, and every handler driven through a fake
`spaces` that does what ZeroGPU's worker does (tests/zerogpu/)."""
import importlib.util
import json
import os
import pathlib
import pickle
import shutil
import subprocess
import sys

import gradio as gr
import pytest
from packaging.requirements import Requirement

from demo.progress import ClientGone, StepProgress
from deploy import upload_set
from lab import device
from lab.messages import Refused

ROOT = pathlib.Path(__file__).resolve().parents[1]
# ZeroGPU's supported torch releases, as its documentation lists them, and the Python it runs.
ZEROGPU_TORCH = {"2.1.0", "2.1.1", "2.1.2", "2.2.0", "2.2.2", "2.4.0", "2.5.1", "2.6.0", "2.7.1", "2.8.0"}
ZEROGPU_PYTHON = "3.12"


@pytest.fixture
def fake_spaces(monkeypatch):
    spec = importlib.util.spec_from_file_location("fake_spaces", ROOT / "tests" / "zerogpu" / "spaces.py")
    fake = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fake)
    monkeypatch.setattr(device, "spaces", fake)
    monkeypatch.setenv("SPACES_ZERO_GPU", "true")
    return fake


def requirement_for(name: str, python: str) -> Requirement:
    lines = (ROOT / "requirements.txt").read_text().splitlines()
    found = [Requirement(line.split(" #")[0]) for line in lines if line.strip() and not line.startswith("#")]
    applies = lambda r: r.marker is None or r.marker.evaluate({"python_version": python})  # noqa: E731
    chosen = [r for r in found if r.name == name and applies(r)]
    assert len(chosen) == 1, f"{name} on Python {python}: {chosen}"
    return chosen[0]


def test_requirements_give_zerogpu_a_torch_from_its_list_and_this_machine_its_own():
    front_matter = (ROOT / "README.md").read_text().split("---")[1]
    assert f'python_version: "{ZEROGPU_PYTHON}"' in front_matter
    on_space = requirement_for("torch", ZEROGPU_PYTHON).specifier
    assert [v for v in ZEROGPU_TORCH if on_space.contains(v)], on_space
    assert not on_space.contains("2.14.1")              # pip would pick the newest a range allows
    assert requirement_for("torch", "3.11").specifier.contains("2.14.1")   # the release on this machine's disk
    assert requirement_for("torchvision", "3.11").specifier.contains("0.29.1")


def test_the_fake_refuses_what_zerogpu_cannot_carry(fake_spaces):
    @fake_spaces.GPU(duration=5)
    def double(x, report=None):
        return 2 * x

    assert double(21) == 42
    with pytest.raises(Exception):
        double(1, report=lambda done, total: None)     # a lambda does not pickle
    assert "do not pickle" in fake_spaces.failures[-1]

    @fake_spaces.GPU
    def refuse():
        raise ValueError("t must be between 0 and 999")
    with pytest.raises(gr.Error, match="ZeroGPU worker error: ValueError"):
        refuse()                                         # the message is lost on the way


def test_a_gpu_task_raises_the_lab_s_own_refusal_whole_on_zerogpu(fake_spaces):
    @device.gpu_task(seconds=10)
    def sample(steps):
        if steps > 1000:
            raise Refused("between", name="steps", low=1, high=1000, value=steps)
        return [steps]

    @device.gpu_task(seconds=10)
    def rows(count):
        yield from range(count)
        raise Refused("mixed_grid")

    assert sample(3) == [3]
    with pytest.raises(Refused) as refused:
        sample(5000)
    assert refused.value.key == "between"
    with pytest.raises(Refused):
        assert list(rows(2)) == [0, 1]
    assert fake_spaces.failures == []
    assert fake_spaces.durations == {f"{__name__}.{name}": 10 for name in (
        "test_a_gpu_task_raises_the_lab_s_own_refusal_whole_on_zerogpu.<locals>.sample",
        "test_a_gpu_task_raises_the_lab_s_own_refusal_whole_on_zerogpu.<locals>.rows")}


def test_off_zerogpu_a_gpu_task_is_the_function_itself_and_every_model_uses_the_lab_device(monkeypatch):
    monkeypatch.delenv("SPACES_ZERO_GPU", raising=False)

    def sample():
        return 1
    assert device.gpu_task(seconds=10)(sample) is sample
    assert device.model_device("vae16") == device.model_device("diffusion") == device.get_device()


def test_on_zerogpu_only_the_samplers_models_leave_the_cpu(fake_spaces):
    assert {name for name in ("vae16", "ae16", "classifier", "vae2")
            if device.model_device(name).type != "cpu"} == set()
    assert all(device.model_device(name) == device.get_device() for name in device.GPU_MODELS)


def test_progress_pickles_and_in_the_gpu_worker_leaves_the_client_check_to_gradio(monkeypatch):
    bar = []
    report = pickle.loads(pickle.dumps(StepProgress(gr.Progress(), "ddim")))
    monkeypatch.setattr("demo.progress.client_gone", lambda: True)
    with pytest.raises(ClientGone):
        report(1, 10)                        # here, in the process that serves the page: stopped
    report.progress = lambda fraction, desc: bar.append(desc)
    report.process = -1                      # as in ZeroGPU's forked worker, whose copy of the queue is stale
    report(2, 10)
    assert bar == ["ddim 2/10"]


def test_the_uploaded_files_alone_run_every_handler_through_the_zerogpu_fake(tmp_path):
    """What deploy.py uploads, copied alone, with the fake `spaces`: every event of the app, once."""
    for path in upload_set() + [f"tests/zerogpu/{name}" for name in ("spaces.py", "simulate.py")]:
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / path, tmp_path / path)
    env = {**os.environ, "SPACES_ZERO_GPU": "true"}
    run = subprocess.run([sys.executable, "tests/zerogpu/simulate.py"], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    result = json.loads(run.stdout)
    assert result["zerogpu_sim_errors"] == 0, result["problems"]   # a missing file shows here as a failure
    assert result["events"] > 100
    # Every sampler of the facade went through the fake at least once (the simulation names any it missed).
    assert {name.rsplit(".", 1)[1] for name in result["gpu_functions"]} >= {
        "trajectory", "sample_grid", "latent_trajectory", "latent_grid", "side_by_side", "raster_sample",
        "grid_rows", "complete", "likelihood"}
