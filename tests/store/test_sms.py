"""What the SMS channel remembers, and how it is forgotten."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import func, select, update

from bot import store
from bot.privacy import conversation_id
from bot.store.models import SmsContact, SmsDelivery, SmsInbound
from tests.store.conftest import database_bytes, restart

PHONE = "+14155550123"


def _count(table: type) -> int:
    with store.session() as opened:
        return int(opened.execute(select(func.count()).select_from(table)).scalar_one())


def _age_everything(days: int) -> None:
    """Move every row `days` into the past."""
    then = datetime.now(timezone.utc).replace(tzinfo=None) - timedelta(days=days)
    with store.session() as opened, opened.begin():
        opened.execute(update(SmsContact).values(created_at=then, last_seen_at=then))
        opened.execute(update(SmsInbound).values(received_at=then))
        opened.execute(update(SmsDelivery).values(updated_at=then))


def test_a_retried_webhook_is_handled_once_even_after_a_restart(database: Path) -> None:
    conversation = conversation_id(PHONE)
    assert store.remember_inbound("SM0001", conversation) is True
    assert store.remember_inbound("SM0001", conversation) is False
    restart()
    assert store.remember_inbound("SM0001", conversation) is False
    assert store.remember_inbound("SM0002", conversation) is True


def test_concurrent_retries_are_handled_exactly_once(database: Path) -> None:
    conversation = conversation_id(PHONE)
    results: list[bool] = []
    threads = [
        threading.Thread(target=lambda: results.append(store.remember_inbound("SM7", conversation)))
        for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [False] * 7 + [True]


def test_the_number_is_stored_only_encrypted(database: Path) -> None:
    conversation = conversation_id(PHONE)
    store.remember_inbound("SM0001", conversation)
    store.save_contact(conversation, PHONE)
    store.record_delivery(conversation, "SM0002", "queued")
    restart()
    content = database_bytes(database)
    assert conversation.encode() in content  # the scan does see what is stored
    for shape in (PHONE, "4155550123", "415-555-0123", "5550123"):
        assert shape.encode() not in content
    assert store.contact_phone(conversation) == PHONE


def test_an_unknown_conversation_has_no_number_and_no_opt_out(database: Path) -> None:
    assert store.contact_phone("sms-unknown") is None
    assert store.is_opted_out("sms-unknown") is False


def test_stop_is_remembered_when_the_contact_texts_again(database: Path) -> None:
    conversation = conversation_id(PHONE)
    store.save_contact(conversation, PHONE)
    store.set_opted_out(conversation, True)
    store.save_contact(conversation, PHONE)
    assert store.is_opted_out(conversation) is True
    store.set_opted_out(conversation, False)
    assert store.is_opted_out(conversation) is False


def test_stop_before_the_contact_is_saved_is_still_remembered(database: Path) -> None:
    conversation = conversation_id(PHONE)
    store.set_opted_out(conversation, True)
    assert store.is_opted_out(conversation) is True
    assert store.contact_phone(conversation) is None
    store.save_contact(conversation, PHONE)
    assert store.is_opted_out(conversation) is True
    assert store.contact_phone(conversation) == PHONE


def test_a_status_callback_updates_the_delivery(database: Path) -> None:
    conversation = conversation_id(PHONE)
    store.record_delivery(conversation, "SM0003", "queued")
    store.update_delivery_status("SM0003", "undelivered", "30003")
    with store.session() as opened:
        row = opened.execute(
            select(SmsDelivery).where(SmsDelivery.message_sid == "SM0003")
        ).scalar_one()
        assert (row.status, row.error_code, row.attempts) == ("undelivered", "30003", 1)


def test_a_late_sent_callback_does_not_undo_delivered(database: Path) -> None:
    store.record_delivery(conversation_id(PHONE), "SM0004", "queued")
    store.update_delivery_status("SM0004", "delivered")
    store.update_delivery_status("SM0004", "sent")
    with store.session() as opened:
        status = opened.execute(
            select(SmsDelivery.status).where(SmsDelivery.message_sid == "SM0004")
        ).scalar_one()
    assert status == "delivered"


def test_a_callback_before_the_send_is_recorded_keeps_its_status(database: Path) -> None:
    conversation = conversation_id(PHONE)
    store.update_delivery_status("SM0005", "sent")
    store.record_delivery(conversation, "SM0005", "queued", attempts=2)
    with store.session() as opened:
        row = opened.execute(
            select(SmsDelivery).where(SmsDelivery.message_sid == "SM0005")
        ).scalar_one()
        assert (row.conversation_id, row.status, row.attempts) == (conversation, "sent", 2)
    assert _count(SmsDelivery) == 1


def test_failed_sends_without_a_sid_are_all_recorded(database: Path) -> None:
    conversation = conversation_id(PHONE)
    store.record_delivery(conversation, None, "failed", "20429", 3)
    store.record_delivery(conversation, None, "failed", "OSError", 3)
    assert _count(SmsDelivery) == 2


def test_erase_removes_every_row_of_the_conversation_and_no_other(database: Path) -> None:
    mine, theirs = conversation_id(PHONE), conversation_id("+14155550999")
    for conversation, sid in ((mine, "SM1"), (theirs, "SM2")):
        store.remember_inbound(sid, conversation)
        store.save_contact(conversation, PHONE)
        store.record_delivery(conversation, sid + "-out", "sent")
        store.record_delivery(conversation, None, "failed", "500", 3)
    assert store.erase_conversation(mine) == 4
    assert store.contact_phone(mine) is None
    for table in (SmsContact, SmsInbound, SmsDelivery):
        with store.session() as opened:
            owners = set(opened.execute(select(table.conversation_id)).scalars())
        assert owners == {theirs}
    assert store.erase_conversation(mine) == 0


def test_purge_removes_old_rows_and_keeps_recent_ones(database: Path) -> None:
    old, recent = conversation_id(PHONE), conversation_id("+14155550999")
    store.remember_inbound("SM-old", old)
    store.save_contact(old, PHONE)
    store.record_delivery(old, "SM-old-out", "delivered")
    _age_everything(days=40)
    store.remember_inbound("SM-new", recent)
    store.save_contact(recent, "+14155550999")
    store.record_delivery(recent, "SM-new-out", "delivered")

    counts = store.purge_older_than(datetime.now(timezone.utc) - timedelta(days=30))

    assert counts == {
        "sms_contacts": 1,
        "sms_contacts_numbers_dropped": 0,
        "sms_inbound": 1,
        "sms_deliveries": 1,
    }
    assert store.contact_phone(old) is None
    assert store.contact_phone(recent) == "+14155550999"
    assert store.remember_inbound("SM-new", recent) is False
    assert _count(SmsInbound) == 1 and _count(SmsDelivery) == 1
    again = store.purge_older_than(datetime.now(timezone.utc) - timedelta(days=30))
    assert set(again.values()) == {0}


def test_purge_keeps_an_old_opt_out_but_drops_its_number(database: Path) -> None:
    conversation = conversation_id(PHONE)
    store.save_contact(conversation, PHONE)
    store.set_opted_out(conversation, True)
    _age_everything(days=40)

    counts = store.purge_older_than(datetime.now(timezone.utc) - timedelta(days=30))

    assert counts["sms_contacts"] == 0 and counts["sms_contacts_numbers_dropped"] == 1
    assert store.is_opted_out(conversation) is True
    assert store.contact_phone(conversation) is None
    restart()
    assert b"gAAAA" not in database_bytes(database)  # no Fernet token left anywhere


def test_purge_of_a_missing_database_is_nothing_and_creates_no_file(var_dir: Path) -> None:
    counts = store.purge_older_than(datetime.now(timezone.utc))
    assert set(counts.values()) == {0}
    assert not (var_dir / "anydoor.db").exists()


def test_erased_rows_leave_no_trace_in_the_database_file(database: Path) -> None:
    conversation = conversation_id(PHONE)
    store.save_contact(conversation, PHONE)
    store.remember_inbound("SM0001", conversation)
    store.save_contact(conversation_id("+14155550999"), "+14155550999")  # keeps pages in use
    store.remember_inbound("SM0002", conversation_id("+14155550999"))
    restart()
    with store.session() as opened:
        token = opened.execute(
            select(SmsContact.phone_encrypted).where(SmsContact.conversation_id == conversation)
        ).scalar_one()
    assert token.encode() in database_bytes(database)
    store.erase_conversation(conversation)
    restart()
    content = database_bytes(database)
    assert conversation.encode() not in content
    assert token.encode() not in content
