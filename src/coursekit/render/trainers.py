"""The parts of the facilitator guide about people: the room, distress, and the co-trainer.

The wording is fixed here so every course says it the same careful way: person-first, trauma
informed, no clinical advice, and a co-trainer with lived experience paid as a trainer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..plan import CoursePlan
from . import runsheet, word

if TYPE_CHECKING:
    from ..timeline import Timeline

ROOM = (
    "Step-free access, with accessible toilets nearby.",
    "Space to move chairs into pairs and small groups, and tables for writing.",
    "A quiet room or corner nearby where anyone can take time out.",
    "Drinking water, and refreshments at the breaks.",
    "Somewhere to show slides that everyone can see, and a clock in view.",
)
BEFORE = (
    (
        "Agree who the named person is: someone, not the trainer leading at that moment, who can step "
        "out to check in with a person. Write their name here: ______________________"
    ),
    (
        "At the start, tell the group they can step out at any time without explaining, that nobody "
        "has to share their own story, and where the quiet space is."
    ),
    "Read each content note aloud before the material it is about, and offer the alternative.",
)
STEPS = (
    (
        "Pause. Slow down or stop the activity. You can call a short break for everyone, so no one is "
        "singled out."
    ),
    (
        "Offer a choice, quietly: to stay, to take a break, or to step out to the quiet space, with "
        "company or alone. Respect what the person chooses, and do not ask them to explain."
    ),
    (
        "The named person checks in with them in private, listens, and asks what would help. Do not try "
        "to counsel, diagnose or give clinical advice: point to people who can help."
    ),
    "If you believe someone is in immediate danger, call 999.",
    "Welcome them back without fuss if they return, and make sure they know they can leave early.",
)
"""What to do if someone seems distressed, in order; the course's support text comes after the third."""
DEBRIEF_MINUTES = 30
MIN_PREPARATION_MINUTES = 60
PAYMENT = "paid as a trainer, at the same rate as the lead trainer, for preparation and debrief time too"


def distress_protocol(document, plan: CoursePlan) -> None:
    """Write what to do if someone is distressed."""
    document.add_heading("What to do if someone is distressed", level=1)
    document.add_paragraph(
        "Some stories and activities in this course touch on hard experiences. Anyone in the room "
        "may be affected, the trainers included, and nobody needs to say why."
    )
    document.add_heading("Before the session", level=2)
    word.bullets(document, BEFORE)
    document.add_heading("If someone seems distressed", level=2)
    word.numbered(
        document,
        (
            *STEPS[:3],
            f"Signpost support, as the course tells participants: {plan.audience.support}",
            *STEPS[3:],
        ),
    )
    document.add_heading("Afterwards", level=2)
    word.bullets(
        document,
        [
            "Check in with the person before they leave, or the next day if they agree.",
            "Keep what they shared private: do not bring it back to the group.",
            "Trainers debrief together, and look after themselves too.",
        ],
    )


def co_trainer_briefing(document, plan: CoursePlan, timeline: Timeline | None = None) -> None:
    """Write the briefing for the co-trainer with lived experience."""
    document.add_heading("Briefing for the co-trainer with lived experience", level=1)
    document.add_paragraph(
        "For the co-trainer, and for the lead trainer to go through together before the session. "
        "You are a trainer on this course: your knowledge from lived experience is expertise the "
        "course depends on. You never have to share your own story, and you can change your mind "
        "on the day."
    )
    led = _led_blocks(plan, timeline)
    document.add_heading("What you lead", level=2)
    if led:
        word.table(document, ["Block", "Module", "Minutes"], led)
    else:
        document.add_paragraph(
            "No block is set for you to lead. Agree with the lead trainer which "
            "blocks you would like to lead."
        )
    document.add_paragraph(
        'Blocks marked "Either trainer" in the run-sheet are yours to share: agree who takes each one.'
    )
    led_minutes = sum(int(row[2]) for row in led)
    preparation = max(MIN_PREPARATION_MINUTES, led_minutes)
    document.add_heading("Preparation", level=2)
    document.add_paragraph(
        f"Paid preparation time of at least {word.minutes(preparation)}, agreed before the session: "
        "to read this guide and the handout, to go through the blocks you lead with the lead trainer, "
        "and to agree a signal for asking for a pause or swapping over."
    )
    document.add_heading("Debrief after", level=2)
    document.add_paragraph(
        f"A debrief with the lead trainer straight after the session, about {DEBRIEF_MINUTES} minutes: "
        "what went well, anything that was hard, what to change next time, and what support you "
        "would like."
    )
    document.add_heading("Payment", level=2)
    document.add_paragraph(
        f"You are {PAYMENT}. Travel and any care costs are paid on top, in advance if you need. "
        "Agree how and when you will be paid before the session. If you get benefits, you are "
        "offered a choice about how you are paid, and pointed to independent welfare-rights advice "
        "before you agree."
    )


def _led_blocks(plan: CoursePlan, timeline: Timeline | None) -> list[list[str]]:
    titles = {v.id: f"Module {v.number}: {v.title}" for v in plan.modules}
    if timeline is not None:
        return [
            [b.title, titles.get(b.module_id, ""), str(b.minutes)]
            for part in timeline.parts
            for b in part.blocks
            if runsheet.led_by_co_trainer(plan, b)
        ]
    return [
        [a.title, titles[v.id], str(a.minutes)]
        for v in plan.modules
        for a in v.activities
        if a.led_by == "co-trainer"
    ]
