"""The household a screening reads and the screening it returns (the engine's contract)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

Status = Literal["likely", "possible", "unlikely", "needs_info"]


@dataclass(frozen=True)
class Household:
    """What the person told us. `None` means "not answered" or "I don't know"."""

    state: str
    member_ages: tuple[int, ...]
    monthly_income: float | None
    zip_code: str | None = None
    county: str | None = None
    pregnant: bool | None = None
    disability: bool | None = None
    earned_income: bool | None = None
    housing_cost: float | None = None

    @property
    def size(self) -> int:
        """Everyone who lives and eats together, the person included."""
        return len(self.member_ages)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Household:
        """Build a household from the JSON shape of DESIGN.md (unknown keys are ignored)."""
        return cls(
            state=str(data.get("state") or "CA").upper(),
            member_ages=tuple(int(a) for a in data.get("member_ages") or ()),
            monthly_income=_optional_float(data.get("monthly_income")),
            zip_code=data.get("zip_code"),
            county=data.get("county"),
            pregnant=data.get("pregnant"),
            disability=data.get("disability"),
            earned_income=data.get("earned_income"),
            housing_cost=_optional_float(data.get("housing_cost")),
        )


def _optional_float(value: Any) -> float | None:
    return None if value is None else float(value)


@dataclass(frozen=True, init=False)
class ProgramResult:
    """One program's answer: status, a monthly dollar range if any, reasons, next steps.

    `amount` is a dollar range paid once per `amount_period` (e.g. SUN Bucks, once a
    `summer`); it never counts as a monthly amount.
    Tax credits are yearly: their range is `yearly_amount` (tax year), never `monthly_amount`,
    so monthly sums (what-if) stay monthly. Covered California's `monthly_contribution` is what
    the household is expected to pay for the benchmark plan, a cost and not a benefit.
    """

    status: Status
    monthly_amount: tuple[int, int] | None = None
    reasons: tuple[str, ...] = ()
    next_steps: tuple[str, ...] = ()
    amount: tuple[int, int] | None = None
    amount_period: str | None = None
    yearly_amount: tuple[int, int] | None = None
    monthly_contribution: tuple[int, int] | None = None

    def __init__(
        self,
        status: Status,
        monthly_amount: tuple[int, int] | None = None,
        reasons: tuple[str, ...] = (),
        next_steps: tuple[str, ...] = (),
        amount: tuple[int, int] | None = None,
        amount_period: str | None = None,
        yearly_amount: tuple[int, int] | None = None,
        monthly_contribution: tuple[int, int] | None = None,
    ) -> None:
        # The fields above, set in one step: a frozen dataclass's own __init__ sets them one
        # by one through object.__setattr__, twice as slow, and a screening builds 14 results.
        # Same signature as the generated one (tests/eligibility/test_screen.py checks it).
        self.__dict__.update(
            status=status,
            monthly_amount=monthly_amount,
            reasons=reasons,
            next_steps=next_steps,
            amount=amount,
            amount_period=amount_period,
            yearly_amount=yearly_amount,
            monthly_contribution=monthly_contribution,
        )


# The answer of every program that needs the income when it is not known. Results are frozen, so
# an answer that never varies is built once and shared.
INCOME_UNKNOWN = ProgramResult(status="needs_info", reasons=("income_unknown",))


@dataclass(frozen=True)
class Screening:
    """Results per program id (snake_case), for the rules in force on `on`."""

    on: date
    programs: dict[str, ProgramResult] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of DESIGN.md."""
        return {
            "on": self.on.isoformat(),
            "programs": {name: _program_dict(r) for name, r in self.programs.items()},
        }


def _program_dict(result: ProgramResult) -> dict[str, Any]:
    """DESIGN.md's four keys, plus the optional ranges (per period, yearly, contribution) when a
    program has them (other programs' JSON is unchanged)."""
    shown: dict[str, Any] = {
        "status": result.status,
        "monthly_amount": list(result.monthly_amount) if result.monthly_amount else None,
        "reasons": list(result.reasons),
        "next_steps": list(result.next_steps),
    }
    if result.amount is not None:
        shown["amount"] = list(result.amount)
        shown["amount_period"] = result.amount_period
    if result.yearly_amount is not None:
        shown["yearly_amount"] = list(result.yearly_amount)
    if result.monthly_contribution is not None:
        shown["monthly_contribution"] = list(result.monthly_contribution)
    return shown
