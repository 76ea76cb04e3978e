"""`anydoor` command line: `anydoor screen --json FILE|- [--on YYYY-MM-DD]`."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date

from bot.eligibility import ParameterError, screen


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="anydoor", description="AnyDoor benefits quick-screener")
    commands = parser.add_subparsers(dest="command", required=True)
    screen_cmd = commands.add_parser("screen", help="screen a household read as JSON")
    screen_cmd.add_argument(
        "--json", required=True, metavar="FILE", help="household JSON, - = stdin"
    )
    screen_cmd.add_argument("--on", type=_date, help="rules in force on this date (default today)")
    return parser


def _read_household(source: str) -> object:
    if source == "-":
        return json.loads(sys.stdin.read())
    with open(source, encoding="utf-8") as file:
        return json.load(file)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; prints the screening as JSON, or one error line and returns 2."""
    args = _parser().parse_args(argv)
    try:
        household = _read_household(args.json)
        if not isinstance(household, dict):
            raise ValueError("the JSON must be an object")
        result = screen(household, on=args.on)
    except (OSError, ValueError, ParameterError) as error:
        print(f"anydoor: error: {error}", file=sys.stderr)
        return 2
    print(json.dumps(result.to_dict(), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
