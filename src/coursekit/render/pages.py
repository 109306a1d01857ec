"""Write a course plan as Markdown pages for MkDocs. Pure: returns text, writes nothing."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from .. import body as body_syntax
from ..plan import CoursePlan, ModuleView
from ..schema import ContentNote, Source
from . import quiz


@dataclass(frozen=True)
class Page:
    """One generated Markdown page."""

    path: str
    title: str
    text: str


def course_pages(plan: CoursePlan, slides_href: str | None) -> list[Page]:
    """Return every page of one course site, in navigation order."""
    pages = [welcome_page(plan, slides_href)]
    pages += [module_page(plan, view) for view in plan.modules]
    pages += [glossary_page(plan), progress_page(plan), print_page(plan), sources_page(plan)]
    abbreviations = glossary_abbreviations(plan)
    return [Page(p.path, p.title, p.text.rstrip() + "\n\n" + abbreviations) for p in pages]


def nav(pages: list[Page]) -> list:
    """Return the MkDocs nav for the pages: welcome, a Modules section, then the rest."""
    modules = [{p.title: p.path} for p in pages if re.match(r"\d\d-", p.path)]
    others = [{p.title: p.path} for p in pages[1:] if not re.match(r"\d\d-", p.path)]
    return [{pages[0].title: pages[0].path}, {"Modules": modules}, *others]


def welcome_page(plan: CoursePlan, slides_href: str | None) -> Page:
    audience = plan.audience
    rows = "\n".join(f"| {v.number} | [{v.title}]({v.slug}.md) | {v.minutes} minutes |" for v in plan.modules)
    trainers = ""
    if slides_href:
        trainers = (f"\n## For trainers\n\nThe slides for this course, with speaker notes and timings, are "
                    f'ready to <a href="{slides_href}" download>download as PowerPoint ({audience.id}-slides.pptx)'
                    "</a>.\n")
    text = f"""# {audience.course_title}

**Who this course is for:** {audience.description}

**How long it takes:** {_duration(plan.total_minutes)} of learning, in {len(plan.modules)} modules.
Take breaks whenever you need them.

## What you will be able to do

{_outcome_summary(plan)}

## The modules

| Module | Title | Time |
|---|---|---|
{rows}

You can see which modules you have read and which checks you have passed on the
[progress page](progress.md). Words with a dotted underline have a short explanation: hover over
them, or see the [jargon buster](glossary.md).

## Getting support

{audience.support}

Some modules include stories about hard times. Before each one there is a content note that says
what is in it, so you can choose to read it now, later, or not at all.
{trainers}"""
    return Page("index.md", "Welcome", text)


def module_page(plan: CoursePlan, view: ModuleView) -> Page:
    parts = [f"# {view.number}. {view.title}", f"*{view.module.summary}* About {view.minutes} minutes."]
    parts += [_content_note(note, "#check-your-learning") for note in view.module.content_notes]
    parts.append("## What you will be able to do\n\nBy the end of this module you will be able to:\n\n"
                 + _bullets(o.text for o in view.outcomes))
    if view.key_messages:
        parts.append("## Key messages\n\n" + _bullets(k.text for k in view.key_messages))
    parts.append(cite(view.body, plan.sources))
    if view.stories:
        parts.append("## Stories\n\n" + "\n\n".join(_story(s) for s in view.stories))
    if view.activities:
        parts.append("## Activities\n\n" + "\n\n".join(_activity(a) for a in view.activities))
    if view.reflection:
        parts.append("## Reflection\n\nTake a few minutes to think about these. You do not have to share "
                     "your answers.\n\n" + _bullets(r.text for r in view.reflection))
    if view.questions:
        parts.append("## Check your learning\n\nChoose an answer and select **Check my answer** to see "
                     "feedback. You can try as many times as you like.\n\n"
                     + "\n\n".join(quiz.question_html(plan.id, view.slug, n, q)
                                   for n, q in enumerate(view.questions, start=1)))
    parts.append(_module_sources(view, plan.sources))
    parts.append(f'<div class="ck-page" data-course="{plan.id}" data-module="{view.slug}" '
                 f'data-questions="{len(view.questions)}" hidden></div>')
    return Page(f"{view.slug}.md", f"{view.number}. {view.title}", "\n\n".join(parts) + "\n")


def glossary_page(plan: CoursePlan) -> Page:
    entries = "\n\n".join(f"**{t.term}**\n:   {t.definition}" for t in plan.glossary)
    text = ("# Jargon buster\n\nThe words and abbreviations used in this course, in plain English. "
            "It is always fine to ask what a word means.\n\n" + (entries or "No terms yet.") + "\n")
    return Page("glossary.md", "Jargon buster", text)


def progress_page(plan: CoursePlan) -> Page:
    rows = "\n".join(
        f'<tr data-module="{v.slug}" data-questions="{len(v.questions)}"><td><a href="{v.slug}.html">'
        f'{html.escape(v.title)}</a></td><td class="ck-read">Not yet read</td>'
        f'<td class="ck-checks">0 of {len(v.questions)} passed</td></tr>'
        for v in plan.modules)
    text = f"""# Your progress

This page shows which modules you have opened and which knowledge-check questions you have
answered correctly. It is saved only in this web browser on this device: nobody else can see it.

