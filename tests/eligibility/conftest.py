"""Shared helpers for the eligibility tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

PUBLISHED = Path(__file__).parent / "published"


def published(name: str) -> Any:
    """A published table fixture from `tests/eligibility/published/`."""
    return yaml.safe_load((PUBLISHED / name).read_text(encoding="utf-8"))


def size_rows(rows: dict[Any, int]) -> list[tuple[int, int]]:
    """(size, amount) pairs of a chart, without its `additional` row."""
    return [(int(size), amount) for size, amount in rows.items() if str(size).isdigit()]
