"""What learners are told about how a story came to be in the course, read from its consent record."""

from __future__ import annotations

STANDING = {
    "published-public": (
        "Retold in our own words; the storyteller has not yet been asked about this course."
    ),
    "granted": "Retold with the storyteller's permission.",
}
"""Only stories with these statuses are ever shown: the others cover no output."""


def story_standing(story) -> str:
    """One line for learners under a story's credit: whether the storyteller was asked."""
    return STANDING.get(story.consent.status, "")
