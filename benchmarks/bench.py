"""Speed and memory of coursekit against the tools it drives, at 10, 100 and 1,000 modules.

    .venv/bin/python benchmarks/bench.py                  # sizes 10,100,1000; 3 runs of each pair
    .venv/bin/python benchmarks/bench.py --quick          # sizes 10,100; 1 run (a smoke check)
    .venv/bin/python benchmarks/bench.py --sizes 10,100 --runs 5

Every figure is a fresh process timed with time.perf_counter (start-up included, as a user sees
it), and its peak resident memory from os.wait4's resource usage. Each coursekit run is paired
with a baseline run on the same material, the two alternating (A B A B ...) so that a busy
machine slows both alike; the ratio of medians is what to read, not the absolute times.

Pairs:
- site: `coursekit build --no-check --only site` of a generated course of N one-page modules, against a
  default mkdocs-material build of N + 1 pages with the same text;
- deck: `coursekit build --no-check --only slides` of a generated course sized to give about N slides,
  against plain python-pptx adding the same slides with notes (one deck per course);
- `coursekit --help` against the --help of a stub typer app with the same commands;
- `coursekit check` of the built-in library against `coursekit list` (loading alone). A plain
  `coursekit build` also runs the check; the site and deck pairs leave it out (--no-check) so
  that they measure building against the tools that build.
Prints each ratio with its goal, MET or NOT MET. Asserts nothing; speed is kept out of the tests.
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
ENV = {
    "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
    "PYTHONPATH": str(ROOT / "src"),
    "NO_MKDOCS_2_WARNING": "1",
    "HOME": os.environ.get("HOME", "/tmp"),
    "LC_ALL": "C.UTF-8",
}
COURSEKIT = [PYTHON, "-m", "coursekit"]
SLIDES_PER_MODULE = 5  # section, outcomes, key messages, activity, check (see render/deck.py)
GLOSSARY_TERMS = 50  # a fixed glossary, like the built-in library's, so pages stay comparable


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mib: float


@dataclass(frozen=True)
class Pair:
    name: str
    size: int
    ours: list[Run]
    baseline_name: str
    theirs: list[Run]

    @property
    def time(self) -> float:
        return statistics.median(r.seconds for r in self.ours)

    @property
    def baseline_time(self) -> float:
        return statistics.median(r.seconds for r in self.theirs)

    @property
    def speedup(self) -> float:
        return self.baseline_time / self.time


def run_once(command: list[str], cwd: Path) -> Run:
    """Run command as a fresh process; return its wall time and peak memory."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"benchmark command failed ({process.returncode}): {' '.join(command)}\n{stderr.decode()}")
    return Run(seconds, usage.ru_maxrss / 1024)


def paired(
    name: str,
    size: int,
    ours: list[str],
    baseline_name: str,
    theirs: list[str],
    cwd: Path,
    runs: int,
    before=None,
) -> Pair:
    """Alternate ours and the baseline, runs times each; before() runs untimed ahead of each of ours."""
    a, b = [], []
    for _ in range(runs):
        if before:
            before()
        a.append(run_once(ours, cwd))
        b.append(run_once(theirs, cwd))
    return Pair(name, size, a, baseline_name, b)


# --- generated courses ---------------------------------------------------------------------------

MODULE = """\
---
id: m{n:04d}
title: Module {n} on working together
summary: How a team shares decisions, part {n}.
minutes: 30
version: "1.0"
updated: 2026-11-22
review_date: 2099-11-22
audiences:
  everyone:
    focus: Everyday practice.
outcomes:
  - id: describe
    text: Describe one way to share a decision in part {n}.
key_messages:
  - text: People know their own lives best, as part {n} shows.
    sources: [example-story]
activities:
  - id: pairs
    title: Talk in pairs {n}
    minutes: 20
    type: pairs
    outcomes: [describe]
    instructions: Talk with a partner about a time someone listened to you.
    facilitator_notes: Keep time and check in with each pair.
    ways_to_contribute: [spoken, written]
questions:
  - id: what
    prompt: What is co-production?
    outcomes: [describe]
    options:
      - text: Working together as equals
        correct: true
        feedback: Yes, power is shared.
      - text: A survey
        feedback: No, a survey is consultation.
glossary: {glossary}
---
## Why it matters

{body}
"""

BODY = (
    "Co-production means people who use services and people who run them work as equals. "
    "In part {n}, a team of staff and members of a lived experience group plan a change together, "
    "share the budget, and agree how they will know it worked. Everyone is paid for their time. "
)


