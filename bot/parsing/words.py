"""Numbers written as words ("twelve hundred", "thirty-four", "mil doscientos") turned into digits.

Each language is a table of words, so a translator can add one without touching the reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bot.parsing.text import fold, for_language


@dataclass(frozen=True)
class NumberWords:
    """The words one language uses for numbers."""

    values: dict[str, int]
    """Words that stand for a number on their own: "six", "forty", "doscientos"."""
    multipliers: dict[str, int]
    """Words that multiply what came before: "hundred", "thousand", "mil"."""
    one_before_multiplier: frozenset[str] = frozenset()
    """Words that mean "one" only before a multiplier ("a hundred")."""
    joiner_after_multiplier: frozenset[str] = frozenset()
    """Words allowed between a multiplier and the rest ("one hundred and five")."""
    joiner_after_tens: frozenset[str] = frozenset()
    """Words allowed between tens and units ("treinta y cuatro")."""


ENGLISH = NumberWords(
    values={
        "zero": 0,
        "one": 1,
        "two": 2,
        "three": 3,
        "four": 4,
        "five": 5,
        "six": 6,
        "seven": 7,
        "eight": 8,
        "nine": 9,
        "ten": 10,
        "eleven": 11,
        "twelve": 12,
        "thirteen": 13,
        "fourteen": 14,
        "fifteen": 15,
        "sixteen": 16,
        "seventeen": 17,
        "eighteen": 18,
        "nineteen": 19,
        "twenty": 20,
        "thirty": 30,
        "forty": 40,
        "fourty": 40,
        "fifty": 50,
        "sixty": 60,
        "seventy": 70,
        "eighty": 80,
        "ninety": 90,
    },
    multipliers={"hundred": 100, "thousand": 1000, "grand": 1000, "million": 1_000_000},
    one_before_multiplier=frozenset({"a", "one"}),
    joiner_after_multiplier=frozenset({"and"}),
)

SPANISH = NumberWords(
    values={
        "cero": 0,
        "uno": 1,
        "una": 1,
        "un": 1,
        "dos": 2,
        "tres": 3,
        "cuatro": 4,
        "cinco": 5,
        "seis": 6,
        "siete": 7,
        "ocho": 8,
        "nueve": 9,
        "diez": 10,
        "once": 11,
        "doce": 12,
        "trece": 13,
        "catorce": 14,
        "quince": 15,
        "dieciséis": 16,
        "diecisiete": 17,
        "dieciocho": 18,
        "diecinueve": 19,
        "veinte": 20,
        "veintiuno": 21,
        "veintiún": 21,
        "veintidós": 22,
        "veintitrés": 23,
        "veinticuatro": 24,
        "veinticinco": 25,
        "veintiséis": 26,
        "veintisiete": 27,
        "veintiocho": 28,
        "veintinueve": 29,
        "treinta": 30,
        "cuarenta": 40,
        "cincuenta": 50,
        "sesenta": 60,
        "setenta": 70,
        "ochenta": 80,
        "noventa": 90,
        "cien": 100,
        "ciento": 100,
        "doscientos": 200,
        "doscientas": 200,
        "trescientos": 300,
        "trescientas": 300,
        "cuatrocientos": 400,
        "cuatrocientas": 400,
        "quinientos": 500,
        "quinientas": 500,
        "seiscientos": 600,
        "seiscientas": 600,
        "setecientos": 700,
        "setecientas": 700,
        "ochocientos": 800,
        "ochocientas": 800,
        "novecientos": 900,
        "novecientas": 900,
    },
    multipliers={"mil": 1000, "millon": 1_000_000, "millones": 1_000_000},
    joiner_after_tens=frozenset({"y"}),
)

NUMBER_WORDS: dict[str, NumberWords] = {"en": ENGLISH, "es": SPANISH}

_TOKEN = re.compile(r"\d+(?:\.\d+)?|[^\W\d_]+")
_GAP_INSIDE_A_NUMBER = re.compile(r"[\s-]*")


@cache
def _folded(lang: str) -> tuple[dict[str, int], dict[str, int], NumberWords]:
    table = for_language(NUMBER_WORDS, lang)
    values = {fold(word): value for word, value in table.values.items()}
    multipliers = {fold(word): value for word, value in table.multipliers.items()}
    return values, multipliers, table


def replace_number_words(text: str, lang: str = "en") -> str:
    """Return `text` folded (see `fold`) with every number written in words replaced by digits.

    Separate numbers stay separate: "thirty four and six" -> "34 and 6".
    """
    text = fold(text)
    tokens = list(_TOKEN.finditer(text))
    pieces: list[str] = []
    copied_up_to = 0
    i = 0
    while i < len(tokens):
        value, end = _read_number(text, tokens, i, lang)
        if end == i:
            i += 1
            continue
        pieces.append(text[copied_up_to : tokens[i].start()])
        pieces.append(f"{value:g}" if value != int(value) else str(int(value)))
        copied_up_to = tokens[end - 1].end()
        i = end
    pieces.append(text[copied_up_to:])
    return "".join(pieces)


def _read_number(
    text: str, tokens: list[re.Match[str]], start: int, lang: str
) -> tuple[float, int]:
    """Read one number from tokens[start:]; return it and the index after it (start if none)."""
    values, multipliers, table = _folded(lang)

    def word(i: int) -> str | None:
        if i >= len(tokens):
            return None
        gap = text[tokens[i - 1].end() : tokens[i].start()] if i > start else ""
        if not _GAP_INSIDE_A_NUMBER.fullmatch(gap):
            return None
        return tokens[i].group()

    first, following = tokens[start].group(), word(start + 1)
    if following in multipliers and (first[0].isdigit() or first in table.one_before_multiplier):
        current = float(first) if first[0].isdigit() else 1.0
        last = "digits"
        i = start + 1
    elif first in values or first in multipliers:
        current = 0.0
        last = "start"
        i = start
    else:
        return 0.0, start

    total = 0.0
    ceiling = 0  # what a following value must stay under to belong to this number
    while (w := word(i)) is not None:
        if w in multipliers:
            multiplier = multipliers[w]
            if multiplier == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * multiplier
                current = 0
            ceiling, last = multiplier, "multiplier"
        elif w in values:
            value = values[w]
            if last == "start":
                ceiling = 10 if value in range(20, 100, 10) else (100 if value >= 100 else 0)
            elif value == 0 or value >= ceiling:
                break
            else:
                ceiling = 10 if value in range(20, 100, 10) else 0
            current += value
            last = "value"
        elif _is_joiner(w, last, ceiling, word(i + 1), values, table):
            i += 1
            continue
        else:
            break
        i += 1
    return total + current, i


def _is_joiner(
    w: str,
    last: str,
    ceiling: int,
    following: str | None,
    values: dict[str, int],
    table: NumberWords,
) -> bool:
    """True when `w` joins two parts of one number, like "and" in "one hundred and five"."""
    if following not in values or values[following] == 0 or values[following] >= max(ceiling, 1):
        return False
    if w in table.joiner_after_multiplier and last == "multiplier":
        return True
    return w in table.joiner_after_tens and last == "value" and ceiling == 10
