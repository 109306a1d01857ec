"""Write a course plan as Markdown pages for MkDocs. Pure: returns text, writes nothing."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from .. import body as body_syntax
from ..body import FENCE
from ..citations import cited_as, label
from ..organisation import Brand, Release
from ..plan import CoursePlan, ModuleView
from ..schema import ContentNote, Source
from ..timetext import breaks_note, duration, long_date
from . import quiz, word
from .standing import story_standing
from .templates import render_template


@dataclass(frozen=True)
class Page:
    """One generated Markdown page."""

    path: str
    title: str
    text: str


def course_pages(
    plan: CoursePlan, slides_href: str | None, brand: Brand | None = None, changelog: tuple[Release, ...] = ()
) -> list[Page]:
    """Return every page of one course site, in navigation order."""
    from .certificate import certificate_page

    brand = brand or Brand()
    pages = [welcome_page(plan, slides_href, brand, bool(changelog))]
    pages += [module_page(plan, view) for view in plan.modules]
    pages += [glossary_page(plan), progress_page(plan), certificate_page(plan, brand), print_page(plan)]
    pages += [changes_page(brand, changelog)] if changelog else []
    pages += [sources_page(plan), accessibility_page(brand)]
    abbreviations = glossary_abbreviations(plan)
    return [
        Page(p.path, p.title, join_wrapped_terms(p.text, plan).rstrip() + "\n\n" + abbreviations)
        for p in pages
    ]


def nav(pages: list[Page]) -> list:
    """Return the MkDocs nav: every page at one level, in order (module titles carry their number).

    One level on purpose: on phones the theme shows a nested section as a sliding panel whose
    covered links still take keyboard focus and whose back button cannot, so a flat list is the
    one that works by keyboard at every screen size.
    """
    return [{theme_text(p.title): p.path} for p in pages]


def _before(audience) -> str:
    """The welcome page's 'Before the session' section, when the audience asks for something."""
    return f"## Before the session\n\n{esc(audience.before)}\n\n" if audience.before else ""


def _how_long(plan: CoursePlan) -> str:
    """Time in the room when the course is planned on the clock, and the time on your own."""
    alone = (
        f"about {duration(minutes_on_your_own(plan))} on your own, in {len(plan.modules)} "
        f"module{'s' if len(plan.modules) != 1 else ''}. "
        "Take breaks whenever you need them."
    )
    timed = plan.timeline
    if timed is None:
        return alone[0].upper() + alone[1:]
    if len(timed.parts) == 1:
        part = timed.parts[0]
        room = f"{duration(timed.minutes)} in the room, {breaks_note(timed)} ({part.start:%H:%M} to {part.end:%H:%M})"
    else:
        room = f"{duration(timed.minutes)} in the room over {len(timed.parts)} sittings, {breaks_note(timed)}"
    return f"{room}; or {alone}"


def _sittings(plan: CoursePlan) -> str:
    """Say which modules each sitting of a course in parts teaches, for people who attend it."""
    parts = plan.audience.parts
    if not parts:
        return ""
    numbers = {view.id: view.number for view in plan.modules}
    lines = []
    for part in parts:
        taught = [str(numbers[m]) for m in part.modules if m in numbers]
        which = f"module{'s' if len(taught) > 1 else ''} {', '.join(taught)}"
        lines.append(f"- **{esc(part.title)}** ({duration(part.minutes)} in the room): {which}")
    return f"\n\nIn the room, the course runs in {len(parts)} sittings:\n\n" + "\n".join(lines)


def welcome_page(
    plan: CoursePlan, slides_href: str | None, brand: Brand | None = None, changes: bool = False
) -> Page:
    audience = plan.audience
    timed = plan.timeline
    rows = "\n".join(
        f"| {v.number} | [{esc(v.title)}]({v.slug}.md) | "
        f"{duration(timed.module_minutes(v.id) if timed else v.minutes)} |"
        for v in plan.modules
    )
    trainers = ""
    if slides_href:
        link = render_template("slides-link.html", href=slides_href, name=slides_href.rsplit("/", 1)[-1])
        trainers = f"\n## For trainers\n\n{link}"
    brand = brand or Brand()
    text = f"""# {esc(audience.course_title)}

{_edition_line(brand, changes)}

**Who this course is for:** {esc(audience.description)}

**How long it takes:** {_how_long(plan)}{_sittings(plan)}

{_before(audience)}## What each module covers

{_outcome_summary(plan)}

## The modules

| Module | Title | {"In the room" if timed else "Time"} |
|---|---|---|
{rows}

You can see which modules you have read and which checks you have passed on the
[progress page](progress.md). Words with a dotted underline have a short explanation: point to
them, tap them, or move to them with the Tab key. All the words are also in the
[jargon buster](glossary.md).{_about_references(plan)}

## Getting support

{esc(audience.support)}
{_contacts(brand.support) or NO_CONTACTS}

Some modules include stories about hard times. Before each one there is a content note that says
what is in it, so you can choose to read it now, later, or not at all.

## Who made this course

{_made_by(brand)}
{trainers}"""
    return Page("index.md", "Welcome", text)


