"""Messages pushed to a web chat's open streams (a staff reply), and the stream tickets.

A push gets an id (`<milliseconds>-<n>`, increasing per conversation) and is kept for a while
(`PUSH_LOG_LENGTH` per conversation, `PUSH_LOG_SECONDS` after the last one), so a stream that
reconnects with the last id it saw gets what it missed: a phone switching networks or a
replica restarting loses nothing. A stream that opens replays the pushes after the id it
gives, then follows live ones; ids make the overlap harmless.

- `Streams`: one process (`make run`). Queues, tickets and the log live in memory.
- `RedisStreams`: several Rasa replicas (`ANYDOOR_REDIS_URL`). The log is a Redis stream per
  conversation, tickets are Redis keys (a ticket made by one replica opens a stream on
  another), and a push is published on the conversation's channel, to which a replica
  subscribes while it holds a stream of that conversation. `PUBLISH` counts the replicas
  that got it, so `delivered` still says whether the person has the chat open.

After every subscription Redis confirms (the first, or again after a lost connection), each
local stream of that conversation replays from its last id: a push sent while a replica was
subscribing, or while Redis was unreachable, still arrives, once.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import re
import secrets
import time
from collections import OrderedDict, defaultdict, deque
from typing import Any

from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

TICKET_SECONDS = 60
MAX_STREAMS_PER_CONVERSATION = 5
# A stream that comes back gets up to this many pushes it missed, for this long.
PUSH_LOG_LENGTH = 100
PUSH_LOG_SECONDS = 24 * 3600
# Conversations whose pushes one process keeps (the oldest go first).
LOCAL_LOG_CONVERSATIONS = 10_000
PUSH_ID = re.compile(r"\d{1,20}-\d{1,20}")

Push = tuple[str, dict[str, Any]]
# What Redis raises when it cannot be reached.
UNAVAILABLE = (RedisError, OSError)


class _CatchUp:
    """Queue item: replay from the last id seen (Redis confirmed a subscription)."""


CATCH_UP = _CatchUp()
Item = Push | _CatchUp | None  # None: the stream ends


def push_key(push_id: str) -> tuple[int, int]:
    """A push id as a number pair, for ordering ("0-0" before every push)."""
    milliseconds, _, sequence = push_id.partition("-")
    return int(milliseconds), int(sequence or 0)


def valid_push_id(value: Any) -> str | None:
    """A push id from a client (query or Last-Event-ID), or None."""
    return value if isinstance(value, str) and PUSH_ID.fullmatch(value) else None


class Streams:
    """The open streams of this process by conversation, their tickets and pushes."""

    def __init__(self) -> None:
        self._queues: defaultdict[str, set[asyncio.Queue[Item]]] = defaultdict(set)
        self._tickets: dict[str, tuple[str, float]] = {}
        self._log: OrderedDict[str, deque[tuple[float, Push]]] = OrderedDict()
        self._last = (0, 0)

    async def start(self) -> None:
        """Connect what needs connecting (inside the server's loop)."""

    async def stop(self) -> None:
        """Tell every open stream to end (the server is stopping)."""
        for queues in self._queues.values():
            for queue in queues:
                queue.put_nowait(None)

    async def ticket(self, conversation: str) -> str:
        """A single-use ticket that opens one stream of the conversation for a minute."""
        now = time.monotonic()
        for key in [k for k, (_, expiry) in self._tickets.items() if expiry < now]:
            del self._tickets[key]
        key = secrets.token_urlsafe(24)
        self._tickets[key] = (conversation, now + TICKET_SECONDS)
        return key

    async def redeem(self, ticket: str) -> str | None:
        """The conversation a ticket opens, once; None when unknown or expired."""
        conversation, expiry = self._tickets.pop(ticket, ("", 0.0))
        return conversation if expiry >= time.monotonic() else None

    async def open(self, conversation: str) -> asyncio.Queue[Item] | None:
        """A new queue for a stream of the conversation, or None when too many are open."""
        if len(self._queues[conversation]) >= MAX_STREAMS_PER_CONVERSATION:
            if not self._queues[conversation]:
                del self._queues[conversation]
            return None
        queue: asyncio.Queue[Item] = asyncio.Queue()
        self._queues[conversation].add(queue)
        return queue

    async def close(self, conversation: str, queue: asyncio.Queue[Item]) -> None:
        """Forget a stream that ended."""
        self._queues[conversation].discard(queue)
        if not self._queues[conversation]:
            del self._queues[conversation]

    def _deliver(self, conversation: str, item: Item) -> int:
        queues = self._queues.get(conversation, set())
        for queue in queues:
            queue.put_nowait(item)
        return len(queues)

    def _next_id(self) -> str:
        now = int(time.time() * 1000)
        milliseconds, sequence = self._last
        self._last = (now, 0) if now > milliseconds else (milliseconds, sequence + 1)
        return f"{self._last[0]}-{self._last[1]}"

    async def push(self, conversation: str, message: dict[str, Any]) -> int:
        """Keep the message and send it to the conversation's open streams; how many."""
        push = (self._next_id(), message)
        log = self._log.pop(conversation, None) or deque(maxlen=PUSH_LOG_LENGTH)
        log.append((time.monotonic(), push))
        self._log[conversation] = log
        while len(self._log) > LOCAL_LOG_CONVERSATIONS:
            self._log.popitem(last=False)
        return self._deliver(conversation, push)

    async def since(self, conversation: str, after: str) -> list[Push]:
        """The kept pushes of the conversation after the id `after`, oldest first."""
        oldest = time.monotonic() - PUSH_LOG_SECONDS
        floor = push_key(after)
        return [
            push
            for pushed_at, push in self._log.get(conversation, ())
            if pushed_at >= oldest and push_key(push[0]) > floor
        ]

    async def last_id(self, conversation: str) -> str:
        """The id of the conversation's last kept push ("0-0" when none)."""
        log = self._log.get(conversation)
        return log[-1][1][0] if log else "0-0"


class RedisStreams(Streams):
    """Streams shared by every Rasa replica through Redis (see the module's docstring)."""

    def __init__(self, url: str, prefix: str = "anydoor") -> None:
        super().__init__()
        self.url = url
        self.prefix = f"{prefix}:webchat"
        self.redis: Any = None
        self.pubsub: Any = None
        self._listener: asyncio.Task[None] | None = None
        self._confirmed: dict[str, asyncio.Event] = {}
        # How this replica's subscription shows in Redis's CLIENT LIST.
        self.client_name = f"{prefix}-webchat-pushes-{secrets.token_hex(4)}"
        # One (un)subscribe at a time: two at once on a fresh pubsub open two connections.
        self._subscribing = asyncio.Lock()

    def _channel(self, conversation: str) -> str:
        return f"{self.prefix}:push:{conversation}"

    def _log_key(self, conversation: str) -> str:
        return f"{self.prefix}:pushes:{conversation}"

    def _ticket_key(self, ticket: str) -> str:
        return f"{self.prefix}:ticket:{ticket}"

    async def start(self) -> None:
        """Connect to Redis and follow the channels of this replica's streams."""
        import redis.asyncio as aioredis

        self.redis = aioredis.from_url(
            self.url, decode_responses=True, socket_timeout=10, socket_connect_timeout=5
        )
        # Its own connection, without a read timeout: it waits for pushes. Health checks
        # (a PING when idle) find a dead connection; it then reconnects and resubscribes.
        listener = aioredis.from_url(
            self.url,
            decode_responses=True,
            socket_connect_timeout=5,
            health_check_interval=15,
            client_name=self.client_name,
        )
        self.pubsub = listener.pubsub()
        with contextlib.suppress(*UNAVAILABLE):  # else the listener keeps trying
            await self._follow(f"{self.prefix}:replicas")
        self._listener = asyncio.create_task(self._listen())

    async def _follow(self, channel: str) -> None:
        async with self._subscribing:
            await self.pubsub.subscribe(channel)

    async def _unfollow(self, channel: str) -> None:
        async with self._subscribing:
            await self.pubsub.unsubscribe(channel)

    async def stop(self) -> None:
        """End the streams, stop listening and close the connections."""
        await super().stop()
        if self._listener is not None:
            self._listener.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._listener
        for client in (self.pubsub, self.redis):
            if client is not None:
                with contextlib.suppress(Exception):
                    await client.close()

    async def _listen(self) -> None:
        prefix = f"{self.prefix}:push:"
        while True:
            try:
                if not self.pubsub.subscribed:  # a pubsub must follow something to be read
                    await self._follow(f"{self.prefix}:replicas")
                message = await self.pubsub.get_message(timeout=10)
            except UNAVAILABLE as error:
                logger.warning("Web chat pushes: Redis unreachable (%s)", type(error).__name__)
                await asyncio.sleep(1)
                continue
            if not message or not str(message.get("channel", "")).startswith(prefix):
                continue
            conversation = message["channel"][len(prefix) :]
            if message["type"] == "subscribe":
                if conversation in self._confirmed:
                    self._confirmed[conversation].set()
                self._deliver(conversation, CATCH_UP)
            elif message["type"] == "message":
                try:
                    push = json.loads(message["data"])
                    self._deliver(conversation, (str(push["id"]), dict(push["message"])))
                except (ValueError, KeyError, TypeError):
                    logger.warning("Web chat pushes: a published message was not understood")

    async def ticket(self, conversation: str) -> str:
        """A single-use ticket, valid on every replica for a minute."""
        key = secrets.token_urlsafe(24)
        await self.redis.set(self._ticket_key(key), conversation, ex=TICKET_SECONDS)
        return key

    async def redeem(self, ticket: str) -> str | None:
        """The conversation a ticket opens, once (read and deleted in one transaction)."""
        if not ticket or len(ticket) > 64:
            return None
        async with self.redis.pipeline(transaction=True) as pipe:
            conversation, _ = (
                await pipe.get(self._ticket_key(ticket)).delete(self._ticket_key(ticket)).execute()
            )
        return conversation or None

    async def open(self, conversation: str) -> asyncio.Queue[Item] | None:
        """A new queue; the first of the conversation subscribes this replica to it."""
        first = not self._queues.get(conversation)
        queue = await super().open(conversation)
        if queue is not None and first:
            confirmed = self._confirmed[conversation] = asyncio.Event()
            try:
                await self._follow(self._channel(conversation))
            except UNAVAILABLE:
                await self.close(conversation, queue)
                raise
            # Pushes are counted as delivered once Redis has the subscription.
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(confirmed.wait(), 5)
        return queue

    async def close(self, conversation: str, queue: asyncio.Queue[Item]) -> None:
        """Forget a stream; the last of the conversation unsubscribes."""
        await super().close(conversation, queue)
        if conversation not in self._queues:
            self._confirmed.pop(conversation, None)
            with contextlib.suppress(Exception):
                await self._unfollow(self._channel(conversation))

    async def push(self, conversation: str, message: dict[str, Any]) -> int:
        """Keep the message in the conversation's Redis stream and publish it; the number
        of replicas holding a stream of the conversation (0: nobody has the chat open)."""
        log = self._log_key(conversation)
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.xadd(
                log, {"message": json.dumps(message)}, maxlen=PUSH_LOG_LENGTH, approximate=False
            )
            pipe.expire(log, PUSH_LOG_SECONDS)
            push_id, *_ = await pipe.execute()
        published = json.dumps({"id": push_id, "message": message})
        return int(await self.redis.publish(self._channel(conversation), published))

    async def since(self, conversation: str, after: str) -> list[Push]:
        """The kept pushes after `after`, oldest first, from Redis."""
        milliseconds, sequence = push_key(after)  # exclusive: the next id (Redis before 6.2)
        entries = await self.redis.xrange(
            self._log_key(conversation), min=f"{milliseconds}-{sequence + 1}"
        )
        return [(push_id, json.loads(fields["message"])) for push_id, fields in entries]

    async def last_id(self, conversation: str) -> str:
        """The id of the conversation's last kept push ("0-0" when none)."""
        entries = await self.redis.xrevrange(self._log_key(conversation), count=1)
        return str(entries[0][0]) if entries else "0-0"


def streams_from_env() -> Streams:
    """Redis-backed streams when `ANYDOOR_REDIS_URL` is set (several replicas), else local."""
    url = os.environ.get("ANYDOOR_REDIS_URL")
    if url:
        return RedisStreams(url, os.environ.get("ANYDOOR_REDIS_KEY_PREFIX", "anydoor"))
    return Streams()
