"""The parts of the facilitator guide about people: the room, distress, and the co-trainer.

The wording is fixed here so every course says it the same careful way: person-first, trauma
informed, no clinical advice, and a co-trainer with lived experience paid as a trainer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..plan import CoursePlan
from ..timeline.model import CHECK_IN, CHECK_OUT_UNTIL_NEXT, OWN_CHECK_IN
from . import runsheet, word
from .deck_theme import BODY_POINTS, FONT, SMALLEST_POINTS
from .wordmarkdown import add_markdown

if TYPE_CHECKING:
    from ..timeline import Timeline

ROOM = (
    "Step-free access, with accessible toilets nearby.",
    "Space to move chairs into pairs and small groups, and tables for writing.",
    "A quiet room or corner nearby where anyone can take time out.",
    "Drinking water, and refreshments at the breaks.",
    "Somewhere to show slides that everyone can see, and a clock in view.",
    "A working hearing loop, and a British Sign Language interpreter or live captions for anyone who "
    "asks when they book.",
)
BEFORE = (
    (
        "Agree who today's support person is: someone, not the trainer leading at that moment, who can step "
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
        "Today's support person checks in with them in private, listens, and asks what would help. Do not try "
        "to counsel, diagnose or give clinical advice: point to people who can help."
    ),
    "If you believe someone is in immediate danger, call 999.",
    "Welcome them back without fuss if they return, and make sure they know they can leave early.",
)
"""What to do if someone seems distressed, in order; the course's support text comes after the third."""
GROUND_RULES = (
    "One voice at a time, and every way of taking part counts: speaking, writing, drawing or listening.",
    "Anyone can ask what a word means, at any time: the trainers will explain it, not drop it.",
    "Nobody has to share their own story or experience, and nobody will be asked to.",
    "You can step out at any time without saying why; the quiet space is here, and today's support person "
    "will check in with you if you would like.",
    "We ask everyone to keep what people say about themselves to themselves; we cannot promise that "
    "everyone will, so share only what you are happy for others to know. The trainers keep it private, "
    "with one limit: if we hear that someone may be at risk of serious harm, we may need to tell "
    "someone. If that happens, we will talk to you first where we can.",
    "Phones on silent; take a call outside whenever you need to.",
)
"""Ground rules the check-in proposes; the group adds to them and agrees them."""
WHO_SAYS_THE_LIMIT = (
    "The lead trainer says the last rule, the limit of confidentiality, whoever leads the check-in: "
    "a co-trainer with lived experience is not cast as the one who reports."
)
EXPECTED_ACCESS = (
    "Two weeks before, ask every participant about access needs (hearing, sight, reading, mobility, "
    "a quiet space, breaks, food and drink) and about any support they would like on the day.",
    "Bring some copies of the handout in large print (a reprint at 18 point or more) to every session, "
    "so nobody has to ask, and send the slides beforehand to anyone who would like them. Easy Read "
    "versions have to be made: commission them from an Easy Read writer or a self-advocacy group, "
    "paid, before the first delivery.",
    f"The slides are in {FONT}, body text at {BODY_POINTS} point and nothing below {SMALLEST_POINTS}, in "
    "colours that meet the WCAG contrast minimum; their notes hold everything the trainer says, so send the "
    "deck beforehand to anyone using a screen reader or who would like to read ahead.",
)
ONLINE = (
    "If you run the session online: turn on live captions, send the slides and the handout beforehand, "
    "and give people a way to return sheets and cards by email or an anonymous online form. "
)
ONLINE_SHEET = (
    "The online run-sheet at the end of this guide re-times the course with 10-minute breaks at least "
    "every hour, at module boundaries where it can, and splits a day of more than four hours into two "
    "sittings; extras that no longer fit are left out."
)
ONLINE_ASK = (
    "Ask whoever builds your course materials for the online run-sheet (a session file with "
    "'mode: online'): it is re-timed with 10-minute breaks at least every hour and longer changeovers."
)


def expected_access(has_online_sheet: bool) -> list[str]:
    """What to do about access, whatever the course; the online line points to this guide's online
    run-sheet when it has one."""
    return [*EXPECTED_ACCESS, ONLINE + (ONLINE_SHEET if has_online_sheet else ONLINE_ASK)]


CONSENT_WORDS = {
    "published-public": "retold from a published public story, with credit; the storyteller has not been asked",
    "granted": "consent granted by the storyteller",
    "permission-sought": "permission asked for, not yet given",
    "refused": "consent refused",
    "withdrawn": "consent withdrawn",
}


def consent_status(consent) -> str:
    """A story's consent in words a trainer can act on: its status, what it means, where it may be used."""
    scope = f"{consent.status} ({CONSENT_WORDS[consent.status]}); may be used in {', '.join(consent.covers)}"
    if consent.audiences is not None:
        scope += f", for the audiences {', '.join(consent.audiences)} only"
    # The caller ends the sentence: a purpose's own full stop would double it ('use..').
    return scope + (f"; purpose: {consent.purpose.rstrip('. ')}" if consent.purpose else "")


