"""What a check reports: findings, each tied to a file, a line and a field."""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    """One way a file falls short of the quality standard."""

    path: str
    """The file, relative to the project root."""
    line: int | None
    """1-based line in the file, when known."""
    field: str | None
    """Dotted path to the field, such as ``outcomes[0].text``, or ``body``."""
    rule: str
    """Short name of the rule, such as ``G3-dated-source``; see docs/authoring.md."""
    severity: str
    """``error`` (always fails the check) or ``warning`` (fails it only with --strict)."""
    message: str
    """What falls short and how to fix it."""

    def __str__(self) -> str:
        parts = [self.path, f"line {self.line}" if self.line else "", self.field or ""]
        return ": ".join(p for p in parts if p) + f": {self.message} [{self.rule}]"

    def sort_key(self) -> tuple:
        """Order by file, then line, then field."""
        return (self.path, self.line or 0, self.field or "", self.rule, self.message)

    def as_dict(self) -> dict:
        """Return the finding as plain data (for JSON)."""
        return {"path": self.path, "line": self.line, "field": self.field, "rule": self.rule,
                "severity": self.severity, "message": self.message}


@dataclass(frozen=True)
class Report:
    """Every finding of one check, sorted by file and line."""

    findings: tuple[Finding, ...]
    files: int = 0
    """How many files were checked."""

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == WARNING)

    def failed(self, strict: bool = False) -> bool:
        """Return True if the check fails: any error, or with strict any warning."""
        return bool(self.errors or (strict and self.warnings))

    def summary(self, strict: bool = False) -> dict:
        """Return the counts and the verdict as plain data (for JSON)."""
        return {"errors": len(self.errors), "warnings": len(self.warnings), "files": self.files,
                "strict": strict, "failed": self.failed(strict)}
