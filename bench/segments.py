"""SMS cost of a complete screening per language, from the catalogs (no server needed).

Renders the messages a typical screening sends over SMS (the same household as the SMS
integration test), composes them into SMS bodies the way the Twilio channel does, and prints
bodies, segments and encoding per language. `--show` prints the bodies too.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot import sms  # noqa: E402
from bot.eligibility import screen  # noqa: E402
from bot.i18n import LOCALES_DIR, numbered_choices, render  # noqa: E402
from bot.results import compose  # noqa: E402

HOUSEHOLD = {
    "state": "CA", "zip_code": "94110", "county": "San Francisco County", "member_ages": [34, 6],
    "pregnant": False, "disability": False, "monthly_income": 2100, "earned_income": True,
    "housing_cost": 1200,
}
# One SMS turn per list: what the bot sends after each message of the person.
TURNS: list[list[tuple[str, dict[str, object]]]] = [
    [("utter_greet", {}), ("utter_ask_zip_code", {})],
    [("utter_ask_member_ages", {})],
    [("utter_ask_pregnant", {})],
    [("utter_ask_disability", {})],
    [("utter_ask_monthly_income", {})],
    [("utter_ask_earned_income", {})],
    [("utter_ask_housing_cost", {})],
]


def languages() -> list[str]:
    """Every language with a catalog."""
    return sorted(path.parts[-3] for path in LOCALES_DIR.glob("*/LC_MESSAGES/messages.po"))


def screening_bodies(language: str) -> list[str]:
    """The SMS bodies of a complete screening in `language`."""
    result = compose(screen(HOUSEHOLD, on=date(2026, 11, 24)), HOUSEHOLD)
    turns = [*TURNS, [*result, ("utter_menu", {})]]
    bodies: list[str] = []
    for turn in turns:
        texts = [numbered_choices(render(mid, language, args), language).text for mid, args in turn]
        bodies += sms.compose(texts, language=language)
    return bodies


def main() -> None:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lang", action="append", help="only these languages")
    parser.add_argument("--show", action="store_true", help="print the bodies")
    args = parser.parse_args()
    print(f"{'language':10} {'bodies':>6} {'segments':>8}  encodings")
    for language in args.lang or languages():
        bodies = screening_bodies(language)
        segments = sum(sms.segment_count(body) for body in bodies)
        encodings = sorted({sms.encoding(body) for body in bodies})
        print(f"{language:10} {len(bodies):>6} {segments:>8}  {', '.join(encodings)}")
        if args.show:
            for body in bodies:
                print(f"  [{sms.segment_count(body)} {sms.encoding(body)}] {body!r}")


if __name__ == "__main__":
    main()
