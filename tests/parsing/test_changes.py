"""What a what-if message says would change, in each language: the kind, and any amount or age."""

from __future__ import annotations

import pytest

from bot.parsing.changes import BABY, INCOME, MARRIED, MOVES_IN, MOVES_OUT, Change, parse_change

HOURS_20_AT_16 = 16 * 20 * 52 / 12  # $16 an hour, 20 hours a week, per month


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("what if I earn $800 more a month", "en", Change(INCOME, income_change=800, earned=True)),
        ("what if I earn 500 more a month", "en", Change(INCOME, income_change=500, earned=True)),
        ("what if I get $50 more a month", "en", Change(INCOME, income_change=50)),
        (
            "what if my hours go down by 400 a month",
            "en",
            Change(INCOME, income_change=-400, earned=True),
        ),
        ("what if I make 3000 a month", "en", Change(INCOME, income=3000)),
        ("what if I have no income", "en", Change(INCOME, income=0)),
        ("y si gano 500 más al mes", "es", Change(INCOME, income_change=500, earned=True)),
        ("y si gano 300 menos al mes", "es", Change(INCOME, income_change=-300, earned=True)),
        ("如果我每月多赚500呢", "zh", Change(INCOME, income_change=500)),
        ("nếu tôi kiếm thêm 500 một tháng thì sao", "vi", Change(INCOME, income_change=500)),
        ("paano kung dagdag 500 kada buwan ang kita ko", "tl", Change(INCOME, income_change=500)),
        ("한 달에 500 더 벌면요?", "ko", Change(INCOME, income_change=500)),
    ],
)
def test_an_amount_with_more_or_less_is_a_change_and_without_is_the_new_total(
    text: str, lang: str, expected: Change
) -> None:
    assert parse_change(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("what if I start working 20 hours a week at $16", "en"),
        ("y si empiezo a trabajar 20 horas a la semana a $16", "es"),
        ("what if I start working 20 hours a week at $16 an hour", "en"),
    ],
)
def test_hours_a_week_at_a_dollar_rate_is_new_pay_from_work(text: str, lang: str) -> None:
    change = parse_change(text, lang)
    assert change.kind == INCOME and change.earned
    assert change.income_change == pytest.approx(HOURS_20_AT_16)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("what if I start working 20 hours a week", "en"),
        ("what if I lose my job", "en"),
        ("y si me suben el sueldo", "es"),
        ("如果我开始每周工作20小时呢", "zh"),
        ("nếu tôi được tăng lương thì sao", "vi"),
        ("paano kung tumaas sweldo ko", "tl"),
        ("월급 오르면 어떻게 돼요?", "ko"),
    ],
)
def test_an_income_change_without_an_amount_leaves_the_amount_to_ask(text: str, lang: str) -> None:
    change = parse_change(text, lang)
    assert change.kind == INCOME
    assert change.income is None and change.income_change is None


@pytest.mark.parametrize(
    ("text", "lang", "kind", "age"),
    [
        ("what if my mom, 70, moves in", "en", MOVES_IN, 70),
        ("what if my mother moves in", "en", MOVES_IN, None),
        ("what if my son moves out", "en", MOVES_OUT, None),
        ("what if my son, 19, moves out", "en", MOVES_OUT, 19),
        ("what if I marry someone who is 40", "en", MARRIED, 40),
        ("y si mi mamá de 70 años se viene a vivir con nosotros", "es", MOVES_IN, 70),
        ("y si mi mamá se va a vivir con nosotros", "es", MOVES_IN, None),
        ("y si mi hijo se va de la casa", "es", MOVES_OUT, None),
        ("y si me caso", "es", MARRIED, None),
        ("如果我妈70岁搬来住呢", "zh", MOVES_IN, 70),
        ("如果我儿子搬出去呢", "zh", MOVES_OUT, None),
        ("如果我結婚會點樣", "zh", MARRIED, None),
        ("nếu mẹ tôi 70 tuổi dọn về ở chung thì sao", "vi", MOVES_IN, 70),
        ("nếu con tôi dọn ra ở riêng thì sao", "vi", MOVES_OUT, None),
        ("nếu tôi lấy chồng thì sao", "vi", MARRIED, None),
        ("paano kung tumira dito nanay ko, 70", "tl", MOVES_IN, 70),
        ("paano kung umalis anak ko sa bahay", "tl", MOVES_OUT, None),
        ("paano kung mag-asawa ako", "tl", MARRIED, None),
        ("엄마가 70살인데 같이 살게 되면요?", "ko", MOVES_IN, 70),
        ("아들이 이사 나가면요?", "ko", MOVES_OUT, None),
        ("결혼하면 어떻게 돼요", "ko", MARRIED, None),
    ],
)
def test_people_changes_keep_the_age_when_the_message_gives_one(
    text: str, lang: str, kind: str, age: int | None
) -> None:
    assert parse_change(text, lang) == Change(kind, age=age)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("what if I have a baby", "en"),
        ("y si tengo un bebé", "es"),
        ("如果我生了宝宝会怎样", "zh"),
        ("nếu tôi sinh em bé thì sao", "vi"),
        ("paano kung manganak ako", "tl"),
        ("아기 낳으면요?", "ko"),
    ],
)
def test_a_baby_needs_no_numbers(text: str, lang: str) -> None:
    assert parse_change(text, lang) == Change(BABY)


@pytest.mark.parametrize(
    ("payload", "kind"),
    [
        ('/what_if{"what_if_change": "income"}', INCOME),
        ('/what_if{"what_if_change": "moves_out"}', MOVES_OUT),
        ('/what_if{"what_if_change": "lottery"}', None),
    ],
)
def test_a_button_names_the_kind(payload: str, kind: str | None) -> None:
    assert parse_change(payload, "ko").kind == kind


@pytest.mark.parametrize("text", ["what if my rent goes up", "what if", "/what_if", ""])
def test_a_change_the_screener_does_not_model_has_no_kind(text: str) -> None:
    assert parse_change(text, "en").kind is None
