"""A staffed-hours file for tests: staff are always in, whenever the tests run."""

from __future__ import annotations

from pathlib import Path

from bot.handoff import DAYS


def always_staffed(path: Path) -> Path:
    """Write a staffed-hours file (bot/staffed_hours.yml's shape) with every hour staffed."""
    path.write_text("hours: {" + ", ".join(f'{day}: ["00:00", "24:00"]' for day in DAYS) + "}\n")
    return path
