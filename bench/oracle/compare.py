"""Agreement between AnyDoor's screenings and PolicyEngine's answers, program by program.

Counting: our `likely` and `possible` count as eligible, `unlikely` as not eligible;
`needs_info` cannot be compared (PolicyEngine always needs a number) and is counted apart,
outside the agreement rate. PolicyEngine's answer for a household is "eligible" when any of
the program's eligibility variables is true for anyone in it (Medi-Cal: a member is eligible
for Medicaid or CHIP; WIC: a member is WIC-eligible).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .causes import classify
from .programs import PROGRAMS, Program, period_for


def our_eligible(status: str) -> bool | None:
    """likely/possible -> True, unlikely -> False, needs_info -> None (not compared)."""
    if status in ("likely", "possible"):
        return True
    if status == "unlikely":
        return False
    return None


def by_household(
    output: dict[str, Any], households: list[dict[str, Any]]
) -> dict[str, dict[str, Any]]:
    """PolicyEngine's arrays regrouped per household id: "variable@period" -> value, where a
    person-level value is the list of the members' values in member order."""
    person_ids = output["entities"]["person"]
    owner = {pid: pid.rsplit("-p", 1)[0] for pid in person_ids}
    values: dict[str, dict[str, Any]] = {h["id"]: {} for h in households}
    for key, result in output["results"].items():
        entity, column = result["entity"], result["values"]
        if entity == "person":
            for pid, value in zip(person_ids, column, strict=True):
                values[owner[pid]].setdefault(key, []).append(value)
        else:
            # Every group entity is keyed by the household id (marital units are not asked for).
            for gid, value in zip(output["entities"][entity], column, strict=True):
                values[gid][key] = value
    return values


def pe_eligible(program: Program, pe: dict[str, Any], on_key: str) -> bool:
    """Whether PolicyEngine finds anyone in the household eligible for `program`."""
    for name in program.eligible:
        value = pe[f"{name}@{on_key}"]
        if any(value) if isinstance(value, list) else bool(value):
            return True
    return False


@dataclass
class ProgramSummary:
    """The comparison of one program over every household."""

    program: Program
    compared: int = 0
    agreed: int = 0
    needs_info: int = 0
    both_eligible: int = 0
    ours_only: int = 0
    pe_only: int = 0
    in_range: int = 0  # both eligible and PolicyEngine's amount within our monthly range
    at_high_end: int = 0  # ... and equal to our high end (the end the SUA claim matches)
    amount_compared: int = 0
    causes: Counter[str] = field(default_factory=Counter)
    amount_causes: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)

    @property
    def agreement(self) -> float:
        return self.agreed / self.compared if self.compared else 1.0

    @property
    def range_rate(self) -> float | None:
        return self.in_range / self.amount_compared if self.amount_compared else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "program": self.program.id,
            "compared": self.compared,
            "agreed": self.agreed,
            "agreement": round(self.agreement, 4),
            "needs_info_not_compared": self.needs_info,
            "both_eligible": self.both_eligible,
            "ours_eligible_pe_not": self.ours_only,
            "pe_eligible_ours_not": self.pe_only,
            "amount_compared": self.amount_compared,
            "amount_in_our_range": self.in_range,
            "amount_at_our_high_end": self.at_high_end,
            "amount_in_range_rate": None if self.range_rate is None else round(self.range_rate, 4),
            "disagreements_by_cause": dict(self.causes.most_common()),
            "amount_outside_range_by_cause": dict(self.amount_causes.most_common()),
            "examples": {cause: ids for cause, ids in self.examples.items()},
        }


def compare(
    households: list[dict[str, Any]],
    ours: dict[str, dict[str, Any]],
    pe: dict[str, dict[str, Any]],
    on: Any,
    programs: tuple[Program, ...] = PROGRAMS,
) -> list[ProgramSummary]:
    """Per program: agreement, the range check where there is an amount, causes of every
    disagreement (see causes.py). Programs are compared in order, so a later program's causes
    can name an earlier program's disagreement (WIC's adjunctive eligibility)."""
    summaries = []
    differs: dict[str, dict[str, bool]] = {h["id"]: {} for h in households}
    for program in programs:
        summary = ProgramSummary(program)
        key = period_for(program.period, on)
        for household in households:
            hid = household["id"]
            result = ours[hid]["programs"][program.id]
            mine = our_eligible(result["status"])
            if mine is None:
                summary.needs_info += 1
                continue
            theirs = pe_eligible(program, pe[hid], key)
            summary.compared += 1
            differs[hid][program.id] = mine != theirs
            if mine == theirs:
                summary.agreed += 1
            else:
                if mine:
                    summary.ours_only += 1
                else:
                    summary.pe_only += 1
                cause = classify(program.id, household, result, pe[hid], on, others=differs[hid])
                summary.causes[cause] += 1
                summary.examples.setdefault(cause, []).append(hid)
            if mine and theirs:
                summary.both_eligible += 1
                if program.amount and result.get("monthly_amount"):
                    low, high = result["monthly_amount"]
                    amount = float(pe[hid][f"{program.amount}@{key}"])
                    summary.amount_compared += 1
                    if low - 0.5 <= amount <= high + 0.5:
                        summary.in_range += 1
                        if abs(amount - high) <= 0.5:
                            summary.at_high_end += 1
                    else:
                        cause = classify(program.id, household, result, pe[hid], on, amount=True)
                        summary.amount_causes[cause] += 1
                        summary.examples.setdefault(f"amount: {cause}", []).append(hid)
        summaries.append(summary)
    return summaries
