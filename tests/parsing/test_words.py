"""Numbers written as words become digits; separate numbers stay separate."""

from __future__ import annotations

import pytest

from bot.parsing.words import replace_number_words


@pytest.mark.parametrize(
    ("text", "lang", "digits"),
    [
        ("thirty four and six", "en", "34 and 6"),
        ("Thirty-four", "en", "34"),
        ("twelve hundred", "en", "1200"),
        ("one thousand two hundred", "en", "1200"),
        ("one hundred and five", "en", "105"),
        ("a hundred a week", "en", "100 a week"),
        ("2 thousand", "en", "2000"),
        ("six five", "en", "6 5"),
        ("mil doscientos", "es", "1200"),
        ("treinta y cuatro", "es", "34"),
        ("ocho y dos", "es", "8 y 2"),
        ("twelve hundred", "xx", "1200"),
    ],
)
def test_number_words_become_digits(text: str, lang: str, digits: str) -> None:
    assert replace_number_words(text, lang) == digits
