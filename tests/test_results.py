"""A screening as the messages a person reads."""

from __future__ import annotations

from datetime import date

from bot.eligibility import screen
from bot.eligibility.model import ProgramResult, Screening
from bot.results import compose

ON = date(2026, 11, 24)


def household(**overrides: object) -> dict[str, object]:
    base: dict[str, object] = {
        "state": "CA", "zip_code": "94110", "county": "San Francisco County",
        "member_ages": [34, 6], "pregnant": False, "disability": False,
        "monthly_income": 2100, "earned_income": True, "housing_cost": 1200,
    }
    return {**base, **overrides}


def ids(messages: list[tuple[str, dict[str, object]]]) -> list[str]:
    return [message_id for message_id, _ in messages]


def test_every_result_starts_by_saying_the_county_decides_and_ends_with_a_next_step() -> None:
    messages = compose(screen(household(), on=ON), household())
    assert messages[0] == ("result_intro", {})
    assert messages[-2] == ("next_apply_county", {"county": "San Francisco County"})
    assert messages[-1][0] == "result_also"  # other programs, with 211 to ask about them


def test_calfresh_amount_is_a_range() -> None:
    messages = compose(screen(household(), on=ON), household())
    assert ("result_calfresh_likely", {"low_usd": 263, "high_usd": 353}) in messages


def test_a_parent_over_the_adult_limit_hears_that_the_children_may_be_covered() -> None:
    family = household(member_ages=[35, 8, 4], monthly_income=4800)
    assert ids(compose(screen(family, on=ON), family))[1:3] == [
        "result_calfresh_unlikely", "result_medi_cal_likely_children"
    ]


def test_nobody_matching_is_pointed_to_211() -> None:
    single = household(member_ages=[30], monthly_income=5000, county=None)
    assert ids(compose(screen(single, on=ON), single))[-1] == "next_no_match"


def test_the_senior_path_always_carries_its_caveat() -> None:
    senior = household(member_ages=[67], monthly_income=1100, earned_income=False)
    assert "result_medi_cal_likely_seniors" in ids(compose(screen(senior, on=ON), senior))


def test_adults_who_may_face_work_rules_are_told() -> None:
    result = Screening(
        on=ON,
        programs={"calfresh": ProgramResult(
            status="likely", monthly_amount=(100, 150), reasons=("work_rules_may_apply",))},
    )
    assert ids(compose(result, household(county=None))) == [
        "result_intro", "result_calfresh_likely", "result_calfresh_work_rules", "next_apply"
    ]


def test_every_composed_message_exists_in_the_catalog() -> None:
    from bot.i18n import render

    for ages, income in [([34, 6], 2100), ([30], 0), ([67], 1100), ([25], None)]:
        case = household(member_ages=ages, monthly_income=income, pregnant=ages == [25])
        for message_id, args in compose(screen(case, on=ON), case):
            assert render(message_id, "en", args).text


def test_a_home_with_a_baby_hears_about_wic_and_how_to_sign_up() -> None:
    family = household(member_ages=[30, 0], monthly_income=2100)
    messages = ids(compose(screen(family, on=ON), family))
    assert "result_wic_likely_children" in messages
    assert messages[-3:] == ["next_apply_county", "next_apply_wic", "result_also"]


def test_a_pregnancy_with_young_children_names_both_for_wic() -> None:
    family = household(member_ages=[28, 3], pregnant=True)
    assert "result_wic_likely_family" in ids(compose(screen(family, on=ON), family))
    expecting = household(member_ages=[28], pregnant=True)
    assert "result_wic_likely_pregnant" in ids(compose(screen(expecting, on=ON), expecting))


def test_no_pregnancy_baby_or_child_under_5_means_no_wic_message() -> None:
    messages = ids(compose(screen(household(), on=ON), household()))
    assert not [m for m in messages if "wic" in m]


def test_wic_over_income_gets_a_gentle_note_and_no_sign_up_step() -> None:
    # A parent and a 2-year-old with $6,000 a month: over the 2026-27 WIC chart for 2 and over
    # Medi-Cal's 266% children's limit and CalFresh's limit, so no adjunctive path.
    family = household(member_ages=[30, 2], monthly_income=6000)
    messages = ids(compose(screen(family, on=ON), family))
    assert "result_wic_unlikely_income" in messages
    assert "next_apply_wic" not in messages


def test_other_programs_that_may_fit_are_named_in_one_line() -> None:
    # A parent and a 6-year-old with $2,100 earned: the child eats free at school and gets SUN
    # Bucks (through CalFresh); LifeLine, CARE and the tax credits may fit too (CalWORKs not:
    # $2,100 is over the MBSAC for two).
    messages = compose(screen(household(), on=ON), household())
    assert messages[-1] == (
        "result_also",
        {
            "programs_list": [
                "program_school_meals", "program_sun_bucks", "program_lifeline",
                "program_care", "program_tax_credits",
            ]
        },
    )


def test_covered_california_is_not_named_twice_when_medi_cal_may_not_fit() -> None:
    single = household(member_ages=[30], monthly_income=3000, county=None)
    messages = compose(screen(single, on=ON), single)
    assert "result_medi_cal_unlikely" in ids(messages)
    also = [args for message_id, args in messages if message_id == "result_also"]
    assert all("program_covered_california" not in args["programs_list"] for args in also)


def test_the_other_programs_are_joined_the_way_each_language_joins_a_list() -> None:
    from bot.i18n import render

    args = {"programs_list": ["program_school_meals", "program_sun_bucks", "program_care"]}
    assert render("result_also", "en", args).text == (
        "You may also qualify for free school meals, SUN Bucks, and CARE. Ask 211 about them."
    )
    assert "comidas escolares gratis, SUN Bucks y CARE" in render("result_also", "es", args).text
    assert "免费学校餐、SUN Bucks和CARE" in render("result_also", "zh", args).text


def test_an_adult_child_at_home_may_qualify_for_medi_cal_on_their_own_income() -> None:
    # $4,000 a month for two adults is over 138% on the home's combined income, but the
    # 20-year-old may be their own Medi-Cal household (the income may be the parent's).
    family = household(member_ages=[40, 20], monthly_income=4000)
    messages = ids(compose(screen(family, on=ON), family))
    assert "result_medi_cal_possible_own_income" in messages
    assert "result_medi_cal_likely_everyone" not in messages
