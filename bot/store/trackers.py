"""Deleting conversations from Rasa's SQL tracker store, without importing Rasa.

Rasa's `SQLTrackerStore` keeps one row per event in the table `events`, with the conversation
in `sender_id` and the event time in `timestamp` (unix seconds, a float). Only those two
columns are used here, in plain SQL that SQLite and PostgreSQL both run.
"""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import inspect, text

from bot.store.db import database_missing, engine

EVENTS_TABLE = "events"

_ERASE = text("DELETE FROM events WHERE sender_id = :sender_id")

# A conversation goes whole, once its latest event is older than the cutoff.
_PURGE = text(
    "DELETE FROM events WHERE sender_id IN ("
    " SELECT sender_id FROM events GROUP BY sender_id HAVING MAX(timestamp) < :cutoff"
    ")"
)


def _has_events(tracker_db_url: str) -> bool:
    if database_missing(tracker_db_url):
        return False
    with engine(tracker_db_url).connect() as connection:
        return bool(inspect(connection).has_table(EVENTS_TABLE))


def _unix_seconds(moment: datetime) -> float:
    """Unix time of `moment`; a naive datetime is taken to be UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.timestamp()


def erase_tracker(tracker_db_url: str, conversation_id: str) -> int:
    """Delete every event of one conversation; returns the number of events deleted."""
    if not _has_events(tracker_db_url):
        return 0
    with engine(tracker_db_url).begin() as connection:
        return int(connection.execute(_ERASE, {"sender_id": conversation_id}).rowcount)


def purge_trackers(tracker_db_url: str, cutoff: datetime) -> int:
    """Delete whole conversations last active before `cutoff`; returns events deleted."""
    if not _has_events(tracker_db_url):
        return 0
    with engine(tracker_db_url).begin() as connection:
        return int(connection.execute(_PURGE, {"cutoff": _unix_seconds(cutoff)}).rowcount)
