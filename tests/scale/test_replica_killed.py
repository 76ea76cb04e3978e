"""A Rasa replica killed: the other one goes on with the conversation and its history.

In a file of its own, named to run after the other scale tests (pytest runs files in name
order): the killed replica is not started again, which saves the minute a Rasa start takes.
"""

from __future__ import annotations

import uuid

import pytest

from bot.i18n import render
from service.scaled import ScaledStack
from tests.scale.conftest import rest, texts, tracker, user_texts

pytestmark = pytest.mark.scale

ASK_PREGNANT = render("utter_ask_pregnant", "en").text


def test_a_rasa_replica_killed_the_other_goes_on_with_the_history(scaled: ScaledStack) -> None:
    sender = f"rasa-{uuid.uuid4().hex[:8]}"
    first = scaled.replica_url("rasa-1")
    rest(first, sender, "hi")
    rest(first, sender, "94110")
    scaled.kill_replica("rasa-1")  # it stays down: the session's stack stops at the end
    # Through the balancer, which finds rasa-1 gone and uses rasa-2.
    assert any(ASK_PREGNANT in t for t in texts(rest(scaled.rasa_url, sender, "34, 6")))
    assert texts(rest(scaled.replica_url("rasa-2"), sender, "no"))
    assert user_texts(scaled, sender) == ["hi", "94110", "34, 6", "no"]
    assert tracker(scaled, sender)["slots"]["requested_slot"] == "disability"
    # Every later message goes to rasa-2 alone, without errors.
    for answer in ["no", "2100"]:
        assert texts(rest(scaled.rasa_url, sender, answer))
