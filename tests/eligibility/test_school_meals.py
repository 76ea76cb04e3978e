"""School meals: California Universal Meals, free for every public-school pupil."""

from __future__ import annotations

from datetime import date

import pytest

from bot.eligibility import school_meals, screen
from bot.eligibility.model import Household

ON = date(2026, 11, 24)


def meals(*ages: int, on: date = ON) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    household = Household.from_dict({"member_ages": list(ages), "monthly_income": 9000})
    result = school_meals.screen(household, on)
    return result.status, result.reasons, result.next_steps


def test_a_family_with_a_six_year_old_gets_free_meals_whatever_it_earns() -> None:
    # $25,000 a month: far over every income limit, but the meals are universal.
    result = screen({"member_ages": [40, 6], "monthly_income": 25000}, on=ON).programs
    assert result["school_meals"].status == "likely"
    assert result["school_meals"].reasons == ("universal_school_meals",)
    assert result["school_meals"].next_steps == ("school_meals_at_school",)


@pytest.mark.parametrize(
    ("age", "status"),
    [
        (3, "unlikely"),  # preschool age
        (4, "possible"),  # transitional kindergarten, if enrolled
        (5, "likely"),  # kindergarten: the first school-age year
        (18, "likely"),  # the last school-age year (grade 12)
        (19, "unlikely"),  # one year over
    ],
)
def test_school_age_is_five_through_eighteen_with_four_as_maybe_tk(age: int, status: str) -> None:
    assert meals(35, age)[0] == status


def test_a_four_year_old_is_possible_because_tk_is_not_preschool() -> None:
    status, reasons, steps = meals(30, 4)
    assert status == "possible"
    assert reasons == ("universal_school_meals", "school_meals_if_in_transitional_kindergarten")
    assert steps == ("school_meals_at_school",)


def test_adults_only_is_not_shown_as_a_no_and_has_no_next_step() -> None:
    status, reasons, steps = meals(30, 62)
    assert (status, reasons, steps) == ("unlikely", ("no_school_age_member",), ())


def test_school_age_members_are_counted() -> None:
    household = Household.from_dict({"member_ages": [40, 4, 5, 11, 18, 19], "monthly_income": 0})
    assert school_meals.school_age_members(household, ON) == 3
