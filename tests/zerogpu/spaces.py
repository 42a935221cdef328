"""A stand-in for Hugging Face's `spaces` package that does to a GPU function, on this CPU, what ZeroGPU
does to it on a Space (spaces 0.51, `zero/wrappers.py`):

- the arguments (with Gradio's progress context) and the result, or every yielded value, are pickled,
  because the function runs in a forked worker process;
- an exception that is not a `gr.Error` reaches the caller as "ZeroGPU worker error" with only its class
  name;
- a model forward outside a GPU function would run on a GPU nobody holds: `forward_outside` collects the
  forwards of modules marked `_runs_on_gpu` while no GPU function runs.

What it does not do: run in another process (state a GPU function changes stays changed here) or time out.
`calls`, `failures` and `durations` say what happened, for `simulate.py`.
"""
from __future__ import annotations

import functools
import inspect
import pickle
import threading
from collections import Counter

import gradio as gr

calls: Counter = Counter()           # qualified name -> calls
durations: dict[str, object] = {}    # qualified name -> the `duration` it asked for
failures: list[str] = []             # what ZeroGPU would have refused or garbled
forward_outside: Counter = Counter()  # module class -> forwards run outside any GPU function
_inside = threading.local()


def inside_gpu_function() -> bool:
    return getattr(_inside, "depth", 0) > 0


def GPU(task=None, *, duration=None, size=None):  # noqa: N802 - the real package's name
    if task is None or not callable(task):
        return functools.partial(GPU, duration=duration if task is None else task, size=size)
    name = f"{task.__module__}.{task.__qualname__}"
    durations[name] = duration
    if not (duration is None or callable(duration) or isinstance(duration, (int, float))):
        failures.append(f"{name}: duration {duration!r} is neither seconds nor a function of the arguments")
    if inspect.isgeneratorfunction(task):
        @functools.wraps(task)
        def generator_handler(*args, **kwargs):
            args, kwargs = _crossing(name, "arguments", (args, kwargs))
            with _gpu_held(name):
                try:
                    for value in task(*args, **kwargs):
                        yield _crossing(name, "a yielded value", value)
                except Exception as error:  # noqa: BLE001
                    raise _as_zerogpu_raises(name, error) from None
        return generator_handler

    @functools.wraps(task)
    def handler(*args, **kwargs):
        args, kwargs = _crossing(name, "arguments", (args, kwargs))
        with _gpu_held(name):
            try:
                result = task(*args, **kwargs)
            except Exception as error:  # noqa: BLE001
                raise _as_zerogpu_raises(name, error) from None
        return _crossing(name, "the result", result)
    return handler


class _gpu_held:  # noqa: N801 - used as a statement
    def __init__(self, name: str):
        self.name = name

    def __enter__(self):
        calls[self.name] += 1
        _inside.depth = getattr(_inside, "depth", 0) + 1

    def __exit__(self, *exc):
        _inside.depth -= 1


def _crossing(name: str, what: str, value):
    """`value` after a trip through pickle, as between the Space's process and the GPU worker."""
    try:
        return pickle.loads(pickle.dumps(value))
    except Exception as error:  # noqa: BLE001 - pickle raises several kinds
        failures.append(f"{name}: {what} do not pickle ({type(error).__name__}: {error})")
        raise


def _as_zerogpu_raises(name: str, error: Exception) -> Exception:
    if isinstance(error, gr.Error):
        return error
    failures.append(f"{name}: raised {type(error).__name__}, which ZeroGPU reports by its class name only")
    return gr.Error(f"ZeroGPU worker error: {type(error).__name__}")
