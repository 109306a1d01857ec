"""Render a course plan as a MkDocs (mkdocs-material) site that works offline and from file://."""

from __future__ import annotations

import copy
import logging
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

from ..errors import RenderError
from ..model import BuildSettings
from ..organisation import Brand
from ..plan import CoursePlan
from . import link
from . import pages as page_text

ASSETS = Path(__file__).resolve().parent.parent / "assets"
THEME = Path(__file__).resolve().parent.parent / "theme"
SHIM = "assets/vendor/iframe-worker-shim.js"
HOOKS = Path(__file__).resolve().with_name("mkdocs_hooks.py")
REQUIRED_EXTENSIONS = [
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "md_in_html",
    "tables",
    "pymdownx.details",
    "pymdownx.superfences",
    "footnotes",
    {"toc": {"permalink": True}},
]
# navigation.instant fetches pages with XHR: it breaks file:// and per-page LMS tracking.
UNSAFE_FEATURES = {"navigation.instant", "navigation.instant.prefetch", "navigation.instant.progress"}


def render(plan: CoursePlan, out: Path, settings: BuildSettings) -> list[Path]:
    """Build the course site for one plan into out/<audience id>/ and return the files written."""
    site_dir = out / plan.id
    # The Markdown goes inside the build's staging root, not the system temp folder, so that
    # removing the staging root after a kill or a signal removes it too. It is gone before this returns.
    with tempfile.TemporaryDirectory(prefix=".coursekit-docs-", dir=out) as staging:
        docs = Path(staging) / "docs"
        pages = page_text.course_pages(plan, link(plan, "slides"), settings.brand, settings.changelog)
        _write_docs(docs, pages)
        _write_brand(docs, settings.brand)
        config = _config(plan, settings.mkdocs, Path(staging), docs, site_dir, page_text.nav(pages))
        _brand_config(config, settings.brand)
        _build(config, plan)
    # The theme's 404 page links with root-absolute paths ("/assets/..."), so it is broken from
    # file:// and whenever a course is served below the web root, as site/<audience>/ always is.
    (site_dir / "404.html").unlink(missing_ok=True)
    return sorted(p for p in site_dir.rglob("*") if p.is_file())


def _write_docs(docs: Path, pages: list) -> None:
    for page in pages:
        path = docs / page.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page.text, encoding="utf-8")
    # The SCORM schemas are for LMS packages, not for the site.
    shutil.copytree(ASSETS, docs / "assets", dirs_exist_ok=True, ignore=shutil.ignore_patterns("scorm"))


BRAND_CSS = "assets/brand.css"


def _write_brand(docs: Path, brand: Brand) -> None:
    """Copy the logo into the site's assets and write the stylesheet that carries the brand colours."""
    if brand.logo:
        shutil.copyfile(brand.logo, docs / "assets" / brand.logo_name)
    # Without an organisation the stylesheet is empty, so the palette of mkdocs.yml stays.
    (docs / BRAND_CSS).write_text("" if brand.builtin else brand_css(brand), encoding="utf-8")


def brand_css(brand: Brand) -> str:
    """Return the stylesheet that gives the theme the brand's colours (white text on both)."""
    return f"""/* The organisation's colours, from organisation.yml. */
:root, [data-md-color-scheme] {{
  --md-primary-fg-color: {brand.primary};
  --md-primary-fg-color--light: {brand.primary};
  --md-primary-fg-color--dark: {brand.primary};
  --md-primary-bg-color: #ffffff;
  --md-primary-bg-color--light: #ffffffb3;
  --md-accent-fg-color: {brand.accent};
  --md-accent-fg-color--transparent: {brand.accent}1a;
  --md-accent-bg-color: #ffffff;
  --md-accent-bg-color--light: #ffffffb3;
  --md-typeset-a-color: {brand.primary};
}}
"""


