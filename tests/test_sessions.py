"""Visitors' sessions: made without rendering the page again, yet the same to Gradio as its own."""
import gradio as gr
import numpy as np
import pytest
from gradio.blocks import BlocksConfig

from demo.sessions import LabSessionState, _GradioSessionState, share_session_configs


@pytest.fixture(scope="module")
def page():
    with gr.Blocks() as demo:
        number = gr.Number(3, label="n")
        text = gr.Textbox("hello")
        state = gr.State([1, 2])
        image = gr.Image(np.zeros((4, 4, 3), np.uint8))
        number.change(lambda n: str(n), number, text)
    return demo, {"number": number, "text": text, "state": state, "image": image}


def test_a_lab_session_has_what_a_gradio_session_has(page):
    demo, _ = page
    assert set(vars(LabSessionState(demo))) == set(vars(_GradioSessionState(demo)))


def test_a_lab_session_renders_no_config_once_the_first_has(page, monkeypatch):
    demo, _ = page
    LabSessionState(demo)
    rendered = []
    original = BlocksConfig.config_for_block
    monkeypatch.setattr(BlocksConfig, "config_for_block",
                        staticmethod(lambda *args, **kwargs: rendered.append(args) or original(*args, **kwargs)))
    LabSessionState(demo)
    assert rendered == []


def test_a_lab_session_reads_and_changes_like_a_gradio_session(page):
    demo, parts = page
    ours, gradios = LabSessionState(demo), _GradioSessionState(demo)
    for session in (ours, gradios):
        session._update_value_in_config(parts["number"]._id, 7)
        session[parts["state"]._id] = [3]
        session[parts["text"]._id] = gr.Textbox("changed", label="t")
    assert list(ours.components) == list(gradios.components)
    assert ours[parts["state"]._id] == [3] and ours[parts["image"]._id] is gradios[parts["image"]._id]
    # a change in one session is not seen by the next
    assert LabSessionState(demo).config_values[parts["number"]._id] == _GradioSessionState(demo).config_values[
        parts["number"]._id]


def test_the_served_lab_makes_lab_sessions():
    import gradio.state_holder

    share_session_configs()
    holder = gradio.state_holder.StateHolder()
    with gr.Blocks() as demo:
        gr.Number(1)
    holder.set_blocks(demo)
    assert isinstance(holder["a-session"], LabSessionState)
