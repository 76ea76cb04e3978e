"""The staff queue: handoffs (queued, taken, closed) and staff notes, one session per call.

Blocking functions: call them from a thread (`asyncio.to_thread`) in async code.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, inspect, select, update

from bot.store.db import as_utc, database_missing, database_url, session, utc_now
from bot.store.models import Handoff, HandoffNote, StaffAccount

QUEUED, TAKEN, CLOSED = "queued", "taken", "closed"
OPEN_STATUSES = (QUEUED, TAKEN)


@dataclass(frozen=True)
class HandoffView:
    """One handoff as the console shows it (no message text)."""

    id: int
    conversation_id: str
    channel: str
    language: str
    status: str
    callback_requested: bool
    created_at: datetime
    updated_at: datetime
    taken_at: datetime | None
    closed_at: datetime | None
    taken_by: int | None
    taken_by_email: str | None


@dataclass(frozen=True)
class Note:
    """A staff note, with who wrote it."""

    id: int
    conversation_id: str
    author_email: str
    text: str
    created_at: datetime


def _view(row: Handoff, email: str | None) -> HandoffView:
    return HandoffView(
        id=row.id,
        conversation_id=row.conversation_id,
        channel=row.channel,
        language=row.language,
        status=row.status,
        callback_requested=bool(row.callback_requested),
        created_at=row.created_at,
        updated_at=row.updated_at,
        taken_at=row.taken_at,
        closed_at=row.closed_at,
        taken_by=row.taken_by,
        taken_by_email=email,
    )


def _with_email():  # type: ignore[no-untyped-def]
    return select(Handoff, StaffAccount.email).outerjoin(
        StaffAccount, StaffAccount.id == Handoff.taken_by
    )


def open_handoff(conversation_id: str) -> HandoffView | None:
    """The conversation's queued or taken handoff, if it has one."""
    with session() as opened:
        row = opened.execute(
            _with_email()
            .where(Handoff.conversation_id == conversation_id, Handoff.status.in_(OPEN_STATUSES))
            .order_by(Handoff.id.desc())
        ).first()
    return _view(row[0], row[1]) if row else None


def latest_handoff(conversation_id: str) -> HandoffView | None:
    """The conversation's most recent handoff, open or closed."""
    with session() as opened:
        row = opened.execute(
            _with_email()
            .where(Handoff.conversation_id == conversation_id)
            .order_by(Handoff.id.desc())
        ).first()
    return _view(row[0], row[1]) if row else None


def enqueue(
    conversation_id: str, channel: str, language: str, callback_requested: bool = False
) -> tuple[HandoffView, bool]:
    """Queue the conversation for staff; returns (handoff, created). An open one is kept."""
    with session() as opened, opened.begin():
        existing = opened.execute(
            select(Handoff).where(
                Handoff.conversation_id == conversation_id, Handoff.status.in_(OPEN_STATUSES)
            )
        ).scalar_one_or_none()
        if existing is not None:
            existing.language = language
            existing.updated_at = utc_now()
            if callback_requested:
                existing.callback_requested = True
            opened.flush()
            return _view(existing, None), False
        now = utc_now()
        row = Handoff(
            conversation_id=conversation_id,
            channel=channel,
            language=language,
            status=QUEUED,
            callback_requested=callback_requested,
            created_at=now,
            updated_at=now,
        )
        opened.add(row)
        opened.flush()
        return _view(row, None), True


def queued_ahead(conversation_id: str) -> int:
    """How many queued conversations were waiting before this one."""
    with session() as opened:
        mine = opened.execute(
            select(func.min(Handoff.created_at)).where(
                Handoff.conversation_id == conversation_id, Handoff.status == QUEUED
            )
        ).scalar()
        if mine is None:
            return int(
                opened.execute(
                    select(func.count()).select_from(Handoff).where(Handoff.status == QUEUED)
                ).scalar_one()
            )
        return int(
            opened.execute(
                select(func.count())
                .select_from(Handoff)
                .where(Handoff.status == QUEUED, Handoff.created_at < mine)
            ).scalar_one()
        )


