"""211 staff: roles, password hashing (argon2), session and sign-in rules, CSRF tokens.

Pure rules, no database and no web framework: `bot.store.staff` keeps the rows, the console
(`service/staff/`) applies these rules to requests.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

AGENT, SUPERVISOR = "agent", "supervisor"
ROLES = (AGENT, SUPERVISOR)

# A session ends 8 hours after sign-in, or after 30 minutes without a request.
SESSION_LIFETIME = timedelta(hours=8)
SESSION_IDLE = timedelta(minutes=30)

# Sign-in: at most 5 failures per account and 20 per address within 15 minutes.
LOGIN_WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_ACCOUNT = 5
MAX_FAILURES_PER_ADDRESS = 20

MIN_PASSWORD_LENGTH = 12
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")

# Audit actions (what); each row also says who, which conversation and when.
AUDIT_ACTIONS = frozenset(
    {
        "login",
        "login_failed",
        "logout",
        "view_queue",
        "view_conversation",
        "take",
        "reply",
        "note",
        "hand_back",
        "close",
        "view_audit",
    }
)


def _hasher() -> PasswordHasher:
    return PasswordHasher()  # argon2id with argon2-cffi's current recommended parameters


def hash_password(password: str) -> str:
    """An argon2id hash of the password (salted; the password itself is never kept)."""
    return _hasher().hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """Whether `password` matches the hash; False for a wrong password or a broken hash."""
    try:
        return bool(_hasher().verify(password_hash, password))
    except (VerificationError, InvalidHashError):
        return False


def password_problem(password: str) -> str | None:
    """Why a new password is not acceptable, or None."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"use at least {MIN_PASSWORD_LENGTH} characters"
    return None


def normalize_email(email: str) -> str | None:
    """The email in lower case, or None when it does not look like an email."""
    cleaned = email.strip().lower()
    return cleaned if _EMAIL.fullmatch(cleaned) and len(cleaned) <= 254 else None


def new_token() -> str:
    """A random token for a session cookie or a CSRF field."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """How a session token is stored: its SHA-256, so a database copy opens no session."""
    return hashlib.sha256(token.encode()).hexdigest()


def same_token(expected: str | None, given: str | None) -> bool:
    """Constant-time comparison of two tokens; a missing one never matches."""
    if not expected or not given:
        return False
    return hmac.compare_digest(expected.encode(), given.encode())


@dataclass(frozen=True)
class SessionTimes:
    """When a session started and was last used."""

    created_at: datetime
    last_seen_at: datetime

    def expired(self, now: datetime) -> bool:
        """Past 8 hours since sign-in, or 30 minutes idle."""
        return now - self.created_at >= SESSION_LIFETIME or now - self.last_seen_at >= SESSION_IDLE


def may_answer(role: str, staff_id: int, taken_by: int | None) -> bool:
    """Whether this staff member may take, answer or hand back a conversation: nobody holds
    it, or they do; a supervisor may also step into one another agent holds. Two people
    answering one person at once would confuse them."""
    return taken_by is None or taken_by == staff_id or role == SUPERVISOR


def may_view_audit(role: str) -> bool:
    """Only supervisors read the audit log."""
    return role == SUPERVISOR
