"""Hard gates G2 to G5 of the content brief (G1, about stories, is in provenance.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .. import body as body_syntax
from ..errors import ERROR, WARNING, Problem
from ..timeline import scripted_minutes
from . import patterns, wordlists
from .context import Context
from .text import AudienceText, Document, ModuleText, Passage

TIMING_TOLERANCE = 0.10
UNMEASURABLE_LIMIT = 0.20


# --- G2: sensitive material has a content note and an alternative ------------------------------


def sensitive_material(doc: ModuleText, ctx: Context) -> Iterator[Problem]:
    """Sensitive stories carry a content note; sensitive activities and sessions offer an alternative."""
    module = doc.module
    for i, story in enumerate(module.stories):
        match = patterns.SENSITIVE.search(story.text)
        if match and not story.content_note:
            yield doc.passage("stories", i, "text").finding(
                match.start(),
                "G2-content-note",
                ERROR,
                f"story mentions {match[0]!r} but has no content_note: add one saying what is in it, "
                "the learner's choice and where to get support",
            )
    for i, activity in enumerate(module.activities):
        if activity.sensitive and not (activity.alternative or "").strip():
            yield doc.finding(
                ("activities", i, "sensitive"),
                "G2-alternative",
                ERROR,
                "activity is marked sensitive but has no alternative: add one",
            )
    yield from _distressing(doc)
    for view in ctx.views(module):
        sensitive = module.content_notes or any(
            s.content_note or patterns.SENSITIVE.search(s.text) for s in view.stories
        )
        if sensitive and not any((a.alternative or "").strip() for a in view.activities):
            yield doc.finding(
                ("audiences", view.audience_id),
                "G2-alternative",
                ERROR,
                f"{view.audience_id} gets sensitive material but none of its activities has an "
                "alternative: give at least one activity an 'alternative'",
            )


NO_NOTE_NEEDED = ("content_notes", "glossary", "sources")


def _distressing(doc: ModuleText) -> Iterator[Problem]:
    """Distressing material anywhere (activities, body, notes, messages) is covered by a content
    note that names it; an activity about it is marked sensitive."""
    module_notes = _covered(module.content_notes) if (module := doc.module) else set()
    reported: set[tuple[str, str]] = set()
    for passage in doc.passages:
        story = re.match(r"stories\[(\d+)\]\.", passage.field)
        if passage.field.startswith(NO_NOTE_NEEDED) or (story and not passage.field.endswith(".text")):
            continue
        covered = module_notes
        if story:
            note = module.stories[int(story[1])].content_note
            covered = covered | _covered((note,) if note else ())
            if not note and patterns.SENSITIVE.search(passage.text):
                continue  # reported as a story without a content note
        activity = re.match(r"activities\[(\d+)\]\.", passage.field)
        for match in patterns.DISTRESSING.finditer(passage.text):
            if passage.quoted(match.start(), match.end()):
                continue  # a quoted model answer or example wording
            topic = patterns.DISTRESSING_TOPICS[int(match.lastgroup[1:])]
            if topic not in covered and (passage.field, topic) not in reported:
                reported.add((passage.field, topic))
                yield passage.finding(
                    match.start(),
                    "G2-content-note",
                    ERROR,
                    (
                        f"mentions {match[0]!r} ({topic}) but no content note covers it: add one to the "
                        "module's 'content_notes' (or the story's) that names it, with the learner's choice "
                        "and where to get support"
                    ),
                )
            if (
                activity
                and not module.activities[int(activity[1])].sensitive
                and (activity[0], "sensitive") not in reported
            ):
                reported.add((activity[0], "sensitive"))
                yield passage.finding(
                    match.start(),
                    "G2-sensitive-activity",
                    ERROR,
                    (
                        f"this activity mentions {match[0]!r} ({topic}) but is not marked sensitive: set "
                        "'sensitive: true' and give it an 'alternative'"
                    ),
                )


def _covered(notes) -> set[str]:
    """Return the distressing topics that content notes name."""
    text = " ".join(f"{n.about} {n.choice}" for n in notes)
    return {topic for topic, pattern in patterns.TOPICS.items() if pattern.search(text)}


# --- G3: payment, benefits and legal claims cite a dated source; no personal advice -------------

NOT_CLAIMS = ("glossary", "sources", "stories")
"""Fields whose mentions are not claims: definitions, references, and the stories' own fields
other than their text (checked below)."""


def claims(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Every payment, benefits or legal claim that anyone reads (trainers read notes aloud) cites a
    dated source; nothing is personal advice."""
    lead_cited = False
    for passage in doc.passages:
        if passage.kind == "heading" or not passage.asserts or not _states_claims(passage):
            continue
        cited = _cites_dated(passage, doc, ctx)
        if passage.kind == "item":
            cited = cited or lead_cited
        else:
            lead_cited = cited and passage.text.rstrip().endswith(":")
        match = next(
            (m for m in patterns.CLAIM.finditer(passage.text) if not passage.quoted(m.start(), m.end())), None
        )  # a quotation is a mention
        if match and not cited:
            yield passage.finding(match.start(), "G3-dated-source", ERROR, _claim_message(match[0], passage))
    yield from _personal_advice(doc)


