"""Shared fixtures. Tests run on the CPU with small inputs; the shipped checkpoints are read, never written."""
from __future__ import annotations

import os

os.environ.setdefault("LAB_DEVICE", "cpu")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import numpy as np
import pytest
from PIL import Image, ImageDraw


def draw_seven(size: int = 280, offset: tuple[int, int] = (0, 0), scale: float = 1.0,
               ink=(0, 0, 0), paper=(255, 255, 255), mode: str = "RGB", width: int = 18) -> np.ndarray:
    """A hand-drawn-looking '7' on a canvas, as the sketchpad would deliver it."""
    image = Image.new(mode, (size, size), paper)
    pen = ImageDraw.Draw(image)
    dx, dy = offset
    points = [(80, 70), (200, 70), (120, 220)]
    points = [(dx + size / 2 + (x - 140) * scale, dy + size / 2 + (y - 140) * scale) for x, y in points]
    pen.line(points, fill=ink, width=max(1, round(width * scale)), joint="curve")
    return np.asarray(image)


@pytest.fixture
def seven() -> np.ndarray:
    return draw_seven()


@pytest.fixture(scope="session")
def app_url():
    """The whole app served in this process on a free port, once for every browser and API test."""
    from bench_browser import free_port
    from demo.app import build_demo, serve

    demo = build_demo()
    port = free_port()
    serve(demo, server_name="127.0.0.1", server_port=port, quiet=True)
    yield f"http://127.0.0.1:{port}/"
    demo.close()


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium from Debian. A missing browser fails the test rather than skipping it."""
    import shutil
    from pathlib import Path

    from bench_browser import CHROMIUM, CHROMIUM_ARGS

    assert shutil.which(CHROMIUM) or Path(CHROMIUM).exists(), \
        f"Chromium not found at {CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
