"""Talking to a person: staffed hours, the quoted wait, and what the bot says."""

from __future__ import annotations

from datetime import date, datetime, time, timezone
from pathlib import Path

import pytest

from bot import handoff
from bot.handoff import StaffedHours, parse_hours
from bot.i18n import render

WEEKDAYS_8_TO_6 = {
    "timezone": "America/Los_Angeles",
    "hours": {day: ["08:00", "18:00"] for day in ("mon", "tue", "wed", "thu", "fri")},
    "closed_on": ["2026-12-25"],
    "minutes_per_person": 5,
    "phone_211": "211",
}


def hours() -> StaffedHours:
    return parse_hours(WEEKDAYS_8_TO_6)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=timezone.utc)


def test_tuesday_at_ten_in_los_angeles_is_staffed() -> None:
    assert hours().is_open(utc(2026, 12, 1, 18, 0))  # 10:00 PST


def test_six_in_the_evening_is_closed_and_eight_in_the_morning_is_open() -> None:
    assert not hours().is_open(utc(2026, 12, 2, 2, 0))  # 18:00 PST
    assert hours().is_open(utc(2026, 12, 1, 16, 0))  # 08:00 PST
    assert not hours().is_open(utc(2026, 12, 1, 15, 59))  # 07:59 PST


def test_summer_time_moves_the_hours_with_los_angeles() -> None:
    assert hours().is_open(utc(2026, 7, 7, 15, 0))  # 08:00 PDT
    assert not hours().is_open(utc(2026, 7, 8, 1, 0))  # 18:00 PDT


def test_weekends_and_holidays_have_no_staff() -> None:
    assert not hours().is_open(utc(2026, 12, 5, 18, 0))  # Saturday 10:00
    assert not hours().is_open(utc(2026, 12, 25, 18, 0))  # Christmas, a Friday


def test_a_naive_moment_is_taken_as_utc() -> None:
    assert hours().is_open(datetime(2026, 12, 1, 18, 0))


def test_24_hours_a_day_is_written_as_midnight() -> None:
    always = parse_hours({"hours": {"sat": ["00:00", "24:00"]}})
    assert always.is_open(utc(2026, 12, 6, 7, 59))  # Saturday 23:59 PST
    assert always.hours[5] == (time(0, 0), None)


def test_an_unknown_day_is_refused() -> None:
    with pytest.raises(ValueError):
        parse_hours({"hours": {"someday": ["08:00", "18:00"]}})


def test_the_hours_are_described_in_the_persons_language() -> None:
    assert hours().describe("en") == "Mon - Fri, 8:00\u202fAM - 6:00\u202fPM"
    assert hours().describe("es").startswith("lun - vie, 8:00")


def test_the_shipped_hours_file_is_weekdays_eight_to_six() -> None:
    shipped = handoff._load(str(handoff.HOURS_FILE))
    assert shipped.hours[0] == (time(8), time(18)) and 5 not in shipped.hours
    assert date(2026, 12, 25) in shipped.closed_on


def test_the_wait_grows_with_the_people_ahead() -> None:
    assert handoff.wait_minutes(hours(), 0) == 5
    assert handoff.wait_minutes(hours(), 3) == 20


def test_in_hours_the_person_hears_about_how_long_it_may_take() -> None:
    reply = handoff.reply_in_hours(hours(), ahead=1)
    assert reply.queued and not reply.callback_offered
    text = render(*reply.messages[0][:1], "en", reply.messages[0][1]).text
    assert "about 10 minutes" in text


def test_out_of_hours_the_bot_offers_a_reply_later_or_211() -> None:
    reply = handoff.reply_out_of_hours(hours(), "en", in_screening=False)
    assert reply.callback_offered and not reply.queued
    message_id, args = reply.messages[0]
    rendered = render(message_id, "en", args)
    assert "Mon - Fri" in rendered.text and "call 211" in rendered.text
    assert [b.payload for b in rendered.buttons] == ["/affirm", "/deny"]


def test_out_of_hours_during_the_screening_no_yes_or_no_is_asked() -> None:
    reply = handoff.reply_out_of_hours(hours(), "es", in_screening=True)
    assert not reply.callback_offered
    assert render(reply.messages[0][0], "es", reply.messages[0][1]).buttons == ()


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bot import store

    monkeypatch.setenv("ANYDOOR_VAR_DIR", str(tmp_path))
    monkeypatch.setenv("ANYDOOR_DATABASE_URL", f"sqlite:///{tmp_path / 'app.db'}")
    store.dispose_engines()
    store.upgrade()
    yield
    store.dispose_engines()


def test_asking_in_hours_puts_the_conversation_in_the_queue_once(database: None) -> None:
    from bot.store import handoffs

    tuesday_ten = utc(2026, 12, 1, 18, 0)
    first = handoff.request_person("sms-a", "twilio_sms", "ko", False, now=tuesday_ten)
    handoff.request_person("sms-b", "rest", "en", False, now=tuesday_ten)
    again = handoff.request_person("sms-a", "twilio_sms", "ko", False, now=tuesday_ten)
    queue = handoffs.queue()
    assert [(h.conversation_id, h.channel, h.language, h.status) for h in queue] == [
        ("sms-a", "twilio_sms", "ko", "queued"),
        ("sms-b", "rest", "en", "queued"),
    ]
    assert first.messages == again.messages == [("utter_handoff_queued", {"minutes": 5})]
    late = handoff.request_person("sms-c", "rest", "en", False, now=tuesday_ten)
    assert late.messages == [("utter_handoff_queued", {"minutes": 15})]


def test_asking_out_of_hours_queues_nothing_until_the_person_says_yes(database: None) -> None:
    from bot.store import handoffs

    saturday = utc(2026, 12, 5, 18, 0)
    reply = handoff.request_person("sms-a", "twilio_sms", "es", False, now=saturday)
    assert reply.callback_offered and handoffs.queue() == []
    assert handoff.answer_callback("sms-a", "twilio_sms", "es", wanted=False) == [
        ("utter_callback_no", {"phone": "211"})
    ]
    assert handoffs.queue() == []
    assert handoff.answer_callback("sms-a", "twilio_sms", "es", wanted=True) == [
        ("utter_callback_yes", {})
    ]
    (queued,) = handoffs.queue()
    assert queued.callback_requested and queued.language == "es"
