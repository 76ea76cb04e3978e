"""SMS held while the database is unreachable, kept where another replica can find them.

The SMS webhook answers Twilio 200 even when the database is down (Twilio would not retry
an incoming-message webhook), and holds the message until the database answers again. With
`ANYDOOR_REDIS_URL` the held message is written to Redis before Twilio gets its answer, with
a lease that its replica renews while it waits: if that replica dies, the lease runs out and
another replica adopts the message and handles it. The number and the text are encrypted
with the key that encrypts stored numbers (`ANYDOOR_FERNET_KEY`), so Redis never holds them
in the clear. Without Redis (one process, `make run`) the message waits in memory.

Handling stays exactly once: whichever replica handles a held message first records its
MessageSid in the database, and a replica that finds it recorded does nothing.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import time
from dataclasses import asdict, dataclass
from typing import Any

from cryptography.fernet import InvalidToken
from redis.exceptions import RedisError

from bot.privacy import fernet

logger = logging.getLogger(__name__)

# How long a message is held at most, from when Twilio delivered it.
HOLD_SECONDS = 120.0
# A replica renews the lease of each message it holds at least this often (its retries
# wait at most 5 s); a lease not renewed for LEASE_SECONDS means the replica is gone.
LEASE_SECONDS = 15
ADOPT_EVERY_SECONDS = 5.0
UNAVAILABLE = (RedisError, OSError)


@dataclass(frozen=True)
class HeldSms:
    """One incoming SMS not yet recorded in the database."""

    message_sid: str
    conversation: str
    phone: str
    body: str
    received: float  # time.time() when Twilio delivered it

    def expired(self, now: float | None = None) -> bool:
        """Whether it has been held as long as it may be."""
        return (now if now is not None else time.time()) > self.received + HOLD_SECONDS


class HeldInMemory:
    """One process: the waiting task is the only copy."""

    async def add(self, message: HeldSms) -> None:
        """Keep a message (nothing to keep beyond the waiting task)."""

    async def renew(self, message_sid: str) -> None:
        """Say this replica still holds the message."""

    async def release(self, message_sid: str) -> None:
        """The message is in the database now, or was given up."""

    async def adopt(self) -> list[HeldSms]:
        """Messages whose replica is gone: none, with one process."""
        return []


class HeldInRedis(HeldInMemory):
    """Held messages in a Redis hash, each with a lease its replica renews."""

    def __init__(self, url: str, prefix: str = "anydoor", lease_seconds: int = LEASE_SECONDS):
        import redis.asyncio as aioredis

        self.redis: Any = aioredis.from_url(
            url, decode_responses=True, socket_timeout=5, socket_connect_timeout=5
        )
        self.key = f"{prefix}:sms:held"
        self.lease_seconds = lease_seconds
        self.replica = secrets.token_hex(8)

    def _lease(self, message_sid: str) -> str:
        return f"{self.key}:lease:{message_sid}"

    async def add(self, message: HeldSms) -> None:
        """Write the message (encrypted) and this replica's lease, in one transaction."""
        secret = {k: v for k, v in asdict(message).items() if k != "received"}
        token = fernet().encrypt(json.dumps(secret).encode("utf-8")).decode("ascii")
        entry = json.dumps({"received": message.received, "token": token})
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.hset(self.key, message.message_sid, entry)
            pipe.set(self._lease(message.message_sid), self.replica, ex=self.lease_seconds)
            await pipe.execute()

    async def renew(self, message_sid: str) -> None:
        """Renew this replica's lease on the message."""
        await self.redis.set(self._lease(message_sid), self.replica, ex=self.lease_seconds)

    async def release(self, message_sid: str) -> None:
        """Forget the message and its lease."""
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.hdel(self.key, message_sid)
            pipe.delete(self._lease(message_sid))
            await pipe.execute()

    async def adopt(self) -> list[HeldSms]:
        """Take over the messages whose lease ran out (their replica is gone)."""
        adopted = []
        for message_sid, entry in (await self.redis.hgetall(self.key)).items():
            lease = self._lease(message_sid)
            if not await self.redis.set(lease, self.replica, ex=self.lease_seconds, nx=True):
                continue  # its replica (or another adopter) holds it
            try:
                stored = json.loads(entry)
                secret = json.loads(fernet().decrypt(stored["token"].encode("ascii")))
                message = HeldSms(received=float(stored["received"]), **secret)
            except (ValueError, KeyError, TypeError, InvalidToken) as error:
                # Another key (a misconfigured replica) or a damaged entry: nobody can use it.
                logger.error("A held SMS could not be read (%s); dropped", type(error).__name__)
                await self.release(message_sid)
                continue
            adopted.append(message)
        return adopted


def held_from_env() -> HeldInMemory:
    """Held messages in Redis when `ANYDOOR_REDIS_URL` is set, else in memory."""
    url = os.environ.get("ANYDOOR_REDIS_URL")
    if url:
        return HeldInRedis(url, os.environ.get("ANYDOOR_REDIS_KEY_PREFIX", "anydoor"))
    return HeldInMemory()
