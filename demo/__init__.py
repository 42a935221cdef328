"""The Gradio UI of the lab: layout and event wiring only. It never imports torch; it calls `lab.api`."""
