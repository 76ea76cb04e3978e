"""Conversation ids and stored numbers never show the phone number."""

from __future__ import annotations

import stat
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from cryptography.fernet import Fernet, InvalidToken

from bot import privacy

PHONE = "+14155550123"


def test_conversation_id_is_stable_and_does_not_contain_the_number() -> None:
    first = privacy.conversation_id(PHONE)
    assert first == privacy.conversation_id(PHONE)
    assert first.startswith("sms-") and len(first) == 4 + 32
    int(first.removeprefix("sms-"), 16)
    assert "4155550123" not in first


def test_spaces_dashes_and_parentheses_do_not_change_the_conversation() -> None:
    assert privacy.conversation_id("+1 (415) 555-0123") == privacy.conversation_id(PHONE)


def test_different_numbers_get_different_conversations() -> None:
    assert privacy.conversation_id(PHONE) != privacy.conversation_id("+14155550124")


def test_the_secret_is_generated_once_into_var_readable_by_the_owner_only(var_dir: Path) -> None:
    first = privacy.conversation_id(PHONE)
    key_file = var_dir / "secret_key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert privacy.conversation_id(PHONE) == first
    assert [path.name for path in var_dir.iterdir() if path.name.startswith(".")] == []


def test_the_secret_from_the_environment_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    from_file = privacy.conversation_id(PHONE)
    monkeypatch.setenv("ANYDOOR_SECRET", "a secret any string will do")
    from_env = privacy.conversation_id(PHONE)
    assert from_env != from_file
    assert privacy.secret_key() == b"a secret any string will do"


def test_a_number_round_trips_through_encryption(var_dir: Path) -> None:
    token = privacy.encrypt_phone("+1 415 555 0123")
    assert "5550123" not in token
    assert privacy.decrypt_phone(token) == PHONE
    assert stat.S_IMODE((var_dir / "fernet_key").stat().st_mode) == 0o600


def test_the_fernet_key_from_the_environment_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    key = Fernet.generate_key()
    monkeypatch.setenv("ANYDOOR_FERNET_KEY", key.decode())
    token = privacy.encrypt_phone(PHONE)
    assert Fernet(key).decrypt(token.encode()) == PHONE.encode()
    monkeypatch.setenv("ANYDOOR_FERNET_KEY", Fernet.generate_key().decode())
    with pytest.raises(InvalidToken):
        privacy.decrypt_phone(token)


def test_an_empty_number_is_refused() -> None:
    with pytest.raises(ValueError):
        privacy.conversation_id(" - ")


def test_processes_starting_together_agree_on_one_secret(var_dir: Path) -> None:
    with ThreadPoolExecutor(max_workers=8) as pool:
        keys = set(pool.map(lambda _: privacy.secret_key(), range(32)))
    assert len(keys) == 1
    assert (var_dir / "secret_key").read_bytes().strip() in keys
