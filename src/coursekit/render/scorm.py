"""Package a course site as one SCORM SCO: a zip an LMS can import.

The zip holds imsmanifest.xml and the SCORM schemas at its root, launch.html (the wrapper that talks
to the LMS and hosts the site in a frame) and the course site under course/, without its downloads.
The site in the package is built for it from the plan it is given, which holds only the stories
whose consent covers use in an LMS; the zip goes into out/<course id>/downloads/.
"""

from __future__ import annotations

import base64
import hashlib
import json
import tempfile
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import RenderError
from ..model import BuildSettings
from ..plan import CoursePlan

SCHEMAS = Path(__file__).resolve().parent.parent / "assets" / "scorm"
TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
COURSE_DIR = "course"
LAUNCH = "launch.html"
MANIFEST = "imsmanifest.xml"
DRIVER = "driver.xsd"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
# Suspend data is "1" (format), a six-character fingerprint, then "." and the modules read (six to a
# character) and "." and the knowledge-check states (three to a character); see templates/scorm/launch.html.
HEADER_CHARS = len("1") + 6 + 2


class ScormSizeWarning(UserWarning):
    """A course too big for the LMS's suspend data: resuming keeps only part of the progress."""


@dataclass(frozen=True)
class ScormVersion:
    """What differs between SCORM 1.2 and SCORM 2004 4th edition packages."""

    key: str
    cp_ns: str
    adlcp_ns: str
    schema_version: str
    scorm_type_attr: str
    schemas: tuple[str, ...]
    suspend_limit: int
    extra_ns: dict[str, str]


SCORM_12 = ScormVersion(
    key="12",
    cp_ns="http://www.imsproject.org/xsd/imscp_rootv1p1p2",
    adlcp_ns="http://www.adlnet.org/xsd/adlcp_rootv1p2",
    schema_version="1.2",
    scorm_type_attr="scormtype",
    schemas=("imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd"),
    suspend_limit=4096,
    extra_ns={},
)
SCORM_2004 = ScormVersion(
    key="2004",
    cp_ns="http://www.imsglobal.org/xsd/imscp_v1p1",
    adlcp_ns="http://www.adlnet.org/xsd/adlcp_v1p3",
    schema_version="2004 4th Edition",
    scorm_type_attr="scormType",
    schemas=("imscp_v1p1.xsd", "adlcp_v1p3.xsd", "adlseq_v1p3.xsd", "adlnav_v1p3.xsd", "imsss_v1p0.xsd"),
    suspend_limit=64000,
    extra_ns={
        "adlseq": "http://www.adlnet.org/xsd/adlseq_v1p3",
        "adlnav": "http://www.adlnet.org/xsd/adlnav_v1p3",
        "imsss": "http://www.imsglobal.org/xsd/imsss",
    },
)
VERSIONS = {"12": SCORM_12, "2004": SCORM_2004}


def render(plan: CoursePlan, out: Path, settings: BuildSettings) -> list[Path]:
    """Write the course's SCORM package into out/<id>/downloads/ and return its path.

    settings.scorm_version is "12" (SCORM 1.2) or "2004" (SCORM 2004 4th edition).
    """
    from . import site

    version = VERSIONS[settings.scorm_version]
    # The site for the package is built inside the staging root, so an interrupted build leaves nothing.
    with tempfile.TemporaryDirectory(prefix=".coursekit-scorm-", dir=out) as aside:
        site.render(plan, Path(aside), settings)
        members = package_members(plan, Path(aside) / plan.id, version, package_title(plan, settings.brand))
    target = out / plan.id / "downloads" / package_name(plan, version)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_zip(target, members, plan)
    return [target]


def package_name(plan: CoursePlan, version: ScormVersion | str) -> str:
    key = version if isinstance(version, str) else version.key
    return f"{plan.id}-scorm{key}.zip"


def package_title(plan: CoursePlan, brand) -> str:
    """The title the LMS shows: the course, after the organisation's name when it has made it its own."""
    return plan.audience.course_title if brand.builtin else f"{brand.name}: {plan.audience.course_title}"


def package_members(
    plan: CoursePlan, site_dir: Path, version: ScormVersion, title: str = ""
) -> dict[str, bytes]:
    """Return every file of the package, by its path in the zip."""
    members = {f"{COURSE_DIR}/{rel}": path.read_bytes() for rel, path in site_files(site_dir).items()}
    members[LAUNCH] = launch_page(plan, version).encode("utf-8")
    for name in schema_files(version):
        members[name] = (SCHEMAS / f"scorm{version.key}" / name).read_bytes()
    members[MANIFEST] = manifest(plan, version, sorted(members), title or plan.audience.course_title)
    validate_manifest(members[MANIFEST], version, plan)
    return members


def site_files(site_dir: Path) -> dict[str, Path]:
    """Every file of the built site except its downloads, by forward-slash path."""
    files = {}
    for path in sorted(site_dir.rglob("*")):
        rel = path.relative_to(site_dir).as_posix()
        if path.is_file() and rel.split("/")[0] != "downloads":
            files[rel] = path
    return files


def schema_files(version: ScormVersion) -> list[str]:
    """The schema files a package carries: every vendored one except coursekit's validation driver."""
    folder = SCHEMAS / f"scorm{version.key}"
    return sorted(p.name for p in folder.iterdir() if p.is_file() and p.name != DRIVER)


