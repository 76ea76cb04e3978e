"""The result action, run as Rasa runs it (a tracker in, messages and events out)."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.screening import ActionShowResult

ANSWERS = {
    "state": "CA", "zip_code": "94110", "county": "San Francisco County", "member_ages": [34, 6],
    "pregnant": False, "disability": False, "monthly_income": 2100.0, "earned_income": True,
    "housing_cost": 1200.0,
}


def run_result(slots: dict[str, object]) -> list[dict[str, object]]:
    tracker = Tracker("t", slots, {"text": "1200"}, [], False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionShowResult().run(dispatcher, tracker, {}))
    return dispatcher.messages


def test_the_result_is_sent_as_message_ids_for_the_nlg(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANYDOOR_TODAY", "2026-11-24")
    responses = [message["response"] for message in run_result(ANSWERS)]
    assert responses == [
        "result_intro", "result_calfresh_likely", "result_medi_cal_likely_everyone",
        "next_apply_county", "result_also",
    ]


def test_a_date_with_no_rules_loaded_gets_a_kind_reply_not_a_crash(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ANYDOOR_TODAY", "2031-01-01")
    assert [m["response"] for m in run_result(ANSWERS)] == ["utter_rules_unavailable"]