def write_course(folder: Path, modules: int) -> None:
    """Write a course of one-page modules with a fixed glossary, deterministic for a size."""
    for n in range(1, modules + 1):
        glossary = (
            f"[{{term: term{n:04d}, definition: Word number {n} of the glossary.}}]"
            if n <= GLOSSARY_TERMS
            else "[]"
        )
        text = MODULE.format(n=n, glossary=glossary, body=(BODY.format(n=n) * 4).strip())
        _write(folder / "modules" / f"m{n:04d}.md", text)
    ids = ", ".join(f"m{n:04d}" for n in range(1, modules + 1))
    _write(
        folder / "audiences" / "everyone.yml",
        textwrap.dedent(f"""\
        id: everyone
        name: Everyone
        description: People who work in services.
        course_title: Working together, {modules} modules
        modules: [{ids}]
        length_minutes: {min(30 * modules, 24 * 60)}
        reading_level: 8
        tone: Warm.
        support: Ask your trainer.
        """),
    )
    _write(
        folder / "sources.yml",
        textwrap.dedent("""\
        sources:
          - id: example-story
            title: Sam's story
            author: Example Org
            date: "2022"
            kind: story
        """),
    )


def write_material_baseline(folder: Path, pages: int) -> None:
    """A default mkdocs-material project (theme only, default plugins) with the same page text."""
    _write(folder / "mkdocs.yml", "site_name: Baseline\ntheme:\n  name: material\n")
    _write(folder / "docs" / "index.md", "# Working together\n\nThe course.\n")
    for n in range(1, pages + 1):
        body = (BODY.format(n=n) * 4).strip()
        _write(
            folder / "docs" / f"m{n:04d}.md",
            f"# Module {n} on working together\n\n## Why it matters\n\n{body}\n",
        )


PPTX_BASELINE = """\
import sys
from pathlib import Path
from pptx import Presentation
from coursekit.load import load_project
from coursekit.plan import build_plan
from coursekit.render.deck import deck_slides

# The same slides coursekit plans (planning is timed on both sides), added one python-pptx call
# chain at a time, one deck per course, as plain python-pptx users write them.
project = load_project(Path(sys.argv[1]))
for audience in project.audiences:
    prs = Presentation()
    layouts = {layout.name: layout for layout in prs.slide_layouts}
    for spec in deck_slides(build_plan(project, audience.id)):
        slide = prs.slides.add_slide(layouts.get(spec.layout, layouts["Title and Content"]))
        slide.shapes.title.text = spec.title
        body = [p for p in slide.placeholders if p.placeholder_format.idx == 1]
        if body:
            body[0].text_frame.text = "\\n".join([spec.subtitle] if spec.subtitle else spec.body)
        slide.notes_slide.notes_text_frame.text = spec.notes
    prs.save(str(Path(sys.argv[2]) / f"{audience.id}.pptx"))
"""

TYPER_STUB = """\
from typing import Optional
import typer
app = typer.Typer(help="A stub with coursekit's commands.")
@app.command()
def build(out: Optional[str] = None, only: Optional[str] = None) -> None:
    "Build."
@app.command("list")
def list_() -> None:
    "List."
@app.command()
def check(strict: bool = False) -> None:
    "Check."
app()
"""


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _clean(*folders: Path):
    def clean() -> None:
        for folder in folders:
            subprocess.run(["rm", "-rf", str(folder)], check=True)

    return clean


# --- the pairs -----------------------------------------------------------------------------------


def site_pair(work: Path, modules: int, runs: int) -> Pair:
    course, baseline = work / f"site-course-{modules}", work / f"site-material-{modules}"
    write_course(course, modules)
    write_material_baseline(baseline, modules)
    return paired(
        "site",
        modules,
        [*COURSEKIT, "build", "--no-check", "--only", "site", "--out", str(course / "out")],
        "default mkdocs-material",
        [PYTHON, "-m", "mkdocs", "build", "-q", "-f", str(baseline / "mkdocs.yml")],
        course,
        runs,
        _clean(course / "out"),
    )


def deck_pair(work: Path, slides: int, runs: int) -> Pair:
    modules = max(1, round(slides / SLIDES_PER_MODULE))
    course = work / f"deck-course-{slides}"
    write_course(course, modules)
    script = work / "pptx_baseline.py"
    script.write_text(PPTX_BASELINE)
    (work / "pptx-out").mkdir(exist_ok=True)
    pair = paired(
        "deck",
        slides,
        [*COURSEKIT, "build", "--no-check", "--only", "slides", "--out", str(course / "out")],
        "plain python-pptx",
        [PYTHON, str(script), str(course), str(work / "pptx-out")],
        course,
        runs,
        _clean(course / "out"),
    )
    return Pair("deck", _slide_count(course / "out"), pair.ours, pair.baseline_name, pair.theirs)


