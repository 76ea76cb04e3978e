"""The 5-digit ZIP code in an answer such as "my zip is 90011" or "90011-1234"."""

from __future__ import annotations

import re

from bot.parsing.words import replace_number_words

_ZIP = re.compile(r"(?<![\d.,$])(\d{5})(?:-?\d{4})?(?![\d.,]\d)")
_SPACED_ZIP = re.compile(r"(?<![\d.,])\d(?:[ .-]\d){4}(?![ .-]?\d)")


def parse_zip(text: str) -> str | None:
    """Return the first 5-digit ZIP code in `text` ("zip: 9 4 1 1 0" too), or None."""
    for candidate in (text, replace_number_words(text)):
        if match := _ZIP.search(candidate):
            return match.group(1)
        if match := _SPACED_ZIP.search(candidate):
            return re.sub(r"\D", "", match.group())
    return None
