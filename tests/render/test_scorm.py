"""LMS packages: the manifest against the SCORM schemas, the zip, and a learner in a real test LMS.

The test LMS is tests/lms/player.html on the npm package scorm-again (installed by scripts/test with
`npm ci --prefix tests/lms`), served with the unzipped package on 127.0.0.1 and driven by Playwright
on Debian's Chromium.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import shutil
import threading
import zipfile
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import audience_text, checked_module, module_text, require_module, write_tree
from lxml import etree
from test_site_browser import Network, _QuietHandler

from coursekit.build import build
from coursekit.content import builtin_root
from coursekit.load import load_project
from coursekit.plan import build_plan, for_use
from coursekit.render import scorm

LMS = Path(__file__).resolve().parent.parent / "lms"
RUNTIME = LMS / "node_modules" / "scorm-again" / "dist"
DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
CP_NS = {
    "12": "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
    "2004": "http://www.imsglobal.org/xsd/imscp_v1p1",
}

browser_test = pytest.mark.browser


def project_files(pass_mark: int | None = 75) -> dict[str, str]:
    """Two modules: intro with three questions, second with one; one audience, staff."""
    audience = audience_text("staff", "[intro, second]")
    if pass_mark is not None:
        audience += f"pass_mark: {pass_mark}\n"
    return {
        "modules/intro.md": checked_module(),
        "modules/second.md": module_text("second", "Second steps", "[intro]"),
        "audiences/staff.yml": audience,
        "audiences/bosses.yml": audience_text("bosses", "[intro, second]"),
        "sources.yml": "sources:\n  - id: example-story\n    title: Sam's story\n    author: Example Org\n"
        '    date: "2022"\n    kind: story\n',
    }


def build_course(
    root: Path, version: str = "12", outputs=("site", "slides", "scorm"), pass_mark: int | None = 75
):
    project = load_project(write_tree(root / "project", project_files(pass_mark)))
    return build(project, ["staff"], outputs, root / "out", scorm_version=version)


def package(result, version: str = "12") -> Path:
    return result.out / "staff" / "downloads" / f"staff-scorm{version}.zip"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The small course built once per SCORM version, site and package."""
    return {v: build_course(tmp_path_factory.mktemp(f"scorm{v}"), v) for v in ("12", "2004")}


# --------------------------------------------------------------------------------------------
# The manifest and the zip
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("version", ["12", "2004"])
def test_manifest_is_valid_against_the_scorm_schemas(built, version):
    archive = zipfile.ZipFile(package(built[version], version))
    driver = scorm.SCHEMAS / f"scorm{version}" / "driver.xsd"
    schema = etree.XMLSchema(etree.parse(str(driver)))
    document = etree.fromstring(archive.read("imsmanifest.xml")).getroottree()
    assert schema.validate(document), schema.error_log
    xmlschema = require_module("xmlschema", "a second validator for the manifest")
    xmlschema.XMLSchema10(str(driver)).validate(archive.read("imsmanifest.xml").decode("utf-8"))


def test_the_schemas_reject_a_wrong_scorm_type(built):
    data = (
        zipfile.ZipFile(package(built["12"]))
        .read("imsmanifest.xml")
        .replace(b'adlcp:scormtype="sco"', b'adlcp:scormtype="lesson"')
    )
    schema = etree.XMLSchema(etree.parse(str(scorm.SCHEMAS / "scorm12" / "driver.xsd")))
    assert not schema.validate(etree.fromstring(data).getroottree())
    assert "not an element of the set" in str(schema.error_log.last_error)


@pytest.mark.parametrize("version", ["12", "2004"])
def test_manifest_makes_the_checks_the_schema_does_not(built, version):
    result = built[version]
    archive = zipfile.ZipFile(package(result, version))
    names = archive.namelist()
    root = etree.fromstring(archive.read("imsmanifest.xml"))
    ns = {"cp": CP_NS[version]}
    assert root.findtext("cp:metadata/cp:schemaversion", namespaces=ns) == (
        "1.2" if version == "12" else "2004 4th Edition"
    )
    default = root.find("cp:organizations", ns).get("default")
    assert [o.get("identifier") for o in root.findall("cp:organizations/cp:organization", ns)] == [default]
    resources = {r.get("identifier"): r for r in root.findall("cp:resources/cp:resource", ns)}
    refs = [i.get("identifierref") for i in root.iter(f"{{{CP_NS[version]}}}item")]
    assert refs == ["RES-1"] and all(ref in resources for ref in refs)
    assert resources["RES-1"].get("href") == "launch.html"
    listed = [f.get("href") for f in root.iter(f"{{{CP_NS[version]}}}file")]
    assert sorted(listed) == sorted(set(names) - {"imsmanifest.xml"}), "every file listed, and only those"
    assert names[0] == "adlcp_rootv1p2.xsd" if version == "12" else "adlcp_v1p3.xsd"
    assert "imsmanifest.xml" in names and "launch.html" in names


