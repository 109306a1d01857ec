"""Plan the slides of a trainer deck. Pure: plan in, slide descriptions out."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..courselength import course_timeline
from ..organisation import Brand
from ..plan import CoursePlan, ModuleView
from ..readability import prose as plain
from ..readability import units
from ..timeline import Part, Timeline, read_in_activity, story_minutes
from ..timetext import breaks_note, short_duration
from . import word
from .quiz import lettered
from .trainers import GROUND_RULES, WHO_SAYS_THE_LIMIT, consent_status

LAYOUTS = ("Title Slide", "Title and Content", "Section Header")
"""Layouts an organisation's template must have (Office's default names). Slides name the built-in
theme's layouts (deck_theme.KIND_LAYOUTS); on a template without those, each falls back to one of these."""
SLIDE_WORDS = 40
"""The most words of body an activity slide shows; longer instructions go to the handout."""
MAX_BULLETS = 5
MAX_CHARS = 300
"""About 50 words: what the theme's body box holds at 28 pt without shrinking."""


@dataclass(frozen=True)
class Slide:
    """One slide: layout name, unique title, body paragraphs and speaker notes."""

    layout: str
    title: str
    body: tuple[str, ...]
    notes: str
    subtitle: str = ""
    hidden: bool = False
    """An extra the plan leaves out: kept for the trainer, skipped in the slide show."""


def deck_slides(plan: CoursePlan, brand: Brand | None = None) -> list[Slide]:
    """Return every slide of the course deck, titles made unique."""
    audience = plan.audience
    brand = brand or Brand()
    edition = brand.edition or f"edition {plan.build_date}"
    owner = "" if brand.builtin else f"{brand.name} · "
    timed = plan.timeline or course_timeline(plan)
    slides = [
        Slide(
            "Title Slide",
            audience.course_title,
            (),
            _opening_notes(plan, brand),
            subtitle=f"{owner}{audience.name} · {_length(timed)} · {edition}",
        )
    ]
    total = f"Total time in the room: {_length(timed)}, {breaks_note(timed)}, {_spare_time(timed)}."
    cut = "Cut to fit this session: " + "; ".join(timed.cut) if timed.cut else ""
    plan_slides = [
        slide
        for title, rows in plan_rows(plan, timed)
        for slide in _chunked(title, rows, total, "Title and Content")
    ]
    # What was cut is said once, on the first plan slide, not on every one.
    if plan_slides:
        plan_slides[0] = replace(plan_slides[0], notes=_join(total, cut))
    slides += plan_slides
    slides.append(_working_together(audience))
    parts = _part_of_module(timed)
    co_delivery = co_delivery_notes(plan.modules)
    for index, view in enumerate(plan.modules):
        before = parts.get(plan.modules[index - 1].id) if index else None
        if index and parts.get(view.id) != before:
            slides += _between_parts(timed.parts[before], timed.parts[parts[view.id]], audience)
        slides += module_slides(
            view, audience.checks_in_room, timed.planned(), timed, co_delivery.get(view.id)
        )
    slides.append(
        Slide(
            "Closing",
            "Thank you, and what happens next",
            (
                f"Keep {audience.commitment}: we will ask how it went, if you want us to."
                if audience.commitment
                else "Write down one thing you will do differently.",
                "Tell us what to change: we will say what we did with your feedback.",
                audience.support,
            ),
            _join(
                _collect(audience),
                "Remind people where to get support. Make sure any co-trainer or contributor with lived "
                "experience is thanked by name (if they wish) and knows when they will be paid.",
                ""
                if audience.checks_in_room
                else "The knowledge checks are not done in the room: point people to them on the course "
                'site, or to the paper version in the handout ("Check your learning, on paper") for '
                "anyone who would rather use paper.",
            ),
        )
    )
    return _unique_titles(slides)


def _length(timed: Timeline) -> str:
    """The time in the room: '7 h', or for a course in sittings each one's, '4 h + 1 h', since a
    half day and a follow-up weeks later are not one five-hour stretch."""
    if len(timed.parts) < 2:
        return short_duration(timed.minutes)
    return " + ".join(short_duration(part.minutes) for part in timed.parts)


