"""Rasa's stores, made safe for several replicas: SQL trackers that ride out a database
restart (and fail loudly after), and a Redis lock store whose tickets are atomic.

`ResilientSQLTrackerStore` is Rasa's `SQLTrackerStore` (same `events` table, any SQLAlchemy
URL: SQLite or PostgreSQL) with two changes:

- its engine checks a pooled connection before using it (`pool_pre_ping`), so connections
  broken by a database restart are replaced instead of failing a request;
- a read or write that cannot reach the database is retried for a while
  (`ANYDOOR_DB_RETRY_SECONDS`, default 15), so a restart of a few seconds only slows the
  turns that arrive during it.

Rasa wraps every tracker store in a `FailSafeTrackerStore`, which answers a failed read with
"no such conversation": the turn would then run on an empty conversation and the person would
be greeted as a stranger. `fail_loudly(agent)` removes that wrapper, so a database that stays
down makes the turn fail and the channel gives its kind "try again in a moment" reply.

Making the tracker store also makes Rasa's calls to the actions and the NLG keep their
connections open (`channels.keepalive`): every Rasa server AnyDoor starts makes one.

`AtomicRedisLockStore` is Rasa's `RedisLockStore` with every change of a conversation's lock
made in one Redis transaction (WATCH/MULTI/EXEC, retried on conflict). Rasa's own reads the
lock, changes it in the process and writes it back: two replicas taking a ticket for one
conversation at the same moment can both get ticket 0 and run their turns side by side, and
a replica finishing its turn can delete a ticket another replica just took.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import sqlalchemy as sa
from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.core.tracker_store import FailSafeTrackerStore, SQLTrackerStore
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError

from channels.keepalive import keep_connections

logger = logging.getLogger(__name__)

T = TypeVar("T")
DEFAULT_RETRY_SECONDS = 15.0


def retry_seconds() -> float:
    """How long a tracker read or write keeps retrying an unreachable database."""
    try:
        return max(0.0, float(os.environ.get("ANYDOOR_DB_RETRY_SECONDS", DEFAULT_RETRY_SECONDS)))
    except ValueError:
        return DEFAULT_RETRY_SECONDS


def is_disconnect(error: Exception) -> bool:
    """Whether a database error means "cannot reach the server" (worth retrying)."""
    if isinstance(error, OperationalError):
        return True
    return isinstance(error, DBAPIError) and bool(error.connection_invalidated)


async def with_retries(call: Callable[[], Awaitable[T]], what: str) -> T:
    """Run `call`, retrying with backoff while the database is unreachable."""
    deadline = time.monotonic() + retry_seconds()
    delay = 0.25
    while True:
        try:
            return await call()
        except DBAPIError as error:
            if not is_disconnect(error) or time.monotonic() + delay > deadline:
                raise
            # The kind of error only: a driver's message can quote the URL and its password.
            logger.warning(
                "Tracker %s: database unreachable (%s), retrying", what, type(error).__name__
            )
        await asyncio.sleep(delay)
        delay = min(delay * 2, 2.0)


class ResilientSQLTrackerStore(SQLTrackerStore):
    """Rasa's SQL tracker store on one URL (`url:` in the endpoints file), with retries."""

    def __init__(
        self,
        domain: Any = None,
        host: str | None = None,
        event_broker: Any = None,
        url: str | None = None,
        **kwargs: Any,
    ) -> None:
        keep_connections()
        # Rasa passes the endpoint's `url` as `host`; a full SQLAlchemy URL is expected.
        target = url or host
        if not target or "://" not in target:
            raise ValueError("ResilientSQLTrackerStore needs `url: <SQLAlchemy URL>`")
        parsed = make_url(target)
        dialect = parsed.get_backend_name()
        if dialect == "sqlite":
            super().__init__(
                domain,
                dialect="sqlite",
                db=parsed.database or "rasa.db",
                event_broker=event_broker,
                **kwargs,
            )
        else:
            # A full URL as `host` is used as is by Rasa (user, password, port, query).
            super().__init__(
                domain, dialect=dialect, host=target, event_broker=event_broker, **kwargs
            )
            self.engine.dispose()
            self.engine = sa.create_engine(
                self.engine.url,
                pool_pre_ping=True,
                pool_size=int(os.environ.get("SQL_POOL_SIZE", "50")),
                max_overflow=int(os.environ.get("SQL_MAX_OVERFLOW", "100")),
            )
            self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)

    async def retrieve(self, sender_id: str) -> Any:
        """The conversation's tracker, retrying while the database is unreachable."""
        return await with_retries(
            lambda: super(ResilientSQLTrackerStore, self).retrieve(sender_id), "read"
        )

    async def retrieve_full_tracker(self, conversation_id: str) -> Any:
        """The tracker with every session, retrying while the database is unreachable."""
        return await with_retries(
            lambda: super(ResilientSQLTrackerStore, self).retrieve_full_tracker(conversation_id),
            "read",
        )

    async def save(self, tracker: Any) -> None:
        """Append the tracker's new events, retrying while the database is unreachable."""
        await with_retries(lambda: super(ResilientSQLTrackerStore, self).save(tracker), "write")

    async def keys(self) -> Any:
        """Every conversation id, retrying while the database is unreachable."""
        return await with_retries(lambda: super(ResilientSQLTrackerStore, self).keys(), "keys")


