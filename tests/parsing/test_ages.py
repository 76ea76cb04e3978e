"""Household ages read from the way people answer "How old is everyone in your home?"."""

from __future__ import annotations

import pytest

from bot.parsing import parse_ages


@pytest.mark.parametrize(
    ("answer", "ages"),
    [
        pytest.param("34, 32, 6 and 1", [34, 32, 6, 1], id="comma-list"),
        pytest.param("just me, 67", [67], id="just-me-with-age"),
        pytest.param("me 40 and my 3 kids 10, 8 and 2", [40, 10, 8, 2], id="count-then-ages"),
        pytest.param("me (29) and my baby 8 months", [29, 0], id="baby-in-months"),
        pytest.param("thirty four and six", [34, 6], id="words"),
        pytest.param("34 32 6", [34, 32, 6], id="spaces-only"),
        pytest.param("I'm 45, my wife 43, son 17", [45, 43, 17], id="labelled"),
        pytest.param("newborn", [0], id="newborn"),
        pytest.param("twins, 3", [3, 3], id="twins-repeat"),
        pytest.param("2 kids both 5", [5, 5], id="both-repeat"),
        pytest.param("2 kids each 5", [5, 5], id="each-repeat"),
        pytest.param("3 kids ages 4, 6 and 9", [4, 6, 9], id="count-with-listed-ages"),
        pytest.param("me 30 and twins aged 4", [30, 4, 4], id="me-and-twins"),
        pytest.param("I have 2 kids. I'm 30, they're 5 and 7", [30, 5, 7], id="count-apart"),
        pytest.param("34/32/6", [34, 32, 6], id="slashes"),
        pytest.param("40yo, 38yo", [40, 38], id="yo-suffix"),
        pytest.param("mom 52, me 19, brother 15", [52, 19, 15], id="grown-child"),
        pytest.param("me 25 and a newborn", [25, 0], id="me-and-newborn"),
        pytest.param("28 and 18 months", [28, 1], id="eighteen-months-is-one"),
        pytest.param("me 30 and my 6-year-old", [30, 6], id="year-old-hyphens"),
        pytest.param("family of 4: 40, 38, 10, 8", [40, 38, 10, 8], id="family-of"),
        pytest.param("4 of us: 40, 38, 10, 8", [40, 38, 10, 8], id="n-of-us"),
        pytest.param("me 33, baby 3 wks", [33, 0], id="weeks-sms"),
        pytest.param("me 30 baby 8mo", [30, 0], id="mo-suffix"),
        pytest.param("i am 61 and my husband is 64", [61, 64], id="sentence"),
        pytest.param("2 little girls 4 and 6, me 28", [4, 6, 28], id="adjective-before-noun"),
        pytest.param("Me: 34. Husband: 36. Kids: 8, 5", [34, 36, 8, 5], id="form-style"),
        pytest.param("my son is 2 and a half, me 22", [2, 22], id="half-year-dropped"),
        pytest.param("77", [77], id="one-number"),
        pytest.param("me 30 and baby due in 2 months", [30], id="unborn-not-counted"),
        pytest.param("ME FORTY, KIDS TEN AND TWELVE", [40, 10, 12], id="shouting-words"),
    ],
)
def test_ages_are_read_from_everyday_answers(answer: str, ages: list[int]) -> None:
    assert parse_ages(answer) == ages


@pytest.mark.parametrize(
    "answer",
    [
        pytest.param("just me", id="just-me-without-age"),
        pytest.param("2 adults 3 kids", id="counts-without-ages"),
        pytest.param("me and my 2 kids", id="count-without-ages"),
        pytest.param("3 kids", id="count-alone"),
        pytest.param("me 40 and 3 kids 10 and 8", id="count-and-listed-ages-disagree"),
        pytest.param("me 200", id="older-than-anyone"),
        pytest.param("born in 1985", id="birth-year"),
        pytest.param("hi", id="no-number"),
        pytest.param("", id="empty"),
    ],
)
def test_answers_without_plausible_ages_are_none(answer: str) -> None:
    assert parse_ages(answer) is None


def test_spanish_answer_with_count_reads_like_english() -> None:
    assert parse_ages("yo 40 y mis 3 hijos de 10, 8 y 2", lang="es") == [40, 10, 8, 2]


def test_spanish_number_words_are_read() -> None:
    assert parse_ages("yo cuarenta y mis tres hijos de diez, ocho y dos", lang="es") == [
        40,
        10,
        8,
        2,
    ]


def test_unknown_language_reads_english() -> None:
    assert parse_ages("thirty four and six", lang="xx") == [34, 6]
