"""`python -m bench.oracle`: AnyDoor's screen() against PolicyEngine-US on random households.

Runs in AnyDoor's .venv; PolicyEngine runs once, in its own venv (`make oracle` builds it),
on every household in one batch. Prints a table to stdout, or one JSON object with --json.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

from bot.eligibility import screen

from .compare import ProgramSummary, by_household, compare
from .households import generate
from .programs import PROGRAMS, requests
from .situation import batch_situation

HERE = Path(__file__).resolve().parent
DEFAULT_ON = date(2026, 11, 24)
DEFAULT_ORACLE_PYTHON = HERE.parent.parent / ".venv-oracle" / "bin" / "python"


def run_ours(households: list[dict[str, Any]], on: date) -> tuple[dict[str, Any], float]:
    """Our screenings (JSON shape) and the seconds screen() took for all of them, after one
    warm-up screening that loads the parameter tree (as PolicyEngine's import does)."""
    screen(households[0], on=on)
    started = time.perf_counter()
    screenings = {h["id"]: screen(h, on=on) for h in households}
    elapsed = time.perf_counter() - started
    return {hid: s.to_dict() for hid, s in screenings.items()}, elapsed


def run_policyengine(
    households: list[dict[str, Any]], on: date, oracle_python: Path
) -> tuple[dict[str, Any], float]:
    """PolicyEngine's output for every household (one process, one batch) and its wall time."""
    batch = {"situation": batch_situation(households, on), "requests": requests(on)}
    started = time.perf_counter()
    completed = subprocess.run(
        [str(oracle_python), str(HERE / "pe_runner.py")],
        input=json.dumps(batch),
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - started
    if completed.returncode != 0:
        tail = "\n".join(completed.stderr.strip().splitlines()[-15:])
        raise RuntimeError(f"PolicyEngine run failed:\n{tail}")
    return json.loads(completed.stdout), elapsed


def _table(summaries: list[ProgramSummary], report: dict[str, Any], out: Any = sys.stdout) -> None:
    speed = report["speed"]
    print(
        f"AnyDoor vs PolicyEngine-US {report['policyengine_us']} on {report['on']}: "
        f"{report['households']} households (seed {report['seed']})",
        file=out,
    )
    print(
        "Our likely/possible count as eligible, unlikely as not; needs_info is not compared.",
        file=out,
    )
    print(file=out)
    print(
        f"{'program':<10} {'compared':>8} {'agree':>7} {'rate':>7} {'ours only':>9} "
        f"{'PE only':>8} {'needs_info':>10}",
        file=out,
    )
    for s in summaries:
        print(
            f"{s.program.label:<10} {s.compared:>8} {s.agreed:>7} {s.agreement:>7.2%} "
            f"{s.ours_only:>9} {s.pe_only:>8} {s.needs_info:>10}",
            file=out,
        )
    for s in summaries:
        if s.amount_compared:
            print(
                f"\n{s.program.label} amount: PE's monthly amount within our range in "
                f"{s.in_range}/{s.amount_compared} ({s.range_rate:.2%}) of households both "
                f"find eligible; equal to our high end (SUA claimed) in {s.at_high_end}",
                file=out,
            )
    for s in summaries:
        if s.causes or s.amount_causes:
            print(f"\n{s.program.label} disagreements by cause", file=out)
            for cause, count in s.causes.most_common():
                print(f"  {count:>5}  {cause}", file=out)
            for cause, count in s.amount_causes.most_common():
                print(f"  {count:>5}  amount outside our range: {cause}", file=out)
    wall = speed["pe_wall_s"]
    wall_text = "reused output" if wall != wall else f"{wall:.1f} s wall"  # NaN: --pe-output
    print(
        f"\nSpeed: AnyDoor {speed['ours_ms_per_household']:.3f} ms/household; PolicyEngine "
        f"{speed['pe_ms_per_household']:.2f} ms/household calculating "
        f"({speed['pe_calculate_s']:.1f} s), {wall_text}, {speed['pe_import_s']:.1f} s "
        f"import. AnyDoor is {speed['ratio_calculate']:,.0f}x faster per household "
        f"({speed['ratio_wall']:,.0f}x counting PE's import and start-up).",
        file=out,
    )


def main(argv: list[str] | None = None) -> int:
    """Generate, screen both ways, compare, print."""
    parser = argparse.ArgumentParser(prog="python -m bench.oracle", description=__doc__)
    parser.add_argument("-n", "--households", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--on", type=date.fromisoformat, default=DEFAULT_ON)
    parser.add_argument("--oracle-python", type=Path, default=DEFAULT_ORACLE_PYTHON)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--pe-output", type=Path, help="reuse a saved PolicyEngine output")
    parser.add_argument("--save-pe-output", type=Path, help="save PolicyEngine's output here")
    args = parser.parse_args(argv)

    households = generate(args.households, args.seed)
    ours, ours_s = run_ours(households, args.on)
    run = {"households": args.households, "seed": args.seed, "on": args.on.isoformat()}
    if args.pe_output:
        output, pe_wall = json.loads(args.pe_output.read_text()), float("nan")
        if output.get("run") != run:
            print(f"{args.pe_output} was made for {output.get('run')}, not {run}", file=sys.stderr)
            return 2
    else:
        if not args.oracle_python.exists():
            print(f"{args.oracle_python} not found: run `make oracle` first", file=sys.stderr)
            return 2
        print(f"PolicyEngine: {len(households)} households...", file=sys.stderr)
        output, pe_wall = run_policyengine(households, args.on, args.oracle_python)
        output["run"] = run
        if args.save_pe_output:
            args.save_pe_output.write_text(json.dumps(output))
    pe = by_household(output, households)
    summaries = compare(households, ours, pe, args.on, PROGRAMS)
    timings = output["timings"]
    pe_calc = timings["build_s"] + timings["calculate_s"]
    count = len(households)
    report: dict[str, Any] = {
        "on": args.on.isoformat(),
        "households": count,
        "seed": args.seed,
        "policyengine_us": output["version"],
        "programs": [s.to_dict() for s in summaries],
        "speed": {
            "ours_s": ours_s,
            "ours_ms_per_household": 1000 * ours_s / count,
            "pe_import_s": timings["import_s"],
            "pe_calculate_s": pe_calc,
            "pe_wall_s": pe_wall,
            "pe_ms_per_household": 1000 * pe_calc / count,
            "ratio_calculate": pe_calc / ours_s,
            "ratio_wall": (pe_wall if pe_wall == pe_wall else pe_calc + timings["import_s"])
            / ours_s,
        },
    }
    if args.json:
        json.dump(report, sys.stdout, indent=2)
        print()
    else:
        _table(summaries, report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
