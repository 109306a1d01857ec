"""The evaluation form (.docx), tied to the course's outcomes.

Participants rate their confidence in each outcome before and after, say what worked and what
to change, and make one commitment the trainer follows up at 6 to 8 weeks. The form says how
the trainer will report back what changed ("you said, we did").
"""

from __future__ import annotations

from pathlib import Path

from ..model import BuildSettings
from ..plan import CoursePlan
from . import output, word

SCALE = "1   2   3   4   5"
MAX_OUTCOME_ROWS = 16
"""Past this many outcomes in a sitting, each module is rated once, on its first (main) outcome: a
form of 50 ratings is not filled in at the close, one of 16 rows is, and a row that asks about one
thing can be answered (a row listing four outcomes cannot)."""
FOLLOW_UP_WEEKS = "6 to 8 weeks"


def render(plan: CoursePlan, out: Path, settings: BuildSettings) -> list[Path]:
    """Write the course's evaluation form into its downloads folder and return its path."""
    path = out / plan.id / output("evaluation").main_file(plan.id)
    return [word.save(evaluation_document(plan), path)]


def evaluation_document(plan: CoursePlan):
    """Return the evaluation form as a python-docx Document: one form for each sitting of the course."""
    audience = plan.audience
    document = word.new_document(
        plan, f"{audience.course_title}: evaluation form", f"Evaluation form for {audience.name}"
    )
    document.add_heading(f"{audience.course_title}: evaluation form", level=0)
    document.add_paragraph(
        "Thank you for taking part. This form helps us improve the course. You do not need to "
        "write your name, and you can leave out any question."
    )
    sittings = _sittings(plan)
    follow_up = sittings[1][0] if len(sittings) > 1 else None
    if follow_up:
        document.add_paragraph(
            "The course runs in sittings, and each has its own form: fill it in at the end of that sitting."
        )
    for index, (title, views) in enumerate(sittings):
        level = 1
        if title:
            if index:
                word.page_break(document)
            document.add_heading(f"Form for the sitting: {title}", level=1)
            level = 2
        _confidence(document, views, level)
        document.add_heading("What worked, and what to change", level=level)
        word.writing_space(document, "What worked well for you?", lines=4)
        word.writing_space(document, "What should we change?", lines=4)
        word.writing_space(
            document,
            "Did anything make you feel you had to share more about yourself than you wanted to? If so, "
            "what? (You can leave this blank.)",
            lines=2,
        )
        if index == 0:
            _commitment(document, level, follow_up, audience.commitment, audience.commitment_contact)
        else:
            _commitment_review(document, level)
    _you_said_we_did(document)
    _equality_and_access(document)
    if not audience.commitment_contact:
        _contact_slip(document, follow_up, audience.commitment)
    _follow_up(document, follow_up, list(plan.modules), audience.follow_up)
    return document


def _confidence(document, views: list, level: int) -> None:
    document.add_heading("Your confidence, before and after", level=level)
    document.add_paragraph(
        "For each thing the course set out to help you do, circle how confident you felt before the "
        "session and how confident you feel now: 1 means not at all confident, 5 means very confident."
    )
    if _one_row_a_module(views):
        document.add_paragraph("One row a module, for the main thing it set out to help you do.")
    rows = [[aim, SCALE, SCALE] for aim in _rated(views)]
    word.table(document, ["I can…", "Before", "After"], rows, widths=(11, 3, 3))


def _rated(views: list) -> list[str]:
    """What the form asks about, 'Module 1: describe one benefit': every outcome, or past
    MAX_OUTCOME_ROWS each module's first (main) one. The follow-up asks about the same things."""
    if _one_row_a_module(views):
        return [
            f"Module {v.number}: {v.outcomes[0].short or v.outcomes[0].text}" for v in views if v.outcomes
        ]
    return [f"Module {v.number}: {o.short or o.text}" for v in views for o in v.outcomes]


def _one_row_a_module(views: list) -> bool:
    return sum(len(view.outcomes) for view in views) > MAX_OUTCOME_ROWS


def _sittings(plan: CoursePlan) -> list[tuple[str | None, list]]:
    """The course's modules grouped by the sitting that teaches them (one group, untitled, when one)."""
    parts = plan.audience.parts
    if not parts:
        return [(None, list(plan.modules))]
    return [(part.title, [v for v in plan.modules if v.id in part.modules]) for part in parts]