def _brand_config(config, brand: Brand) -> None:
    # Set after validation: MkDocs would otherwise check theme.logo against the docs folder
    # before the theme has it, and palettes named 'custom' take their colours from brand.css.
    edition = f"{brand.name} · course {brand.edition}" if brand.edition else brand.name
    owner = config.get("copyright")
    config["copyright"] = (
        f"{owner} · {page_text.theme_text(edition)}" if owner else page_text.theme_text(edition)
    )
    if brand.builtin:
        return  # no organisation: the palette of mkdocs.yml stays as it is
    try:
        palettes = config.theme["palette"]
    except KeyError:
        palettes = None
    if not palettes:
        config.theme["palette"] = palettes = {}
    for palette in palettes if isinstance(palettes, list) else [palettes]:
        if isinstance(palette, dict):
            palette.update(primary="custom", accent="custom")
    if brand.logo:
        config.theme["logo"] = f"assets/{brand.logo_name}"


def _config(plan: CoursePlan, user: dict, staging: Path, docs: Path, site_dir: Path, nav: list):
    import yaml
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    user = copy.deepcopy(dict(user))
    theme = dict(user.get("theme") or {"name": "material"})
    theme.update(
        name="material",
        custom_dir=str(THEME),
        font=False,
        language="en-gb",
        features=[f for f in theme.get("features", []) if f not in UNSAFE_FEATURES],
    )
    extra = dict(user.get("extra") or {}, generator=False, polyfills=[SHIM])
    extensions = _extensions(user.get("markdown_extensions"))
    settings = dict(
        {key: user[key] for key in ("site_description", "site_author", "copyright") if key in user},
        site_name=page_text.theme_text(plan.audience.course_title),
        docs_dir=str(docs),
        site_dir=str(site_dir),
        nav=nav,
        use_directory_urls=False,
        theme=theme,
        extra=extra,
        markdown_extensions=extensions,
        plugins=_plugins(user.get("plugins")),
        extra_css=[*list(user.get("extra_css") or []), "assets/coursekit.css", BRAND_CSS],
        extra_javascript=[*list(user.get("extra_javascript") or []), "assets/coursekit.js"],
        hooks=[str(HOOKS)],
    )
    # MkDocs must never parse the project's own file (its loader runs Python tags): it reads
    # this one, written from the validated settings with no tags at all.
    config_file = staging / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with _quiet_mkdocs() as problems:
        try:
            return load_config(config_file=str(config_file))
        except MkDocsException as exc:
            raise RenderError("mkdocs.yml: " + "; ".join(problems or [str(exc)])) from None


def _name(entry) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))


def _extensions(user_extensions) -> list:
    # MkDocs consumes these dicts while validating, so always hand it fresh copies.
    chosen = copy.deepcopy(list(user_extensions or []))
    names = {_name(e) for e in chosen}
    return chosen + [copy.deepcopy(e) for e in REQUIRED_EXTENSIONS if _name(e) not in names]


def _plugins(user_plugins) -> list:
    names = [_name(p) for p in (user_plugins or [])]
    kept = [
        p for p, name in zip(user_plugins or [], names, strict=False) if name not in {"search", "offline"}
    ]
    return [{"search": {"lang": ["en"]}}, "offline", *kept]


def _build(config, plan: CoursePlan) -> None:
    from mkdocs.commands.build import build
    from mkdocs.exceptions import MkDocsException

    epoch = str(int(_midnight(plan.build_date)))
    with _source_date_epoch(epoch), _quiet_mkdocs() as warnings:
        try:
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            finally:
                config.plugins.on_shutdown()
        except MkDocsException as exc:
            raise RenderError(f"site for {plan.id}: MkDocs failed: {exc}") from None
    if warnings:
        raise RenderError(f"site for {plan.id}: MkDocs warned: " + "; ".join(warnings))


def _midnight(day) -> float:
    import datetime as dt

    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc).timestamp()


@contextmanager
def _source_date_epoch(value: str):
    # MkDocs stamps pages and the sitemap with the build time unless this is set.
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = value
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


class _Collector(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _quiet_mkdocs():
    """Collect MkDocs warnings instead of printing them, and hide its info chatter."""
    logger = logging.getLogger("mkdocs")
    collector = _Collector()
    saved = (logger.handlers[:], logger.propagate, logger.level)
    logger.handlers, logger.propagate = [collector], False
    logger.setLevel(logging.WARNING)
    try:
        yield collector.messages
    finally:
        logger.handlers, logger.propagate, _ = saved
        logger.setLevel(saved[2])
