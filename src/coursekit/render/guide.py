"""The facilitator guide (.docx): run-sheet, preparation, each module's script, and care for people.

Written for the trainer who delivers the course and the co-trainer with lived experience who
delivers it with them. Editable in Word, printable, and opened by LibreOffice.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from .. import body as body_syntax
from ..model import BuildSettings
from ..organisation import Brand
from ..plan import CoursePlan, ModuleView
from ..standins import StandInText, stand_ins
from ..timeline import input_minutes, input_turns
from ..timetext import breaks_note, long_date
from . import output, prepare, runsheet, trainers, word
from .wordmarkdown import add_markdown

if TYPE_CHECKING:
    from ..timeline import Timeline


def render(
    plan: CoursePlan, out: Path, settings: BuildSettings, timeline: Timeline | None = None
) -> list[Path]:
    """Write the course's facilitator guide into its downloads folder and return its path."""
    path = out / plan.id / output("guide").main_file(plan.id)
    return [word.save(guide_document(plan, timeline or plan.timeline, settings.brand), path)]


def guide_document(plan: CoursePlan, timeline: Timeline | None = None, brand: Brand | None = None):
    """Return the facilitator guide as a python-docx Document."""
    brand = brand or Brand()
    plan = dataclasses.replace(plan, timeline=timeline)
    audience = plan.audience
    document = word.new_document(
        plan, f"{audience.course_title}: facilitator guide", f"Facilitator guide for {audience.name}"
    )
    total = (
        f"{word.minutes(timeline.minutes)}, {breaks_note(timeline)}"
        if timeline is not None
        else f"{word.minutes(plan.total_minutes)} of contact time, not counting breaks"
    )
    word.title_page(
        document,
        audience.course_title,
        [
            "Facilitator guide" if brand.builtin else f"Facilitator guide, {brand.name}",
            f"For {audience.name}",
            f"Edition: {brand.printed_edition(plan.build_date)}",
            f"Total time: {total}",
            *made_by(brand),
        ],
    )
    _run_sheet(document, plan, timeline)
    _preparation(document, plan)
    trainers.opening_and_closing(document, plan)
    for view in plan.modules:
        _module_script(document, plan, view)
    trainers.distress_protocol(document, plan)
    trainers.co_trainer_briefing(document, plan, timeline)
    trainers.guest_briefing(document, plan, timeline)
    _online_run_sheet(document, plan)
    _without_stories(document, plan)
    _story_checks(document, plan)
    return document


def _aloud(note, plan: CoursePlan) -> str:
    """A content note as the trainer reads it out: no citations, which nobody says aloud (the
    sources are on the page and in the handout)."""
    return word.uncredited(f"{note.about} {note.choice} Support: {note.support}", plan)


WITHOUT_HEADING = "If a storyteller says no"


def _without_stories(document, plan: CoursePlan) -> None:
    """For each story, what the course says without it, so a refusal days before a session needs
    no rebuild: the trainer teaches from these and hands out these sheets instead."""
    told = dict((s.id, s) for view in plan.modules for s in view.stories)
    if not told:
        return
    document.add_heading(WITHOUT_HEADING, level=1)
    document.add_paragraph(
        "A storyteller can say no, or take back a yes, at any time. From then on, leave out the story "
        "and everything tied to it, and use what is below in its place. Copy a sheet from here if the "
        "printed handout still has the story's version."
    )
    for story in told.values():
        document.add_heading(story.title, level=2)
        texts = stand_ins(plan, story.id)
        if not texts:
            document.add_paragraph(
                "Nothing else in this course is tied to it: leave out the story"
                + (" and teach the point written with it in its module." if story.replacement else ".")
            )
        for text in texts:
            _stand_in(document, plan, text)


def _stand_in(document, plan: CoursePlan, text: StandInText) -> None:
    if text.leave_out:
        word.labelled(
            document,
            f"Module {text.module}, leave out the {text.kind} that starts: ",
            word.uncredited(text.text, plan),
        )
        return
    document.add_heading(
        f"Module {text.module}, {text.kind}" + (f": {text.title}" if text.title else ""), level=3
    )
    add_markdown(document, word.cite(text.text, plan), heading_level=4)
    if text.script:
        word.labelled(document, "Say: ", word.cite(text.script, plan))


def _story_checks(document, plan: CoursePlan) -> None:
    """Each story's corrections against its source, together at the end: a record for whoever
    checks the course, kept out of the way of the teaching."""
    checked = [story for view in plan.modules for story in view.stories if story.corrections]
    if not checked:
        return
    document.add_heading("How the stories were checked against their sources", level=1)
    document.add_paragraph(
        "Each story was read against its source. Where a retelling had drifted from what the storyteller "
        "said, or the transcript needed a fix, the change is recorded here."
    )
    for story in dict((s.id, s) for s in checked).values():
        document.add_heading(story.title, level=2)
        word.bullets(document, list(story.corrections))


