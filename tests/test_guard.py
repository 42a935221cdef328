"""The guard every handler runs behind: numbers checked first, failures as readable messages, no server path,
and an app that starts without any checkpoint."""
import math

import gradio as gr
import pytest

from demo.guard import guard_app, guarded, without_paths
from lab import shipped
from lab.checkpoints import CheckpointError, shipped_path
from lab.messages import Refused

SPANISH = gr.Request(headers={"accept-language": "es-ES"})


def test_non_finite_and_overflowing_numbers_are_refused_before_the_handler_runs():
    calls = []
    handler = guarded(lambda value, seed=0, request=None: calls.append(value) or value)
    for bad in (math.nan, math.inf, -math.inf):
        with pytest.raises(gr.Error, match="finite"):
            handler(bad)
    with pytest.raises(gr.Error, match="out of range"):
        handler(1.0, 2**63)
    with pytest.raises(gr.Error, match="finitos"):
        handler(math.nan, 0, SPANISH)
    assert calls == [] and handler(3.5, True) == 3.5


def test_the_labs_errors_keep_their_words_in_the_readers_language_and_anything_else_gets_a_short_message():
    def lab_error(request=None):   # a folder named by its absolute path, as a careless caller might
        raise CheckpointError("checkpoint_unloadable", folder=str(shipped_path("mnist", "vae2")), detail="truncated",
                              command="python -m lab.train vae")

    def refusal(request=None):
        raise Refused("between", name="t", low=0, high=999, value=1200)

    def python_error(request=None):
        return [][3]

    with pytest.raises(gr.Error) as caught:
        guarded(lab_error)()
    assert "mnist-vae2 could not be loaded" in caught.value.message and str(shipped_path("mnist", "vae2")) not in \
        caught.value.message
    with pytest.raises(gr.Error, match="mnist-vae2 no se pudo cargar"):
        guarded(lab_error)(SPANISH)
    with pytest.raises(gr.Error, match="t must be between 0 and 999, got 1200"):
        guarded(refusal)()
    with pytest.raises(gr.Error, match="t debe estar entre 0 y 999; se recibió 1200"):
        guarded(refusal)(SPANISH)
    with pytest.raises(gr.Error, match="could not be used here") as caught:
        guarded(python_error)()
    assert "IndexError" not in caught.value.message
    with pytest.raises(gr.Error, match="no se puede usar"):
        guarded(python_error)(SPANISH)


def test_a_streamed_handler_stays_a_generator_and_its_failure_is_a_message():
    def rows(count):
        yield 1
        raise KeyError("internal")

    stream = guarded(rows)
    first = stream(2)
    assert next(first) == 1
    with pytest.raises(gr.Error):
        next(first)


def test_no_server_path_survives_in_a_message():
    assert without_paths("no checkpoint at /home/user/app/checkpoints/mnist-vae2: gone") == \
        "no checkpoint at mnist-vae2: gone"


def test_the_app_starts_with_no_checkpoint_and_every_handler_is_guarded(monkeypatch):
    from demo.app import build_demo

    def broken(folder, device="cpu"):
        raise CheckpointError("checkpoint_unloadable", folder=str(folder), detail="SafetensorError: invalid header",
                              command="python -m lab.train vae")

    monkeypatch.setattr(shipped, "load_model", broken)
    shipped.forget_models()
    try:
        demo = build_demo()                           # nothing at build time needs a model
        handlers = [block.fn for block in demo.fns.values() if block.fn is not None]
        assert len(handlers) > 50 and all(getattr(fn, "__guarded__", False) for fn in handlers)
        guard_app(demo)                               # twice is harmless
        from demo.tabs import latent_explorer

        with pytest.raises(gr.Error) as caught:
            guarded(latent_explorer.show_manifold)("mnist")
        assert "mnist-vae2" in caught.value.message and "/home" not in caught.value.message
    finally:
        shipped.forget_models()


def test_scripted_select_events_are_checked():
    from demo.tabs import draw_encode

    pick = guarded(draw_encode.pick_example)
    for index in (-1, 20, 10**12, [1, 2]):
        with pytest.raises(gr.Error):
            pick("mnist", "vae16", gr.SelectData(None, {"index": index, "value": None}))
    assert pick("mnist", "vae16", gr.SelectData(None, {"index": 3, "value": None}))[2] is not None


def test_a_click_far_off_the_map_is_taken_at_its_edge():
    from demo.latent_canvas import PLOT, MapView

    view = MapView(-2.0, 2.0, -3.0, 3.0)
    assert list(view.to_map((1e300, -1e300))) == list(view.to_map((PLOT - 1, 0))) == [2.0, 3.0]


def test_with_a_corrupt_a_missing_and_a_misshaped_checkpoint_every_page_load_answers(monkeypatch, tmp_path):
    import inspect
    import json
    import shutil

    from demo.app import build_demo

    corrupt, misshaped = tmp_path / "mnist-pixelcnn", tmp_path / "mnist-vae2"
    shutil.copytree(shipped_path("mnist", "pixelcnn"), corrupt)
    (corrupt / "model.safetensors").write_bytes(b"\0" * 64)
    shutil.copytree(shipped_path("mnist", "vae2"), misshaped)
    config = json.loads((misshaped / "config.json").read_text())
    config["model"]["latent_dim"] = 3                                  # weights for 2 dimensions
    (misshaped / "config.json").write_text(json.dumps(config))
    broken = {("mnist", "pixelcnn"): corrupt, ("mnist", "vae2"): misshaped,
              ("mnist", "diffusion"): tmp_path / "mnist-diffusion"}          # missing
    real_path = shipped.shipped_path
    monkeypatch.setattr(shipped, "shipped_path", lambda dataset, name: broken.get((dataset, name),
                                                                               real_path(dataset, name)))
    shipped.forget_models()
    try:
        demo = build_demo()
        loads = [block for block in demo.fns.values() if getattr(block.fn, "__page_load__", False)]
        messages = []
        for block in loads:
            arguments = [getattr(component, "value", None) for component in block.inputs]
            try:
                result = block.fn(*arguments)
                if inspect.isgenerator(result):
                    list(result)
            except gr.Error as error:                                  # a message, never another exception
                messages.append(error.message)
        assert len(loads) >= 20
        # (Folders outside the checkpoints folder are named by their own name.)
        assert any("mnist-pixelcnn: model.safetensors is not the file it was saved as" in message
                   and "python -m lab.train pixelcnn" in message for message in messages), messages
        assert any("mnist-vae2 could not be loaded (RuntimeError" in message for message in messages), messages
        assert any("No checkpoint at mnist-diffusion" in message for message in messages)
        assert any("mnist-vae2 could not be loaded" in message for message in messages)
        assert not [message for message in messages if str(tmp_path) in message]
    finally:
        shipped.forget_models()
