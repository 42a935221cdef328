"""Models: the shipped checkpoints, their held-out figures and how each was trained."""
from __future__ import annotations

import gradio as gr

from demo.components import OnLoad
from demo.i18n import request_language, text
from lab import api
from lab.api import models as model

COLUMNS = ["dataset", "model", "figure", "value", "epochs", "command", "status"]


def checkpoint_table(request: gr.Request | None = None) -> dict:
    """The shipped checkpoints as a table with headers in the reader's language."""
    lang = request_language(request)
    data = []
    for row in model.shipped_checkpoints():
        row["status"] = text("models_ok", lang) if row["status"] == "ok" else api.say(row["status"], lang)
        data.append([round(row[column], 4) if isinstance(row.get(column), float) else row.get(column, "")
                     for column in COLUMNS])
    return {"headers": [text(f"models_column_{column}", lang) for column in COLUMNS], "data": data}


def build(i18n, drawing: gr.State) -> list[OnLoad]:
    """Lay out the tab (`drawing` is unused); the table fills when the page opens."""
    gr.Markdown(i18n("models_intro"))
    table = gr.Dataframe(headers=COLUMNS, interactive=False, wrap=True, elem_id="checkpoints")
    gr.Button(i18n("refresh"), size="sm").click(checkpoint_table, None, table)
    return [OnLoad(checkpoint_table, [], [table])]


if __name__ == "__main__":
    from demo.app import launch_alone
    launch_alone(build)
