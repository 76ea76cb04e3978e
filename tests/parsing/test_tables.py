"""Every supported language has every word table, and the tables read as people write."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from bot.parsing.ages import AGE_WORDS
from bot.parsing.money import MONEY_WORDS
from bot.parsing.nonanswers import DONT_KNOW_PHRASES, POLITE_WORDS, SKIP_ANSWERS
from bot.parsing.text import base_language, for_language, segment
from bot.parsing.words import NUMBER_WORDS
from bot.parsing.yesno import YES_NO_WORDS

LANGUAGES = ("en", "es", "zh", "vi", "tl", "ko")
TABLES: dict[str, Mapping[str, object]] = {
    "AGE_WORDS": AGE_WORDS,
    "MONEY_WORDS": MONEY_WORDS,
    "NUMBER_WORDS": NUMBER_WORDS,
    "YES_NO_WORDS": YES_NO_WORDS,
    "DONT_KNOW_PHRASES": DONT_KNOW_PHRASES,
    "SKIP_ANSWERS": SKIP_ANSWERS,
    "POLITE_WORDS": POLITE_WORDS,
}


@pytest.mark.parametrize("table", TABLES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_has_every_table(table: str, lang: str) -> None:
    assert lang in TABLES[table]


@pytest.mark.parametrize(
    ("lang", "base"),
    [("zh_Hant", "zh"), ("zh-Hant", "zh"), ("zh-TW", "zh"), ("es-MX", "es"), ("fil", "tl")],
)
def test_regional_codes_read_their_language_table(lang: str, base: str) -> None:
    assert base_language(lang) == base
    assert for_language(YES_NO_WORDS, lang) is YES_NO_WORDS[base]


def test_a_language_without_tables_reads_english() -> None:
    assert for_language(AGE_WORDS, "fr") is AGE_WORDS["en"]


@pytest.mark.parametrize(
    ("text", "vocabulary", "spaced"),
    [
        ("我40岁", frozenset(), "我 40 岁"),
        ("孩子8个月", frozenset({"孩子", "个月"}), "孩子 8 个月"),
        ("네있어요", frozenset({"네", "있어요"}), "네 있어요"),
        ("me 40", frozenset(), "me 40"),
    ],
)
def test_unspaced_text_is_cut_into_words(
    text: str, vocabulary: frozenset[str], spaced: str
) -> None:
    assert segment(text, vocabulary) == spaced
