"""An organisation's own course: organisation.yml, its checks, and the brand every output shows.

organisation.yml names the organisation, its logo and colours, its pass mark, support contacts,
local-context values and the course edition. It is validated like every other file: unknown keys
are refused, and every problem names the file, line and field.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictInt

from .errors import Problem
from .schema import Contact, Module, Slug
from .timetext import long_date
from .validation import field_names, read_mapping
from .yamlfile import Loc, ParseFailure, line_of, read_text

FILE = "organisation.yml"
MINIMUM_CONTRAST = 4.5
"""WCAG 2.2 AA for normal text (success criterion 1.4.3)."""
WHITE = "#ffffff"
BUILTIN_NAME = "coursekit built-in course"
OWN_COURSE_NAME = "coursekit course"
"""The name shown for a course of its own (modules/ and audiences/, no organisation.yml)."""
BUILTIN_PRIMARY = "#4051b5"
BUILTIN_ACCENT = "#283593"
HEX = r"^#[0-9a-fA-F]{6}$"


def _text(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value.strip()


def _relative_path(value: str) -> str:
    path = Path(value)
    if path.is_absolute() or ".." in path.parts or "\\" in value:
        raise ValueError(f"{value!r} must be a path inside the project folder, such as 'assets/logo.svg'")
    return value


Text = Annotated[str, Field(strict=True), AfterValidator(_text)]
ProjectPath = Annotated[str, Field(strict=True), AfterValidator(_text), AfterValidator(_relative_path)]
Colour = Annotated[str, Field(strict=True, pattern=HEX)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Colours(_Model):
    """The brand colours, as #rrggbb. White text sits on both, so both must be dark enough."""

    primary: Colour = BUILTIN_PRIMARY
    """The site header, the landing page header and links."""
    accent: Colour = BUILTIN_ACCENT
    """Links under the pointer and buttons."""


class Edition(_Model):
    """Which edition of the course this is."""

    version: Annotated[str, Field(strict=True, pattern=r"^\d+(\.\d+){0,2}$")]
    date: dt.date


class Organisation(_Model):
    """organisation.yml: the organisation that runs this version of the course."""

    name: Text
    logo: ProjectPath | None = None
    """A PNG, JPEG or SVG file, relative to the project folder."""
    colours: Colours = Colours()
    slides_template: ProjectPath | None = None
    """The organisation's PowerPoint (.pptx with its slide masters and no slides)."""
    pass_mark: Annotated[StrictInt, Field(ge=0, le=100)] | None = None
    """The percentage a learner needs in the LMS package's checks, for every audience that does not
    set its own. None: the LMS package reports completion only."""
    support: tuple[Contact, ...] = ()
    local: dict[Slug, Text] = Field(default_factory=dict)
    """Values for the local-context slots ({{ organisation }}, {{ area }}, {{ support }} and any a
    module declares): the defaults for every course and session that leaves them empty."""
    edition: Edition | None = None
    co_produced_by: Text | None = None
    """Who co-produced this version of the course, in the organisation's own words."""
    co_delivered_by: Text | None = None
    """Who co-delivers it, in the organisation's own words."""
    public_stories: Literal["retell", "ask-first"] = "retell"
    """retell: a published story is retold, with credit, where its recorded consent covers the output.
    ask-first: no published story is used until its storyteller has said yes (status 'granted');
    each is left out, with every line tied to it, and its replacement taught instead."""


_NAMES = field_names([Organisation, Contact, Colours, Edition])


