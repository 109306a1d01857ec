"""Write a whole deck in one pass: slide and notes parts from XML templates, package assembled once.

python-pptx adds slides one call chain at a time and scans the whole package for every new slide
and notes page (next free part name, relationship id, slide id), so a deck takes quadratic time.
Here python-pptx only supplies the template (masters, layouts, theme, notes master); every slide
part, notes part, relationship, content type and slide id is written here in one linear pass.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import io
import posixpath
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
FIRST_SLIDE_ID = 256
NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
}
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
CT = "application/vnd.openxmlformats-officedocument.presentationml."
DETAILS_IDX = "13"  # the built-in theme's details line; see deck_theme.DETAILS_IDX
# Characters XML 1.0 cannot hold at all; escaping cannot save them, so they are dropped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of slide body text; level 0 is a top-level bullet."""

    text: str
    level: int = 0


@dataclass(frozen=True)
class SlideSpec:
    """One slide: its layout's name, title, body paragraphs, optional subtitle and speaker notes."""

    layout: str
    title: str
    body: tuple[Paragraph, ...] = ()
    subtitle: str = ""
    notes: tuple[str, ...] = ()
    hidden: bool = False
    """Kept in the deck for the trainer, skipped in the slide show."""


@dataclass(frozen=True)
class DeckProperties:
    """Document properties stamped on the deck; date stands in for every timestamp."""

    title: str
    subject: str
    date: dt.date


@dataclass(frozen=True)
class _Layout:
    partname: str
    title_ph: str
    body_ph: str | None
    details_ph: str | None


def write_deck(presentation, slides: Sequence[SlideSpec], properties: DeckProperties) -> bytes:
    """Return the .pptx bytes of presentation (a template with no slides) with slides added.

    The same input gives byte-identical bytes. presentation gains a notes master and the
    properties; use a freshly opened one per deck.
    """
    if len(presentation.slides):
        raise ValueError("the template presentation already has slides")
    layouts = _layouts(presentation)
    missing = sorted({s.layout for s in slides} - layouts.keys())
    if missing:
        raise ValueError(f"the template has no layout named {', '.join(map(repr, missing))}")
    notes_master = presentation.notes_master.part.partname.lstrip("/")
    _stamp(presentation, properties)
    buffer = io.BytesIO()
    presentation.save(buffer)
    parts = _read_package(buffer.getvalue())
    new_parts = {}
    for number, spec in enumerate(slides, start=1):
        new_parts.update(_slide_parts(number, spec, layouts[spec.layout], notes_master))
    _register(parts, len(slides))
    return _zip({**parts, **new_parts})


# --- template ------------------------------------------------------------------------------------


def _layouts(presentation) -> dict[str, _Layout]:
    layouts = {}
    for layout in presentation.slide_layouts:
        placeholders = {}
        for ph in layout._element.iterfind(".//p:nvSpPr/p:nvPr/p:ph", NS):
            kind, idx = ph.get("type", "obj"), ph.get("idx", "0")
            if kind in ("title", "ctrTitle"):
                placeholders.setdefault("title", ph)
            elif idx in ("1", DETAILS_IDX):
                placeholders.setdefault(idx, ph)
        if "title" in placeholders and layout.name not in layouts:
            layouts[layout.name] = _Layout(
                partname=layout.part.partname.lstrip("/"),
                title_ph=_ph_attributes(placeholders["title"]),
                body_ph=_ph_attributes(placeholders["1"]) if "1" in placeholders else None,
                details_ph=_ph_attributes(placeholders[DETAILS_IDX]) if DETAILS_IDX in placeholders else None,
            )
    return layouts


def _ph_attributes(ph) -> str:
    """The placeholder reference a slide shape needs to inherit from its layout's placeholder."""
    return " ".join(
        f'{k}="{html.escape(ph.get(k), quote=True)}"' for k in ("type", "orient", "sz", "idx") if ph.get(k)
    )


def _stamp(presentation, properties: DeckProperties) -> None:
    stamp = dt.datetime(properties.date.year, properties.date.month, properties.date.day)
    core = presentation.core_properties
    core.title = properties.title
    core.subject = properties.subject
    core.author = core.last_modified_by = "coursekit"
    core.comments = ""
    core.language = "en-GB"
    core.revision = 1
    core.created = core.modified = core.last_printed = stamp


def _read_package(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: package.read(name) for name in package.namelist()}


# --- slides --------------------------------------------------------------------------------------


