"""What the SMS channel remembers: contacts, handled webhooks, deliveries; and forgetting it.

Every function is one unit of work with its own session, and blocks: call it from a thread
(`asyncio.to_thread`) in async code.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, inspect, select, update
from sqlalchemy.exc import IntegrityError

from bot.privacy import decrypt_phone, encrypt_phone
from bot.store.db import as_utc, database_missing, database_url, session, utc_now
from bot.store.models import SmsContact, SmsDelivery, SmsInbound

# Twilio statuses after which nothing changes; a late "sent" callback must not undo them.
FINAL_STATUSES = frozenset({"delivered", "undelivered", "failed", "read", "canceled"})


def remember_inbound(message_sid: str, conversation_id: str) -> bool:
    """Record a webhook's MessageSid: True the first time, False when it was already handled."""
    try:
        with session() as opened, opened.begin():
            opened.add(
                SmsInbound(
                    message_sid=message_sid, conversation_id=conversation_id, received_at=utc_now()
                )
            )
    except IntegrityError:
        return False  # the primary key says another request (or an earlier run) got it first
    return True


def _upsert_contact(conversation_id: str, changes: dict[str, object]) -> None:
    """Update the contact with `changes`, creating it first if it does not exist."""
    for _attempt in range(2):
        try:
            with session() as opened, opened.begin():
                updated = opened.execute(
                    update(SmsContact)
                    .where(SmsContact.conversation_id == conversation_id)
                    .values(**changes)
                )
                if updated.rowcount == 0:
                    now = utc_now()
                    fields: dict[str, object] = {"created_at": now, "last_seen_at": now}
                    opened.add(SmsContact(conversation_id=conversation_id, **{**fields, **changes}))
            return
        except IntegrityError:
            continue  # created meanwhile by a concurrent request: the update will now find it
    raise RuntimeError("could not save the contact")


def save_contact(conversation_id: str, phone: str) -> None:
    """Keep the number (encrypted) for replies and mark the contact seen; opt-out is untouched."""
    _upsert_contact(
        conversation_id, {"phone_encrypted": encrypt_phone(phone), "last_seen_at": utc_now()}
    )


def contact_phone(conversation_id: str) -> str | None:
    """The contact's number, decrypted; None when unknown or forgotten."""
    with session() as opened:
        token = opened.execute(
            select(SmsContact.phone_encrypted).where(SmsContact.conversation_id == conversation_id)
        ).scalar_one_or_none()
    return decrypt_phone(token) if token else None


def set_opted_out(conversation_id: str, opted_out: bool) -> None:
    """Record STOP (True) or START (False); remembered even for a contact not saved yet."""
    _upsert_contact(conversation_id, {"opted_out": opted_out})


def is_opted_out(conversation_id: str) -> bool:
    """Whether the contact said STOP and has not said START since."""
    with session() as opened:
        opted_out = opened.execute(
            select(SmsContact.opted_out).where(SmsContact.conversation_id == conversation_id)
        ).scalar_one_or_none()
    return bool(opted_out)


def record_delivery(
    conversation_id: str,
    message_sid: str | None,
    status: str,
    error_code: str | None = None,
    attempts: int = 1,
) -> None:
    """Record an outgoing message; `message_sid` is None when Twilio never accepted it."""
    now = utc_now()
    try:
        with session() as opened, opened.begin():
            opened.add(
                SmsDelivery(
                    message_sid=message_sid,
                    conversation_id=conversation_id,
                    status=status,
                    error_code=error_code,
                    attempts=attempts,
                    updated_at=now,
                )
            )
    except IntegrityError:
        # Its status callback came first and made the row: its status is the newer one.
        with session() as opened, opened.begin():
            opened.execute(
                update(SmsDelivery)
                .where(SmsDelivery.message_sid == message_sid)
                .values(conversation_id=conversation_id, attempts=attempts, updated_at=now)
            )


def update_delivery_status(message_sid: str, status: str, error_code: str | None = None) -> None:
    """Apply a Twilio status callback; a late non-final status never overwrites a final one."""
    for _attempt in range(2):
        try:
            with session() as opened, opened.begin():
                row = opened.execute(
                    select(SmsDelivery).where(SmsDelivery.message_sid == message_sid)
                ).scalar_one_or_none()
                if row is None:
                    opened.add(
                        SmsDelivery(
                            message_sid=message_sid,
                            conversation_id=None,
                            status=status,
                            error_code=error_code,
                            attempts=1,
                            updated_at=utc_now(),
                        )
                    )
                elif row.status not in FINAL_STATUSES or status in FINAL_STATUSES:
                    row.status = status
                    row.error_code = error_code
                    row.updated_at = utc_now()
            return
        except IntegrityError:
            continue  # the send was recorded meanwhile: update that row
    raise RuntimeError("could not record the delivery status")


def erase_conversation(conversation_id: str) -> int:
    """Delete every AnyDoor row about the conversation; returns how many rows went."""
    deleted = 0
    with session() as opened, opened.begin():
        for table, column in (
            (SmsContact, SmsContact.conversation_id),
            (SmsInbound, SmsInbound.conversation_id),
            (SmsDelivery, SmsDelivery.conversation_id),
        ):
            deleted += opened.execute(delete(table).where(column == conversation_id)).rowcount
    return deleted


def purge_older_than(cutoff: datetime) -> dict[str, int]:
    """Forget what is older than `cutoff` (naive means UTC); returns counts by table.

    Contacts not seen since the cutoff are deleted, except those who said STOP: their number
    is dropped (counted as `sms_contacts_numbers_dropped`) and the opt-out is kept, keyed by the
    conversation id only. A missing database or table counts as nothing to purge.
    """
    counts = {
        "sms_contacts": 0,
        "sms_contacts_numbers_dropped": 0,
        "sms_inbound": 0,
        "sms_deliveries": 0,
    }
    if database_missing(database_url()):
        return counts
    before = as_utc(cutoff)
    with session() as opened, opened.begin():
        present = set(inspect(opened.connection()).get_table_names())
        if SmsContact.__tablename__ in present:
            old_contact = SmsContact.last_seen_at < before
            counts["sms_contacts"] = opened.execute(
                delete(SmsContact).where(old_contact, SmsContact.opted_out.is_(False))
            ).rowcount
            counts["sms_contacts_numbers_dropped"] = opened.execute(
                update(SmsContact)
                .where(old_contact, SmsContact.phone_encrypted.is_not(None))
                .values(phone_encrypted=None)
            ).rowcount
        if SmsInbound.__tablename__ in present:
            counts["sms_inbound"] = opened.execute(
                delete(SmsInbound).where(SmsInbound.received_at < before)
            ).rowcount
        if SmsDelivery.__tablename__ in present:
            counts["sms_deliveries"] = opened.execute(
                delete(SmsDelivery).where(SmsDelivery.updated_at < before)
            ).rowcount
    return counts
