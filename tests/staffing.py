"""Staff for tests: a staffed-hours file with staff always in, and accounts made as an
administrator makes them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bot.handoff import DAYS
from service.stack import ROOT, Stack


def always_staffed(path: Path) -> Path:
    """Write a staffed-hours file (bot/staffed_hours.yml's shape) with every hour staffed."""
    path.write_text("hours: {" + ", ".join(f'{day}: ["00:00", "24:00"]' for day in DAYS) + "}\n")
    return path


def add_staff(stack: Stack, email: str, password: str, role: str = "agent") -> str:
    """A staff account made with `anydoor staff add`, the password read from stdin."""
    subprocess.run(
        [sys.executable, "-m", "bot.cli", "staff", "add", email, "--role", role],
        input=password + "\n",
        text=True,
        cwd=ROOT,
        env=stack.environment(),
        check=True,
        capture_output=True,
    )
    return email
