"""SMS screenings through the real Rasa server, signed like Twilio signs, replies to a fake
Twilio API. The number is +1 510 555 01xx (a fictional range)."""

from __future__ import annotations

import json
import os
import sqlite3
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path
from unittest.mock import patch

import pytest
from twilio.request_validator import RequestValidator

from bot import sms
from bot.privacy import conversation_id
from service.stack import Stack, api_token
from tests.integration.conftest import SECRET, TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN
from tests.integration.fake_twilio import FakeTwilio

WEBHOOK = "/webhooks/twilio_sms/webhook"
STATUS = "/webhooks/twilio_sms/status"


def new_phone() -> str:
    return f"+1510555{uuid.uuid4().int % 10000:04d}"


def post(stack: Stack, path: str, params: dict[str, str], signature: str | None) -> int:
    request = urllib.request.Request(
        stack.rasa_url + path, data=urllib.parse.urlencode(params).encode(), method="POST"
    )
    request.add_header("Content-Type", "application/x-www-form-urlencoded")
    if signature is not None:
        request.add_header("X-Twilio-Signature", signature)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def signed(stack: Stack, path: str, params: dict[str, str]) -> str:
    return str(RequestValidator(TWILIO_AUTH_TOKEN).compute_signature(stack.rasa_url + path, params))


def text_in(stack: Stack, phone: str, body: str, sid: str | None = None) -> int:
    """Twilio delivering one SMS from `phone` to our webhook, signed."""
    params = {
        "MessageSid": sid or "SM" + uuid.uuid4().hex, "AccountSid": TWILIO_ACCOUNT_SID,
        "From": phone, "To": "+15005550006", "Body": body, "NumMedia": "0",
    }
    return post(stack, WEBHOOK, params, signed(stack, WEBHOOK, params))


class Phone:
    """One person texting: send a message, get the SMS bodies it produced."""

    def __init__(self, stack: Stack, fake: FakeTwilio) -> None:
        self.stack, self.fake, self.number = stack, fake, new_phone()

    def text(self, body: str, expect: int = 1) -> list[str]:
        before = len(self.fake.to(self.number))
        assert text_in(self.stack, self.number, body) == 200
        return self.fake.wait_for(self.number, before + expect)[before:]


def tracker_events(stack: Stack, conversation: str) -> list[dict[str, object]]:
    url = f"{stack.rasa_url}/conversations/{conversation}/tracker?token={api_token()}"
    with urllib.request.urlopen(url, timeout=30) as response:
        return list(json.loads(response.read())["events"])


def conversation_of(phone: str) -> str:
    """The conversation id the stack derives from a number (same secret)."""
    with patch.dict(os.environ, {"ANYDOOR_SECRET": SECRET}):
        return conversation_id(phone)


def user_messages(stack: Stack, phone: str) -> list[dict[str, object]]:
    """The person's messages in the stored conversation."""
    events = tracker_events(stack, conversation_of(phone))
    return [event for event in events if event["event"] == "user"]


def deliveries(stack: Stack, phone: str, timeout: float = 20) -> list[tuple[object, ...]]:
    """(status, error_code, attempts) of the sends to a number, once there are some."""
    deadline = time.monotonic() + timeout
    while True:
        with sqlite3.connect(app_db(stack)) as db:
            rows = db.execute(
                "SELECT status, error_code, attempts FROM sms_deliveries"
                " WHERE conversation_id = ?",
                (conversation_of(phone),),
            ).fetchall()
        if rows or time.monotonic() > deadline:
            return rows
        time.sleep(0.1)


def app_db(stack: Stack) -> Path:
    return Path(stack.environment()["ANYDOOR_DATABASE_URL"].removeprefix("sqlite:///"))


def test_a_full_screening_by_sms_costs_few_segments(stack: Stack, fake_twilio: FakeTwilio) -> None:
    phone = Phone(stack, fake_twilio)
    bodies = phone.text("hi")
    assert bodies[0].startswith("Hi! I can help you find programs")
    assert "What is your ZIP code?" in bodies[0]  # greeting and question in one SMS body
    for answer in ["94110", "34 and 6", "2", "no", "2100", "1", "1200"]:  # "2" = No, "1" = Yes
        bodies += phone.text(answer)
    result = bodies[-1]
    assert "CalFresh: you may get about $263 to $353 a month for food." in result
    assert "Reply 1 for Start over, 2 for What else can I ask, 3 for Erase my answers." in result
    assert all(sms.encoding(body) == "GSM-7" for body in bodies)
    segments = sum(sms.segment_count(body) for body in bodies)
    print(f"\nEnglish SMS screening: {len(bodies)} bodies, {segments} segments")
    assert segments <= 12


