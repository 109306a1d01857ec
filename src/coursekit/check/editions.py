"""Rules for an organisation's project: replaced modules behind the library, unversioned changes."""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import WARNING, Problem
from ..layers import REPLACED, version_key
from ..versions import LOCK, module_hash, own_modules
from .context import Context
from .text import ModuleText


def replaced_behind(doc: ModuleText, ctx: Context) -> Iterator[Problem]:
    """A replaced module's version is not behind the built-in module it replaces."""
    origin = ctx.project.origins.get(doc.module.id)
    if origin is None or origin.kind != REPLACED or origin.builtin_version is None:
        return
    if version_key(doc.module.version) < version_key(origin.builtin_version):
        yield doc.finding(
            ("version",),
            "replaced-behind",
            WARNING,
            (
                f"replaces the built-in module {doc.module.id!r}, which is now at version "
                f"{origin.builtin_version} (yours is {doc.module.version}): compare the two, bring in what "
                "changed, then give yours a version of at least the built-in one"
            ),
        )


def version_unchanged(doc: ModuleText, ctx: Context) -> Iterator[Problem]:
    """A module of the project's own that changed has a new version, recorded in coursekit.lock."""
    project = ctx.project
    if not project.layered or doc.module.id not in {m.id for m in own_modules(project)}:
        return
    recorded = project.version_lock.get((doc.module.id, doc.module.version))
    if recorded is None:
        yield doc.finding(
            ("version",),
            "version-unrecorded",
            WARNING,
            (
                f"version {doc.module.version} is not recorded in {LOCK}; run "
                "coursekit check --update-versions and commit the file"
            ),
        )
    elif recorded != module_hash(project, doc.module):
        yield doc.finding(
            ("version",),
            "version-unchanged",
            WARNING,
            (
                f"the module changed but its version is still {doc.module.version} (as recorded in {LOCK}): "
                "give it a new version and set 'updated', then run coursekit check --update-versions"
            ),
        )
