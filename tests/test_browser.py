"""A real browser: open the app in headless Chromium, draw a stroke, see the reconstruction and p(y|x).

Chromium comes from Debian (`apt-get install chromium`); `.ci/run` installs it. A missing browser fails
this test rather than skipping it (the `browser` fixture is in conftest.py), so CI cannot go green without
the browser check.
"""
import os
import re
from pathlib import Path

SCREENSHOTS = Path(os.environ.get("LAB_SCREENSHOTS", "/tmp/lab-screenshots"))


def open_tab(browser, app_url: str, tab: str):
    """A fresh page of the app with `tab` selected (a tab's content renders only once it is clicked)."""
    page = browser.new_page(viewport={"width": 1400, "height": 1100})
    page.goto(app_url)
    page.get_by_role("tab", name=tab, exact=True).click()
    return page


def test_drawing_a_stroke_shows_reconstructions_and_class_probabilities(app_url, browser):
    from playwright.sync_api import expect

    page = open_tab(browser, app_url, "Draw & encode")
    canvas = page.locator("#sketchpad canvas").first
    expect(canvas).to_be_visible(timeout=30_000)
    box = canvas.bounding_box()
    # A '7': a top bar, then a diagonal down to the left.
    x0, y0, w, h = box["x"], box["y"], box["width"], box["height"]
    page.mouse.move(x0 + 0.3 * w, y0 + 0.25 * h)
    page.mouse.down()
    page.mouse.move(x0 + 0.7 * w, y0 + 0.25 * h, steps=4)
    page.mouse.move(x0 + 0.42 * w, y0 + 0.8 * h, steps=4)
    page.mouse.up()
    expect(page.locator("#status")).not_to_contain_text("example", timeout=30_000)   # the drawing replaced it
    expect(page.locator("#ae_recon img")).to_be_visible(timeout=30_000)
    expect(page.locator("#vae_recon img")).to_be_visible(timeout=30_000)
    expect(page.locator("#probabilities .js-plotly-plot")).to_be_visible(timeout=30_000)
    expect(page.locator("#summary")).to_contain_text("ELBO", timeout=30_000)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "draw_encode.png"), full_page=True)
    page.close()


def test_draw_and_encode_opens_on_an_encoded_example_without_a_click(app_url, browser):
    from playwright.sync_api import expect

    page = open_tab(browser, app_url, "Draw & encode")
    expect(page.locator("#status")).to_contain_text("example drawing", timeout=30_000)
    # The pad sends a blank canvas once it is up; that must not wipe the example (it did).
    expect(page.locator("#sketchpad canvas").first).to_be_visible(timeout=30_000)
    page.wait_for_timeout(8_000)
    expect(page.locator("#status")).to_contain_text("example drawing")
    expect(page.locator("#vae_recon img")).to_be_visible()
    expect(page.locator("#ae_recon img")).to_be_visible()
    expect(page.locator("#summary")).to_contain_text("ELBO")
    expect(page.locator("#probabilities .js-plotly-plot")).to_be_visible()
    page.screenshot(path=str(SCREENSHOTS / "draw_encode_opened.png"), full_page=True)
    page.close()


def test_picking_a_test_image_in_the_gallery_encodes_it(app_url, browser):
    from playwright.sync_api import expect

    page = open_tab(browser, app_url, "Draw & encode")
    expect(page.locator("#status")).to_contain_text("example drawing", timeout=30_000)
    page.locator("#examples .thumbnail-item").nth(4).click()          # two per class: the first "2"
    expect(page.locator("#summary")).to_contain_text("p(y|x) says 2", timeout=90_000)   # during the warm-up
    page.close()


def test_spanish_browser_gets_spanish_labels(app_url, browser):
    from playwright.sync_api import expect

    context = browser.new_context(locale="es-ES")
    page = context.new_page()
    page.goto(app_url)
    expect(page.get_by_text("Dibujar y codificar").first).to_be_visible(timeout=30_000)
    context.close()