def _edition_line(brand: Brand, changes: bool) -> str:
    edition = f"Course {esc(brand.edition)}" if brand.edition else ""
    # The bare built-in course has no owner to name: its name would read as tool text to a learner.
    owner = "" if brand.builtin else esc(brand.name)
    what_changed = " See [what changed](changes.md) since the last edition." if changes else ""
    return f"*{' · '.join(p for p in (owner, edition) if p) or esc(brand.name)}.{what_changed}*"


NO_CONTACTS = (
    "\n\nThe trainers will tell you at the start who the named contact for this course is, and how "
    "to reach them during and after it."
)
"""Said when the organisation has not listed its support contacts, so a note that points to 'the
contact named on the welcome page' still leads somewhere."""


def _contacts(contacts) -> str:
    return (
        "\n\n" + "\n".join(f"- **{esc(c.name)}**: {esc(_one_line(c.how))}" for c in contacts)
        if contacts
        else ""
    )


BUILT_IN_MADE = (
    "The built-in course was written from stories that people with lived experience and staff have "
    "published (see the [sources](sources.md)). No one with lived experience has yet helped to write "
    "or check it, and the people who told those stories have not yet been asked about it."
)
NOT_RECORDED = (
    "The organisation running your session has not recorded here who co-produced its version of this "
    "course or who co-delivers it: your trainers will say who they are at the start."
)


def _made_by(brand: Brand) -> str:
    """Who co-produced and co-delivers the course, in the organisation's own words, or honestly none."""
    parts = []
    if brand.co_produced_by:
        parts.append(f"**Co-produced by:** {esc(_one_line(brand.co_produced_by))}")
    elif brand.on_library:
        parts.append(BUILT_IN_MADE)
    if brand.co_delivered_by:
        parts.append(f"**Co-delivered by:** {esc(_one_line(brand.co_delivered_by))}")
    missing = [
        what
        for what, given in (
            ("who co-produced its version", brand.co_produced_by),
            ("who co-delivers it", brand.co_delivered_by),
        )
        if not given
    ]
    if missing and brand.builtin and not brand.on_library:
        parts.append(f"This course does not yet record {' or '.join(missing).replace('its version', 'it')}.")
    elif missing:
        parts.append(
            NOT_RECORDED
            if brand.builtin
            else f"{esc(brand.name)} has not yet recorded {' or '.join(missing)}."
        )
    return "\n\n".join(parts)


def changes_page(brand: Brand, changelog: tuple[Release, ...]) -> Page:
    """'What changed': the project's changelog, the newest edition first."""
    sections = []
    for number, release in enumerate(changelog):
        since = ": new since the last edition" if number == 0 and len(changelog) > 1 else ""
        sections.append(
            f"## {esc(release.version)} ({esc(release.date)}){since}\n\n" + _demote(esc(release.text)).strip()
        )
    intro = (
        f"# What changed\n\nThis is {esc(brand.edition) or 'the current edition'} of the course. The "
        "newest changes come first: if you took the course before, read down to the edition you took."
    )
    return Page("changes.md", "What changed", intro + "\n\n" + "\n\n".join(sections) + "\n")


def module_page(plan: CoursePlan, view: ModuleView) -> Page:
    """Return a module's page: its time on your own in the heading, and where you are in each part."""
    module, sections = view.module, _module_sections(plan, view)
    head = [
        f"# {view.number}. {esc(view.title)}",
        f"*{esc(module.summary)}* About {duration(_alone(sections, view))} on your own.",
        _review_line(module),
        _course_day(plan, view),
    ]
    text = with_wayfinding("\n\n".join(h for h in head if h) + "\n\n" + sections, view)
    return Page(f"{view.slug}.md", f"{view.number}. {view.title}", text)


