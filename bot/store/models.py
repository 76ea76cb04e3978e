"""AnyDoor's tables: SMS, staff handoffs, staff accounts and audit. No plain number is kept;
only staff notes hold text written by staff, never the person's messages.

Timestamps are UTC without tzinfo. The schema itself is made by the Alembic migrations in
`migrations/versions/`; a change here needs a new migration.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Integer, String, Text, false
from sqlalchemy.orm import registry
from sqlalchemy.orm.decl_api import DeclarativeMeta

_registry = registry()


class Base(metaclass=DeclarativeMeta):
    """The declarative base of AnyDoor's models; `Base.metadata` is what migrations compare."""

    __abstract__ = True
    registry = _registry
    metadata = _registry.metadata
    __init__ = _registry.constructor


class SmsContact(Base):
    """A phone that texted us: its number encrypted (for replies) and whether it said STOP.

    The number is None for an opt-out kept past the retention window: the keyed conversation
    id alone still recognizes the phone, so the STOP is honored without keeping the number.
    """

    __tablename__ = "sms_contacts"

    conversation_id = Column(String(40), primary_key=True)
    phone_encrypted = Column(Text, nullable=True)
    opted_out = Column(Boolean, nullable=False, default=False, server_default=false())
    created_at = Column(DateTime, nullable=False)
    last_seen_at = Column(DateTime, nullable=False, index=True)


class SmsInbound(Base):
    """A webhook already handled, by Twilio MessageSid: a retried delivery is not handled twice."""

    __tablename__ = "sms_inbound"

    message_sid = Column(String(64), primary_key=True)
    conversation_id = Column(String(40), nullable=False, index=True)
    received_at = Column(DateTime, nullable=False, index=True)


class SmsDelivery(Base):
    """An outgoing message and its latest delivery status.

    `message_sid` is None when Twilio never accepted the message; `conversation_id` is None for
    a status callback that arrived before the send was recorded (filled in when it is).
    """

    __tablename__ = "sms_deliveries"

    id = Column(Integer, primary_key=True, autoincrement=True)
    message_sid = Column(String(64), nullable=True, unique=True)
    conversation_id = Column(String(40), nullable=True, index=True)
    status = Column(String(32), nullable=False)
    error_code = Column(String(32), nullable=True)
    attempts = Column(Integer, nullable=False, default=1)
    updated_at = Column(DateTime, nullable=False, index=True)


class Handoff(Base):
    """A conversation waiting for, or with, a 211 staff member: no message text, no number.

    `status` is queued, taken or closed. `callback_requested` is True when the person asked,
    outside staffed hours, to be contacted again when the team is back.
    """

    __tablename__ = "handoffs"

    id = Column(Integer, primary_key=True, autoincrement=True)
    conversation_id = Column(String(128), nullable=False, index=True)
    channel = Column(String(32), nullable=False)
    language = Column(String(16), nullable=False)
    status = Column(String(16), nullable=False, index=True)
    callback_requested = Column(Boolean, nullable=False, default=False, server_default=false())
    created_at = Column(DateTime, nullable=False)
    updated_at = Column(DateTime, nullable=False, index=True)
    taken_at = Column(DateTime, nullable=True)
    closed_at = Column(DateTime, nullable=True)
    taken_by = Column(Integer, ForeignKey("staff_accounts.id"), nullable=True)


class StaffAccount(Base):
    """A 211 staff member who signs in to the console; the password only as an argon2 hash."""

    __tablename__ = "staff_accounts"

    id = Column(Integer, primary_key=True, autoincrement=True)
    email = Column(String(254), nullable=False, unique=True)
    password_hash = Column(Text, nullable=False)
    role = Column(String(16), nullable=False)
    created_at = Column(DateTime, nullable=False)


class StaffSession(Base):
    """A signed-in console session, keyed by a hash of its cookie (the cookie is never stored)."""

    __tablename__ = "staff_sessions"

    token_hash = Column(String(64), primary_key=True)
    staff_id = Column(Integer, ForeignKey("staff_accounts.id"), nullable=False, index=True)
    csrf_token = Column(String(64), nullable=False)
    created_at = Column(DateTime, nullable=False)
    last_seen_at = Column(DateTime, nullable=False)
    expires_at = Column(DateTime, nullable=False, index=True)


class StaffLoginFailure(Base):
    """A failed sign-in, by a keyed hash of the email or address, for rate limiting."""

    __tablename__ = "staff_login_failures"

    id = Column(Integer, primary_key=True, autoincrement=True)
    key = Column(String(64), nullable=False, index=True)
    at = Column(DateTime, nullable=False, index=True)


class HandoffNote(Base):
    """A private note staff wrote about a conversation; never shown to the person."""

    __tablename__ = "handoff_notes"

    id = Column(Integer, primary_key=True, autoincrement=True)
    conversation_id = Column(String(128), nullable=False, index=True)
    staff_id = Column(Integer, ForeignKey("staff_accounts.id"), nullable=False)
    text = Column(Text, nullable=False)
    created_at = Column(DateTime, nullable=False)


class AuditEntry(Base):
    """Who did what in the console, on which conversation, when; never any message text."""

    __tablename__ = "audit_log"

    id = Column(Integer, primary_key=True, autoincrement=True)
    at = Column(DateTime, nullable=False, index=True)
    staff_id = Column(Integer, ForeignKey("staff_accounts.id"), nullable=True, index=True)
    action = Column(String(32), nullable=False)
    conversation_id = Column(String(128), nullable=True, index=True)
