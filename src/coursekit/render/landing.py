"""The landing page that lists every course built, as one self-contained HTML file."""

from __future__ import annotations

import shutil
from pathlib import Path

from ..organisation import Brand
from ..plan import CoursePlan
from . import link
from .templates import render_template

DOWNLOADS = (
    ("slides", "Trainer slides (PowerPoint)"),
    ("guide", "Facilitator guide (Word)"),
    ("handout", "Handout and activity materials (Word)"),
    ("evaluation", "Evaluation forms (Word)"),
    ("scorm", "LMS package (SCORM {version}, zip)"),
)


def render(
    plans: tuple[CoursePlan, ...], out: Path, brand: Brand | None = None, scorm_version: str = "12"
) -> list[Path]:
    """Write out/index.html listing the courses, with the brand's logo beside it; return the files."""
    brand = brand or Brand()
    files = []
    if brand.logo:
        logo = out / "assets" / brand.logo_name
        logo.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(brand.logo, logo)
        files.append(logo)
    path = out / "index.html"
    path.write_text(landing_html(plans, brand, scorm_version), encoding="utf-8")
    return [path, *files]


def landing_html(plans: tuple[CoursePlan, ...], brand: Brand | None = None, scorm_version: str = "12") -> str:
    """Return the landing page's HTML."""
    brand = brand or Brand()
    logo = f"assets/{brand.logo_name}" if brand.logo else None
    courses = [_course(plan, scorm_version) for plan in plans]
    return render_template("landing.html", courses=courses, brand=brand, logo=logo)


def _course(plan: CoursePlan, scorm_version: str) -> dict:
    def under_course(name: str) -> str | None:
        target = link(plan, name)
        if target and name == "scorm":
            from .scorm import package_name

            target = f"downloads/{package_name(plan, scorm_version)}"
        return f"{plan.id}/{target}" if target else None

    downloads = [
        (label.format(version="1.2" if scorm_version == "12" else scorm_version), under_course(name))
        for name, label in DOWNLOADS
    ]

    return {
        "title": plan.audience.course_title,
        "audience": plan.audience.name,
        "description": plan.audience.description,
        "modules": len(plan.modules),
        "minutes": plan.total_minutes,
        "site": under_course("site"),
        "downloads": [(label, href) for label, href in downloads if href],
    }
