"""`coursekit init`: start an organisation's own course project on the built-in library."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from xml.sax.saxutils import escape

from . import __version__
from .errors import OutputError

ORGANISATION_YML = """\
# organisation.yml: your organisation's version of the course. Every key is explained above it.
# Paths are relative to this folder. Run `coursekit check --strict` after each change.

# Your organisation's name, as learners should see it on every page, deck and document.
name: {yaml_name}

# Your logo: a PNG, JPEG or SVG file in this folder. An SVG must not hold scripts or load other
# files. The placeholder is a plain square with your initials; replace it with your own.
logo: assets/logo.svg

# Your colours, as #rrggbb. The site header and links use 'primary', buttons and links under the
# pointer use 'accent'. White text sits on both, so both must reach a contrast ratio of 4.5:1
# (WCAG 2.2 AA); coursekit refuses a colour that is too light and says its ratio.
colours:
  primary: "#1d4f91"
  accent: "#7a1f5c"

# Your PowerPoint template, if you want the trainer decks on your own slide masters: a .pptx
# with layouts named "Title Slide", "Title and Content" and "Section Header" and no slides.
# slides_template: assets/our-slides.pptx

# The percentage a learner needs in the knowledge checks of the LMS package (0 to 100).
pass_mark: 80

# Who learners and trainers can turn to. Shown on every course's welcome page.
support:
  - name: Course team
    how: Ask your trainer, or email the course team (replace this with a real address).

# Local-context values: each fills the {{{{ slot-name }}}} of the same name in the modules, unless a
# session gives its own. Every course has organisation, area and support; a module may declare more.
local:
  organisation: {yaml_name}
  area: Our area (replace this with the towns or boroughs you serve)
  support: Your trainer, or the course team (replace this with who to contact and how)

# The edition of your course. Raise the version and the date whenever you publish a change, and
# say what changed in CHANGELOG.md under a heading '## <version> (<date>)'.
edition:
  version: "1.0"
  date: {today}

# Who co-produced your version of the course and who co-delivers it, in your own words: names
# (with their agreement), roles, groups. Shown on the welcome page and in trainer documents.
# Leave them out until it is true: the welcome page then says how the built-in course was made.
# co_produced_by: Our lived experience advisory group and the learning team.
# co_delivered_by: A lead trainer and a paid co-trainer with lived experience.

# The built-in course retells published stories with credit; none of their storytellers has been
# asked about your course. 'retell' uses each where its recorded consent covers the output.
# 'ask-first' leaves each out, with every line that names its storyteller, and teaches its point
# instead, until you record the storyteller's yes (status: granted) in the story's consent.
public_stories: retell
"""

LOGO_SVG = """\
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 96" width="96" height="96" role="img">
  <title>{xml_name}</title>
  <rect width="96" height="96" rx="12" fill="#1d4f91"/>
  <text x="48" y="60" font-family="Arial, sans-serif" font-size="36" font-weight="bold"
        fill="#ffffff" text-anchor="middle">{initials}</text>
</svg>
"""

FOLDER_READMES = {
    "modules/README.md": """\
# Your own modules

Put a module of your own here as `<module-id>.md` (Markdown with YAML front matter; see the
authoring guide of coursekit). A new id adds a module to the library. The same id as a built-in
module replaces that module in every course: `coursekit build` says so, and `coursekit check`
warns when the built-in module has moved on to a newer version than yours.

After changing a module, raise its `version`, set `updated`, and run
`coursekit check --update-versions`.
""",
    "audiences/README.md": """\
# Your own audiences

Put an audience of your own here as `<audience-id>.yml`. Its `modules` can mix built-in modules
and your own. Add `based_on: <built-in audience id>` (for example `frontline-staff`) and every
built-in module serves your audience as it serves that one, so you need not copy a module to add
your audience to it. Your own modules list your audience under `audiences` as usual.

The same id as a built-in audience replaces it.
""",
    "additions/README.md": """\
# Additions to built-in modules

Attach your own items to a built-in module without copying it: a file named
`<module-id>.yml` (the id of the module) with any of these lists, each in the module format:
`activities`, `stories`, `glossary`, `materials`, `content_notes`, `key_messages`,
`local_examples` (`title`, `text`, optional `trainer_notes`) and `support` (`name`, `how`).
They are added after the module's own. For example, `additions/jargon.yml`:

