"""New programs after WIC: their parameter files exist and every code they use is listed."""

from __future__ import annotations

from datetime import date

from bot.eligibility import NEXT_STEP_KEYS, REASON_CODES, screen
from bot.eligibility.parameters import load_all


def test_the_tree_holds_the_files_the_new_rules_read() -> None:
    expected = {
        "states/ca/cde/school_meals/ages",
        "us/usda/school_meals/fpl_vintage",
        "us/usda/school_meals/income_limits",
        "us/usda/summer_ebt/benefit",
        "states/ca/cdss/sun_bucks/ages",
        "states/ca/cdss/sun_bucks/summer",
        "states/ca/cdss/calworks/maximum_aid_payment",
        "states/ca/cdss/calworks/mbsac",
        "states/ca/cdss/calworks/income_disregards",
        "states/ca/cdss/calworks/region_1_counties",
        "states/ca/cdss/calworks/ages",
        "states/ca/cpuc/lifeline/income_limits",
        "states/ca/cpuc/care/fpl_vintage",
        "states/ca/cpuc/care/income_limits",
        "states/ca/cpuc/care/smallest_size",
        "states/ca/cpuc/care/fera_household_size",
    }
    assert expected <= set(load_all())


def test_every_code_the_new_programs_use_is_listed_and_only_sun_bucks_has_a_summer_amount() -> None:
    new = ("school_meals", "sun_bucks", "calworks", "lifeline", "care", "fera")
    for ages in ([30], [30, 4], [30, 6, 12], [25, 70], [19, 0, 17]):
        for income in (None, 0, 1500, 3500, 6000, 12000):
            for county in (None, "Alameda County", "Kern County"):
                for pregnant in (False, True):
                    household = {
                        "member_ages": ages,
                        "monthly_income": income,
                        "county": county,
                        "pregnant": pregnant,
                    }
                    programs = screen(household, on=date(2026, 11, 24)).programs
                    for name in new:
                        result = programs[name]
                        assert set(result.reasons) <= set(REASON_CODES), (name, household)
                        assert set(result.next_steps) <= set(NEXT_STEP_KEYS), (name, household)
                        assert (result.amount_period is not None) == (
                            name == "sun_bucks" and result.status == "likely"
                        )
