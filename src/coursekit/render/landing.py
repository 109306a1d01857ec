"""The landing page that lists every course built, as one self-contained HTML file."""

from __future__ import annotations

from pathlib import Path

from ..plan import CoursePlan
from . import link
from .templates import render_template


def render(plans: tuple[CoursePlan, ...], out: Path) -> Path:
    """Write out/index.html listing the courses, and return its path."""
    path = out / "index.html"
    path.write_text(landing_html(plans), encoding="utf-8")
    return path


def landing_html(plans: tuple[CoursePlan, ...]) -> str:
    """Return the landing page's HTML."""
    return render_template("landing.html", courses=[_course(plan) for plan in plans])


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
