"""Models: the shipped checkpoints, their held-out figures and how each was trained."""
from __future__ import annotations

import gradio as gr

from demo.components import OnLoad
from lab.api import models as model

COLUMNS = ["dataset", "model", "figure", "value", "epochs", "command", "status"]


def checkpoint_table() -> list[list]:
    rows = model.shipped_checkpoints()
    return [[row.get(column, "") if not isinstance(row.get(column), float) else round(row[column], 4)
             for column in COLUMNS] for row in rows]


def build(i18n, drawing: gr.State) -> list[OnLoad]:
    """Lay out the tab (`drawing` is unused); the table fills itself when the page opens."""
    gr.Markdown(i18n("models_intro"))
    table = gr.Dataframe(value=checkpoint_table, headers=COLUMNS, interactive=False, wrap=True,
                         elem_id="checkpoints")
    gr.Button(i18n("refresh"), size="sm").click(checkpoint_table, None, table)
    return []


if __name__ == "__main__":
    from demo.app import launch_alone
    launch_alone(build)
