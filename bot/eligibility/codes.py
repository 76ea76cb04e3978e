"""Machine-readable reason codes and next-step keys (the NLG translates them; never English)."""

from __future__ import annotations

CALFRESH_REASON_CODES = (
    "gross_income_within_limit",
    "gross_income_over_limit",
    "elderly_disabled_net_income_test",
    "net_income_over_limit",
    "benefit_estimate_zero",
    "minimum_benefit",
    "work_rules_may_apply",
    "housing_cost_unknown",
    "utility_allowance_range",
    "utility_allowance_carried_forward",
    "income_unknown",
)
MEDI_CAL_REASON_CODES = (
    "children_within_limit",
    "adults_within_limit",
    "pregnant_within_limit",
    "pregnant_mcap",
    "senior_or_disabled_within_limit",
    "senior_or_disabled_path_approximate",
    "over_income_limit",
    "income_unknown",
)
WIC_REASON_CODES = (
    "wic_pregnant",
    "wic_infant",
    "wic_child",
    "no_wic_category_member",
    "wic_income_within_limit",
    "wic_income_over_limit",
    "adjunctive_medi_cal",
    "adjunctive_calfresh",
    "income_unknown",
)
REASON_CODES = tuple(
    dict.fromkeys(CALFRESH_REASON_CODES + MEDI_CAL_REASON_CODES + WIC_REASON_CODES)
)

APPLY_BENEFITSCAL = "apply_benefitscal"
CALL_CALFRESH_LINE = "call_calfresh_line"
DOCUMENTS_CHECKLIST = "documents_checklist"
APPLY_COVERED_CALIFORNIA = "apply_covered_california"
CALL_211 = "call_211"
APPLY_WIC = "apply_wic"
NEXT_STEP_KEYS = (
    APPLY_BENEFITSCAL,
    CALL_CALFRESH_LINE,
    DOCUMENTS_CHECKLIST,
    APPLY_COVERED_CALIFORNIA,
    CALL_211,
    APPLY_WIC,
)

# What changed for one program between two screenings (`compare`): the status it moved to,
# then whether the middle of the monthly estimate went up or down.
BECAME_LIKELY = "became_likely"
BECAME_POSSIBLE = "became_possible"
BECAME_UNLIKELY = "became_unlikely"
BECAME_NEEDS_INFO = "became_needs_info"
AMOUNT_UP = "amount_up"
AMOUNT_DOWN = "amount_down"
UNCHANGED = "unchanged"
CHANGE_CODES = (
    BECAME_LIKELY,
    BECAME_POSSIBLE,
    BECAME_UNLIKELY,
    BECAME_NEEDS_INFO,
    AMOUNT_UP,
    AMOUNT_DOWN,
    UNCHANGED,
)