def test_forged_and_unsigned_webhooks_are_rejected_and_never_handled(
    stack: Stack, fake_twilio: FakeTwilio
) -> None:
    phone = new_phone()
    params = {"MessageSid": "SM" + uuid.uuid4().hex, "From": phone, "Body": "hi"}
    good = signed(stack, WEBHOOK, params)
    forgeries = [
        None,  # unsigned
        "",
        "bm90IGEgc2lnbmF0dXJl",
        good[:-2] + "AA",
        RequestValidator("another-token").compute_signature(stack.rasa_url + WEBHOOK, params),
        RequestValidator(TWILIO_AUTH_TOKEN).compute_signature("http://evil.example" + WEBHOOK,
                                                              params),
    ]
    statuses = [post(stack, WEBHOOK, params, forged) for forged in forgeries]
    # A real signature replayed on other content: each must fail too.
    for tampered in ({**params, "Body": "DELETE"}, {**params, "From": new_phone()},
                     {**params, "NumMedia": "1"}, {k: v for k, v in params.items() if k != "Body"}):
        statuses.append(post(stack, WEBHOOK, tampered, good))
    statuses.append(post(stack, WEBHOOK + "?x=1", params, good))
    statuses.append(post(stack, STATUS, params, good))  # signed for the webhook, not this URL
    statuses.append(post(stack, STATUS, {"MessageSid": "SM1", "MessageStatus": "failed"}, None))
    print(f"\nForged SMS requests rejected: {statuses.count(403)} of {len(statuses)}")
    assert statuses == [403] * len(statuses)
    time.sleep(1)
    assert fake_twilio.to(phone) == []
    assert not user_messages(stack, phone)


def test_a_webhook_delivered_ten_times_is_handled_once(
    stack: Stack, fake_twilio: FakeTwilio
) -> None:
    phone = new_phone()
    sid = "SM" + uuid.uuid4().hex
    assert [text_in(stack, phone, "hi", sid=sid) for _ in range(10)] == [200] * 10
    fake_twilio.wait_for(phone, 1)
    time.sleep(1.5)
    assert len(fake_twilio.to(phone)) == 1
    assert len(user_messages(stack, phone)) == 1


def test_stop_means_nothing_more_is_sent_until_start(stack: Stack, fake_twilio: FakeTwilio) -> None:
    phone = Phone(stack, fake_twilio)
    phone.text("hi")
    assert text_in(stack, phone.number, "STOP") == 200
    assert text_in(stack, phone.number, "94110") == 200
    time.sleep(1.5)
    assert len(fake_twilio.to(phone.number)) == 1
    assert phone.text("START")[0].startswith("Welcome back!")


def test_help_says_who_we_are_and_how_to_stop(stack: Stack, fake_twilio: FakeTwilio) -> None:
    reply = Phone(stack, fake_twilio).text("HELP")[0]
    assert reply.startswith("AnyDoor:") and "STOP" in reply and "211" in reply


def test_a_failed_send_is_retried_and_recorded(stack: Stack, fake_twilio: FakeTwilio) -> None:
    phone = Phone(stack, fake_twilio)
    fake_twilio.fail_next(2)
    assert phone.text("hi")[0].startswith("Hi!")
    assert deliveries(stack, phone.number) == [("queued", None, 3)]


def test_a_send_that_keeps_failing_is_recorded_and_the_next_message_still_works(
    stack: Stack, fake_twilio: FakeTwilio
) -> None:
    phone = Phone(stack, fake_twilio)
    fake_twilio.fail_next(5, status=503)
    assert text_in(stack, phone.number, "hi") == 200
    assert deliveries(stack, phone.number) == [("failed", "20500", 5)]
    assert phone.text("94110")[0].startswith("How old is each person")