def made_by(brand: Brand) -> list[str]:
    """Who co-produced and co-delivers this version, in the organisation's own words, or an honest gap."""
    if brand.co_produced_by or brand.co_delivered_by:
        return [
            *([f"Co-produced by: {brand.co_produced_by}"] if brand.co_produced_by else []),
            *([f"Co-delivered by: {brand.co_delivered_by}"] if brand.co_delivered_by else []),
        ]
    made = (
        "How this course was made: written from published stories of people with lived experience. "
        "No one with lived experience has yet helped to write or check it, and the storytellers have "
        "not yet been asked about it. "
        if brand.on_library
        else "Who co-produced and who co-delivers this course is not recorded. "
    )
    return [
        made + "When people with lived experience shape or co-deliver your version, pay them, ask them "
        "how they want to be named, and ask whoever builds your copy of the course to record it: it "
        "then shows here and on the course's welcome page."
    ]


def _run_sheet(document, plan: CoursePlan, timeline: Timeline | None) -> None:
    document.add_heading("Run-sheet", level=1)
    if timeline is None:
        document.add_paragraph(
            "The course in order, with the minutes of each module and activity. There are no clock "
            "times or breaks here: a session plan adds them. Plan a break at least every 90 minutes."
        )
    _run_sheet_tables(document, plan, timeline)


def _online_run_sheet(document, plan: CoursePlan) -> None:
    if plan.online is None:
        return
    document.add_heading("Online run-sheet", level=1)
    document.add_paragraph(online_summary(plan.online, plan.timeline))
    _run_sheet_tables(document, dataclasses.replace(plan, timeline=plan.online), plan.online)


def online_summary(online: Timeline, in_room: Timeline | None) -> str:
    """What the online run-sheet changes, read from it: its breaks, changeovers and sittings."""
    changeovers = any(block.kind == "changeover" for block in online.blocks)
    rule = (
        "re-timed with 10-minute breaks at least every hour, at the end of a module where one falls in "
        "time, else between two tasks"
        + (", and 5-minute changeovers where modules meet without a break" if changeovers else "")
    )
    extra = "breaks and changeovers" if changeovers else "breaks"
    stated = in_room.minutes if in_room else None
    split = in_room is not None and len(online.parts) > len(in_room.parts)
    if split:
        extra += ", and the second sitting's own welcome and check-out"
    longer = (
        f" That is {word.minutes(online.minutes - stated)} longer than in the room, for the {extra}: "
        "book the extra time."
        if stated and online.minutes > stated
        else ""
    )
    sittings = (
        " More than four hours on a screen in one go is hard going, so the longer day runs as two "
        "sittings on different days, split at the module boundary that gives the most even halves."
        if split
        else ""
    )
    return f"The same course on a video call, {rule}: {word.minutes(online.minutes)}, {breaks_note(online)}.{longer}{sittings}"


def _run_sheet_tables(document, plan: CoursePlan, timeline: Timeline | None) -> None:
    for sitting in runsheet.run_sheet(plan, timeline):
        if timeline is not None:
            document.add_heading(sitting.title, level=2)
        header = ["Block", "Minutes", "Who leads", "Materials"]
        rows = [[row.block, str(row.minutes), row.lead, row.materials] for row in sitting.rows]
        widths = [7.4, 2.2, 3.4, 4.0]
        if timeline is not None:
            header, widths = ["Time", *header], [1.6, 5.8, *widths[1:]]
            rows = [[row.time, *cells] for row, cells in zip(sitting.rows, rows, strict=False)]
        grid = word.table(document, header, rows, widths)
        for row, table_row in zip(sitting.rows, grid.rows[1:], strict=False):
            if row.module:
                for paragraph in table_row.cells[0].paragraphs:
                    for run in paragraph.runs:
                        run.bold = True
        if sitting.ends:
            document.add_paragraph(f"Ends at {sitting.ends}.")
    if timeline is not None and timeline.cut:
        document.add_heading("Cut to fit the time", level=2)
        word.bullets(document, timeline.cut)


