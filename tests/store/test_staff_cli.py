"""`anydoor staff add`: a console account from the command line, password from stdin."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bot.cli import main
from bot.store import staff as accounts

PASSWORD = "a long enough password"


def test_an_agent_is_added_with_the_password_read_from_stdin(
    database: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["staff", "add", "Ana@Example.org", "--role", "agent"]) == 0
    assert capsys.readouterr().out == "added agent ana@example.org\n"
    found = accounts.authenticate("ana@example.org", PASSWORD)
    assert found is not None and found.role == "agent"


def test_a_short_password_is_refused_and_says_why(
    database: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert main(["staff", "add", "ana@example.org", "--role", "supervisor"]) == 2
    assert "at least 12 characters" in capsys.readouterr().err
    assert accounts.authenticate("ana@example.org", "short") is None


def test_a_role_must_be_agent_or_supervisor(database: Path) -> None:
    with pytest.raises(SystemExit):
        main(["staff", "add", "ana@example.org", "--role", "admin"])


def test_on_a_terminal_the_password_is_asked_twice(
    database: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    answers = iter([PASSWORD, PASSWORD + " typo"])
    monkeypatch.setattr("sys.stdin", Terminal())
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))
    assert main(["staff", "add", "ana@example.org", "--role", "agent"]) == 2
    assert "do not match" in capsys.readouterr().err
