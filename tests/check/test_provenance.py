"""G1 third parties: people named in passing in the sources are found by any form of their name."""

from __future__ import annotations

import pytest
from checking import MODULE, caught, findings, line_of
from conftest import checked_module

STORY = "helped to change a service."


@pytest.mark.parametrize("name", ["Bill Bamber", "Dr Bamber", "Bamber's", "Robin Williams", "Porchlight"])
def test_a_third_party_is_found_by_a_variant_of_the_name(tmp_path, name):
    module = checked_module((STORY, f"{STORY}\n      Later, {name} backed him."))
    assert caught(findings(tmp_path, module), "G1-third-party") == [
        (MODULE, line_of(module, name), "stories[0].text", "error")
    ]


def test_a_different_person_with_a_shared_first_name_passes(tmp_path):
    module = checked_module((STORY, f"{STORY}\n      Later, Bill from the council backed him."))
    assert caught(findings(tmp_path, module), "G1-third-party") == []
