"""Income and rent read from free text and turned into dollars per month."""

from __future__ import annotations

import pytest

from bot.parsing import parse_money_per_month

WEEKLY = 52 / 12
EVERY_TWO_WEEKS = 26 / 12


@pytest.mark.parametrize(
    ("answer", "per_month"),
    [
        pytest.param("1,200", 1200, id="thousands-comma"),
        pytest.param("$1200", 1200, id="dollar-sign"),
        pytest.param("1200 a month", 1200, id="a-month"),
        pytest.param("900", 900, id="bare-rent"),
        pytest.param("$1,234.56", 1234.56, id="cents"),
        pytest.param("1200$", 1200, id="dollar-sign-after"),
        pytest.param("1200 dollars a month", 1200, id="dollars-word"),
        pytest.param("$2000/mo", 2000, id="slash-mo"),
        pytest.param("1200 a mnth", 1200, id="typo-mnth"),
        pytest.param("I make 1500 monthly", 1500, id="monthly-sentence"),
        pytest.param("SSI 943", 943, id="label-before-amount"),
        pytest.param("$15 an hour, 20 hours a week", 15 * 20 * WEEKLY, id="hourly-with-hours"),
        pytest.param("15/hr 40 hrs", 15 * 40 * WEEKLY, id="hourly-sms"),
        pytest.param("$15 per hr, 20 hrs a week", 15 * 20 * WEEKLY, id="per-hr"),
        pytest.param("I work 20 hours a week at $15 an hour", 15 * 20 * WEEKLY, id="hours-first"),
        pytest.param("$12.50/hr 32 hrs/wk", 12.5 * 32 * WEEKLY, id="hourly-cents-slashes"),
        pytest.param("$20/hr 40 hour week", 20 * 40 * WEEKLY, id="hour-week"),
        pytest.param("15hr 30hrs", 15 * 30 * WEEKLY, id="hr-glued"),
        pytest.param("$100 a day, 5 days a week", 100 * 5 * WEEKLY, id="daily-rate"),
        pytest.param("500 every two weeks", 500 * EVERY_TWO_WEEKS, id="every-two-weeks"),
        pytest.param("500 biweekly", 500 * EVERY_TWO_WEEKS, id="biweekly"),
        pytest.param("500 evry 2 weeks", 500 * EVERY_TWO_WEEKS, id="typo-evry"),
        pytest.param("500 bi weekly", 500 * EVERY_TWO_WEEKS, id="bi-space-weekly"),
        pytest.param("bi-weekly 800", 800 * EVERY_TWO_WEEKS, id="period-first"),
        pytest.param("I get paid every two weeks, 500", 500 * EVERY_TWO_WEEKS, id="period-earlier"),
        pytest.param("300 a week", 300 * WEEKLY, id="a-week"),
        pytest.param("300 weekly", 300 * WEEKLY, id="weekly"),
        pytest.param("600 twice a month", 1200, id="twice-a-month"),
        pytest.param("2x a month 700", 1400, id="2x-a-month"),
        pytest.param("36k a year", 3000, id="k-a-year"),
        pytest.param("36,000 per year", 3000, id="per-year"),
        pytest.param("36000 annually", 3000, id="annually"),
        pytest.param("50000 a yr", 50000 / 12, id="a-yr"),
        pytest.param("1.5k", 1500, id="decimal-k"),
        pytest.param("about 2k a month", 2000, id="about-k"),
        pytest.param("2 grand", 2000, id="grand"),
        pytest.param("twelve hundred", 1200, id="twelve-hundred"),
        pytest.param("one thousand two hundred", 1200, id="thousand-two-hundred"),
        pytest.param("two thousand", 2000, id="two-thousand"),
        pytest.param("about 2000", 2000, id="about"),
        pytest.param("around $2,000", 2000, id="around-dollars"),
        pytest.param("~2000", 2000, id="tilde"),
        pytest.param("1200 from my job and 400 ssi", 1600, id="two-sources"),
        pytest.param("i get 1000 ss and my son gives me 200", 1200, id="two-sources-sentence"),
        pytest.param("i have 2 jobs, 800 and 600", 1400, id="count-of-jobs-not-money"),
        pytest.param(
            "1200 a month plus 100 a week", 1200 + 100 * WEEKLY, id="mixed-periods-converted"
        ),
        pytest.param("500 and 300 every 2 weeks", 800 * EVERY_TWO_WEEKS, id="list-shares-period"),
        pytest.param("1200-1500", 1350, id="range-hyphen"),
        pytest.param("between 1200 and 1500", 1350, id="range-between"),
    ],
)
def test_amounts_are_converted_to_dollars_per_month(answer: str, per_month: float) -> None:
    assert parse_money_per_month(answer) == pytest.approx(per_month)


@pytest.mark.parametrize(
    "answer",
    ["none", "nothing", "zero", "no income", "$0", "0", "No", "nada", "I dont have any"],
)
def test_no_income_is_zero(answer: str) -> None:
    assert parse_money_per_month(answer) == 0.0


@pytest.mark.parametrize(
    "answer",
    [
        pytest.param("idk", id="dont-know"),
        pytest.param("a lot", id="no-amount"),
        pytest.param("not sure", id="not-sure"),
        pytest.param("$15 an hour", id="hourly-without-hours"),
        pytest.param("", id="empty"),
    ],
)
def test_answers_without_an_amount_are_none(answer: str) -> None:
    assert parse_money_per_month(answer) is None


@pytest.mark.parametrize(
    ("answer", "per_month"),
    [
        pytest.param("mil doscientos", 1200, id="mil-doscientos"),
        pytest.param("500 cada dos semanas", 500 * EVERY_TWO_WEEKS, id="cada-dos-semanas"),
        pytest.param("1200 al mes", 1200, id="al-mes"),
        pytest.param("15 la hora, 20 horas a la semana", 15 * 20 * WEEKLY, id="por-hora"),
        pytest.param("nada", 0, id="nada"),
    ],
)
def test_spanish_amounts(answer: str, per_month: float) -> None:
    assert parse_money_per_month(answer, lang="es") == pytest.approx(per_month)