def plan_rows(plan: CoursePlan, timed: Timeline) -> list[tuple[str, list[str]]]:
    """Return the course plan on the clock, a slide title and rows for each part (sitting): its
    start, module blocks, breaks and end, so no slide mixes the end of one sitting with another."""
    titles = {v.id: f"Module {v.number}: {v.title}" for v in plan.modules}
    plans = []
    for part in timed.parts:
        rows = []
        when = f"{part.date:%A %d %B %Y}, " if part.date else ""
        if len(timed.parts) > 1 or part.date:
            rows.append(f"{when}{part.start:%H:%M} to {part.end:%H:%M}")
        for at, label, minutes, moving in _plan_groups(part, titles):
            then = f", then {moving} min to move on" if moving else ""
            rows.append(f"{at:%H:%M} {label} ({short_duration(minutes)}{then})")
        rows[-1] += f", ending at {part.end:%H:%M}"
        plans.append(("Course plan" if len(timed.parts) == 1 else f"Course plan: {part.title}", rows))
    return plans


def _plan_groups(part: Part, titles: dict[str, str]) -> list[tuple]:
    """Group a part's blocks into what a course plan shows: opening, modules, breaks, close."""
    groups: list[list] = []
    timed = part.times()
    for index, (at, block) in enumerate(timed):
        closing = block.kind == "check-out" or (
            block.kind == "buffer" and index + 1 < len(timed) and timed[index + 1][1].kind == "check-out"
        )
        key = (
            "close"
            if closing
            else block.module_id
            or {"welcome": "open", "check-in": "open", "buffer": "spare"}.get(block.kind, block.kind)
        )
        if block.kind == "changeover" and groups:
            groups[-1][4] += block.minutes  # said with the module before, so the rows tile the clock
            continue
        if groups and groups[-1][0] == key and block.kind not in ("break", "lunch"):
            groups[-1][3] += block.minutes
        else:
            groups.append([key, at, block, block.minutes, 0])
    labels = {
        "open": "Welcome and check-in",
        "spare": "Spare time",
        "close": "Spare time and check-out",
        "break": "Break",
        "lunch": "Lunch",
    }
    result, seen = [], set()
    for key, at, block, minutes, moving in groups:
        label = labels.get(key) or titles.get(key, block.title)
        if block.module_id:
            # A module's title is said once; after a break its row is 'Module 2, continued'.
            label = f"{label.partition(':')[0]}, continued" if key in seen else label
            seen.add(key)
        result.append((at, label, minutes, moving))
    return result


def _part_of_module(timed: Timeline) -> dict[str, int]:
    """Which part (sitting) of the plan teaches each module."""
    return {b.module_id: i for i, part in enumerate(timed.parts) for b in part.blocks if b.module_id}


def _sitting_close(ending: Part, audience) -> str:
    """The notes for a sitting's check-out slide: its own script when the audience gives one."""
    if own := audience.own_check_out(ending.title):
        return f"Close this sitting as the guide's check-out says: {plain(own)} Say when and where the next sitting is."
    if audience.check_out:
        return (
            "Close as the guide's check-out for this course says (nobody has to read a commitment "
            "aloud). Say when and where the next sitting is."
        )
    return (
        "Each person names their commitment (or passes) and keeps it: the next sitting opens "
        "with it. Say when and where the next sitting is."
    )


def _between_parts(ending: Part, starting: Part, audience) -> list[Slide]:
    """The check-out that closes one sitting and the welcome back that opens the next."""
    return [
        Slide(
            "Closing",
            f"Check-out: end of {ending.title}",
            ("One thing you will do before we meet again.", audience.support),
            _sitting_close(ending, audience),
        ),
        Slide(
            "Title and Content",
            f"Welcome back: {starting.title}",
            ("What happened to the step you chose?", "How we work together: as before."),
            "Welcome back and check-in. Remind the group of the ground rules and where support is, then "
            "open with what happened to each person's commitment.",
        ),
    ]


def _working_together(audience) -> Slide:
    """The check-in's slide: how the group works today, with the full ground rules in the notes
    (or the audience's own check-in, with only its support on the slide)."""
    if audience.check_in:
        return Slide(
            "Title and Content", "How we work together today", (audience.support,), audience.check_in
        )
    return Slide(
        "Title and Content",
        "How we work together today",
        (
            "Ask what any word means, at any time.",
            "Nobody has to share their own story.",
            "Step out whenever you need to, without saying why.",
            audience.support,
        ),
        "Check-in: propose the ground rules, ask what to add, and agree them. "
        + " ".join(GROUND_RULES)
        + " Name today's support person and show where the quiet space is.\n\n"
        + WHO_SAYS_THE_LIMIT,
    )