def _course_day(plan: CoursePlan, view: ModuleView) -> str:
    """What the module asks of someone on the course day, so the rest of the page can wait."""
    if plan.timeline is None:
        return ""
    planned = plan.timeline.planned()
    tasks = [f"*{esc(a.title)}*" for a in view.activities if (view.id, a.id) in planned]
    doing = f": you will do {word.listed(tasks)}" if tasks else ""
    return (
        f'!!! abstract "On the course day"\n\n    In the room this module takes about '
        f"{duration(plan.timeline.module_minutes(view.id))}{doing}. "
        + (
            f"Before the course day: {_indent(view.before)} The rest is here to read at your own pace."
            if view.before
            else _nothing_before(plan)
        )
    )


def _nothing_before(plan: CoursePlan) -> str:
    """What a module page without pre-work says: where the course's own pre-work is, if it has any."""
    if plan.audience.before:
        return (
            "This page asks nothing of you beforehand: what to do before the course day is on the "
            "[welcome page](index.md). The rest is here to read at your own pace."
        )
    return (
        "You need nothing from this page beforehand unless your joining information says so: the "
        "rest is here to read at your own pace."
    )


def _about_references(plan: CoursePlan) -> str:
    """How this course's pages cite their sources, said once on the welcome page."""
    if not plan.sources:
        return ""
    if plan.audience.citations == "numbered":
        how = (
            "Some sentences end in a small raised number. It leads to a note at the foot of the page "
            "that says where the fact comes from"
        )
    else:
        example = next((s for s in plan.sources if not s.cite_as), plan.sources[0])
        how = (
            f"Some sentences end in a short note in brackets, such as ({esc(label(example, full_date=True))}). "
            "It names who wrote the source and when (or, for a law, which one); some dates give the month "
            'and day too, and "n.d." means the source gives no date'
        )
    return f"\n\n**About the references.** {how}. Select it to see the full source on the [Sources page](sources.md)."


def _module_sections(plan: CoursePlan, view: ModuleView) -> str:
    """Everything on a module page below its heading: what the time on your own is counted from."""
    module = view.module
    parts = ["## What you will be able to do\n\n" + _outcomes(plan, view)]
    skip = _skip_module(plan, view)
    parts += [_content_note(note, skip) for note in view.content_notes]
    if view.key_messages:
        parts.append("## Key messages\n\n" + _bullets(k.text for k in view.key_messages))
    parts.append(_body(view, plan))
    stories = [_story(s) for s in view.stories] + [t for w in view.withheld if (t := _withheld(w))]
    if stories:
        parts.append("## Stories\n\n" + "\n\n".join(stories))
    if module.local_examples:
        parts.append(
            "## Local examples\n\n"
            + "\n\n".join(f"### {esc(e.title)}\n\n{esc(e.text.strip())}" for e in module.local_examples)
        )
    if view.activities:
        parts.append("## Activities\n\n" + "\n\n".join(_activities(plan, view)))
    if view.reflection:
        parts.append(
            "## Reflection\n\nTake a few minutes to think about these. You do not have to share "
            "your answers.\n\n" + _bullets(r.text for r in view.reflection)
        )
    if view.questions:
        parts.append(
            "## Check your learning\n\nChoose an answer and select **Check my answer** to see "
            "feedback. You can try as many times as you like.\n\n"
            + "\n\n".join(
                quiz.question_html(plan.id, view.slug, n, q) for n, q in enumerate(view.questions, start=1)
            )
        )
    if module.support:
        parts.append("## Local support" + _contacts(module.support))
    parts.append(_module_sources(view, plan.sources))
    parts.append(render_template("page-end.html", course=plan.id, view=view).strip())
    return "\n\n".join(parts) + "\n"


def _alone(text: str, view: ModuleView) -> int:
    """Minutes a module page takes on your own: what its part-by-part lines count down from."""
    return max(1, round(_section_minutes(text.split("\n"), view, every_activity=True)))


def minutes_on_your_own(plan: CoursePlan) -> int:
    """The course's time on your own: its module pages' own figures added up."""
    return sum(_alone(_module_sections(plan, view), view) for view in plan.modules)


def _review_line(module) -> str:
    return (
        f"*Module last reviewed {module.updated.isoformat()} (module version {module.version}). Next review due by "
        f"{module.review_date.isoformat()}.*"
    )


