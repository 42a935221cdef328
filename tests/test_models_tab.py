"""The Models tab's table and the page's device line, in both languages."""
import types

from demo.app import device_text
from demo.tabs import models

SPANISH = types.SimpleNamespace(headers={"accept-language": "es-ES,es;q=0.9"})


def test_the_checkpoint_table_lists_every_shipped_model_with_headers_in_the_readers_language():
    english, spanish = models.checkpoint_table(), models.checkpoint_table(SPANISH)
    assert english["headers"][:2] == ["dataset", "model"] and spanish["headers"][:2] == ["datos", "modelo"]
    assert len(english["data"]) == len(spanish["data"]) >= 14
    assert {row[-1] for row in english["data"]} == {"ok"} and {row[-1] for row in spanish["data"]} == {"bien"}


def test_the_device_line_is_translated():
    assert device_text().startswith("cpu (") and "threads" in device_text()
    assert "hilos" in device_text(SPANISH)


def test_page_loads_are_computed_once_per_language_and_each_visitor_gets_a_copy():
    import gradio as gr

    from demo.components import shared_result

    calls = []

    def handler(value: int, request: gr.Request | None = None):
        calls.append(value)
        return {"value": value, "frames": [1, 2, 3]}

    load = shared_result(handler)
    visitor_a = gr.Request(headers={"accept-language": "en"})
    visitor_b = gr.Request(headers={"accept-language": "en-GB"})
    first, second = load(3, visitor_a), load(3, visitor_b)
    assert first == second and first is not second and calls == [3]     # one computation, two copies
    load(3, gr.Request(headers={"accept-language": "es"}))
    load(4, visitor_a)
    assert calls == [3, 3, 4]                                              # per language and per input


def test_a_streamed_load_streams_once_and_later_visitors_get_its_last_update():
    import gradio as gr

    from demo.components import shared_result

    calls = []

    def rows(count: int, request: gr.Request | None = None):
        calls.append(count)
        for row in range(count):
            yield {"rows": row + 1}

    stream = shared_result(rows)
    visitor = gr.Request(headers={"accept-language": "en"})
    assert list(stream(3, visitor)) == [{"rows": 1}, {"rows": 2}, {"rows": 3}]   # the first sees it arrive
    assert list(stream(3, visitor)) == [{"rows": 3}] and calls == [3]            # the next gets the result
    abandoned = stream(2, visitor)
    next(abandoned)
    abandoned.close()                                                           # left mid-stream
    assert list(stream(2, visitor)) == [{"rows": 1}, {"rows": 2}] and calls == [3, 2, 2]


def test_test_images_are_named_by_their_label():
    import gradio as gr

    from demo.components import example_caption
    from lab.data import class_names
    from lab.examples import load_examples

    label = int(load_examples("fashion").labels[7])
    assert example_caption(7, "fashion") == f"Test image #7 is labelled **{class_names('fashion')[label]}**."
    spanish = gr.Request(headers={"accept-language": "es"})
    assert "etiqueta" in example_caption(7, "mnist", spanish)
    assert example_caption(10_000, "mnist") == ""                         # out of range: the handler says why


def test_weights_that_do_not_load_are_not_ok(monkeypatch, tmp_path):
    import shutil

    from lab import checkpoints, shipped
    from lab.api import models as api_models

    broken = tmp_path / "mnist-vae2"
    shutil.copytree(checkpoints.shipped_path("mnist", "vae2"), broken)
    (broken / "model.safetensors").write_bytes(b"not weights")   # the config alone still reads fine
    real_path = checkpoints.shipped_path

    def redirected(dataset, name):
        return broken if (dataset, name) == ("mnist", "vae2") else real_path(dataset, name)

    monkeypatch.setattr(api_models, "shipped_path", redirected)
    monkeypatch.setattr(shipped, "shipped_path", redirected)
    shipped.forget_models()
    try:
        rows = {(row["dataset"], row["model"]): row["status"] for row in api_models.shipped_checkpoints()}
        message = str(rows["mnist", "vae2"])
        assert "SHA-256 differs" in message and "python -m lab.train vae" in message
        assert rows["mnist", "vae16"] == "ok" and str(tmp_path) not in message
        spanish = models.checkpoint_table(SPANISH)["data"]
        statuses = {(row[0], row[1]): row[-1] for row in spanish}
        assert "SHA-256 difiere" in statuses["mnist", "vae2"] and statuses["mnist", "vae16"] == "bien"
    finally:
        shipped.forget_models()
