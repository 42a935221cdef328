"""Lessons: the lecture's arc in 8 lessons, each step a prediction before the lab's live answer, and lecture
rooms where a class follows the lecturer's step, votes, and sees the reveal together.

Alone, a student picks an option and checks it: the reveal prints the lab's answer from the shipped models with
a why in the lecture's terms. Progress stays in the browser (gr.BrowserState). In a room, the student's page
follows the lecturer's step (demo.room_route polls it), answers are votes, and the reveal waits for the
lecturer, whose key (LAB_LECTURER_KEY) unlocks the room controls and the live bars.
"""
from __future__ import annotations

import gradio as gr

from demo.components import OnLoad
from demo.i18n import request_language, text
from demo.lesson_book import lessons
from demo.lesson_view import heading, question_html, reveal_html, right_answer, step_label, vote_bars
from demo.rooms import ROOMS, RoomError
from lab.api import lessons as model

OPEN_TAB_JS = """
() => {
  const opens = document.querySelector("#lesson_step .lesson-opens");
  if (!opens) return;
  document.querySelector(`button[data-tab-id="${CSS.escape(opens.dataset.tab)}"]`)?.click();
  const dataset = opens.dataset.dataset;
  const choose = (triesLeft) => {
    const radio = [...document.querySelectorAll(".dataset-choice input[type=radio]")]
      .find((input) => input.value === dataset && input.offsetParent !== null);
    if (radio) { if (!radio.checked) radio.click(); } else if (triesLeft > 0) setTimeout(() => choose(triesLeft - 1), 100);
  };
  if (dataset) choose(50);
}
"""


def _position(progress) -> tuple[int, int, dict]:
    """(lesson, step, answers) from the browser's progress, whatever it holds."""
    progress = progress if isinstance(progress, dict) else {}
    lesson = progress.get("lesson") if isinstance(progress.get("lesson"), int) else 0
    lesson = min(max(lesson, 0), len(lessons()) - 1)
    step = progress.get("step") if isinstance(progress.get("step"), int) else 0
    step = min(max(step, 0), len(lessons()[lesson].steps) - 1)
    answers = progress.get("answers") if isinstance(progress.get("answers"), dict) else {}
    return lesson, step, {key: value for key, value in list(answers.items())[:200] if isinstance(value, int)}


def _panel(step, drawing) -> dict | None:
    return model.panel(step.panel, drawing) if step.panel else None


def render(progress, drawing, lang: str, room: dict | None = None) -> tuple:
    """(lesson dropdown, heading, question, options, reveal, progress) for the step `progress` holds, or for
    the room's step when following one (its reveal only once the lecturer revealed it)."""
    lesson, step_index, answers = _position(progress)
    if room is not None:
        lesson, step_index = room["lesson"], room["step"]
    step = lessons()[lesson].steps[step_index]
    panel = _panel(step, drawing)
    chosen = answers.get(f"{lesson}.{step_index}")
    if room is None:
        reveal = reveal_html(step, panel, chosen, lang) if chosen is not None else ""
    elif room["revealed"]:
        reveal = reveal_html(step, panel, chosen, lang)
    else:
        reveal = text("lesson_sent", lang, chosen=step.options[lang][chosen]) if chosen is not None \
            else text("lesson_wait", lang)
    options = gr.update(choices=[(option, i) for i, option in enumerate(step.options[lang])], value=chosen)
    return (gr.update(choices=lesson_choices(lang), value=lesson), heading(lessons(), lesson, step_index, lang),
            question_html(step, panel, lang), options, reveal,
            {"lesson": lesson, "step": step_index, "answers": answers})


def lesson_choices(lang: str) -> list[tuple[str, int]]:
    return [(text("lesson_title", lang, number=i + 1, title=lesson.title[lang]), i) for i, lesson in enumerate(lessons())]


def show_lesson(progress, drawing, request: gr.Request | None = None):
    return render(progress, drawing, request_language(request))


def choose_lesson(lesson, progress, drawing, request: gr.Request | None = None):
    _, _, answers = _position(progress)
    chosen = lesson if isinstance(lesson, int) else 0
    return render({"lesson": chosen, "step": 0, "answers": answers}, drawing, request_language(request))


def back(progress, drawing, request: gr.Request | None = None):
    return _move(progress, drawing, -1, request)


def forward(progress, drawing, request: gr.Request | None = None):
    return _move(progress, drawing, +1, request)


