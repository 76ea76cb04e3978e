"""`anydoor` command line.

- `anydoor screen --json FILE|- [--on YYYY-MM-DD]`: screen a household read as JSON.
- `anydoor what-if --json FILE|- [--on YYYY-MM-DD]`: compare `{"before": ..., "after": ...}`.
- `anydoor db upgrade`: apply the database migrations.
- `anydoor purge --older-than 30d`: forget conversations past the retention window.
- `anydoor staff add EMAIL --role agent|supervisor`: a staff console account (password asked
  twice, or read from stdin when it is not a terminal).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from datetime import date, datetime, timedelta, timezone

from bot.eligibility import ParameterError, compare, screen

_AGE = re.compile(r"(\d+)([dh])")
_AGE_UNITS = {"d": "days", "h": "hours"}


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _age(text: str) -> timedelta:
    """A retention window such as `30d` or `12h`."""
    match = _AGE.fullmatch(text.strip())
    if match is None or int(match[1]) == 0:
        raise argparse.ArgumentTypeError(f"not a positive age like 30d or 12h: {text!r}")
    return timedelta(**{_AGE_UNITS[match[2]]: int(match[1])})


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="anydoor", description="AnyDoor benefits quick-screener")
    commands = parser.add_subparsers(dest="command", required=True)
    screen_cmd = commands.add_parser("screen", help="screen a household read as JSON")
    screen_cmd.add_argument(
        "--json", required=True, metavar="FILE", help="household JSON, - = stdin"
    )
    screen_cmd.add_argument("--on", type=_date, help="rules in force on this date (default today)")
    what_if_cmd = commands.add_parser(
        "what-if", help="compare two households read as JSON: {before, after}"
    )
    what_if_cmd.add_argument(
        "--json", required=True, metavar="FILE", help='{"before": {...}, "after": {...}}, - = stdin'
    )
    what_if_cmd.add_argument("--on", type=_date, help="rules in force on this date (default today)")
    db_cmd = commands.add_parser("db", help="manage AnyDoor's database")
    db_actions = db_cmd.add_subparsers(dest="db_command", required=True)
    db_actions.add_parser("upgrade", help="apply the migrations (ANYDOOR_DATABASE_URL)")
    purge_cmd = commands.add_parser(
        "purge", help="delete conversations and SMS records older than the retention window"
    )
    purge_cmd.add_argument(
        "--older-than", required=True, type=_age, metavar="AGE", help="e.g. 30d, 90d, 12h"
    )
    staff_cmd = commands.add_parser("staff", help="manage staff console accounts")
    staff_actions = staff_cmd.add_subparsers(dest="staff_command", required=True)
    add_cmd = staff_actions.add_parser("add", help="add a staff account")
    add_cmd.add_argument("email")
    add_cmd.add_argument("--role", required=True, choices=["agent", "supervisor"])
    return parser


def _read_household(source: str) -> object:
    if source == "-":
        return json.loads(sys.stdin.read())
    with open(source, encoding="utf-8") as file:
        return json.load(file)


def _screen(args: argparse.Namespace) -> int:
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


def _what_if(args: argparse.Namespace) -> int:
    try:
        pair = _read_household(args.json)
        if not isinstance(pair, dict):
            raise ValueError("the JSON must be an object with `before` and `after`")
        before, after = pair.get("before"), pair.get("after")
        if not isinstance(before, dict) or not isinstance(after, dict):
            raise ValueError("`before` and `after` must both be household objects")
        result = compare(before, after, on=args.on)
    except (OSError, ValueError, ParameterError) as error:
        print(f"anydoor: error: {error}", file=sys.stderr)
        return 2
    print(json.dumps(result.to_dict(), indent=2))
    return 0


def _db_upgrade() -> int:
    # Imported here so that `screen` does not pay for SQLAlchemy and Alembic.
    from sqlalchemy.exc import SQLAlchemyError

    from bot import store

    try:
        store.upgrade()
    except SQLAlchemyError as error:
        print(f"anydoor: error: database upgrade failed ({type(error).__name__})", file=sys.stderr)
        return 1
    print("database is up to date")
    return 0


def _purge(older_than: timedelta) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from bot import store
    from bot.store.handoffs import purge_handoffs

    cutoff = datetime.now(timezone.utc) - older_than
    try:
        counts = store.purge_older_than(cutoff)
        counts.update(purge_handoffs(cutoff))
        counts["tracker_events"] = store.purge_trackers(store.tracker_database_url(), cutoff)
    except SQLAlchemyError as error:
        # The class name only: a driver's message can quote URLs with passwords.
        print(f"anydoor: error: purge failed ({type(error).__name__})", file=sys.stderr)
        return 1
    print(f"purged records older than {cutoff:%Y-%m-%d %H:%M} UTC")
    for table, count in counts.items():
        print(f"{table}: {count}")
    return 0


def _read_password() -> str | None:
    """Asked twice on a terminal; otherwise the first line of stdin."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    import getpass

    first = getpass.getpass("Password: ")
    if getpass.getpass("Password again: ") != first:
        print("anydoor: error: the passwords do not match", file=sys.stderr)
        return None
    return first


def _staff_add(email: str, role: str) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from bot.store.staff import StaffError, add_account

    password = _read_password()
    if password is None:
        return 2
    try:
        account = add_account(email, password, role)
    except StaffError as error:
        print(f"anydoor: error: {error}", file=sys.stderr)
        return 2
    except SQLAlchemyError as error:
        print(f"anydoor: error: could not save the account ({type(error).__name__}); "
              "run `anydoor db upgrade` first", file=sys.stderr)
        return 1
    print(f"added {account.role} {account.email}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 database error, 2 bad input)."""
    args = _parser().parse_args(argv)
    if args.command == "db":
        return _db_upgrade()
    if args.command == "staff":
        return _staff_add(args.email, args.role)
    if args.command == "purge":
        return _purge(args.older_than)
    if args.command == "what-if":
        return _what_if(args)
    return _screen(args)


if __name__ == "__main__":
    sys.exit(main())
