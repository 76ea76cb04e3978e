"""Vietnamese answers, with tones or without them (as typed on many phones)."""

from __future__ import annotations

import pytest

from bot.parsing import is_dont_know, is_skip, parse_ages, parse_money_per_month, parse_yes_no

LANG = "vi"
WEEKLY = 52 / 12
EVERY_TWO_WEEKS = 26 / 12


@pytest.mark.parametrize(
    ("answer", "ages"),
    [
        pytest.param("tôi 40 tuổi, con 10 và 8 tuổi", [40, 10, 8], id="me-and-kids"),
        pytest.param("toi 40 tuoi, con 10 va 8 tuoi", [40, 10, 8], id="without-tones"),
        pytest.param(
            "vợ chồng tôi 35 và 37, 2 đứa con 5 và 3 tuổi", [35, 37, 5, 3], id="count-then-ages"
        ),
        pytest.param("chỉ có tôi, 67 tuổi", [67], id="just-me"),
        pytest.param("tôi 28, em bé 8 tháng", [28, 0], id="baby-months"),
        pytest.param("tôi bốn mươi tuổi, con mười lăm", [40, 15], id="number-words"),
    ],
)
def test_ages(answer: str, ages: list[int]) -> None:
    assert parse_ages(answer, LANG) == ages


@pytest.mark.parametrize("answer", ["chỉ có tôi", "3 đứa con", "không biết"])
def test_answers_without_ages_are_none(answer: str) -> None:
    assert parse_ages(answer, LANG) is None


@pytest.mark.parametrize(
    ("answer", "per_month"),
    [
        pytest.param("1 nghìn 2", 1200, id="nghin-short-tail"),
        pytest.param("một nghìn hai trăm", 1200, id="words"),
        pytest.param("1 ngàn rưỡi", 1500, id="ngan-ruoi"),
        pytest.param("1200 đô", 1200, id="do"),
        pytest.param("1.200 đô", 1200, id="dot-thousands"),
        pytest.param("hai nghìn đô một tháng", 2000, id="words-per-month"),
        pytest.param("mỗi tuần 300", 300 * WEEKLY, id="period-first"),
        pytest.param("500 đô mỗi hai tuần", 500 * EVERY_TWO_WEEKS, id="every-two-weeks"),
        pytest.param("15 đô một giờ, 20 giờ một tuần", 15 * 20 * WEEKLY, id="hourly"),
        pytest.param("không có", 0, id="khong-co"),
        pytest.param("khong co", 0, id="khong-co-without-tones"),
        pytest.param("không", 0, id="khong"),
    ],
)
def test_money(answer: str, per_month: float) -> None:
    assert parse_money_per_month(answer, LANG) == pytest.approx(per_month)


@pytest.mark.parametrize("answer", ["15 đô một giờ", "nhiều", "không biết"])
def test_answers_without_an_amount_are_none(answer: str) -> None:
    assert parse_money_per_month(answer, LANG) is None


@pytest.mark.parametrize(
    ("answer", "meaning"),
    [
        ("có", True),
        ("co", True),
        ("Có, vợ tôi đang mang thai", True),
        ("đúng", True),
        ("dạ có", True),
        ("vâng", True),
        ("vợ tôi có", True),
        ("không", False),
        ("khong", False),
        ("ko", False),
        ("dạ không", False),
        ("không có ai", False),
        ("không biết", None),
        ("có lẽ không", None),
    ],
)
def test_yes_no(answer: str, meaning: bool | None) -> None:
    assert parse_yes_no(answer, LANG) is meaning


@pytest.mark.parametrize("answer", ["không biết", "khong biet", "ko biết", "tôi không rõ"])
def test_dont_know(answer: str) -> None:
    assert is_dont_know(answer, LANG)


@pytest.mark.parametrize("answer", ["bỏ qua", "bo qua", "bỏ qua nhé", "câu tiếp"])
def test_skip(answer: str) -> None:
    assert is_skip(answer, LANG)


@pytest.mark.parametrize("answer", ["không", "có", "1200"])
def test_real_answers_are_neither_skip_nor_dont_know(answer: str) -> None:
    assert not is_skip(answer, LANG) and not is_dont_know(answer, LANG)
