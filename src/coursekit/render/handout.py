"""The participant handout and materials pack (.docx): what participants read, use and write on.

Outcomes, each module's stories (after their content notes), each activity's sheet, every
material an activity or its alternative uses in full, reflection pages with room to write, and
the knowledge checks on paper and the glossary. Nothing meant for trainers only: no facilitator
notes, and the answers to the knowledge checks only when learners do them on their own.
"""

from __future__ import annotations

from pathlib import Path

from ..citations import reference_text
from ..model import BuildSettings
from ..organisation import Brand
from ..plan import CoursePlan, ModuleView
from . import output, prepare, word
from .quiz import lettered
from .standing import story_standing
from .wordmarkdown import add_markdown

KIND_WORDS = {
    "cards": "Cards to cut out",
    "sheet": "Sheet",
    "sample": "Sample paper",
    "timeline": "Timeline",
    "list": "List",
    "case": "Case study",
    "form": "Form to fill in",
    "handout": "Handout",
}


def render(plan: CoursePlan, out: Path, settings: BuildSettings) -> list[Path]:
    """Write the course's handout and materials pack into its downloads folder and return its path."""
    path = out / plan.id / output("handout").main_file(plan.id)
    return [word.save(handout_document(plan, settings.brand), path)]


def handout_document(plan: CoursePlan, brand: Brand | None = None):
    """Return the participant handout and materials pack as a python-docx Document."""
    audience, brand = plan.audience, brand or Brand()
    document = word.new_document(
        plan,
        f"{audience.course_title}: participant handout",
        f"Participant handout and materials pack for {audience.name}",
    )
    word.title_page(
        document,
        audience.course_title,
        [
            "Participant handout and materials pack",
            f"For {audience.name}",
            f"Edition: {brand.printed_edition(plan.build_date)}",
        ],
    )
    document.add_heading("Before you start", level=1)
    document.add_paragraph(
        "You can step out at any time, and you do not need to say why. Nobody has to "
        "share their own story. Every activity has another way to take part: ask "
        "your trainer."
    )
    word.labelled(document, "Support: ", audience.support)
    document.add_heading("What you will be able to do", level=1)
    for view in plan.modules:
        document.add_heading(f"Module {view.number}: {view.title}", level=2)
        word.bullets(document, [o.text for o in view.outcomes])
    for view in plan.modules:
        _module(document, plan, view)
    _paper_checks(document, plan)
    _glossary(document, plan)
    _sources(document, plan)
    _attendance(document, plan)
    return document


def _attendance(document, plan: CoursePlan) -> None:
    """A certificate of attendance the trainers fill in and sign at the check-out: something to show
    for the day that does not depend on an online test."""
    word.page_break(document)
    document.add_heading("Certificate of attendance", level=1)
    document.add_paragraph("This is to say that")
    document.add_paragraph("Name: ______________________________")
    document.add_paragraph(f"took part in {plan.audience.course_title}.")
    document.add_paragraph("Date or dates: ______________________")
    document.add_paragraph("Signed (lead trainer): ______________________")
    document.add_paragraph("Signed (co-trainer): ______________________")


def _sources(document, plan: CoursePlan) -> None:
    if not plan.sources:
        return
    document.add_heading("Sources", level=1)
    document.add_paragraph(
        "Where the stories, facts and guidance in this pack come from. Stories are retold in our own "
        "words, with credit to the people who told them."
    )
    word.bullets(document, [reference_text(source) for source in plan.sources])


