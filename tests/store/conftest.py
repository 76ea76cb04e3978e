"""A fresh AnyDoor database and key folder per test, under `tmp_path`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot import store

ENV = (
    "ANYDOOR_VAR_DIR",
    "ANYDOOR_DATABASE_URL",
    "ANYDOOR_SECRET",
    "ANYDOOR_FERNET_KEY",
    "ANYDOOR_TRACKER_DB_URL",
    "ANYDOOR_TRACKER_DB",
)


@pytest.fixture(autouse=True)
def var_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Keys and databases live in a temporary var folder; engines do not outlive the test."""
    for name in ENV:
        monkeypatch.delenv(name, raising=False)
    folder = tmp_path / "var"
    monkeypatch.setenv("ANYDOOR_VAR_DIR", str(folder))
    store.dispose_engines()
    yield folder
    store.dispose_engines()


@pytest.fixture
def database(var_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """AnyDoor's SQLite database file, migrated."""
    path = var_dir / "app.db"
    monkeypatch.setenv("ANYDOOR_DATABASE_URL", f"sqlite:///{path}")
    store.upgrade()
    return path


def restart() -> None:
    """Forget every engine, as a new process would."""
    store.dispose_engines()


def database_bytes(path: Path) -> bytes:
    """The database file with its write-ahead log: everything SQLite has written."""
    return b"".join(part.read_bytes() for part in sorted(path.parent.glob(path.name + "*")))
