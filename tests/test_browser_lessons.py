"""A lecture in real browsers: one lecturer and 5 students, each in their own browser context (their own
storage), against the app served in this process. The lecturer's key is set for the server only; a student
calling the lecturer's endpoints through gradio_client, with no key or a wrong one, changes nothing."""
import os
import re
import time
from pathlib import Path

import pytest
from gradio_client import Client

from demo.rooms import ROOMS

KEY = "lecturer-key-for-the-browser-test"
SCREENSHOTS = Path(os.environ.get("LAB_SCREENSHOTS", "/tmp/lab-screenshots"))
STUDENTS = 5
pytestmark = pytest.mark.slow


def open_lessons(browser, url: str):
    context = browser.new_context(viewport={"width": 1300, "height": 1000})
    page = context.new_page()
    page.goto(url)
    page.locator("#lesson_step").get_by_text("k-means").wait_for(timeout=60_000)
    return context, page


def test_a_class_follows_the_lecturer_votes_and_sees_the_reveal(app_url, browser, monkeypatch):
    from playwright.sync_api import expect

    monkeypatch.setenv("LAB_LECTURER_KEY", KEY)
    lecturer_context, lecturer = open_lessons(browser, app_url + "?lecturer")
    lecturer.locator("#lecturer_box").click()
    lecturer.locator("#lecturer_key input").fill(KEY)
    lecturer.locator("#lecturer_unlock").click()
    lecturer.locator("#lecturer_open_room").click()
    room = lecturer.locator("#lecturer_room input")
    expect(room).to_have_value(re.compile(r"^[A-Z0-9]{6}$"), timeout=30_000)
    code = room.input_value()

    students = [open_lessons(browser, app_url) for _ in range(STUDENTS)]
    assert not students[0][1].locator("#lecturer_key").is_visible()   # no ?lecturer, no lecturer box
    for _, page in students:
        page.locator("#room_box").click()
        page.locator("#room_code input").fill(code.lower())
        page.locator("#room_join").click()
        expect(page.locator("#room_status")).to_contain_text(code, timeout=30_000)

    for step in (2, 3, 4):   # the lecturer advances 3 steps; every student follows within 2 s
        lecturer.locator("#lesson_next").click()
        expect(lecturer.locator("#lesson_heading")).to_contain_text(f"Step {step} of 4", timeout=30_000)
        lecturer.locator("#lecturer_go").click()
        shown = time.monotonic()
        for _, page in students:
            expect(page.locator("#lesson_heading")).to_contain_text(f"Step {step} of 4", timeout=30_000)
        assert time.monotonic() - shown <= 2.5, f"followed in {time.monotonic() - shown:.1f} s"

    choices = [0, 1, 1, 0, 1]
    for (_, page), choice in zip(students, choices):
        page.locator("#lesson_options label").nth(choice).click()
        page.locator("#lesson_check").click()
        expect(page.locator("#lesson_reveal")).to_contain_text("Your answer is in", timeout=30_000)
    state = ROOMS.counts(code, KEY, 2)
    assert state["counts"] == [2, 3] and state["voters"] == STUDENTS
    expect(lecturer.locator("#lecturer_bars")).to_contain_text("5 answered", timeout=10_000)

    for client_key in (None, "", "wrong key"):   # a student scripting the lecturer's endpoints
        client = Client(app_url, verbose=False)
        for call in (lambda: client.predict(client_key, code, {"lesson": 5, "step": 0}, api_name="/lecturer_show_step"),
                     lambda: client.predict(client_key, code, {"lesson": 5, "step": 0}, None,
                                            api_name="/lecturer_reveal"),
                     lambda: client.predict(client_key, api_name="/lecturer_open_room")):
            with pytest.raises(Exception, match="lecturer key|Lecture mode"):
                call()
    assert ROOMS.counts(code, KEY, 2) == state

    lecturer.locator("#lecturer_reveal").click()
    for _, page in students:
        expect(page.locator("#lesson_reveal .lesson-reveal")).to_be_visible(timeout=5_000)
    expect(lecturer.locator("#lecturer_bars")).to_contain_text("% right", timeout=10_000)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    lecturer.locator("#lecturer_panel").screenshot(path=str(SCREENSHOTS / "lecturer_view.png"))
    students[0][1].screenshot(path=str(SCREENSHOTS / "student_reveal.png"))

    # A student stops following to explore, and rejoins: their page catches up with the room.
    wanderer = students[-1][1]
    wanderer.locator("#room_follow input").uncheck()
    lecturer.locator("#lesson_next").click()
    expect(lecturer.locator("#lesson_heading")).to_contain_text("Exit ticket 1", timeout=30_000)
    lecturer.locator("#lecturer_go").click()
    expect(students[0][1].locator("#lesson_heading")).to_contain_text("Exit ticket 1", timeout=5_000)
    wanderer.wait_for_timeout(2_000)
    expect(wanderer.locator("#lesson_heading")).to_contain_text("Step 4 of 4")
    wanderer.locator("#room_follow input").check()
    expect(wanderer.locator("#lesson_heading")).to_contain_text("Exit ticket 1", timeout=5_000)
    for context, _ in students + [(lecturer_context, lecturer)]:
        context.close()


def test_a_students_progress_survives_a_reload(app_url, browser):
    from playwright.sync_api import expect

    context, page = open_lessons(browser, app_url)
    page.locator("#lesson_next").click()
    expect(page.locator("#lesson_heading")).to_contain_text("Step 2 of 4", timeout=30_000)
    page.locator("#lesson_options label").nth(1).click()
    page.locator("#lesson_check").click()
    expect(page.locator("#lesson_reveal .lesson-reveal")).to_contain_text("components keep 90", timeout=30_000)
    page.wait_for_timeout(1_000)   # the browser has stored it
    page.reload()
    expect(page.locator("#lesson_heading")).to_contain_text("Step 2 of 4", timeout=60_000)
    expect(page.locator("#lesson_reveal .lesson-reveal")).to_contain_text("Right", timeout=30_000)
    context.close()