def _states_claims(passage: Passage) -> bool:
    if passage.field.startswith("stories"):
        return passage.field.endswith("].text")
    return not passage.field.startswith(NOT_CLAIMS)


def _cites_dated(passage: Passage, doc: Document, ctx: Context) -> bool:
    if _names_dated(passage.text, ctx):
        return True
    item = re.match(r"(key_messages|stories)\[(\d+)\]\.text$", passage.field)
    if item:
        entry = getattr(doc.module, item[1])[int(item[2])]
        attached = entry.sources if item[1] == "key_messages" else (entry.source,)
        return any(ctx.dated(source_id) for source_id in attached)
    option = re.match(r"questions\[(\d+)\]\.options\[(\d+)\]", passage.field)
    if option:  # an answer and its feedback are shown together: a citation in either covers both
        answer = doc.module.questions[int(option[1])].options[int(option[2])]
        return _names_dated(answer.text, ctx) or _names_dated(answer.feedback, ctx)
    return False


def _names_dated(text: str, ctx: Context) -> bool:
    return any(
        ctx.dated(source_id) for _, source_id in body_syntax.citations(text)
    ) or ctx.names_dated_source(text)


def _claim_message(word: str, passage: Passage) -> str:
    if passage.field.startswith("key_messages"):
        fix = "add a dated source to this key message's 'sources'"
    elif passage.field == "body":
        fix = "cite a dated source in the same paragraph, for example [@scie-paying-benefits]"
    elif passage.field.startswith("stories"):
        fix = (
            "the story's source has no date; name a dated source, author and year, for example '(SCIE, 2021)'"
        )
    else:
        fix = (
            "name a dated source here, author and year, for example '(SCIE, 2021)', or move the "
            "claim into the body and cite it there"
        )
    return (
        f"mentions {word!r}, a payment, benefits or legal claim, with no dated source: {fix} "
        "(sources dated 'n.d.' do not count)"
    )


def _personal_advice(doc: Document) -> Iterator[Problem]:
    """Report each sentence that advises one person about their benefits, once."""
    for passage in doc.passages:
        text = passage.text.replace("’", "'")
        for sentence in patterns.SENTENCE.finditer(text):
            match = next(
                (
                    m
                    for m in patterns.ADVICE.finditer(text, sentence.start(), sentence.end())
                    if not passage.quoted(m.start(), m.end())
                ),
                None,
            )
            if match:
                yield passage.finding(
                    match.start(),
                    "G3-personal-advice",
                    ERROR,
                    (
                        f"{match[0]!r} is personal benefits advice: the course must not advise individuals; "
                        "say that rules depend on each person's situation and signpost independent "
                        "welfare-rights advice"
                    ),
                )


# --- G4: outcomes are measurable --------------------------------------------------------------