```yaml
local_examples:
  - title: Our plain-English letters
    text: We rewrote our appointment letters with our members in 2025.
support:
  - name: Communications team
    how: Ask them to check a letter before it goes out.
```
""",
}

README = """\
# {name}: our co-production course

This folder is our organisation's version of the coursekit co-production course. It holds only
what is ours: the built-in library of modules stays inside coursekit, so updating coursekit
brings its changes in without a merge.

## Build and check

```bash
pip install "coproduction-coursekit=={version}"
coursekit check --strict      # the content meets the quality standard
coursekit build               # the sites, decks and landing page into site/
coursekit list                # every module: where it comes from and its version
```

Open `site/index.html` in a browser. The workflow in `.github/workflows/course.yml` runs the
check and the build on every change.

## Make a change

- **Name, logo, colours, support contacts, pass mark, edition**: edit `organisation.yml`; every
  key is explained there.
- **Add a module**: write `modules/<new-id>.md` and add its id to an audience's `modules`.
- **Replace a built-in module**: copy it from coursekit's library into `modules/` with the same id,
  change it and give it a version. The build says it replaces the built-in one; when coursekit
  later ships a newer version of that module, `coursekit check` warns (`replaced-behind`) so we can
  compare and catch up.
- **Attach a local example or contact to a built-in module**: `additions/<module-id>.yml`
  (see `additions/README.md`).
- **Add an audience**: `audiences/<id>.yml`, with `based_on: frontline-staff` (or another built-in
  audience) to use the built-in modules as they are.

After changing one of our modules: raise its `version`, set `updated`, run
`coursekit check --update-versions` and commit `coursekit.lock`. `coursekit check --strict` fails
when a module changed without a new version. The lock file has one sorted line per module
version, so it is byte-stable and two people changing different modules never conflict in it.

For each new edition: raise `edition` in `organisation.yml` and add a section to `CHANGELOG.md`
(`## <version> (<date>)`, newest first). The site shows it as "What changed".

## Update the built-in library

Raise the coursekit version in the line above and in `.github/workflows/course.yml`, then run
`coursekit check`. Nothing here is a copy of a built-in file, so there is nothing to merge; the
check lists any module we replaced that is now behind the library's version.
"""

CHANGELOG = """\
# What changed

Newest edition first. Each edition is a heading `## <version> (<date>)` with what changed under it.

## 1.0 ({today})

- First edition: the built-in co-production course with our name, logo and colours.
"""

WORKFLOW = """\
# Check and build the course on every change.
name: course
on:
  push:
  pull_request:
jobs:
  course:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      - run: pip install "coproduction-coursekit=={version}"
      - run: coursekit check --strict
      - run: coursekit build
      - uses: actions/upload-artifact@v4
        with:
          name: course-site
          path: site
"""

GITIGNORE = "site/\n.coursekit-*\n"


def create_project(folder: Path, name: str = "Our organisation", today: dt.date | None = None) -> list[Path]:
    """Create an organisation's course project in folder (new or empty) and return the files made."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        what = "is not empty" if folder.is_dir() else "is a file"
        raise OutputError(f"{folder} {what}; coursekit init makes a new project in a new or empty folder")
    today = today or dt.date.today()
    values = {
        "name": name,
        "today": today.isoformat(),
        "version": __version__,
        "initials": _initials(name),
        "yaml_name": json.dumps(name, ensure_ascii=False),
        "xml_name": escape(name),
    }
    files = {
        "organisation.yml": ORGANISATION_YML,
        "assets/logo.svg": LOGO_SVG,
        "README.md": README,
        "CHANGELOG.md": CHANGELOG,
        ".github/workflows/course.yml": WORKFLOW,
        ".gitignore": GITIGNORE,
        **FOLDER_READMES,
    }
    written = []
    for relative, template in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(template.format(**values) if "{" in template else template, encoding="utf-8")
        written.append(path)
    return written


def _initials(name: str) -> str:
    letters = [word[0] for word in name.split() if word[:1].isalnum()]
    return "".join(letters[:3]).upper() or "C"
