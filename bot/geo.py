"""Where a ZIP code is: its state, county and city, from the bundled `zipcodes` data."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import zipcodes

_ZIP_CODE = re.compile(r"(\d{5})(?:-\d{4})?")


@dataclass(frozen=True)
class Place:
    """The state, county and city a ZIP code belongs to."""

    zip_code: str
    state: str
    county: str | None
    city: str | None


@lru_cache(maxsize=4096)
def lookup_zip(zip_code: str) -> Place | None:
    """Return the place of a 5-digit ZIP code ("94110" or "94110-1234"), or None if unknown."""
    match = _ZIP_CODE.fullmatch(zip_code.strip())
    if match is None:
        return None
    records: list[dict[str, Any]] = zipcodes.matching(match.group(1))
    if not records:
        return None
    # A ZIP can have several records; the live street-delivery one names the right county.
    best = min(records, key=lambda r: (not r.get("active"), r.get("zip_code_type") != "STANDARD"))
    return Place(
        zip_code=best["zip_code"],
        state=best["state"],
        county=best.get("county") or None,
        city=best.get("city") or None,
    )