def fail_loudly(agent: Any) -> None:
    """Unwrap Rasa's `FailSafeTrackerStore` so that storage errors reach the channel."""
    store = getattr(agent, "tracker_store", None)
    if isinstance(store, FailSafeTrackerStore):
        inner = store._tracker_store
        agent.tracker_store = inner
        processor = getattr(agent, "processor", None)
        if processor is not None:
            processor.tracker_store = inner


# A lock nobody touches for this long is gone (its replica died): its tickets expired long ago.
LOCK_KEY_SECONDS = int(LOCK_LIFETIME) + 60
Change = Callable[[TicketLock | None], tuple[TicketLock | None, Any]]


class AtomicRedisLockStore(RedisLockStore):
    """Rasa's Redis lock store; each ticket change is one Redis transaction."""

    def __init__(self, endpoint_config: Any = None, **kwargs: Any) -> None:
        # Rasa builds a custom lock store from its endpoint config alone.
        if endpoint_config is not None:
            kwargs = {"host": endpoint_config.url or "localhost", **endpoint_config.kwargs}
        kwargs.pop("type", None)
        super().__init__(**kwargs)

    def _atomically(self, conversation_id: str, change: Change) -> Any:
        """Apply `change` to the stored lock (None: absent) in one transaction."""
        key = self.key_prefix + conversation_id
        outcome: dict[str, Any] = {}

        def apply(pipe: Any) -> None:
            raw = pipe.get(key)
            lock = TicketLock.from_dict(json.loads(raw)) if raw else None
            new, outcome["value"] = change(lock)
            pipe.multi()
            if new is None or not new.tickets:
                pipe.delete(key)
            else:
                pipe.set(key, new.dumps(), ex=LOCK_KEY_SECONDS)

        self.red.transaction(apply, key)
        return outcome.get("value")

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        """Take the next ticket for the conversation, atomically."""

        def take(lock: TicketLock | None) -> tuple[TicketLock | None, Any]:
            lock = lock or TicketLock(conversation_id)
            return lock, lock.issue_ticket(lock_lifetime)

        try:
            return int(self._atomically(conversation_id, take))
        except Exception as error:
            raise LockError(f"Error while acquiring lock ({type(error).__name__})") from error

    def update_lock(self, conversation_id: str) -> None:
        """Drop expired tickets, atomically."""

        def expire(lock: TicketLock | None) -> tuple[TicketLock | None, Any]:
            if lock is not None:
                lock.remove_expired_tickets()
            return lock, None

        self._atomically(conversation_id, expire)

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        """Give back a ticket; the lock goes when nobody waits, atomically."""

        def give_back(lock: TicketLock | None) -> tuple[TicketLock | None, Any]:
            if lock is not None:
                lock.remove_ticket_for(ticket_number)
            return lock, None

        self._atomically(conversation_id, give_back)

    def finish_serving(self, conversation_id: str, ticket_number: int) -> None:
        """Give back a ticket (as `cleanup`)."""
        self.cleanup(conversation_id, ticket_number)
