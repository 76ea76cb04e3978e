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
    "may_qualify_on_own_income",
    "working_disabled_program_may_apply",
    "county_childrens_program_may_apply",
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
# --- School meals, SUN Bucks, CalWORKs, LifeLine, CARE and FERA (engine-a) ---
SCHOOL_MEALS_REASON_CODES = (
    "universal_school_meals",
    "school_meals_if_in_transitional_kindergarten",
    "no_school_age_member",
)
SUN_BUCKS_REASON_CODES = (
    "sun_bucks_calfresh",
    "sun_bucks_calworks",
    "sun_bucks_medi_cal",
    "sun_bucks_income_within_limit",
    "sun_bucks_income_over_limit",
    "sun_bucks_amount_carried_forward",
    "no_school_age_member",
    "income_unknown",
)
CALWORKS_REASON_CODES = (
    "calworks_child",
    "calworks_pregnant",
    "no_calworks_child",
    "calworks_income_within_limit",
    "calworks_income_over_limit",
    "calworks_region_unknown",
    "calworks_map_carried_forward",
    "calworks_approximate",
    "income_unknown",
)
LIFELINE_REASON_CODES = (
    "lifeline_program_based",
    "lifeline_income_within_limit",
    "lifeline_income_over_limit",
    "lifeline_limits_carried_forward",
    "income_unknown",
)
CARE_REASON_CODES = (
    "care_program_based",
    "care_income_within_limit",
    "care_income_over_limit",
    "care_discount_estimate",
    "care_cpuc_utilities_only",
    "income_unknown",
)
FERA_REASON_CODES = (
    "fera_income_within_range",
    "fera_income_over_limit",
    "fera_care_instead",
    "fera_discount_estimate",
    "fera_large_utilities_only",
    "income_unknown",
)
# --- end engine-a ---

# Covered California and the tax credits (engine-b).
COVERED_CALIFORNIA_REASON_CODES = (
    "covered_by_medi_cal",
    "no_adult_19_64",
    "premium_tax_credit_within_limit",
    "premium_tax_credit_over_limit",
    "enhanced_premium_tax_credit",
    "cost_sharing_help_may_apply",
    "state_premium_subsidy_may_apply",
    "contribution_table_not_loaded",
    "employer_coverage_not_asked",
    "income_unknown",
)
TAX_CREDIT_REASON_CODES = (
    "income_unknown",
    "earned_income_unknown",
    "no_earned_income",
    "yearly_income_from_monthly",
    "filing_status_range",
    "older_student_may_count",
    "childless_age_outside_range",
    "earned_income_over_limit",
    "cal_eitc_approximate",
    "cal_eitc_figures_carried_forward",
    "yctc_child_under_6",
    "no_child_under_6",
    "yctc_zero_earned_income",
)
REASON_CODES = tuple(
    dict.fromkeys(
        CALFRESH_REASON_CODES
        + MEDI_CAL_REASON_CODES
        + WIC_REASON_CODES
        # engine-a
        + SCHOOL_MEALS_REASON_CODES
        + SUN_BUCKS_REASON_CODES
        + CALWORKS_REASON_CODES
        + LIFELINE_REASON_CODES
        + CARE_REASON_CODES
        + FERA_REASON_CODES
        + COVERED_CALIFORNIA_REASON_CODES
        + TAX_CREDIT_REASON_CODES
    )
)

APPLY_BENEFITSCAL = "apply_benefitscal"
CALL_CALFRESH_LINE = "call_calfresh_line"
DOCUMENTS_CHECKLIST = "documents_checklist"
APPLY_COVERED_CALIFORNIA = "apply_covered_california"
CALL_211 = "call_211"
APPLY_WIC = "apply_wic"
# --- engine-a next steps ---
SCHOOL_MEALS_AT_SCHOOL = "school_meals_at_school"
SUN_BUCKS_AUTOMATIC = "sun_bucks_automatic"
SCHOOL_MEAL_APPLICATION = "school_meal_application"
APPLY_LIFELINE = "apply_lifeline"
APPLY_CARE = "apply_care"
APPLY_FERA = "apply_fera"
# --- end engine-a ---
# Free tax help (engine-b): IRS VITA sites, FTB CalFile, MyFreeTaxes through 211.
FREE_TAX_HELP_VITA = "free_tax_help_vita"
FILE_WITH_CALFILE = "file_with_calfile"
MYFREETAXES_211 = "myfreetaxes_211"
NEXT_STEP_KEYS = (
    APPLY_BENEFITSCAL,
    CALL_CALFRESH_LINE,
    DOCUMENTS_CHECKLIST,
    APPLY_COVERED_CALIFORNIA,
    CALL_211,
    APPLY_WIC,
    # engine-a
    SCHOOL_MEALS_AT_SCHOOL,
    SUN_BUCKS_AUTOMATIC,
    SCHOOL_MEAL_APPLICATION,
    APPLY_LIFELINE,
    APPLY_CARE,
    APPLY_FERA,
    FREE_TAX_HELP_VITA,
    FILE_WITH_CALFILE,
    MYFREETAXES_211,
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
