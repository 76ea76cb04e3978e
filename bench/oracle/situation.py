"""AnyDoor households as one PolicyEngine-US situation (pure Python; PolicyEngine not needed).

How each answer is modelled (docs/oracle.md explains why):
- one household = one PolicyEngine household, family, tax unit and SPM unit (the SNAP and WIC
  unit), everyone in it. The screener does not ask who is married: the respondent heads the
  tax unit and the second member, when an adult within 15 years of the respondent's age, is
  the spouse (one marital unit for the couple); everyone else is a dependent with a marital
  unit of their own;
- `state_code` CA, `county_str` from the household's county;
- ages; `is_pregnant` and `is_disabled` on the respondent (the first member; for pregnancy the
  first member aged 15-45), because the screener asks "is anyone ...";
- the whole monthly income on the respondent, x 12 for the year: `employment_income` when
  `earned_income` is true, otherwise `taxable_private_pension_income` (unearned for SNAP, in
  MAGI for Medicaid, in income for WIC);
- `rent` = housing cost x 12 (none when skipped);
- heating/cooling costs claimed (`has_heating_cooling_expense`), so PolicyEngine gives the SUA:
  that is the high end of AnyDoor's range, the end its status reads;
- `immigration_status` CITIZEN (the screener never asks);
- benefits PolicyEngine would otherwise compute and add to income (CalWORKs, SSI, the state
  supplement) set to 0: the person's stated income is all the income there is;
- a member with a disability receives disability payments (`is_permanently_disabled_veteran`,
  one of the receipts PolicyEngine's `gov.usda.disabled_programs` counts), because that is what
  "disabled" means for SNAP (7 CFR 271.2) and what AnyDoor's CalFresh rule assumes; this flag
  changes nothing else in California, while `receives_ssi` would also give SSI Medi-Cal and an
  SSDI amount would change the kind of the stated income;
- no Medicare Part B premium (`medicare_part_b_premium` 0): the screener asks no medical costs,
  so neither side deducts any;
- `weekly_hours_worked` 30 for adults 18-64, so PolicyEngine's ABAWD time limit (which has no
  3-months-in-36 count) does not end benefits from the first month; AnyDoor flags those
  households with `work_rules_may_apply` instead.
"""

from __future__ import annotations

from datetime import date
from typing import Any

SPM_UNIT_ZEROS = ("ca_tanf", "ca_state_supplement", "ca_capi")
PERSON_ZEROS = ("ssi", "medicare_part_b_premium")
ABAWD_WORK_HOURS = 30
DISABILITY_RECEIPT = "is_permanently_disabled_veteran"  # SNAP-disabled, no other CA effect
SPOUSE_MIN_AGE, SPOUSE_AGE_GAP = 18, 15


def county_code(county: str | None) -> str | None:
    """PolicyEngine's county string: "Los Angeles" -> "LOS_ANGELES_COUNTY_CA"."""
    if not county:
        return None
    return county.strip().upper().replace(" ", "_") + "_COUNTY_CA"


def pregnant_member(ages: list[int]) -> int:
    """Index of the member who is pregnant: the first one aged 15-45, else the respondent."""
    return next((i for i, age in enumerate(ages) if 15 <= age <= 45), 0)


def has_spouse(ages: list[int]) -> bool:
    """Whether the second member is modelled as the respondent's spouse."""
    return len(ages) >= 2 and ages[1] >= SPOUSE_MIN_AGE and abs(ages[1] - ages[0]) <= SPOUSE_AGE_GAP


def person_ids(household: dict[str, Any]) -> list[str]:
    """Person ids of a household, in member order."""
    return [f"{household['id']}-p{i}" for i in range(len(household["member_ages"]))]


def household_situation(household: dict[str, Any], year: int) -> dict[str, dict[str, Any]]:
    """The entity groups of one household (to merge into a batch situation)."""
    hid = household["id"]
    ages = [int(a) for a in household["member_ages"]]
    ids = person_ids(household)
    annual_income = float(household.get("monthly_income") or 0) * 12
    income_variable = (
        "employment_income" if household.get("earned_income") else "taxable_private_pension_income"
    )
    pregnant_index = pregnant_member(ages) if household.get("pregnant") else None
    couple = has_spouse(ages)
    roles = ["HEAD"] + ["DEPENDENT"] * (len(ages) - 1)
    if couple:
        roles[1] = "SPOUSE"
    people: dict[str, Any] = {}
    for index, (pid, age) in enumerate(zip(ids, ages, strict=True)):
        person: dict[str, Any] = {
            "age": {year: age},
            "tax_unit_role_input": {year: roles[index]},
            "immigration_status": {year: "CITIZEN"},
            "is_pregnant": {year: index == pregnant_index},
            "is_disabled": {year: bool(household.get("disability")) and index == 0},
            "employment_income": {year: 0.0},
            "taxable_private_pension_income": {year: 0.0},
        }
        if index == 0:
            person[income_variable] = {year: annual_income}
            person["rent"] = {year: float(household.get("housing_cost") or 0) * 12}
        if 18 <= age <= 64:
            person["weekly_hours_worked"] = {year: ABAWD_WORK_HOURS}
        for name in PERSON_ZEROS:
            person[name] = {year: 0.0}
        if person["is_disabled"][year]:
            person[DISABILITY_RECEIPT] = {year: True}
        people[pid] = person
    spm_unit: dict[str, Any] = {
        "members": ids,
        "has_heating_cooling_expense": {year: True},
    }
    for name in SPM_UNIT_ZEROS:
        spm_unit[name] = {year: 0.0}
    place: dict[str, Any] = {"members": ids, "state_code": {year: "CA"}}
    county = county_code(household.get("county"))
    if county:
        place["county_str"] = {year: county}
    return {
        "people": people,
        "families": {hid: {"members": ids}},
        "marital_units": marital_units(ids, couple),
        "tax_units": {hid: {"members": ids}},
        "spm_units": {hid: spm_unit},
        "households": {hid: place},
    }


def marital_units(ids: list[str], couple: bool) -> dict[str, dict[str, list[str]]]:
    """The couple (respondent and spouse) in one marital unit, everyone else alone."""
    groups = [ids[:2], *[[pid] for pid in ids[2:]]] if couple else [[pid] for pid in ids]
    return {f"{group[0]}-mu": {"members": group} for group in groups}


def batch_situation(households: list[dict[str, Any]], on: date) -> dict[str, dict[str, Any]]:
    """Every household in one situation, so PolicyEngine calculates them all in one pass."""
    batch: dict[str, dict[str, Any]] = {
        key: {}
        for key in ("people", "families", "marital_units", "tax_units", "spm_units", "households")
    }
    for household in households:
        for key, entities in household_situation(household, on.year).items():
            batch[key].update(entities)
    return batch
