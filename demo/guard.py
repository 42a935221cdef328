"""Every handler's failures become a sentence the visitor can read, in their language; the lab keeps working.

A shared lab is poked at: through the "Use via API" page, by scripts, by a stale tab after a redeploy. The
app wraps every event handler once (`guard_app`), so no tab has to remember to:

- numbers are checked before the handler runs: NaN and ±inf (which pass Gradio's slider bounds) and
  integers past 2^31 (seeds that overflow torch) are refused with what is allowed;
- the lab's own ValueErrors and CheckpointErrors already say what is wrong: they become `gr.Error`, in
  the reader's language where the lab wrote them in both (`lab.messages`);
- anything else (a wrong type, a bad index) gets a short generic message, and its traceback goes to the log
  only. No message carries a server path.
"""
from __future__ import annotations

import functools
import inspect
import logging
import math
import re
from typing import Callable

import gradio as gr
import pydantic

from demo.i18n import request_language, text
from demo.progress import ClientGone
from lab import api

log = logging.getLogger("lab.guard")
LARGEST_INTEGER = 2**31 - 1
# "/home/user/app/checkpoints/mnist-vae2" -> "mnist-vae2": the folder's name says which; the rest is ours.
SERVER_PATH = re.compile(r"(?:/[\w.\-]+)+/([\w.\-]+)")


def guard_app(demo: gr.Blocks) -> None:
    """Wrap every Python handler the app registered (JS-only events have none), and the decoding of every
    input it reads (a slider sent "x", a file that is not an image) which Gradio does before the handler."""
    for block_function in demo.fns.values():
        if block_function.fn is not None and not getattr(block_function.fn, "__guarded__", False):
            block_function.fn = guarded(block_function.fn)
        for component in block_function.inputs:
            _guard_preprocess(component)
    _guard_payload_models(demo)


def _unreadable(kind: str) -> gr.Error:
    return gr.Error(f"{text('unreadable_input', 'en', kind=kind)} / {text('unreadable_input', 'es', kind=kind)}")


def _guard_payload_models(demo: gr.Blocks) -> None:
    # Before any component's preprocess, Gradio checks a file's payload against its data model (a number sent
    # for a gr.File); its ValidationError would reach the client as Gradio's bare "error".
    original = demo.preprocess_data
    if getattr(original, "__guarded__", False):
        return

    @functools.wraps(original)
    async def preprocess_data(*args, **kwargs):
        try:
            return await original(*args, **kwargs)
        except pydantic.ValidationError as error:
            log.info("payload refused: %s", without_paths(str(error))[:200])
            raise _unreadable(error.title.removesuffix("Data").lower() or "input") from None
    preprocess_data.__guarded__ = True
    demo.preprocess_data = preprocess_data


def _guard_preprocess(component) -> None:
    # Gradio passes a gr.Error raised here on unchanged; anything else becomes its generic "error". Patched
    # on the class, not the instance: Gradio rebuilds a component per session once an event has updated it.
    cls = type(component)
    original = getattr(cls, "preprocess", None)
    if original is None or getattr(original, "__guarded__", False):
        return

    @functools.wraps(original)
    def preprocess(self, payload):
        try:
            return original(self, payload)
        except gr.Error:
            raise
        except Exception as error:   # noqa: BLE001 - the request (and its language) is not known here
            log.info("input of a %s refused: %s", cls.__name__, without_paths(str(error))[:200])
            raise _unreadable(cls.__name__.lower())
    preprocess.__guarded__ = True
    cls.preprocess = preprocess


def guarded(fn: Callable) -> Callable:
    """`fn` with its inputs checked and its failures turned into gr.Error. Keeps fn's signature (Gradio
    injects `request`, `progress` and event data by it) and whether it is a generator."""
    if inspect.isgeneratorfunction(fn):
        @functools.wraps(fn)
        def stream(*args, **kwargs):
            lang = _language(args)
            check_numbers(args, lang)
            try:
                yield from fn(*args, **kwargs)
            except Exception as error:   # noqa: BLE001 - every failure becomes a message
                raise readable(error, lang) from error
        stream.__guarded__ = True
        return stream

    @functools.wraps(fn)
    def handler(*args, **kwargs):
        lang = _language(args)
        check_numbers(args, lang)
        try:
            return fn(*args, **kwargs)
        except Exception as error:   # noqa: BLE001 - every failure becomes a message
            raise readable(error, lang) from error
    handler.__guarded__ = True
    return handler


def check_numbers(args: tuple, lang: str) -> None:
    """Refuse non-finite numbers and integers no control allows, before any work: among the inputs, and in
    an event's data (a select event's index, which a script can send negative or huge)."""
    for value in args:
        if isinstance(value, gr.EventData):
            for name, number in _event_numbers(value._data):
                _check_number(number, lang)
                if name == "index" and number < 0:
                    raise gr.Error(text("negative_index", lang))
        else:
            _check_number(value, lang)


def _check_number(value, lang: str) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return
    if not math.isfinite(value):
        raise gr.Error(text("not_finite", lang))
    if abs(value) > LARGEST_INTEGER:
        raise gr.Error(text("too_large", lang, largest=LARGEST_INTEGER))


def _event_numbers(data, name: str = "") -> list[tuple[str, float]]:
    """(key, number) for every number in an event's data, nested lists included."""
    if isinstance(data, dict):
        return [pair for key, value in data.items() for pair in _event_numbers(value, str(key))]
    if isinstance(data, (list, tuple)):
        return [pair for value in data for pair in _event_numbers(value, name)]
    return [(name, data)] if isinstance(data, (int, float)) and not isinstance(data, bool) else []


def readable(error: Exception, lang: str) -> gr.Error:
    """The message a visitor sees for `error`: the lab's own words where it has them, else a generic one."""
    if isinstance(error, gr.Error):
        error.message = without_paths(str(error.message))
        return error
    if isinstance(error, ClientGone):         # nobody is reading; no traceback either
        return gr.Error(text("client_gone", lang))
    if isinstance(error, (ValueError, api.CheckpointError)):   # the lab raises these with a sentence
        return gr.Error(without_paths(api.say(error, lang)))
    log.exception("handler failed")
    return gr.Error(text("unexpected_error", lang))


def without_paths(message: str) -> str:
    return SERVER_PATH.sub(r"\1", message)


def _language(args: tuple) -> str:
    return request_language(next((arg for arg in args if isinstance(arg, gr.Request)), None))
