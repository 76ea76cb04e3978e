"""The endpoints file `rasa run --endpoints` gets, chosen by the environment.

- Tracker store: Rasa's SQL tracker store (`channels.stores.ResilientSQLTrackerStore`) on
  `bot.store.tracker_database_url()`: SQLite under `var/` by default; PostgreSQL when
  `ANYDOOR_DATABASE_URL` (or `ANYDOOR_TRACKER_DB_URL`) names one.
- Lock store: in memory by default (one Rasa process); Rasa's Redis lock store (with atomic
  tickets: `channels.stores.AtomicRedisLockStore`) when
  `ANYDOOR_REDIS_URL` is set (`redis://[:password@]host[:port][/db]`, `rediss://` for TLS),
  so any number of Rasa replicas handle one conversation's messages one at a time, in order.
- Action endpoint and NLG: the AnyDoor service at `service_url` (one service, or a load
  balancer in front of several).

The database URL is not written into the file: Rasa expands `${ANYDOOR_TRACKER_DB_URL}` from
the environment the launcher gives it. A Redis password is, so the file is made private.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import yaml

TRACKER_STORE = "channels.stores.ResilientSQLTrackerStore"


LOCK_STORE = "channels.stores.AtomicRedisLockStore"


def redis_lock_store(redis_url: str, env: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Rasa's Redis lock store settings for a `redis://` URL (atomic tickets, see
    `channels.stores`; `type: redis` takes the same settings)."""
    env = os.environ if env is None else env
    parts = urlsplit(redis_url)
    if parts.scheme not in ("redis", "rediss"):
        raise ValueError("ANYDOOR_REDIS_URL must start with redis:// or rediss://")
    settings: dict[str, Any] = {
        "type": LOCK_STORE,
        "url": parts.hostname or "127.0.0.1",
        "port": parts.port or 6379,
        "db": int(parts.path.strip("/") or 0),
        "key_prefix": env.get("ANYDOOR_REDIS_KEY_PREFIX", "anydoor"),
    }
    if parts.username:
        settings["username"] = unquote(parts.username)
    if parts.password:
        settings["password"] = unquote(parts.password)
    if parts.scheme == "rediss":
        settings["use_ssl"] = True
    return settings


def endpoints(service_url: str, env: Mapping[str, str]) -> dict[str, Any]:
    """The endpoints configuration for a Rasa process started with `env`."""
    base = service_url.rstrip("/")
    config: dict[str, Any] = {
        "action_endpoint": {"url": f"{base}/webhook"},
        "nlg": {"url": f"{base}/nlg"},
        "tracker_store": {"type": TRACKER_STORE, "url": "${ANYDOOR_TRACKER_DB_URL}"},
    }
    if env.get("ANYDOOR_REDIS_URL"):
        config["lock_store"] = redis_lock_store(env["ANYDOOR_REDIS_URL"], env)
    return config


def write_endpoints(path: Path, service_url: str, env: Mapping[str, str]) -> Path:
    """Write the endpoints file for `env` to `path` (readable by its owner only)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = (
        "# Written by service/stack.py from the environment at start; edits are overwritten.\n"
        + yaml.safe_dump(endpoints(service_url, env), sort_keys=False)
    )
    path.touch(mode=0o600, exist_ok=True)
    path.chmod(0o600)
    path.write_text(text)
    return path