def module_slides(
    view: ModuleView,
    checks_in_room: bool = True,
    planned: set[tuple[str, str]] | None = None,
    timed: Timeline | None = None,
    co_delivery: str | None = None,
) -> list[Slide]:
    """Return the slides of one module: its knowledge checks only when they are done in the room, and
    activities the plan leaves out (when a plan is given) as hidden extras. co_delivery is the note
    for the co-trainer as this course gives it (see co_delivery_notes); default: the module's own."""
    n, module = view.number, view.module
    minutes = timed.module_minutes(view.id) if timed is not None else view.minutes
    kept = [a for a in view.activities if planned is None or (view.id, a.id) in planned]
    extras = [a for a in view.activities if a not in kept]
    timings = "; ".join(f"{a.title}: {a.minutes} min" for a in kept) or "none"
    if extras:  # the plan leaves these out: they are not part of the module's time in the room
        timings += ". Extras, only if there is time: " + "; ".join(
            f"{a.title}: {a.minutes} min" for a in extras
        )
    slides = [
        Slide(
            "Section Header",
            f"Module {n}: {module.title}",
            (),
            _join(
                f"Time in the room: {short_duration(minutes)}. Activities: {timings}.",
                f"What the module is about: {module.summary}",
                f"Focus for this audience: {view.focus}",
                f"Co-delivery: {co_delivery or view.co_delivery}" if view.co_delivery else "",
                _local_support(module),
            ),
            subtitle=_join_dot(short_duration(minutes), _first_sentence(module.summary, SUMMARY_WORDS)),
        )
    ]
    for index, note in enumerate(view.content_notes, start=1):
        slides.append(
            Slide(
                "Content Note",
                f"Module {n}: content note {index}",
                (plain(note.about), "Your choice: " + plain(note.choice), "Support: " + plain(note.support)),
                "Read the note aloud, the choice and the support too.",
            )
        )
    slides += _chunked(
        f"Module {n}: what you will be able to do",
        [o.short or o.text for o in view.outcomes],
        _bridge(kept),
        "Teaching Point",
    )
    slides += _key_message_slides(view)
    # The time line has already decided which stories get read-aloud time of their own.
    aloud = (
        {b.item_id for b in timed.blocks if b.kind == "story" and b.module_id == view.id} if timed else None
    )
    slides += [
        _story_slide(view, story, read_in_activity(story, view) if aloud is None else story.id not in aloud)
        for story in view.stories
    ]
    slides += _local_examples(view)
    for index, activity in enumerate(view.activities, start=1):
        extra = planned is not None and (view.id, activity.id) not in planned
        slides += _activity_slides(view, index, activity, extra)
    after = planned is not None and (view.id, "check") not in planned
    for index, question in enumerate(view.questions if checks_in_room else (), start=1):
        shown = lettered(question)
        options = tuple(f"{letter}. {plain(o.text)}" for letter, o in shown)
        answer = next(letter for letter, o in shown if o.correct)
        feedback = " ".join(f"{letter}: {plain(o.feedback)}" for letter, o in shown)
        slides.append(
            Slide(
                "Check",
                f"Module {n} check: question {index}" + (", after the session" if after else ""),
                (plain(question.prompt), *options),
                _join(
                    "Moved to after the session (learners do it on the site): hidden in the slide show."
                    if after
                    else "",
                    f"Right answer: {answer}. Feedback: {feedback}",
                ),
                hidden=after,
            )
        )
    if view.reflection:
        slides += _chunked(
            f"Module {n}: reflection",
            [r.text for r in view.reflection],
            "Give quiet time. Nobody has to share their answers.",
            "Reflection",
        )
    return slides


def _story_slide(view: ModuleView, story, in_activity: bool) -> Slide:
    """A story: its title and credit on the slide, its content note first; the text to read in the notes.

    in_activity: an activity the plan keeps reads it, so it has no time of its own."""
    note = story.content_note
    consent = story.consent
    reading = (
        "Used in the activity that names it: its facilitator notes say whether to read it aloud or "
        "recap it. The text, for reference:"
        if in_activity
        else f"Read it aloud: about {story_minutes(story)} min."
    )
    return Slide(
        "Story",
        f"Module {view.number}: {story.title}",
        tuple(
            piece
            for text in (
                f"Content note: {plain(note.about)} {plain(note.choice)}" if note else "",
                _told_by(story),
            )
            for piece in _pieces(text)
        ),
        _join(
            f"Read the content note first. Support: {plain(note.support)}" if note else "",
            reading,
            plain(story.text),
            f"Credit, in full: {plain(story.attribution)}",
            f"Consent: {consent_status(consent)}. Credit: {consent.attribution_form}",
        ),
    )


def _say(message, view: ModuleView) -> str:
    """A key message's script, with who says it when that is not whoever gives the module's input."""
    who = {"lead": "The lead trainer", "co-trainer": "The co-trainer", "guest": "The guest"}.get(
        view.other_speaker(message) or ""
    )
    return f"{who} says: {plain(message.script)}" if who else f"Say: {plain(message.script)}"


