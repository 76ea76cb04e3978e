"""What staff read about a conversation: the screening answers, the result, the transcript.

Works on the tracker as Rasa's HTTP API returns it (plain JSON; Rasa is not imported). The
words here are for 211 staff, in English, not for the person.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from babel import Locale, UnknownLocaleError

from bot.answers import UNKNOWN
from bot.language import conversation_language

STAFF_LANGUAGES = ("en", "es")
RESULT_ACTION = "action_show_result"
STAFF = "staff"

# Screening answers, in the order the bot asks them, with the label staff read.
ANSWER_LABELS = (
    ("zip_code", "ZIP code"),
    ("county", "County"),
    ("state", "State"),
    ("member_ages", "Ages in the household"),
    ("pregnant", "Anyone pregnant"),
    ("disability", "Anyone with a disability"),
    ("monthly_income", "Income a month, before taxes"),
    ("earned_income", "Some income from work"),
    ("housing_cost", "Rent or mortgage a month"),
)


@dataclass(frozen=True)
class Line:
    """One message of the transcript: who said it (person, bot or staff), what, when (UTC)."""

    speaker: str
    text: str
    at: datetime | None


@dataclass(frozen=True)
class Summary:
    """The top of the conversation view."""

    answers: list[tuple[str, str]]
    results: list[str]
    language: str
    language_name: str
    staff_language_differs: bool
    channel: str | None
    paused: bool


def _shown(value: Any, slot: str) -> str | None:
    if value is None:
        return None
    if value == UNKNOWN:
        return "not sure / skipped"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if slot in ("monthly_income", "housing_cost") and isinstance(value, int | float):
        return f"${value:,.0f}"
    return str(value)


def answers(slots: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The screening answers given so far, labelled."""
    shown = ((label, _shown(slots.get(slot), slot)) for slot, label in ANSWER_LABELS)
    return [(label, value) for label, value in shown if value is not None]


def _events(tracker: Mapping[str, Any]) -> list[dict[str, Any]]:
    return [event for event in tracker.get("events") or () if isinstance(event, dict)]


def results(tracker: Mapping[str, Any]) -> list[str]:
    """The messages of the latest screening result (after `action_show_result`)."""
    events = _events(tracker)
    start = None
    for index, event in enumerate(events):
        if event.get("event") == "action" and event.get("name") == RESULT_ACTION:
            start = index
    if start is None:
        return []
    found = []
    for event in events[start + 1 :]:
        if event.get("event") == "user":
            break
        if event.get("event") == "bot" and event.get("text"):
            found.append(str(event["text"]))
    return found


def _moment(event: Mapping[str, Any]) -> datetime | None:
    stamp = event.get("timestamp")
    if not isinstance(stamp, int | float):
        return None
    return datetime.fromtimestamp(stamp, timezone.utc).replace(tzinfo=None)


def _button_titles(event: Mapping[str, Any]) -> dict[str, str]:
    """A bot message's buttons: payload -> the title the person saw."""
    buttons = (event.get("data") or {}).get("buttons") or ()
    return {
        str(button["payload"]): str(button["title"])
        for button in buttons
        if isinstance(button, dict) and button.get("payload") and button.get("title")
    }


def lines(tracker: Mapping[str, Any]) -> list[Line]:
    """The person's, the bot's and staff messages, in order. A button the person pressed
    shows as its title ("Someone moves in"), not as its payload ("/what_if{...}")."""
    found = []
    buttons: dict[str, str] = {}
    for event in _events(tracker):
        kind, text = event.get("event"), event.get("text")
        if kind == "bot":
            buttons.update(_button_titles(event))
        if not text:
            continue
        if kind == "user":
            shown = buttons.get(str(text))
            buttons = {}  # buttons answer only the message that follows them
            found.append(
                Line("person", f"[{shown}]" if shown else str(text), _moment(event))
            )
        elif kind == "bot":
            from_staff = (event.get("metadata") or {}).get("from") == STAFF
            found.append(Line(STAFF if from_staff else "bot", str(text), _moment(event)))
    return found


def latest_input_channel(tracker: Mapping[str, Any]) -> str | None:
    """The channel of the person's latest message (where a reply must go)."""
    for event in reversed(_events(tracker)):
        if event.get("event") == "user" and event.get("input_channel"):
            return str(event["input_channel"])
    return None


def question_held_at_pause(tracker: Mapping[str, Any]) -> str | None:
    """The question (requested slot) pending when staff took over, to ask again at hand-back.

    While staff hold a conversation Rasa still fills the pending question's slot from each
    message ("are you there?" would become the ages), so the pause clears `requested_slot`
    and the hand-back puts it back: the value set last before the latest `pause`.
    """
    pending: str | None = None
    held: str | None = None
    for event in _events(tracker):
        if event.get("event") == "slot" and event.get("name") == "requested_slot":
            pending = event.get("value")
        elif event.get("event") == "pause":
            held = pending
        elif event.get("event") == "restart":
            pending = held = None
    return held


def is_paused(tracker: Mapping[str, Any]) -> bool:
    """Whether staff took over (a `pause` not followed by `resume` or `restart`)."""
    paused = False
    for event in _events(tracker):
        if event.get("event") == "pause":
            paused = True
        elif event.get("event") in ("resume", "restart"):
            paused = False
    return paused


def language_name(language: str) -> str:
    """The language's name in English, for staff ("Korean", "Chinese (Traditional)")."""
    try:
        return str(Locale.parse(language).get_display_name("en"))
    except (UnknownLocaleError, ValueError):
        return language


def language_of(tracker: Mapping[str, Any]) -> str:
    """The conversation's language: chosen, or detected from the person's messages."""
    texts: Iterable[str] = (
        str(event.get("text") or "") for event in _events(tracker) if event.get("event") == "user"
    )
    return conversation_language((tracker.get("slots") or {}).get("language"), texts)


def summarize(tracker: Mapping[str, Any]) -> Summary:
    """Answers, result, language and channel of a conversation, for the top of the view."""
    language = language_of(tracker)
    return Summary(
        answers=answers(tracker.get("slots") or {}),
        results=results(tracker),
        language=language,
        language_name=language_name(language),
        staff_language_differs=language.split("_")[0] not in STAFF_LANGUAGES,
        channel=latest_input_channel(tracker),
        paused=is_paused(tracker),
    )