def measurable_outcomes(doc: ModuleText, ctx: Context) -> Iterator[Problem]:
    """Each outcome starts with an observable verb; at most 20% of a module's outcomes, and of
    those each audience sees, may not."""
    outcomes = doc.module.outcomes
    vague = [(i, why) for i, outcome in enumerate(outcomes) if (why := unmeasurable(outcome.text))]
    for i, why in vague:
        yield doc.finding(("outcomes", i, "text"), "G4-outcome-verb", WARNING, why)
    if _too_vague(len(vague), len(outcomes)):
        yield doc.finding(
            ("outcomes",),
            "G4-unmeasurable-share",
            ERROR,
            _share_message(len(vague), len(outcomes), "outcomes"),
        )
        return
    for view in ctx.views(doc.module):
        seen = [o for o in view.outcomes if unmeasurable(o.text)]
        if _too_vague(len(seen), len(view.outcomes)):
            first = next(i for i, o in enumerate(outcomes) if o.id == seen[0].id)
            yield doc.finding(
                ("outcomes", first),
                "G4-unmeasurable-share",
                ERROR,
                _share_message(len(seen), len(view.outcomes), f"outcomes {view.audience_id} sees"),
            )


def course_outcomes(doc: AudienceText, ctx: Context) -> Iterator[Problem]:
    """At most 20% of the outcomes an audience sees across its course may be unmeasurable."""
    seen = [o for view in ctx.course(doc.audience.id) for o in view.outcomes]
    vague = [o for o in seen if unmeasurable(o.text)]
    if _too_vague(len(vague), len(seen)):
        yield doc.finding(
            ("modules",),
            "G4-unmeasurable-share",
            ERROR,
            _share_message(len(vague), len(seen), "outcomes this course shows"),
        )


def _too_vague(vague: int, total: int) -> bool:
    return total > 0 and vague > total * UNMEASURABLE_LIMIT


def _share_message(vague: int, total: int, what: str) -> str:
    return (
        f"{vague} of {total} {what} ({vague / total:.0%}) cannot be observed; at most "
        f"{UNMEASURABLE_LIMIT:.0%} may be, and the aim is none"
    )


def unmeasurable(text: str) -> str | None:
    """Return why an outcome cannot be observed, or None if it starts with an observable verb."""
    words = re.findall(r"[a-z][a-z'-]*", text.lower())
    banned = re.search(r"(?:^|\band |\bor |, )(" + "|".join(wordlists.UNMEASURABLE) + r")\b", text.lower())
    if banned:
        return (
            f"uses {banned[1]!r}, which cannot be observed: start with what learners will do, "
            "for example describe, explain, list, use, plan or draft"
        )
    if not words or (
        words[0] not in wordlists.OBSERVABLE_VERBS and " ".join(words[:2]) not in wordlists.OBSERVABLE_PHRASES
    ):
        first = words[0] if words else ""
        return (
            f"starts with {first!r}, not an observable verb: start with what learners will do, "
            "for example describe, explain, list, use, plan or draft"
        )
    return None


# --- G5: timings add up -----------------------------------------------------------------------


def timings(doc: ModuleText, ctx: Context) -> Iterator[Problem]:
    """For each audience, its core (not optional) activities and scripted input add up to its session
    length within 10%: optional activities are extras the plan drops first."""
    for view in ctx.views(doc.module):
        core = sum(a.minutes for a in view.activities if not a.optional)
        scripted = scripted_minutes(view)
        total, minutes = core + scripted, view.minutes
        if abs(total - minutes) > minutes * TIMING_TOLERANCE:
            own = doc.module.audiences[view.audience_id].minutes is not None
            loc = ("audiences", view.audience_id, "minutes") if own else ("minutes",)
            low, high = round(minutes * (1 - TIMING_TOLERANCE)), round(minutes * (1 + TIMING_TOLERANCE))
            made_of = (
                f"core activities ({core} min) and input scripts ({scripted} min)"
                if scripted
                else ("core (not optional) activities")
            )
            yield doc.finding(
                loc,
                "G5-timing",
                ERROR,
                (
                    f"the {made_of} for {view.audience_id} add up to {total} min, but its session is "
                    f"{minutes} min: make them {low} to {high} min, or set its minutes to {total}"
                ),
            )