@pytest.mark.parametrize("version", ["12", "2004"])
def test_package_holds_the_course_and_nothing_else(built, version):
    result = built[version]
    site_dir = result.out / "staff"
    names = set(zipfile.ZipFile(package(result, version)).namelist())
    course = {n.removeprefix("course/") for n in names if n.startswith("course/")}
    site = {p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file()}
    assert course == {s for s in site if not s.startswith("downloads/")}
    schemas = {p.name for p in (scorm.SCHEMAS / f"scorm{version}").iterdir()} - {"driver.xsd"}
    assert names - {f"course/{c}" for c in course} == {"imsmanifest.xml", "launch.html"} | schemas
    assert not any(n.startswith("/") or ".." in n.split("/") or "\\" in n for n in names)
    for info in zipfile.ZipFile(package(result, version)).infolist():
        assert info.date_time == (2026, 11, 22, 0, 0, 0) and info.external_attr == 0o644 << 16


def test_zip_is_byte_for_byte_reproducible(built, tmp_path):
    again = build_course(tmp_path)
    assert package(again).read_bytes() == package(built["12"]).read_bytes()


def test_only_scorm_builds_just_the_package(tmp_path):
    result = build_course(tmp_path, outputs=("scorm",))
    made = sorted(p.relative_to(result.out).as_posix() for p in result.out.rglob("*") if p.is_file())
    assert "staff/downloads/staff-scorm12.zip" in made
    assert not [m for m in made if m.startswith("staff/") and m != "staff/downloads/staff-scorm12.zip"]


def test_launch_page_escapes_the_course_title(tmp_path):
    files = project_files()
    files["audiences/staff.yml"] = files["audiences/staff.yml"].replace(
        "course_title: Staff course", "course_title: 'Staff </script><b>course</b>'"
    )
    project = load_project(write_tree(tmp_path / "project", files))
    result = build(project, ["staff"], ("site", "scorm"), tmp_path / "out")
    launch = zipfile.ZipFile(package(result)).read("launch.html").decode("utf-8")
    assert "<b>course</b>" not in launch and "</script><b>" not in launch
    assert "Staff &lt;/script&gt;&lt;b&gt;course&lt;/b&gt;" in launch


def test_a_course_too_big_for_suspend_data_warns_at_build_time(tmp_path):
    # 4,096 characters hold about 12,000 knowledge-check answers: make a plan with 12,301 questions.
    plan = build_plan(load_project(write_tree(tmp_path / "project", project_files())), "staff")
    view = plan.modules[0]
    plan = dataclasses.replace(
        plan, modules=(dataclasses.replace(view, questions=view.questions * 4100), *plan.modules[1:])
    )
    assert scorm.suspend_data_length(plan) == 9 + 1 + 4101
    with pytest.warns(scorm.ScormSizeWarning) as warned:
        scorm.launch_page(plan, scorm.SCORM_12)
    assert str(warned[0].message) == (
        "LMS package for staff: its progress needs 4111 characters of suspend data and SCORM 1.2 allows "
        "4096; on resuming, the LMS keeps the modules read and only the first knowledge-check answers "
        "that fit"
    )


# --------------------------------------------------------------------------------------------
# A learner in the test LMS
# --------------------------------------------------------------------------------------------


