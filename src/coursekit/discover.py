"""Find a project's input files, refusing anything that is not a plain file inside the project.

A broken or looping link, a pipe, a device or a folder with a file's name is reported, never
skipped: an author who sees no error assumes the file was used. Names starting with '.' are
editors' lock and backup files and are ignored.
"""

from __future__ import annotations

import errno
import fnmatch
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from .errors import Problem

_KINDS = {
    stat.S_ISFIFO: "named pipe (FIFO)",
    stat.S_ISSOCK: "socket",
    stat.S_ISCHR: "character device",
    stat.S_ISBLK: "block device",
}


def find_files(root: Path, folder: str, globs: Iterable[str]) -> tuple[list[Path], list[Problem]]:
    """Return the sorted files in root/folder matching any glob, and a problem for each unusable one."""
    directory = root / folder
    if not directory.is_dir():
        return [], [Problem(folder, None, None, f"folder not found in {root}")]
    patterns = tuple(globs)
    found: list[Path] = []
    problems: list[Problem] = []
    try:
        entries = sorted(directory.iterdir())
    except OSError as exc:
        return [], [Problem(folder, None, None, f"cannot be read ({exc.strerror}); check its permissions")]
    for path in entries:
        if path.name.startswith(".") or not any(fnmatch.fnmatchcase(path.name, p) for p in patterns):
            continue
        problem = file_problem(root, path)
        if problem is None:
            found.append(path)
        else:
            problems.append(problem)
    return found, problems


def find_file(root: Path, name: str) -> tuple[Path | None, list[Problem]]:
    """Return root/name if it is a usable file; None if there is nothing by that name; else a problem."""
    path = root / name
    if not os.path.lexists(path):
        return None, []
    problem = file_problem(root, path)
    return (path, []) if problem is None else (None, [problem])


def file_problem(root: Path, path: Path) -> Problem | None:
    """Return why path cannot be read as an input file, or None if it is a readable file inside root."""
    shown = _shown(root, path)
    try:
        target = path.resolve(strict=True)
        mode = target.stat().st_mode
    except FileNotFoundError:
        return Problem(
            shown,
            None,
            None,
            f"is a broken symbolic link: it points to {os.readlink(path)!r}, "
            "which does not exist; fix or delete the link",
        )
    except RuntimeError:
        return _loop(shown)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return _loop(shown)
        return Problem(shown, None, None, f"cannot be read ({exc.strerror}); check its permissions")
    if not target.is_relative_to(root.resolve()):
        return Problem(
            shown,
            None,
            None,
            f"is a link to {target}, outside the project; coursekit reads only "
            "files inside the project: copy the file in instead",
        )
    if stat.S_ISDIR(mode):
        return Problem(
            shown,
            None,
            None,
            f"is a folder, not a file; rename it so that its name does not end in {path.suffix!r}",
        )
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in _KINDS.items() if test(mode)), "special file")
        return Problem(
            shown, None, None, f"is a {kind}, not a regular file; replace it with an ordinary file"
        )
    if not os.access(target, os.R_OK):
        return Problem(shown, None, None, "cannot be read (permission denied); check its permissions")
    return None


def _loop(shown: str) -> Problem:
    return Problem(
        shown, None, None, "is a symbolic link that loops back on itself; replace it with the file"
    )


def _shown(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)
