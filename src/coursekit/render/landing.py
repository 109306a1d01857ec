"""The landing page that lists every course built, as one self-contained HTML file."""

from __future__ import annotations

import shutil
from pathlib import Path

from ..organisation import Brand
from ..plan import CoursePlan
from . import link
from .templates import render_template


def render(plans: tuple[CoursePlan, ...], out: Path, brand: Brand | None = None) -> list[Path]:
    """Write out/index.html listing the courses, with the brand's logo beside it; return the files."""
    brand = brand or Brand()
    files = []
    if brand.logo:
        logo = out / "assets" / brand.logo_name
        logo.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(brand.logo, logo)
        files.append(logo)
    path = out / "index.html"
    path.write_text(landing_html(plans, brand), encoding="utf-8")
    return [path, *files]


def landing_html(plans: tuple[CoursePlan, ...], brand: Brand | None = None) -> str:
    """Return the landing page's HTML."""
    brand = brand or Brand()
    logo = f"assets/{brand.logo_name}" if brand.logo else None
    return render_template("landing.html", courses=[_course(plan) for plan in plans], brand=brand, logo=logo)


def _course(plan: CoursePlan) -> dict:
    def under_course(name: str) -> str | None:
        target = link(plan, name)
        return f"{plan.id}/{target}" if target else None

    return {
        "title": plan.audience.course_title,
        "audience": plan.audience.name,
        "description": plan.audience.description,
        "modules": len(plan.modules),
        "minutes": plan.total_minutes,
        "site": under_course("site"),
        "slides": under_course("slides"),
    }
