"""Wellbeing and fair pay: pressure to disclose, and unpaid co-delivery, are warned about."""

from __future__ import annotations

import pytest
from checking import MODULE, caught, findings, line_of
from conftest import checked_module

INSTRUCTIONS = "    instructions: Talk with a partner about a time someone listened to you.\n"


@pytest.mark.parametrize(
    "ask",
    [
        "Share a time you were in crisis.",
        "Tell the group about your own experience of services.",
        "Everyone shares their own story.",
        "Ask each person to share their experience of services.",
        "Invite people to share a personal story about crisis.",
        "Describe a time when you were unwell.",
        "Go round and ask each person to say what their diagnosis is.",
        "Think of a time you were in crisis and share it with the group.",
    ],
)
def test_pressure_to_disclose_is_a_warning(tmp_path, ask):
    module = checked_module((INSTRUCTIONS, f"    instructions: {ask}\n"))
    assert caught(findings(tmp_path, module), "disclosure-pressure") == [
        (MODULE, line_of(module, ask), "activities[0].instructions", "warning")
    ]


def test_a_choice_about_something_else_does_not_make_sharing_optional(tmp_path):
    ask = "Read the story, or use the summary instead. Then share a time you were in crisis."
    module = checked_module((INSTRUCTIONS, f"    instructions: {ask}\n"))
    assert caught(findings(tmp_path, module), "disclosure-pressure") == [
        (MODULE, line_of(module, ask), "activities[0].instructions", "warning")
    ]


def test_a_choice_in_the_next_sentence_passes(tmp_path):
    ask = "Share a time you were in crisis. You do not have to share anything you would rather keep private."
    module = checked_module((INSTRUCTIONS, f"    instructions: {ask}\n"))
    assert caught(findings(tmp_path, module), "disclosure-pressure") == []


def test_saying_no_one_has_to_share_is_not_pressure(tmp_path):
    module = checked_module(
        (INSTRUCTIONS, "    instructions: No one is asked to share their own story here.\n")
    )
    assert caught(findings(tmp_path, module), "disclosure-pressure") == []


def test_an_ask_with_a_clear_choice_passes(tmp_path):
    module = checked_module(
        (
            INSTRUCTIONS,
            (
                "    instructions: Share a time you were in crisis, only if you want "
                "to, or use the case study instead.\n"
            ),
        )
    )
    assert caught(findings(tmp_path, module), "disclosure-pressure") == []


CO_DELIVERY = "prerequisites: []\nco_delivery: {}\n"


@pytest.mark.parametrize(
    "text",
    [
        "A volunteer co-trainer with lived experience delivers the stories.",
        "A person with lived experience co-delivers the session, unpaid.",
        "Invite a peer to co-facilitate in return for lunch.",
        "Peer trainers deliver the session voluntarily.",
        "People with lived experience co-deliver it as unpaid volunteers.",
        "We do not pay co-trainers, but they get a certificate.",
        "Volunteers with lived experience co-deliver the training.",
        "The co-trainer is reimbursed for travel expenses only.",
    ],
)
def test_unpaid_co_delivery_is_a_warning(tmp_path, text):
    module = checked_module(("prerequisites: []\n", CO_DELIVERY.format(text)))
    assert caught(findings(tmp_path, module), "unpaid-co-delivery") == [
        (MODULE, line_of(module, "co_delivery"), "co_delivery", "warning")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Pay the co-trainer at your organisation's involvement rate for preparation and delivery.",
        "Never ask people with lived experience to co-deliver as unpaid volunteers.",
    ],
)
def test_paid_co_delivery_passes(tmp_path, text):
    module = checked_module(("prerequisites: []\n", CO_DELIVERY.format(text)))
    assert caught(findings(tmp_path, module), "unpaid-co-delivery") == []


def test_free_parking_is_not_about_pay(tmp_path):
    module = checked_module(
        (
            "    facilitator_notes: Keep time and check in.\n",
            "    facilitator_notes: Parking is free of charge.\n",
        )
    )
    assert caught(findings(tmp_path, module), "unpaid-co-delivery") == []
