"""AnyDoor's tables for the SMS channel. No column ever holds message text or a plain number.

Timestamps are UTC without tzinfo. The schema itself is made by the Alembic migrations in
`migrations/versions/`; a change here needs a new migration.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, DateTime, Integer, String, Text, false
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
