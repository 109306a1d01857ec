"""The built-in 16:9 deck theme, made in code from python-pptx's default template.

Each kind of slide a trainer presents gets its own named layout. The default template's eleven
layouts are rebuilt in place: the three Office names that templates and older code rely on keep
their names, the other eight become the trainer's kinds. Text sizes and boxes are chosen so about
40 words of body fit at 28 pt, so nothing relies on shrink-to-fit.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

SLIDE_WIDTH = 12192000  # 13.333 in, in EMU
SLIDE_HEIGHT = 6858000  # 7.5 in
INCH = 914400
FONT = "Arial"
BODY_POINTS = 28
"""Body text on the built-in layouts; titles are larger."""
SMALLEST_POINTS = 24
"""No text on the built-in layouts is smaller: labels, details and second-level bullets."""
DARK_TEXT = "1F1F1F"
WHITE = "FFFFFF"
NOTE_BACKGROUND = "FFF4D6"
MIN_CONTRAST = 4.5
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_P = "http://schemas.openxmlformats.org/presentationml/2006/main"

KIND_LAYOUTS = {
    "title": "Title Slide",
    "section": "Section Header",
    "teaching": "Teaching Point",
    "content-note": "Content Note",
    "story": "Story",
    "activity": "Activity",
    "check": "Check",
    "reflection": "Reflection",
    "break": "Break",
    "closing": "Closing",
}
"""Each kind of slide and the name of its layout in the built-in theme."""

OFFICE_FALLBACK = {
    "Teaching Point": "Title and Content",
    "Content Note": "Title and Content",
    "Story": "Title and Content",
    "Activity": "Title and Content",
    "Check": "Title and Content",
    "Reflection": "Title and Content",
    "Break": "Section Header",
    "Closing": "Title and Content",
}
"""On an organisation's template without the theme's names, each kind uses an Office layout."""

DETAILS_IDX = 13
"""Placeholder idx of the details line on the Activity and Story layouts (minutes and who leads)."""


@dataclass(frozen=True)
class Brand:
    """The organisation's look: its name and primary colour as six hex digits."""

    name: str = "coursekit"
    primary: str = "1D4F91"


@dataclass(frozen=True)
class Palette:
    """Colours the theme uses, each text colour paired with the background it sits on."""

    primary: str
    strong_text: str  # text on the primary colour
    heading: str  # titles and labels on white
    tint: str  # pale background for stories, reflections and closing
    tint_heading: str
    note_heading: str

    def pairs(self) -> dict[str, tuple[str, str]]:
        return {
            "text on primary": (self.strong_text, self.primary),
            "heading on white": (self.heading, WHITE),
            "body on white": (DARK_TEXT, WHITE),
            "heading on tint": (self.tint_heading, self.tint),
            "body on tint": (DARK_TEXT, self.tint),
            "heading on content note": (self.note_heading, NOTE_BACKGROUND),
            "body on content note": (DARK_TEXT, NOTE_BACKGROUND),
        }


def palette(brand: Brand) -> Palette:
    """Derive readable colours from the brand; raise ValueError if any text would fall below 4.5:1."""
    primary = _hex(brand.primary)
    tint = _mix(primary, WHITE, 0.88)
    colours = Palette(
        primary=primary,
        strong_text=_readable(WHITE, primary),
        heading=_readable(primary, WHITE),
        tint=tint,
        tint_heading=_readable(primary, tint),
        note_heading=_readable(primary, NOTE_BACKGROUND),
    )
    for what, (text, background) in colours.pairs().items():
        ratio = contrast_ratio(text, background)
        if ratio < MIN_CONTRAST:
            raise ValueError(f"{what}: #{text} on #{background} has contrast {ratio:.2f}:1, below 4.5:1")
    return colours


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two hex colours."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def build_theme(brand: Brand | None = None):
    """Return a python-pptx Presentation with the 16:9 theme's master and layouts and no slides."""
    from pptx import Presentation

    colours = palette(brand or Brand())
    presentation = Presentation()
    presentation.slide_width, presentation.slide_height = SLIDE_WIDTH, SLIDE_HEIGHT
    presentation.part._element.sldSz.attrib.pop("type", None)  # "screen4x3" would lie about the size
    _restyle_master(presentation.slide_master._element, colours)
    layouts = list(presentation.slide_layouts)
    designs = _layout_designs(colours, brand or Brand())
    for layout, (name, design) in zip(layouts, designs.items(), strict=True):
        _rebuild_layout(layout._element, name, design)
    _widen_notes_slide_image(presentation.notes_master._element)
    for element in (presentation.part._element, presentation.slide_master._element):
        for default in element.iter(f"{{{_A}}}defRPr"):
            if default.get("lang"):
                default.set("lang", "en-GB")
    return presentation


