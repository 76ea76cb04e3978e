"""Shared clean-up of free-text answers before a parser reads them."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import TypeVar

T = TypeVar("T")

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lower-case `text`, strip accents and unify apostrophes so "Sí" reads like "si"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES).lower())
    without_accents = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", without_accents).strip()


def for_language(tables: Mapping[str, T], lang: str) -> T:
    """The table for `lang` ("es-MX" reads "es"); a language without a table reads English."""
    base = (lang or "en").lower().replace("_", "-").split("-")[0]
    return tables.get(base, tables["en"])