<div class="ck-progress" data-course="{plan.id}" markdown>
<p class="ck-summary" role="status">Progress is shown when JavaScript is turned on.</p>
<table>
<caption>Modules and knowledge checks</caption>
<thead><tr><th scope="col">Module</th><th scope="col">Read</th><th scope="col">Knowledge check</th></tr></thead>
<tbody>
{rows}
</tbody>
</table>
<button type="button" class="md-button ck-reset">Clear my progress on this device</button>
</div>
"""
    return Page("progress.md", "Your progress", text)


def print_page(plan: CoursePlan) -> Page:
    parts = [f"# {plan.audience.course_title}: the whole course",
             "This page holds every module on one page, so you can print it or save it as a PDF "
             "(use your browser's Print command). The knowledge checks are interactive on each "
             "module's own page."]
    for view in plan.modules:
        parts.append(f"## {view.number}. {view.title}")
        parts += [_content_note(note, None) for note in view.module.content_notes]
        parts.append("### What you will be able to do\n\n" + _bullets(o.text for o in view.outcomes))
        if view.key_messages:
            parts.append("### Key messages\n\n" + _bullets(k.text for k in view.key_messages))
        parts.append(_demote(cite(view.body, plan.sources)))
        for story in view.stories:
            parts.append(_story(story, level=3, collapsed=False))
        if view.reflection:
            parts.append("### Reflection\n\n" + _bullets(r.text for r in view.reflection))
    return Page("print.md", "Print or save the whole course", "\n\n".join(parts) + "\n")


def sources_page(plan: CoursePlan) -> Page:
    entries = "\n".join(f'- <span id="{s.id}"></span>{_reference(s)}' for s in plan.sources)
    text = ("# Sources\n\nThe stories, frameworks and guidance this course draws on. Stories are retold in "
            "our own words, with credit to the people who told them. Rates, thresholds and rules marked "
            "*check before use* change often: check the current version.\n\n" + entries + "\n")
    return Page("sources.md", "Sources", text)


def cite(markdown: str, sources: tuple[Source, ...]) -> str:
    """Replace [@id] citations with short links to the sources page."""
    by_id = {s.id: s for s in sources}

    def link(match: re.Match) -> str:
        source = by_id[match["id"]]
        return f"([{_short_author(source.author)}, {source.date}](sources.md#{source.id}))"

    return body_syntax.CITATION.sub(link, markdown)


def glossary_abbreviations(plan: CoursePlan) -> str:
    """Return abbr definitions so every use of a glossary term gets a tooltip."""
    return "\n".join(f"*[{t.term}]: {_one_line(t.definition)}" for t in plan.glossary)


def _content_note(note: ContentNote, skip_to: str | None) -> str:
    skip = f" [Skip to the next part]({skip_to})." if skip_to else ""
    return (f'!!! warning "Content note"\n\n    {_indent(note.about)}\n\n    **Your choice:** '
            f"{_indent(note.choice)}{skip}\n\n    **Support:** {_indent(note.support)}")


def _story(story, level: int = 3, collapsed: bool = True) -> str:
    hashes = "#" * level
    text = f"{story.text}\n\n*{story.attribution}*"
    if story.content_note and collapsed:
        note = story.content_note
        return (f"{hashes} {story.title}\n\n" + _content_note(note, None)
                + f'\n\n??? story "Read the story: {story.title}"\n\n    ' + _indent(text))
    return f'{hashes} {story.title}\n\n!!! story "Told by {story.storyteller}"\n\n    ' + _indent(text)


def _activity(activity) -> str:
    lines = [f"### {activity.title}", f"*About {activity.minutes} minutes.*", activity.instructions]
    if activity.ways_to_contribute:
        lines.append("**Ways to take part:** " + ", ".join(activity.ways_to_contribute) + ".")
    if activity.alternative:
        lines.append(f"**If you would rather not:** {activity.alternative}")
    return "\n\n".join(lines)


def _module_sources(view: ModuleView, sources: tuple[Source, ...]) -> str:
    from ..plan import used_sources

    used = used_sources((view,))
    items = [f"- {_reference(s)}" for s in sources if s.id in used]
    return "## Sources for this module\n\n" + "\n".join(items) if items else ""


def _reference(source: Source) -> str:
    title = f"[{source.title}]({source.url})" if source.url else f"*{source.title}*"
    check = " *Check before use: this changes.*" if source.time_sensitive else ""
    return f"{source.author} ({source.date}). {title}.{check}"


def _outcome_summary(plan: CoursePlan) -> str:
    return _bullets(f"{v.title}: {v.module.summary}" for v in plan.modules)


def _duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"about {rest} minutes"
    hour_text = f"{hours} hour{'s' if hours > 1 else ''}"
    return f"about {hour_text}" + (f" {rest} minutes" if rest else "")


def _bullets(items) -> str:
    return "\n".join(f"- {_one_line(item)}" for item in items)


def _indent(text: str) -> str:
    return text.strip().replace("\n", "\n    ")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _demote(markdown: str) -> str:
    return re.sub(r"^(#{2,5}) ", r"#\1 ", markdown, flags=re.M)


def _short_author(author: str) -> str:
    match = re.search(r"\(([A-Z][A-Za-z]+)\)", author)
    return match[1] if match else author.split(",")[0]
