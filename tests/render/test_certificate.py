"""The certificate page: its text, and in Debian's Chromium when it is offered, what it shows, how it
prints and that axe finds nothing at desktop and phone sizes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import audience_text, checked_module, module_text, require_module, write_tree
from test_site_browser import VIEWPORTS, Network, _axe

from coursekit.build import build
from coursekit.content import builtin_root
from coursekit.load import load_project
from coursekit.plan import build_plan
from coursekit.render.certificate import SELF_DECLARED, certificate_page
from coursekit.render.pages import minutes_on_your_own
from coursekit.timetext import duration

browser_test = pytest.mark.browser
SOURCES = (
    'sources:\n  - id: example-story\n    title: Sam\'s story\n    author: Example Org\n    date: "2022"\n'
)


def project_files(title: str = "Staff course") -> dict[str, str]:
    audience = audience_text("staff", "[intro, second]").replace(
        "course_title: Staff course", f"course_title: {title!r}"
    )
    return {
        "modules/intro.md": checked_module(),
        "modules/second.md": module_text("second", "Second steps", "[intro]"),
        "audiences/staff.yml": audience,
        "audiences/bosses.yml": audience_text("bosses", "[intro, second]"),
        "sources.yml": SOURCES + "    kind: story\n",
    }


def test_certificate_page_names_the_course_edition_outcomes_and_minutes(tmp_path):
    plan = build_plan(load_project(write_tree(tmp_path, project_files())), "staff")
    page = certificate_page(plan)
    assert (page.path, page.title) == ("certificate.md", "Your certificate")
    assert '<h2 id="ck-cert-title" tabindex="-1">Staff course</h2>' in page.text
    assert 'Edition: <span class="ck-cert-edition">22 November 2026 (coursekit 0.1.0)</span>' in page.text
    assert f"{duration(minutes_on_your_own(plan))} of learning, in 2 modules." in page.text
    assert "Plan one small step you will take next week." in page.text
    assert SELF_DECLARED in page.text
    assert page.text.count("<li data-module=") == 2


def test_certificate_page_escapes_the_course_title(tmp_path):
    plan = build_plan(
        load_project(write_tree(tmp_path, project_files("<img src=x onerror=alert(1)>"))), "staff"
    )
    text = certificate_page(plan).text
    assert "<img" not in text and "&lt;img src=x onerror=alert(1)&gt;" in text


# --------------------------------------------------------------------------------------------
# In the browser
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def course(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("certificate")
    build(load_project(write_tree(root / "project", project_files())), ["staff"], ("site",), root / "out")
    return root / "out" / "staff"


@pytest.fixture(scope="module")
def browser(shared_browser):
    sync_api = require_module(
        "playwright.sync_api", "the certificate tests drive Chromium through Playwright"
    )
    sync_api.expect.set_options(timeout=5000)
    return shared_browser, sync_api.expect


@pytest.fixture
def tab(browser):
    """A fresh desktop tab, cut off from the network; fails the test on a script error."""
    launched, expect = browser
    network = Network()
    context = launched.new_context(viewport=VIEWPORTS["desktop"], locale="en-GB")
    context.route("**/*", network.route)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page, expect
    context.close()
    assert not network.blocked and not errors, (network.blocked, errors)


def answer(page, expect, slug: str, question: str, right: bool) -> None:
    """Choose a right (or a wrong) answer, wherever the page shows it, and check it."""
    form = page.locator(f"form#q-{slug}-{question}")
    shown = form.locator(f".ck-option-feedback[data-correct='{str(right).lower()}']").first
    form.locator(f"label[for='q-{slug}-{question}-{shown.get_attribute('data-option')}']").click()
    form.get_by_role("button", name="Check my answer").click()
    expect(form.locator(".ck-result")).to_have_class(f"ck-result ck-{'right' if right else 'wrong'}")


def read_to_end(page, course: str, slug: str) -> None:
    page.locator(".ck-page").scroll_into_view_if_needed()
    page.wait_for_function(
        "(key) => localStorage.getItem(key) === 'yes'", arg=f"coursekit:{course}:read:{slug}"
    )


def pdf_pages(page) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", page.pdf(format="A4", print_background=True)))


@browser_test
def test_certificate_is_offered_only_when_everything_is_done(course, tab):
    page, expect = tab
    certificate = (course / "certificate.html").as_uri()
    page.goto(certificate)
    status = page.locator(".ck-cert-status")
    expect(status).to_contain_text("Still to do, in 2 modules:")
    expect(page.locator(".ck-cert-form")).to_be_hidden()
    expect(page.locator(".ck-cert")).to_be_hidden()
    todo = page.locator(".ck-cert-todo li:visible")
    expect(todo).to_have_text(
        [
            "1. Introduction: read it to the end, and answer 3 more knowledge-check questions correctly",
            "2. Second steps: read it to the end, and answer 1 more knowledge-check question correctly",
        ]
    )

    page.goto((course / "01-intro.html").as_uri())
    for question in ("q-describe", "q-plan", "q-name"):
        answer(page, expect, "01-intro", question, True)
    read_to_end(page, "staff", "01-intro")
    page.goto((course / "02-second.html").as_uri())
    answer(page, expect, "02-second", "what-is-it", False)  # not passed yet
    read_to_end(page, "staff", "02-second")
    page.goto(certificate)
    expect(todo).to_have_text(["2. Second steps: answer 1 more knowledge-check question correctly"])
    expect(page.locator(".ck-cert-form")).to_be_hidden()

    page.goto((course / "02-second.html").as_uri())
    answer(page, expect, "02-second", "what-is-it", True)
    page.goto(certificate)
    expect(status).to_contain_text("Well done")
    expect(page.locator(".ck-cert")).to_be_hidden()
    page.get_by_label("Your name, as you want it on the certificate").fill("  Ada   Lovelace ")
    page.get_by_role("button", name="Show my certificate").click()
    cert = page.locator(".ck-cert")
    expect(cert).to_be_visible()
    assert page.evaluate("() => document.activeElement.id") == "ck-cert-title"
    expect(cert.locator(".ck-cert-name")).to_have_text("Ada Lovelace")
    expect(cert.locator("h2")).to_have_text("Staff course")
    # The certificate names the edition the site's footer gives, not a date of its own.
    expect(cert.locator(".ck-cert-edition")).to_have_text("0.1.0, 22 November 2026")
    assert "edition 0.1.0, 22 November 2026" in page.content()
    expect(cert.locator(".ck-cert-date")).to_have_text(re.compile(r"^\d{1,2} [A-Z][a-z]+ \d{4}$"))
    expect(cert).to_contain_text(
        re.compile(r"\d+ (hours?|minutes?)( \d+ minutes?)? of learning, in 2 modules\.")
    )
    expect(cert.locator(".ck-cert-outcomes li")).to_have_text(
        [
            (
                "1. Introduction: Describe one benefit of working together. Plan one small step you will take next "
                "week. Name two people who should be in the room."
            ),
            "2. Second steps: Describe one benefit of working together.",
        ]
    )
    expect(cert).to_contain_text("self-declared")

    page.reload()  # the name is remembered in this browser
    expect(cert.locator(".ck-cert-name")).to_have_text("Ada Lovelace")
    page.emulate_media(media="print")
    expect(cert).to_be_visible()
    for hidden in (".md-header", ".ck-cert-form", ".ck-cert-status", "article > h1", ".ck-cert-print"):
        expect(page.locator(hidden).first).to_be_hidden()
    assert pdf_pages(page) == 1


@browser_test
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_certificate_page_passes_axe_before_and_after(course, tab, viewport):
    page, expect = tab
    page.set_viewport_size(VIEWPORTS[viewport])
    page.goto((course / "certificate.html").as_uri())
    expect(page.locator(".ck-cert-status")).to_contain_text("Still to do")
    assert _axe(page) == []
    page.evaluate("""() => {
      for (const key of ["read:01-intro", "read:02-second", "check:01-intro:q-describe", "check:01-intro:q-plan",
                         "check:01-intro:q-name", "check:02-second:what-is-it"]) {
        localStorage.setItem("coursekit:staff:" + key, key.startsWith("read") ? "yes" : "passed");
      }
      localStorage.setItem("coursekit:learner-name", "Ada Lovelace");
    }""")
    page.reload()
    expect(page.locator(".ck-cert")).to_be_visible()
    assert _axe(page) == []


@browser_test
def test_builtin_course_certificate_prints_on_one_page(tab, tmp_path):
    page, expect = tab
    result = build(load_project(builtin_root()), ["frontline-staff"], ("site",), tmp_path / "out")
    plan = result.plans[0]
    course = result.out / "frontline-staff"
    page.goto((course / "certificate.html").as_uri())
    page.evaluate(
        """([modules]) => {
      for (const [slug, ids] of modules) {
        localStorage.setItem(`coursekit:frontline-staff:read:${slug}`, "yes");
        for (const id of ids) { localStorage.setItem(`coursekit:frontline-staff:check:${slug}:${id}`, "passed"); }
      }
      localStorage.setItem("coursekit:learner-name", "Ada Lovelace");
    }""",
        [[[v.slug, [q.id for q in v.questions]] for v in plan.modules]],
    )
    page.reload()
    expect(page.locator(".ck-cert")).to_be_visible()
    outcomes = sum(len(v.outcomes) for v in plan.modules)
    assert page.locator(".ck-cert-outcomes li").count() == len(plan.modules) and outcomes > 20
    page.emulate_media(media="print")
    assert pdf_pages(page) == 1
