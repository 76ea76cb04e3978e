"""Where the data lives: database URLs, engines (one per URL, made on first use), sessions."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session

from bot.privacy import var_dir

_engines: dict[str, Engine] = {}
_engines_lock = threading.Lock()


def database_url() -> str:
    """AnyDoor's database: `ANYDOOR_DATABASE_URL`, else `sqlite:///<var>/anydoor.db`."""
    return os.environ.get("ANYDOOR_DATABASE_URL") or f"sqlite:///{var_dir() / 'anydoor.db'}"


def tracker_database_url(env: Mapping[str, str] | None = None) -> str:
    """Rasa's tracker store: `ANYDOOR_TRACKER_DB_URL`; else AnyDoor's own database when that
    is a server (PostgreSQL: Rasa's `events` table sits beside AnyDoor's tables); else SQLite
    at `ANYDOOR_TRACKER_DB`. Read from `env` (default: this process's environment)."""
    env = os.environ if env is None else env
    configured = env.get("ANYDOOR_TRACKER_DB_URL")
    if configured:
        return configured
    shared = env.get("ANYDOOR_DATABASE_URL")
    if shared and make_url(shared).get_backend_name() != "sqlite":
        return shared
    # Neither set: the file `make run` gives Rasa, var/rasa.db.
    return f"sqlite:///{env.get('ANYDOOR_TRACKER_DB') or var_dir() / 'rasa.db'}"


def sqlite_file(url: str) -> Path | None:
    """The file behind a SQLite URL; None for other databases and in-memory SQLite."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def database_missing(url: str) -> bool:
    """Whether the URL names a SQLite file that does not exist (nothing to read or delete)."""
    path = sqlite_file(url)
    return path is not None and not path.exists()


def _tune_sqlite(connection: Any, _record: Any) -> None:
    # WAL lets readers go on while a writer commits; busy_timeout waits out short locks;
    # secure_delete zeroes deleted rows, so an erased conversation is not left in free pages.
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def engine(url: str | None = None) -> Engine:
    """The engine for `url` (default `database_url()`), created on first use and kept."""
    url = url or database_url()
    with _engines_lock:
        existing = _engines.get(url)
        if existing is not None:
            return existing
        if make_url(url).get_backend_name() == "sqlite":
            path = sqlite_file(url)
            if path is not None:
                path.parent.mkdir(parents=True, exist_ok=True)
            created = create_engine(
                url, future=True, connect_args={"check_same_thread": False, "timeout": 30}
            )
            event.listen(created, "connect", _tune_sqlite)
        else:
            created = create_engine(url, future=True, pool_pre_ping=True)
        _engines[url] = created
        return created


def dispose_engines() -> None:
    """Close and forget every engine (tests simulating a restart, processes after a fork)."""
    with _engines_lock:
        for existing in _engines.values():
            existing.dispose()
        _engines.clear()


@contextmanager
def session(url: str | None = None) -> Iterator[Session]:
    """One unit of work: a fresh session, closed at the end (the caller commits)."""
    with Session(engine(url), future=True) as opened:
        yield opened


def utc_now() -> datetime:
    """Now in UTC, without tzinfo: every AnyDoor timestamp is stored that way."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def as_utc(moment: datetime) -> datetime:
    """`moment` in UTC without tzinfo; a naive datetime is taken to be UTC already."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(timezone.utc).replace(tzinfo=None)
