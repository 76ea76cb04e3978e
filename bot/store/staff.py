"""Staff accounts, console sessions, sign-in failures and the audit log, one session per call.

Blocking functions: call them from a thread (`asyncio.to_thread`) in async code.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError

from bot import staff
from bot.privacy import secret_key
from bot.store.db import session, utc_now
from bot.store.models import AuditEntry, StaffAccount, StaffLoginFailure, StaffSession


class StaffError(ValueError):
    """An account that cannot be made as asked (bad email, role or password, or a duplicate)."""


@dataclass(frozen=True)
class Staff:
    """A signed-in staff member."""

    id: int
    email: str
    role: str


@dataclass(frozen=True)
class OpenSession:
    """A valid console session: who, and the CSRF token its forms must carry."""

    staff: Staff
    csrf_token: str


@dataclass(frozen=True)
class AuditRow:
    """One audit entry as the supervisor reads it."""

    at: datetime
    staff_email: str | None
    action: str
    conversation_id: str | None


def add_account(email: str, password: str, role: str) -> Staff:
    """Create a staff account; raises StaffError when the input is not acceptable."""
    normalized = staff.normalize_email(email)
    if normalized is None:
        raise StaffError("not an email address")
    if role not in staff.ROLES:
        raise StaffError(f"role must be one of {', '.join(staff.ROLES)}")
    problem = staff.password_problem(password)
    if problem:
        raise StaffError(f"password too short: {problem}")
    row = StaffAccount(
        email=normalized,
        password_hash=staff.hash_password(password),
        role=role,
        created_at=utc_now(),
    )
    try:
        with session() as opened, opened.begin():
            opened.add(row)
            opened.flush()
            return Staff(id=row.id, email=normalized, role=role)
    except IntegrityError:
        raise StaffError("an account with this email exists already") from None


def authenticate(email: str, password: str) -> Staff | None:
    """The account when the email and password match, else None (same work either way)."""
    normalized = staff.normalize_email(email) or ""
    with session() as opened:
        row = opened.execute(
            select(StaffAccount).where(StaffAccount.email == normalized)
        ).scalar_one_or_none()
    if row is None:
        # Hash anyway, so a missing account takes as long as a wrong password.
        staff.verify_password(_dummy_hash(), password)
        return None
    if not staff.verify_password(row.password_hash, password):
        return None
    return Staff(id=row.id, email=row.email, role=row.role)


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    """A hash of a random password, made on first use: what a missing account is checked against."""
    return staff.hash_password(staff.new_token())


def failure_key(kind: str, value: str) -> str:
    """A keyed hash of an email or an address: counted for rate limiting, never readable."""
    return hmac.new(secret_key(), f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()


def record_login_failure(keys: list[str]) -> None:
    """Count one failed sign-in under each key."""
    now = utc_now()
    with session() as opened, opened.begin():
        for key in keys:
            opened.add(StaffLoginFailure(key=key, at=now))


def recent_failures(key: str, now: datetime | None = None) -> int:
    """Failed sign-ins under `key` within the rate-limit window."""
    since = (now or utc_now()) - staff.LOGIN_WINDOW
    with session() as opened:
        return int(
            opened.execute(
                select(func.count())
                .select_from(StaffLoginFailure)
                .where(StaffLoginFailure.key == key, StaffLoginFailure.at >= since)
            ).scalar_one()
        )


def clear_old_failures(now: datetime | None = None) -> None:
    """Forget failures older than the window."""
    since = (now or utc_now()) - staff.LOGIN_WINDOW
    with session() as opened, opened.begin():
        opened.execute(delete(StaffLoginFailure).where(StaffLoginFailure.at < since))


def start_session(staff_id: int, now: datetime | None = None) -> tuple[str, str]:
    """Open a session; returns (cookie token, CSRF token). Only the token's hash is stored."""
    token, csrf = staff.new_token(), staff.new_token()
    moment = now or utc_now()
    with session() as opened, opened.begin():
        opened.add(
            StaffSession(
                token_hash=staff.token_hash(token),
                staff_id=staff_id,
                csrf_token=csrf,
                created_at=moment,
                last_seen_at=moment,
                expires_at=moment + staff.SESSION_LIFETIME,
            )
        )
    return token, csrf


def touch_session(token: str, now: datetime | None = None) -> OpenSession | None:
    """The session for a cookie token, marked used now; None (and deleted) when expired."""
    moment = now or utc_now()
    hashed = staff.token_hash(token)
    with session() as opened, opened.begin():
        found = opened.execute(
            select(StaffSession, StaffAccount)
            .join(StaffAccount, StaffAccount.id == StaffSession.staff_id)
            .where(StaffSession.token_hash == hashed)
        ).first()
        if found is None:
            return None
        row, account = found
        times = staff.SessionTimes(created_at=row.created_at, last_seen_at=row.last_seen_at)
        if times.expired(moment):
            opened.execute(delete(StaffSession).where(StaffSession.token_hash == hashed))
            return None
        opened.execute(
            update(StaffSession)
            .where(StaffSession.token_hash == hashed)
            .values(last_seen_at=moment)
        )
        return OpenSession(
            staff=Staff(id=account.id, email=account.email, role=account.role),
            csrf_token=row.csrf_token,
        )


def end_session(token: str) -> None:
    """Sign out: the session is deleted."""
    with session() as opened, opened.begin():
        opened.execute(
            delete(StaffSession).where(StaffSession.token_hash == staff.token_hash(token))
        )


def purge_sessions(now: datetime | None = None) -> int:
    """Delete sessions past their 8-hour lifetime."""
    with session() as opened, opened.begin():
        return int(
            opened.execute(
                delete(StaffSession).where(StaffSession.expires_at <= (now or utc_now()))
            ).rowcount
        )


def audit(staff_id: int | None, action: str, conversation_id: str | None = None) -> None:
    """Write one audit row: who, what, which conversation, when (never message text)."""
    if action not in staff.AUDIT_ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    with session() as opened, opened.begin():
        opened.add(
            AuditEntry(
                at=utc_now(), staff_id=staff_id, action=action, conversation_id=conversation_id
            )
        )


def audit_log(limit: int = 200, conversation_id: str | None = None) -> list[AuditRow]:
    """The latest audit rows, newest first."""
    query = (
        select(AuditEntry, StaffAccount.email)
        .outerjoin(StaffAccount, StaffAccount.id == AuditEntry.staff_id)
        .order_by(AuditEntry.id.desc())
        .limit(limit)
    )
    if conversation_id is not None:
        query = query.where(AuditEntry.conversation_id == conversation_id)
    with session() as opened:
        rows = opened.execute(query).all()
    return [
        AuditRow(
            at=row.at, staff_email=email, action=row.action, conversation_id=row.conversation_id
        )
        for row, email in rows
    ]