READING_WORDS_PER_MINUTE = 150
"""A gentle reading pace, for the minutes-left estimate on long modules."""


def with_wayfinding(markdown: str, view: ModuleView) -> str:
    """Add 'part 2 of 6, about 14 minutes left' under each section heading of a module page.

    On a phone a long module is many screens: the line says where the learner is and how much
    is left. Minutes come from the words still to read and the self-study activities still to do.
    """
    lines = markdown.split("\n")
    starts = [i for i, line in enumerate(lines) if line.startswith("## ") and not _in_fence(lines, i)]
    if len(starts) < 3:
        return markdown
    bounds = [*starts, len(lines)]
    minutes = [_section_minutes(lines[a:b], view) for a, b in itertools.pairwise(bounds)]
    for number, index in reversed(list(enumerate(starts, start=1))):
        left = max(1, round(sum(minutes[number - 1 :])))
        note = render_template("wayfinding.html", part=number, parts=len(starts), left=duration(left))
        lines.insert(index + 1, "\n" + note.strip())
    return "\n".join(lines)


def _section_minutes(lines: list[str], view: ModuleView, every_activity: bool = False) -> float:
    """Minutes to read the lines, plus the self-study activities when they are the Activities section."""
    words = len(re.sub(r"<[^>]+>", " ", "\n".join(lines)).split())
    doing = every_activity or lines[0] == "## Activities"
    activity = sum(a.minutes for a in view.activities if a.self_study) if doing else 0
    return words / READING_WORDS_PER_MINUTE + activity


def _in_fence(lines: list[str], index: int) -> bool:
    return sum(1 for line in lines[:index] if FENCE.match(line)) % 2 == 1


def glossary_page(plan: CoursePlan) -> Page:
    """The jargon buster, one section per letter so that search finds a term near its meaning."""
    groups: dict[str, list] = {}
    for term in plan.glossary:
        letter = term.term[:1].upper()
        groups.setdefault(letter if letter.isalpha() else "0–9", []).append(term)
    jump = " ".join(f"[{letter}](#{_letter_anchor(letter)})" for letter in groups)
    sections = []
    for letter, terms in groups.items():
        entries = "\n\n".join(f"**{esc(t.term)}**\n:   {esc(_one_line(t.definition))}" for t in terms)
        # The ck-glossary wrapper tells coursekit.js not to add keyboard stops to the terms here.
        sections.append(
            f"## {letter} {{#{_letter_anchor(letter)}}}\n\n"
            f'<div class="ck-glossary" markdown>\n\n{entries}\n\n</div>'
        )
    intro = (
        "# Jargon buster\n\nThe words and abbreviations used in this course, in plain English. "
        "It is always fine to ask what a word means."
    )
    body = f"Go to a letter: {jump}\n\n" + "\n\n".join(sections) if sections else "No terms yet."
    return Page("glossary.md", "Jargon buster", f"{intro}\n\n{body}\n")


def _letter_anchor(letter: str) -> str:
    return f"letter-{letter.lower()}" if letter.isalpha() else "letter-other"


def progress_page(plan: CoursePlan) -> Page:
    table = render_template("progress.html", course=plan.id, views=plan.modules)
    text = (
        "# Your progress\n\nThis page shows which modules you have read to the end and which "
        "knowledge-check questions you have answered correctly. A module counts as read when you "
        "reach the end of its page. Your progress is saved only in this web browser on this device: "
        "nobody else can see it.\n\n" + table
    )
    return Page("progress.md", "Your progress", text)


def print_page(plan: CoursePlan) -> Page:
    parts = [
        f"# {esc(plan.audience.course_title)}: the whole course",
        "This page holds every module on one page, with its activities and their sheets, so you can "
        "print it or save it as a PDF "
        "(use your browser's Print command). Stories with a content note stay folded on screen "
        "until you open them; when you print, every story is printed in full. The knowledge "
        "checks are interactive on each module's own page.",
    ]
    for view in plan.modules:
        parts.append(f"## {view.number}. {esc(view.title)}")
        parts.append("### What you will be able to do\n\n" + _outcomes(plan, view))
        parts += [_content_note(note, None) for note in view.content_notes]
        if view.key_messages:
            parts.append("### Key messages\n\n" + _bullets(k.text for k in view.key_messages))
        parts.append(_demote(_body(view, plan, prefix=f"m{view.number}-")))
        for story in view.stories:
            parts.append(_story(story, level=3))
        if view.activities:
            # Named per module: the table of contents labels each section's list by its heading,
            # and landmarks need unique names.
            parts.append(
                _demote(
                    f"## Activities in module {view.number}\n\n"
                    + "\n\n".join(_activities(plan, view, printing=True))
                )
            )
        if view.reflection:
            parts.append("### Reflection\n\n" + _bullets(r.text for r in view.reflection))
    # Left out of search: every hit would otherwise come up twice, once here and once on its module.
    front_matter = "---\nsearch:\n  exclude: true\n---\n\n"
    return Page("print.md", "Print or save the whole course", front_matter + "\n\n".join(parts) + "\n")


