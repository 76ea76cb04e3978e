"""Tagalog answers, with "po"/"opo" politeness and English mixed in (Taglish)."""

from __future__ import annotations

import pytest

from bot.parsing import is_dont_know, is_skip, parse_ages, parse_money_per_month, parse_yes_no

LANG = "tl"
WEEKLY = 52 / 12
EVERY_TWO_WEEKS = 26 / 12


@pytest.mark.parametrize(
    ("answer", "ages"),
    [
        pytest.param("ako 40, mga anak ko 10 at 8", [40, 10, 8], id="me-and-kids"),
        pytest.param("3 anak ko: 10, 8 at 2", [10, 8, 2], id="count-then-ages"),
        pytest.param("ako lang, 67", [67], id="just-me"),
        pytest.param("ako 30 at ang baby ko 8 buwan", [30, 0], id="baby-months"),
        pytest.param("kambal na 4 taong gulang, ako 29", [4, 4, 29], id="twins"),
        pytest.param("ako apatnapu, asawa ko apatnapu't dalawa", [40, 42], id="number-words"),
    ],
)
def test_ages(answer: str, ages: list[int]) -> None:
    assert parse_ages(answer, LANG) == ages


@pytest.mark.parametrize("answer", ["ako lang", "3 anak", "hindi ko alam"])
def test_answers_without_ages_are_none(answer: str) -> None:
    assert parse_ages(answer, LANG) is None


@pytest.mark.parametrize(
    ("answer", "per_month"),
    [
        pytest.param("isang libo't dalawang daan", 1200, id="words-with-linker"),
        pytest.param("sanlibo at limang daan", 1500, id="sanlibo"),
        pytest.param("1200 kada buwan", 1200, id="kada-buwan"),
        pytest.param("500 kada dalawang linggo", 500 * EVERY_TWO_WEEKS, id="every-two-weeks"),
        pytest.param("300 kada linggo", 300 * WEEKLY, id="weekly"),
        pytest.param("600 kada kinsenas", 1200, id="kinsenas"),
        pytest.param("15 kada oras, 20 oras kada linggo", 15 * 20 * WEEKLY, id="hourly"),
        pytest.param("$1,200 sa isang buwan", 1200, id="sa-isang-buwan"),
        pytest.param("wala", 0, id="wala"),
        pytest.param("wala po", 0, id="wala-po"),
        pytest.param("walang trabaho", 0, id="no-job"),
    ],
)
def test_money(answer: str, per_month: float) -> None:
    assert parse_money_per_month(answer, LANG) == pytest.approx(per_month)


@pytest.mark.parametrize("answer", ["15 kada oras", "marami", "hindi ko alam"])
def test_answers_without_an_amount_are_none(answer: str) -> None:
    assert parse_money_per_month(answer, LANG) is None


@pytest.mark.parametrize(
    ("answer", "meaning"),
    [
        ("oo", True),
        ("opo", True),
        ("meron", True),
        ("meron po, asawa ko", True),
        ("oo naman", True),
        ("Yes po", True),
        ("hindi", False),
        ("hindi po", False),
        ("wala", False),
        ("wala pong buntis", False),
        ("hindi ko alam", None),
        ("siguro", None),
    ],
)
def test_yes_no(answer: str, meaning: bool | None) -> None:
    assert parse_yes_no(answer, LANG) is meaning


@pytest.mark.parametrize("answer", ["hindi ko alam", "Di ko alam", "ewan ko", "hindi ko po alam"])
def test_dont_know(answer: str) -> None:
    assert is_dont_know(answer, LANG)


@pytest.mark.parametrize("answer", ["laktawan", "laktawan po", "susunod", "skip po"])
def test_skip(answer: str) -> None:
    assert is_skip(answer, LANG)


@pytest.mark.parametrize("answer", ["wala", "oo", "1200"])
def test_real_answers_are_neither_skip_nor_dont_know(answer: str) -> None:
    assert not is_skip(answer, LANG) and not is_dont_know(answer, LANG)