def _slide_count(out: Path) -> int:
    import zipfile

    deck = next(out.rglob("*.pptx"))
    with zipfile.ZipFile(deck) as package:
        return sum(1 for n in package.namelist() if n.startswith("ppt/slides/slide"))


def help_pair(work: Path, runs: int) -> Pair:
    stub = work / "typer_stub.py"
    stub.write_text(TYPER_STUB)
    return paired(
        "coursekit --help",
        0,
        [*COURSEKIT, "--help"],
        "typer stub --help",
        [PYTHON, str(stub), "--help"],
        work,
        max(runs, 5),
    )


def check_pair(runs: int) -> Pair:
    return paired(
        "coursekit check (library)",
        19,
        [*COURSEKIT, "check"],
        "coursekit list",
        [*COURSEKIT, "list"],
        ROOT,
        runs,
    )


# --- report --------------------------------------------------------------------------------------


def exponent(pairs: list[Pair]) -> float | None:
    """Growth exponent of time between the two largest sizes: 1.0 is linear, 2.0 quadratic."""
    if len(pairs) < 2:
        return None
    small, big = pairs[-2], pairs[-1]
    return math.log(big.time / small.time) / math.log(big.size / small.size)


def verdict(ok: bool) -> str:
    return "MET" if ok else "NOT MET"


def report(sites: list[Pair], decks: list[Pair], help_: Pair, check: Pair) -> None:
    print(
        f"{'what':<28}{'size':>6}{'ours s':>9}{'MiB':>6}   {'baseline':<24}{'s':>8}{'MiB':>6}{'faster x':>10}"
    )
    for pair in [*sites, *decks, help_, check]:
        ours_mib = max(r.peak_mib for r in pair.ours)
        theirs_mib = max(r.peak_mib for r in pair.theirs)
        print(
            f"{pair.name:<28}{pair.size:>6}{pair.time:>9.2f}{ours_mib:>6.0f}   {pair.baseline_name:<24}"
            f"{pair.baseline_time:>8.2f}{theirs_mib:>6.0f}{pair.speedup:>10.2f}"
        )
    print("\nGoals:")
    site_growth, deck_growth = exponent(sites), exponent(decks)
    if sites:
        big = sites[-1]
        print(
            f"  site at {big.size} pages >= 3x faster than default material: {big.speedup:.2f}x "
            f"{verdict(big.speedup >= 3)}" + ("" if big.size >= 1000 else " (goal is set at 1,000 pages)")
        )
    if site_growth is not None:
        print(
            f"  site linear in pages (growth exponent <= 1.15): {site_growth:.2f} {verdict(site_growth <= 1.15)}"
        )
    if decks:
        big = decks[-1]
        print(
            f"  deck of {big.size} slides with notes < 1.5 s: {big.time:.2f} s {verdict(big.time < 1.5)}"
            + ("" if big.size >= 1000 else " (goal is set at 1,000 slides)")
        )
        print(
            f"  deck >= 5x plain python-pptx at {big.size} slides: {big.speedup:.2f}x {verdict(big.speedup >= 5)}"
        )
    if deck_growth is not None:
        print(
            f"  deck linear in slides (growth exponent <= 1.15): {deck_growth:.2f} {verdict(deck_growth <= 1.15)}"
        )
    print(f"  coursekit --help < 0.2 s: {help_.time:.3f} s {verdict(help_.time < 0.2)}")
    print(f"  coursekit check on the library < 2 s: {check.time:.2f} s {verdict(check.time < 2)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each side of a pair (default 3)")
    parser.add_argument(
        "--sizes",
        default="10,100,1000",
        help="course sizes in modules and deck sizes in slides, comma-separated (default 10,100,1000)",
    )
    parser.add_argument("--quick", action="store_true", help="sizes 10,100 and one run: a smoke check")
    parser.add_argument("--only", choices=["site", "deck", "start"], help="run one group of pairs")
    args = parser.parse_args()
    sizes = [10, 100] if args.quick else [int(s) for s in args.sizes.split(",")]
    runs = 1 if args.quick else args.runs
    with tempfile.TemporaryDirectory(prefix="coursekit-bench-") as tmp:
        work = Path(tmp)
        sites = [site_pair(work, n, runs) for n in sizes] if args.only in (None, "site") else []
        decks = [deck_pair(work, n, runs) for n in sizes] if args.only in (None, "deck") else []
        help_ = help_pair(work, runs)
        check = check_pair(runs)
    report(sites, decks, help_, check)


if __name__ == "__main__":
    main()