ACCESSIBILITY_WORKS = (
    "Move around by keyboard alone: a 'Skip to content' link comes first, and every link, word "
    "explanation and knowledge-check answer can be reached with the Tab key.",
    "Zoom in, or read on a phone: the text reflows, so you do not need to scroll sideways.",
    "Use a screen reader: headings are in order, and when you check your answer to a knowledge "
    "check, the result is read out straight away.",
    "Read explanations of jargon: words with a dotted underline explain themselves when you point "
    "to them or tab to them, and every one is in the Jargon buster.",
    "Choose whether to read a story: stories with a content note stay folded until you open them.",
    "Open the site from a copy on your own computer, with no internet connection; search works too.",
    "Print the whole course, or save it as a PDF, from one page.",
)

ACCESSIBILITY_CHECKS = (
    "The tool that builds this site, coursekit, is tested by opening every page of its courses in a "
    "web browser (Chromium), at desktop and phone sizes, and running the automatic checks of axe-core "
    "against the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA. Automatic checks find "
    "only some problems. The site has not yet been tested by disabled people, including people who "
    "use screen readers, and nobody has audited it by hand.\n\n"
    "The trainers' slides and the printed papers are checked in the same tests. LibreOffice opens every "
    "deck, and no slide text is smaller than 24 point (Arial, never shrunk to fit); text and background "
    "colours contrast at 4.5 to 1 or more. The slides carry meaning in words, never by colour alone. The "
    "printed papers are Word documents with real headings, marked table header rows and UK English set "
    "as their language, so a screen reader can move through them."
)

ACCESSIBILITY_GAPS = (
    "This course has no ready-made Easy Read version: ask when you book, so one can be made.",
    "Large print: the trainers bring copies of the handout printed at 18 point or larger; take one, "
    "or ask them for it in another format.",
)


def _outcomes(plan: CoursePlan, view: ModuleView) -> str:
    """A module's outcomes as its audience reads them: in full, or as short 'I can' lines."""
    if plan.audience.learner_outcomes == "i-can":
        lines = (f"I can {o.short.rstrip('.')}." if o.short else o.text for o in view.outcomes)
        return "By the end of this module:\n\n" + _bullets(lines)
    return "By the end of this module you will be able to:\n\n" + _bullets(o.text for o in view.outcomes)


def accessibility_page(brand: Brand) -> Page:
    """What the site does for access, how it is checked, what is missing, and whom to tell."""
    tell = (
        "If something on this site does not work for you, or you need it in another format, tell your "
        f"trainer or {'the organisation running the course' if brand.builtin else esc(brand.name)}."
        + (" You can also contact:" + _contacts(brand.support) if brand.support else "")
    )
    text = "\n\n".join(
        [
            "# Accessibility",
            "This page says what this course site does so that everyone can use it, how that is "
            "checked, what does not work yet, and whom to tell about a problem.",
            "## What you can do\n\n" + _bullets(ACCESSIBILITY_WORKS),
            "## How it is checked\n\n" + ACCESSIBILITY_CHECKS,
            "## What is missing\n\n" + _bullets(ACCESSIBILITY_GAPS),
            "## Tell us about a problem\n\n" + tell,
        ]
    )
    return Page("accessibility.md", "Accessibility", text + "\n")


def sources_page(plan: CoursePlan) -> Page:
    text = (
        "# Sources\n\nThe stories, frameworks and guidance this course draws on. Stories are retold in "
        "our own words, with credit to the people who told them.\n\n"
        + _grouped_references(list(plan.sources), anchors=True)
        + "\n"
    )
    return Page("sources.md", "Sources", text)


