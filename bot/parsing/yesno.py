"""Yes or no, as people type it: "yep", "no one", "i am", "/affirm", "sí"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.parsing.nonanswers import is_dont_know
from bot.parsing.text import fold, for_language


@dataclass(frozen=True)
class YesNoWords:
    """How one language says yes and no."""

    yes_openers: tuple[str, ...]
    """An answer that starts with one of these means yes ("yes she is", "sure")."""
    no_openers: tuple[str, ...]
    """An answer that starts with one of these means no ("no i'm not", "nobody")."""
    subjects: frozenset[str]
    """Who a short answer like "she is" can be about."""
    verbs: frozenset[str]
    """The verbs of a short answer like "i am" or "we do"."""
    negations: frozenset[str]
    """Words that turn a short answer into no ("i am not")."""


ENGLISH = YesNoWords(
    yes_openers=(
        "yes",
        "y",
        "yeah",
        "yea",
        "yeh",
        "yah",
        "ya",
        "yep",
        "yup",
        "yas",
        "ye",
        "yess",
        "sure",
        "correct",
        "right",
        "true",
        "affirmative",
        "absolutely",
        "definitely",
        "certainly",
        "of course",
        "ofc",
        "uh huh",
        "uh-huh",
        "i think so",
        "indeed",
        "yes ma'am",
        "si",
        "👍",
        "✅",
    ),
    no_openers=(
        "no",
        "n",
        "nope",
        "nah",
        "naw",
        "na",
        "nop",
        "not",
        "nobody",
        "no one",
        "noone",
        "none",
        "nothing",
        "neither",
        "never",
        "negative",
        "false",
        "nuh uh",
        "nuh-uh",
        "i don't think so",
        "i dont think so",
        "👎",
        "❌",
    ),
    subjects=frozenset(
        {
            "i",
            "i'm",
            "im",
            "we",
            "we're",
            "she",
            "she's",
            "he",
            "he's",
            "they",
            "they're",
            "my",
            "wife",
            "husband",
            "partner",
            "son",
            "daughter",
            "me",
            "us",
            "both",
            "one",
            "someone",
            "somebody",
            "mom",
            "dad",
            "kid",
            "child",
            "girlfriend",
            "boyfriend",
        }
    ),
    verbs=frozenset({"am", "is", "are", "do", "does", "have", "has", "will", "can", "did", "was"}),
    negations=frozenset(
        {
            "not",
            "no",
            "never",
            "isn't",
            "isnt",
            "aren't",
            "arent",
            "don't",
            "dont",
            "doesn't",
            "doesnt",
            "haven't",
            "havent",
            "hasn't",
            "hasnt",
            "won't",
            "wont",
            "didn't",
            "didnt",
            "ain't",
            "aint",
            "wasn't",
            "wasnt",
            "can't",
            "cant",
        }
    ),
)

SPANISH = YesNoWords(
    yes_openers=("si", "sip", "claro", "correcto", "asi es", "por supuesto", "efectivamente"),
    no_openers=("no", "nop", "nadie", "ninguno", "ninguna", "nunca", "para nada"),
    subjects=frozenset({"yo", "ella", "el", "mi", "esposa", "esposo", "hija", "hijo"}),
    verbs=frozenset({"soy", "es", "esta", "estoy", "tengo", "tiene"}),
    negations=frozenset({"no", "nunca"}),
)

YES_NO_WORDS: dict[str, YesNoWords] = {"en": ENGLISH, "es": SPANISH}

# Intents sent by quick-reply buttons.
_BUTTON_PAYLOADS = {"/affirm": True, "/deny": False}
_WORD = re.compile(r"[^\s.,!?;:()\"]+")
_LONGEST_SHORT_ANSWER = 4


def parse_yes_no(text: str, lang: str = "en") -> bool | None:
    """Return True for yes, False for no, None when the answer is neither or unclear."""
    stripped = text.strip().lower()
    if stripped in _BUTTON_PAYLOADS:
        return _BUTTON_PAYLOADS[stripped]
    if is_dont_know(text, lang):
        return None
    words = [_squeeze(w) for w in _WORD.findall(fold(text))]
    if not words:
        return None
    tables = [for_language(YES_NO_WORDS, lang), ENGLISH]
    opens_yes = any(_opens_with(words, t.yes_openers) for t in tables)
    opens_no = any(_opens_with(words, t.no_openers) for t in tables)
    if opens_yes and not opens_no:
        # "yes... no" or "yeah no" is too mixed to read.
        return None if any(w in ("no", "nope", "nah") for w in words[1:]) else True
    if opens_no and not opens_yes:
        return False
    if len(words) <= _LONGEST_SHORT_ANSWER and not opens_yes:
        return _short_answer(words, tables)
    return None


def _squeeze(word: str) -> str:
    """Undo stretched typing: "yesss" -> "yes", "noooo" -> "no", "nopeee" -> "nope"."""
    return re.sub(r"(.)\1{2,}", r"\1", word) if len(word) > 3 else word


def _opens_with(words: list[str], openers: tuple[str, ...]) -> bool:
    """True when the answer starts with one of the (possibly multi-word) `openers`."""
    for opener in openers:
        opener_words = opener.split()
        if words[: len(opener_words)] == opener_words:
            return True
        if len(opener_words) == 1 and _squeeze_all(words[0]) == opener:
            return True
    return False


def _squeeze_all(word: str) -> str:
    """Collapse every doubled letter ("yess" -> "yes", "noo" -> "no")."""
    return re.sub(r"(.)\1+", r"\1", word)


def _short_answer(words: list[str], tables: list[YesNoWords]) -> bool | None:
    """Read "i am", "she is", "we do" as yes and "i am not", "she isn't" as no."""
    has_subject = any(w in t.subjects for t in tables for w in words)
    has_verb = any(w in t.verbs for t in tables for w in words)
    negated = any(w in t.negations or w.endswith("n't") for t in tables for w in words)
    if has_subject and negated:
        return False
    if has_subject and (has_verb or words[0] in ("i'm", "im", "she's", "he's", "we're")):
        return True
    return None
