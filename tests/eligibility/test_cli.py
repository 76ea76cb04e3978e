"""`anydoor screen --json FILE|-` prints the screening as JSON or one error line with exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main

ROOT = Path(__file__).resolve().parents[2]
FAMILY = {
    "state": "CA",
    "zip_code": "94110",
    "member_ages": [34, 6],
    "pregnant": False,
    "disability": False,
    "monthly_income": 2100,
    "earned_income": True,
    "housing_cost": 1200,
}


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        input=stdin,
        text=True,
        capture_output=True,
        cwd=ROOT,
        check=False,
    )


def test_screen_reads_stdin_and_prints_the_design_shape() -> None:
    done = run("screen", "--json", "-", "--on", "2026-11-24", stdin=json.dumps(FAMILY))
    assert done.returncode == 0, done.stderr
    output = json.loads(done.stdout)
    assert output["on"] == "2026-11-24"
    assert output["programs"]["calfresh"]["status"] == "likely"
    assert output["programs"]["calfresh"]["monthly_amount"] == [263, 353]
    assert output["programs"]["medi_cal"]["status"] == "likely"


def test_screen_json_includes_the_new_programs_and_the_summer_amount() -> None:
    done = run("screen", "--json", "-", "--on", "2026-11-24", stdin=json.dumps(FAMILY))
    programs = json.loads(done.stdout)["programs"]
    for name in ("school_meals", "sun_bucks", "calworks", "lifeline", "care", "fera"):
        assert programs[name]["status"] in ("likely", "possible", "unlikely", "needs_info")
    # The 6-year-old: universal school meals, and $120 of SUN Bucks once a summer.
    assert programs["school_meals"]["status"] == "likely"
    assert programs["sun_bucks"]["amount"] == [120, 120]
    assert programs["sun_bucks"]["amount_period"] == "summer"
    assert programs["sun_bucks"]["monthly_amount"] is None
    assert "amount" not in programs["calfresh"]


def test_screen_reads_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    household = tmp_path / "household.json"
    household.write_text(json.dumps(FAMILY))
    assert main(["screen", "--json", str(household), "--on", "2026-11-24"]) == 0
    assert json.loads(capsys.readouterr().out)["programs"]["medi_cal"]["status"] == "likely"


@pytest.mark.parametrize(
    ("stdin", "args"),
    [
        ("{not json", ()),
        ("[1, 2]", ()),
        (json.dumps({**FAMILY, "member_ages": []}), ()),
        (json.dumps({**FAMILY, "monthly_income": "lots"}), ()),
        (json.dumps(FAMILY), ("--on", "2030-01-01")),
    ],
)
def test_bad_input_prints_one_error_line_and_exits_2(stdin: str, args: tuple[str, ...]) -> None:
    done = run("screen", "--json", "-", *args, stdin=stdin)
    assert done.returncode == 2
    assert done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr


def test_a_missing_file_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["screen", "--json", "/nonexistent/household.json"]) == 2
    assert capsys.readouterr().err.startswith("anydoor: error:")


def test_the_cli_does_not_import_rasa_or_sanic() -> None:
    code = (
        "import sys, bot.cli; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('rasa', 'sanic')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], text=True, capture_output=True, cwd=ROOT, check=True
    )
    assert done.stdout.strip() == "[]"
