"""Bringing a database's schema up to date with the Alembic migrations in `migrations/`."""

from __future__ import annotations

from pathlib import Path

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"


def upgrade(url: str | None = None) -> None:
    """Run `alembic upgrade head` on `url` (default `database_url()`); safe to repeat."""
    # Imported here: only deploy steps and tests need Alembic, not every process using the store.
    from alembic import command
    from alembic.config import Config

    from bot.store.db import database_url

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["url"] = url or database_url()
    command.upgrade(config, "head")
