"""Check an organisation's slide template before python-pptx opens it.

A .pptx is a zip of parts. Every deck copies the template's parts, so a template must carry no
macros, ActiveX controls or embedded programs, must load nothing from outside the file, and
must not be a zip bomb that unpacks to gigabytes. The zip's directory is read first; nothing is
unpacked until the sizes are known to be sane.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path, PurePosixPath

from .errors import ContentError, Problem

MAX_TEMPLATE_BYTES = 50_000_000
MAX_PARTS = 2_000
MAX_UNPACKED_BYTES = 200_000_000
MAX_RATIO = 100
"""The most a part over RATIO_FLOOR bytes may expand; XML expands about 5 to 20 times."""
RATIO_FLOOR = 1_000_000
MACRO_SUFFIXES = (".pptm", ".potm", ".ppsm", ".ppam")
_MACRO_MARKERS = ("vbaproject", "macroenabled", "vbadata")
_EXTERNAL_LINKS = ("http://", "https://", "mailto:")
_UNREADABLE = (OSError, EOFError, KeyError, zipfile.BadZipFile, NotImplementedError, RuntimeError, zlib.error)


def open_template(path: Path | None):
    """Return a python-pptx Presentation of the template (or the default one), refusing unsafe files."""
    from pptx import Presentation
    from pptx.exc import PackageNotFoundError

    if path is None:
        return Presentation()
    check_file(path)
    try:
        return Presentation(str(path))
    except ValueError as exc:
        if "template" in str(exc):
            message = "is a PowerPoint template (.potx); open it in PowerPoint and save it as a .pptx"
        else:
            message = f"is not a PowerPoint presentation we can read ({exc})"
    except (*_UNREADABLE, PackageNotFoundError) as exc:
        message = f"is not a PowerPoint (.pptx) file ({exc.__class__.__name__})"
    raise _error(path, message)


def check_file(path: Path) -> None:
    """Fail with a clear message unless path is a template file that is safe to open."""
    if not path.exists():
        raise _error(path, "slide template not found")
    if not path.is_file():
        raise _error(path, "is not a file; give the path of a .pptx file")
    if path.suffix.lower() in MACRO_SUFFIXES:
        raise _error(path, _macros(f"is a macro-enabled PowerPoint file ({path.suffix})"))
    size = path.stat().st_size
    if size > MAX_TEMPLATE_BYTES:
        raise _error(path, f"is {_mb(size)}; a slide template may be at most {_mb(MAX_TEMPLATE_BYTES)}")
    try:
        with zipfile.ZipFile(path) as package:
            problem = _sizes_problem(package.infolist()) or _parts_problem(package)
    except (*_UNREADABLE, ValueError) as exc:
        # Damaged, encrypted or oddly compressed parts all mean one thing to the author.
        problem = f"is not a PowerPoint (.pptx) file ({exc.__class__.__name__})"
    if problem:
        raise _error(path, problem)


def _sizes_problem(members: list[zipfile.ZipInfo]) -> str | None:
    if len(members) > MAX_PARTS:
        return f"has {len(members)} parts; a slide template may have at most {MAX_PARTS}"
    unpacked = sum(member.file_size for member in members)
    if unpacked > MAX_UNPACKED_BYTES:
        return f"unpacks to {_mb(unpacked)}; a slide template may unpack to at most {_mb(MAX_UNPACKED_BYTES)}"
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
            return (
                f"part {member.filename} unpacks to {ratio:.0f} times its packed size ({_mb(member.file_size)}); "
                "that is a zip bomb, made to exhaust memory, not a real template"
            )
    return None


def _parts_problem(package: zipfile.ZipFile) -> str | None:
    for name in package.namelist():
        lowered = name.lower()
        if any(marker in lowered for marker in _MACRO_MARKERS):
            return _macros(f"contains macros ({name})")
        if lowered.startswith("ppt/activex/"):
            return _macros(f"contains an ActiveX control ({name})")
        if lowered.startswith("ppt/embeddings/") and lowered.endswith(".bin"):
            return _macros(f"contains an embedded program or OLE object ({name})")
    names = set(package.namelist())
    if "[Content_Types].xml" in names:
        problem = _content_types_problem(package.read("[Content_Types].xml"))
        if problem:
            return problem
    for name in sorted(n for n in names if n.endswith(".rels")):
        problem = _relationships_problem(name, package.read(name))
        if problem:
            return problem
    return None


def _content_types_problem(xml: bytes) -> str | None:
    root = _parse(xml)
    if root is None:
        return "has a malformed list of content types ([Content_Types].xml)"
    for entry in root:
        content_type = (entry.get("ContentType") or "").lower()
        if any(marker in content_type for marker in _MACRO_MARKERS):
            return _macros(f"declares macro content ({entry.get('ContentType')})")
        if "activex" in content_type:
            return _macros(f"declares ActiveX controls ({entry.get('ContentType')})")
    return None


def _relationships_problem(name: str, xml: bytes) -> str | None:
    root = _parse(xml)
    if root is None:
        return f"has a malformed relationships part ({name})"
    for relation in root:
        kind = PurePosixPath(relation.get("Type") or "").name
        target = relation.get("Target") or ""
        if "vbaproject" in kind.lower():
            return _macros(f"links macros ({name})")
        if relation.get("TargetMode") != "External":
            continue
        if kind == "hyperlink" and target.lower().startswith(_EXTERNAL_LINKS):
            continue  # A link a reader may follow; it loads nothing.
        return (
            f"{name}: {relation.get('Id')} makes PowerPoint load {target!r} from outside the file; a template "
            "must not load anything from outside: insert the picture, sound or object into it instead of "
            "linking it"
        )
    return None


def _parse(xml: bytes):
    from lxml import etree

    # No entities and no network: a template's XML is data, never instructions to fetch or expand.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        return etree.fromstring(xml, parser)
    except etree.XMLSyntaxError:
        return None


def _macros(what: str) -> str:
    return (
        f"{what}; coursekit does not copy macros or programs into the decks it hands to trainers: "
        "save the template as a PowerPoint Presentation (.pptx) without them"
    )


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size % 1_000_000 else f"{size // 1_000_000} MB"


def _error(path: Path, message: str) -> ContentError:
    return ContentError([Problem(str(path), None, None, message)])