def test_a_link_opens_its_tab_in_its_language_and_the_button_gives_the_link(app_url, browser):
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 1400, "height": 1000})   # an English browser
    page.goto(app_url + "?tab=diffusion&lang=es")
    expect(page.locator('button[data-tab-id="diffusion"]')).to_have_attribute("aria-selected", "true",
                                                                            timeout=30_000)
    expect(page.get_by_text("Dibujar y codificar").first).to_be_visible()          # Gradio's labels
    expect(page.locator("#device input")).to_have_value(re.compile("hilos|GPU"), timeout=30_000)  # ours
    page.locator('button[data-tab-id="kmeans"]').click()      # no data set radio there
    page.locator("#link_button").click()
    expect(page.locator("#link_shown input")).to_have_value(re.compile(r"\?tab=kmeans&lang=es$"))
    page.close()
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(app_url + "?tab=pca&dataset=fashion")
    fashion = page.locator("#pca_dataset input[value=fashion]")
    expect(fashion).to_be_checked(timeout=30_000)
    page.locator("#link_button").click()
    expect(page.locator("#link_shown input")).to_have_value(re.compile(r"\?tab=pca&dataset=fashion&lang=en$"))
    page.close()


def test_clicking_the_latent_map_decodes_that_point(app_url, browser):
    from playwright.sync_api import expect

    page = open_tab(browser, app_url, "Latent explorer")
    latent_map = page.locator("#latent_map img").first
    expect(latent_map).to_be_visible(timeout=30_000)
    box = latent_map.bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.35, box["y"] + box["height"] * 0.5)
    expect(page.locator("#decoded_here img")).to_be_visible(timeout=60_000)
    expect(page.locator("#point textarea")).not_to_have_value("", timeout=60_000)
    page.screenshot(path=str(SCREENSHOTS / "latent_explorer.png"), full_page=True)
    page.close()


def test_moving_the_k_and_step_sliders_redraws_the_clusters(app_url, browser):
    from playwright.sync_api import expect

    page = open_tab(browser, app_url, "k-means")
    summary = page.locator("#kmeans_summary")
    expect(summary).to_contain_text("Rand", timeout=30_000)
    before = summary.inner_text()
    k_input = page.locator("#kmeans_k input[type=number]")
    k_input.fill("6")
    k_input.press("Enter")
    expect(summary).not_to_have_text(before, timeout=30_000)
    title = page.locator("#kmeans_plot .gtitle")
    expect(title).not_to_contain_text("Step 0 of", timeout=30_000)   # a run shows its last step
    step_input = page.locator("#kmeans_step input[type=number]")
    step_input.fill("0")
    step_input.press("Enter")
    expect(title).to_contain_text("Step 0 of", timeout=30_000)      # the student's move redraws it
    page.close()


def test_tabs_follow_the_lecture(app_url, browser):
    page = browser.new_page()
    page.goto(app_url)
    tabs = page.get_by_role("tab")
    tabs.first.wait_for(timeout=30_000)
    names = [name.strip() for name in tabs.all_inner_texts()]
    assert names[:16] == ["Lessons", "k-means", "PCA", "Densities", "Bayes", "p(x) · p(y|x) · p(x|y)", "Autoregressive",
                          "Patches → tokens", "Draw & encode", "VAE: the ELBO", "Latent explorer", "Outliers", "Diffusion",
                          "2-D sandbox", "Latent diffusion", "Models"]
    page.close()


def test_more_samples_move_the_estimates_of_log_p_and_the_gap_is_shown(app_url, browser):
    from playwright.sync_api import expect

    page = open_tab(browser, app_url, "VAE: the ELBO")
    summary = page.locator("#elbo_summary")
    expect(summary).to_contain_text("With 100 samples", timeout=60_000)
    expect(page.locator("#elbo_identity")).to_contain_text("cannot be computed", timeout=60_000)
    expect(page.locator("#elbo_posterior .js-plotly-plot")).to_be_visible(timeout=30_000)
    samples = page.locator("#elbo_samples input[type=number]")
    samples.fill("1000")
    samples.press("Enter")
    expect(summary).to_contain_text("With 1000 samples", timeout=60_000)
    page.screenshot(path=str(SCREENSHOTS / "elbo.png"), full_page=True)
    page.close()


def test_the_decoder_control_and_a_new_epsilon_redo_their_panels(app_url, browser):
    from playwright.sync_api import expect

    page = open_tab(browser, app_url, "VAE: the ELBO")
    table, steps = page.locator("#elbo_decoder_table"), page.locator("#elbo_steps")
    expect(table).to_contain_text("bits/dim", timeout=60_000)
    expect(steps).to_contain_text("(seed 0)", timeout=60_000)
    page.locator("#elbo_decoder").get_by_text("Gaussian, σ = 1", exact=True).click()
    expect(table.locator("strong", has_text="Gaussian, σ = 1")).to_be_visible(timeout=30_000)
    page.locator("#elbo_new_noise").click()
    expect(steps).to_contain_text("(seed 1)", timeout=30_000)
    page.screenshot(path=str(SCREENSHOTS / "elbo_decoders.png"), full_page=True)
    page.close()