def _preparation(document, plan: CoursePlan) -> None:
    document.add_heading("Preparation checklist", level=1)
    document.add_heading("Before the session", level=2)
    arrange = [f"{item} ({view.title})" for view in plan.modules for item in view.prepare]
    arrange += [
        f"Send out what to read first: {view.before} ({view.title})" for view in plan.modules if view.before
    ]
    if plan.audience.before:
        arrange.insert(0, f"Send participants what to do before the session: {plan.audience.before}")
    if plan.audience.guest:
        arrange.insert(
            0,
            f"Book the guest, {plan.audience.guest.title}, and send them their briefing (end of this guide).",
        )
    word.bullets(
        document,
        [
            *arrange,
            *trainers.expected_access(plan.online is not None),
            trainers.BEFORE[0],
            trainers.SAFEGUARDING,
        ],
    )
    document.add_heading("Room", level=2)
    word.bullets(document, trainers.room(plan.timeline))
    document.add_heading("Equipment", level=2)
    needed = prepare.equipment(plan)
    if needed:
        word.bullets(document, [f"{item} (for {', '.join(dict.fromkeys(uses))})" for item, uses in needed])
    else:
        document.add_paragraph("No activity lists equipment beyond the room itself.")
    document.add_heading("What to print", level=2)
    document.add_paragraph(
        f"Numbers are worked out for {prepare.PARTICIPANTS} participants, the default: change them for "
        f"your group. Pairs share one copy, and groups are of {prepare.GROUP_SIZE}. Every material is "
        "in full in the participant handout and materials pack"
        + (
            "."
            if plan.audience.handout == "everyone"
            else ": people take home the sheets the activities hand out, not the whole pack."
        )
    )
    word.table(
        document,
        ["What", "Used for", "How many", f"Print for {prepare.PARTICIPANTS}"],
        [[i.title, i.used_for, i.copies, str(i.count)] for i in prepare.print_list(plan)],
        widths=(5.5, 5.5, 3.6, 2.4),
    )


def _module_script(document, plan: CoursePlan, view: ModuleView) -> None:
    document.add_heading(f"Module {view.number}: {view.title}", level=1)
    minutes = plan.timeline.module_minutes(view.id) if plan.timeline is not None else view.minutes
    word.labelled(document, "Time in the room: ", f"{word.minutes(minutes)} ({view.emphasis}).")
    word.labelled(document, "Focus for this audience: ", view.focus)
    for note in view.content_notes:
        word.labelled(document, "Read this aloud at the start: ", _aloud(note, plan))
    document.add_heading("Outcomes", level=2)
    document.add_paragraph("By the end, participants can:")
    word.bullets(document, [o.text for o in view.outcomes])
    if view.key_messages:
        document.add_heading("Teaching input: key messages", level=2)
        turns = input_turns(view)
        if len(turns) > 1:
            given = ", in turn: " + ", then ".join(
                f"{runsheet.role_words(plan, who).lower()} for {word.minutes(minutes)}"
                for who, minutes in turns
            )
        elif view.input_by != "lead":
            given = f", given by {runsheet.role_words(plan, view.input_by).lower()}"
        else:
            given = ""
        document.add_paragraph(
            f"About {word.minutes(input_minutes(view))} of input{given}, one slide a message."
        )
        for message in view.key_messages:
            paragraph = document.add_paragraph(word.cite(message.text, plan) + " ", style="List Bullet")
            paragraph.add_run(
                "Sources: " + "; ".join(_source(plan, s) for s in message.sources)
            ).italic = True
            if message.script:
                speaker = view.other_speaker(message)
                label = f"{runsheet.role_words(plan, speaker)} says: " if speaker else "Say: "
                word.labelled(document, label, word.uncited(message.script))
    _stories(document, plan, view)
    _activities(document, plan, view)
    _answers(document, view)
    if view.reflection:
        document.add_heading("Reflection prompts", level=2)
        document.add_paragraph("Give quiet time. Nobody has to share what they write.")
        word.bullets(document, [r.text for r in view.reflection])


def _stories(document, plan: CoursePlan, view: ModuleView) -> None:
    if not (view.stories or view.withheld):
        return
    document.add_heading("Stories", level=2)
    for story in view.stories:
        consent = story.consent
        document.add_heading(story.title, level=3)
        word.labelled(
            document,
            "Consent: ",
            (
                f"{trainers.consent_status(consent)}; "
                f"recorded by {consent.recorded_by} on {long_date(consent.recorded_on)}; "
                f"review by {long_date(consent.review_by)}."
            ),
        )
        if consent.note:
            word.labelled(document, "Consent note: ", consent.note)
        if story.content_note:
            note = story.content_note
            word.labelled(document, "Read this content note aloud first: ", _aloud(note, plan))
        add_markdown(document, word.cite(story.text, plan))
        word.labelled(document, "Credit: ", story.attribution)
        if story.replacement:
            word.labelled(
                document,
                "If consent is withdrawn or not given in time, teach this point instead: ",
                word.cite(story.replacement, plan),
            )
        word.labelled(
            document,
            "If the answer is no: ",
            "stop using the story and what is tied to it, and use the versions written without the "
            f"person: they are under '{WITHOUT_HEADING}' at the end of this guide. Ask whoever builds "
            "your copy of the course to record the refusal, so the next slides, papers and site leave "
            "the story out too." + _tied_to(plan, story.id),
        )
        if story.corrections:
            word.labelled(
                document,
                "Checked against the source: ",
                "what was corrected is listed at the end of this guide.",
            )
    for withheld in view.withheld:
        document.add_paragraph(
            "One story is not printed here: its recorded consent does not cover printed papers."
        )
        if withheld.story.replacement:
            word.labelled(document, "Teach this point instead: ", word.cite(withheld.story.replacement, plan))