def manifest(plan: CoursePlan, version: ScormVersion, files: list[str], title: str) -> bytes:
    """Return imsmanifest.xml: one organization, one item, one SCO resource listing every file."""
    from lxml import etree

    cp, adlcp = f"{{{version.cp_ns}}}", f"{{{version.adlcp_ns}}}"
    nsmap = {None: version.cp_ns, "adlcp": version.adlcp_ns, **version.extra_ns, "xsi": XSI}
    root = etree.Element(
        cp + "manifest", nsmap=nsmap, identifier=f"coursekit-{plan.id}", version=plan.build_date.isoformat()
    )
    locations = [(version.cp_ns, version.schemas[0]), (version.adlcp_ns, version.schemas[1])]
    locations += zip(version.extra_ns.values(), version.schemas[2:], strict=False)
    root.set(f"{{{XSI}}}schemaLocation", " ".join(f"{ns} {xsd}" for ns, xsd in locations))

    metadata = etree.SubElement(root, cp + "metadata")
    etree.SubElement(metadata, cp + "schema").text = "ADL SCORM"
    etree.SubElement(metadata, cp + "schemaversion").text = version.schema_version

    organizations = etree.SubElement(root, cp + "organizations", default="ORG-1")
    organization = etree.SubElement(organizations, cp + "organization", identifier="ORG-1")
    etree.SubElement(organization, cp + "title").text = title
    item = etree.SubElement(organization, cp + "item", identifier="ITEM-1", identifierref="RES-1")
    etree.SubElement(item, cp + "title").text = title
    if version.key == "2004":
        imsss = "{" + version.extra_ns["imsss"] + "}"
        sequencing = etree.SubElement(item, imsss + "sequencing")
        etree.SubElement(
            sequencing,
            imsss + "deliveryControls",
            completionSetByContent="true",
            objectiveSetByContent="true",
        )

    resources = etree.SubElement(root, cp + "resources")
    resource = etree.SubElement(
        resources, cp + "resource", identifier="RES-1", type="webcontent", href=LAUNCH
    )
    resource.set(adlcp + version.scorm_type_attr, "sco")
    for name in files:
        if name != MANIFEST:
            etree.SubElement(resource, cp + "file", href=name)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def validate_manifest(data: bytes, version: ScormVersion, plan: CoursePlan) -> None:
    """Refuse to write a package whose manifest the SCORM schemas reject."""
    from lxml import etree

    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / f"scorm{version.key}" / DRIVER)))
    if not schema.validate(etree.fromstring(data).getroottree()):
        raise RenderError(
            f"LMS package for {plan.id}: imsmanifest.xml does not match the SCORM "
            f"{version.schema_version} schema: {schema.error_log.last_error}"
        )


def course_structure(plan: CoursePlan) -> list[dict]:
    """The modules and their question ids, in order: what the wrapper tracks."""
    return [{"slug": v.slug, "questions": [q.id for q in v.questions]} for v in plan.modules]


def fingerprint(plan: CoursePlan) -> str:
    """Six characters that change when the course's modules or questions change.

    Saved progress is a list of positions, so progress saved for another shape of course is ignored.
    """
    digest = hashlib.sha256(json.dumps(course_structure(plan), sort_keys=True).encode("utf-8")).digest()
    return base64.urlsafe_b64encode(digest).decode("ascii")[:6]


def suspend_data_length(plan: CoursePlan) -> int:
    """The length of the suspend data the wrapper saves for this course (it does not vary)."""
    questions = sum(len(v.questions) for v in plan.modules)
    return HEADER_CHARS + -(-len(plan.modules) // 6) + -(-questions // 3)


def launch_page(plan: CoursePlan, version: ScormVersion) -> str:
    """Return launch.html, the SCO: it finds the LMS, hosts the site and reports progress."""
    import jinja2

    length = suspend_data_length(plan)
    if length > version.suspend_limit:
        warnings.warn(
            ScormSizeWarning(
                f"LMS package for {plan.id}: its progress needs {length} characters of suspend data and "
                f"SCORM {version.schema_version} allows {version.suspend_limit}; on resuming, the LMS keeps "
                "the modules read and only the first knowledge-check answers that fit"
            ),
            stacklevel=2,
        )
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True, keep_trailing_newline=True
    )
    config = {
        "scorm": version.key,
        "course": plan.id,
        "folder": COURSE_DIR,
        "fingerprint": fingerprint(plan),
        "modules": course_structure(plan),
        "passMark": plan.audience.pass_mark,
        "limit": version.suspend_limit,
    }
    return env.get_template("scorm/launch.html").render(title=plan.audience.course_title, config=config)


def write_zip(target: Path, members: dict[str, bytes], plan: CoursePlan) -> None:
    """Write members sorted, with fixed times and permissions, so the same input gives the same bytes."""
    stamp = (max(plan.build_date.year, 1980), plan.build_date.month, plan.build_date.day, 0, 0, 0)
    with zipfile.ZipFile(target, "w") as archive:
        for name in sorted(members):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, so the permission bits below are read
            info.external_attr = 0o644 << 16
            archive.writestr(info, members[name], compresslevel=9)
