"""The parameter files school meals, SUN Bucks, CalWORKs, LifeLine, CARE and FERA read exist."""

from __future__ import annotations

from bot.eligibility.parameters import load_all


def test_the_tree_holds_the_files_the_new_rules_read() -> None:
    expected = {
        "states/ca/cde/school_meals/ages",
        "us/usda/school_meals/fpl_vintage",
        "us/usda/school_meals/income_limits",
        "us/usda/summer_ebt/benefit",
        "states/ca/cdss/sun_bucks/ages",
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