def test_the_kinds_tab_builds_p_x_given_y_and_its_taxonomy_opens_the_tabs(app_url, browser):
    from playwright.sync_api import expect

    page = open_tab(browser, app_url, "p(x) · p(y|x) · p(x|y)")
    numbers = page.locator("#kinds_bayes_numbers")
    expect(numbers).to_contain_text("P(y = 3)", timeout=90_000)
    expect(page.locator("#kinds_compete")).to_contain_text("uniform noise", timeout=60_000)
    label = page.locator("#kinds_label input")
    label.click()
    page.get_by_role("option", name="8", exact=True).click()
    expect(numbers).to_contain_text("P(y = 8)", timeout=60_000)
    page.screenshot(path=str(SCREENSHOTS / "kinds.png"), full_page=True)
    page.locator("#kinds_taxonomy a", has_text=re.compile(r"^VAE")).click()   # not "Tokens (VQ-VAE …)"
    expect(page.locator("#elbo_summary")).to_contain_text("samples", timeout=60_000)   # the ELBO tab opened
    page.close()


def test_moving_the_prior_moves_the_bayes_posterior(app_url, browser):
    from playwright.sync_api import expect

    page = open_tab(browser, app_url, "Bayes")
    numbers = page.locator("#bayes_numbers")
    expect(numbers).to_contain_text("p(x)", timeout=30_000)
    before = numbers.inner_text()
    prior = page.locator("#prior_1 input[type=number]")
    prior.fill("0.1")
    prior.press("Enter")
    expect(numbers).not_to_have_text(before, timeout=30_000)
    expect(numbers.locator("td").nth(2)).to_have_text("0.05", timeout=30_000)   # class 1's P(y) = 0.1 / 2.1
    expect(page.locator("#bayes_plot .js-plotly-plot")).to_be_visible(timeout=30_000)
    page.screenshot(path=str(SCREENSHOTS / "bayes.png"), full_page=True)
    page.close()


def test_the_outlier_tab_rejects_a_letter_and_shows_the_auroc_table(app_url, browser):
    from playwright.sync_api import expect

    page = open_tab(browser, app_url, "Outliers")
    expect(page.locator("#outlier_verdict")).to_contain_text("rejected", timeout=60_000)
    expect(page.locator("#auroc_table")).to_contain_text("AUROC", timeout=30_000)
    expect(page.locator("#outlier_input img")).to_be_visible()
    page.screenshot(path=str(SCREENSHOTS / "outliers.png"), full_page=True)
    page.close()


def test_drawn_points_become_the_k_means_data(app_url, browser):
    from playwright.sync_api import expect

    page = open_tab(browser, app_url, "k-means")
    summary = page.locator("#kmeans_summary")
    expect(summary).to_contain_text("Rand", timeout=30_000)
    page.get_by_text("Draw your own points").first.click()   # opens the accordion with the pad
    canvas = page.locator("#kmeans_canvas canvas").first
    expect(canvas).to_be_visible(timeout=30_000)
    canvas.scroll_into_view_if_needed()   # mouse events land only inside the viewport
    page.wait_for_timeout(1000)   # the accordion's pad sizes itself after it opens
    box = canvas.bounding_box()
    # The pad is a square in the middle of a wider element: two strokes near its centre.
    for start, end in (((0.4, 0.4), (0.5, 0.5)), ((0.55, 0.6), (0.6, 0.7))):
        page.mouse.move(box["x"] + start[0] * box["width"], box["y"] + start[1] * box["height"])
        page.mouse.down()
        page.mouse.move(box["x"] + end[0] * box["width"], box["y"] + end[1] * box["height"], steps=5)
        page.mouse.up()
    page.wait_for_timeout(2000)   # the pad flattens its layers into the value a moment after the stroke
    page.get_by_role("button", name="Use these points").first.click()
    page.screenshot(path=str(SCREENSHOTS / "kmeans_drawn.png"), full_page=True)
    expect(summary).to_contain_text("no true labels", timeout=30_000)
    page.close()