SAFEGUARDING = (
    "Name the safeguarding lead for the day and how to reach them while the session runs: "
    "______________________. Tell the co-trainer and today's support person."
)
"""Who acts if someone is at risk of serious harm: the one limit of confidentiality the check-in names."""
DEBRIEF_MINUTES = 30
MIN_PREPARATION_MINUTES = 60
PREPARATION_STEP = 30
PLANNING_WITH_LEAD = 60
REHEARSAL_PER_LED_MINUTE = 2
"""Preparation: twice the time they lead (reading, then rehearsing it), plus an hour planning with
the lead trainer, paid in whole half hours."""
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


def room(timeline: Timeline | None) -> list[str]:
    """What the room needs; refreshments come at the breaks, or around a session that has none."""
    if timeline is None or has_breaks(timeline):
        return list(ROOM)
    return [line.replace("at the breaks", "before and after the session") for line in ROOM]


def has_breaks(timeline: Timeline | None) -> bool:
    """Return True if the session has a break or lunch (or is not on the clock)."""
    return timeline is None or timeline.has_breaks


def opening_and_closing(document, plan: CoursePlan) -> None:
    """Write what to say in the welcome, the check-in (the safety set-up) and the check-out."""
    audience = plan.audience
    document.add_heading("Opening and closing the session", level=1)
    document.add_heading("Welcome", level=2)
    word.bullets(
        document,
        [
            "Both trainers introduce themselves as the trainers of this course: the co-trainer brings "
            "knowledge from lived experience, and says only as much about it as they choose.",
            "Say what the session is for, in a sentence, and show the plan on the clock: "
            + ("when the breaks are and when it ends." if has_breaks(plan.timeline) else "when it ends."),
            "Housekeeping: toilets, the quiet space, fire exits, food and drink, and how expenses (and "
            "payment, where people are paid to attend) work and when they are paid.",
        ],
    )
    if audience.check_in:  # the audience's own check-in, such as a board's one sentence
        document.add_heading(OWN_CHECK_IN, level=2)
        document.add_paragraph(audience.check_in)
        word.labelled(document, "Say where support is: ", audience.support)
    else:
        document.add_heading(CHECK_IN, level=2)
        document.add_paragraph(
            "Propose these ground rules, ask the group what to add, and agree them together:"
        )
        word.bullets(document, GROUND_RULES)
        document.add_paragraph(WHO_SAYS_THE_LIMIT)
        word.labelled(document, "Say where support is: ", audience.support)
        document.add_paragraph(
            "Name today's support person, and say that content notes come before any hard material, with a "
            "choice each time. Then a light check-in round: one word for how you arrive today, or pass."
        )
    if _in_sittings(plan):
        _check_out_until_next(document, audience)
    _check_out(document, audience)


def _in_sittings(plan: CoursePlan) -> bool:
    """True if the run-sheet or the online one closes a sitting with a check-out until next time."""
    timelines = [t for t in (plan.timeline, plan.online) if t is not None]
    return any(b.title == CHECK_OUT_UNTIL_NEXT for t in timelines for b in t.blocks)


def _check_out_until_next(document, audience) -> None:
    document.add_heading(CHECK_OUT_UNTIL_NEXT, level=2)
    word.bullets(
        document,
        [
            "Each person says one word about how they are leaving, or passes.",
            "Say when and where the next sitting is, and that it opens with a check-in.",
            f"Say where support is until then: {audience.support}",
            "Collect and sign nothing yet: the evaluation form, any contact slip and the certificates "
            "belong to the end of the last sitting.",
            "Confirm when anyone paid for their time will be paid for this sitting.",
        ],
    )