def _widen_notes_slide_image(notes_master) -> None:
    """Make the notes page's picture of the slide 16:9, centred, 6 inches wide."""
    for shape in notes_master.iter(f"{{{_P}}}sp"):
        ph = shape.find(".//p:nvPr/p:ph", shape.nsmap)
        if ph is not None and ph.get("type") == "sldImg":
            xfrm = shape.find("p:spPr/a:xfrm", shape.nsmap)
            width, height = 6 * INCH, round(6 * INCH * SLIDE_HEIGHT / SLIDE_WIDTH)
            xfrm.find("a:off", shape.nsmap).set("x", str((6858000 - width) // 2))
            xfrm.find("a:ext", shape.nsmap).attrib.update({"cx": str(width), "cy": str(height)})


# --- colours -------------------------------------------------------------------------------------


def _hex(value: str) -> str:
    colour = value.removeprefix("#").upper()
    if not re.fullmatch(r"[0-9A-F]{6}", colour):
        raise ValueError(f"brand primary colour must be six hex digits like 1D4F91, not {value!r}")
    return colour


def _channels(colour: str) -> tuple[int, int, int]:
    return int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16)


def _luminance(colour: str) -> float:
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in _channels(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _mix(colour: str, other: str, share_of_other: float) -> str:
    mixed = (
        round(a + (b - a) * share_of_other) for a, b in zip(_channels(colour), _channels(other), strict=False)
    )
    return "".join(f"{c:02X}" for c in mixed)


def _readable(preferred: str, background: str) -> str:
    """The preferred text colour if it reads on the background, else dark or white, whichever reads."""
    if contrast_ratio(preferred, background) >= MIN_CONTRAST:
        return preferred
    return max((DARK_TEXT, WHITE), key=lambda c: contrast_ratio(c, background))


# --- master --------------------------------------------------------------------------------------


def _restyle_master(master, colours: Palette) -> None:
    from pptx.oxml import parse_xml

    ns = master.nsmap
    c_sld = master.find("p:cSld", ns)
    c_sld.replace(c_sld.find("p:bg", ns), parse_xml(_background(WHITE)))
    for autofit in list(master.iter(f"{{{_A}}}normAutofit")):
        autofit.getparent().replace(autofit, parse_xml(f'<a:noAutofit xmlns:a="{_A}"/>'))
    scale = SLIDE_WIDTH / 9144000
    for xfrm in master.iterfind(".//p:spTree/p:sp/p:spPr/a:xfrm", ns):
        for node in (xfrm.find("a:off", ns), xfrm.find("a:ext", ns)):
            key = "x" if node.tag.endswith("off") else "cx"
            node.set(key, str(round(int(node.get(key)) * scale)))
    for style in master.find("p:txStyles", ns):
        for level in style:
            _restyle_level(level, style.tag.rsplit("}", 1)[1], ns, colours)


def _restyle_level(level, style: str, ns: dict, colours: Palette) -> None:
    run = level.find("a:defRPr", ns)
    if run is None:
        return
    for font in run.findall("a:latin", ns):
        font.set("typeface", FONT)
    if style == "titleStyle":
        run.set("sz", "3600")
        run.set("b", "1")
        level.set("algn", "l")
        _set_colour(run, colours.heading, ns)
    elif style == "bodyStyle":
        run.set("sz", "2800" if level.tag.endswith("lvl1pPr") else "2400")
        _set_colour(run, DARK_TEXT, ns)


def _set_colour(run, colour: str, ns: dict) -> None:
    from pptx.oxml import parse_xml

    fill = run.find("a:solidFill", ns)
    new = parse_xml(f'<a:solidFill xmlns:a="{ns["a"]}"><a:srgbClr val="{colour}"/></a:solidFill>')
    if fill is None:
        run.insert(0, new)
    else:
        run.replace(fill, new)


# --- layouts -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Box:
    """A rectangle in inches."""

    x: float
    y: float
    w: float
    h: float

    def emu(self) -> dict[str, int]:
        return {k: round(v * INCH) for k, v in (("x", self.x), ("y", self.y), ("cx", self.w), ("cy", self.h))}


@dataclass(frozen=True)
class Design:
    """What one layout looks like."""

    layout_type: str
    background: str
    title_colour: str
    body_colour: str
    label: str = ""
    bar: str = ""
    details: bool = False
    strong: bool = False


LABEL = Box(0.6, 0.3, 7.2, 0.6)
DETAILS = Box(7.9, 0.3, 4.83, 0.6)
CONTENT_TITLE = Box(0.6, 0.9, 12.13, 1.3)
CONTENT_BODY = Box(0.6, 2.3, 12.13, 4.85)
STRONG_TITLE = Box(0.9, 1.6, 11.5, 2.2)
STRONG_BODY = Box(0.9, 4.2, 11.5, 2.3)
STRONG_RULE = Box(0.9, 3.95, 2.0, 0.08)
BAR = Box(0, 0, 0.25, 7.5)
BRAND = Box(0.9, 6.55, 11.5, 0.6)


def _layout_designs(colours: Palette, brand: Brand) -> dict[str, Design]:
    """One design per layout, in the order of python-pptx's default layouts (which they replace)."""
    plain = {
        "background": WHITE,
        "title_colour": colours.heading,
        "body_colour": DARK_TEXT,
        "bar": colours.primary,
    }
    tinted = {
        "background": colours.tint,
        "title_colour": colours.tint_heading,
        "body_colour": DARK_TEXT,
        "bar": colours.primary,
    }
    strong = {
        "background": colours.primary,
        "title_colour": colours.strong_text,
        "body_colour": colours.strong_text,
        "strong": True,
    }
    return {
        "Title Slide": Design("title", label=brand.name, **strong),
        "Title and Content": Design(
            "obj", background=WHITE, title_colour=colours.heading, body_colour=DARK_TEXT
        ),
        "Section Header": Design("secHead", **strong),
        "Teaching Point": Design("obj", **plain),
        "Content Note": Design(
            "obj",
            background=NOTE_BACKGROUND,
            title_colour=colours.note_heading,
            body_colour=DARK_TEXT,
            bar=colours.primary,
            label="Content note",
        ),
        "Story": Design("obj", label="Story", details=True, **tinted),
        "Activity": Design("obj", label="Activity", details=True, **plain),
        "Check": Design("obj", label="Check your understanding", **plain),
        "Reflection": Design("obj", label="Reflection", **tinted),
        "Break": Design("secHead", label="Break", **strong),
        "Closing": Design("obj", label="Closing", **tinted),
    }


def _rebuild_layout(layout, name: str, design: Design) -> None:
    from pptx.oxml import parse_xml

    ns = layout.nsmap
    layout.set("type", design.layout_type)
    xml = _layout_template().render(
        name=name,
        d=design,
        shapes=_layout_shapes(name, design),
        font=FONT,
        ns=ns,
        smallest=SMALLEST_POINTS * 100,
    )
    layout.replace(layout.find("p:cSld", ns), parse_xml(xml))


def _layout_shapes(name: str, design: Design) -> list[dict]:
    shapes: list[dict] = []
    if design.bar:
        shapes.append({"kind": "rect", "name": "Accent bar", "box": BAR.emu(), "fill": design.bar})
    if design.strong:
        title_box, body_box = STRONG_TITLE, STRONG_BODY
        shapes.append(
            {"kind": "rect", "name": "Accent rule", "box": STRONG_RULE.emu(), "fill": design.title_colour}
        )
    else:
        title_box, body_box = CONTENT_TITLE, CONTENT_BODY
    if design.label:
        box = BRAND if name == "Title Slide" else LABEL
        shapes.append(
            {
                "kind": "label",
                "name": "Kind label",
                "box": box.emu(),
                "text": design.label,
                "size": SMALLEST_POINTS * 100,
                "colour": design.title_colour,
            }
        )
    title_type = "ctrTitle" if name == "Title Slide" else "title"
    body_type = "subTitle" if name == "Title Slide" else "body"
    title_size = 4400 if design.strong else 3600
    shapes.append(
        {
            "kind": "ph",
            "name": "Title 1",
            "ph": f'type="{title_type}"',
            "box": title_box.emu(),
            "size": title_size,
            "colour": design.title_colour,
            "anchor": "b",
            "bullets": False,
        }
    )
    body_size = 4000 if name == "Break" else BODY_POINTS * 100
    shapes.append(
        {
            "kind": "ph",
            "name": "Text Placeholder 2",
            "ph": f'type="{body_type}" idx="1"',
            "box": body_box.emu(),
            "size": body_size,
            "colour": design.body_colour,
            "anchor": "t",
            "bullets": not design.strong,
        }
    )
    if design.details:
        shapes.append(
            {
                "kind": "ph",
                "name": "Details 3",
                "ph": f'type="body" sz="quarter" idx="{DETAILS_IDX}"',
                "box": DETAILS.emu(),
                "size": SMALLEST_POINTS * 100,
                "colour": design.title_colour,
                "anchor": "t",
                "bullets": False,
                "align": "r",
            }
        )
    return shapes


def _background(colour: str) -> str:
    return (
        '<p:bg xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><p:bgPr><a:solidFill>'
        f'<a:srgbClr val="{colour}"/></a:solidFill><a:effectLst/></p:bgPr></p:bg>'
    )


_LAYOUT_XML = """\
<p:cSld xmlns:a="{{ ns.a }}" xmlns:p="{{ ns.p }}" name="{{ name }}">\
<p:bg><p:bgPr><a:solidFill><a:srgbClr val="{{ d.background }}"/></a:solidFill><a:effectLst/></p:bgPr></p:bg>\
<p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>\
<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/>\
</a:xfrm></p:grpSpPr>\
{% for s in shapes %}\
<p:sp><p:nvSpPr><p:cNvPr id="{{ loop.index + 1 }}" name="{{ s.name }}"/>\
{% if s.kind == "ph" %}<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph {{ s.ph | safe }}/></p:nvPr>\
{% else %}<p:cNvSpPr/><p:nvPr userDrawn="1"/>{% endif %}</p:nvSpPr>\
<p:spPr><a:xfrm><a:off x="{{ s.box.x }}" y="{{ s.box.y }}"/><a:ext cx="{{ s.box.cx }}" cy="{{ s.box.cy }}"/>\
</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>\
{% if s.kind == "rect" %}<a:solidFill><a:srgbClr val="{{ s.fill }}"/></a:solidFill><a:ln><a:noFill/></a:ln>\
{% elif s.kind == "label" %}<a:noFill/>{% endif %}</p:spPr>\
{% if s.kind != "rect" %}\
<p:txBody><a:bodyPr wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" \
anchor="{{ s.anchor or 't' }}"><a:noAutofit/></a:bodyPr><a:lstStyle>\
{% for level in (1, 2) %}<a:lvl{{ level }}pPr algn="{{ s.align or 'l' }}"\
{% if not s.bullets %} marL="0" indent="0"{% endif %}>{% if not s.bullets %}<a:buNone/>{% endif %}\
<a:defRPr sz="{{ s.size if level == 1 else [s.size - 400, smallest] | max }}"\
{% if s.kind == "label" or s.size >= 3600 or s.align %} b="1"{% endif %}>\
<a:solidFill><a:srgbClr val="{{ s.colour }}"/></a:solidFill><a:latin typeface="{{ font }}"/></a:defRPr>\
</a:lvl{{ level }}pPr>{% endfor %}</a:lstStyle>\
<a:p>{% if s.kind == "label" %}<a:r><a:rPr lang="en-GB"/><a:t>{{ s.text }}</a:t></a:r>{% endif %}\
<a:endParaRPr lang="en-GB"/></a:p></p:txBody>\
{% endif %}</p:sp>\
{% endfor %}\
</p:spTree></p:cSld>"""


@functools.cache
def _layout_template():
    import jinja2

    return jinja2.Environment(autoescape=True).from_string(_LAYOUT_XML)
