"""Lessons and lecture rooms: the lesson files are whole in both languages and every reveal fills from its
panel; a student alone predicts then sees the reveal; a room counts one vote per browser, refuses forged,
replayed, flooded and keyless calls without changing a count, and moves its students to the lecturer's step."""
import gradio as gr
import pytest

from demo import lesson_book
from demo.i18n import LANGUAGES
from demo.rooms import MAX_MISSES, VOTES_PER_MINUTE, Rooms, RoomError
from demo.tabs import lessons as tab
from lab.api import lessons as model

KEY = "a-lecturer-key-for-tests"


@pytest.fixture
def lecturer(monkeypatch):
    monkeypatch.setenv("LAB_LECTURER_KEY", KEY)
    rooms = Rooms()
    monkeypatch.setattr(tab, "ROOMS", rooms)
    return rooms


def test_every_lesson_file_is_whole_and_in_the_lectures_order():
    found = [problem for lesson in lesson_book.lessons() for problem in lesson_book.problems(lesson)]
    assert found == []
    assert len(lesson_book.lessons()) == 8
    assert lesson_book.step_count("en") == lesson_book.step_count("es") >= 30
    assert [lesson.name for lesson in lesson_book.lessons()][:2] == ["unsupervised", "three_kinds"]


@pytest.mark.slow
def test_every_reveal_fills_from_its_panel_in_both_languages():
    # The why's {numbers} exist in its panel's facts, and the right option is a real option.
    for lesson in lesson_book.lessons():
        for step in lesson.steps:
            panel = model.panel(step.panel) if step.panel else None
            answer = tab.right_answer(step, panel)
            for lang in LANGUAGES:
                assert 0 <= answer < len(step.options[lang])
                assert "{" not in lesson_book.reveal_text(step, panel["facts"] if panel else {}, lang)


def test_a_step_asks_before_it_reveals_and_remembers_the_answer():
    _, heading, question, options, reveal, progress = tab.show_lesson(None, None)
    assert "Lesson 1" in heading and "k-means" in question and reveal == ""
    assert options["value"] is None and len(options["choices"]) == 3
    with pytest.raises(gr.Error):   # no prediction, no reveal
        tab.answer_step(progress, None, "", None, True, None)
    *_, reveal, progress = tab.answer_step(progress, 2, "", None, True, None)
    assert "The lab says" in reveal or "Right" in reveal or "chose" in reveal
    assert progress["answers"] == {"0.0": 2}
    again = tab.show_lesson(progress, None)   # a reload: the reveal is back, with the choice
    assert again[4] == reveal and again[3]["value"] == 2


def test_moving_past_a_lessons_tickets_opens_the_next_lesson():
    progress = {"lesson": 0, "step": len(lesson_book.lessons()[0].steps) - 1, "answers": {}}
    assert "Exit ticket 2 of 2" in tab.show_lesson(progress, None)[1]
    assert tab.forward(progress, None)[5] == {"lesson": 1, "step": 0, "answers": {}}
    assert tab.back({"lesson": 1, "step": 0}, None)[5]["lesson"] == 0


def test_tampered_progress_opens_a_real_step():
    for progress in ({"lesson": 99, "step": -4}, {"lesson": "x", "answers": "y"}, ["not", "a dict"], 7):
        lesson, step, answers = tab._position(progress)
        assert 0 <= lesson < 8 and 0 <= step < len(lesson_book.lessons()[lesson].steps) and answers == {}


def test_a_room_counts_one_vote_per_browser_and_changes_until_the_reveal(lecturer):
    code = lecturer.open(KEY)
    tokens = [lecturer.join(code, f"10.0.0.{i}") for i in range(5)]
    lecturer.go(code, KEY, 1, 2)
    for token, option in zip(tokens, [0, 1, 1, 2, 1]):
        lecturer.vote(code, token, 1, 2, option, 3)
    lecturer.vote(code, tokens[0], 1, 2, 1, 3)   # a change of mind replaces the vote
    lecturer.vote(code, tokens[0], 1, 2, 1, 3)   # a replay counts once
    assert lecturer.counts(code, KEY, 3)["counts"] == [0, 4, 1]
    assert lecturer.join(code, "10.0.0.0", tokens[0]) == tokens[0]   # a reload keeps its token
    lecturer.reveal(code, KEY)
    with pytest.raises(RoomError, match="revealed"):
        lecturer.vote(code, tokens[1], 1, 2, 0, 3)
    assert lecturer.counts(code, KEY, 3)["counts"] == [0, 4, 1]