def test_a_short_trajectory_runs_and_the_step_slider_moves_through_it(app_url, browser):
    from playwright.sync_api import expect

    page = open_tab(browser, app_url, "Diffusion")
    summary = page.locator("#reverse_summary")
    expect(summary).to_contain_text("steps of", timeout=60_000)   # the preloaded trajectory
    expect(page.locator(".example-caption").first).to_contain_text("Test image #0 is labelled 6")
    steps = page.locator("#diffusion_steps input[type=number]")
    steps.fill("8")
    steps.press("Enter")
    page.locator("#run_trajectory").click()
    expect(summary).to_contain_text("8 steps of", timeout=60_000)
    book = page.locator("#diffusion_frames")
    expect(book.locator(".fb-caption")).to_contain_text("Step 8 of 8", timeout=30_000)
    book.locator(".fb-range").fill("1")                            # frame 1 is the second step
    expect(book.locator(".fb-caption")).to_contain_text("Step 2 of 8")   # counted from 1
    assert canvas_has_ink(book.locator("canvas").nth(2))           # x̂0 drawn from its sheet
    page.screenshot(path=str(SCREENSHOTS / "diffusion.png"), full_page=True)
    page.close()


def canvas_has_ink(canvas) -> bool:
    """Whether a flipbook canvas shows a frame: some pixel brighter than black."""
    return canvas.evaluate("""(c) => {
        const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        for (let i = 0; i < data.length; i += 4) if (data[i] > 40) return true;
        return false; }""")


def test_the_latent_path_steps_on_the_map_and_the_spaces_compare(app_url, browser):
    from playwright.sync_api import expect

    page = open_tab(browser, app_url, "Latent diffusion")
    summary = page.locator("#latent_summary")
    expect(summary).to_contain_text("steps of", timeout=60_000)   # the preloaded trajectory
    book = page.locator("#latent_frames")
    caption = book.locator(".fb-caption")
    expect(caption).to_contain_text("final latent", timeout=30_000)
    book.locator(".fb-range").fill("3")
    expect(caption).to_contain_text("Step 4 of 20")
    assert canvas_has_ink(book.locator("canvas").first)
    expect(page.locator("#space_table")).to_contain_text("784", timeout=60_000)   # the preloaded comparison
    page.screenshot(path=str(SCREENSHOTS / "latent_diffusion.png"), full_page=True)
    page.close()


def test_the_pixel_slider_shows_each_pixels_distribution(app_url, browser):
    from playwright.sync_api import expect

    page = open_tab(browser, app_url, "Autoregressive")
    expect(page.locator("#ar_summary")).to_contain_text("784 pixels", timeout=60_000)   # the preloaded sample
    expect(page.locator("#ar_summary")).to_contain_text("guidance w = 1.5")             # mnist's default
    expect(page.locator("#ar_model")).to_contain_text("guidance")
    book = page.locator("#ar_frames")
    book.locator(".fb-range").fill("30")
    expect(book.locator(".fb-caption")).to_contain_text("row 1, column 2", timeout=30_000)
    # Letting the slider go asks the server for that pixel's distribution.
    expect(page.locator("#ar_distribution .js-plotly-plot")).to_be_visible(timeout=30_000)
    expect(page.locator("#ar_likelihood")).to_contain_text("ELBO", timeout=30_000)
    expect(page.locator("#ar_cost_table")).to_contain_text("1024x1024", timeout=30_000)
    page.screenshot(path=str(SCREENSHOTS / "autoregressive.png"), full_page=True)
    page.close()


def test_tokens_are_sampled_one_by_one_and_the_slider_walks_the_sequence(app_url, browser):
    from playwright.sync_api import expect

    page = open_tab(browser, app_url, "Patches → tokens")
    expect(page.locator("#tok_summary")).to_contain_text("49", timeout=60_000)      # the preloaded sample
    expect(page.locator("#tok_grid .tok-cell")).to_have_count(49, timeout=30_000)     # the image as tokens
    page.locator("#tok_grid .tok-cell").nth(9).hover()                                # its patch pops up
    expect(page.locator("#tok_grid .tok-cell").nth(9).locator(".tok-pop")).to_contain_text("row 1, column 2")
    page.locator("#tok_sample").click()                                               # a new sample
    book = page.locator("#tok_frames")
    book.locator(".fb-range").fill("9")
    expect(book.locator(".fb-caption")).to_contain_text("row 1, column 2", timeout=30_000)
    expect(page.locator("#tok_distribution .js-plotly-plot")).to_be_visible(timeout=30_000)
    expect(page.locator("#tok_grid_progress")).to_contain_text("7 of 7 token rows", timeout=30_000)
    expect(page.locator("#tok_cost")).to_contain_text("1024x1024", timeout=60_000)
    page.screenshot(path=str(SCREENSHOTS / "tokens.png"), full_page=True)
    page.close()


