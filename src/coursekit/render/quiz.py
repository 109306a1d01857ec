"""Knowledge-check questions as accessible HTML forms (made interactive by coursekit.js).

The markup is plain HTML with `markdown="span"` (md_in_html) so that glossary tooltips and
emphasis still apply inside questions. Without JavaScript, a details block shows the answers.
Feedback and answers carry `data-search-exclude`, so site search never gives the answers away.
Options are shown in an order fixed by the question's id, so the right answer is not always in
the same place, and every build shows the same order.
"""

from __future__ import annotations

import hashlib

from ..schema import Option, Question
from .templates import render_template


def question_html(course_id: str, module_slug: str, number: int, question: Question) -> str:
    """Return one question as an HTML form."""
    return render_template(
        "quiz.html",
        base=f"q-{module_slug}-{question.id}",
        course=course_id,
        module=module_slug,
        number=number,
        question=question,
        options=shown_order(question),
    ).strip()


def shown_order(question: Question) -> tuple[Option, ...]:
    """Return the options in the order learners see them: a stable shuffle keyed on the question id."""

    def key(indexed: tuple[int, Option]) -> str:
        return hashlib.sha256(f"{question.id}:{indexed[0]}".encode()).hexdigest()

    return tuple(option for _, option in sorted(enumerate(question.options), key=key))


def lettered(question: Question) -> list[tuple[str, Option]]:
    """The options in the order learners see them, lettered A, B, C... (slides and paper alike)."""
    return list(zip("ABCDEF", shown_order(question), strict=False))