def _move(progress, drawing, delta: int, request):
    lesson, step, answers = _position(progress)
    step += delta
    if step >= len(lessons()[lesson].steps) and lesson + 1 < len(lessons()):
        lesson, step = lesson + 1, 0
    elif step < 0 and lesson > 0:
        lesson, step = lesson - 1, len(lessons()[lesson - 1].steps) - 1
    return render({"lesson": lesson, "step": step, "answers": answers}, drawing, request_language(request))


def _room_error(error: RoomError, lang: str) -> gr.Error:
    return gr.Error(text(f"room_{error.key}", lang), print_exception=False)


def answer_step(progress, option, joined: str, voter, follow: bool, drawing, request: gr.Request | None = None):
    """Commit a prediction: alone, reveal it; following a room, vote (the reveal waits for the lecturer)."""
    lang = request_language(request)
    lesson, step_index, answers = _position(progress)
    step = lessons()[lesson].steps[step_index]
    if not isinstance(option, int) or isinstance(option, bool) or not 0 <= option < len(step.options[lang]):
        raise gr.Error(text("lesson_pick_first", lang), print_exception=False)
    room = None
    if joined and follow:
        try:
            token = voter.get("token") if isinstance(voter, dict) else None
            ROOMS.vote(joined, token, lesson, step_index, option, len(step.options[lang]), _client(request))
            room = ROOMS.status(joined)
        except RoomError as error:
            raise _room_error(error, lang) from None
    answers = {**answers, f"{lesson}.{step_index}": option}
    return render({"lesson": lesson, "step": step_index, "answers": answers}, drawing, lang, room)


def join_room(code: str, voter, request: gr.Request | None = None):
    """Join a room by its code: (voter state, joined code, status)."""
    lang = request_language(request)
    code = (code or "").strip().upper()[:16]
    try:
        token = ROOMS.join(code, _client(request), voter.get("token") if isinstance(voter, dict) else None)
    except RoomError as error:
        raise _room_error(error, lang) from None
    return {"code": code, "token": token}, code, text("room_joined", lang, code=code)


def sync_room(joined: str, progress, drawing, request: gr.Request | None = None):
    """The room's current step on this page (the page calls it when the room's version changes)."""
    lang = request_language(request)
    try:
        room = ROOMS.status(joined, _client(request))
    except RoomError as error:
        raise _room_error(error, lang) from None
    return render(progress, drawing, lang, room)


def _client(request: gr.Request | None) -> str:
    """Who is asking, for the limit on wrong room codes (a class behind one address shares it)."""
    return getattr(getattr(request, "client", None), "host", None) or "unknown"


def follow_status(following: bool, request: gr.Request | None = None) -> str:
    return "" if following else text("room_left", request_language(request))


def unlock(key: str, request: gr.Request | None = None):
    lang = request_language(request)
    try:
        ROOMS.check_key(key)
    except RoomError as error:
        raise _room_error(error, lang) from None
    return gr.update(visible=True), gr.Timer(active=True), text("lecturer_unlocked", lang)


def open_room(key: str, request: gr.Request | None = None) -> str:
    try:
        return ROOMS.open(key)
    except RoomError as error:
        raise _room_error(error, request_language(request)) from None


def show_to_class(key: str, room: str, progress, request: gr.Request | None = None) -> None:
    lesson, step, _ = _position(progress)
    _lecturer_call(lambda: ROOMS.go(room, key, lesson, step), room, request)


def reveal_to_class(key: str, room: str, progress, drawing, request: gr.Request | None = None):
    lang = request_language(request)
    state = _lecturer_call(lambda: ROOMS.reveal(room, key), room, request)
    return render(progress, drawing, lang, state)


def _lecturer_call(call, room: str, request):
    lang = request_language(request)
    if not room:
        raise gr.Error(text("room_no_room", lang), print_exception=False)
    try:
        return call()
    except RoomError as error:
        raise _room_error(error, lang) from None


def room_bars(key: str, room: str, drawing, request: gr.Request | None = None) -> str:
    """The room's votes on its current step, for the projector (refreshed every second)."""
    lang = request_language(request)
    if not room:
        return ""
    try:
        ROOMS.check_key(key)
        state = ROOMS.status(room)
        step = lessons()[state["lesson"]].steps[state["step"]]
        counts = ROOMS.counts(room, key, len(step.options[lang]))
    except RoomError as error:
        return text(f"room_{error.key}", lang)
    title = text("lecturer_bars_title", lang, lesson=lessons()[state["lesson"]].title[lang],
                 step=step_label(lessons(), state["lesson"], state["step"], lang),
                 voters=counts["voters"], votes=sum(counts["counts"]))
    answer = right_answer(step, _panel(step, drawing)) if state["revealed"] else None
    return vote_bars(title, step.options[lang], counts["counts"], answer, state["revealed"], lang)


