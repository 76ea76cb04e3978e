"""What if: two screenings side by side, per program, with benefit-cliff detection.

A benefit cliff is a raise that loses more in benefits than it adds in pay: the household's
monthly income goes up, and the sum of the middles of the monthly estimates goes down by more.
Only programs with a monthly dollar estimate count toward that sum (CalFresh, CalWORKs); a
program lost without one (Medi-Cal, WIC) shows as `became_unlikely` instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from bot.eligibility import codes
from bot.eligibility.model import ProgramResult, Screening, Status


@dataclass(frozen=True)
class ProgramChange:
    """One program before and after: statuses, monthly ranges, what changed, the new reasons."""

    old_status: Status
    new_status: Status
    old_monthly_amount: tuple[int, int] | None
    new_monthly_amount: tuple[int, int] | None
    changes: tuple[str, ...]
    new_reasons: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON shape: lists for the ranges and codes."""
        return {
            "old_status": self.old_status,
            "new_status": self.new_status,
            "old_monthly_amount": _listed(self.old_monthly_amount),
            "new_monthly_amount": _listed(self.new_monthly_amount),
            "changes": list(self.changes),
            "new_reasons": list(self.new_reasons),
        }


@dataclass(frozen=True)
class Comparison:
    """Per-program changes between two households screened on the same date."""

    on: date
    programs: dict[str, ProgramChange] = field(default_factory=dict)
    monthly_income_change: float | None = None
    monthly_benefit_change: float = 0.0
    benefit_cliff: bool = False

    def to_dict(self) -> dict[str, Any]:
        """The JSON `anydoor what-if` prints."""
        return {
            "on": self.on.isoformat(),
            "benefit_cliff": self.benefit_cliff,
            "monthly_income_change": self.monthly_income_change,
            "monthly_benefit_change": self.monthly_benefit_change,
            "programs": {name: change.to_dict() for name, change in self.programs.items()},
        }


def _listed(amount: tuple[int, int] | None) -> list[int] | None:
    return list(amount) if amount else None


def midpoint(amount: tuple[int, int] | None) -> float:
    """The middle of a monthly range; no estimate counts as $0."""
    return (amount[0] + amount[1]) / 2 if amount else 0.0


def change_codes(old: ProgramResult, new: ProgramResult) -> tuple[str, ...]:
    """`became_<status>` when the status moved, then `amount_up`/`amount_down` by the middle of
    the range, or `unchanged` when neither moved."""
    found: list[str] = []
    if new.status != old.status:
        found.append(f"became_{new.status}")
    old_middle, new_middle = midpoint(old.monthly_amount), midpoint(new.monthly_amount)
    if new_middle > old_middle:
        found.append(codes.AMOUNT_UP)
    elif new_middle < old_middle:
        found.append(codes.AMOUNT_DOWN)
    return tuple(found) or (codes.UNCHANGED,)


def is_benefit_cliff(income_change: float | None, benefit_change: float) -> bool:
    """Income went up, and benefits went down by more than it went up."""
    return income_change is not None and income_change > 0 and -benefit_change > income_change


def compare_screenings(
    before: Screening,
    after: Screening,
    *,
    income_before: float | None,
    income_after: float | None,
) -> Comparison:
    """Compare two screenings made on the same date, given each household's monthly income."""
    programs = {
        name: ProgramChange(
            old_status=before.programs[name].status,
            new_status=new.status,
            old_monthly_amount=before.programs[name].monthly_amount,
            new_monthly_amount=new.monthly_amount,
            changes=change_codes(before.programs[name], new),
            new_reasons=new.reasons,
        )
        for name, new in after.programs.items()
    }
    benefit_change = sum(midpoint(p.new_monthly_amount) for p in programs.values()) - sum(
        midpoint(p.old_monthly_amount) for p in programs.values()
    )
    income_change = (
        None if income_before is None or income_after is None else income_after - income_before
    )
    return Comparison(
        on=after.on,
        programs=programs,
        monthly_income_change=income_change,
        monthly_benefit_change=benefit_change,
        benefit_cliff=is_benefit_cliff(income_change, benefit_change),
    )
