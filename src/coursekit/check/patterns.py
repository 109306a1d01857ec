"""Compile the word lists into regular expressions, once."""

from __future__ import annotations

import re

from . import wordlists


def words(*alternatives: str) -> re.Pattern:
    """Return a case-insensitive pattern matching any alternative as whole words."""
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])", re.I)


CLAIM = re.compile("£|" + words(*(w for w in wordlists.CLAIM_WORDS if w != "£")).pattern, re.I)
ADVICE = words(*wordlists.PERSONAL_ADVICE)
SENSITIVE = words(*wordlists.SENSITIVE)
THIRD_PARTY = words(*(re.escape(name) for name in wordlists.THIRD_PARTY_NAMES))
OUTCOME_TOPIC = words(wordlists.INVENTED_OUTCOME_TOPIC)
OUTCOME_CLAIM = words(*wordlists.OUTCOME_CLAIMS)
DISCLAIMER = re.compile(r"\b(?:" + "|".join(wordlists.DISCLAIMERS) + r")\b|n't\b", re.I)
SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+|$)")


def choices(pairs: tuple[tuple[str, str], ...]) -> tuple[re.Pattern, tuple[str, ...]]:
    """Return one pattern for a list of (pattern, note) pairs, and the notes by group number.

    After a match, ``notes[int(match.lastgroup[1:])]`` is the note of the alternative that matched.
    """
    pattern = words(*(f"(?P<g{i}>{p})" for i, (p, _) in enumerate(pairs)))
    return pattern, tuple(note for _, note in pairs)


DENY, DENY_NOTES = choices(wordlists.DENY)
TRANSCRIPTION, TRANSCRIPTION_NOTES = choices(wordlists.TRANSCRIPTION_ERRORS)
