"""Shared test helpers: build small projects inline, run the CLI, find real clients."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

import coursekit
from coursekit.cli import app

MODULE = """\
---
id: {id}
title: {title}
summary: Why we work together.
minutes: 30
version: "1.0"
updated: 2026-11-22
review_date: 2027-11-22
audiences:
  staff:
    focus: Everyday practice.
  bosses:
    focus: Budgets and decisions.
    minutes: 20
outcomes:
  - id: describe
    text: Describe one benefit of working together.
key_messages:
  - text: People know their own lives best.
    sources: [example-story]
activities:
  - id: pairs
    title: Talk in pairs
    minutes: 30
    type: pairs
    outcomes: [describe]
    instructions: Talk with a partner about a time someone listened to you.
    facilitator_notes: SECRET-FACILITATOR-NOTE keep time and check in.
    ways_to_contribute: [spoken, written]
    materials: [listening-cards]
    equipment: [A timer]
    led_by: co-trainer
    audiences: [staff]
  - id: budget
    title: Cost a meeting
    minutes: 20
    type: small-group
    outcomes: [describe]
    instructions: Work out what one co-produced meeting costs.
    facilitator_notes: Bring calculators.
    audiences: [bosses]
stories:
  - id: sams-story
    title: Sam joins a group
    storyteller: Sam
    attribution: Told by Sam (Example Org, 2022).
    source: example-story
    consent:
      status: published-public
      covers: [site, slides, print]
      recorded_by: Test team
      recorded_on: 2026-11-01
      review_by: 2027-11-01
      attribution_form: First name only.
    text: Sam joined a group and helped to change a service.
    content_note:
      about: Mentions homelessness.
      choice: Skip it or read it later.
      support: Talk to your trainer.
reflection:
  - text: What will you try first?
questions:
  - id: what-is-it
    prompt: What is co-production?
    outcomes: [describe]
    options:
      - text: Working together as equals in the NHS
        correct: true
        feedback: Yes, power is shared.
      - text: A survey
        feedback: No, a survey is consultation.
materials:
  - id: listening-cards
    title: Listening cards
    kind: cards
    copies: per-pair
    audiences: [staff]
    text: |
      Cut out the cards. Take turns to read one aloud.

      1. CARD-ONE A time someone listened to you.
      2. CARD-TWO A time you changed your mind.

      | Card | Question |
      | --- | --- |
      | CARD-THREE | What helped you to speak? |

      - Things to notice
          - NESTED-ITEM who spoke first
glossary:
  - term: NHS
    definition: National Health Service.
prerequisites: {prerequisites}
---
## Why it matters

The NHS has a duty to involve people [@example-story].

::: only bosses
BOSSES-ONLY budget paragraph.
:::
"""

AUDIENCE = """\
id: {id}
name: {name}
description: People who work in services.
course_title: {name} course
modules: {modules}
length_minutes: 30
reading_level: 8
tone: Warm.
support: Ask your trainer.
"""

SOURCES = """\
sources:
  - id: example-story
    title: Sam's story
    author: Example Org
    date: "2022"
    kind: story
"""


def module_text(module_id: str = "intro", title: str = "Introduction", prerequisites: str = "[]") -> str:
    """Return a valid module file's text."""
    return MODULE.format(id=module_id, title=title, prerequisites=prerequisites)


def audience_text(audience_id: str, modules: str = "[intro]") -> str:
    """Return a valid audience file's text."""
    return AUDIENCE.format(id=audience_id, name=audience_id.capitalize(), modules=modules)


def one_module(
    module: str, audience: str | None = None, audiences: tuple[str, ...] = ("staff",)
) -> dict[str, str]:
    """The files of a project with one module, `a`, taught to each of `audiences` (the first one's
    file is `audience`, if given)."""
    files = {f"audiences/{a}.yml": audience_text(a, "[a]") for a in audiences}
    if audience is not None:
        files[f"audiences/{audiences[0]}.yml"] = audience
    return {"modules/a.md": module, **files, "sources.yml": SOURCES}


def write_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write files (path -> text or bytes) under root and return root."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(
                textwrap.dedent(content) if content.startswith("\n") else content, encoding="utf-8"
            )
    return root


COURSE_LENGTHS = {"staff": 65, "bosses": 55}
"""Minutes in the room of the small project's courses: the module with its welcome, check-in,
input, story, check, reflection, check-out and buffer (within 10% of what they plan to)."""


def course_audience(audience_id: str) -> str:
    """Return the small project's audience file, with the length its course plans to."""
    minutes = COURSE_LENGTHS[audience_id]
    return audience_text(audience_id).replace("length_minutes: 30", f"length_minutes: {minutes}")


