"""The Alembic migrations build the schema the models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.exc import OperationalError

from bot import store
from bot.store.models import Base

POSTGRES = "postgresql://postgres@127.0.0.1:5432/test"
TABLES = {
    "sms_contacts", "sms_inbound", "sms_deliveries",
    "handoffs", "staff_accounts", "staff_sessions", "staff_login_failures", "handoff_notes",
    "audit_log",
}


def schema_differences(url: str) -> list[object]:
    """What autogenerate would still change: nothing when models and migrations agree."""
    with store.engine(url).connect() as connection:
        return list(compare_metadata(MigrationContext.configure(connection), Base.metadata))


def exercise(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Dedupe, contacts, erase and purge against the migrated database at `url`."""
    monkeypatch.setenv("ANYDOOR_DATABASE_URL", url)
    assert store.remember_inbound("SM1", "sms-a") is True
    assert store.remember_inbound("SM1", "sms-a") is False
    store.save_contact("sms-a", "+14155550123")
    store.set_opted_out("sms-a", True)
    assert store.is_opted_out("sms-a") and store.contact_phone("sms-a") == "+14155550123"
    store.record_delivery("sms-a", "SM2", "queued")
    store.update_delivery_status("SM2", "delivered")
    future = datetime.now(timezone.utc) + timedelta(days=1)
    counts = store.purge_older_than(future)
    assert counts["sms_contacts_numbers_dropped"] == 1
    assert counts["sms_inbound"] == 1 and counts["sms_deliveries"] == 1
    assert store.erase_conversation("sms-a") == 1


def test_migrations_on_sqlite_match_the_models(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'deep' / 'folder' / 'app.db'}"
    store.upgrade(url)
    store.upgrade(url)
    with store.engine(url).connect() as connection:
        assert set(inspect(connection).get_table_names()) >= TABLES
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
            "0002_staff_handoff"
        )
    assert schema_differences(url) == []
    exercise(url, monkeypatch)


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A PostgreSQL schema of its own for this test, dropped afterwards."""
    admin = create_engine(POSTGRES, future=True, connect_args={"connect_timeout": 3})
    try:
        with admin.connect():
            pass
    except OperationalError:
        admin.dispose()
        pytest.skip(f"PostgreSQL is not reachable at {POSTGRES}")
    schema = f"anydoor_test_{uuid.uuid4().hex[:12]}"
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{POSTGRES}?options=-csearch_path%3D{schema}"
    finally:
        store.dispose_engines()
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def test_migrations_on_postgresql_match_the_models(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.upgrade(postgres_url)
    store.upgrade(postgres_url)
    with store.engine(postgres_url).connect() as connection:
        assert (
            connection.execute(text("SELECT current_schema()")).scalar().startswith("anydoor_test_")
        )
        assert set(inspect(connection).get_table_names()) >= TABLES
    assert schema_differences(postgres_url) == []
    exercise(postgres_url, monkeypatch)


def test_tracker_purge_and_erase_on_postgresql(postgres_url: str) -> None:
    insert = text("INSERT INTO events (sender_id, type_name, timestamp) VALUES (:s, 'user', :t)")
    with store.engine(postgres_url).begin() as connection:
        connection.execute(
            text(
                "CREATE TABLE events (id SERIAL PRIMARY KEY, sender_id VARCHAR(255) NOT NULL,"
                " type_name VARCHAR(255) NOT NULL, timestamp FLOAT, intent_name VARCHAR(255),"
                " action_name VARCHAR(255), data TEXT)"
            )
        )
        now = datetime.now(timezone.utc).timestamp()
        for sender, moment in (("sms-old", now - 86400 * 40), ("sms-new", now), ("sms-x", now)):
            connection.execute(insert, {"s": sender, "t": moment})
    cutoff = datetime.now(timezone.utc) - timedelta(days=30)
    assert store.purge_trackers(postgres_url, cutoff) == 1
    assert store.erase_tracker(postgres_url, "sms-x") == 1
    with store.engine(postgres_url).connect() as connection:
        left = connection.execute(text("SELECT sender_id FROM events")).scalars().all()
    assert left == ["sms-new"]


def test_tracker_functions_on_postgresql_without_events_table(postgres_url: str) -> None:
    assert store.purge_trackers(postgres_url, datetime.now(timezone.utc)) == 0
    assert store.erase_tracker(postgres_url, "sms-a") == 0
