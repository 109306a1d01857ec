"""coursekit.lock: each of the project's own modules' content hash, per version.

One line per module version, ``<module-id> <version> sha256:<hash>``, sorted, so the file is
byte-stable (the same modules always give the same bytes) and merges line by line in git: two
people changing different modules never touch the same line. `coursekit check` compares the
current hash with the one recorded for the current version, to catch a change made without a
new version number.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path

from .discover import find_file
from .errors import Problem
from .layers import LOCAL, REPLACED

LOCK = "coursekit.lock"
HEADER = (
    "# coursekit.lock: the content hash of each version of this project's own modules.\n"
    "# Written by `coursekit check --update-versions`; commit it. One line per module version.\n"
)


def own_modules(project) -> list:
    """Return the modules the project itself versions: its local and replaced ones."""
    return [
        m
        for m in project.modules
        if project.origins.get(m.id) and project.origins[m.id].kind in (LOCAL, REPLACED)
    ]


def module_hash(project, module) -> str:
    """Return the hash of a module's file as loaded (line endings ignored)."""
    text = "\n".join(project.file(module.path).text_lines) + "\n"
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_lock(root: Path) -> tuple[dict[tuple[str, str], str], list[Problem]]:
    """Return (module id, version) -> hash from root/coursekit.lock, and any unreadable line."""
    path, problems = find_file(root, LOCK)
    if path is None:
        return {}, problems
    entries = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split()
        if len(parts) != 3 or not parts[2].startswith("sha256:"):
            problems.append(
                Problem(
                    LOCK,
                    number,
                    None,
                    ("must be '<module-id> <version> sha256:<hash>'; run coursekit check --update-versions"),
                )
            )
            continue
        entries[(parts[0], parts[1])] = parts[2]
    return entries, problems


def lock_text(project, recorded: Mapping[tuple[str, str], str]) -> str:
    """Return the lock file's text: what was recorded, with the current version of every own module."""
    entries = dict(recorded)
    for module in own_modules(project):
        entries[(module.id, module.version)] = module_hash(project, module)
    lines = [f"{ident} {version} {digest}\n" for (ident, version), digest in sorted(entries.items())]
    return HEADER + "".join(lines)


def write_lock(project) -> Path:
    """Record the current version's hash of each own module in the project's coursekit.lock."""
    path = project.root / LOCK
    path.write_text(lock_text(project, project.version_lock), encoding="utf-8", newline="\n")
    return path
