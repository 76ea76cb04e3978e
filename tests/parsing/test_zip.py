"""ZIP codes found in what people type."""

from __future__ import annotations

import pytest

from bot.parsing import parse_zip


@pytest.mark.parametrize(
    ("answer", "zip_code"),
    [
        ("94110", "94110"),
        ("my zip is 90011", "90011"),
        ("90011-1234", "90011"),
        ("zip: 9 4 1 1 0", "94110"),
        ("941101234", "94110"),
        ("nine four one one zero", "94110"),
        ("zip 94110.", "94110"),
    ],
)
def test_zip_is_found(answer: str, zip_code: str) -> None:
    assert parse_zip(answer) == zip_code


@pytest.mark.parametrize("answer", ["$12000", "12,000", "call 415-555-1234", "34 32 6", "idk"])
def test_no_zip(answer: str) -> None:
    assert parse_zip(answer) is None
