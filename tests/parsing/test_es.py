"""Spanish answers, as people type them on a phone (accents often left out)."""

from __future__ import annotations

import pytest

from bot.parsing import is_dont_know, is_skip, parse_ages, parse_money_per_month, parse_yes_no

LANG = "es"
WEEKLY = 52 / 12
EVERY_TWO_WEEKS = 26 / 12


@pytest.mark.parametrize(
    ("answer", "ages"),
    [
        pytest.param("yo 40 y mis 3 hijos de 10, 8 y 2", [40, 10, 8, 2], id="contract-example"),
        pytest.param("solo yo, 67", [67], id="solo-yo"),
        pytest.param("yo tengo 35 y mi esposo 37", [35, 37], id="sentence"),
        pytest.param("mi bebé de 8 meses y yo 22", [0, 22], id="baby-in-months"),
        pytest.param("tengo 2 hijos de 5 y 7 años, yo 30", [5, 7, 30], id="count-first"),
        pytest.param("yo 29 y gemelos de 3", [29, 3, 3], id="twins"),
        pytest.param("yo cuarenta y mi hija doce", [40, 12], id="words"),
    ],
)
def test_ages(answer: str, ages: list[int]) -> None:
    assert parse_ages(answer, LANG) == ages


@pytest.mark.parametrize("answer", ["solo yo", "3 hijos", "no sé"])
def test_answers_without_ages_are_none(answer: str) -> None:
    assert parse_ages(answer, LANG) is None


@pytest.mark.parametrize(
    ("answer", "per_month"),
    [
        pytest.param("mil doscientos", 1200, id="mil-doscientos"),
        pytest.param("1.200,50", 1200.50, id="dot-thousands-comma-decimals"),
        pytest.param("1.200", 1200, id="dot-thousands"),
        pytest.param("1,200", 1200, id="us-style-comma-thousands"),
        pytest.param("$1,200.50 al mes", 1200.50, id="us-style-cents"),
        pytest.param("500 cada dos semanas", 500 * EVERY_TWO_WEEKS, id="cada-dos-semanas"),
        pytest.param("15 la hora, 20 horas a la semana", 15 * 20 * WEEKLY, id="hourly"),
        pytest.param("$12.50 por hora, 30 horas por semana", 12.5 * 30 * WEEKLY, id="por-hora"),
        pytest.param("gano 300 a la semana", 300 * WEEKLY, id="a-la-semana"),
        pytest.param("600 cada quincena", 1200, id="quincena"),
        pytest.param("1200 dólares al mes", 1200, id="dolares-al-mes"),
        pytest.param("nada", 0, id="nada"),
        pytest.param("ninguno", 0, id="ninguno"),
        pytest.param("no tengo ingresos", 0, id="no-income"),
    ],
)
def test_money(answer: str, per_month: float) -> None:
    assert parse_money_per_month(answer, LANG) == pytest.approx(per_month)


@pytest.mark.parametrize("answer", ["15 la hora", "mucho", "no sé"])
def test_answers_without_an_amount_are_none(answer: str) -> None:
    assert parse_money_per_month(answer, LANG) is None


@pytest.mark.parametrize(
    ("answer", "meaning"),
    [
        ("sí", True),
        ("si", True),
        ("Sí, estoy embarazada", True),
        ("claro", True),
        ("claro que sí", True),
        ("no", False),
        ("nadie", False),
        ("No, nadie", False),
        ("ninguno", False),
        ("no sé", None),
        ("tal vez", None),
    ],
)
def test_yes_no(answer: str, meaning: bool | None) -> None:
    assert parse_yes_no(answer, LANG) is meaning


@pytest.mark.parametrize("answer", ["no sé", "No se", "no lo sé", "ni idea", "no estoy segura"])
def test_dont_know(answer: str) -> None:
    assert is_dont_know(answer, LANG)


@pytest.mark.parametrize("answer", ["saltar", "Saltar por favor", "siguiente", "omitir"])
def test_skip(answer: str) -> None:
    assert is_skip(answer, LANG)


@pytest.mark.parametrize("answer", ["no", "sí", "1200", "saltar la cuerda"])
def test_real_answers_are_neither_skip_nor_dont_know(answer: str) -> None:
    assert not is_skip(answer, LANG) and not is_dont_know(answer, LANG)