def _paper_checks(document, plan: CoursePlan) -> None:
    """The knowledge checks on paper, for anyone who would rather not (or cannot) use the website:
    the answers follow, unless the trainers run the checks in the room."""
    views = [view for view in plan.modules if view.questions]
    if not views:
        return
    in_room = plan.audience.checks_in_room
    word.page_break(document)
    document.add_heading("Check your learning, on paper", level=1)
    document.add_paragraph(
        "The same questions as the checks on the course website, for anyone who would rather use "
        "paper. Choose one answer to each. "
        + (
            "Your trainers go through the answers with you."
            if in_room
            else "The answers, and why, come after them."
        )
    )
    for view in views:
        document.add_heading(f"Module {view.number}: {view.title}", level=2)
        for number, question in enumerate(view.questions, start=1):
            word.labelled(document, f"{number}. ", word.cite(question.prompt, plan))
            word.bullets(
                document, [f"{letter}. {word.cite(o.text, plan)}" for letter, o in lettered(question)]
            )
    if in_room:
        return
    document.add_heading("Answers to the paper checks", level=1)
    for view in views:
        document.add_heading(f"Module {view.number}: {view.title}", level=2)
        for number, question in enumerate(view.questions, start=1):
            letter, right = next((letter, o) for letter, o in lettered(question) if o.correct)
            word.labelled(
                document, f"{number}. {letter}: ", word.cite(f"{right.text} {right.feedback}", plan)
            )


def _module(document, plan: CoursePlan, view: ModuleView) -> None:
    word.page_break(document)
    document.add_heading(f"Module {view.number}: {view.title}", level=1)
    materials = prepare.materials_of(view)
    _stories(document, plan, view)
    if view.activities:
        document.add_heading("Activities", level=2)
    titles = {m.id: m.title for m in view.material_index.values() if not m.held_back}
    held_back = {m.id: m.title for m in view.material_index.values() if m.held_back}
    for activity in view.activities:
        document.add_heading(f"{activity.title} ({activity.minutes} min)", level=3)
        add_markdown(document, word.cite(activity.instructions, plan), heading_level=4)
        if activity.alternative:
            word.labelled(document, "If you would rather: ", word.cite(activity.alternative, plan))
        if activity.ways_to_contribute:
            word.labelled(document, "Ways to take part: ", ", ".join(activity.ways_to_contribute) + ".")
        used = [titles[m] for m in activity.materials if m in titles]
        if used:
            word.labelled(document, "Materials: ", "; ".join(used) + " (in full below).")
        else:
            document.add_paragraph("This activity needs no printed materials.")
        later = [held_back[m] for m in activity.materials if m in held_back]
        if later:
            word.labelled(document, "After the report-back, the trainers hand out: ", "; ".join(later) + ".")
    materials = [(m, used) for m, used in materials if not m.held_back]
    document.add_heading(f"Materials for module {view.number}", level=2)
    if not materials:
        document.add_paragraph("This module has no printed materials.")
    for material, _ in materials:
        document.add_heading(material.title, level=3)
        word.labelled(document, KIND_WORDS[material.kind], f": {prepare.COPIES_IN_WORDS[material.copies]}.")
        if word.sources_at_foot(plan, material):
            text, sources = word.cited_at_foot(material.text, plan)
        else:
            text, sources = word.cite(material.text, plan), ""
        add_markdown(document, text, heading_level=4)
        if sources:
            word.labelled(document, f"{word.FOOT}: ", sources.rstrip(".") + ". Full details under Sources.")
    if view.reflection:
        document.add_heading(f"Reflection: module {view.number}", level=2)
        document.add_paragraph("For you. Nobody has to share what they write here.")
        for prompt in view.reflection:
            word.writing_space(document, prompt.text)


def _stories(document, plan: CoursePlan, view: ModuleView) -> None:
    """The module's stories in print (the handout gets only those whose consent covers print),
    each after its content note, so the people in the room can read them too."""
    if not view.stories:
        return
    document.add_heading(f"Stories in module {view.number}", level=2)
    for story in view.stories:
        document.add_heading(story.title, level=3)
        if story.content_note:
            note = story.content_note
            word.labelled(document, "Content note: ", f"{note.about} {note.choice} Support: {note.support}")
        add_markdown(document, word.cite(story.text, plan), heading_level=4)
        word.labelled(document, "Credit: ", f"{story.attribution} {story_standing(story)}".strip())
    for withheld in view.withheld:
        if withheld.story.replacement:
            word.labelled(document, "In place of a story: ", word.cite(withheld.story.replacement, plan))


def _glossary(document, plan: CoursePlan) -> None:
    if not plan.glossary:
        return
    word.page_break(document)
    document.add_heading("Glossary", level=1)
    word.table(
        document, ["Word", "What it means"], [[t.term, t.definition] for t in plan.glossary], widths=(5, 12)
    )
