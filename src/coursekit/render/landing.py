"""The landing page that lists every course built, as one self-contained HTML file."""

from __future__ import annotations

import html
from pathlib import Path

from ..plan import CoursePlan

STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; margin: 0;
  color: #1b1b1b; background: #fafafa; line-height: 1.5; }
header { background: #283593; color: #ffffff; padding: 1.5rem 1rem; }
header h1 { margin: 0 auto; max-width: 60rem; font-size: 1.8rem; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
ul.courses { list-style: none; padding: 0; display: grid; gap: 1rem;
  grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); }
ul.courses li { background: #ffffff; border: 1px solid #757575; border-radius: 0.3rem; padding: 1rem; }
ul.courses h2 { font-size: 1.2rem; margin: 0 0 0.5rem; }
a { color: #1a237e; }
a:focus-visible { outline: 3px solid #1a237e; outline-offset: 2px; }
.meta { color: #424242; font-size: 0.95rem; }
@media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; } }
"""


def render(plans: tuple[CoursePlan, ...], out: Path) -> Path:
    """Write out/index.html listing the courses, and return its path."""
    path = out / "index.html"
    path.write_text(landing_html(plans), encoding="utf-8")
    return path


def landing_html(plans: tuple[CoursePlan, ...]) -> str:
    """Return the landing page's HTML."""
    items = "\n".join(_course(plan) for plan in plans)
    return f"""<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Choose your course</title>
<style>{STYLE}</style>
</head>
<body>
<header><h1>Choose your course</h1></header>
<main>
<p>Each course is written for a different group of people. Choose the one that fits your role.
Everything works without an internet connection.</p>
<ul class="courses">
{items}
</ul>
</main>
</body>
</html>
"""


def _course(plan: CoursePlan) -> str:
    audience = plan.audience
    hours, minutes = divmod(plan.total_minutes, 60)
    length = f"{hours} h {minutes} min" if hours and minutes else (f"{hours} h" if hours else f"{minutes} min")
    link = f"{plan.id}/index.html" if "site" in plan.outputs else None
    slides = f"{plan.id}/downloads/{plan.id}-slides.pptx" if "slides" in plan.outputs else None
    title = html.escape(audience.course_title)
    heading = f'<a href="{link}">{title}</a>' if link else title
    deck = (f'<p><a href="{slides}" download>Trainer slides for {html.escape(audience.name)} '
            "(PowerPoint)</a></p>") if slides else ""
    return (f"<li><h2>{heading}</h2>\n<p><strong>For:</strong> {html.escape(audience.name)}. "
            f"{html.escape(audience.description)}</p>\n<p class=\"meta\">{len(plan.modules)} modules, "
            f"about {length}.</p>\n{deck}</li>")
