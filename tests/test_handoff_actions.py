"""AGENT as Rasa runs it: the handoff actions with a tracker in, messages and events out."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.handoff import ActionAnswerCallback, ActionRequestHuman
from bot import store
from bot.store import handoffs

NEVER_STAFFED = "hours: {}\n"
ALWAYS_STAFFED = "hours: {sun: ['00:00', '24:00'], mon: ['00:00', '24:00'], " + (
    "tue: ['00:00', '24:00'], wed: ['00:00', '24:00'], thu: ['00:00', '24:00'], "
    "fri: ['00:00', '24:00'], sat: ['00:00', '24:00']}\n"
)


@pytest.fixture(autouse=True)
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("ANYDOOR_VAR_DIR", str(tmp_path))
    monkeypatch.setenv("ANYDOOR_DATABASE_URL", f"sqlite:///{tmp_path / 'app.db'}")
    store.dispose_engines()
    store.upgrade()
    yield
    store.dispose_engines()


def staffed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hours: str) -> None:
    path = tmp_path / f"hours-{len(hours)}.yml"
    path.write_text(hours)
    monkeypatch.setenv("ANYDOOR_STAFFED_HOURS", str(path))


def run(action: Action, intent: str, active_loop: str | None = None) -> tuple[list, list]:
    events = [{"event": "user", "text": "AGENT", "input_channel": "twilio_sms"}]
    tracker = Tracker(
        "sms-abc",
        {"language": "vi"},
        {"text": "x", "intent": {"name": intent}},
        events,
        False,
        None,
        {"name": active_loop} if active_loop else {},
        "action_listen",
    )
    dispatcher = CollectingDispatcher()
    result = asyncio.run(action.run(dispatcher, tracker, {}))
    return [m["response"] for m in dispatcher.messages], result


def test_agent_in_staffed_hours_joins_the_queue_from_its_channel_in_its_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    staffed(tmp_path, monkeypatch, ALWAYS_STAFFED)
    responses, events = run(ActionRequestHuman(), "request_human")
    assert responses == ["utter_handoff_queued"]
    assert events == [
        {"event": "slot", "timestamp": None, "name": "callback_offered", "value": False}
    ]
    (queued,) = handoffs.queue()
    assert (queued.conversation_id, queued.channel, queued.language) == (
        "sms-abc",
        "twilio_sms",
        "vi",
    )


def test_agent_out_of_hours_asks_whether_to_write_back_and_yes_flags_the_queue(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    staffed(tmp_path, monkeypatch, NEVER_STAFFED)
    responses, events = run(ActionRequestHuman(), "request_human")
    assert responses == ["utter_handoff_closed"] and events[0]["value"] is True
    assert handoffs.queue() == []
    responses, events = run(ActionAnswerCallback(), "affirm")
    assert responses == ["utter_callback_yes"] and events[0]["value"] is False
    (queued,) = handoffs.queue()
    assert queued.callback_requested


def test_agent_out_of_hours_during_the_screening_asks_no_yes_or_no(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    staffed(tmp_path, monkeypatch, NEVER_STAFFED)
    responses, events = run(ActionRequestHuman(), "request_human", "screening_form")
    assert responses == ["utter_handoff_closed_screening"] and events[0]["value"] is False