def cite(markdown: str, sources: tuple[Source, ...], numbered: bool = False, prefix: str = "") -> str:
    """Replace [@id] citations with short links to the sources page or, numbered, with footnote
    numbers whose notes (the same links) follow the text; prefix keeps notes apart on a page that
    holds several bodies."""
    by_id = {s.id: s for s in sources}

    def link(source_id: str) -> str:
        source = by_id[source_id]
        return f"[{esc(label(source, full_date=True))}](sources.md#{source.id})"

    if not numbered:
        return body_syntax.CITATION.sub(lambda m: f"({link(m['id'])})", markdown)
    cited: list[str] = []

    def mark(match: re.Match) -> str:
        if match["id"] not in cited:
            cited.append(match["id"])
        return f"[^{prefix}{match['id']}]"

    text = body_syntax.SPACED_CITATION.sub(mark, markdown)
    notes = "".join(f"\n[^{prefix}{source_id}]: {link(source_id)}" for source_id in cited)
    return text + ("\n" + notes + "\n" if notes else "")


def _body(view: ModuleView, plan: CoursePlan, prefix: str = "") -> str:
    numbered = plan.audience.citations == "numbered"
    return two_way_tables(cite(view.body, plan.sources, numbered, prefix))


_DELIMITER = re.compile(r"^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")


def two_way_tables(markdown: str) -> str:
    """Rewrite pipe tables with an empty top-left cell as HTML tables with row headers.

    A table like `| | Group A | Group B |` labels its rows in the first column. Screen readers
    need those labels as row headers (`<th scope="row">`), which pipe tables cannot express, and
    an empty header cell fails WCAG checks. Cells stay Markdown, so tooltips and links still work.
    """
    lines = markdown.split("\n")
    out: list[str] = []
    i, fenced = 0, False
    while i < len(lines):
        line = lines[i]
        if FENCE.match(line):
            fenced = not fenced
        if (
            not fenced
            and line.startswith("|")
            and i + 1 < len(lines)
            and _DELIMITER.match(lines[i + 1])
            and _cells(line)
            and not _cells(line)[0]
        ):
            end = i + 2
            while end < len(lines) and lines[end].startswith("|"):
                end += 1
            rows = [_cells(r) for r in lines[i + 2 : end]]
            table = _html_table(_cells(line), _alignments(lines[i + 1]), rows)
            out += ["", table, ""]
            i = end
            continue
        out.append(line)
        i += 1
    return "\n".join(out)


