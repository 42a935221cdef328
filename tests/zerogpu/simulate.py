"""Every tab's handlers as they would run on a ZeroGPU Space, on this CPU, through the fake `spaces` next to
this file (see its docstring for what it checks).

One visitor, in one session: every page and tab load, then every other event with its inputs' values,
through Gradio's own `process_api` (the decoding and the guard included). Prints one JSON object:
{'zerogpu_sim_errors', 'problems' (what each error was), 'gpu_functions' {name: calls}, 'events',
'refused' (events that answered with a message, as a bad default may), 'seconds'}.

    SPACES_ZERO_GPU=true python tests/zerogpu/simulate.py
"""
from __future__ import annotations

import asyncio
import json
import logging
import os
import pathlib
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parents[1])]
os.environ["SPACES_ZERO_GPU"] = "true"

import spaces  # noqa: E402 - the fake, first, as app.py imports the real one

import gradio as gr  # noqa: E402
import torch  # noqa: E402
from gradio.state_holder import SessionState  # noqa: E402

import lab.shipped  # noqa: E402
from lab.device import GPU_MODELS, on_zerogpu  # noqa: E402


class HandlerFailures(logging.Handler):
    """The guard logs a handler's unexpected failure ("handler failed") before its generic message."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.failures: list[str] = []

    def emit(self, record):
        self.failures.append(record.getMessage() + (f": {record.exc_info[1]!r}" if record.exc_info else ""))


def mark_gpu_models() -> None:
    """Every module of a GPU model gets `_runs_on_gpu`, so a forward outside a GPU function is seen."""
    load = lab.shipped._load_shipped

    def marked(dataset: str, name: str):
        model = load(dataset, name)
        if name in GPU_MODELS:
            for module in model.modules():
                module._runs_on_gpu = True
        return model
    lab.shipped._load_shipped = marked

    def check(module, args):
        if getattr(module, "_runs_on_gpu", False) and not spaces.inside_gpu_function():
            spaces.forward_outside[type(module).__name__] += 1
    torch.nn.modules.module.register_module_forward_pre_hook(check)


# What the browser sends with the two events that read where the visitor clicked: the gallery's first image,
# a point on the latent map's canvas (pixels).
CLICKS = {"pick_example": {"index": 0, "value": None}, "click_map": {"index": [200, 150], "value": None}}


def lesson_steps_on_the_gpu() -> list[dict]:
    """Saved lesson progress that opens each step whose panel runs a sampler (a page's first load gives the
    first step, whose panel does not)."""
    from demo.lesson_book import lessons
    from lab.lesson_panels import ON_THE_GPU
    return [{"lesson": number, "step": index, "answers": {}} for number, lesson in enumerate(lessons())
            for index, step in enumerate(lesson.steps) if step.panel in ON_THE_GPU]


async def run_event(demo: gr.Blocks, block, state: SessionState, request: gr.Request, inputs=None) -> None:
    inputs = inputs or [state[component._id] if getattr(component, "stateful", False) and component._id in state
                        else getattr(component, "value", None) for component in block.inputs]
    event = gr.EventData(None, CLICKS[block.name]) if block.name in CLICKS else None
    output = await demo.process_api(block, inputs, state=state, request=request, event_data=event)
    while output.get("is_generating"):
        output = await demo.process_api(block, inputs, state=state, request=request, event_data=event,
                                        iterator=output["iterator"])


def simulate() -> dict:
    assert on_zerogpu(), "the fake spaces module and SPACES_ZERO_GPU should make this a ZeroGPU process"
    mark_gpu_models()
    from demo.app import build_demo      # after the fake is in place: the facade decorates at import
    failures = HandlerFailures()
    logging.getLogger("lab").addHandler(failures)
    started = time.perf_counter()
    demo = build_demo()
    lab.shipped.preload(GPU_MODELS)     # as app.py does on ZeroGPU
    state, request = SessionState(demo), gr.Request(headers={"accept-language": "en"})
    blocks = [block for block in demo.fns.values() if block.fn is not None]
    loads = [block for block in blocks if getattr(block.fn, "__page_load__", False)]
    refused = []
    for block in loads + [block for block in blocks if block not in loads]:
        try:
            asyncio.run(run_event(demo, block, state, request))
        except Exception as error:  # noqa: BLE001 - a gr.Error is an answer; the guard logs the rest
            refused.append(f"{block.name}: {str(error)[:120]}")
    lesson = next(block for block in loads if block.name == "show_lesson")
    for progress in lesson_steps_on_the_gpu():
        asyncio.run(run_event(demo, lesson, state, request, inputs=[progress, None]))
    problems = list(spaces.failures) + failures.failures
    problems += [f"{name}: {count} forwards outside a GPU function" for name, count in spaces.forward_outside.items()]
    problems += [f"{name}: never called" for name in spaces.durations if not spaces.calls[name]]
    return {"zerogpu_sim_errors": len(problems), "problems": problems, "gpu_functions": dict(spaces.calls),
            "events": len(blocks), "refused": refused, "seconds": round(time.perf_counter() - started, 1)}


if __name__ == "__main__":
    print(json.dumps(simulate(), indent=1))