def stroke(page, canvas, points):
    """One pen stroke through `points` given as fractions of the canvas box."""
    box = canvas.bounding_box()
    at = [(box["x"] + fx * box["width"], box["y"] + fy * box["height"]) for fx, fy in points]
    page.mouse.move(*at[0])
    page.mouse.down()
    for x, y in at[1:]:
        page.mouse.move(x, y, steps=4)
    page.mouse.up()


SEVEN = [(0.3, 0.25), (0.7, 0.25), (0.42, 0.8)]
ONE = [(0.5, 0.2), (0.5, 0.5), (0.5, 0.85)]


def test_draw_clear_draw_again_with_either_control(app_url, browser):
    """Clear (our button) and the pad's own trash both empty the pad and the outputs, and the brush stays
    selected: each new drawing is encoded, any number of times."""
    from playwright.sync_api import expect

    page = open_tab(browser, app_url, "Draw & encode")
    canvas = page.locator("#sketchpad canvas").first
    expect(canvas).to_be_visible(timeout=30_000)
    summary = page.locator("#summary")
    pad_status = page.locator("#sketchpad [data-testid=status-tracker]")
    clear_button = page.locator("#clear")
    trash = page.locator("#sketchpad .top-panel > button:last-of-type")
    # The tab opens on an encoded example: each stroke must replace it (status), not just show an ELBO.
    expect(page.locator("#status")).to_contain_text("example drawing", timeout=60_000)
    for shape, clear in ((SEVEN, clear_button), (ONE, trash), (SEVEN, clear_button), (ONE, clear_button)):
        stroke(page, canvas, shape)
        expect(page.locator("#status")).not_to_contain_text("example", timeout=60_000)
        expect(summary).to_contain_text("ELBO", timeout=60_000)
        expect(page.locator("#vae_recon img")).to_be_visible()
        clear.click()
        expect(summary).to_have_text("", timeout=60_000)
        expect(page.locator("#vae_recon img")).to_have_count(0)
        expect(pad_status).to_have_class(re.compile(r"\bhide\b"))   # no "processing" cover on the pad
    stroke(page, canvas, SEVEN)
    expect(summary).to_contain_text("p(y|x) says 7", timeout=60_000)
    page.screenshot(path=str(SCREENSHOTS / "draw_clear_draw.png"), full_page=True)
    page.close()


def test_the_other_pads_keep_the_brush_after_their_trash(app_url, browser):
    """The point pads (k-means, densities) and the second interpolation pad, on one page: after the trash
    button the brush is still selected, twice over."""
    from playwright.sync_api import expect

    page = open_tab(browser, app_url, "k-means")
    for tab, pad, opener in (("k-means", "kmeans_canvas", "Draw your own points"),
                             ("Densities", "density_canvas", "Draw your own points"),
                             ("Latent explorer", "second_pad", "Second drawing (for interpolation)")):
        page.get_by_role("tab", name=tab, exact=True).click()
        page.get_by_text(opener).filter(visible=True).first.click()   # each pad sits in a closed accordion
        canvas = page.locator(f"#{pad} canvas").first
        expect(canvas).to_be_visible(timeout=30_000)
        canvas.scroll_into_view_if_needed()
        page.wait_for_timeout(1000)
        brush = page.locator(f"#{pad} .toolbar-wrap button").first
        for _ in range(2):
            expect(brush).to_have_class(re.compile(r"\bhighlight\b"))
            stroke(page, canvas, [(0.45, 0.4), (0.55, 0.6)])
            page.locator(f"#{pad} .top-panel > button:last-of-type").click()
            expect(brush).to_have_class(re.compile(r"\bhighlight\b"), timeout=5_000)
    page.close()


# Words the two catalogues share on purpose would not count anyway (a string in both is not "English only");
# this list is for English catalogue strings that a Spanish page may show legitimately.
SHARED_TERMS = set()


