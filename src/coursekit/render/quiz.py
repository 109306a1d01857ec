"""Knowledge-check questions as accessible HTML forms (made interactive by coursekit.js).

The markup is plain HTML with `markdown="span"` (md_in_html) so that glossary tooltips and
emphasis still apply inside questions. Without JavaScript, a details block shows the answers.
Feedback and answers carry `data-search-exclude`, so site search never gives the answers away.
"""

from __future__ import annotations

import html

from ..schema import Question


def question_html(course_id: str, module_slug: str, number: int, question: Question) -> str:
    """Return one question as an HTML form."""
    base = f"q-{module_slug}-{question.id}"
    options = "\n".join(_option(base, index, option) for index, option in enumerate(question.options))
    feedback = "\n".join(
        f'<div class="ck-option-feedback" data-option="{index}" data-correct="{str(o.correct).lower()}" '
        f'hidden data-search-exclude="true" markdown="span">{_text(o.feedback)}</div>'
        for index, o in enumerate(question.options))
    answers = "\n".join(
        f'<li markdown="span">{_text(o.text)}: {"right" if o.correct else "not right"}. {_text(o.feedback)}</li>'
        for o in question.options)
    return f"""<form class="ck-quiz" id="{base}" data-course="{course_id}" data-module="{module_slug}" data-question="{question.id}" markdown="block">
<fieldset markdown="block">
<legend markdown="span">Question {number}: {_text(question.prompt)}</legend>
{options}
</fieldset>
<button type="submit" class="md-button ck-check">Check my answer</button>
<div class="ck-result" role="status" aria-live="polite"></div>
{feedback}
<noscript data-search-exclude="true"><details><summary>Show the answers</summary><ul markdown="block">
{answers}
</ul></details></noscript>
</form>"""


def _option(base: str, index: int, option) -> str:
    ident = f"{base}-{index}"
    return (f'<p class="ck-option" markdown="span"><input type="radio" name="{base}" id="{ident}" value="{index}"> '
            f'<label for="{ident}">{_text(option.text)}</label></p>')


def _text(text: str) -> str:
    return html.escape(" ".join(text.split()), quote=False)