def decode(text: str, modules: int, questions: int) -> tuple[list[int], list[int]]:
    """Read suspend data: modules read (1 bit each) and check states (2 bits: none, wrong, right later,
    right first time)."""
    _, read, checks = text.split(".")

    def unpack(chars: str, bits: int, count: int) -> list[int]:
        values = []
        for char in chars:
            n = DIGITS.index(char)
            values += [(n >> (6 - bits * (i + 1))) & ((1 << bits) - 1) for i in range(6 // bits)]
        return values[:count]

    return unpack(read, 1, modules), unpack(checks, 2, questions)


@pytest.fixture(scope="module")
def runtime() -> Path:
    if not (RUNTIME / "scorm12.min.js").is_file():
        import os

        message = "the test LMS needs scorm-again: npm ci --prefix tests/lms"
        if os.environ.get("CI"):
            pytest.fail(message + " (scripts/test runs it)")
        pytest.skip(message)
    return RUNTIME


@pytest.fixture(scope="module")
def chromium_page(runtime, shared_browser):
    sync_api = require_module("playwright.sync_api", "the LMS tests drive Chromium through Playwright")
    network = Network()
    # Wide enough that the course, in the LMS's 1300-pixel frame, shows its page list.
    context = shared_browser.new_context(viewport={"width": 1400, "height": 900}, locale="en-GB")
    context.route("**/*", network.route)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    sync_api.expect.set_options(timeout=5000)
    yield page, network, errors, sync_api.expect
    context.close()


def serve_lms(root: Path, zip_path: Path):
    """The test LMS and the unzipped package under root, served on 127.0.0.1."""
    shutil.copy(LMS / "player.html", root / "player.html")
    for name in ("scorm12.min.js", "scorm2004.min.js"):
        shutil.copy(RUNTIME / name, root / name)
    zipfile.ZipFile(zip_path).extractall(root / "pkg")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(root)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/player.html"


class Learner:
    """A learner in the test LMS: launches, reads, answers, closes."""

    def __init__(self, page, expect, version: str, course: str = "staff"):
        self.page, self.expect, self.version, self.course_id = page, expect, version, course
        self.course = page.frame_locator("#sco").frame_locator("#ck-course")

    def launch(self, saved: dict | None = None) -> None:
        self.page.evaluate(
            "([v, saved]) => { window.lms.calls = []; window.lms.launch(v, saved); }", [self.version, saved]
        )
        started = "Initialize" if self.version == "2004" else "LMSInitialize"
        self.page.wait_for_function("(name) => window.lms.count(name) === 1", arg=started)
        self.page.wait_for_function(
            "() => window.lms.count('" + ("Commit" if self.version == "2004" else "LMSCommit") + "') >= 1"
        )
        self.expect(self.course.locator("article h1")).to_be_visible()

    def open(self, page_name: str) -> None:
        self.course.locator(f"a[href='{page_name}']").first.click()
        self.expect(self.course.locator("article h1")).to_be_visible()
        self.wait_for("location", page_name)

    def read_to_end(self, slug: str) -> None:
        self.course.locator(".ck-page").scroll_into_view_if_needed()
        self.page.wait_for_function(
            "(key) => window.frames[0].frames[0].localStorage.getItem(key) === 'yes'",
            arg=f"coursekit:{self.course_id}:read:{slug}",
        )

    def answer(self, slug: str, question: str, right: bool) -> None:
        """Choose a right (or a wrong) answer, wherever the page shows it, and check it."""
        form = self.course.locator(f"form#q-{slug}-{question}")
        shown = form.locator(f".ck-option-feedback[data-correct='{str(right).lower()}']").first
        form.locator(f"label[for='q-{slug}-{question}-{shown.get_attribute('data-option')}']").click()
        form.get_by_role("button", name="Check my answer").click()
        self.expect(form.locator(".ck-result")).to_have_class(f"ck-result ck-{'right' if right else 'wrong'}")

    def field(self, name: str) -> str:
        element = {
            "12": {
                "location": "cmi.core.lesson_location",
                "status": "cmi.core.lesson_status",
                "score": "cmi.core.score.raw",
                "time": "cmi.core.session_time",
            },
            "2004": {
                "location": "cmi.location",
                "status": "cmi.completion_status",
                "score": "cmi.score.raw",
                "time": "cmi.session_time",
                "success": "cmi.success_status",
                "scaled": "cmi.score.scaled",
            },
        }[self.version]
        return element.get(name, name)

    def wait_for(self, name: str, value: str) -> None:
        self.page.wait_for_function("([el, v]) => window.lms.last(el) === v", arg=[self.field(name), value])

    def last(self, name: str):
        return self.page.evaluate("(el) => window.lms.last(el)", self.field(name))

    def close(self) -> None:
        self.page.evaluate("() => window.lms.close()")
        self.page.wait_for_function(
            "(name) => window.lms.count(name) === 1",
            arg="Terminate" if self.version == "2004" else "LMSFinish",
        )

    def saved(self) -> dict:
        """What an LMS keeps between sessions, as scorm-again's JSON."""
        suspend, location = self.last("cmi.suspend_data"), self.last("location")
        if self.version == "2004":
            return {
                "suspend_data": suspend,
                "location": location,
                "entry": "resume",
                "completion_status": self.last("status"),
            }
        return {
            "suspend_data": suspend,
            "core": {"lesson_location": location, "lesson_status": self.last("status"), "entry": "resume"},
        }


RIGHT, WRONG = True, False


@browser_test
@pytest.mark.scorm
@pytest.mark.parametrize("version", ["12", "2004"])
def test_learner_completes_the_course_over_two_sessions(built, version, chromium_page, tmp_path):
    page, network, errors, expect = chromium_page
    result = built[version]
    plan = result.plans[0]
    httpd, url = serve_lms(tmp_path, package(result, version))
    try:
        page.goto(url)
        learner = Learner(page, expect, version)

        # First session: read the first module, open the second, close the course.
        learner.launch()
        assert learner.last("status") == "incomplete"
        # The welcome page links to the trainer's deck, which the package leaves out: hidden here.
        assert 'href="downloads/staff-slides.pptx"' in (tmp_path / "pkg/course/index.html").read_text("utf-8")
        expect(learner.course.locator("a[href^='downloads/']")).to_have_count(0)
        learner.open("01-intro.html")
        learner.read_to_end("01-intro")
        learner.open("02-second.html")
        learner.wait_for("location", "02-second.html")
        learner.close()
        assert learner.last("status") == "incomplete"
        suspend = learner.last("cmi.suspend_data")
        assert suspend.startswith("1" + scorm.fingerprint(plan) + ".")
        assert decode(suspend, 2, 4) == ([1, 0], [0, 0, 0, 0])
        assert len(suspend) == scorm.suspend_data_length(plan)
        first_session = learner.saved()

        # The browser forgets everything; the LMS record brings it back.
        page.evaluate("() => localStorage.clear()")
        learner.launch(first_session)
        expect(learner.course.locator("article h1")).to_have_text(re.compile(r"^2\. Second steps"))
        restored = page.evaluate(
            "() => window.frames[0].frames[0].localStorage.getItem('coursekit:staff:read:01-intro')"
        )
        assert restored == "yes"

        # Answer every check, the first one wrong first; read the rest.
        learner.open("01-intro.html")
        learner.answer("01-intro", "q-describe", WRONG)
        learner.answer("01-intro", "q-describe", RIGHT)
        learner.answer("01-intro", "q-plan", RIGHT)
        learner.answer("01-intro", "q-name", RIGHT)
        learner.open("02-second.html")
        learner.answer("02-second", "what-is-it", RIGHT)
        learner.read_to_end("02-second")
        learner.wait_for("score", "75")
        learner.close()

        if version == "12":
            assert learner.last("status") == "passed"  # 3 of 4 right first time; the pass mark is 75
        else:
            assert learner.last("status") == "completed"
            assert learner.last("success") == "passed"
            assert learner.last("scaled") == "0.75"
        assert learner.last("score") == "75"
        assert decode(learner.last("cmi.suspend_data"), 2, 4) == ([1, 1], [2, 3, 3, 3])
        time_format = r"^\d{4}:\d{2}:\d{2}\.\d{2}$" if version == "12" else r"^PT\d+H\d+M\d+(\.\d+)?S$"
        assert re.match(time_format, learner.last("time")), learner.last("time")
        calls = page.evaluate("() => window.lms.calls.map((c) => c[0])")
        assert calls[-1] == ("Terminate" if version == "2004" else "LMSFinish")
        assert calls.count(calls[-1]) == 1
        assert not network.blocked and not errors, (network.blocked, errors)
    finally:
        httpd.shutdown()
        httpd.server_close()


@browser_test
@pytest.mark.scorm
def test_a_score_under_the_pass_mark_fails(chromium_page, tmp_path):
    page, network, errors, expect = chromium_page
    result = build_course(tmp_path / "build", pass_mark=80)
    (tmp_path / "served").mkdir()
    httpd, url = serve_lms(tmp_path / "served", package(result))
    try:
        page.goto(url)
        page.evaluate("() => localStorage.clear()")
        learner = Learner(page, expect, "12")
        learner.launch()
        learner.open("01-intro.html")
        for question, right in (
            ("q-describe", WRONG),
            ("q-describe", RIGHT),
            ("q-plan", RIGHT),
            ("q-name", RIGHT),
        ):
            learner.answer("01-intro", question, right)
        learner.read_to_end("01-intro")
        learner.open("02-second.html")
        learner.answer("02-second", "what-is-it", RIGHT)
        learner.read_to_end("02-second")
        learner.wait_for("status", "failed")
        learner.close()
        assert learner.last("score") == "75" and learner.last("status") == "failed"
        assert not network.blocked and not errors, (network.blocked, errors)
    finally:
        httpd.shutdown()
        httpd.server_close()


@browser_test
@pytest.mark.scorm
def test_builtin_frontline_staff_package_in_the_test_lms(chromium_page, tmp_path):
    """The built-in frontline-staff package: a visit, a resume, then every module and check."""
    page, network, errors, expect = chromium_page
    project = load_project(builtin_root())
    result = build(project, ["frontline-staff"], ("site", "scorm"), tmp_path / "out")
    # The package is the course as an LMS may show it: a question tied to a story whose consent
    # does not cover the LMS gives way to its version without the story.
    plan = for_use(result.plans[0], "lms")
    zip_path = result.out / "frontline-staff" / "downloads" / "frontline-staff-scorm12.zip"
    (tmp_path / "served").mkdir()
    httpd, url = serve_lms(tmp_path / "served", zip_path)
    questions = [(v.slug, q) for v in plan.modules for q in v.questions]
    try:
        page.goto(url)
        page.evaluate("() => localStorage.clear()")
        learner = Learner(page, expect, "12", "frontline-staff")
        learner.launch()
        first = plan.modules[0]
        learner.open(f"{first.slug}.html")
        learner.read_to_end(first.slug)
        learner.close()
        assert learner.last("status") == "incomplete"
        assert decode(learner.last("cmi.suspend_data"), len(plan.modules), len(questions))[0][:2] == [1, 0]

        learner.launch(learner.saved())
        wrong_first = 0
        for view in plan.modules:
            learner.open(f"{view.slug}.html")
            for number, question in enumerate(view.questions):
                if number == 0:  # the first question of each module: a wrong answer first
                    learner.answer(view.slug, question.id, WRONG)
                    wrong_first += 1
                learner.answer(view.slug, question.id, RIGHT)
            learner.read_to_end(view.slug)
        expected_score = str(round(100 * (len(questions) - wrong_first) / len(questions)))
        learner.wait_for("status", "completed")
        learner.close()
        suspend = learner.last("cmi.suspend_data")
        print(
            f"\nfrontline-staff in the test LMS: status={learner.last('status')} "
            f"score={learner.last('score')} suspend_data={suspend!r} ({len(suspend)} characters; "
            f"{len(plan.modules)} modules, {len(questions)} questions; "
            f"session_time={learner.last('time')})"
        )
        assert learner.last("status") == "completed"  # this audience sets no pass mark
        assert learner.last("score") == expected_score
        assert len(suspend) == scorm.suspend_data_length(plan) < 4096
        read, checks = decode(suspend, len(plan.modules), len(questions))
        assert (
            all(read) and checks.count(2) == wrong_first and checks.count(3) == len(questions) - wrong_first
        )
        assert page.evaluate("() => window.lms.count('LMSFinish')") == 1
        assert not network.blocked and not errors, (network.blocked, errors)
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_package_leaves_out_stories_whose_consent_does_not_cover_an_lms(built):
    # The sample story's consent covers the site, slides and print, not use in an LMS.
    result = built["12"]
    assert "Sam joined a group" in (result.out / "staff" / "01-intro.html").read_text(encoding="utf-8")
    archive = zipfile.ZipFile(package(result))
    pages = [n for n in archive.namelist() if n.startswith("course/") and n.endswith(".html")]
    assert "course/01-intro.html" in pages
    assert not [n for n in pages if "Sam joined a group" in archive.read(n).decode("utf-8")]
