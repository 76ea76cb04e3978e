"""Answers that are not answers: "I don't know" and "skip". Both are fine to give."""

from __future__ import annotations

import re
from functools import cache

from bot.parsing.text import fold, for_language

# Phrases are matched as whole words anywhere in the (folded) answer.
DONT_KNOW_PHRASES: dict[str, tuple[str, ...]] = {
    "en": (
        "i don't know",
        "i dont know",
        "i do not know",
        "don't know",
        "dont know",
        "do not know",
        "dunno",
        "idk",
        "idek",
        "not sure",
        "no idea",
        "unsure",
        "no clue",
        "not certain",
        "who knows",
        "can't remember",
        "cant remember",
        "don't remember",
        "dont remember",
        "not positive",
        "i don't kno",
        "dont kno",
        "i forget",
        "idunno",
    ),
    "es": ("no se", "no lo se", "ni idea", "no estoy seguro", "no estoy segura", "quien sabe"),
}

# The whole answer must be one of these (after dropping "please" and the like).
SKIP_ANSWERS: dict[str, tuple[str, ...]] = {
    "en": (
        "skip",
        "pass",
        "next",
        "n/a",
        "n.a",
        "n.a.",
        "not applicable",
        "rather not say",
        "i'd rather not say",
        "id rather not say",
        "i would rather not say",
        "rather not",
        "i'd rather not",
        "id rather not",
        "prefer not to say",
        "i prefer not to say",
        "prefer not to answer",
        "i prefer not to answer",
        "i'd prefer not to say",
        "no comment",
        "skip it",
        "skip this",
        "skip this one",
        "skip this question",
        "skip question",
        "next question",
        "pass on this",
        "pass on this one",
    ),
    "es": ("saltar", "siguiente", "paso", "prefiero no decir", "prefiero no decirlo"),
}

_POLITE = re.compile(r"\b(please|pls|plz|thanks|thank you|thx|por favor|gracias)\b")
_PUNCTUATION_AROUND = re.compile(r"^[\s.!,]+|[\s.!,]+$")


@cache
def _dont_know_pattern(lang: str) -> re.Pattern[str]:
    phrases = set(DONT_KNOW_PHRASES["en"]) | set(for_language(DONT_KNOW_PHRASES, lang))
    alternatives = "|".join(re.escape(fold(p)) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


@cache
def _skip_answers(lang: str) -> frozenset[str]:
    return frozenset(fold(a) for a in (*SKIP_ANSWERS["en"], *for_language(SKIP_ANSWERS, lang)))


def is_dont_know(text: str, lang: str = "en") -> bool:
    """True when the person says they don't know ("idk", "not sure", "?")."""
    folded = fold(text)
    if folded and set(folded) <= set("?¿ "):
        return True
    return bool(_dont_know_pattern(lang).search(folded))


def is_skip(text: str, lang: str = "en") -> bool:
    """True when the person wants to skip the question ("skip", "rather not say", "n/a")."""
    answer = _PUNCTUATION_AROUND.sub("", _POLITE.sub(" ", fold(text)))
    return " ".join(answer.split()) in _skip_answers(lang)