def test_play_reaches_the_last_step_within_twice_its_designed_time(app_url, browser):
    """▶ steps through frames already in the page, one tick per step after the first, no server."""
    import time

    from playwright.sync_api import expect

    from demo.tabs.diffusion import play_interval_ms
    from lab.api.diffusion import sampling_defaults

    steps = sampling_defaults("mnist")["steps"]
    last = f"Step {steps} of {steps}"
    page = open_tab(browser, app_url, "Diffusion")
    book = page.locator("#diffusion_frames")
    caption = book.locator(".fb-caption")
    expect(caption).to_contain_text(last, timeout=90_000)   # the preloaded trajectory
    designed = (steps - 1) * play_interval_ms(steps) / 1000
    started = time.perf_counter()
    book.locator(".fb-play").click()
    playing = "document.querySelector('#diffusion_frames .flipbook').closest('[data-playing]').dataset.playing"
    assert page.evaluate(playing) == "true"
    expect(caption).not_to_contain_text(last, timeout=1_000)      # it went back to the start
    page.wait_for_function(f"() => {playing} === 'false'", timeout=30_000)
    elapsed = time.perf_counter() - started
    expect(caption).to_contain_text(last)
    assert elapsed <= 2 * designed, f"{steps} steps played in {elapsed:.1f} s (designed {designed:.2f} s)"
    page.close()


def touch_stroke(page, canvas, points):
    """A finger's stroke through `points` (fractions of the canvas), as raw touch events (CDP)."""
    box = canvas.bounding_box()
    at = [{"x": box["x"] + u * box["width"], "y": box["y"] + v * box["height"]} for u, v in points]
    session = page.context.new_cdp_session(page)
    session.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [at[0]]})
    for point in at[1:]:
        for _ in range(4):
            session.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [point]})
    session.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})


def test_on_a_phone_every_tab_is_in_sight_and_the_pad_takes_a_finger(app_url, browser):
    from playwright.sync_api import expect

    from demo.app import TABS

    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(app_url)
    tabs = page.get_by_role("tab")
    expect(tabs).to_have_count(len(TABS), timeout=30_000)
    for index in range(len(TABS)):                                 # none hidden behind a "⋯" menu
        expect(tabs.nth(index)).to_be_in_viewport()
    page.get_by_role("tab", name="Draw & encode", exact=True).click()
    expect(page.get_by_role("tab", name="Draw & encode", exact=True)).to_have_attribute("aria-selected", "true")
    expect(page.locator("#status")).to_contain_text("example drawing", timeout=60_000)
    canvas = page.locator("#sketchpad canvas").first
    canvas.scroll_into_view_if_needed()
    touch_stroke(page, canvas, [(0.3, 0.25), (0.7, 0.25), (0.42, 0.8)])   # a 7
    expect(page.locator("#status")).not_to_contain_text("example", timeout=30_000)
    expect(page.locator("#summary")).to_contain_text("ELBO", timeout=30_000)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390   # nothing wider than the phone
    page.screenshot(path=str(SCREENSHOTS / "phone_draw.png"))
    context.close()


def english_only_strings() -> set[str]:
    """Complete strings of the English catalogue (no placeholders) that the Spanish one never uses."""
    from demo.i18n import DYNAMIC_TEXT, UI_TEXT

    english = {value.strip() for table in (UI_TEXT, DYNAMIC_TEXT) for value in table["en"].values()
               if "{" not in value}
    spanish = {value.strip() for table in (UI_TEXT, DYNAMIC_TEXT) for value in table["es"].values()}
    return english - spanish - SHARED_TERMS


def test_every_tab_in_spanish_shows_no_english_catalogue_text(app_url, browser):
    """Each tab rendered for a Spanish browser: no visible line, control value or choice label is a string
    of the English catalogue that the Spanish one lacks."""
    from demo.app import TABS
    from demo.i18n import UI_TEXT

    english_only = english_only_strings()
    context = browser.new_context(locale="es-ES", viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(app_url)
    found = {}
    for _, title_key, _ in TABS:
        name = UI_TEXT["es"][title_key]
        page.get_by_role("tab", name=name, exact=True).click()   # every tab reachable at 1400 px: no "⋯"
        page.wait_for_timeout(1500)
        shown = {line.strip() for line in page.locator("body").inner_text().splitlines()}
        shown |= set(page.locator("input[type=text], textarea").evaluate_all("(fields) => fields.map((f) => f.value.trim())"))
        untranslated = {line for line in shown if "translation_metadata" in line}   # an i18n key pasted into text
        if (shown & english_only) | untranslated:
            found[name] = sorted((shown & english_only) | untranslated)
    context.close()
    assert found == {}
