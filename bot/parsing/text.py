"""Shared clean-up of free-text answers before a parser reads them."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import fields, is_dataclass, replace
from typing import Any, TypeVar, cast

T = TypeVar("T")

_PUNCTUATION = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "`": "'",
        "\u00b4": "'",
        "\u3001": ",",  # 、 the Chinese list comma: "35、37"
        "\u3002": ".",  # 。
        "\u301c": "~",  # 〜
        "đ": "d",  # Vietnamese đ is a letter of its own, not d with a mark: "đô" reads "do"
        "Đ": "d",
    }
)
_SPACES = re.compile(r"\s+")
# Languages whose codes differ from the table they read: Filipino is written as Tagalog.
LANGUAGE_ALIASES = {"fil": "tl"}

# Chinese characters and Korean letters: scripts in which words touch each other and digits.
UNSPACED_LETTER = "\u1100-\u11ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff"
_UNSPACED_RUN = re.compile(f"[{UNSPACED_LETTER}]+")
_DIGIT_NEXT_TO_UNSPACED = re.compile(
    f"(?<=\\d)(?=[{UNSPACED_LETTER}])|(?<=[{UNSPACED_LETTER}])(?=\\d)"
)


def fold(text: str) -> str:
    """Lower-case `text`, strip accents and tones, unify punctuation: "Sí" reads like "si".

    Korean syllables are put back together after the accents go, so "네" stays "네".
    """
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_PUNCTUATION))
    without_accents = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", unicodedata.normalize("NFC", without_accents)).strip()


def fold_all(value: T) -> T:
    """`value` (a word table: strings, tuples, sets, dicts, dataclasses) with every string folded.

    Tables are written the way people spell ("không", "sí"); parsers compare folded forms.
    """
    return cast(T, _fold_any(value))


def _fold_any(value: Any) -> Any:
    if isinstance(value, str):
        return fold(value)
    if isinstance(value, tuple):
        return tuple(_fold_any(v) for v in value)
    if isinstance(value, frozenset):
        return frozenset(_fold_any(v) for v in value)
    if isinstance(value, dict):
        return {_fold_any(k): _fold_any(v) for k, v in value.items()}
    if is_dataclass(value) and not isinstance(value, type):
        return replace(value, **{f.name: _fold_any(getattr(value, f.name)) for f in fields(value)})
    return value


def strings_in(value: Any) -> Iterable[str]:
    """Every string in a word table, however nested."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, (tuple, frozenset, list, set)):
        for item in value:
            yield from strings_in(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings_in(key)
            yield from strings_in(item)
    elif is_dataclass(value) and not isinstance(value, type):
        for f in fields(value):
            yield from strings_in(getattr(value, f.name))


def base_language(lang: str) -> str:
    """The table key for `lang`: "es-MX" -> "es", "zh_Hant" -> "zh", "fil" -> "tl"."""
    base = (lang or "en").lower().replace("_", "-").split("-")[0]
    return LANGUAGE_ALIASES.get(base, base)


def for_language(tables: Mapping[str, T], lang: str) -> T:
    """The table for `lang` ("es-MX" reads "es"); a language without a table reads English."""
    return tables.get(base_language(lang), tables["en"])


def unspaced_vocabulary(table: Any) -> frozenset[str]:
    """The Chinese and Korean words of a (folded) table, to cut unspaced text into words."""
    return frozenset(
        word for text in strings_in(table) for word in text.split() if _UNSPACED_RUN.search(word)
    )


def segment(text: str, vocabulary: frozenset[str] = frozenset()) -> str:
    """Put spaces where Chinese or Korean text has none: around digits and between words.

    Each run of Chinese characters or Korean letters is cut into the longest `vocabulary`
    words, one character at a time where no word fits: "我40岁" -> "我 40 岁",
    "孩子8个月" -> "孩子 8 个月" when "孩子" and "个月" are in the vocabulary.
    """
    text = _DIGIT_NEXT_TO_UNSPACED.sub(" ", text)
    longest = max((len(word) for word in vocabulary), default=1)

    def cut(run: re.Match[str]) -> str:
        letters, words, i = run.group(), [], 0
        while i < len(letters):
            end = next(
                (
                    j
                    for j in range(min(len(letters), i + longest), i + 1, -1)
                    if letters[i:j] in vocabulary
                ),
                i + 1,
            )
            words.append(letters[i:end])
            i = end
        return f" {' '.join(words)} "

    return _SPACES.sub(" ", _UNSPACED_RUN.sub(cut, text)).strip()
