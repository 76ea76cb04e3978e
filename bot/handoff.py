"""Talking to a person: staffed hours, the wait we quote, and what the bot says about it.

Staffed hours are data (`bot/staffed_hours.yml`). In hours, a request puts the conversation in
the staff queue and tells the person about how long it may take; outside them, the bot says
so and offers to have someone write back when the team is in (a yes/no), or 211's number.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml
from babel.dates import format_time, get_day_names

from bot.i18n import locale_for

HOURS_FILE = Path(__file__).with_name("staffed_hours.yml")
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
END_OF_DAY = "24:00"

Messages = list[tuple[str, dict[str, Any]]]


@dataclass(frozen=True)
class StaffedHours:
    """Opening and closing times per weekday, in one time zone, and holidays."""

    zone: ZoneInfo
    hours: dict[int, tuple[time, time | None]]  # weekday -> (opens, closes; None = midnight)
    closed_on: frozenset[date] = frozenset()
    minutes_per_person: int = 5
    phone_211: str = "211"

    def is_open(self, moment: datetime) -> bool:
        """Whether staff are in at `moment` (a naive moment is taken to be UTC)."""
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=timezone.utc)
        local = moment.astimezone(self.zone)
        if local.date() in self.closed_on or local.weekday() not in self.hours:
            return False
        opens, closes = self.hours[local.weekday()]
        now = local.time()
        return opens <= now and (closes is None or now < closes)

    def describe(self, language: str) -> str:
        """The hours in the person's language, days grouped: "Mon - Fri, 8:00 AM - 6:00 PM"."""
        locale = locale_for(language)
        names = get_day_names("abbreviated", locale=locale)
        groups: list[tuple[list[int], tuple[time, time | None]]] = []
        for day in sorted(self.hours):
            span = self.hours[day]
            if groups and groups[-1][1] == span and groups[-1][0][-1] == day - 1:
                groups[-1][0].append(day)
            else:
                groups.append(([day], span))
        parts = []
        for days, (opens, closes) in groups:
            named = names[days[0]] if len(days) == 1 else f"{names[days[0]]} - {names[days[-1]]}"
            end = format_time(closes or time(23, 59), format="short", locale=locale)
            parts.append(f"{named}, {format_time(opens, format='short', locale=locale)} - {end}")
        return "; ".join(parts)


def _clock(text: str) -> time | None:
    if text == END_OF_DAY:
        return None
    hour, minute = text.split(":")
    return time(int(hour), int(minute))


def parse_hours(data: dict[str, Any]) -> StaffedHours:
    """Staffed hours from the YAML's shape; raises ValueError on an unknown day or bad time."""
    hours: dict[int, tuple[time, time | None]] = {}
    for day, span in (data.get("hours") or {}).items():
        if day not in DAYS or len(span) != 2:
            raise ValueError(f"bad staffed hours for {day!r}")
        opens, closes = _clock(str(span[0])), _clock(str(span[1]))
        if opens is None:
            raise ValueError(f"{day}: opening time cannot be {END_OF_DAY}")
        hours[DAYS.index(day)] = (opens, closes)
    return StaffedHours(
        zone=ZoneInfo(str(data.get("timezone") or "America/Los_Angeles")),
        hours=hours,
        closed_on=frozenset(
            d if isinstance(d, date) else date.fromisoformat(str(d))
            for d in data.get("closed_on") or ()
        ),
        minutes_per_person=int(data.get("minutes_per_person") or 5),
        phone_211=str(data.get("phone_211") or "211"),
    )


@lru_cache(maxsize=4)
def _load(path: str, version: tuple[int, int] = (0, 0)) -> StaffedHours:
    with open(path, encoding="utf-8") as handle:
        return parse_hours(yaml.safe_load(handle) or {})


def staffed_hours() -> StaffedHours:
    """The staffed hours in force: `ANYDOOR_STAFFED_HOURS`, else `bot/staffed_hours.yml`.

    Read again when the file changes, so new hours apply without a restart.
    """
    path = os.environ.get("ANYDOOR_STAFFED_HOURS") or str(HOURS_FILE)
    stat = os.stat(path)
    return _load(path, (stat.st_mtime_ns, stat.st_size))


def wait_minutes(hours: StaffedHours, ahead: int) -> int:
    """The wait we quote: a few minutes for each person ahead, and for this one."""
    return hours.minutes_per_person * (max(ahead, 0) + 1)


@dataclass(frozen=True)
class Reply:
    """What the bot says to a request for a person, and whether it asked a yes/no."""

    messages: Messages
    queued: bool
    callback_offered: bool = False


def reply_in_hours(hours: StaffedHours, ahead: int) -> Reply:
    """Queued: a person will write here, in about this many minutes."""
    return Reply(
        messages=[("utter_handoff_queued", {"minutes": wait_minutes(hours, ahead)})],
        queued=True,
    )


def reply_out_of_hours(hours: StaffedHours, language: str, in_screening: bool) -> Reply:
    """No one in: say when staff are, and offer a reply when they are back, or 211.

    During the screening the yes/no would be taken for the pending question, so the bot only
    gives the hours and 211's number there; AGENT after the screening makes the offer.
    """
    args = {"hours": hours.describe(language), "phone": hours.phone_211}
    if in_screening:
        return Reply(messages=[("utter_handoff_closed_screening", args)], queued=False)
    return Reply(messages=[("utter_handoff_closed", args)], queued=False, callback_offered=True)


def reply_to_callback(wanted: bool, hours: StaffedHours) -> Messages:
    """The answer to "should someone write back when the team is in?"."""
    if wanted:
        return [("utter_callback_yes", {})]
    return [("utter_callback_no", {"phone": hours.phone_211})]


def request_person(
    conversation_id: str,
    channel: str,
    language: str,
    in_screening: bool,
    now: datetime | None = None,
) -> Reply:
    """A request for a person: queued in staffed hours (blocking: it writes the queue)."""
    from bot.store import handoffs  # the store only when a request comes, not on import

    hours = staffed_hours()
    if not hours.is_open(now or datetime.now(timezone.utc)):
        return reply_out_of_hours(hours, language, in_screening)
    handoffs.enqueue(conversation_id, channel, language)
    return reply_in_hours(hours, handoffs.queued_ahead(conversation_id))


def answer_callback(conversation_id: str, channel: str, language: str, wanted: bool) -> Messages:
    """Yes queues the conversation flagged for a reply when staff are in; no gives 211."""
    from bot.store import handoffs

    if wanted:
        handoffs.enqueue(conversation_id, channel, language, callback_requested=True)
    return reply_to_callback(wanted, staffed_hours())
