"""`anydoor db upgrade` and `anydoor purge` as cron would run them."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from bot import store
from bot.cli import main
from bot.privacy import conversation_id
from tests.store.test_trackers import senders, tracker_db

PHONE = "+14155550123"
NOW = datetime.now(timezone.utc)


def test_db_upgrade_creates_the_tables_and_can_run_again(
    var_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["db", "upgrade"]) == 0
    assert main(["db", "upgrade"]) == 0
    assert store.remember_inbound("SM1", "sms-a") is True
    assert (var_dir / "anydoor.db").exists()
    assert "up to date" in capsys.readouterr().out


def test_purge_clears_the_app_tables_and_the_tracker_store(
    var_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["db", "upgrade"]) == 0
    conversation = conversation_id(PHONE)
    store.save_contact(conversation, PHONE)
    store.remember_inbound("SM1", conversation)
    tracker = var_dir / "rasa.db"
    tracker_db(tracker, {conversation: [NOW - timedelta(days=100)], "sms-new": [NOW]})
    capsys.readouterr()

    assert main(["purge", "--older-than", "90d"]) == 0

    output = capsys.readouterr().out
    assert "tracker_events: 1" in output
    assert "sms_contacts: 0" in output  # the contact was seen just now
    assert senders(tracker) == {"sms-new": 1}
    assert PHONE not in output and conversation not in output


def test_purge_reads_the_tracker_file_from_anydoor_tracker_db(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    tracker = tmp_path / "elsewhere.db"
    tracker_db(tracker, {"sms-old": [NOW - timedelta(hours=13)], "sms-new": [NOW]})
    monkeypatch.setenv("ANYDOOR_TRACKER_DB", str(tracker))
    assert main(["purge", "--older-than", "12h"]) == 0
    assert senders(tracker) == {"sms-new": 1}


def test_purge_with_no_databases_yet_succeeds_and_creates_nothing(
    var_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["purge", "--older-than", "30d"]) == 0
    assert main(["purge", "--older-than", "30d"]) == 0
    assert not var_dir.exists() or not list(var_dir.glob("*.db"))
    assert "tracker_events: 0" in capsys.readouterr().out


@pytest.mark.parametrize("age", ["30", "0d", "1w", "-3d", "d"])
def test_purge_refuses_an_unclear_age(age: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["purge", "--older-than", age])
    assert exit_.value.code == 2


def test_purge_reports_a_database_error_without_details(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ANYDOOR_DATABASE_URL", "postgresql://nobody:s3cret@127.0.0.1:1/none")
    assert main(["purge", "--older-than", "30d"]) == 1
    error = capsys.readouterr().err
    assert "purge failed" in error and "s3cret" not in error
