"""Erasing and purging conversations in a Rasa-shaped tracker store."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

from bot import store
from tests.store.conftest import database_bytes, restart

NOW = datetime.now(timezone.utc)

# The table as Rasa 3.6's SQLTrackerStore creates it.
EVENTS = """
CREATE TABLE events (
    id INTEGER NOT NULL PRIMARY KEY,
    sender_id VARCHAR(255) NOT NULL,
    type_name VARCHAR(255) NOT NULL,
    timestamp FLOAT,
    intent_name VARCHAR(255),
    action_name VARCHAR(255),
    data TEXT
)
"""


def tracker_db(path: Path, conversations: dict[str, list[datetime]]) -> str:
    """A tracker store with one `user` event per (conversation, time); returns its URL."""
    with sqlite3.connect(path) as connection:
        connection.execute(EVENTS)
        connection.execute("CREATE INDEX ix_events_sender_id ON events (sender_id)")
        for sender, times in conversations.items():
            for moment in times:
                data = {"event": "user", "text": f"my zip is 94110 ({sender})"}
                connection.execute(
                    "INSERT INTO events (sender_id, type_name, timestamp, intent_name, data)"
                    " VALUES (?, 'user', ?, 'inform', ?)",
                    (sender, moment.timestamp(), json.dumps(data)),
                )
    return f"sqlite:///{path}"


def senders(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as connection:
        rows = connection.execute("SELECT sender_id, COUNT(*) FROM events GROUP BY sender_id")
        return dict(rows.fetchall())


def test_erase_deletes_every_event_of_the_conversation_only(tmp_path: Path) -> None:
    path = tmp_path / "rasa.db"
    url = tracker_db(path, {"sms-a": [NOW, NOW], "sms-b": [NOW]})
    assert store.erase_tracker(url, "sms-a") == 2
    assert senders(path) == {"sms-b": 1}
    restart()
    assert b"(sms-a)" not in database_bytes(path)
    assert store.erase_tracker(url, "sms-a") == 0


def test_purge_deletes_whole_conversations_whose_last_event_is_old(tmp_path: Path) -> None:
    path = tmp_path / "rasa.db"
    old, recent = NOW - timedelta(days=45), NOW - timedelta(days=2)
    url = tracker_db(
        path,
        {
            "sms-quiet": [old, old + timedelta(minutes=5)],
            "sms-came-back": [old, recent],  # began long ago, still going: kept whole
            "sms-new": [recent],
        },
    )
    assert store.purge_trackers(url, NOW - timedelta(days=30)) == 2
    assert senders(path) == {"sms-came-back": 2, "sms-new": 1}
    assert store.purge_trackers(url, NOW - timedelta(days=30)) == 0


def test_a_naive_cutoff_is_utc(tmp_path: Path) -> None:
    path = tmp_path / "rasa.db"
    url = tracker_db(path, {"sms-a": [NOW - timedelta(hours=3)]})
    naive_two_hours_ago = (NOW - timedelta(hours=2)).replace(tzinfo=None)
    assert store.purge_trackers(url, naive_two_hours_ago) == 1


def test_a_missing_tracker_store_is_nothing_to_do_and_stays_missing(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'nowhere' / 'rasa.db'}"
    assert store.purge_trackers(url, NOW) == 0
    assert store.erase_tracker(url, "sms-a") == 0
    assert not (tmp_path / "nowhere").exists()


def test_a_database_without_the_events_table_is_nothing_to_do(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    sqlite3.connect(path).close()
    assert store.purge_trackers(f"sqlite:///{path}", NOW) == 0