def _tied_to(plan: CoursePlan, story_id: str) -> str:
    """' Text that goes with it in this course: ...', counting what goes with the story, or ''."""
    views = plan.modules
    counts = (
        (("key message", "key messages"), sum(m.story == story_id for v in views for m in v.key_messages)),
        (("question", "questions"), sum(q.story == story_id for v in views for q in v.questions)),
        (
            ("reflection prompt", "reflection prompts"),
            sum(r.story == story_id for v in views for r in v.reflection),
        ),
        (
            ("passage of page text", "passages of page text"),
            sum(
                b.story == story_id and b.is_shown(v.audience_id)
                for v in views
                for b in body_syntax.blocks(v.module.body)[0]
            ),
        ),
        (("activity", "activities"), sum(story_id in a.story_ids for v in views for a in v.activities)),
        (("material", "materials"), sum(story_id in m.story_ids for v in views for m in v.materials)),
    )
    named = [f"{n} {words[n != 1]}" for words, n in counts if n]
    return f" Text that goes with it in this course: {word.listed(named)}." if named else ""


def _activities(document, plan: CoursePlan, view: ModuleView) -> None:
    if not view.activities:
        return
    document.add_heading("Activities", level=2)
    titles = {m.id: m.title for m in view.material_index.values()}
    for activity in view.activities:
        document.add_heading(f"{activity.title} ({activity.minutes} min)", level=3)
        word.labelled(document, "Who leads: ", _who_leads(plan, view, activity))
        if activity.optional or activity.min_minutes:
            word.labelled(document, "If time is short: ", _trimming(activity))
        document.add_paragraph("Instructions, as participants read them:")
        add_markdown(document, word.cite(activity.instructions, plan))
        document.add_paragraph("Facilitator notes:")
        add_markdown(document, word.cite(activity.facilitator_notes, plan))
        if activity.alternative:
            word.labelled(document, "Alternative: ", word.cite(activity.alternative, plan))
        held_back = {m.id for m in view.material_index.values() if m.held_back}
        materials = [titles.get(m, m) for m in activity.materials if m not in held_back]
        word.labelled(
            document,
            "Materials, for the activity and its alternative: ",
            "; ".join(materials) + " (in the handout)." if materials else "none.",
        )
        for material in (
            m for m in view.material_index.values() if m.held_back and m.id in activity.materials
        ):
            word.labelled(document, "Hand out after the report-back, not before: ", material.title)
            add_markdown(document, word.cite(material.text, plan), heading_level=4)
        if activity.equipment:
            word.labelled(document, "Equipment: ", "; ".join(activity.equipment) + ".")
        if activity.ways_to_contribute:
            word.labelled(document, "Ways to contribute: ", ", ".join(activity.ways_to_contribute) + ".")


def _who_leads(plan: CoursePlan, view: ModuleView, activity) -> str:
    planned = runsheet.planned_lead(plan, view, activity)
    if activity.led_by == "either" and planned != runsheet.LEADS["either"]:
        return f"{planned}, as the run-sheet shares it out (either trainer can: swap if you both agree)"
    return planned


def _answers(document, view: ModuleView) -> None:
    if not view.questions:
        return
    document.add_heading("Knowledge check: answers", level=2)
    for number, question in enumerate(view.questions, start=1):
        word.labelled(document, f"Question {number}: ", question.prompt)
        right = next(o for o in question.options if o.correct)
        word.labelled(document, "Right answer: ", right.text)
        for option in question.options:
            mark = " (right answer)" if option.correct else ""
            word.labelled(document, option.text + mark, f": {option.feedback}", style="List Bullet")


def _trimming(activity) -> str:
    parts = ["it can be dropped"] if activity.optional else []
    if activity.min_minutes:
        parts.append(f"it works in {activity.min_minutes} min at the shortest")
    return "; ".join(parts).capitalize() + "."


def _source(plan: CoursePlan, source_id: str) -> str:
    source = next((s for s in plan.sources if s.id == source_id), None)
    if source is None:
        return source_id
    accessed = f", accessed {long_date(source.accessed)}" if source.accessed else ""
    return f"{source.author}, {source.title} ({source.date}{accessed})"
