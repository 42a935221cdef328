"""What Gradio keeps per visitor, kept cheap for a class: sessions made in microseconds, dropped when the
visitor leaves, and at most SESSION_LIMIT of them.

A new Gradio session (`gradio.state_holder.SessionState`) renders the config of every component on the
page, 434 of them, though only a "deep link" (a `gr.DeepLinkButton`, which the lab does not use) ever reads
them: 23 ms of the server's only Python thread for each visitor, the largest part of a page open. Here they
are rendered once for all sessions and copied into a session only when it touches one.
"""
from __future__ import annotations

import copy
import os
from typing import Any, Iterator

import gradio as gr
import gradio.state_holder

SESSION_LIMIT = 300   # sessions kept in memory (Gradio's default is 10,000)
_GradioSessionState = gradio.state_holder.SessionState


class SharedConfigs(dict):
    """A session's component configs (Gradio's `SessionState.config_values`): read from `shared`, the
    configs every session starts with, and copied in on first use, so that changing one (a component's new
    value) changes it for this session only."""

    def __init__(self, shared: dict[int, dict]):
        super().__init__()
        self.shared = shared

    def __contains__(self, key: object) -> bool:
        return dict.__contains__(self, key) or key in self.shared

    def __getitem__(self, key: int) -> dict:
        if not dict.__contains__(self, key) and key in self.shared:
            dict.__setitem__(self, key, copy.deepcopy(self.shared[key]))
        return dict.__getitem__(self, key)

    def get(self, key: int, default: Any = None) -> Any:
        return self[key] if key in self else default

    def keys(self):
        return list(self.shared) + [key for key in dict.keys(self) if key not in self.shared]

    def __iter__(self) -> Iterator[int]:
        return iter(self.keys())

    def __len__(self) -> int:
        return len(self.keys())

    def items(self):
        return [(key, self[key]) for key in self.keys()]

    def values(self):
        return [self[key] for key in self.keys()]


class LabSessionState(_GradioSessionState):
    """Gradio's session, without rendering every component's config up front (see the module's docstring)."""

    def __init__(self, blocks: gr.Blocks):
        # Gradio 6's __init__, less the rendering (tests/test_sessions.py checks the attributes still match).
        self.blocks_config = copy.copy(blocks.default_config)
        self.config_values = SharedConfigs(_shared_configs(blocks))
        self.state_data = {}
        self._state_ttl = {}
        self.is_closed = False
        self.STATE_TTL_WHEN_CLOSED = 1 if os.getenv("GRADIO_IS_E2E_TEST", None) else 3600


def _shared_configs(blocks: gr.Blocks) -> dict[int, dict]:
    """Every component's config as a new session sees it, rendered once per page layout."""
    config = blocks.default_config
    cached = getattr(blocks, "_lab_shared_configs", None)
    if cached is None or cached[0] is not config.blocks:
        configs = {key: config.config_for_block(key, [], block)
                   for key, block in config.blocks.items() if key in blocks.blocks}
        cached = blocks._lab_shared_configs = (config.blocks, configs)
    return cached[1]


def share_session_configs() -> None:
    """Make every new Gradio session a LabSessionState (Gradio's StateHolder creates them by this name)."""
    gradio.state_holder.SessionState = LabSessionState


def forget_sessions_on_leave(demo: gr.Blocks) -> None:
    """When a visitor's page closes, drop their session: Gradio would keep it (every output they were sent)
    until 10,000 others had come. A reconnecting page starts from the defaults again."""
    def forget(request: gr.Request):
        holder = getattr(demo, "state_holder", None)
        if holder is not None and request is not None and request.session_hash:
            with holder.lock:
                holder.session_data.pop(request.session_hash, None)
                holder.time_last_used.pop(request.session_hash, None)
    demo.unload(forget)