def _collect(audience) -> str:
    """What the trainer collects at the close, and how a way to reach people is handed in."""
    if close := audience.check_out_for():  # the audience's own close, as the guide gives it
        return f"Close the session as the guide's check-out says: {plain(close)}"
    if not audience.commitment:
        return "Close the session: collect commitments and feedback."
    reach = (
        f"collect the contact strip from {audience.commitment} only from those who tick it"
        if audience.commitment_contact
        else "take a copy or a way to reach them only from those who agree to the follow-up"
    )
    return f"Close the session: collect the evaluation forms. People keep {audience.commitment}; {reach}."


def _told_by(story) -> str:
    """The credit on the slide: who told it, short enough to read at 28 point; the full credit line
    (role, publisher, date) is in the notes and the handout. A story told by an organisation keeps
    its full credit."""
    if not story.names:
        return plain(story.attribution)
    return f"Told by {' and '.join(story.names)}. Full credit in the notes and handout."


def _key_message_slides(view: ModuleView) -> list[Slide]:
    """The teaching input: a slide a message with its script in the notes, or one list when unscripted."""
    messages = view.key_messages
    if not any(message.script for message in messages):
        return _chunked(
            f"Module {view.number}: key messages",
            [k.text for k in messages],
            "Key messages, with their sources in the course site's Sources page.",
            "Teaching Point",
        )
    return [
        Slide(
            "Teaching Point",
            f"Module {view.number}: key message {index} of {len(messages)}",
            tuple(_pieces(plain(message.slide or message.text))),
            _join(
                f"The message in full: {plain(message.text)}" if message.slide else "",
                _say(message, view) if message.script else "Make this point in your own words.",
            ),
        )
        for index, message in enumerate(messages, start=1)
    ]


def _activity_slides(view: ModuleView, index: int, activity, extra: bool = False) -> list[Slide]:
    outcomes = {o.id: o.text for o in view.outcomes}
    served = "; ".join(outcomes[o] for o in activity.outcomes if o in outcomes)
    first, *rest = _paragraphs(activity.facilitator_notes)
    notes = _join(
        f"Timing: {activity.minutes} minutes ({activity.type}).",
        f"Facilitator notes: {first}",
        *rest,
        f"Alternative: {plain(activity.alternative)}" if activity.alternative else "",
        "Ways to take part: " + ", ".join(activity.ways_to_contribute) if activity.ways_to_contribute else "",
        "Materials: " + "; ".join(_material_titles(view, activity)) if activity.materials else "",
        f"Serves outcomes: {served}" if served else "",
    )
    title = f"Module {view.number}, activity {index}: {activity.title} ({activity.minutes} min)"
    if extra:
        title += ", optional extra"
        notes = _join("An optional extra the plan leaves out: this slide is hidden in the slide show.", notes)
    instructions = plain(activity.instructions)
    if not activity.slide and len(instructions.split()) <= SLIDE_WORDS:
        return [Slide("Activity", title, (instructions,), notes, hidden=extra)]
    # A slide holds the task in a line; the full instructions are in the handout and the notes.
    task = plain(activity.slide) if activity.slide else _first_sentence(instructions)
    body = (
        *([task] if task else []),
        f"Full instructions: handout, module {view.number}, {activity.title}.",
    )
    return [Slide("Activity", title, body, _join(f"Instructions: {instructions}", notes), hidden=extra)]


def _first_sentence(text: str, words: int = SLIDE_WORDS) -> str:
    """The text's first sentence when it has at most `words` words; never a sentence cut short."""
    match = re.match(r"(.+?[.!?])(\s|$)", text)
    sentence = match[1] if match else text
    return sentence if len(sentence.split()) <= words else ""


SUMMARY_WORDS = 15
"""The most words of a module's summary its title slide shows (the notes hold the whole summary):
more cannot be read at a glance."""


def _join_dot(*parts: str) -> str:
    return " · ".join(p for p in parts if p)


def _bridge(activities) -> str:
    """The outcomes slide's note: how the module gets there, in the activities the plan keeps, so the
    trainer can say it in a sentence instead of reading the outcomes out."""
    if not activities:
        return "The outcomes are on the slide: say in a sentence what this module covers, without reading them out."
    tasks = word.listed([f"'{plain(a.title)}' ({a.minutes} min)" for a in activities])
    return f"Do not read the outcomes out. Say in a sentence how the module gets there: through {tasks}."