def _commitment(
    document, level: int, follow_up: str | None, card: str | None = None, strip: bool = False
) -> None:
    document.add_heading("One thing I will do", level=level)
    if card:
        reach = (
            f"tick the contact strip on {card} and hand the strip in, on its own"
            if strip
            else "fill in the slip on the last page and hand it in separately"
        )
        document.add_paragraph(
            f"Your one action goes on {card}, so there is nothing to write here. Keep it: "
            + (
                f"at the follow-up session ({follow_up}) we will ask how it went."
                if follow_up
                else f"in {FOLLOW_UP_WEEKS} we will ask how it went, if you would like that: {reach}, so "
                "this form stays anonymous."
            )
        )
        return
    word.writing_space(document, "Write one thing you will do differently because of this course.", lines=3)
    if follow_up:
        document.add_paragraph(
            f"Keep a copy: at the follow-up session ({follow_up}) we will ask how it went. If you cannot "
            "come, fill in the slip on the last page and hand it in separately, so this form stays anonymous."
        )
        return
    document.add_paragraph(
        f"We will get in touch in {FOLLOW_UP_WEEKS} to ask how it went, if you would like that: fill in the "
        "slip on the last page and hand it in separately, so this form stays anonymous."
    )


def _commitment_review(document, level: int) -> None:
    document.add_heading("The thing you said you would do", level=level)
    for question in FOLLOW_UP_QUESTIONS[:2]:
        word.writing_space(document, question, lines=3)


def _contact_slip(document, follow_up: str | None, card: str | None = None) -> None:
    word.page_break(document)
    document.add_heading("Slip: a way to reach you (optional)", level=1)
    document.add_paragraph(
        "Hand this in on its own, not with your form. It is used only for the follow-up, and then destroyed."
        + (" Fill it in only if you cannot come to the follow-up session." if follow_up else "")
        + (f" Leave it blank if you already handed in a way to reach you with {card}." if card else "")
    )
    word.writing_space(document, "Your name, and the best way to reach you:", lines=2)
    document.add_paragraph("Follow-up date (the trainer fills this in): ____ / ____ / ________")


FOLLOW_UP_QUESTIONS = (
    "Did you do the thing you wrote down? What happened?",
    "What helped you do it, and what got in the way?",
    "Since the course, what have you done differently, or noticed differently?",
    "What support would help you do more?",
)


def _follow_up(document, follow_up: str | None, views: list, own: tuple[str, ...] = ()) -> None:
    word.page_break(document)
    document.add_heading(f"For the trainer: the follow-up at {FOLLOW_UP_WEEKS}", level=1)
    document.add_paragraph(
        (
            f"Ask these at the follow-up session ({follow_up}), and by phone or email of anyone who could "
            "not come and left a way to reach them."
            if follow_up
            else "Ask these by phone, email or at a follow-up session, and only of people who left a way to "
            "reach them."
        )
        + " Anyone paid to take part in the course is paid for their time in the follow-up too."
    )
    for question in FOLLOW_UP_QUESTIONS:
        word.writing_space(document, question, lines=2)
    _practice(document, views, own)
    document.add_paragraph(
        'Then send everyone the "you said, we did" note: what people told you, what you changed, and '
        "what you could not change, with the reason."
    )


def _practice(document, views: list, own: tuple[str, ...] = ()) -> None:
    """What people have done since (Kirkpatrick level 3): the audience's own questions about real
    actions, or else each thing rated in the room asked again as something done, with an example."""
    document.add_heading("What you have put into practice", level=2)
    if own:
        for question in own:
            word.writing_space(document, question, lines=2)
        return
    document.add_paragraph(
        "Read each line out, or send the table. For each, ask whether the person has done it since "
        "the course, and for one example if they have."
    )
    rows = [[aim, "Yes / Not yet / Not for me", ""] for aim in _rated(views)]
    word.table(document, ["Since the course, I have…", "Done?", "One example"], rows, widths=(8, 4, 5))


def _you_said_we_did(document) -> None:
    document.add_heading("You said, we did", level=1)
    document.add_paragraph(
        'The trainers read every form and tell everyone who took part, in a short "you said, we did" '
        "note, what you told us, what we changed because of it, and anything we could not change, "
        "with the reason. They say at the end of the session how the note will reach you, and by when."
    )


def _equality_and_access(document) -> None:
    document.add_heading("Optional: equality and access", level=1)
    document.add_paragraph(
        "This question is optional. You do not have to answer it, and leaving it blank changes "
        "nothing. We use the answers only to make the course easier to take part in."
    )
    word.writing_space(
        document,
        "Did anything make it harder for you to take part today, such as access, "
        "the format, timing or language? What would help next time?",
        lines=4,
    )
