"""The certificate page: a printable, self-declared certificate of completion. Pure: returns text.

coursekit.js decides in the browser whether the learner has finished (every module read, every
knowledge-check question answered correctly); until then the page says what is left.
"""

from __future__ import annotations

import html

from ..plan import CoursePlan
from .pages import Page

SELF_DECLARED = (
    "This certificate is self-declared: the learner worked through the course on their own "
    "device and typed their own name. Nobody checked it. It is a record of learning only if "
    "the learner's organisation also holds a record of this course in its learning "
    "management system (LMS)."
)


def certificate_page(plan: CoursePlan) -> Page:
    """Return the certificate page of one course."""
    esc = html.escape
    todo = "\n".join(
        f'<li data-module="{esc(v.slug)}" data-questions="{len(v.questions)}"><a href="{esc(v.slug)}.html">'
        f'{v.number}. {esc(v.title)}</a><span class="ck-cert-need"></span></li>'
        for v in plan.modules
    )
    text = f"""# Your certificate

When you have read every module and answered every knowledge-check question correctly, you can
print a certificate of completion here, or save it as a PDF.

<div class="ck-certificate" data-course="{esc(plan.id)}">
<p class="ck-cert-status" role="status">Your certificate is offered when you have finished the course. This page needs JavaScript turned on to check.</p>
<ul class="ck-cert-todo" hidden>
{todo}
</ul>
<form class="ck-cert-form" hidden>
<p><label for="ck-cert-name">Your name, as you want it on the certificate</label><br>
<input id="ck-cert-name" name="name" type="text" autocomplete="name" maxlength="80" required aria-describedby="ck-cert-name-note"></p>
<p id="ck-cert-name-note" class="ck-cert-hint">Your name stays in this web browser on this device. It is not sent anywhere.</p>
<p><button type="submit" class="md-button md-button--primary">Show my certificate</button></p>
</form>
{_certificate(plan)}
</div>
"""
    front_matter = "---\nsearch:\n  exclude: true\n---\n\n"
    return Page("certificate.md", "Your certificate", front_matter + text)


def _certificate(plan: CoursePlan) -> str:
    esc = html.escape
    outcomes = "\n".join(
        f'<li><span class="ck-cert-module">{v.number}. {esc(v.title)}:</span> '
        + " ".join(esc(" ".join(o.text.split())) for o in v.outcomes)
        + "</li>"
        for v in plan.modules
        if v.outcomes
    )
    edition = f"{plan.build_date.day} {plan.build_date:%B %Y} (coursekit {esc(plan.version)})"
    return f"""<section class="ck-cert" aria-labelledby="ck-cert-title" hidden>
<p class="ck-cert-kicker">Certificate of completion</p>
<h2 id="ck-cert-title" tabindex="-1">{esc(plan.audience.course_title)}</h2>
<p class="ck-cert-who"><span class="ck-cert-name"></span> completed this course on <span class="ck-cert-date"></span>.</p>
<p class="ck-cert-facts">Edition: <span class="ck-cert-edition">{edition}</span>. {_minutes(plan.total_minutes)} of learning, in {len(plan.modules)} modules.</p>
<h3>What this course covered</h3>
<ul class="ck-cert-outcomes">
{outcomes}
</ul>
<p class="ck-cert-note">{SELF_DECLARED}</p>
<p class="ck-cert-actions"><button type="button" class="md-button ck-cert-print">Print or save as PDF</button></p>
</section>"""


def _minutes(total: int) -> str:
    hours, minutes = divmod(total, 60)
    parts = [f"{hours} hour{'s' if hours != 1 else ''}"] if hours else []
    parts += [f"{minutes} minute{'s' if minutes != 1 else ''}"] if minutes or not hours else []
    return " ".join(parts)
