"""The 2-D sandbox in a real browser: draw a density, train on it, see the field's arrows, play the flow
from noise to the data and see the particles' paths."""
import os
from pathlib import Path

import pytest

SCREENSHOTS = Path(os.environ.get("LAB_SCREENSHOTS", "/tmp/lab-screenshots"))
pytestmark = pytest.mark.slow


def plot_data(page, elem_id: str) -> list[dict]:
    """The traces plotly drew in a gr.Plot: their type, mode and how many points each has."""
    return page.evaluate(f"""() => [...(document.querySelector('#{elem_id} .js-plotly-plot')?.data ?? [])]
        .map((trace) => ({{type: trace.type, mode: trace.mode, points: (trace.x ?? []).length}}))""")


def test_draw_a_density_train_on_it_and_play_the_flow(app_url, browser):
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 1400, "height": 1100})
    page.goto(app_url + "?tab=sandbox&lang=en")
    expect(page.locator("#sb_model")).to_contain_text("shipped", timeout=90_000)   # two moons, shipped models
    page.get_by_text("Draw a density").first.click()
    canvas = page.locator("#sb_pad canvas").first
    expect(canvas).to_be_visible(timeout=30_000)
    box = canvas.bounding_box()
    x0, y0, w, h = box["x"], box["y"], box["width"], box["height"]
    for start, end in (((0.2, 0.3), (0.8, 0.3)), ((0.5, 0.3), (0.5, 0.8))):   # a T: two strokes
        page.mouse.move(x0 + start[0] * w, y0 + start[1] * h)
        page.mouse.down()
        page.mouse.move(x0 + end[0] * w, y0 + end[1] * h, steps=6)
        page.mouse.up()
    page.locator("#sb_source").get_by_text("drawn").click()
    page.locator("#sb_use").click()
    expect(page.locator("#sb_model")).to_contain_text("No model for these points", timeout=30_000)

    page.locator("#sb_train").click()
    expect(page.locator("#sb_model")).to_contain_text("your own pair", timeout=120_000)
    expect(page.locator("#sb_loss .js-plotly-plot")).to_be_visible()
    page.wait_for_function("""() => (document.querySelector('#sb_forward .js-plotly-plot')?.data ?? []).length == 2""",
                           timeout=60_000)
    cloud, arrows = plot_data(page, "sb_forward")
    assert arrows["mode"] == "lines" and arrows["points"] >= 3 * 15 * 15   # 225 arrows, three points each

    page.locator("#sb_sampler").get_by_text("DDIM").click()   # its default steps come with it
    expect(page.locator("#sb_sampler_steps input[type=number]")).to_have_value("50", timeout=30_000)
    page.locator("#sb_play").click()
    page.wait_for_function("""() => (document.querySelector('#sb_reverse .js-plotly-plot')?.layout?.title?.text ?? '')
                              .includes('DDIM, 50 steps')""", timeout=90_000)
    paths, particles = plot_data(page, "sb_reverse")
    assert particles["points"] == 800 and paths["mode"] == "lines" and paths["points"] == 40 * 52
    page.locator("#sb_reverse .updatemenu-button").first.click()   # ▶: played in the browser
    page.wait_for_function("""() => document.querySelector('#sb_reverse .js-plotly-plot')._fullLayout.sliders[0]
                              .active > 5""", timeout=30_000)
    expect(page.locator("#sb_nll")).to_contain_text("ODE", timeout=60_000)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "sandbox.png"), full_page=True)
    page.close()