def _slide_parts(number: int, spec: SlideSpec, layout: _Layout, notes_master: str) -> dict[str, bytes]:
    slide = f"ppt/slides/slide{number}.xml"
    notes = f"ppt/notesSlides/notesSlide{number}.xml"
    return {
        slide: _render("slide", shapes=_slide_shapes(spec, layout), hidden=spec.hidden),
        f"ppt/slides/_rels/slide{number}.xml.rels": _rels(
            ("slideLayout", posixpath.relpath(layout.partname, "ppt/slides")),
            ("notesSlide", f"../notesSlides/notesSlide{number}.xml"),
        ),
        notes: _render("notes", paragraphs=[Paragraph(p) for p in spec.notes]),
        f"ppt/notesSlides/_rels/notesSlide{number}.xml.rels": _rels(
            ("notesMaster", posixpath.relpath(notes_master, "ppt/notesSlides")),
            ("slide", f"../slides/slide{number}.xml"),
        ),
    }


def _slide_shapes(spec: SlideSpec, layout: _Layout) -> list[dict]:
    body = list(spec.body)
    subtitle = [Paragraph(spec.subtitle)] if spec.subtitle else []
    shapes = [{"name": "Title 1", "ph": layout.title_ph, "paragraphs": [Paragraph(spec.title)]}]
    if layout.details_ph and subtitle:
        shapes.append({"name": "Details 3", "ph": layout.details_ph, "paragraphs": subtitle})
    elif subtitle:
        body = subtitle + body  # no details line in this layout: the subtitle leads the body
    if layout.body_ph and body:
        shapes.insert(1, {"name": "Content Placeholder 2", "ph": layout.body_ph, "paragraphs": body})
    elif body:
        raise ValueError(f"layout of slide {spec.title!r} has no body placeholder (idx 1) for its text")
    return shapes


def _rels(*targets: tuple[str, str]) -> bytes:
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{RT}{kind}" Target="{html.escape(target, quote=True)}"/>'
        for i, (kind, target) in enumerate(targets, start=1)
    )
    return f'{_DECLARATION}<Relationships xmlns="{NS["rel"]}">{rels}</Relationships>'.encode()


def _render(name: str, **values) -> bytes:
    return _templates()[name].render(**values).encode("utf-8")


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("", text)


@functools.cache
def _templates() -> dict:
    import jinja2

    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    env.filters["xmltext"] = _xml_text
    return {name: env.from_string(source) for name, source in _TEMPLATES.items()}


_DECLARATION = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
_NAMESPACES = f'xmlns:a="{NS["a"]}" xmlns:r="{NS["r"]}" xmlns:p="{NS["p"]}"'
_SHAPE_TREE_START = (
    '<p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/>'
    "</p:nvGrpSpPr><p:grpSpPr/>"
)
# A line break inside a paragraph becomes <a:br/>; every run and break is marked British English.
_PARAGRAPHS = (
    '{% for p in paragraphs %}<a:p>{% if p.level %}<a:pPr lvl="{{ p.level }}"/>{% endif %}'
    '{% for line in (p.text | xmltext).split("\\n") %}{% if not loop.first %}<a:br><a:rPr lang="en-GB"/></a:br>'
    '{% endif %}{% if line %}<a:r><a:rPr lang="en-GB" dirty="0"/><a:t>{{ line }}</a:t></a:r>{% endif %}'
    '{% endfor %}<a:endParaRPr lang="en-GB" dirty="0"/></a:p>{% endfor %}'
)
# Every text box on a slide says "do not autofit", so a template whose master shrinks text to fit
# cannot shrink ours below the size its layout sets.
_TEMPLATES = {
    "slide": (
        _DECLARATION
        + f"<p:sld {_NAMESPACES}"
        + '{% if hidden %} show="0"{% endif %}>'
        + _SHAPE_TREE_START
        + '{% for s in shapes %}<p:sp><p:nvSpPr><p:cNvPr id="{{ loop.index + 1 }}" name="{{ s.name }}"/>'
        '<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph {{ s.ph | safe }}/></p:nvPr></p:nvSpPr>'
        "<p:spPr/><p:txBody><a:bodyPr><a:noAutofit/></a:bodyPr>"
        "<a:lstStyle/>{% with paragraphs = s.paragraphs %}" + _PARAGRAPHS + "{% endwith %}</p:txBody></p:sp>"
        "{% endfor %}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>"
    ),
    "notes": (
        _DECLARATION
        + f"<p:notes {_NAMESPACES}>"
        + _SHAPE_TREE_START
        + '<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image Placeholder 1"/><p:cNvSpPr><a:spLocks noGrp="1" '
        'noRot="1" noChangeAspect="1"/></p:cNvSpPr><p:nvPr><p:ph type="sldImg"/></p:nvPr></p:nvSpPr>'
        '<p:spPr/></p:sp><p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes Placeholder 2"/><p:cNvSpPr>'
        '<a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr><p:spPr/>'
        "<p:txBody><a:bodyPr/><a:lstStyle/>" + _PARAGRAPHS + "{% if not paragraphs %}<a:p><a:endParaRPr "
        'lang="en-GB" dirty="0"/></a:p>{% endif %}</p:txBody></p:sp></p:spTree></p:cSld><p:clrMapOvr>'
        "<a:masterClrMapping/></p:clrMapOvr></p:notes>"
    ),
}