def valid_files() -> dict[str, str]:
    """Return the files of a small valid project with two audiences."""
    return {
        "modules/intro.md": module_text(),
        "audiences/staff.yml": course_audience("staff"),
        "audiences/bosses.yml": course_audience("bosses"),
        "sources.yml": SOURCES,
    }


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A small valid project in a temporary folder."""
    return write_tree(tmp_path / "project", valid_files())


@pytest.fixture
def cli(monkeypatch):
    """Run the CLI in a folder; return the result (exit_code, stdout, stderr)."""
    runner = CliRunner()

    def run(args: list[str], cwd: Path):
        monkeypatch.chdir(cwd)
        return runner.invoke(app, args, catch_exceptions=False)

    return run


def require_tool(path_or_name: str, why: str) -> str:
    """Return the tool's path; fail in CI (CI=true) and skip elsewhere when it is missing."""
    found = path_or_name if os.path.exists(path_or_name) else shutil.which(path_or_name)
    if found:
        return found
    message = f"{path_or_name} is not installed: {why}"
    if os.environ.get("CI"):
        pytest.fail(message + " (CI must install it: see .ci/run)")
    pytest.skip(message)


def tree_bytes(root: Path) -> dict[str, bytes]:
    """Return every file under root with its bytes, keyed by relative path."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


CHECKED_MODULE = """\
---
id: intro
title: Introduction
summary: Why we work together, and how to start.
minutes: 30
version: "1.0"
updated: 2026-11-22
review_date: 2099-11-22
audiences:
  staff:
    focus: Everyday practice.
  bosses:
    focus: Budgets and decisions.
    minutes: 20
outcomes:
  - id: describe
    text: Describe one benefit of working together.
  - id: plan
    text: Plan one small step you will take next week.
  - id: name
    text: Name two people who should be in the room.
key_messages:
  - text: People know their own lives best.
    sources: [example-story]
activities:
  - id: pairs
    title: Talk in pairs
    minutes: 30
    type: pairs
    outcomes: [describe, plan, name]
    instructions: Talk with a partner about a time someone listened to you.
    facilitator_notes: Keep time and check in.
    alternative: Write your answer on a card instead.
    self_study: Write down a time someone listened to you, and what they did that helped.
    ways_to_contribute: [spoken, written]
    audiences: [staff]
  - id: budget
    title: Cost a meeting
    minutes: 20
    type: small-group
    outcomes: [describe, plan, name]
    instructions: Work out what one meeting with paid members costs.
    facilitator_notes: Bring calculators.
    alternative: Work on your own with the sheet.
    self_study: Work out what one meeting with paid members costs, on your own.
    materials: [meeting-sheet]
    audiences: [bosses]
stories:
  - id: sams-story
    title: Sam joins a group
    storyteller: Sam
    attribution: Told by Sam (Example Org, 2022).
    source: example-story
    consent:
      status: published-public
      covers: [site, slides, print]
      recorded_by: Test team
      recorded_on: 2026-11-01
      review_by: 2027-11-01
      attribution_form: First name only.
    text: Sam joined a group and helped to change a service.
questions:
  - id: q-describe
    prompt: Why do we work together?
    outcomes: [describe]
    options:
      - text: People know their own lives best.
        correct: true
        feedback: Yes. That is the main reason.
      - text: To save time.
        feedback: No. It takes time.
  - id: q-plan
    prompt: What is a good first step?
    outcomes: [plan]
    options:
      - text: Ask people what matters to them.
        correct: true
        feedback: Yes. Start by asking.
      - text: Write the plan first.
        feedback: No. Ask people before you write it.
  - id: q-name
    prompt: Who should be in the room?
    outcomes: [name]
    options:
      - text: People who use the service, and staff.
        correct: true
        feedback: Yes. Both kinds of knowledge matter.
      - text: Only managers.
        feedback: No. Managers alone miss what people know.
materials:
  - id: meeting-sheet
    title: Meeting sheet
    kind: sheet
    audiences: [bosses]
    text: |
      Fill in one line for each part of the meeting.

      | Part of the meeting | Hours |
      | --- | --- |
      | Getting ready | |
      | The meeting | |
glossary:
  - term: NHS
    definition: National Health Service.
prerequisites: []
---
## Why it matters

The NHS wants to hear from the people it serves [@example-story].

We work best when we work together. People know a lot about their own lives. Staff know a lot
about the service. When we put the two together, we can make things better for everyone.

