"""A lesson step as HTML: its question with the panel's pictures, and its reveal (the lab's answer, the why,
the pictures kept for it); and a room's votes as bars a projector shows. Plain strings from plain values.

Pictures are small PNGs inside the HTML (a 28x28 digit is a few hundred bytes), scaled up without blurring by
the browser: one output per step instead of one file per picture, so 60 students moving at once cost the
server a string copy each.
"""
from __future__ import annotations

import base64
import functools
import html
import io

import numpy as np
from PIL import Image

from demo.i18n import text
from demo.lesson_book import Lesson, Step, reveal_text

CSS = """
#lesson_step, #lesson_reveal { font-size: 1.05rem; }
.lesson-pictures { display: flex; flex-wrap: wrap; gap: 10px; margin: 8px 0; }
.lesson-pictures figure { margin: 0; text-align: center; }
.lesson-pictures img { width: 96px; height: 96px; image-rendering: pixelated; border-radius: 4px; }
.lesson-pictures figcaption { font-size: 0.85rem; max-width: 110px; }
.lesson-reveal { border-left: 4px solid var(--color-accent); padding: 4px 12px; }
#lecturer_bars { color: #000; background: #fff; padding: 12px; }
#lecturer_bars, #lecturer_bars * { font-size: 1.6rem !important; line-height: 1.4; }
.vote-row { display: grid; grid-template-columns: minmax(8em, 40%) 1fr 3em; gap: 12px; align-items: center;
            margin: 6px 0; }
.vote-bar { background: #1d4ed8; height: 1.4em; min-width: 2px; }
.vote-right .vote-bar { background: #047857; }
.vote-count { font-weight: 700; text-align: right; }
.hidden-control { display: none !important; }
#lecturer_room input { font-size: 2.4rem !important; letter-spacing: 0.2em; font-weight: 700; }
"""


@functools.lru_cache(maxsize=512)
def _png(pixels: bytes, shape: tuple) -> str:
    buffer = io.BytesIO()
    Image.fromarray(np.frombuffer(pixels, np.uint8).reshape(shape), mode="L").save(buffer, format="PNG")
    return base64.b64encode(buffer.getvalue()).decode()


def pictures(items: list, lang: str) -> str:
    """(image in [0, 1], caption_en, caption_es) items as a row of captioned pictures."""
    if not items:
        return ""
    figures = []
    for image, caption_en, caption_es in items:
        pixels = (np.clip(np.asarray(image, np.float32), 0, 1) * 255).round().astype(np.uint8)
        caption = html.escape(caption_es if lang == "es" else caption_en)
        figures.append(f'<figure><img alt="{caption}" src="data:image/png;base64,{_png(pixels.tobytes(), pixels.shape)}">'
                       f"<figcaption>{caption}</figcaption></figure>")
    return f'<div class="lesson-pictures">{"".join(figures)}</div>'


def step_label(lessons: tuple[Lesson, ...], lesson: int, step: int, lang: str) -> str:
    """'Step 2 of 4', or 'Exit ticket 1 of 2'."""
    steps = sum(not s.ticket for s in lessons[lesson].steps)
    if lessons[lesson].steps[step].ticket:
        return text("lesson_ticket", lang, ticket=step - steps + 1)
    return text("lesson_step", lang, step=step + 1, steps=steps)


def heading(lessons: tuple[Lesson, ...], lesson: int, step: int, lang: str) -> str:
    title = text("lesson_title", lang, number=lesson + 1, title=lessons[lesson].title[lang])
    return f"### {title} · {step_label(lessons, lesson, step, lang)}"


def question_html(step: Step, panel: dict | None, lang: str) -> str:
    shown = pictures(panel["shown"], lang) if panel else ""
    opens = (f'<span class="lesson-opens" data-tab="{html.escape(step.tab)}" '
             f'data-dataset="{html.escape(step.dataset or "")}" hidden></span>') if step.tab else ""
    return f"<p><strong>{html.escape(step.question[lang])}</strong></p>{shown}{opens}"


def right_answer(step: Step, panel: dict | None) -> int:
    return step.answer if step.answer is not None else int(panel["answer"])


def reveal_html(step: Step, panel: dict | None, chosen: int | None, lang: str) -> str:
    """The reveal: right or wrong (when the student chose), the lab's answer, why, and the revealed pictures."""
    answer = right_answer(step, panel)
    options = step.options[lang]
    if chosen is None:
        verdict = text("lesson_answer", lang, answer=options[answer])
    elif chosen == answer:
        verdict = text("lesson_right", lang, answer=options[answer])
    else:
        verdict = text("lesson_wrong", lang, chosen=options[chosen], answer=options[answer])
    why = reveal_text(step, panel["facts"] if panel else {}, lang)
    revealed = pictures(panel["revealed"], lang) if panel else ""
    return (f'<div class="lesson-reveal"><p>{_bold(verdict)}</p><p>{html.escape(why)}</p>{revealed}</div>')


def _bold(markdown: str) -> str:
    """The verdict's **answer** and *choice* as HTML (everything else escaped)."""
    escaped = html.escape(markdown)
    parts = escaped.split("**")
    escaped = "".join(f"<strong>{part}</strong>" if i % 2 else part for i, part in enumerate(parts))
    parts = escaped.split("*")
    return "".join(f"<em>{part}</em>" if i % 2 else part for i, part in enumerate(parts))


def vote_bars(title: str, options: list[str], counts: list[int], answer: int | None, revealed: bool,
              lang: str) -> str:
    """A room's votes for a projector: one large bar per option; the right one marked once revealed."""
    most = max(counts + [1])
    rows = []
    for i, (option, count) in enumerate(zip(options, counts)):
        right = revealed and i == answer
        rows.append(f'<div class="vote-row{" vote-right" if right else ""}"><span>{"✔ " if right else ""}'
                    f'{html.escape(option)}</span><span class="vote-bar" style="width:{100 * count / most:.0f}%">'
                    f'</span><span class="vote-count">{count}</span></div>')
    total = sum(counts)
    footer = ""
    if revealed and answer is not None and total:
        footer = f"<p>{text('lecturer_correct', lang, share=100 * counts[answer] / total)}</p>"
    return f"<p><strong>{html.escape(title)}</strong></p>{''.join(rows)}{footer}"
