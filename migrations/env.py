"""Alembic environment: AnyDoor's tables, on the database named by `-x url=`, by the caller
(`bot.store.upgrade`), or by `ANYDOOR_DATABASE_URL` (`bot.store.database_url()`)."""

from __future__ import annotations

from logging.config import fileConfig

from alembic import context

from bot.store import database_url, engine
from bot.store.models import Base

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name, disable_existing_loggers=False)


def _url() -> str:
    return str(
        context.get_x_argument(as_dictionary=True).get("url")
        or config.attributes.get("url")
        or database_url()
    )


def run_offline() -> None:
    """Write the SQL to stdout (`alembic upgrade head --sql`) instead of running it."""
    context.configure(url=_url(), target_metadata=Base.metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    """Apply the migrations in one transaction."""
    with engine(_url()).connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            # SQLite alters tables by copying them; batch mode does that for later migrations.
            render_as_batch=connection.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
