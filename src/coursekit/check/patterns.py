"""Compile the word lists into regular expressions, once."""

from __future__ import annotations

import re

from . import wordlists


def words(*alternatives: str) -> re.Pattern:
    """Return a case-insensitive pattern matching any alternative as whole words."""
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])", re.IGNORECASE)


CLAIM = re.compile("£|" + words(*(w for w in wordlists.CLAIM_WORDS if w != "£")).pattern, re.IGNORECASE)
ADVICE = words(*wordlists.PERSONAL_ADVICE)
SENSITIVE = words(*wordlists.SENSITIVE)
THIRD_PARTY = words(
    *(
        rf"(?:(?:Dr|Mr|Mrs|Ms|Miss|Prof|Professor)\.? )?{re.escape(variant)}(?:['’]s)?"
        for name, variants in wordlists.THIRD_PARTY_NAMES
        for variant in (name, *variants)
    )
)
"""Any way of naming a third party: full name, listed variants, a title before the surname."""
OUTCOME_TOPIC = words(wordlists.INVENTED_OUTCOME_TOPIC)
OUTCOME_CLAIM = words(*wordlists.OUTCOME_CLAIMS)
DISCLAIMER = re.compile(r"\b(?:" + "|".join(wordlists.DISCLAIMERS) + r")\b|n't\b", re.IGNORECASE)
SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+|$)")


def choices(pairs: tuple[tuple[str, str], ...]) -> tuple[re.Pattern, tuple[str, ...]]:
    """Return one pattern for a list of (pattern, note) pairs, and the notes by group number.

    After a match, ``notes[int(match.lastgroup[1:])]`` is the note of the alternative that matched.
    """
    pattern = words(*(f"(?P<g{i}>{p})" for i, (p, _) in enumerate(pairs)))
    return pattern, tuple(note for _, note in pairs)


DENY, DENY_NOTES = choices(wordlists.DENY)
DISTRESSING, DISTRESSING_TOPICS = choices(wordlists.DISTRESSING)
TOPICS = {
    topic: words(*(p for p, t in wordlists.DISTRESSING if t == topic))
    for topic in dict.fromkeys(t for _, t in wordlists.DISTRESSING)
}
"""Each distressing topic and every word for it: a content note covers a topic it names."""
DISCLOSURE = words(*wordlists.DISCLOSURE_PRESSURE)
DISCLOSURE_CHOICE = re.compile("|".join(wordlists.DISCLOSURE_CHOICE), re.IGNORECASE)
UNPAID = words(*wordlists.UNPAID_CO_DELIVERY)
UNPAID_CONTEXT = re.compile(wordlists.UNPAID_CONTEXT, re.IGNORECASE)
NEGATION = re.compile(
    r"\b(?:not|never|no|nobody|without|avoid|instead of|rather than|don't|do not|won't|isn't)\b",
    re.IGNORECASE,
)
TRANSCRIPTION, TRANSCRIPTION_NOTES = choices(wordlists.TRANSCRIPTION_ERRORS)
