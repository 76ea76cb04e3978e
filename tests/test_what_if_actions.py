"""The what-if actions, run as Rasa runs them (a tracker in, messages and events out)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.what_if import ActionShowWhatIf, ActionWhatIfRead, ValidateWhatIfForm

ANSWERS = {
    "state": "CA",
    "zip_code": "94110",
    "county": "San Francisco County",
    "member_ages": [34, 6],
    "pregnant": False,
    "disability": False,
    "monthly_income": 2100.0,
    "earned_income": True,
    "housing_cost": 1200.0,
}


def tracker(slots: dict[str, Any], text: str = "") -> Tracker:
    return Tracker("t", slots, {"text": text}, [], False, None, {}, "action_listen")


def test_reading_a_full_what_if_sets_only_what_if_slots() -> None:
    events = asyncio.run(
        ActionWhatIfRead().run(
            CollectingDispatcher(), tracker(ANSWERS, "what if I earn $800 more a month"), {}
        )
    )
    set_slots = {event["name"]: event["value"] for event in events}
    assert set_slots["what_if_step"] == "compare"
    assert set_slots["what_if_new_income"] == 2900
    assert not set(set_slots) & set(ANSWERS)


def test_the_form_asks_only_what_the_change_needs() -> None:
    slots = {**ANSWERS, "what_if_change": "married"}
    required = asyncio.run(
        ValidateWhatIfForm().required_slots([], CollectingDispatcher(), tracker(slots), {})
    )
    assert required == ["what_if_change", "what_if_spouse_age", "what_if_their_income"]


def test_the_difference_is_sent_as_message_ids_for_the_nlg(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ANYDOOR_TODAY", "2026-11-24")
    slots = {**ANSWERS, "what_if_change": "baby", "what_if_step": "compare"}
    dispatcher = CollectingDispatcher()
    assert asyncio.run(ActionShowWhatIf().run(dispatcher, tracker(slots), {})) == []
    assert [m["response"] for m in dispatcher.messages] == [
        "what_if_intro_baby",
        "what_if_calfresh_change",
        "result_wic_likely_children",
        "what_if_next",
    ]


def test_a_what_if_that_does_not_make_a_household_gets_a_kind_reply(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ANYDOOR_TODAY", "2026-11-24")
    slots = {**ANSWERS, "what_if_change": "income", "what_if_new_income": None}
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionShowWhatIf().run(dispatcher, tracker(slots), {}))
    assert [m["response"] for m in dispatcher.messages] == ["utter_default"]
