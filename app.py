"""Entry point for `python app.py` and Hugging Face Spaces.

Serves on http://127.0.0.1:7860 by default; GRADIO_SERVER_NAME and GRADIO_SERVER_PORT override it (Spaces
sets them), which is why launch() gets no explicit host or port here.
"""
try:  # ZeroGPU Spaces need `spaces` imported before torch; elsewhere it is absent.
    import spaces  # noqa: F401
except ImportError:
    pass

import logging

from demo.app import build_demo, serve
from demo.classroom import warm_up
from lab.api.lessons import prepare_panels
from lab.device import GPU_MODELS, on_zerogpu
from lab.shipped import preload

logging.basicConfig(format="%(asctime)s %(name)s: %(message)s")
logging.getLogger("lab").setLevel(logging.INFO)   # the warm-up, stopped runs, refused inputs: in the Space's log

demo = build_demo()
if on_zerogpu():
    preload(GPU_MODELS)   # in the main process, which ZeroGPU's GPU worker forks from


if __name__ == "__main__":
    serve(demo)
    # The tabs' opening results, computed once in the background before the class arrives, then the lessons'.
    warm_up(demo, then=prepare_panels)
    demo.block_thread()
