"""A screening as the short messages a person reads: result per program, then next steps."""

from __future__ import annotations

from typing import Any

from bot.eligibility.model import ProgramResult, Screening

Message = tuple[str, dict[str, Any]]
# The programs applied for through BenefitsCal that the chat reports on (the engine may screen
# more). WIC is shown too, with its own next step: families sign up at a WIC office.
SHOWN_PROGRAMS = ("calfresh", "medi_cal")

# Which Medi-Cal reason names which people, in the order they are said.
MEDI_CAL_GROUP_MESSAGES = (
    ("pregnant_within_limit", "result_medi_cal_likely_pregnant"),
    ("pregnant_mcap", "result_medi_cal_likely_mcap"),
    ("senior_or_disabled_within_limit", "result_medi_cal_likely_seniors"),
)


# A possible Medi-Cal (the home is over on its combined income) says why it may still fit.
MEDI_CAL_POSSIBLE_MESSAGES = (
    ("may_qualify_on_own_income", "result_medi_cal_possible_own_income"),
    ("working_disabled_program_may_apply", "result_medi_cal_possible_working_disabled"),
    ("county_childrens_program_may_apply", "result_medi_cal_possible_county_children"),
)


def _amount_message(prefix: str, result: ProgramResult) -> Message:
    low, high = result.monthly_amount or (0, 0)
    if low == high:
        return f"{prefix}_single", {"low_usd": low}
    return prefix, {"low_usd": low, "high_usd": high}


def calfresh_messages(result: ProgramResult) -> list[Message]:
    """CalFresh: the amount as a range, or a kind "not a match right now"."""
    if result.status == "likely" and result.monthly_amount:
        messages = [_amount_message("result_calfresh_likely", result)]
    elif result.status == "possible" and result.monthly_amount:
        low, high = result.monthly_amount
        messages = [("result_calfresh_possible", {"low_usd": low, "high_usd": high})]
    elif result.status == "needs_info":
        messages = [("result_calfresh_needs_info", {})]
    else:
        messages = [("result_calfresh_unlikely", {})]
    if result.status in ("likely", "possible") and "work_rules_may_apply" in result.reasons:
        messages.append(("result_calfresh_work_rules", {}))
    return messages


def _covered_by(reasons: set[str], age: int) -> bool:
    if age <= 18:
        return "children_within_limit" in reasons
    if age <= 64:
        return "adults_within_limit" in reasons
    return "senior_or_disabled_within_limit" in reasons


def medi_cal_messages(result: ProgramResult, ages: list[int]) -> list[Message]:
    """Medi-Cal: who in the home may be covered."""
    if result.status == "needs_info":
        return [("result_medi_cal_needs_info", {})]
    if result.status == "possible":
        said: list[Message] = [
            (message, {}) for reason, message in MEDI_CAL_POSSIBLE_MESSAGES
            if reason in result.reasons
        ]
        return said or [("result_medi_cal_unlikely", {})]
    if result.status != "likely":
        return [("result_medi_cal_unlikely", {})]
    reasons = set(result.reasons)
    # The 65+/disability path is a rough check (savings count there): always say so.
    approximate = "senior_or_disabled_within_limit" in reasons
    if ages and not approximate and all(_covered_by(reasons, age) for age in ages):
        return [("result_medi_cal_likely_everyone", {})]
    messages: list[Message] = []
    if "children_within_limit" in reasons:
        messages.append(("result_medi_cal_likely_children", {}))
    if "adults_within_limit" in reasons:
        messages.append(("result_medi_cal_likely_adults", {}))
    messages += [(message, {}) for reason, message in MEDI_CAL_GROUP_MESSAGES if reason in reasons]
    return messages or [("result_medi_cal_likely_everyone", {})]


def wic_messages(result: ProgramResult) -> list[Message]:
    """WIC: who may get it; a gentle note when income is over the chart; nothing when nobody in
    the home is pregnant, a baby or a child under 5."""
    reasons = set(result.reasons)
    if result.status == "likely":
        pregnant = "wic_pregnant" in reasons
        children = bool({"wic_infant", "wic_child"} & reasons)
        if pregnant and children:
            return [("result_wic_likely_family", {})]
        if pregnant:
            return [("result_wic_likely_pregnant", {})]
        return [("result_wic_likely_children", {})]
    if result.status == "unlikely" and "wic_income_over_limit" in reasons:
        return [("result_wic_unlikely_income", {})]
    return []


def next_step_messages(screening: Screening, household: dict[str, Any]) -> list[Message]:
    """How to apply (with the county office when we know it), or where else to look; then
    where to sign up for WIC when it is likely."""
    shown = (screening.programs[p] for p in SHOWN_PROGRAMS if p in screening.programs)
    if any(r.status in ("likely", "possible", "needs_info") for r in shown):
        county = household.get("county")
        if county:
            messages: list[Message] = [("next_apply_county", {"county": county})]
        else:
            messages = [("next_apply", {})]
    else:
        messages = [("next_no_match", {})]
    wic = screening.programs.get("wic")
    if wic is not None and wic.status == "likely":
        messages.append(("next_apply_wic", {}))
    return messages


# Other programs the result names in one short line when they may fit the home, in this order;
# the three tax credits share one name.
ALSO_PROGRAMS = (
    ("school_meals", "program_school_meals"),
    ("sun_bucks", "program_sun_bucks"),
    ("calworks", "program_calworks"),
    ("covered_california", "program_covered_california"),
    ("lifeline", "program_lifeline"),
    ("care", "program_care"),
    ("fera", "program_fera"),
    ("federal_eitc", "program_tax_credits"),
    ("cal_eitc", "program_tax_credits"),
    ("yctc", "program_tax_credits"),
)


def also_messages(screening: Screening) -> list[Message]:
    """One line naming the other programs that may fit (likely or possible), with 211 to ask."""
    medi_cal = screening.programs.get("medi_cal")
    # When Medi-Cal may not fit, its own message already points to Covered California.
    named_already = {"covered_california"} if medi_cal and medi_cal.status == "unlikely" else set()
    names = [
        name
        for program, name in ALSO_PROGRAMS
        if program in screening.programs
        and program not in named_already
        and screening.programs[program].status in ("likely", "possible")
    ]
    if not names:
        return []
    return [("result_also", {"programs_list": list(dict.fromkeys(names))})]


def compose(screening: Screening, household: dict[str, Any]) -> list[Message]:
    """The result, program by program, then the next steps."""
    messages: list[Message] = [("result_intro", {})]
    if "calfresh" in screening.programs:
        messages += calfresh_messages(screening.programs["calfresh"])
    if "medi_cal" in screening.programs:
        messages += medi_cal_messages(
            screening.programs["medi_cal"], list(household.get("member_ages") or [])
        )
    if "wic" in screening.programs:
        messages += wic_messages(screening.programs["wic"])
    return messages + next_step_messages(screening, household) + also_messages(screening)