def _check_out(document, audience) -> None:
    document.add_heading("Check-out: what we take away", level=2)
    own = [p for p in audience.parts or () if p.check_out]
    for part in own:  # a sitting's own close, under its name
        document.add_heading(f"End of the sitting: {part.title}", level=3)
        add_markdown(document, part.check_out)
    if own and len(own) == len(audience.parts):
        return
    if own:
        document.add_heading("End of any other sitting", level=3)
    if audience.check_out:  # the audience's own close replaces the standard steps
        add_markdown(document, audience.check_out)
        return
    commitment = audience.commitment
    word.bullets(
        document,
        [
            (
                "Each person says one word or one sentence about how they are leaving, or passes. Nobody "
                f"is asked for an action out loud: that is what {commitment} is for."
                if commitment
                else "Each person names one thing they will do differently, or passes. Anyone who wrote a "
                "commitment keeps it, and says when they will look at it again."
            ),
            "Hand out the evaluation form, if people do not have it yet, and say what will happen with it: "
            "the trainers will tell the group what they changed because of it (you said, we did), and when.",
            "Remind people where support is, and that the knowledge checks and the course pages stay "
            "on the course site for them.",
            "Give each person their certificate of attendance (the last page of the handout), with their "
            "name and the date filled in and both trainers' signatures: it does not depend on the "
            "knowledge checks.",
            "Thank everyone, and the co-trainer by name if they wish. Confirm when anyone paid for "
            "their time will be paid.",
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
        word.table(document, LED_HEADER if timeline is not None else UNTIMED_HEADER, led)
    else:
        document.add_paragraph(
            "No block is set for you to lead. Agree with the lead trainer which "
            "blocks you would like to lead."
        )
    document.add_paragraph(
        'Blocks marked "Either trainer" in the run-sheet are yours to share: agree who takes each one.'
    )
    led_minutes = sum(int(row[2]) for row in led)
    needed = REHEARSAL_PER_LED_MINUTE * led_minutes + PLANNING_WITH_LEAD
    preparation = max(MIN_PREPARATION_MINUTES, -(-needed // PREPARATION_STEP) * PREPARATION_STEP)
    document.add_heading("Preparation", level=2)
    document.add_paragraph(
        f"Paid preparation time of at least {word.minutes(preparation)}, agreed before the session: "
        "to read this guide and the handout, to go through the blocks you lead with the lead trainer and "
        "rehearse them, to adapt the local details (support contacts, advice routes, examples) together, "
        "and to agree a signal for asking for a pause or swapping over."
    )
    document.add_heading("If you need to stop", level=2)
    document.add_paragraph(
        "You can stop at any point in the session, without giving a reason, and you are paid in full for "
        "the day. Agree beforehand who takes over: the lead trainer runs your blocks from the scripts in "
        "this guide, reading any story rather than telling it, and the group is told only that the plan "
        "has changed. If the course is built around a trainer with lived experience leading, agree too "
        "when to pause the rest of the day or rebook it instead."
    )
    document.add_heading("Debrief after", level=2)
    document.add_paragraph(
        f"A debrief with the lead trainer straight after the session, about {DEBRIEF_MINUTES} minutes: "
        "what went well, anything that was hard, what to change next time, and what support you "
        "would like. After delivery you are offered paid supervision or a place in a peer support group "
        "of co-trainers, if you want it, not only the debrief."
    )
    document.add_heading("Payment", level=2)
    document.add_paragraph(
        f"You are {PAYMENT}. Travel and any care costs are paid on top, in advance if you need. "
        "Agree how and when you will be paid before the session. If you get benefits, you are "
        "offered a choice about how you are paid, and pointed to independent welfare-rights advice "
        "before you agree."
    )


def _led_blocks(plan: CoursePlan, timeline: Timeline | None) -> list[list[str]]:
    return _blocks_led(
        plan,
        timeline,
        lambda block: runsheet.led_by_co_trainer(plan, block),
        lambda activity: activity.led_by in ("co-trainer", "both"),
    )


def _blocks_led(plan: CoursePlan, timeline: Timeline | None, by_block, by_activity) -> list[list[str]]:
    """Rows of what one person leads: from the time line, a crib (time, block, minutes, and what
    comes next when someone else takes over); without one, (block, module, minutes) from the
    activities' roles."""
    if timeline is not None:
        rows = []
        for part in timeline.parts:
            timed = part.times()
            for index, (start, block) in enumerate(timed):
                if by_block(block):
                    following = next((b for _, b in timed[index + 1 :] if b.kind not in IN_BETWEEN), None)
                    rows.append(
                        [f"{start:%H:%M}", block.title, str(block.minutes), _then(plan, following, by_block)]
                    )
        return rows
    titles = {v.id: f"Module {v.number}: {v.title}" for v in plan.modules}
    return [
        [a.title, titles[v.id], str(a.minutes)] for v in plan.modules for a in v.activities if by_activity(a)
    ]


IN_BETWEEN = ("buffer", "changeover")
"""Blocks nobody takes over: spare time and moving on come before whoever leads next."""


def _then(plan: CoursePlan, following, by_block) -> str:
    """What comes after a block someone leads: the end, a pause, or who takes over with what."""
    if following is None:
        return "The end of the sitting"
    if by_block(following):
        return "You go on"
    lead = runsheet.lead_of(plan, following)
    return f"{lead}: {following.title}" if lead else following.title


LED_HEADER = ["Time", "Block", "Minutes", "Then"]
"""The crib of what one person leads, from the time line."""
UNTIMED_HEADER = ["Block", "Module", "Minutes"]


def guest_briefing(document, plan: CoursePlan, timeline: Timeline | None = None) -> None:
    """Write the briefing for the audience's guest, when the course has one."""
    guest = plan.audience.guest
    if guest is None:
        return
    document.add_heading(f"Briefing for the guest: {guest.title}", level=1)
    document.add_paragraph(
        "For the guest, and for the lead trainer to send them with the run-sheet when the booking is "
        "confirmed. The guest is named by role: the organisation books the person."
    )
    add_markdown(document, word.cite(guest.briefing, plan))
    led = _guest_blocks(plan, timeline, guest.title)
    document.add_heading("What the guest leads", level=2)
    if led:
        word.table(document, LED_HEADER if timeline is not None else UNTIMED_HEADER, led)
    else:
        document.add_paragraph("No block in this plan is given to the guest: agree with them what they lead.")


def _guest_blocks(plan: CoursePlan, timeline: Timeline | None, title: str) -> list[list[str]]:
    return _blocks_led(
        plan, timeline, lambda block: block.lead == title, lambda activity: activity.led_by == "guest"
    )
