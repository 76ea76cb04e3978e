"""Korean answers: numbers touch their units (40살, 1200달러), Sino-Korean numerals (천이백)."""

from __future__ import annotations

import pytest

from bot.parsing import is_dont_know, is_skip, parse_ages, parse_money_per_month, parse_yes_no

LANG = "ko"
WEEKLY = 52 / 12
EVERY_TWO_WEEKS = 26 / 12


@pytest.mark.parametrize(
    ("answer", "ages"),
    [
        pytest.param("저 40살, 아이들 10살 8살", [40, 10, 8], id="me-and-kids"),
        pytest.param("저는 35세, 남편 37세, 딸 5살", [35, 37, 5], id="se-and-sal"),
        pytest.param("아기 8개월, 저 28살", [0, 28], id="baby-months"),
        pytest.param("아이 2명, 5살 3살", [5, 3], id="count-then-ages"),
        pytest.param("저 혼자, 67세", [67], id="just-me"),
        pytest.param("저 40살이고 아이들은 10살, 8살이에요", [40, 10, 8], id="sentence"),
        pytest.param("저 마흔 살", [40], id="native-number"),
    ],
)
def test_ages(answer: str, ages: list[int]) -> None:
    assert parse_ages(answer, LANG) == ages


@pytest.mark.parametrize("answer", ["저 혼자", "아이 3명", "모르겠어요"])
def test_answers_without_ages_are_none(answer: str) -> None:
    assert parse_ages(answer, LANG) is None


@pytest.mark.parametrize(
    ("answer", "per_month"),
    [
        pytest.param("천이백", 1200, id="sino-korean"),
        pytest.param("천이백 달러요", 1200, id="sino-korean-dollars"),
        pytest.param("1200달러", 1200, id="dallar"),
        pytest.param("한 달에 1200", 1200, id="per-month-first"),
        pytest.param("월 이천 달러", 2000, id="wol"),
        pytest.param("2주마다 500", 500 * EVERY_TWO_WEEKS, id="every-two-weeks"),
        pytest.param("매주 300달러", 300 * WEEKLY, id="weekly"),
        pytest.param("시급 15달러, 주 20시간", 15 * 20 * WEEKLY, id="hourly"),
        pytest.param("없어요", 0, id="none"),
        pytest.param("수입이 없어요", 0, id="no-income"),
    ],
)
def test_money(answer: str, per_month: float) -> None:
    assert parse_money_per_month(answer, LANG) == pytest.approx(per_month)


@pytest.mark.parametrize("answer", ["시급 15달러", "많아요", "모르겠어요"])
def test_answers_without_an_amount_are_none(answer: str) -> None:
    assert parse_money_per_month(answer, LANG) is None


@pytest.mark.parametrize(
    ("answer", "meaning"),
    [
        ("네", True),
        ("예", True),
        ("응", True),
        ("있어요", True),
        ("네, 있어요", True),
        ("ㅇㅇ", True),
        ("아니요", False),
        ("아뇨", False),
        ("없어요", False),
        ("아니요 없어요", False),
        ("모르겠어요", None),
        ("글쎄요", None),
    ],
)
def test_yes_no(answer: str, meaning: bool | None) -> None:
    assert parse_yes_no(answer, LANG) is meaning


@pytest.mark.parametrize("answer", ["모르겠어요", "잘 모르겠습니다", "몰라요", "모름"])
def test_dont_know(answer: str) -> None:
    assert is_dont_know(answer, LANG)


@pytest.mark.parametrize("answer", ["건너뛰기", "건너뛸게요", "건너뛰어 주세요", "패스"])
def test_skip(answer: str) -> None:
    assert is_skip(answer, LANG)


@pytest.mark.parametrize("answer", ["없어요", "네", "1200", "아이들"])
def test_real_answers_are_neither_skip_nor_dont_know(answer: str) -> None:
    assert not is_skip(answer, LANG) and not is_dont_know(answer, LANG)
