"""Validate the project with the real loader; print problems (optionally only for some files)."""
import sys
from pathlib import Path

from coursekit.errors import ContentError
from coursekit.load import load_project

wanted = sys.argv[1:]
try:
    project = load_project(Path("."))
    print(f"OK: {len(project.modules)} modules, {len(project.audiences)} audiences")
except ContentError as error:
    lines = [line for line in error.lines() if not wanted or any(line.startswith(w) for w in wanted)]
    print("\n".join(lines) or "no problems in the named files (other files have some)")
