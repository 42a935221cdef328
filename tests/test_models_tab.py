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
