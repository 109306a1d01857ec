"""An organisation's slide template is checked before python-pptx opens it: no macros, no
programs, nothing loaded from outside, and no zip bomb."""

from __future__ import annotations

import io
import os
import zipfile

import pytest
from conftest import valid_files
from pptx import Presentation

from coursekit.errors import ContentError
from coursekit.render.slides import check_template

MACROS = (
    "coursekit does not copy macros or programs into the decks it hands to trainers: save the template "
    "as a PowerPoint Presentation (.pptx) without them"
)
MASTER_RELS = "ppt/slideMasters/_rels/slideMaster1.xml.rels"


def template(tmp_path, name="brand.pptx", add=None, edit=None):
    """Write a template made by python-pptx, with parts added or edited (name -> bytes or text -> text)."""
    buffer = io.BytesIO()
    Presentation().save(buffer)
    path = tmp_path / name
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if edit and info.filename in edit:
                data = edit[info.filename](data.decode()).encode()
            target.writestr(info.filename, data)
        for part, data in (add or {}).items():
            target.writestr(part, data)
    return path


def relationship(kind: str, target: str, mode: str = ' TargetMode="External"'):
    return lambda xml: xml.replace(
        "</Relationships>",
        (
            f'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            f'{kind}" Target="{target}"{mode}/></Relationships>'
        ),
    )


def refused(refused_build, path) -> str:
    return refused_build(valid_files(), ("--slides-template", str(path)))[0]


def test_macro_enabled_template_is_refused(refused_build, tmp_path):
    path = template(tmp_path, "brand.pptm", add={"ppt/vbaProject.bin": b"\xd0\xcf\x11\xe0macros"})
    assert refused(refused_build, path) == (
        f"Error: {path}: is a macro-enabled PowerPoint file (.pptm); {MACROS}"
    )


def test_macros_renamed_to_pptx_are_refused(refused_build, tmp_path):
    def add_type(xml: str) -> str:
        return xml.replace(
            "</Types>",
            '<Override PartName="/ppt/vbaProject.bin" '
            'ContentType="application/vnd.ms-office.vbaProject"/></Types>',
        )

    path = template(
        tmp_path,
        add={"ppt/vbaProject.bin": b"\xd0\xcf\x11\xe0macros"},
        edit={
            "[Content_Types].xml": add_type,
            "ppt/_rels/presentation.xml.rels": relationship("vbaProject", "vbaProject.bin", ""),
        },
    )
    assert refused(refused_build, path) == f"Error: {path}: contains macros (ppt/vbaProject.bin); {MACROS}"


def test_macro_enabled_content_type_is_refused(tmp_path):
    main = "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml"
    path = template(
        tmp_path,
        edit={
            "[Content_Types].xml": lambda xml: xml.replace(
                "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml", main
            )
        },
    )
    with pytest.raises(ContentError) as raised:
        check_template(path)
    assert str(raised.value) == f"{path}: declares macro content ({main}); {MACROS}"


def test_zip_bomb_is_refused_before_unpacking(refused_build, tmp_path):
    path = template(tmp_path, add={"ppt/media/image1.png": bytes(30_000_000)})
    info = zipfile.ZipFile(path).getinfo("ppt/media/image1.png")
    assert refused(refused_build, path) == (
        f"Error: {path}: part ppt/media/image1.png unpacks to {info.file_size / info.compress_size:.0f} times "
        "its packed size (30 MB); that is a zip bomb, made to exhaust memory, not a real template"
    )


def test_many_small_parts_that_unpack_too_far_are_refused(tmp_path):
    path = template(tmp_path, add={f"ppt/media/image{n}.png": bytes(1_000_000) for n in range(201)})
    with pytest.raises(ContentError) as raised:
        check_template(path)
    assert str(raised.value).startswith(f"{path}: unpacks to 201.")
    assert str(raised.value).endswith(" MB; a slide template may unpack to at most 200 MB")


def test_too_many_parts_are_refused(tmp_path):
    path = template(tmp_path, add={f"ppt/media/image{n}.png": b"x" for n in range(2_000)})
    with pytest.raises(ContentError) as raised:
        check_template(path)
    assert str(raised.value) == f"{path}: has 2036 parts; a slide template may have at most 2000"


def test_too_large_a_file_is_refused(tmp_path):
    path = tmp_path / "brand.pptx"
    path.write_bytes(os.urandom(51_000_000))
    with pytest.raises(ContentError) as raised:
        check_template(path)
    assert str(raised.value) == f"{path}: is 51 MB; a slide template may be at most 50 MB"


def test_external_relationship_is_refused(refused_build, tmp_path):
    path = template(tmp_path, edit={MASTER_RELS: relationship("image", "https://evil.example/logo.png")})
    assert refused(refused_build, path) == (
        f"Error: {path}: {MASTER_RELS}: rId99 makes PowerPoint load 'https://evil.example/logo.png' from "
        "outside the file; a template must not load anything from outside: insert the picture, sound or "
        "object into it instead of linking it"
    )


def test_a_web_link_in_the_template_is_allowed(tmp_path):
    path = template(tmp_path, edit={MASTER_RELS: relationship("hyperlink", "https://our.example/")})
    check_template(path)
