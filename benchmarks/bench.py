"""Speed and memory of coursekit against the tools it drives. Prints ratios; asserts nothing.

    .venv/bin/python benchmarks/bench.py [--runs 3]

Each figure is the median wall time and peak resident memory of a fresh process
(/usr/bin/time), so start-up cost is included, as a user sees it. The baselines run the
underlying tool on the same material coursekit generates:
- site: `mkdocs build` of the generated Markdown pages with the same theme and plugins;
- slides: python-pptx writing the same slides and notes into one deck (same slide count);
- start-up: `coursekit --help` against a bare `import typer`.
Reference figures for this machine class are in ../shared/briefs/baselines.md.
"""

from __future__ import annotations

import argparse
import copy
import statistics
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
COURSEKIT = str(Path(PYTHON).with_name("coursekit"))


def measure(command: list[str], runs: int, cwd: Path) -> tuple[float, float]:
    """Return (median seconds, max peak RSS in MiB) over runs of a fresh process."""
    times, peaks = [], []
    for _ in range(runs):
        result = subprocess.run(["/usr/bin/time", "-f", "%e %M", *command], cwd=cwd,
                                capture_output=True, text=True, env={"NO_MKDOCS_2_WARNING": "1",
                                                                     "PATH": "/usr/bin:/bin"})
        if result.returncode != 0:
            sys.exit(f"benchmark command failed: {' '.join(command)}\n{result.stderr}")
        seconds, kib = result.stderr.strip().splitlines()[-1].split()
        times.append(float(seconds))
        peaks.append(int(kib) / 1024)
    return statistics.median(times), max(peaks)


def write_mkdocs_baseline(work: Path) -> list[Path]:
    """Write each course's generated pages as a plain MkDocs project; return their folders."""
    sys.path.insert(0, str(ROOT / "src"))
    from coursekit.load import load_project
    from coursekit.plan import build_plan
    from coursekit.render import pages, site

    project = load_project(ROOT)
    folders = []
    for audience in project.audiences:
        plan = build_plan(project, audience.id)
        course_pages = pages.course_pages(plan, None)
        folder = work / audience.id
        for page in course_pages:
            (folder / "docs" / page.path).parent.mkdir(parents=True, exist_ok=True)
            (folder / "docs" / page.path).write_text(page.text, encoding="utf-8")
        config = yaml.safe_load((ROOT / "mkdocs.yml").read_text())
        config.update(site_name=plan.audience.course_title, nav=pages.nav(course_pages),
                      use_directory_urls=False, plugins=["search", "offline"])
        config["theme"]["font"] = False
        config["markdown_extensions"] = copy.deepcopy(site.REQUIRED_EXTENSIONS)
        (folder / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
        folders.append(folder)
    return folders


PPTX_BASELINE = textwrap.dedent("""
    import sys
    from pathlib import Path
    sys.path.insert(0, {src!r})
    from pptx import Presentation
    from coursekit.load import load_project
    from coursekit.plan import build_plan
    from coursekit.render.deck import deck_slides
    project = load_project(Path({root!r}))
    specs = [s for a in project.audiences for s in deck_slides(build_plan(project, a.id))]
    # The whole process is timed, including planning the same slide texts, so the ratio shows
    # what coursekit's renderer adds (layouts, language tags, reproducible zip) over plain python-pptx.
    for audience in project.audiences:
        prs = Presentation()
        for spec in specs:
            slide = prs.slides.add_slide(prs.slide_layouts[1])
            slide.shapes.title.text = spec.title
            slide.placeholders[1].text_frame.text = "\\n".join(spec.body)
            slide.notes_slide.notes_text_frame.text = spec.notes
        prs.save({out!r} + "/" + audience.id + ".pptx")
        break
    """)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        rows = []
        ck_site = measure([COURSEKIT, "build", "--only", "site", "--out", str(work / "ck-site")], runs, ROOT)
        folders = write_mkdocs_baseline(work / "mk")
        mk = [measure([PYTHON, "-m", "mkdocs", "build", "-q"], runs, f) for f in folders]
        mk_site = (sum(t for t, _ in mk), max(m for _, m in mk))
        rows.append(("site, 4 courses", ck_site, "mkdocs build x4", mk_site))
        ck_slides = measure([COURSEKIT, "build", "--only", "slides", "--out", str(work / "ck-slides")], runs, ROOT)
        script = work / "pptx_baseline.py"
        script.write_text(PPTX_BASELINE.format(src=str(ROOT / "src"), root=str(ROOT), out=str(work)))
        pptx = measure([PYTHON, str(script)], runs, ROOT)
        rows.append(("slides, 4 decks", ck_slides, "python-pptx, same slides", pptx))
        help_ = measure([COURSEKIT, "--help"], max(runs, 5), ROOT)
        typer_ = measure([PYTHON, "-c", "import typer"], max(runs, 5), ROOT)
        rows.append(("coursekit --help", help_, "import typer", typer_))
    print(f"{'coursekit':<22}{'s':>7}{'MiB':>8}   {'baseline':<26}{'s':>7}{'MiB':>8}   {'time x':>7}{'mem x':>7}")
    for name, (t, m), base_name, (bt, bm) in rows:
        print(f"{name:<22}{t:>7.2f}{m:>8.0f}   {base_name:<26}{bt:>7.2f}{bm:>8.0f}   {t / bt:>7.2f}{m / bm:>7.2f}")


if __name__ == "__main__":
    main()
