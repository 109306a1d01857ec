"""The certificate page: a printable, self-declared certificate of completion. Pure: returns text.

coursekit.js decides in the browser whether the learner has finished (every module read, every
knowledge-check question answered correctly); until then the page says what is left.
"""

from __future__ import annotations

from ..organisation import Brand
from ..plan import CoursePlan
from ..timetext import long_date
from .pages import Page, minutes_on_your_own
from .templates import render_template

SELF_DECLARED = (
    "This certificate is self-declared: the learner worked through the course on their own device and "
    "typed their own name. Nobody checked it. It is a formal record only if the organisation that asked "
    "them to take the course also holds a record of it, for example in its learning management system (LMS)."
)


def certificate_page(plan: CoursePlan, brand: Brand | None = None) -> Page:
    """Return the certificate page of one course, with the organisation's name and edition if it has them."""
    brand = brand or Brand()
    body = render_template(
        "certificate.html",
        course=plan.id,
        title=plan.audience.course_title,
        organisation=None if brand.builtin else brand.name,
        views=plan.modules,
        # The same edition the site's footer and the guide give, so one course shows one date.
        edition=brand.edition.removeprefix("edition ") if brand.edition else edition(plan),
        minutes=minutes_on_your_own(plan),
        self_declared=SELF_DECLARED,
    )
    text = (
        "---\nsearch:\n  exclude: true\n---\n\n# Your certificate\n\n"
        "When you have read every module and answered every knowledge-check question correctly, you can "
        "print a certificate of completion here, or save it as a PDF.\n\n" + body
    )
    return Page("certificate.md", "Your certificate", text)


def edition(plan: CoursePlan) -> str:
    """The course's edition: the date of its newest module, and the coursekit that built it."""
    from .. import __version__

    return f"{long_date(plan.build_date)} (coursekit {__version__})"
