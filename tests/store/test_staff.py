"""Staff accounts, passwords, sessions, sign-in limits, the audit log and the handoff queue."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from bot import staff
from bot.store import handoffs
from bot.store import staff as accounts
from bot.store.db import utc_now

PASSWORD = "correct horse battery"


def test_a_password_is_kept_only_as_an_argon2id_hash() -> None:
    hashed = staff.hash_password(PASSWORD)
    assert hashed.startswith("$argon2id$") and PASSWORD not in hashed
    assert staff.hash_password(PASSWORD) != hashed  # salted
    assert staff.verify_password(hashed, PASSWORD)
    assert not staff.verify_password(hashed, PASSWORD + "!")
    assert not staff.verify_password("not a hash", PASSWORD)


def test_an_account_signs_in_with_its_password_only(database: Path) -> None:
    made = accounts.add_account("Ana@Example.org", PASSWORD, "agent")
    assert made.email == "ana@example.org" and made.role == "agent"
    assert accounts.authenticate("ana@example.org", PASSWORD) == made
    assert accounts.authenticate(" ANA@example.org ", PASSWORD) == made
    assert accounts.authenticate("ana@example.org", "wrong password!") is None
    assert accounts.authenticate("nobody@example.org", PASSWORD) is None
    with sqlite3.connect(database) as db:
        (stored,) = db.execute("SELECT password_hash FROM staff_accounts").fetchone()
    assert stored.startswith("$argon2id$")


@pytest.mark.parametrize(
    ("email", "password", "role"),
    [
        ("not-an-email", PASSWORD, "agent"),
        ("ana@example.org", "short", "agent"),
        ("ana@example.org", PASSWORD, "admin"),
    ],
)
def test_bad_accounts_are_refused(database: Path, email: str, password: str, role: str) -> None:
    with pytest.raises(accounts.StaffError):
        accounts.add_account(email, password, role)


def test_an_email_has_one_account(database: Path) -> None:
    accounts.add_account("ana@example.org", PASSWORD, "agent")
    with pytest.raises(accounts.StaffError, match="exists"):
        accounts.add_account("ANA@example.org", PASSWORD, "supervisor")


def test_a_session_ends_after_30_idle_minutes(database: Path) -> None:
    ana = accounts.add_account("ana@example.org", PASSWORD, "agent")
    start = utc_now()
    token, csrf = accounts.start_session(ana.id, now=start)
    opened = accounts.touch_session(token, now=start + timedelta(minutes=29))
    assert opened is not None and opened.staff == ana and opened.csrf_token == csrf
    assert accounts.touch_session(token, now=start + timedelta(minutes=58)) is not None
    assert accounts.touch_session(token, now=start + timedelta(minutes=89)) is None
    assert accounts.touch_session(token, now=start + timedelta(minutes=90)) is None  # deleted


def test_a_session_ends_after_8_hours_even_when_busy(database: Path) -> None:
    ana = accounts.add_account("ana@example.org", PASSWORD, "agent")
    start = utc_now()
    token, _ = accounts.start_session(ana.id, now=start)
    for minutes in range(20, 8 * 60, 20):
        assert accounts.touch_session(token, now=start + timedelta(minutes=minutes)) is not None
    assert accounts.touch_session(token, now=start + timedelta(hours=8)) is None


def test_only_a_hash_of_the_session_token_is_stored(database: Path) -> None:
    ana = accounts.add_account("ana@example.org", PASSWORD, "agent")
    token, _ = accounts.start_session(ana.id)
    with sqlite3.connect(database) as db:
        (stored,) = db.execute("SELECT token_hash FROM staff_sessions").fetchone()
    assert stored == staff.token_hash(token) != token
    accounts.end_session(token)
    assert accounts.touch_session(token) is None


def test_csrf_tokens_compare_exactly() -> None:
    token = staff.new_token()
    assert staff.same_token(token, token)
    assert not staff.same_token(token, token[:-1] + "x")
    assert not staff.same_token(token, None) and not staff.same_token(None, None)
    assert not staff.same_token("", "")


def test_failed_sign_ins_are_counted_per_key_within_15_minutes(database: Path) -> None:
    key = accounts.failure_key("email", "ana@example.org")
    assert key != accounts.failure_key("address", "ana@example.org")
    assert "ana" not in key
    for _ in range(staff.MAX_FAILURES_PER_ACCOUNT):
        accounts.record_login_failure([key])
    assert accounts.recent_failures(key) == 5
    assert accounts.recent_failures(key, now=utc_now() + timedelta(minutes=16)) == 0


def test_only_supervisors_read_the_audit_log() -> None:
    assert staff.may_view_audit("supervisor") and not staff.may_view_audit("agent")


def test_audit_rows_say_who_what_which_conversation_and_when(database: Path) -> None:
    ana = accounts.add_account("ana@example.org", PASSWORD, "agent")
    accounts.audit(ana.id, "take", "sms-a")
    accounts.audit(None, "login_failed")
    newest, oldest = accounts.audit_log()
    assert (oldest.staff_email, oldest.action, oldest.conversation_id) == (
        "ana@example.org",
        "take",
        "sms-a",
    )
    assert newest.staff_email is None and newest.action == "login_failed"
    assert abs(oldest.at - utc_now()) < timedelta(minutes=1)
    with pytest.raises(ValueError):
        accounts.audit(ana.id, "reply with text: hello")


def test_the_queue_goes_queued_taken_closed(database: Path) -> None:
    ana = accounts.add_account("ana@example.org", PASSWORD, "agent")
    queued, created = handoffs.enqueue("sms-a", "twilio_sms", "vi")
    assert created and queued.status == "queued"
    assert handoffs.enqueue("sms-a", "twilio_sms", "vi")[1] is False
    assert handoffs.take(queued.id, ana.id)
    taken = handoffs.get(queued.id)
    assert taken is not None and taken.status == "taken" and taken.taken_by_email == ana.email
    assert handoffs.close(queued.id) and not handoffs.close(queued.id)
    assert handoffs.queue() == [] and handoffs.open_handoff("sms-a") is None
    assert handoffs.enqueue("sms-a", "twilio_sms", "vi")[1] is True  # a new request


def test_erasing_a_conversation_deletes_its_handoffs_and_notes(database: Path) -> None:
    ana = accounts.add_account("ana@example.org", PASSWORD, "agent")
    handoffs.enqueue("sms-a", "twilio_sms", "en")
    handoffs.add_note("sms-a", ana.id, "Called back, left a message.")
    handoffs.enqueue("sms-b", "rest", "en")
    assert [n.text for n in handoffs.notes("sms-a")] == ["Called back, left a message."]
    assert handoffs.erase_handoffs("sms-a") == 2
    assert handoffs.notes("sms-a") == [] and [h.conversation_id for h in handoffs.queue()] == [
        "sms-b"
    ]


def test_the_handoffs_table_has_no_message_text_or_phone_column(database: Path) -> None:
    with sqlite3.connect(database) as db:
        columns = {row[1] for row in db.execute("PRAGMA table_info(handoffs)")}
    assert columns == {
        "id",
        "conversation_id",
        "channel",
        "language",
        "status",
        "callback_requested",
        "created_at",
        "updated_at",
        "taken_at",
        "closed_at",
        "taken_by",
    }