def build(i18n, drawing: gr.State) -> list[OnLoad]:
    """Lay out the tab; returns its first render (the saved step, or lesson 1's first)."""
    gr.Markdown(i18n("lessons_intro"))
    progress = gr.BrowserState({"lesson": 0, "step": 0, "answers": {}}, storage_key="lab-lesson-progress",
                               secret="lab-lesson-progress")
    voter = gr.BrowserState(None, storage_key="lab-lesson-voter", secret="lab-lesson-voter")
    lesson = gr.Dropdown(lesson_choices("en"), value=0, label=i18n("lesson_choice"), elem_id="lesson_choice")
    title = gr.Markdown(elem_id="lesson_heading")
    question = gr.HTML(elem_id="lesson_step")
    options = gr.Radio([], label=i18n("lesson_options"), elem_id="lesson_options")
    with gr.Row():
        back_button = gr.Button(i18n("lesson_back"), elem_id="lesson_back", scale=0, min_width=110)
        check_button = gr.Button(i18n("lesson_check"), variant="primary", elem_id="lesson_check")
        next_button = gr.Button(i18n("lesson_next"), elem_id="lesson_next", scale=0, min_width=140)
        open_button = gr.Button(i18n("lesson_open"), elem_id="lesson_open", scale=0, min_width=240)
    reveal = gr.HTML(elem_id="lesson_reveal")
    with gr.Accordion(i18n("room_box"), open=False, elem_id="room_box"):
        with gr.Row(equal_height=True):
            code = gr.Textbox(label=i18n("room_code"), max_lines=1, max_length=16, elem_id="room_code")
            join_button = gr.Button(i18n("room_join"), elem_id="room_join", scale=0, min_width=120)
            follow = gr.Checkbox(True, label=i18n("room_follow"), elem_id="room_follow")
        status = gr.Markdown(elem_id="room_status")
        joined = gr.Textbox(elem_id="room_joined", elem_classes="hidden-control", max_lines=1, show_label=False)
        sync_button = gr.Button("sync", elem_id="room_sync", elem_classes="hidden-control")
    with gr.Accordion(i18n("lecturer_box"), open=False, elem_id="lecturer_box", elem_classes="lecturer-only"):
        with gr.Row(equal_height=True):
            key = gr.Textbox(label=i18n("lecturer_key"), type="password", max_lines=1, elem_id="lecturer_key")
            unlock_button = gr.Button(i18n("lecturer_unlock"), elem_id="lecturer_unlock", scale=0, min_width=120)
        lecturer_status = gr.Markdown()
        with gr.Column(visible=False, elem_id="lecturer_panel") as lecturer_panel:
            with gr.Row(equal_height=True):
                open_button_room = gr.Button(i18n("lecturer_open_room"), elem_id="lecturer_open_room")
                room = gr.Textbox(label=i18n("lecturer_room"), interactive=False, max_lines=1, elem_id="lecturer_room")
            with gr.Row():
                go_button = gr.Button(i18n("lecturer_go"), variant="primary", elem_id="lecturer_go")
                reveal_button = gr.Button(i18n("lecturer_reveal"), elem_id="lecturer_reveal")
            bars = gr.HTML(elem_id="lecturer_bars")
            timer = gr.Timer(1.0, active=False)
    step_outputs = [lesson, title, question, options, reveal, progress]
    lesson.input(choose_lesson, [lesson, progress, drawing], step_outputs)
    back_button.click(back, [progress, drawing], step_outputs)
    next_button.click(forward, [progress, drawing], step_outputs)
    check_button.click(answer_step, [progress, options, joined, voter, follow, drawing], step_outputs)
    open_button.click(None, None, None, js=OPEN_TAB_JS)
    join_button.click(join_room, [code, voter], [voter, joined, status]).success(
        sync_room, [joined, progress, drawing], step_outputs)
    code.submit(join_room, [code, voter], [voter, joined, status]).success(sync_room, [joined, progress, drawing], step_outputs)
    sync_button.click(sync_room, [joined, progress, drawing], step_outputs, show_progress="hidden")
    follow.input(follow_status, follow, status)
    unlock_button.click(unlock, key, [lecturer_panel, timer, lecturer_status])
    open_button_room.click(open_room, key, room)
    go_button.click(show_to_class, [key, room, progress], None)
    reveal_button.click(reveal_to_class, [key, room, progress, drawing], step_outputs)
    timer.tick(room_bars, [key, room, drawing], bars, show_progress="hidden")
    return [OnLoad(show_lesson, [progress, drawing], step_outputs)]


if __name__ == "__main__":
    from demo.app import launch_alone
    launch_alone(build)
