"""The learner's site in a real browser: accessible, interactive, and working offline.

Debian's Chromium (/usr/bin/chromium) is driven through Playwright. The built-in course is built
once per session and reused; one browser serves every test, with one page at desktop size
(1280x800) and one at phone size (375x667). Pages are opened from disk (file://) and from a local
web server (http://127.0.0.1). Every request that is not file:// or 127.0.0.1 is aborted and
recorded, and each test fails if any was attempted.

Screenshots go to /tmp/coursekit-shots/ (or $COURSEKIT_SHOTS).
"""

from __future__ import annotations

import functools
import html
import importlib.resources
import itertools
import os
import re
import socket
import threading
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import CHROMIUM, require_module, require_tool

from coursekit.build import build
from coursekit.content import builtin_root
from coursekit.load import load_project
from coursekit.render.pages import two_way_tables

VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 375, "height": 667}}
# axe runs every rule it runs by default (WCAG and best practice) plus every rule with these tags,
# some of which (target-size, for one) are off by default. Nothing is excluded.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SHOTS = Path(os.environ.get("COURSEKIT_SHOTS", "/tmp/coursekit-shots"))
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}

browser_test = pytest.mark.browser


# --------------------------------------------------------------------------------------------
# The built course, a web server for it, the browser and the network guard
# --------------------------------------------------------------------------------------------


@dataclass
class Site:
    out: Path
    plans: tuple
    pages: list[str]
    """Every HTML page, relative to out: the landing page and every page of every course."""

    def file(self, rel: str) -> str:
        return (self.out / rel).as_uri()