def queue() -> list[HandoffView]:
    """Open handoffs, oldest first: what staff should pick up."""
    with session() as opened:
        rows = opened.execute(
            _with_email().where(Handoff.status.in_(OPEN_STATUSES)).order_by(Handoff.created_at)
        ).all()
    return [_view(row, email) for row, email in rows]


def get(handoff_id: int) -> HandoffView | None:
    """One handoff by id."""
    with session() as opened:
        row = opened.execute(_with_email().where(Handoff.id == handoff_id)).first()
    return _view(row[0], row[1]) if row else None


def take(handoff_id: int, staff_id: int) -> bool:
    """Mark an open handoff taken by `staff_id`; False when it is closed or unknown."""
    now = utc_now()
    with session() as opened, opened.begin():
        changed = opened.execute(
            update(Handoff)
            .where(Handoff.id == handoff_id, Handoff.status.in_(OPEN_STATUSES))
            .values(status=TAKEN, taken_by=staff_id, taken_at=now, updated_at=now)
        ).rowcount
    return bool(changed)


def close(handoff_id: int) -> bool:
    """Close an open handoff; False when it was closed already or is unknown."""
    now = utc_now()
    with session() as opened, opened.begin():
        changed = opened.execute(
            update(Handoff)
            .where(Handoff.id == handoff_id, Handoff.status.in_(OPEN_STATUSES))
            .values(status=CLOSED, closed_at=now, updated_at=now)
        ).rowcount
    return bool(changed)


def add_note(conversation_id: str, staff_id: int, text: str) -> None:
    """Keep a private staff note about the conversation."""
    with session() as opened, opened.begin():
        opened.add(
            HandoffNote(
                conversation_id=conversation_id, staff_id=staff_id, text=text, created_at=utc_now()
            )
        )


def notes(conversation_id: str) -> list[Note]:
    """The conversation's staff notes, oldest first."""
    with session() as opened:
        rows = opened.execute(
            select(HandoffNote, StaffAccount.email)
            .join(StaffAccount, StaffAccount.id == HandoffNote.staff_id)
            .where(HandoffNote.conversation_id == conversation_id)
            .order_by(HandoffNote.id)
        ).all()
    return [
        Note(
            id=row.id,
            conversation_id=row.conversation_id,
            author_email=email,
            text=row.text,
            created_at=row.created_at,
        )
        for row, email in rows
    ]


def erase_handoffs(conversation_id: str) -> int:
    """Delete the conversation's handoffs and notes (the audit log keeps only ids)."""
    if database_missing(database_url()):
        return 0
    with session() as opened, opened.begin():
        present = set(inspect(opened.connection()).get_table_names())
        if Handoff.__tablename__ not in present:
            return 0
        deleted = opened.execute(
            delete(HandoffNote).where(HandoffNote.conversation_id == conversation_id)
        ).rowcount
        deleted += opened.execute(
            delete(Handoff).where(Handoff.conversation_id == conversation_id)
        ).rowcount
    return int(deleted)


def purge_handoffs(cutoff: datetime) -> dict[str, int]:
    """Forget closed handoffs and notes older than `cutoff` (naive means UTC)."""
    counts = {"handoffs": 0, "handoff_notes": 0}
    if database_missing(database_url()):
        return counts
    before = as_utc(cutoff)
    with session() as opened, opened.begin():
        present = set(inspect(opened.connection()).get_table_names())
        if Handoff.__tablename__ not in present:
            return counts
        counts["handoff_notes"] = opened.execute(
            delete(HandoffNote).where(HandoffNote.created_at < before)
        ).rowcount
        counts["handoffs"] = opened.execute(
            delete(Handoff).where(Handoff.status == CLOSED, Handoff.updated_at < before)
        ).rowcount
    return counts
