"""The one error hierarchy of coursekit.

Every error a user can cause is a ``CourseKitError``. ``cli.py`` is the only place that
catches it: it prints ``Error: <message>`` on stderr and exits 1. Anything else is a bug
and keeps its traceback.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one input file."""

    path: str
    """The file, relative to the project root where possible."""
    line: int | None
    """1-based line in the file, when known."""
    field: str | None
    """Dotted path to the field, such as ``activities[0].minutes``."""
    message: str
    """What is wrong and how to fix it."""

    def __str__(self) -> str:
        parts = [self.path]
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.field:
            parts.append(self.field)
        return ": ".join(parts) + f": {self.message}"


class CourseKitError(Exception):
    """Base class: a problem the user can fix. Its text is shown as ``Error: <text>``."""

    def lines(self) -> list[str]:
        """Return the message as one or more lines, each shown after ``Error: ``."""
        return [str(self)]


class ContentError(CourseKitError):
    """Raised by loading when modules, audiences or settings are invalid.

    It carries every problem found in one run, not only the first.
    """

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems), key=_problem_order)
        super().__init__("\n".join(str(p) for p in self.problems))

    def lines(self) -> list[str]:
        return [str(p) for p in self.problems]


class OutputError(CourseKitError):
    """Raised when the output folder cannot be used, for example a folder coursekit did not make."""


class RenderError(CourseKitError):
    """Raised by a renderer when an output cannot be produced (for example a MkDocs warning)."""


def _problem_order(problem: Problem) -> tuple:
    return (problem.path, problem.line or 0, problem.field or "", problem.message)
