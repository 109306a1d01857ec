"""What a check reports: the problems found, and the verdict."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import ERROR, WARNING, Problem


@dataclass(frozen=True)
class Report:
    """Every problem of one check, sorted by file and line."""

    findings: tuple[Problem, ...]
    files: int = 0
    """How many files were checked."""

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(f for f in self.findings if f.severity == ERROR)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(f for f in self.findings if f.severity == WARNING)

    def failed(self, strict: bool = False) -> bool:
        """Return True if the check fails: any error, or with strict any warning."""
        return bool(self.errors or (strict and self.warnings))

    def summary(self, strict: bool = False) -> dict:
        """Return the counts and the verdict as plain data (for JSON)."""
        return {
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "files": self.files,
            "strict": strict,
            "failed": self.failed(strict),
        }