@dataclass(frozen=True)
class Brand:
    """What every output shows of the organisation: name, logo, colours, edition, credits."""

    name: str = BUILTIN_NAME
    logo: Path | None = None
    """The logo file on disk, already checked; None for no logo."""
    primary: str = BUILTIN_PRIMARY
    accent: str = BUILTIN_ACCENT
    edition_version: str = ""
    edition_date: dt.date | None = None
    co_produced_by: str | None = None
    co_delivered_by: str | None = None
    support: tuple[Contact, ...] = ()
    pass_mark: int | None = None
    builtin: bool = True
    """True for the bare built-in course, which no organisation has made its own."""
    on_library: bool = True
    """True if the course is built from the built-in library (False for a course of its own)."""

    @property
    def edition(self) -> str:
        """The edition in words, such as 'edition 1.2, 30 November 2026': one form in every output."""
        date = f", {long_date(self.edition_date)}" if self.edition_date else ""
        return f"edition {self.edition_version}{date}" if self.edition_version else ""

    def printed_edition(self, built: dt.date) -> str:
        """What follows 'Edition: ' in print, such as '1.2, 30 November 2026'; the build date if none."""
        return self.edition.removeprefix("edition ") if self.edition else long_date(built)

    @property
    def logo_name(self) -> str | None:
        """The file name the logo gets in every output, such as 'logo.svg'."""
        return f"logo{self.logo.suffix.lower()}" if self.logo else None


@dataclass(frozen=True)
class Release:
    """One section of CHANGELOG.md: '## <version> (<date>)' and what changed."""

    version: str
    date: str
    text: str


def brand_for(
    organisation: Organisation | None,
    root: Path,
    library_edition: tuple[str, dt.date],
    on_library: bool = True,
) -> Brand:
    """Return the brand of a project: its organisation's, or the built-in course's."""
    version, date = library_edition
    if organisation is None:
        name = BUILTIN_NAME if on_library else OWN_COURSE_NAME
        return Brand(name=name, edition_version=version, edition_date=date, on_library=on_library)
    edition = organisation.edition
    return Brand(
        name=organisation.name,
        logo=root / organisation.logo if organisation.logo else None,
        primary=organisation.colours.primary.lower(),
        accent=organisation.colours.accent.lower(),
        edition_version=edition.version if edition else version,
        edition_date=edition.date if edition else date,
        co_produced_by=organisation.co_produced_by,
        co_delivered_by=organisation.co_delivered_by,
        support=organisation.support,
        pass_mark=organisation.pass_mark,
        builtin=False,
    )


def load_organisation(root: Path) -> Organisation | None:
    """Read and check root/organisation.yml; None when there is none. Raises ParseFailure."""
    path = root / FILE
    if not path.is_file():
        return None
    parsed = read_mapping(path, FILE, Organisation, _NAMES, "settings (name, logo, colours, ...)")
    organisation = parsed.data
    problems = _colour_problems(organisation, parsed.lines)
    problems += _file_problems(organisation, root, parsed.lines)
    if problems:
        raise ParseFailure(problems)
    return organisation


def _colour_problems(organisation: Organisation, lines: dict[Loc, int]) -> list[Problem]:
    problems = []
    for name in ("primary", "accent"):
        colour = getattr(organisation.colours, name)
        ratio = contrast_ratio(colour, WHITE)
        if ratio < MINIMUM_CONTRAST:
            problems.append(
                Problem(
                    FILE,
                    line_of(lines, ("colours", name)),
                    f"colours.{name}",
                    (
                        f"{colour} carries white text at a contrast ratio of {_shown_ratio(ratio)}:1; WCAG 2.2 AA "
                        f"needs at least {MINIMUM_CONTRAST}:1, so choose a darker colour"
                    ),
                )
            )
    return problems


