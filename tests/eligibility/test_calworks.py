"""CalWORKs: the applicant test (MBSAC), the recipient test and grant (MAP), regions, dates."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bot.eligibility import calworks, screen
from bot.eligibility.model import Household, ProgramResult
from bot.eligibility.parameters import ParameterError
from tests.eligibility.conftest import published, size_rows

TABLES = published("cdss_calworks_map_mbsac.yaml")
ON = date(2026, 11, 24)


def calworks_alone(on: date = ON, **answers: Any) -> ProgramResult:
    data = {"member_ages": [30, 4, 7], "county": "Fresno County", "earned_income": True, **answers}
    return calworks.screen(Household.from_dict(data), on)


@pytest.mark.parametrize(
    ("on", "area", "size", "amount"),
    [
        (on, area, size, amount)
        for on, areas in TABLES["map"].items()
        for area, rows in areas.items()
        for size, amount in size_rows(rows)
    ],
)
def test_map_matches_the_cdss_chart(on: date, area: str, size: int, amount: int) -> None:
    assert calworks.maximum_aid_payment(area, size, on) == amount


@pytest.mark.parametrize(
    ("on", "area", "size", "amount"),
    [
        (on, area, size, amount)
        for on, areas in TABLES["mbsac"].items()
        for area, rows in areas.items()
        for size, amount in size_rows(rows)
    ],
)
def test_mbsac_matches_the_cdss_chart(on: date, area: str, size: int, amount: int) -> None:
    assert calworks.mbsac(area, size, on) == amount


@pytest.mark.parametrize("on", list(TABLES["mbsac"]))
def test_mbsac_over_ten_people_adds_the_each_additional_amount(on: date) -> None:
    rows = TABLES["mbsac"][on]["region_1"]
    assert calworks.mbsac("region_1", 12, on) == rows[10] + 2 * rows["additional"]
    # The MAP table's last row means "10 or more" (W&I 11450(a)(1)).
    assert calworks.maximum_aid_payment("region_1", 12, on) == 2876


@pytest.mark.parametrize(
    ("income", "status", "grant"),
    [
        # Region 2, three people, earned, 2026-11-24: MBSAC 1,859, MAP 1,115.
        # Applicant test: 2,309 - 450 = 1,859 <= 1,859. Grant: 1,115 - (2,309 - 600) / 2
        # = 1,115 - 854.50 = 260.50 -> 260.
        (2309, "likely", 260),
        # 2,310 - 450 = 1,860 > 1,859: over the MBSAC.
        (2310, "unlikely", None),
        # No income: the whole MAP.
        (0, "likely", 1115),
    ],
)
def test_family_of_three_in_region_2_at_the_limit_and_one_dollar_over(
    income: int, status: str, grant: int | None
) -> None:
    result = calworks_alone(monthly_income=income)
    assert result.status == status
    assert result.monthly_amount == (None if grant is None else (grant, grant))


@pytest.mark.parametrize(
    ("income", "status"),
    [
        # Unearned income counts in full against the Region 1 MAP of 1,175 (Los Angeles).
        (1174, "likely"),  # 1,175 - 1,174 = $1
        (1175, "unlikely"),  # net income must be under the MAP
    ],
)
def test_unearned_income_at_the_map_and_one_dollar_over(income: int, status: str) -> None:
    result = calworks_alone(monthly_income=income, county="Los Angeles", earned_income=False)
    assert result.status == status


def test_the_mbsac_rises_on_july_first() -> None:
    # $2,300 earned: 2,300 - 450 = 1,850, over the 2025-26 MBSAC (1,795), under 2026-27 (1,859).
    assert calworks_alone(date(2026, 6, 30), monthly_income=2300).status == "unlikely"
    after = calworks_alone(date(2026, 7, 1), monthly_income=2300)
    # 1,115 - (2,300 - 600) / 2 = 265.
    assert (after.status, after.monthly_amount) == ("likely", (265, 265))


def test_the_map_from_october_2025_is_carried_forward_and_says_so() -> None:
    before = calworks_alone(date(2025, 9, 30), monthly_income=0)
    after = calworks_alone(date(2025, 10, 1), monthly_income=0)
    assert before.monthly_amount == after.monthly_amount == (1115, 1115)
    assert "calworks_map_carried_forward" not in before.reasons
    assert "calworks_map_carried_forward" in after.reasons


def test_unknown_county_gives_a_range_from_region_2_to_region_1() -> None:
    # $1,000, earned unknown, county unknown, three people.
    # Low: Region 2, unearned: 1,115 - 1,000 = 115.
    # High: Region 1, earned: 1,175 - (1,000 - 600) / 2 = 975.
    result = calworks_alone(monthly_income=1000, county=None, earned_income=None)
    assert result.status == "likely"
    assert result.monthly_amount == (115, 975)
    assert "calworks_region_unknown" in result.reasons


def test_only_the_high_end_passing_is_possible() -> None:
    # $1,500 counted as unearned is over every MAP; as earnings, 1,175 - 450 = 725 in Region 1.
    result = calworks_alone(monthly_income=1500, county=None, earned_income=None)
    assert (result.status, result.monthly_amount) == ("possible", (0, 725))


@pytest.mark.parametrize(
    ("county", "area"),
    [
        ("San Francisco County", "region_1"),
        ("san francisco", "region_1"),
        ("Los Angeles County", "region_1"),
        ("Fresno County", "region_2"),
        (None, None),
    ],
)
def test_the_county_picks_the_region(county: str | None, area: str | None) -> None:
    household = Household.from_dict({"member_ages": [30, 2], "county": county, "monthly_income": 0})
    assert calworks.region(household, ON) == area


def test_a_pregnant_person_alone_may_get_the_map_for_one() -> None:
    result = calworks_alone(member_ages=[25], pregnant=True, monthly_income=0, county="Marin")
    assert result.status == "likely"
    assert result.reasons[0] == "calworks_pregnant"
    assert result.monthly_amount == (734, 734)


@pytest.mark.parametrize(("age", "status"), [(18, "likely"), (19, "unlikely")])
def test_a_child_is_under_nineteen(age: int, status: str) -> None:
    assert calworks_alone(member_ages=[45, age], monthly_income=0).status == status


def test_adults_without_children_are_not_a_calworks_family() -> None:
    result = calworks_alone(member_ages=[30, 31], monthly_income=0)
    assert (result.status, result.reasons) == ("unlikely", ("no_calworks_child",))
    assert result.next_steps == ("call_211",)


def test_every_answer_is_marked_approximate() -> None:
    for income in (0, 1000, 5000):
        assert "calworks_approximate" in calworks_alone(monthly_income=income).reasons


def test_unknown_income_needs_info() -> None:
    result = calworks_alone(monthly_income=None)
    assert (result.status, result.reasons) == ("needs_info", ("calworks_child", "income_unknown"))


def test_a_date_past_the_2026_27_mbsac_raises_instead_of_extrapolating() -> None:
    with pytest.raises(ParameterError, match="yearly update is missing"):
        calworks.mbsac("region_1", 3, date(2027, 7, 1))


def test_screen_reports_calworks_with_a_monthly_range() -> None:
    result = screen(
        {"member_ages": [30, 4, 7], "monthly_income": 0, "county": "Fresno County"}, on=ON
    ).programs["calworks"]
    assert (result.status, result.monthly_amount) == ("likely", (1115, 1115))