def _chunked(title: str, items: list[str], notes: str, layout: str) -> list[Slide]:
    """Split items over as many slides as needed to keep each slide readable."""
    chunks: list[list[str]] = [[]]
    for item in (piece for i in items for piece in _pieces(plain(i))):
        current = chunks[-1]
        if current and (len(current) >= MAX_BULLETS or sum(map(len, current)) + len(item) > MAX_CHARS):
            chunks.append([])
        chunks[-1].append(item)
    chunks = [c for c in chunks if c]
    if len(chunks) == 1:
        return [Slide(layout, title, tuple(chunks[0]), notes)]
    return [
        Slide(layout, f"{title} ({i} of {len(chunks)})", tuple(c), notes)
        for i, c in enumerate(chunks, start=1)
    ]


def _pieces(text: str) -> list[str]:
    """Split text longer than a slide holds at sentence ends, so no slide needs shrinking."""
    pieces = [""]
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        if pieces[-1] and len(pieces[-1]) + len(sentence) >= MAX_CHARS:
            pieces.append("")
        pieces[-1] = f"{pieces[-1]} {sentence}".strip()
    return [p for p in pieces if p]


def _unique_titles(slides: list[Slide]) -> list[Slide]:
    seen: dict[str, int] = {}
    unique = []
    for slide in slides:
        count = seen.get(slide.title, 0) + 1
        seen[slide.title] = count
        title = slide.title if count == 1 else f"{slide.title} ({count})"
        unique.append(replace(slide, title=title))
    return unique


def _local_examples(view: ModuleView) -> list[Slide]:
    """A slide per example from the organisation's own services, with how to use it in the notes."""
    return [
        Slide(
            "Teaching Point",
            f"Module {view.number}: local example: {example.title}",
            (plain(example.text),),
            _join(
                "A local example from our own services.",
                f"How to use it: {plain(example.trainer_notes)}" if example.trainer_notes else "",
            ),
        )
        for example in view.module.local_examples
    ]


def _local_support(module) -> str:
    if not module.support:
        return ""
    return "Local support: " + "; ".join(f"{c.name}: {plain(c.how)}" for c in module.support)


def _opening_notes(plan: CoursePlan, brand: Brand) -> str:
    return _join(
        (f"Course {brand.edition}." if brand.builtin else f"Course {brand.edition}, {brand.name}.")
        if brand.edition
        else "",
        f"Co-produced by: {brand.co_produced_by}" if brand.co_produced_by else "",
        f"Co-delivered by: {brand.co_delivered_by}" if brand.co_delivered_by else "",
        f"Welcome everyone. This course is for {plan.audience.name.lower()}: {plan.audience.description}",
        "Then the check-in (next slide): how the group works together today.",
        f"Tone for this group: {plan.audience.tone}",
        f"Support: {plan.audience.support}",
    )


def _spare_time(timed: Timeline) -> str:
    """Say how much spare time the plan keeps, and where, for the discussions that run over."""
    spare = [b.minutes for part in timed.parts for b in part.blocks if b.kind == "buffer" and b.minutes]
    if not spare:
        return "with no spare time"
    if len(spare) == 1:
        return f"with {spare[0]} minutes of spare time in one place for the discussions that run over"
    return f"with {sum(spare)} minutes of spare time, shared over {len(spare)} stretches, for the discussions that run over"


def _material_titles(view: ModuleView, activity) -> list[str]:
    index = view.material_index
    return [index[m].title if m in index else m for m in activity.materials]


def _paragraphs(markdown: str) -> list[str]:
    """The Markdown's paragraphs and list items as plain text, one each, so notes written in short
    labelled lines ("Set-up: ...", "Watch for: ...") keep them apart in the speaker notes."""
    return [plain(unit.text) for unit in units(markdown)] or [""]


def _join(*parts: str) -> str:
    """Notes paragraphs, each on one line: a part already joined keeps its own paragraphs."""
    paragraphs = (" ".join(piece.split()) for part in parts if part for piece in part.split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“(])")


def co_delivery_notes(views) -> dict[str, str]:
    """Each module's co-delivery note as one course gives it: sentences an earlier module's note
    already said (the pay and cover terms every module repeats) are left out, with a pointer back."""
    first_said: dict[str, int] = {}
    notes = {}
    for view in views:
        if not view.co_delivery:
            continue
        sentences = _SENTENCE_END.split(view.co_delivery.strip())
        earlier = sorted({first_said[s] for s in sentences if s in first_said})
        kept = [s for s in sentences if s not in first_said]
        for sentence in sentences:
            first_said.setdefault(sentence, view.number)
        pointer = (
            [f"Its other points are as in the co-delivery note of module {earlier[0]}."] if earlier else []
        )
        notes[view.id] = " ".join(kept + pointer)
    return notes
