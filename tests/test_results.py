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
    assert messages[-1] == ("next_apply_county", {"county": "San Francisco County"})


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
    assert messages[-2:] == ["next_apply_county", "next_apply_wic"]


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