::: only bosses
Each meeting costs money. Plan for it.
:::
"""


def checked_files(module: str = CHECKED_MODULE) -> dict[str, str]:
    """Return the files of a small project that passes `coursekit check --strict` (or this module)."""
    return dict(valid_files(), **{"modules/intro.md": module})


def checked_module(*replacements: tuple[str, str]) -> str:
    """Return the checked module's text with each (old, new) snippet replaced; old must occur."""
    text = CHECKED_MODULE
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    return text


def require_module(name: str, why: str):
    """Import and return a Python module; fail in CI (CI=true) and skip elsewhere when it is missing."""
    import importlib

    try:
        return importlib.import_module(name)
    except ImportError:
        message = f"the Python package for {name} is not installed: {why}"
        if os.environ.get("CI"):
            pytest.fail(message + " (CI installs it: pip install -e '.[test]')")
        pytest.skip(message)


def run_coursekit(args: list[str], cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run the coursekit command in a separate process that is killed after timeout seconds.

    For inputs that once hung or exhausted memory: a regression fails the test, never hangs it.
    """
    source = str(Path(coursekit.__file__).resolve().parent.parent)
    env = dict(
        os.environ,
        PYTHONPATH=os.pathsep.join(filter(None, [source, os.environ.get("PYTHONPATH")])),
        NO_MKDOCS_2_WARNING="1",
    )
    return subprocess.run(
        [sys.executable, "-m", "coursekit", *args],
        check=False,
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The output of one real build of the small valid project (both audiences, site and slides)."""
    root = write_tree(tmp_path_factory.mktemp("built") / "project", valid_files())
    result = run_coursekit(["build"], root)
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture
def refused_build(tmp_path, built_site):
    """Return run(files) -> stderr lines: build a project made of files over a previous real output,
    check that it fails cleanly (exit 1, no traceback) and leaves that output byte-identical."""

    def run(files: dict[str, str | bytes], args: tuple[str, ...] = (), prepare=None) -> list[str]:
        root = write_tree(tmp_path / "project", files)
        if prepare:
            prepare(root)
        shutil.copytree(built_site, root / "site", symlinks=True)
        before = tree_bytes(root / "site")
        result = run_coursekit(["build", *args], root)
        assert result.returncode == 1, result.stdout + result.stderr
        assert "Traceback" not in result.stderr, result.stderr
        assert tree_bytes(root / "site") == before
        return result.stderr.splitlines()

    return run


def timed_module(
    module_id: str,
    activities=(("talk", 30, {}),),
    questions: int = 0,
    reflection: bool = False,
    stories: tuple[int, ...] = (),
    audiences=("staff",),
    **fields,
) -> str:
    """Return a module file with the given activities (id, minutes, extra fields), `questions`
    knowledge-check questions, an optional reflection and stories of the given word counts."""
    import datetime as dt

    import yaml

    meta = {
        "id": module_id,
        "title": f"Module {module_id}",
        "summary": "Why we work together.",
        "minutes": sum(minutes for _, minutes, extra in activities if not extra.get("optional")),
        "version": "1.0",
        "updated": dt.date(2026, 11, 22),
        "review_date": dt.date(2099, 11, 22),
        "audiences": {a: {"focus": "Everyday practice."} for a in audiences},
        "outcomes": [{"id": "describe", "text": "Describe one benefit of working together."}],
        "activities": [
            {
                "id": ident,
                "title": f"Activity {ident}",
                "minutes": minutes,
                "type": "discussion",
                "outcomes": ["describe"],
                "instructions": "Talk with a partner about it.",
                "facilitator_notes": "Keep time.",
                **extra,
            }
            for ident, minutes, extra in activities
        ],
        "stories": [
            {
                "id": f"story-{n}",
                "title": f"Story {n}",
                "storyteller": "Sam",
                "attribution": "Told by Sam.",
                "source": "example-story",
                "text": " ".join(["word"] * words),
                "consent": {
                    "status": "published-public",
                    "covers": ["site", "slides", "print"],
                    "recorded_by": "Test team",
                    "recorded_on": dt.date(2026, 11, 1),
                    "review_by": dt.date(2027, 11, 1),
                    "attribution_form": "First name.",
                },
            }
            for n, words in enumerate(stories, start=1)
        ],
        "questions": [
            {
                "id": f"q{n}",
                "prompt": "Why?",
                "outcomes": ["describe"],
                "options": [
                    {"text": "Because.", "correct": True, "feedback": "Yes."},
                    {"text": "No reason.", "feedback": "No."},
                ],
            }
            for n in range(questions)
        ],
        "reflection": [{"text": "What will you do next?"}] if reflection else [],
        **fields,
    }
    return "---\n" + yaml.safe_dump(meta, sort_keys=False) + "---\n## Why it matters\n\nWe work together.\n"


def docx_blocks(path: Path) -> list[tuple[str, str]]:
    """Return (style name, text) of every paragraph of a Word document, table cells included, in order."""
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = Document(str(path))
    blocks = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            blocks.append((item.style.name, item.text))
        elif isinstance(item, Table):
            blocks += [
                (p.style.name, p.text) for row in item.rows for cell in row.cells for p in cell.paragraphs
            ]
    return blocks


def docx_tables(path: Path) -> list[list[list[str]]]:
    """Return every table of a Word document as rows of cell texts."""
    from docx import Document

    return [[[cell.text for cell in row.cells] for row in table.rows] for table in Document(str(path)).tables]


def assert_accessible_docx(path: Path, title: str) -> None:
    """Word's heading styles, header rows marked as headers, UK English, a title in the properties."""
    from docx import Document
    from docx.oxml.ns import qn

    document = Document(str(path))
    assert document.core_properties.title == title
    assert document.core_properties.language == "en-GB"
    default_language = document.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:lang"))
    assert default_language.get(qn("w:val")) == "en-GB"
    styles = [p.style.name for p in document.paragraphs]
    assert "Heading 1" in styles
    for table in document.tables:
        header = table.rows[0]._tr.trPr
        assert header is not None and header.find(qn("w:tblHeader")) is not None


def convert_to_pdf(document: Path, tmp_path: Path) -> Path:
    """Convert a deck or document to PDF with LibreOffice in its own profile; return the PDF's path."""
    import subprocess

    soffice = require_tool("soffice", "decks and documents are checked by opening them in LibreOffice")
    out = tmp_path / "pdf"
    env = dict(os.environ, HOME=str(tmp_path))
    command = [soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/lo"]
    command += ["--convert-to", "pdf", "--outdir", str(out), str(document)]
    subprocess.run(command, check=True, capture_output=True, timeout=180, env=env)
    return out / (document.stem + ".pdf")


def pdf_text(document: Path, tmp_path: Path) -> str:
    """Convert a document to PDF with LibreOffice and return the PDF's text, whitespace collapsed."""
    import subprocess

    pdftotext = require_tool("pdftotext", "the converted document is read back as text (poppler-utils)")
    pdf = convert_to_pdf(document, tmp_path)
    text = subprocess.run([pdftotext, str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return " ".join(text.split())


def assert_fixed_stamps(path: Path, date) -> None:
    """An Office file carries no clock: zip members dated 1980-01-01, properties dated from the course."""
    import datetime as dt
    import zipfile

    from docx import Document

    assert {info.date_time for info in zipfile.ZipFile(path).infolist()} == {(1980, 1, 1, 0, 0, 0)}
    props = Document(str(path)).core_properties
    moment = dt.datetime(date.year, date.month, date.day)
    assert {
        props.created.replace(tzinfo=None),
        props.modified.replace(tzinfo=None),
        props.last_printed.replace(tzinfo=None),
    } == {moment}


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def shared_browser():
    """Debian's Chromium through Playwright, one for the whole test run.

    Playwright's sync API allows one running instance per thread, so every browser test shares it
    and opens its own context.
    """
    require_tool(CHROMIUM, "the browser tests drive Debian's Chromium (apt-get install chromium)")
    sync_api = require_module("playwright.sync_api", "the browser tests drive Chromium through Playwright")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


HALF_DAY_AND_FOLLOW_UP = """\
  - title: Half day
    minutes: 60
    modules: [a]
  - title: Follow-up, 6 to 8 weeks later
    minutes: 40
    modules: [b]
"""
"""Two sittings for the staff course of modules a and b (see in_parts)."""


def in_parts(
    parts: str = HALF_DAY_AND_FOLLOW_UP, length: int = 100, a: str = "", b: str = ""
) -> dict[str, str]:
    """Return a project's files whose staff course of modules a and b runs in the given parts."""
    return {
        "modules/a.md": a or timed_module("a"),
        "modules/b.md": b or timed_module("b", activities=(("b-talk", 20, {}),)),
        "audiences/staff.yml": audience_text("staff", "[a, b]").replace(
            "length_minutes: 30\n", f"length_minutes: {length}\nparts:\n{parts}"
        ),
        "sources.yml": SOURCES,
    }


def long_day(root, modules: str = "abcdef", length: int = 330):
    """A staff course of six 45-minute modules: a day in the room, over four hours online."""
    files = {f"modules/{m}.md": timed_module(m, activities=((f"{m}-talk", 40, {}),)) for m in modules}
    files["audiences/staff.yml"] = audience_text("staff", "[" + ", ".join(modules) + "]").replace(
        "length_minutes: 30", f"length_minutes: {length}"
    )
    files["sources.yml"] = SOURCES
    return write_tree(root, files)
