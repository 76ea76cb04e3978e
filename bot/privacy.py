"""Keeping phone numbers out of sight: keyed conversation ids and encrypted numbers.

A phone number never becomes a conversation id as is: the id is an HMAC of the number, so the
tracker and the logs cannot be turned back into numbers without the secret. The number itself
is kept only encrypted (Fernet), because replies must go somewhere.

Keys come from the environment (`ANYDOOR_SECRET`, `ANYDOOR_FERNET_KEY`), else from files
generated once under the var folder, readable by the owner only.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import re
import secrets
import tempfile
from collections.abc import Callable
from pathlib import Path

from cryptography.fernet import Fernet

CONVERSATION_PREFIX = "sms-"
CONVERSATION_HEX_CHARS = 32

_SEPARATORS = re.compile(r"[\s\-().]")


def var_dir() -> Path:
    """The folder for local state: `ANYDOOR_VAR_DIR`, else `var/` at the repository root."""
    configured = os.environ.get("ANYDOOR_VAR_DIR")
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parents[1] / "var"


def _key_file(name: str, generate: Callable[[], bytes]) -> bytes:
    """The key in `var/<name>`, generated there (mode 0600) the first time.

    The file appears whole or not at all (written aside, then hard-linked into place), so two
    processes starting together end up with the same key.
    """
    folder = var_dir()
    path = folder / name
    if not path.exists():
        _write_new(path, generate())
    key = path.read_bytes().strip()
    if not key:
        raise RuntimeError(f"the key file {path} is empty")
    return key


def _write_new(path: Path, content: bytes) -> None:
    """Write `path` with mode 0600 unless it exists; never leaves a partial file."""
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.")
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(content + b"\n")
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, 0o600)
        # If another process won the race, its key is the key.
        with contextlib.suppress(FileExistsError):
            os.link(temporary, path)
    finally:
        os.unlink(temporary)


def secret_key() -> bytes:
    """The HMAC key for conversation ids: `ANYDOOR_SECRET`, else `var/secret_key`."""
    configured = os.environ.get("ANYDOOR_SECRET")
    if configured:
        return configured.encode("utf-8")
    return _key_file("secret_key", lambda: secrets.token_urlsafe(48).encode("ascii"))


def normalize_phone(phone: str) -> str:
    """The number without spaces, dashes, dots or parentheses; a leading + stays."""
    normalized = _SEPARATORS.sub("", phone)
    if not normalized or normalized == "+":
        raise ValueError("empty phone number")
    return normalized


def conversation_id(phone: str) -> str:
    """The conversation id for a phone number: `sms-` and 32 hex chars of its keyed HMAC."""
    digest = hmac.new(secret_key(), normalize_phone(phone).encode("utf-8"), hashlib.sha256)
    return CONVERSATION_PREFIX + digest.hexdigest()[:CONVERSATION_HEX_CHARS]


def fernet() -> Fernet:
    """The cipher for stored numbers: key from `ANYDOOR_FERNET_KEY`, else `var/fernet_key`."""
    configured = os.environ.get("ANYDOOR_FERNET_KEY")
    if configured:
        return Fernet(configured.encode("ascii"))
    return Fernet(_key_file("fernet_key", Fernet.generate_key))


def encrypt_phone(phone: str) -> str:
    """The normalized number, encrypted to a text token."""
    return fernet().encrypt(normalize_phone(phone).encode("utf-8")).decode("ascii")


def decrypt_phone(token: str) -> str:
    """The number inside a token from `encrypt_phone`; raises `InvalidToken` for a wrong key."""
    return fernet().decrypt(token.encode("ascii")).decode("utf-8")
