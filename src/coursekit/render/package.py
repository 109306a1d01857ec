"""Office packages (.pptx, .docx) written byte for byte the same from the same input.

python-pptx and python-docx stamp the save time into the zip members and the core properties;
both are fixed here from the course's build date.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def stamp(props, *, title: str, subject: str, date: dt.date) -> None:
    """Set an Office document's core properties from the course, with no clock in them."""
    moment = dt.datetime(date.year, date.month, date.day)
    props.title = title
    props.subject = subject
    props.author = "coursekit"
    props.last_modified_by = "coursekit"
    props.comments = ""
    props.language = "en-GB"
    props.revision = 1
    props.created = moment
    props.modified = moment
    props.last_printed = moment


def reproducible_zip(data: bytes) -> bytes:
    """Return the package rewritten with fixed member timestamps and permissions, order kept."""
    source = zipfile.ZipFile(io.BytesIO(data))
    target_buffer = io.BytesIO()
    with zipfile.ZipFile(target_buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_EPOCH)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return target_buffer.getvalue()
