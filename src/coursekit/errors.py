"""The one problem type and the one error hierarchy of coursekit.

Loading, checking and building all report a ``Problem``. Every error a user can cause is a
``CourseKitError``; ``cli.py`` is the only place that catches it: it prints ``Error: <message>``
on stderr and exits 1. Anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"
LOAD_RULE = "load"
"""The rule of a problem found while reading files: they cannot be loaded until it is fixed."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one input file."""

    path: str
    """The file, relative to the project root where possible."""
    line: int | None
    """1-based line in the file, when known."""
    field: str | None
    """Dotted path to the field, such as ``activities[0].minutes``, or ``body``."""
    message: str
    """What is wrong and how to fix it."""
    rule: str = LOAD_RULE
    """Short name of the rule, such as ``G3-dated-source``; see docs/authoring.md."""
    severity: str = ERROR
    """``error`` (always fails) or ``warning`` (fails only with --strict)."""

    def __str__(self) -> str:
        parts = [self.path, f"line {self.line}" if self.line else "", self.field or ""]
        text = ": ".join(p for p in parts if p) + f": {self.message}"
        return text if self.rule == LOAD_RULE else f"{text} [{self.rule}]"

    def sort_key(self) -> tuple:
        """Order by file, then line, then field."""
        return (self.path, self.line or 0, self.field or "", self.rule, self.message)

    def as_dict(self) -> dict:
        """Return the problem as plain data (for JSON)."""
        return {
            "path": self.path,
            "line": self.line,
            "field": self.field,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
        }


def sorted_problems(problems) -> list[Problem]:
    """Return problems without repeats, ordered by file, line and field."""
    return sorted(set(problems), key=Problem.sort_key)


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
        self.problems = sorted_problems(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def lines(self) -> list[str]:
        return [str(p) for p in self.problems]


class OutputError(CourseKitError):
    """Raised when the output folder cannot be used, for example a folder coursekit did not make."""


class RenderError(CourseKitError):
    """Raised by a renderer when an output cannot be produced (for example a MkDocs warning)."""
