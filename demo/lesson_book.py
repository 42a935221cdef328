"""The lessons, read from demo/lessons/*.toml (one file per lesson, in the lecture's order by its number).

A lesson has a title and steps, then two exit tickets; each has a question with 2 to 4 options, and a why.
A step also names its panel (lab/lesson_panels.py), the tab where it is explored and, optionally, the data
set. The right option is the step's `answer`, or, when the file leaves it out, the one the panel's live
models give. Every text is in English and Spanish; a reveal's {name} prints the panel's number of that name,
in the reader's way (demo.i18n.number).
"""
from __future__ import annotations

import functools
import string
import tomllib
from dataclasses import dataclass
from pathlib import Path

from demo.i18n import LANGUAGES, fill

LESSON_DIR = Path(__file__).resolve().parent / "lessons"


@dataclass(frozen=True)
class Step:
    question: dict
    options: dict
    why: dict
    answer: int | None        # None: the panel's live answer
    panel: str | None = None  # exit tickets have none
    tab: str | None = None
    dataset: str | None = None
    ticket: bool = False


@dataclass(frozen=True)
class Lesson:
    name: str
    title: dict
    steps: tuple[Step, ...]   # the steps, then the exit tickets

    @property
    def tickets(self) -> tuple[Step, ...]:
        return tuple(step for step in self.steps if step.ticket)


def _step(entry: dict, ticket: bool) -> Step:
    return Step(question=entry["question"], options=entry["options"], why=entry["why"], answer=entry.get("answer"),
                panel=entry.get("panel"), tab=entry.get("tab"), dataset=entry.get("dataset"), ticket=ticket)


def read_lesson(path: Path) -> Lesson:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    steps = [_step(entry, False) for entry in data["steps"]] + [_step(entry, True) for entry in data["tickets"]]
    return Lesson(path.stem.split("_", 1)[1], data["title"], tuple(steps))


@functools.cache
def lessons() -> tuple[Lesson, ...]:
    paths = sorted(LESSON_DIR.glob("*.toml"), key=lambda path: int(path.stem.split("_", 1)[0]))
    return tuple(read_lesson(path) for path in paths)


def step_count(lang: str = "en") -> int:
    """Steps (exit tickets aside) with their question, options and why in `lang`."""
    return sum(1 for lesson in lessons() for step in lesson.steps
               if not step.ticket and all(step_text.get(lang) for step_text in (step.question, step.options, step.why)))


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def reveal_text(step: Step, facts: dict, lang: str) -> str:
    return fill(step.why[lang], lang, **facts)


def problems(lesson: Lesson) -> list[str]:
    """What is wrong with a lesson file, in words (empty when nothing): the tests read this."""
    found = []
    if not 3 <= sum(not step.ticket for step in lesson.steps) <= 6 or len(lesson.tickets) != 2:
        found.append(f"{lesson.name}: 3 to 6 steps and 2 exit tickets")
    for number, step in enumerate(lesson.steps, 1):
        where = f"{lesson.name} step {number}"
        for lang in LANGUAGES:
            if not (step.question.get(lang) and step.why.get(lang) and lesson.title.get(lang)):
                found.append(f"{where}: no {lang} text")
        counts = {len(step.options.get(lang, [])) for lang in LANGUAGES}
        if len(counts) != 1 or not 2 <= counts.pop() <= 4:
            found.append(f"{where}: 2 to 4 options, as many in each language")
        if fields(step.why["en"]) != fields(step.why.get("es", "")):
            found.append(f"{where}: the why's numbers differ between languages")
        if step.ticket and (step.answer is None or step.panel):
            found.append(f"{where}: an exit ticket has a fixed answer and no panel")
        if not step.ticket and not (step.panel and step.tab):
            found.append(f"{where}: a step names its panel and its tab")
    return found
