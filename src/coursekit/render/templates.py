"""Generated HTML comes from autoescaped Jinja2 templates in `coursekit/templates/`."""

from __future__ import annotations

import functools

import jinja2

from ..timetext import duration


@functools.cache
def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("coursekit", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["oneline"] = lambda text: " ".join(str(text).split())
    environment.filters["duration"] = duration
    return environment


def render_template(template: str, **values) -> str:
    """Render a template; every value is HTML-escaped unless the template says otherwise."""
    return _environment().get_template(template).render(**values)