def test_status_callbacks_record_delivery_failures(stack: Stack, fake_twilio: FakeTwilio) -> None:
    phone = Phone(stack, fake_twilio)
    phone.text("hi")
    deliveries(stack, phone.number)
    conversation = conversation_of(phone.number)
    with sqlite3.connect(app_db(stack)) as db:
        (sid,) = db.execute(
            "SELECT message_sid FROM sms_deliveries WHERE conversation_id = ?", (conversation,)
        ).fetchone()
    params = {"MessageSid": sid, "MessageStatus": "undelivered", "ErrorCode": "30003"}
    assert post(stack, STATUS, params, signed(stack, STATUS, params)) == 200
    with sqlite3.connect(app_db(stack)) as db:
        row = db.execute(
            "SELECT status, error_code FROM sms_deliveries WHERE message_sid = ?", (sid,)
        ).fetchone()
    assert row == ("undelivered", "30003")


def test_no_phone_number_or_message_text_is_stored_or_logged(
    stack: Stack, fake_twilio: FakeTwilio
) -> None:
    phone = Phone(stack, fake_twilio)
    for answer in ["hi", "94110", "41 and 9", "no", "no", "1777 a month"]:
        phone.text(answer)
    digits = phone.number.removeprefix("+1")
    places = [app_db(stack), Path(stack.environment()["ANYDOOR_TRACKER_DB"]),
              *Path(stack.log_dir).glob("*.log")]
    for place in places:
        content = place.read_bytes()
        assert digits.encode() not in content, f"phone number found in {place.name}"
    for place in [app_db(stack), *Path(stack.log_dir).glob("*.log")]:
        assert b"1777 a month" not in place.read_bytes(), f"message text found in {place.name}"


def test_delete_erases_the_conversation_and_the_number(
    stack: Stack, fake_twilio: FakeTwilio
) -> None:
    phone = Phone(stack, fake_twilio)
    phone.text("hi")
    phone.text("94110")
    conversation = conversation_of(phone.number)
    assert user_messages(stack, phone.number)
    assert phone.text("DELETE")[0] == "Done. I erased your answers. Say hi to start again."
    time.sleep(0.5)
    assert not user_messages(stack, phone.number)
    with sqlite3.connect(app_db(stack)) as db:
        for table in ("sms_contacts", "sms_inbound", "sms_deliveries"):
            count = db.execute(
                f"SELECT COUNT(*) FROM {table} WHERE conversation_id = ?", (conversation,)
            ).fetchone()[0]
            assert count == 0, table


@pytest.mark.parametrize("words", ["please erase everything i told you"])
def test_asking_in_words_to_delete_also_erases(
    stack: Stack, fake_twilio: FakeTwilio, words: str
) -> None:
    phone = Phone(stack, fake_twilio)
    phone.text("hi")
    assert phone.text(words)[0].startswith("Done. I erased your answers.")
    time.sleep(0.5)
    assert not user_messages(stack, phone.number)


def test_messages_sent_in_a_burst_are_handled_in_order(
    stack: Stack, fake_twilio: FakeTwilio
) -> None:
    phone = new_phone()
    answers = ["hi", "94110", "34, 6", "no", "no"]
    for answer in answers:  # Twilio delivers them back to back, without waiting for replies
        assert text_in(stack, phone, answer) == 200
    fake_twilio.wait_for(phone, len(answers))
    assert [event["text"] for event in user_messages(stack, phone)] == answers
    assert fake_twilio.to(phone)[-1].startswith("About how much money")


def test_a_chinese_conversation_gets_chinese_sms_counted_in_ucs2(
    stack: Stack, fake_twilio: FakeTwilio
) -> None:
    from bot.i18n import render

    phone = Phone(stack, fake_twilio)
    (body,) = phone.text("你好，我需要帮助")
    expected = render("utter_greet", "zh").text + "\n" + render("utter_ask_zip_code", "zh").text
    assert body == sms.for_language(expected, "zh")
    assert sms.encoding(body) == "UCS-2"
    assert sms.segment_count(body) == (1 if len(body) <= 70 else -(-len(body) // 67))
    # Not a ZIP code: asked again with an example, still in Chinese.
    retry = render("utter_ask_zip_code", "zh", variant="retry").text
    assert phone.text("紫色")[0] == sms.for_language(retry, "zh")