@pytest.mark.parametrize("call, refusal", [
    (lambda rooms, code, token: rooms.vote(code, token.replace(token[-4:], "0000"), 0, 0, 1, 3), "not_joined"),
    (lambda rooms, code, token: rooms.vote(code, "forged.voter.signature", 0, 0, 1, 3), "not_joined"),
    (lambda rooms, code, token: rooms.vote("ZZZZZZ", token, 0, 0, 1, 3), "unknown_room"),
    (lambda rooms, code, token: rooms.vote(rooms.open(KEY), token, 0, 0, 1, 3), "not_joined"),   # another room
    (lambda rooms, code, token: rooms.vote(code, token, 0, 1, 1, 3), "other_step"),
    (lambda rooms, code, token: rooms.vote(code, token, 0, 0, 7, 3), "bad_option"),
    (lambda rooms, code, token: rooms.vote(code, token, 0, 0, -1, 3), "bad_option"),
    (lambda rooms, code, token: rooms.vote(code, token, 0, 0, True, 3), "bad_option"),
    (lambda rooms, code, token: rooms.go(code, None, 3, 0), "wrong_key"),
    (lambda rooms, code, token: rooms.go(code, KEY + "x", 3, 0), "wrong_key"),
    (lambda rooms, code, token: rooms.reveal(code, ""), "wrong_key"),
    (lambda rooms, code, token: rooms.counts(code, ["list"], 3), "wrong_key"),
    (lambda rooms, code, token: rooms.open("guess"), "wrong_key"),
])
def test_bad_room_calls_are_refused_and_change_nothing(lecturer, call, refusal):
    code = lecturer.open(KEY)
    token = lecturer.join(code, "10.0.0.1")
    lecturer.vote(code, token, 0, 0, 2, 3)
    before = lecturer.counts(code, KEY, 3)
    with pytest.raises(RoomError) as refused:
        call(lecturer, code, token)
    assert refused.value.key == refusal
    assert lecturer.counts(code, KEY, 3) == before


def test_without_a_configured_key_no_lecturer_call_works(monkeypatch):
    monkeypatch.delenv("LAB_LECTURER_KEY", raising=False)
    with pytest.raises(RoomError, match="lecture_off"):
        Rooms().open("")


def test_guessing_room_codes_and_flooding_votes_are_cut_off(lecturer):
    code = lecturer.open(KEY)
    for _ in range(MAX_MISSES):
        with pytest.raises(RoomError, match="unknown_room"):
            lecturer.join("AAAAAA", "10.9.9.9")
    with pytest.raises(RoomError, match="too_many_tries"):   # even the right code, for a minute
        lecturer.join(code, "10.9.9.9")
    token = lecturer.join(code, "10.0.0.2")
    for i in range(VOTES_PER_MINUTE):
        lecturer.vote(code, token, 0, 0, i % 2, 2)
    with pytest.raises(RoomError, match="too_fast"):
        lecturer.vote(code, token, 0, 0, 0, 2)
    assert sum(lecturer.counts(code, KEY, 2)["counts"]) == 1


def test_a_following_student_lands_on_the_lecturers_step_and_sees_the_reveal_only_then(lecturer):
    code = tab.open_room(KEY)
    voter, joined, _ = tab.join_room(code.lower(), None)
    tab.show_to_class(KEY, code, {"lesson": 3, "step": 1})
    _, heading, _, _, reveal, progress = tab.sync_room(joined, None, None)
    assert "Lesson 4" in heading and "Step 2" in heading and "lecturer" in reveal
    *_, reveal, progress = tab.answer_step(progress, 1, joined, voter, True, None)
    assert "Your answer is in" in reveal
    tab.reveal_to_class(KEY, code, {"lesson": 3, "step": 1}, None)
    assert "lesson-reveal" in tab.sync_room(joined, progress, None)[4]
    assert "1 answered" in tab.room_bars(KEY, code, None)
    assert "wrong" in tab.room_bars("nope", code, None)
    with pytest.raises(gr.Error):
        tab.open_room("nope")