# --- package -------------------------------------------------------------------------------------


def _register(parts: dict[str, bytes], count: int) -> None:
    """Add the slides to presentation.xml, its relationships, the content types and app.xml."""
    rels = etree.fromstring(parts["ppt/_rels/presentation.xml.rels"])
    slide_rids = _relate_slides(rels, count)
    parts["ppt/_rels/presentation.xml.rels"] = _serialise(rels)
    presentation = etree.fromstring(parts["ppt/presentation.xml"])
    _list_notes_master(presentation, rels)
    _list_slides(presentation, slide_rids)
    parts["ppt/presentation.xml"] = _serialise(presentation)
    parts["[Content_Types].xml"] = _content_types(parts["[Content_Types].xml"], count)
    if "docProps/app.xml" in parts:
        parts["docProps/app.xml"] = _app_counts(parts["docProps/app.xml"], count)


def _relate_slides(rels, count: int) -> list[str]:
    numbers = [int(r.get("Id")[3:]) for r in rels if re.fullmatch(r"rId\d+", r.get("Id", ""))]
    first = max(numbers, default=0) + 1
    rids = [f"rId{first + i}" for i in range(count)]
    for number, rid in enumerate(rids, start=1):
        etree.SubElement(
            rels,
            f"{{{NS['rel']}}}Relationship",
            Id=rid,
            Type=RT + "slide",
            Target=f"slides/slide{number}.xml",
        )
    return rids


def _list_notes_master(presentation, rels) -> None:
    # python-pptx relates the notes master it adds but does not list it, as PowerPoint does.
    if presentation.find("p:notesMasterIdLst", NS) is not None:
        return
    rid = next(r.get("Id") for r in rels if r.get("Type") == RT + "notesMaster")
    listed = etree.Element(f"{{{NS['p']}}}notesMasterIdLst")
    etree.SubElement(listed, f"{{{NS['p']}}}notesMasterId", {f"{{{NS['r']}}}id": rid})
    presentation.find("p:sldMasterIdLst", NS).addnext(listed)


def _list_slides(presentation, rids: list[str]) -> None:
    for old in presentation.findall("p:sldIdLst", NS):
        presentation.remove(old)
    if not rids:
        return
    listed = etree.Element(f"{{{NS['p']}}}sldIdLst")
    for number, rid in enumerate(rids):
        etree.SubElement(
            listed, f"{{{NS['p']}}}sldId", {"id": str(FIRST_SLIDE_ID + number), f"{{{NS['r']}}}id": rid}
        )
    # The schema's order: master lists, then slides, then the slide size.
    presentation.find("p:sldSz", NS).addprevious(listed)


def _content_types(data: bytes, count: int) -> bytes:
    types = etree.fromstring(data)
    for number in range(1, count + 1):
        for name, kind in (
            (f"slides/slide{number}", "slide"),
            (f"notesSlides/notesSlide{number}", "notesSlide"),
        ):
            etree.SubElement(
                types, f"{{{NS['ct']}}}Override", PartName=f"/ppt/{name}.xml", ContentType=f"{CT}{kind}+xml"
            )
    return _serialise(types)


def _app_counts(data: bytes, count: int) -> bytes:
    app = etree.fromstring(data)
    for element in app:
        if etree.QName(element).localname in ("Slides", "Notes"):
            element.text = str(count)
    return _serialise(app)


def _serialise(element) -> bytes:
    return etree.tostring(element, xml_declaration=True, encoding="UTF-8", standalone=True)


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():  # template order first, then slides in order: stable
            info = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            package.writestr(info, data)
    return buffer.getvalue()
