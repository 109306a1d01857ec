"""Knowledge checks: a stable, varied order of answers, and escaped text."""

from __future__ import annotations

from collections import Counter

from coursekit.render.quiz import question_html, shown_order
from coursekit.schema import Question


def question(qid: str, prompt: str = "Which is right?") -> Question:
    options = [{"text": f"Option {i}", "correct": i == 0, "feedback": f"Feedback {i}."} for i in range(4)]
    return Question.model_validate({"id": qid, "prompt": prompt, "options": options})


def test_the_order_is_the_same_on_every_build():
    assert shown_order(question("q-one")) == shown_order(question("q-one"))


def test_the_right_answer_moves_between_questions():
    positions = Counter(
        next(i for i, o in enumerate(shown_order(question(f"q-{n}"))) if o.correct) for n in range(40)
    )
    assert len(positions) == 4 and max(positions.values()) < 20


def test_question_text_is_escaped():
    html = question_html("course", "01-intro", 1, question("q-x", prompt="<script>alert(1)</script>?"))
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;?" in html