def _cells(row: str) -> list[str]:
    row = row.strip()
    row = row[1:] if row.startswith("|") else row
    row = row[:-1] if row.endswith("|") and not row.endswith("\\|") else row
    return [cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", row)]


def _alignments(delimiter: str) -> list[str]:
    found = []
    for cell in _cells(delimiter):
        left, right = cell.startswith(":"), cell.endswith(":")
        found.append("center" if left and right else "right" if right else "left" if left else "")
    return found


def _html_table(header: list[str], aligns: list[str], rows: list[list[str]]) -> str:
    def style(col: int) -> str:
        align = aligns[col] if col < len(aligns) else ""
        return f' style="text-align: {align};"' if align else ""

    head = "".join(
        f'<th scope="col"{style(c)} markdown="span">{text}</th>' for c, text in enumerate(header) if c
    )
    body = []
    for row in rows:
        row = (row + [""] * len(header))[: len(header)]
        cells = [f'<th scope="row"{style(0)} markdown="span">{row[0]}</th>']
        cells += [f'<td{style(c)} markdown="span">{text}</td>' for c, text in enumerate(row) if c]
        body.append(f'<tr markdown="1">{"".join(cells)}</tr>')
    return (
        '<table markdown="1">\n<thead markdown="1">\n<tr markdown="1"><td></td>'
        + head
        + '</tr>\n</thead>\n<tbody markdown="1">\n'
        + "\n".join(body)
        + "\n</tbody>\n</table>"
    )


def join_wrapped_terms(markdown: str, plan: CoursePlan) -> str:
    """Put each glossary term of several words back on one line where the source wraps it.

    An abbreviation only matches its exact text, so "lived" at the end of one line and
    "experience" at the start of the next would get no tooltip. Joining the two lines of the
    paragraph changes nothing else: Markdown treats a single line break as a space.
    """
    for term in plan.glossary:
        words = term.term.split()
        if len(words) < 2:
            continue
        gap = r"(?:[ \t]+|[ \t]*\n[ \t]*(?![-*+>|]|\d+\.|#))"
        phrase = gap.join(re.escape(word) for word in words)
        pattern = re.compile(r"(?<![\w-])" + phrase + r"(?![\w-])", re.IGNORECASE)
        markdown = pattern.sub(lambda m: " ".join(m.group(0).split()), markdown)
    return markdown


def glossary_abbreviations(plan: CoursePlan) -> str:
    """Return abbr definitions so every use of a glossary term gets a tooltip.

    Abbreviations match case exactly, so a term in lower case is also defined with a capital
    first letter, for when it starts a sentence or a heading, and in title case, for when it is
    part of a name ("Lived Experience Advisory Panel").
    """
    lines = []
    for term in plan.glossary:
        title_case = " ".join(word[:1].upper() + word[1:] for word in term.term.split(" "))
        forms = dict.fromkeys([term.term, term.term[:1].upper() + term.term[1:], title_case])
        lines += [f"*[{form}]: {_one_line(term.definition)}" for form in forms]
    # One definition per block: Markdown's abbr handler rescans a block once per definition in it,
    # so one block of N definitions costs O(N^2) on every page; separate blocks give the same HTML.
    return "\n\n".join(lines)


def _content_note(note: ContentNote, skip: str | None, story: bool = False) -> str:
    """A content note: what is coming, the learner's choice (skip, later, support) and support."""
    extra = ""
    if story:
        extra = " The story stays folded until you choose to open it, so you can also leave it for later."
    if skip:
        extra += " " + skip
    return (
        f'!!! warning "Content note"\n\n    {_indent(note.about)}\n\n    **Your choice:** '
        f"{_indent(note.choice)}{extra}\n\n    **Support:** {_indent(note.support)}"
    )


def _skip_module(plan: CoursePlan, view: ModuleView) -> str:
    """Markdown offering to skip a module for now: on to the next module, or the progress page."""
    later = [v for v in plan.modules if v.number > view.number]
    if later:
        following = later[0]
        target = (
            f"[skip this module for now and go to module {following.number}, {esc(following.title)}]"
            f"({following.slug}.md)"
        )
    else:
        target = "[skip this module for now and go to your progress page](progress.md)"
    return (
        f"You can also {target}. Until you reach the end of this module, your progress page "
        "shows it as not yet read, so you can come back to it later."
    )


def _story(story, level: int = 3) -> str:
    hashes = "#" * level
    credit = " ".join(filter(None, (_one_line(story.attribution), story_standing(story))))
    text = f"{story.text}\n\n*{credit}*"
    title = esc(story.title)
    if story.content_note:
        return (
            f"{hashes} {title}\n\n"
            + _content_note(story.content_note, None, story=True)
            + f'\n\n??? story "Read the story: {_quoted(story.title)}"\n\n    '
            + _indent(text)
        )
    return f'{hashes} {title}\n\n!!! story "Told by {_quoted(story.storyteller)}"\n\n    ' + _indent(text)


def _withheld(withheld) -> str:
    story = withheld.story
    if not story.replacement:
        return ""
    # The title may name the storyteller, so the point stands under a heading of its own.
    return f"### In place of a story\n\n{esc(story.replacement)}"


def _activities(plan: CoursePlan, view: ModuleView, printing: bool = False) -> list[str]:
    """Each activity; a material two activities use is shown in full once, at the first, and the
    later one points back to it, so nobody reads (or hears) the same sheet twice on one page."""
    shown: dict[str, str] = {}
    texts = []
    for activity in view.activities:
        texts.append(_activity(plan, activity, view, shown, printing))
        if activity.self_study:
            shown.update((i, activity.title) for i in activity.materials if i not in shown)
    return texts


def _activity(plan: CoursePlan, activity, view: ModuleView, shown: dict[str, str], printing: bool) -> str:
    if activity.self_study:
        return _self_study(activity) + _materials(plan, activity, view, shown, printing)
    lines = [f"### {esc(activity.title)}", "*In the session.* " + esc(_first_sentence(activity.instructions))]
    return "\n\n".join(lines)


def _materials(
    plan: CoursePlan, activity, view: ModuleView, shown: dict[str, str], printing: bool = False
) -> str:
    """The cards, sheets and sample papers a self-study activity uses, folded until opened; one
    shown earlier on the page is named with where to find it. An answer sheet the trainers hold
    back comes last, folded and labelled for after the task, and stays off the print page, which
    people may have in front of them in the room."""
    offered = {m.id: m for m in view.materials}
    used = [offered[i] for i in activity.materials if i in offered]
    used = [m for m in used if not m.held_back] + ([] if printing else [m for m in used if m.held_back])
    return "".join(
        f"\n\n*{esc(m.title)}: shown above, under {esc(shown[m.id])}.*"
        if m.id in shown
        else f'\n\n??? {"success" if m.held_back else "note"} "{_fold_title(m)}"\n\n    {_indent(_sheet_text(plan, m))}'
        for m in used
    )


def _fold_title(material) -> str:
    title = _quoted(material.title)
    return f"After you have tried it yourself: {title}" if material.held_back else title


def _sheet_text(plan: CoursePlan, material) -> str:
    """A sheet as the handout prints it: cards, and every sheet for an audience that cites by
    number, name their sources in one line at the foot rather than claim by claim."""
    if not word.sources_at_foot(plan, material):
        return material.text
    text, sources = word.cited_at_foot(material.text, plan)
    if not sources:
        return text
    return f"{text}\n\n*{word.FOOT}: {esc(sources.rstrip('.'))}. Full details under [Sources](sources.md).*"


def _self_study(activity) -> str:
    lines = [
        f"### {esc(activity.title)}",
        f"*About {duration(activity.minutes)}, on your own.*",
        esc(activity.self_study),
    ]
    return "\n\n".join(lines)


def _module_sources(view: ModuleView, sources: tuple[Source, ...]) -> str:
    from ..plan import used_sources

    used = used_sources((view,))
    cited = [s for s in sources if s.id in used]
    if not cited:
        return ""
    return "## Sources for this module\n\n" + _grouped_references(cited)


def _grouped_references(sources: list[Source], anchors: bool = False) -> str:
    """The sources as a list, those that change often (rates, rules, plans) in a list of their own
    under one 'check before use' line, rather than a warning on every entry."""
    steady = [s for s in sources if not s.time_sensitive]
    changing = [s for s in sources if s.time_sensitive]
    parts = [_reference_list(steady, anchors)] if steady else []
    if changing:
        parts.append(
            f"{'**These change often.** ' if steady else ''}Rates, rules and national plans change: check "
            "the current version of each of these before you rely on it.\n\n"
            + _reference_list(changing, anchors)
        )
    return "\n\n".join(parts)


def _reference_list(sources: list[Source], anchors: bool) -> str:
    return "\n".join(
        f'- <span id="{s.id}"></span>{_reference(s)}' if anchors else f"- {_reference(s)}" for s in sources
    )


def _reference(source: Source) -> str:
    title = f"[{source.title}]({source.url})" if source.url else f"*{source.title}*"
    accessed = f" Accessed {long_date(source.accessed)}." if source.accessed else ""
    return f"{source.author} ({source.date}). {title}.{accessed}{cited_as(source)}"


def _outcome_summary(plan: CoursePlan) -> str:
    return _bullets(f"{v.title}: {v.module.summary}" for v in plan.modules)


def theme_text(text: str) -> str:
    """Escape text the site theme shows as it is (page and course titles in the navigation).

    The theme escapes some of these places itself and not others, so only the characters that
    could start a tag or end an attribute are replaced; '&' and apostrophes stay readable.
    """
    return text.replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def esc(text: str) -> str:
    """Escape a plain-text field for a Markdown page: it may hold Markdown, never HTML.

    '&' and '<' are all it takes to start an entity or a tag; '>' stays, so Markdown quotes work.
    """
    return text.replace("&", "&amp;").replace("<", "&lt;")


def _quoted(text: str) -> str:
    """Escape text for an admonition title, which sits inside double quotes."""
    return esc(_one_line(text)).replace('"', "&quot;")


def _first_sentence(text: str) -> str:
    match = re.match(r"(.+?[.!?])(\s|$)", _one_line(text))
    return match[1] if match else _one_line(text)


def _bullets(items) -> str:
    return "\n".join(f"- {esc(_one_line(item))}" for item in items)


def _indent(text: str) -> str:
    return esc(text.strip()).replace("\n", "\n    ")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _demote(markdown: str) -> str:
    return re.sub(r"^(#{2,5}) ", r"#\1 ", markdown, flags=re.M)
