"""AnyDoor's storage: SQLAlchemy models and small functions, one session per unit of work.

No engine exists until a function needs one. `ANYDOOR_DATABASE_URL` picks the database
(SQLite under `var/` by default, or PostgreSQL); `upgrade()` applies the Alembic migrations.
"""

from bot.store.db import (
    database_missing,
    database_url,
    dispose_engines,
    engine,
    session,
    tracker_database_url,
)
from bot.store.schema import upgrade
from bot.store.sms import (
    contact_phone,
    erase_conversation,
    is_opted_out,
    purge_older_than,
    record_delivery,
    remember_inbound,
    save_contact,
    set_opted_out,
    update_delivery_status,
)
from bot.store.trackers import erase_tracker, purge_trackers

__all__ = [
    "contact_phone",
    "database_missing",
    "database_url",
    "dispose_engines",
    "engine",
    "erase_conversation",
    "erase_tracker",
    "is_opted_out",
    "purge_older_than",
    "purge_trackers",
    "record_delivery",
    "remember_inbound",
    "save_contact",
    "session",
    "set_opted_out",
    "tracker_database_url",
    "update_delivery_status",
    "upgrade",
]
