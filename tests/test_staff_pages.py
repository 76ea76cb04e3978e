"""The console's pages escape everything: people's messages, notes, emails are hostile text."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.store.handoffs import HandoffView, Note
from bot.store.staff import AuditRow, Staff
from bot.transcript import lines, summarize
from service.staff import html as pages

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>\'"&'
ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
NOW = datetime(2026, 12, 1, 18, 0)
STAFF = Staff(id=1, email="ana@example.org", role="supervisor")


def handoff(**changes: object) -> HandoffView:
    values: dict[str, object] = {
        "id": 7,
        "conversation_id": HOSTILE,
        "channel": HOSTILE,
        "language": HOSTILE,
        "status": "taken",
        "callback_requested": True,
        "created_at": NOW,
        "updated_at": NOW,
        "taken_at": NOW,
        "closed_at": None,
        "taken_by": 1,
        "taken_by_email": HOSTILE,
    }
    values.update(changes)
    return HandoffView(**values)  # type: ignore[arg-type]


def hostile_tracker() -> dict[str, object]:
    return {
        "slots": {"zip_code": HOSTILE, "member_ages": [HOSTILE], "language": "ko"},
        "events": [
            {"event": "user", "text": HOSTILE, "timestamp": 1.0, "input_channel": HOSTILE},
            {"event": "action", "name": "action_show_result"},
            {"event": "bot", "text": HOSTILE, "timestamp": 2.0},
            {"event": "bot", "text": HOSTILE, "metadata": {"from": "staff"}, "timestamp": 3.0},
        ],
    }


def assert_safe(page: str) -> None:
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "onerror=alert(1)>" not in page
    assert ESCAPED in page


def test_escape_covers_markup_and_both_quotes() -> None:
    assert pages.escape(HOSTILE) == (
        ESCAPED + "&lt;img src=x onerror=alert(1)&gt;&#x27;&quot;&amp;"
    )
    assert pages.escape(pages.Html("<b>")) == "<b>"


def test_the_conversation_page_escapes_messages_slots_notes_and_emails() -> None:
    tracker = hostile_tracker()
    note = Note(id=1, conversation_id="c", author_email=HOSTILE, text=HOSTILE, created_at=NOW)
    page = pages.conversation_page(
        STAFF, HOSTILE, handoff(), summarize(tracker), lines(tracker), [note], flash=HOSTILE
    )
    assert_safe(page)
    assert page.count(ESCAPED) >= 8  # answers, result, 3 lines, note, author, flash, ...
    assert 'name="csrf" value="&lt;script&gt;' in page


def test_the_queue_page_escapes_every_field() -> None:
    page = pages.queue_page(STAFF, HOSTILE, [handoff(status="queued")], {HOSTILE: HOSTILE})
    assert_safe(page)


def test_the_login_page_escapes_the_email_given_back() -> None:
    page = pages.login_page(HOSTILE, error=HOSTILE, email=HOSTILE)
    assert_safe(page)
    assert 'value="' + ESCAPED in page


def test_the_audit_page_escapes_every_field() -> None:
    row = AuditRow(at=NOW, staff_email=HOSTILE, action=HOSTILE, conversation_id=HOSTILE)
    assert_safe(pages.audit_page(STAFF, "csrf", [row]))


def test_message_pages_escape_their_text() -> None:
    assert_safe(pages.message_page(HOSTILE, HOSTILE, STAFF, HOSTILE))


def test_an_agent_sees_no_audit_link_and_a_supervisor_does() -> None:
    agent = Staff(id=2, email="bo@example.org", role="agent")
    assert "/staff/audit" not in pages.queue_page(agent, "t", [], {})
    assert "/staff/audit" in pages.queue_page(STAFF, "t", [], {})


def test_a_queued_handoff_offers_take_over_and_a_taken_one_offers_reply_and_hand_back() -> None:
    summary = summarize({"slots": {}, "events": []})
    queued = pages.conversation_page(STAFF, "t", handoff(status="queued"), summary, [], [])
    taken = pages.conversation_page(STAFF, "t", handoff(status="taken"), summary, [], [])
    assert "/take" in queued and "/reply" not in queued
    assert "/reply" in taken and "/hand-back" in taken and "/take" not in taken


def test_cookies_are_secure_when_the_console_is_served_over_https(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from service.staff.console import secure_cookies

    monkeypatch.delenv("ANYDOOR_STAFF_PUBLIC_URL", raising=False)
    monkeypatch.setenv("ANYDOOR_PUBLIC_URL", "http://127.0.0.1:5005")
    assert not secure_cookies()
    monkeypatch.setenv("ANYDOOR_STAFF_PUBLIC_URL", "https://staff.example.org")
    assert secure_cookies()