def contrast_ratio(first: str, second: str) -> float:
    """Return the WCAG contrast ratio of two #rrggbb colours (1 to 21)."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _shown_ratio(ratio: float) -> str:
    # Rounded down, so a ratio just under the minimum never prints as the minimum.
    return f"{math.floor(ratio * 100) / 100:.2f}"


def _file_problems(organisation: Organisation, root: Path, lines: dict[Loc, int]) -> list[Problem]:
    problems = []
    if organisation.logo:
        message = logo_problem(root / organisation.logo)
        if message:
            problems.append(
                Problem(FILE, line_of(lines, ("logo",)), "logo", f"{organisation.logo}: {message}")
            )
    if organisation.slides_template:
        message = _template_problem(root / organisation.slides_template)
        if message:
            problems.append(
                Problem(
                    FILE,
                    line_of(lines, ("slides_template",)),
                    "slides_template",
                    f"{organisation.slides_template}: {message}",
                )
            )
    return problems


def _template_problem(path: Path) -> str | None:
    from .errors import ContentError
    from .render.slides import check_template

    if not path.is_file():
        return "file not found; give the path of a .pptx file, relative to the project folder"
    try:
        check_template(path)
    except ContentError as error:
        return "; ".join(p.message for p in error.problems)
    return None


PNG = b"\x89PNG\r\n\x1a\n"
JPEG = b"\xff\xd8\xff"
SVG_NS = "{http://www.w3.org/2000/svg}"
_EXTERNAL = re.compile(r"url\(\s*['\"]?(?!#)", re.IGNORECASE)


def logo_problem(path: Path) -> str | None:
    """Return what is wrong with a logo file, or None if it is a safe PNG, JPEG or SVG."""
    if not path.is_file():
        return "file not found; give the path of a PNG, JPEG or SVG file, relative to the project folder"
    data = path.read_bytes()
    suffix = path.suffix.lower()
    if data.startswith(PNG):
        return (
            None if suffix == ".png" else f"is a PNG image; name it with .png, not {suffix or 'no extension'}"
        )
    if data.startswith(JPEG):
        if suffix in (".jpg", ".jpeg"):
            return None
        return f"is a JPEG image; name it with .jpg, not {suffix or 'no extension'}"
    if suffix == ".svg":
        return svg_problem(data)
    return "is not a PNG, JPEG or SVG image (its first bytes say otherwise); export the logo as one of those"


def svg_problem(data: bytes) -> str | None:
    """Return why an SVG may not be used as a logo, or None if it is safe: no scripts, no loading."""
    from lxml import etree

    if b"<!DOCTYPE" in data.upper() or b"<!ENTITY" in data.upper():
        return "is an SVG with a DOCTYPE or entities; remove them"
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        svg = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        return f"is not a PNG, JPEG or a well-formed SVG image ({exc})"
    if svg.tag != f"{SVG_NS}svg":
        return "is not an SVG image: its root element is not <svg> in the SVG namespace"
    for element in svg.iter():
        if not isinstance(element.tag, str):
            continue
        name = etree.QName(element).localname
        if name in ("script", "foreignObject"):
            return f"is an SVG with a <{name}> element; logos must not run code, so remove it"
        for attribute, value in element.attrib.items():
            local = etree.QName(attribute).localname
            if local.lower().startswith("on"):
                return f"is an SVG with an event attribute {local!r} on <{name}>; remove it"
            if local == "href" and not value.startswith("#"):
                return f"is an SVG that loads {value!r}; a logo must not refer to other files or the web"
            if _EXTERNAL.search(value):
                return f"is an SVG whose {local!r} refers to something outside it; remove the url(...)"
        if name == "style" and _EXTERNAL.search(element.text or ""):
            return "is an SVG whose <style> refers to something outside it; remove the url(...) or @import"
        if name == "style" and "@import" in (element.text or ""):
            return "is an SVG whose <style> imports another file; remove the @import"
    return None


CHANGELOG = "CHANGELOG.md"
_RELEASE = re.compile(r"^##\s+(?P<version>\S+)\s+\((?P<date>[^)]*)\)\s*$", re.MULTILINE)


def read_changelog(root: Path) -> tuple[Release, ...]:
    """Return CHANGELOG.md's '## <version> (<date>)' sections, newest first as written."""
    path = root / CHANGELOG
    if not path.is_file():
        return ()
    text = read_text(path, CHANGELOG)
    matches = list(_RELEASE.finditer(text))
    ends = [m.start() for m in matches[1:]] + [len(text)]
    return tuple(
        Release(m["version"], m["date"], text[m.end() : end].strip())
        for m, end in zip(matches, ends, strict=False)
    )


def ask_first(module: Module) -> Module:
    """Return the module with each published story held back until its storyteller says yes."""
    held = tuple(
        story.model_copy(update={"consent": story.consent.model_copy(update=_HELD)})
        if story.consent.status == "published-public"
        else story
        for story in module.stories
    )
    return module.model_copy(update={"stories": held})


_HELD = {
    "status": "permission-sought",
    "covers": (),
    "note": "Held back: the organisation uses a published story only once its storyteller has said yes "
    "(organisation.yml: public_stories: ask-first).",
}