@dataclass
class Network:
    """Aborts and records every request that would leave the machine."""

    blocked: list[str] = field(default_factory=list)
    local: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @staticmethod
    def is_local(url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme in {"file", "data", "blob", "about"}:
            return True
        return parts.scheme in {"http", "https", "ws", "wss"} and parts.hostname in LOCAL_HOSTS

    def route(self, route) -> None:
        url = route.request.url
        if self.is_local(url):
            route.continue_()
        else:
            if url not in self.blocked:
                self.blocked.append(url)
            route.abort()

    def saw(self, request) -> None:
        if self.is_local(request.url):
            self.local.append(request.url)
        elif request.url not in self.blocked:
            self.blocked.append(request.url)


@pytest.fixture(scope="session")
def chromium() -> str:
    return require_tool(CHROMIUM, "the browser tests drive Debian's Chromium (apt-get install chromium)")


@pytest.fixture(scope="session")
def playwright_api(chromium):
    return require_module("playwright.sync_api", "the browser tests drive Chromium through Playwright")


@pytest.fixture(scope="session")
def site(chromium, tmp_path_factory) -> Site:
    """The built-in course, every audience, site and slides, built once with the network cut off."""
    out = tmp_path_factory.mktemp("browser") / "site"
    project = load_project(builtin_root())
    with _no_network() as attempts:
        result = build(project, [a.id for a in project.audiences], ("site", "slides"), out)
    assert not attempts, f"the build tried to reach the network: {attempts}"
    pages = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.html"))
    return Site(out, result.plans, pages)


@pytest.fixture(scope="session")
def server(site):
    """The built site served over http://127.0.0.1, as a learner's intranet would."""
    handler = functools.partial(_QuietHandler, directory=str(site.out))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def network() -> Network:
    return Network()


@pytest.fixture(scope="session")
def browser(playwright_api, shared_browser):
    return shared_browser


@pytest.fixture(scope="session")
def pages(browser, network):
    """One page per viewport, reused by every test; each guarded against the network."""
    made = {}
    for name, viewport in VIEWPORTS.items():
        context = browser.new_context(viewport=viewport, locale="en-GB")
        context.route("**/*", network.route)
        context.on("request", network.saw)
        page = context.new_page()
        page.on("pageerror", lambda error, name=name: network.errors.append(f"{name}: {error}"))
        made[name] = page
    yield made
    for page in made.values():
        page.context.close()


@pytest.fixture
def desktop(pages):
    return pages["desktop"]


@pytest.fixture
def phone(pages):
    return pages["phone"]


@pytest.fixture(params=["file", "http"])
def at(request, site):
    """Where pages are opened: from disk or from the web server. Returns rel -> URL."""
    if request.param == "file":
        return site.file
    base = request.getfixturevalue("server")
    return lambda rel: base + rel


@pytest.fixture(autouse=True)
def _guard(request):
    """After every browser test: nothing tried to leave the machine and no script failed."""
    if "network" not in request.fixturenames and "pages" not in request.fixturenames:
        yield
        return
    network = request.getfixturevalue("network")
    network.blocked.clear()
    network.errors.clear()
    yield
    assert not network.blocked, f"requests tried to leave the machine: {network.blocked}"
    assert not network.errors, f"JavaScript errors: {network.errors}"


PAGE_FACTS = """() => ({
  lang: document.documentElement.lang,
  headings: [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => +h.tagName[1]),
  refs: [...document.querySelectorAll('a[href], link[href], script[src], img[src], iframe[src], source[src]')]
    .map((e) => ({tag: e.tagName, url: e.href || e.src})),
})"""


@dataclass
class PageReport:
    axe: dict[str, list[str]]
    """Violations by viewport."""
    lang: str
    headings: list[int]
    refs: list[dict]


@pytest.fixture(scope="session")
def sweep(site, pages, network) -> dict[str, PageReport]:
    """Open every page from disk once at each size: axe at both sizes, and what the page links to.

    The two sizes are two browser tabs that take turns: while axe checks a page in one tab, the
    other tab loads its next page or runs axe too, so both processor cores are kept busy.
    """
    network.blocked.clear()
    network.errors.clear()
    found: dict[str, dict] = {rel: {"axe": {}} for rel in site.pages}
    queues = {viewport: list(site.pages) for viewport in pages}

    def start(viewport):
        page = pages[viewport]
        page.goto(site.file(queues[viewport][0]))
        _start_axe(page)

    for viewport in pages:
        start(viewport)
    while any(queues.values()):
        for viewport, page in pages.items():
            if not queues[viewport]:
                continue
            rel = queues[viewport].pop(0)
            found[rel]["axe"][viewport] = _axe_results(page)
            if viewport == "desktop":
                found[rel].update(page.evaluate(PAGE_FACTS))
            if queues[viewport]:
                start(viewport)
    assert not network.blocked, f"requests tried to leave the machine: {network.blocked}"
    assert not network.errors, f"JavaScript errors: {network.errors}"
    return {rel: PageReport(f["axe"], f["lang"], f["headings"], f["refs"]) for rel, f in found.items()}


@pytest.fixture(scope="session")
def expect(playwright_api):
    playwright_api.expect.set_options(timeout=5000)
    return playwright_api.expect


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


class _no_network:
    """Make any connection to a non-local address fail, and record it."""

    def __enter__(self):
        self.attempts: list[str] = []
        self._connect, self._getaddrinfo = socket.socket.connect, socket.getaddrinfo
        attempts, connect, getaddrinfo = self.attempts, self._connect, self._getaddrinfo

        def guarded_connect(sock, address):
            host = address[0] if isinstance(address, tuple) else None
            if host is not None and host not in LOCAL_HOSTS:
                attempts.append(str(address))
                raise OSError(f"network use during the build: {address}")
            return connect(sock, address)

        def guarded_getaddrinfo(host, *args, **kwargs):
            if host not in LOCAL_HOSTS and host is not None:
                attempts.append(str(host))
                raise socket.gaierror(f"network use during the build: {host}")
            return getaddrinfo(host, *args, **kwargs)

        socket.socket.connect, socket.getaddrinfo = guarded_connect, guarded_getaddrinfo
        return self.attempts

    def __exit__(self, *exc):
        socket.socket.connect, socket.getaddrinfo = self._connect, self._getaddrinfo
        return False


@functools.lru_cache(maxsize=1)
def _axe_source() -> str:
    return (importlib.resources.files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")


START_AXE = """(tags) => {
  const rules = {};
  for (const rule of axe.getRules()) {
    if (rule.tags.some((tag) => tags.includes(tag))) { rules[rule.ruleId] = {enabled: true}; }
  }
  // Start on the next turn of the event loop, so that this call returns at once and the other
  // tab can work meanwhile; _axe_results waits for the answer.
  window.__coursekitAxe = new Promise((resolve) => setTimeout(() => resolve(
    axe.run(document, {rules, resultTypes: ["violations"]}).then((result) =>
      result.violations.map((v) => ({id: v.id, impact: v.impact, help: v.help,
                                     nodes: v.nodes.map((n) => n.target.join(" "))})))), 0));
}"""


def _start_axe(page) -> None:
    page.evaluate(_axe_source())
    page.evaluate(START_AXE, AXE_TAGS)


def _axe_results(page) -> list[str]:
    return [
        f"{v['id']} ({v['impact']}): {v['help']}: {v['nodes'][:3]}"
        for v in page.evaluate("() => window.__coursekitAxe")
    ]


def _axe(page) -> list[str]:
    _start_axe(page)
    return _axe_results(page)


def _plan(site: Site, audience_id: str | None = None):
    return next(p for p in site.plans if audience_id in (None, p.id))


def _module_with_questions(site: Site):
    for plan in site.plans:
        for view in plan.modules:
            if view.questions:
                return plan, view
    raise AssertionError("no module in the built-in course has a knowledge check")


RIGHT = re.compile(r"^(Correct|Right|Yes)\b")
WRONG = re.compile(r"^(Not quite|Not yet|Not enough|Not right|No|Wrong)\b")


def _option_indexes(question) -> tuple[int, int]:
    """Return the positions, as shown on the page, of the right answer and of a wrong one."""
    from coursekit.render.quiz import shown_order

    shown = shown_order(question)
    right = next(i for i, o in enumerate(shown) if o.correct)
    wrong = next(i for i, o in enumerate(shown) if not o.correct)
    return right, wrong


def _clear_progress(page, url: str) -> None:
    page.goto(url)
    page.evaluate("() => window.localStorage.clear()")


def _local_file(site: Site, url: str) -> Path | None:
    parts = urlsplit(url)
    return Path(unquote(parts.path)) if parts.scheme == "file" else None


@functools.cache
def _ids(path: Path) -> frozenset[str]:
    text = path.read_text(encoding="utf-8")
    return frozenset(html.unescape(found) for found in re.findall(r'\bid="([^"]+)"', text))


ACTIVE_ID = "() => document.activeElement.id"
ACTIVE_LABEL = "() => document.activeElement.getAttribute('aria-label')"
FOCUS_STATE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) { return null; }
  const r = el.getBoundingClientRect();
  const line = el.getClientRects()[0] || r;  // an inline element may wrap onto two lines
  const vw = window.innerWidth, vh = window.innerHeight;
  const x = Math.min(Math.max(line.left + line.width / 2, 0), vw - 1);
  const y = Math.min(Math.max(line.top + line.height / 2, 0), vh - 1);
  const top = document.elementFromPoint(x, y);
  let opacity = 1;
  for (let n = el; n && n.nodeType === 1; n = n.parentElement) {
    opacity *= parseFloat(getComputedStyle(n).opacity);
  }
  const style = getComputedStyle(el);
  return {
    what: el.tagName + " "
      + (el.getAttribute("aria-label") || el.innerText || el.value || "").trim().slice(0, 50),
    inView: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < vh && r.left < vw,
    onTop: !!top && (top === el || el.contains(top) || top.contains(el)),
    opacity, visibility: style.visibility,
    ring: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
  };
}"""


def _walk_focus(page, limit: int = 300) -> tuple[int, list[str]]:
    """Tab through the page; return the number of stops and every stop that is not plainly visible."""
    problems, stops = [], 0
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if state is None:
            break
        stops += 1
        if not (
            state["inView"]
            and state["onTop"]
            and state["opacity"] >= 0.5
            and state["ring"]
            and state["visibility"] == "visible"
        ):
            # The theme opens search, and scrolls, a moment after focus arrives: look again.
            page.wait_for_timeout(450)
            state = page.evaluate(FOCUS_STATE)
        if not (
            state["inView"]
            and state["onTop"]
            and state["opacity"] >= 0.5
            and state["ring"]
            and state["visibility"] == "visible"
        ):
            problems.append(str(state))
    return stops, problems


# --------------------------------------------------------------------------------------------
# Accessibility
# --------------------------------------------------------------------------------------------


@browser_test
def test_axe_finds_no_violations_on_any_page_at_desktop_or_phone_size(site, sweep):
    assert len(sweep) == len(site.pages) > 4 * len(site.plans)
    problems = [
        f"{viewport} {rel}: {problem}"
        for rel, report in sweep.items()
        for viewport, found in report.axe.items()
        for problem in found
    ]
    assert not problems, f"{len(problems)} axe violations:\n" + "\n".join(problems)


@browser_test
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_keyboard_focus_is_always_visible(site, pages, viewport):
    page = pages[viewport]
    plan, view = _module_with_questions(site)
    page.emulate_media(reduced_motion="reduce")
    try:
        for rel in [
            "index.html",
            f"{plan.id}/index.html",
            f"{plan.id}/{view.slug}.html",
            f"{plan.id}/progress.html",
        ]:
            page.goto(site.file(rel))
            stops, problems = _walk_focus(page)
            assert stops > 3, rel
            assert not problems, (
                f"{rel} at {viewport} size: focus lands where it cannot be seen:\n" + "\n".join(problems)
            )
    finally:
        page.emulate_media(reduced_motion="no-preference")


@browser_test
def test_page_list_works_by_keyboard_on_a_phone(site, phone, expect):
    plan, view = _module_with_questions(site)
    phone.goto(site.file(f"{plan.id}/{view.slug}.html"))
    menu = phone.get_by_role("button", name="Pages in this course")
    expect(menu).to_have_attribute("aria-expanded", "false")
    for _ in range(5):
        phone.keyboard.press("Tab")
        if phone.evaluate(ACTIVE_LABEL) == "Pages in this course":
            break
    else:
        raise AssertionError("Tab never reached the menu button")
    phone.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    focused = phone.evaluate(
        "() => [document.activeElement.closest('.md-sidebar--primary') !== null,"
        " document.activeElement.textContent.trim()]"
    )
    assert focused == [True, "Welcome"], "opening the menu moves focus to its first link"
    phone.keyboard.press("Tab")
    target = phone.evaluate("() => document.activeElement.getAttribute('href')")
    assert target and target.endswith(".html"), target
    phone.keyboard.press("Enter")
    phone.wait_for_url(re.compile(re.escape(target) + "$"))
    phone.get_by_role("button", name="Pages in this course").focus()
    phone.keyboard.press(" ")
    expect(menu).to_have_attribute("aria-expanded", "true")
    phone.keyboard.press("Escape")
    expect(menu).to_have_attribute("aria-expanded", "false")
    assert phone.evaluate(ACTIVE_LABEL) == "Pages in this course"


@browser_test
def test_pages_are_british_english_with_headings_in_order(sweep):
    for rel, report in sweep.items():
        assert report.lang == "en-GB", rel
        levels = report.headings
        assert levels and levels[0] == 1 and levels.count(1) == 1, (rel, levels)
        jumps = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
        assert not jumps, f"{rel}: heading levels skip {jumps}"


@browser_test
def test_reduced_motion_is_respected(site, desktop):
    desktop.emulate_media(reduced_motion="reduce")
    try:
        desktop.goto(site.file(f"{site.plans[0].id}/index.html"))
        durations = desktop.evaluate(
            "() => [getComputedStyle(document.querySelector('.md-search__output')).transitionDuration,"
            " getComputedStyle(document.querySelector('.md-sidebar')).transitionDuration,"
            " getComputedStyle(document.documentElement).scrollBehavior]"
        )
        assert all(float(d.split(",")[0].rstrip("s")) < 0.001 for d in durations[:2]), durations
        assert durations[2] == "auto"
    finally:
        desktop.emulate_media(reduced_motion="no-preference")


@browser_test
def test_a_table_too_wide_for_a_phone_can_be_scrolled_by_keyboard(site, phone, expect):
    phone.goto(site.file(f"{site.plans[0].id}/index.html"))
    wrap = phone.locator(".md-typeset__scrollwrap").first
    expect(wrap).not_to_have_attribute("tabindex", "0")
    phone.evaluate(
        "() => { document.querySelector('article table').style.minWidth = '900px';"
        " window.dispatchEvent(new Event('resize')); }"
    )
    expect(wrap).to_have_attribute("tabindex", "0")
    expect(wrap).to_have_attribute("role", "region")
    expect(wrap).to_have_attribute("aria-label", re.compile(r"^Table: The modules"))
    assert _axe(phone) == []
    wrap.focus()
    phone.keyboard.press("ArrowRight")
    phone.wait_for_function("() => document.querySelector('.md-typeset__scrollwrap').scrollLeft > 0")


def test_tables_with_an_empty_corner_get_row_headers():
    text = (
        "Intro.\n\n| | Support group | Co-production group |\n|---|---|:-:|\n"
        "| Purpose | *Support* | Decisions |\n\nAfter.\n"
    )
    table = two_way_tables(text)
    assert '<tr markdown="1"><td></td><th scope="col" markdown="span">Support group</th>' in table
    assert '<th scope="row" markdown="span">Purpose</th><td markdown="span">*Support*</td>' in table
    assert '<td style="text-align: center;" markdown="span">Decisions</td>' in table
    ordinary = "| Module | Title |\n|---|---|\n| 1 | Intro |\n"
    assert two_way_tables(ordinary) == ordinary


# --------------------------------------------------------------------------------------------
# What a learner gets
# --------------------------------------------------------------------------------------------


@browser_test
def test_landing_page_links_to_each_course(site, desktop, expect):
    desktop.goto(site.file("index.html"))
    expect(desktop.locator("h1")).to_have_text("Choose your course")
    for plan in site.plans:
        link = desktop.get_by_role("link", name=plan.audience.course_title, exact=True)
        expect(link).to_have_attribute("href", f"{plan.id}/index.html")
    for plan in site.plans:  # each download is named with its course, for screen reader users
        slides = desktop.get_by_role("link", name=f"Trainer slides (PowerPoint) for {plan.audience.name}")
        expect(slides).to_have_attribute("href", f"{plan.id}/downloads/{plan.id}-slides.pptx")
    first = site.plans[0]
    desktop.get_by_role("link", name=first.audience.course_title, exact=True).click()
    expect(desktop.locator("article h1")).to_contain_text(first.audience.course_title)
    assert desktop.url == site.file(f"{first.id}/index.html")


@browser_test
def test_welcome_page_says_who_how_long_what_and_where_to_get_support(site, desktop, expect):
    for plan in site.plans:
        desktop.goto(site.file(f"{plan.id}/index.html"))
        article = desktop.locator("article")
        expect(article).to_contain_text("Who this course is for:")
        expect(article).to_contain_text("How long it takes:")
        expect(article.locator("h2")).to_contain_text(
            ["What each module covers", "The modules", "Getting support"]
        )
        links = article.locator("table a")
        expect(links).to_have_count(len(plan.modules))
        for number, view in enumerate(plan.modules):
            expect(links.nth(number)).to_have_attribute("href", f"{view.slug}.html")


@browser_test
def test_module_page_outcomes_first_then_content_note_and_folded_stories(site, desktop, expect):
    found = [
        (plan, view)
        for plan in site.plans
        for view in plan.modules
        if view.module.content_notes and any(s.content_note for s in view.stories)
    ]
    assert found, "the built-in course has a module with a content note and a story behind one"
    plan, view = found[0]
    desktop.goto(site.file(f"{plan.id}/{view.slug}.html"))
    article = desktop.locator("article")
    assert article.locator("h2").first.inner_text().startswith("What you will be able to do")
    order = desktop.evaluate("""() => {
      const all = [...document.querySelectorAll(
        'article h2, article .admonition.warning, article details.story')];
      return all.map(e => e.tagName === 'H2' ? 'h2:' + e.textContent.replace('\u00b6', '').trim()
                                            : e.tagName === 'DETAILS' ? 'story' : 'note');
    }""")
    sections = [i for i, item in enumerate(order) if item.startswith("h2:")]
    assert order[sections[0]] == "h2:What you will be able to do"
    assert sections[0] < order.index("note") < sections[1], f"the content note follows the outcomes: {order}"
    first_story = order.index("story")
    assert order[first_story - 1] == "note", f"a content note comes just before each folded story: {order}"
    note = article.locator(".admonition.warning").first
    expect(note).to_contain_text("Your choice:")
    expect(note).to_contain_text("Support:")
    expect(note.get_by_role("link", name=re.compile(r"^skip this module for now and go to"))).to_have_count(1)
    story = article.locator("details.story").first
    expect(story).not_to_have_attribute("open", "")
    text = story.locator("p").first
    expect(text).to_be_hidden()
    story.locator("summary").focus()
    desktop.keyboard.press("Enter")
    expect(text).to_be_visible()
    expect(article.locator("h2", has_text="Reflection")).to_have_count(1 if view.reflection else 0)
    stories = article.locator(".story")
    assert stories.count() == len(view.stories)


@browser_test
def test_glossary_terms_have_tooltips_on_every_use(site, desktop, expect):
    plan, view = next((p, v) for p in site.plans for v in p.modules if p.glossary)
    desktop.goto(site.file(f"{plan.id}/{view.slug}.html"))
    terms = {t.term.lower() for t in plan.glossary}
    missed = desktop.evaluate(
        """(terms) => {
      const skip = 'abbr, code, pre, script, style, noscript, .headerlink, .ck-result, '
        + '.ck-option-feedback, [hidden]';
      const article = document.querySelector('article');
      const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
      const found = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement.closest(skip)) continue;
        const text = node.textContent.toLowerCase();
        for (const term of terms) {
          const at = text.indexOf(term);
          if (at < 0) continue;
          const before = at === 0 ? ' ' : text[at - 1], after = text[at + term.length] || ' ';
          if (!/[a-z0-9-]/.test(before) && !/[a-z0-9-]/.test(after)) {
            found.push(term + ' in: ' + text.trim().slice(0, 80));
          }
        }
      }
      return found;
    }""",
        sorted(terms),
    )
    assert not missed, "glossary terms without a tooltip:\n" + "\n".join(missed)
    abbrs = desktop.locator("article abbr")
    assert abbrs.count() > 0
    first = desktop.locator("article abbr[tabindex='0']").first
    definition = first.get_attribute("title")
    first.focus()
    tooltip = desktop.locator("[role=tooltip]").filter(has_text=definition[:30])
    expect(tooltip).to_be_visible()


@browser_test
def test_knowledge_check_gives_each_options_feedback(site, desktop, at, expect):
    plan, view = _module_with_questions(site)
    question = view.questions[0]
    right, wrong = _option_indexes(question)
    desktop.goto(at(f"{plan.id}/{view.slug}.html"))
    form = desktop.locator(f"form#q-{view.slug}-{question.id}")
    result = form.locator(".ck-result")
    expect(result).to_have_attribute("role", "status")
    form.get_by_role("button", name="Check my answer").click()
    expect(result).to_have_text("Choose an answer first.")
    for index, verdict in ((wrong, WRONG), (right, RIGHT)):
        form.locator(f"label[for='q-{view.slug}-{question.id}-{index}']").click()
        form.get_by_role("button", name="Check my answer").click()
        feedback = form.locator(f".ck-option-feedback[data-option='{index}']").text_content().strip()
        expect(result).to_have_text(verdict)  # the verdict in words, first
        expect(result).to_have_class(re.compile(r"\bck-(right|wrong)\b"))
        expect(result).to_contain_text(feedback)
        expect(result).to_be_visible()
    expect(result).not_to_contain_text("Try another answer")


@browser_test
def test_knowledge_check_works_by_keyboard_alone(site, desktop, server, expect):
    plan, view = _module_with_questions(site)
    question = view.questions[0]
    right, _ = _option_indexes(question)
    base = f"q-{view.slug}-{question.id}"
    # A saved right answer would be checked on load, and Tab goes to a group's checked answer.
    _clear_progress(desktop, server + f"{plan.id}/{view.slug}.html")
    desktop.goto(server + f"{plan.id}/{view.slug}.html#check-your-learning")
    for _ in range(15):
        desktop.keyboard.press("Tab")
        if desktop.evaluate("() => document.activeElement.type") == "radio":
            break
    assert desktop.evaluate(ACTIVE_ID) == f"{base}-0", "Tab reaches the first answer"
    desktop.keyboard.press("Space")
    assert desktop.is_checked(f"#{base}-0")
    desktop.keyboard.press("ArrowDown")
    assert desktop.is_checked(f"#{base}-1") and desktop.evaluate(ACTIVE_ID) == f"{base}-1"
    desktop.keyboard.press("Tab")
    assert desktop.evaluate("() => document.activeElement.textContent.trim()") == "Check my answer"
    desktop.keyboard.press("Enter")
    result = desktop.locator(f"#{base} .ck-result")
    chosen = desktop.locator(f"#{base} .ck-option-feedback[data-option='1']").text_content().strip()
    expect(result).to_contain_text(chosen)
    expect(result).to_have_text(RIGHT if right == 1 else WRONG)
    desktop.keyboard.press("Shift+Tab")
    assert desktop.evaluate(ACTIVE_ID) == f"{base}-1", "Shift+Tab returns to the answers"
    for _ in range(len(question.options)):
        if desktop.is_checked(f"#{base}-{right}"):
            break
        desktop.keyboard.press("ArrowDown")
    desktop.keyboard.press("Tab")
    desktop.keyboard.press(" ")
    expect(result).to_have_text(RIGHT)
    ring = desktop.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert ring != "none", "the focused button shows a focus ring"


@browser_test
def test_progress_survives_a_reload(site, desktop, at, expect):
    plan, view = _module_with_questions(site)
    question = view.questions[0]
    right, _ = _option_indexes(question)
    _clear_progress(desktop, at(f"{plan.id}/index.html"))
    desktop.goto(at(f"{plan.id}/{view.slug}.html"))
    read_key = f"coursekit:{plan.id}:read:{view.slug}"
    assert desktop.evaluate("(key) => localStorage.getItem(key)", read_key) is None, "not read on opening"
    form = desktop.locator(f"form#q-{view.slug}-{question.id}")
    form.locator(f"label[for='q-{view.slug}-{question.id}-{right}']").click()
    form.get_by_role("button", name="Check my answer").click()
    expect(form.locator(".ck-result")).to_have_text(RIGHT)
    desktop.locator(".ck-page").scroll_into_view_if_needed()
    desktop.wait_for_function("(key) => localStorage.getItem(key) === 'yes'", arg=read_key)

    desktop.reload()
    expect(form.locator(".ck-saved")).to_contain_text("answered this question correctly before")

    desktop.goto(at(f"{plan.id}/progress.html"))
    for _ in range(2):
        row = desktop.locator(f"tr[data-module='{view.slug}']")
        expect(row.locator(".ck-read")).to_have_text("Read")
        expect(row.locator(".ck-checks")).to_have_text(f"1 of {len(view.questions)} passed")
        others = desktop.locator("tr[data-module] .ck-read", has_text="Not yet read")
        expect(others).to_have_count(len(plan.modules) - 1)
        summary = desktop.locator(".ck-summary")
        expect(summary).to_contain_text(f"You have read 1 of {len(plan.modules)} modules")
        desktop.reload()
    desktop.get_by_role("button", name="Clear my progress on this device").click()
    expect(desktop.locator(".ck-summary")).to_contain_text("cleared")
    expect(desktop.locator(f"tr[data-module='{view.slug}'] .ck-read")).to_have_text("Not yet read")


@browser_test
def test_every_link_resolves_to_a_file_that_exists(site, sweep):
    broken, remote_assets, checked = [], [], 0
    for rel, report in sweep.items():
        for ref in report.refs:
            url, parts = ref["url"], urlsplit(ref["url"])
            if parts.scheme in {"http", "https"}:
                # Links out to the sources a learner may follow; nothing is loaded from them.
                if ref["tag"] != "A":
                    remote_assets.append(f"{rel}: {ref['tag']} {url}")
                continue
            if parts.scheme in {"mailto", "tel"}:
                continue
            checked += 1
            path = _local_file(site, url)
            if path is None:
                broken.append(f"{rel}: {url} is neither a local file nor a web link")
            elif not path.is_file():
                broken.append(f"{rel}: {url} does not exist")
            elif parts.fragment and path.suffix == ".html" and unquote(parts.fragment) not in _ids(path):
                broken.append(f"{rel}: {url} has no element with that id")
    assert checked > 20 * len(sweep)
    assert not remote_assets, "assets loaded from the network:\n" + "\n".join(remote_assets)
    assert not broken, f"{len(broken)} broken links:\n" + "\n".join(broken)


@browser_test
def test_search_finds_pages_from_disk_and_from_a_server(site, desktop, at, expect):
    plan, view = _module_with_questions(site)
    word = max(re.findall(r"[A-Za-z]{5,}", view.title), key=len).lower()
    desktop.goto(at(f"{plan.id}/index.html"))
    desktop.locator(".md-search__input").press_sequentially(word)
    meta = desktop.locator(".md-search-result__meta")
    expect(meta).to_have_text(re.compile(r"^(1 matching document|\d+ matching documents)$"))
    results = desktop.locator(".md-search-result__item > a")
    assert results.count() >= 1
    titles = desktop.locator(".md-search-result__item h1").all_inner_texts()
    assert any(word in t.lower() for t in titles), (word, titles)
    results.first.click()
    desktop.wait_for_load_state()
    assert desktop.locator("article h1").count() == 1
    # The answers to the knowledge checks never appear in search.
    index = (site.out / plan.id / "search" / "search_index.js").read_text(encoding="utf-8")
    for question in view.questions:
        for option in question.options:
            text = " ".join(option.feedback.split())
            if not re.search(r"[*_`\[\]<>&\"\\]", text):
                assert text[:60] not in index, f"search index gives away the answer feedback: {text[:60]}"


@browser_test
def test_nothing_leaves_the_machine(site, server, desktop, network, playwright_api):
    probe = desktop.context.new_page()
    with pytest.raises(playwright_api.Error):
        probe.goto("https://example.com/")
    probe.close()
    desktop.goto(site.file("index.html"))
    fetched = desktop.evaluate("() => fetch('https://example.org/x.js').then(() => 'got', () => 'stopped')")
    assert fetched == "stopped"
    assert network.blocked == ["https://example.com/", "https://example.org/x.js"], "the guard stops them"
    network.blocked.clear()
    network.local.clear()
    for rel in site.pages:
        desktop.goto(server + rel)
    desktop.goto(server + f"{site.plans[0].id}/index.html")
    desktop.locator(".md-search__input").press_sequentially("co-production")
    desktop.wait_for_selector(".md-search-result__item")
    assert any(url.startswith(server) for url in network.local)
    assert any("search_index" in url for url in network.local)
    assert not network.blocked


# --------------------------------------------------------------------------------------------
# Screenshots, to look at
# --------------------------------------------------------------------------------------------


@browser_test
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_screenshots(site, pages, viewport, expect):
    page = pages[viewport]
    SHOTS.mkdir(parents=True, exist_ok=True)
    plan, view = _module_with_questions(site)
    question = view.questions[0]
    right, wrong = _option_indexes(question)

    page.goto(site.file("index.html"))
    page.screenshot(path=str(SHOTS / f"landing-{viewport}.png"), full_page=True)

    _clear_progress(page, site.file(f"{plan.id}/index.html"))
    page.goto(site.file(f"{plan.id}/{view.slug}.html"))
    page.screenshot(path=str(SHOTS / f"module-top-{viewport}.png"))
    form = page.locator(f"form#q-{view.slug}-{question.id}")
    form.locator(f"label[for='q-{view.slug}-{question.id}-{wrong}']").click()
    form.get_by_role("button", name="Check my answer").click()
    expect(form.locator(".ck-result")).to_have_text(WRONG)
    form.scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / f"module-answered-{viewport}.png"))
    form.locator(f"label[for='q-{view.slug}-{question.id}-{right}']").click()
    form.get_by_role("button", name="Check my answer").click()
    expect(form.locator(".ck-result")).to_have_text(RIGHT)
    page.locator(".ck-page").scroll_into_view_if_needed()
    page.wait_for_function(
        "(key) => localStorage.getItem(key) === 'yes'", arg=f"coursekit:{plan.id}:read:{view.slug}"
    )

    page.goto(site.file(f"{plan.id}/progress.html"))
    expect(page.locator(".ck-summary")).to_contain_text("You have read 1 of")
    page.screenshot(path=str(SHOTS / f"progress-{viewport}.png"))

    page.goto(site.file(f"{plan.id}/index.html"))
    if viewport == "phone":
        page.locator("label.md-header__button[for='__search']").click()
    page.locator(".md-search__input").press_sequentially("tokenism")
    expect(page.locator(".md-search-result__meta")).to_contain_text("matching")
    page.screenshot(path=str(SHOTS / f"search-{viewport}.png"))
