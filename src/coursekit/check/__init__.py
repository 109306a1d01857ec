"""`coursekit check`: hold a project to the quality standard of the content brief.

Pure functions over a loaded Project: nothing is printed. The only files read are the module
files themselves (for line numbers) and, when given, the source transcripts.

    from coursekit.check import check_project
    report = check_project(project, sources_dir=Path("../shared/sources"))
    for finding in report.findings: print(finding)
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..errors import ERROR, WARNING, Problem
from ..model import Project
from . import (
    alignment,
    course,
    editions,
    fidelity,
    gates,
    language,
    markup,
    materials,
    provenance,
    selfstudy,
    slots,
    storytellers,
    wellbeing,
)
from .context import Context
from .model import Report
from .text import read_audience, read_module

__all__ = [
    "AUDIENCE_RULES",
    "ERROR",
    "PROJECT_RULES",
    "RULES",
    "WARNING",
    "Problem",
    "Report",
    "check_project",
]

RULES = (
    provenance.story_sources,  # G1
    provenance.third_parties,  # G1
    provenance.invented_outcomes,  # G1
    storytellers.named_outside_story,  # G1
    storytellers.titled_outside_story,  # G1
    fidelity.story_fidelity,  # G1
    gates.sensitive_material,  # G2
    gates.claims,  # G3
    gates.measurable_outcomes,  # G4
    gates.timings,  # G5
    alignment.alignment,
    alignment.items_for_no_audience,
    alignment.counts,
    alignment.answer_length_cue,
    materials.materials,
    language.glossary,
    language.deficit_language,
    language.transcription_errors,
    language.reading_level,
    language.hard_passages,
    language.plain_words,
    markup.raw_html,
    markup.links,
    markup.blanks,
    markup.yaml_in_text,
    markup.table_headers,
    wellbeing.disclosure_pressure,
    wellbeing.unpaid_co_delivery,
    provenance.own_words,
    provenance.citations_by_hand,
    provenance.review_date,
    provenance.future_dates,
    selfstudy.self_study,
    slots.unknown_slots,
    editions.replaced_behind,
    editions.version_unchanged,
)
"""Every module rule: a function (ModuleText, Context) -> findings."""

AUDIENCE_RULES = (
    gates.claims,  # G3
    gates.course_outcomes,  # G4
    language.glossary,
    language.deficit_language,
    language.transcription_errors,
    language.audience_reading_level,
    markup.raw_html,
    markup.links,
    markup.blanks,
    markup.yaml_in_text,
    markup.table_headers,
    wellbeing.disclosure_pressure,
    wellbeing.unpaid_co_delivery,
    provenance.third_parties,
    provenance.citations_by_hand,
    storytellers.named_outside_story,
    storytellers.titled_outside_story,
)
"""Every audience rule: a function (AudienceText, Context) -> findings."""

PROJECT_RULES = (
    course.course_lengths,  # G5: each course's planned length against its stated length_minutes
    storytellers.tied_stories_told,
    provenance.future_source_dates,
)
"""Rules over the whole project: a function (Context) -> findings."""


def check_project(project: Project, sources_dir: Path | None = None, today: dt.date | None = None) -> Report:
    """Check every module of a loaded project against the quality standard and return the findings.

    Args:
        project: a project that loaded without errors.
        sources_dir: a folder of source transcripts (*.txt); text repeating nine or more of
            their words in a row is reported, and every name and number in a story must be in
            its source's transcript. None skips those checks.
        today: the date review dates are compared with (default: today).
    """
    texts = provenance.read_sources(sources_dir) if sources_dir else None
    ctx = Context(
        project, today or dt.date.today(), provenance.word_runs(texts) if texts is not None else None, texts
    )
    findings: set[Problem] = set()
    for module in project.modules:
        doc = read_module(module, project)
        for rule in RULES:
            findings.update(rule(doc, ctx))
    for audience in project.audiences:
        doc = read_audience(audience, project)
        for rule in AUDIENCE_RULES:
            findings.update(rule(doc, ctx))
    for project_rule in PROJECT_RULES:
        findings.update(project_rule(ctx))
    ordered = tuple(sorted(findings, key=Problem.sort_key))
    return Report(ordered, files=len(project.modules) + len(project.audiences))
