"""The delivery contract between the staff console and the channels."""

from __future__ import annotations

from bot.delivery import StaffReply, authorized, request, staff_reply


def test_the_right_bearer_token_is_authorized() -> None:
    assert authorized("Bearer s3cret", "s3cret")


def test_a_wrong_missing_or_unset_token_is_not() -> None:
    assert not authorized("Bearer nope", "s3cret")
    assert not authorized(None, "s3cret")
    assert not authorized("s3cret", "s3cret")  # without "Bearer "
    assert not authorized("Bearer ", "")


def test_a_staff_reply_is_read_from_the_contract_body() -> None:
    body = request("sms-abc", "  Hello, this is Ana from 211.  ")
    assert staff_reply(body) == StaffReply("sms-abc", "Hello, this is Ana from 211.")


def test_bad_bodies_are_refused() -> None:
    assert staff_reply(None) is None
    assert staff_reply([]) is None
    assert staff_reply({"conversation_id": "c", "text": "hi"}) is None  # no "from"
    assert staff_reply({"conversation_id": "c", "text": "hi", "from": "bot"}) is None
    assert staff_reply({"conversation_id": "", "text": "hi", "from": "staff"}) is None
    assert staff_reply({"conversation_id": "c", "text": "   ", "from": "staff"}) is None
    assert staff_reply({"conversation_id": "c", "text": "x" * 1601, "from": "staff"}) is None
    assert staff_reply({"conversation_id": 5, "text": "hi", "from": "staff"}) is None
