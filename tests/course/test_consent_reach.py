"""The built-in course: where a story is left out, nothing in that output names its storyteller."""

from __future__ import annotations

import pytest

from coursekit.check.storytellers import mentions
from coursekit.content import builtin_root
from coursekit.load import load_project
from coursekit.plan import for_use
from coursekit.schema import ITEM_LISTS
from coursekit.slots import default_course
from coursekit.textfields import text_fields

AUDIENCES = ["frontline-staff", "commissioners", "senior-leaders", "lived-experience-members"]


@pytest.fixture(scope="module")
def library():
    return load_project(builtin_root())


def shown_texts(plan) -> list[tuple[str, str]]:
    """(where, text) of every text a narrowed plan shows, outside its stories and source list."""
    texts = [(f"{plan.audience.path}: {f.loc}", f.text) for f in text_fields(plan.audience)]
    texts += [(f"glossary {t.term}", t.definition) for t in plan.glossary]
    for view in plan.modules:
        texts.append((f"{view.id} body", view.body))
        texts += [
            (f"{view.id} {f.loc}", f.text)
            for f in text_fields(view.module)
            if f.loc[0] not in (*ITEM_LISTS, "body")
            and (f.loc[0] != "audiences" or f.loc[1] == view.audience_id)
            and (f.audiences is None or view.audience_id in f.audiences)
        ]
        for name in ITEM_LISTS:
            if name != "stories":
                texts += [
                    (f"{view.id} {name} {f.loc}", f.text) for i in getattr(view, name) for f in text_fields(i)
                ]
    return texts


@pytest.mark.parametrize("audience_id", AUDIENCES)
def test_the_lms_package_which_leaves_every_story_out_names_no_storyteller(library, audience_id):
    names = {name for m in library.modules for s in m.stories for name in s.names}
    plan = for_use(default_course(library, audience_id, ("scorm",)), "lms")
    assert not any(view.stories for view in plan.modules) and plan.withheld
    named = [(where, m[1]) for where, text in shown_texts(plan) for m in mentions(text, names)]
    assert named == []
