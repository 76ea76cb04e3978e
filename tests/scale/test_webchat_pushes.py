"""Web chat pushes with two replicas on real Redis: wherever the stream is, nothing is lost.

Two processes serve the `webchat` channel (tests/scale/webchat_replica.py, no Rasa model
needed) on one Redis: a ticket from one opens a stream on the other, a staff reply posted to
either reaches the stream, and a stream that reconnects with the last id it saw gets what
was pushed meanwhile, once and in order. Also through service/balancer.py, which must pass
the event stream through as it comes.
"""

from __future__ import annotations

import asyncio
import http.client
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from channels.pushes import CATCH_UP, RedisStreams, push_key
from channels.webchat import conversation_for
from service.stack import ROOT, free_port, wait_for
from tests.scale.conftest import REDIS_URL, own_redis_keys

pytestmark = pytest.mark.scale

TOKEN = "scale-webchat-token"
SECRET = "scale-webchat-secret"


def _spawn(command: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


@pytest.fixture(scope="module")
def prefix() -> Iterator[str]:
    """A Redis key prefix of this module's own; its keys go at the end."""
    yield from own_redis_keys("push")


@pytest.fixture(scope="module")
def replicas(prefix: str) -> Iterator[list[str]]:
    """Two web chat replicas on Redis, and a balancer over both: [a, b, balancer]."""
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "ANYDOOR_REDIS_URL": REDIS_URL,
        "ANYDOOR_REDIS_KEY_PREFIX": prefix,
        "ANYDOOR_SECRET": SECRET,
        "ANYDOOR_API_TOKEN": TOKEN,
    }
    ports = [free_port(), free_port()]
    processes = [
        _spawn([sys.executable, "-m", "tests.scale.webchat_replica", str(port)], env)
        for port in ports
    ]
    urls = [f"http://127.0.0.1:{port}" for port in ports]
    balancer_port = free_port()
    backends = [arg for url in urls for arg in ("--backend", url)]
    processes.append(
        _spawn(
            [sys.executable, "-m", "service.balancer", "--port", str(balancer_port), *backends],
            env,
        )
    )
    urls.append(f"http://127.0.0.1:{balancer_port}")
    try:
        for url, process in zip(urls, processes, strict=True):
            wait_for(f"{url}/webhooks/webchat/", 60, process)
        yield urls
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()


def post(base: str, path: str, body: dict[str, Any], token: str | None = None) -> Any:
    headers = {"Content-Type": "text/plain"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(
        f"{base}/webhooks/webchat/{path}", data=json.dumps(body).encode(), headers=headers
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def deliver(base: str, conversation: str, text: str) -> int:
    body = {"conversation_id": conversation, "text": text, "from": "staff"}
    return int(post(base, "deliver", body, TOKEN)["delivered"])


class Stream(threading.Thread):
    """An open event stream, read in the background: its events as (id, message)."""

    def __init__(self, base: str, ticket: str, after: str | None = None) -> None:
        super().__init__(daemon=True)
        host, port = base.removeprefix("http://").split(":")
        self.connection = http.client.HTTPConnection(host, int(port), timeout=60)
        query = f"ticket={ticket}" + (f"&after={after}" if after else "")
        self.connection.request("GET", f"/webhooks/webchat/events?{query}")
        self.response = self.connection.getresponse()
        self.status = self.response.status
        self.events: list[tuple[str, dict[str, Any]]] = []
        self.opened = threading.Event()
        self.start()
        if self.status == 200:
            assert self.opened.wait(20), "the stream did not open"

    def run(self) -> None:
        if self.status != 200:
            return
        push_id = ""
        try:
            for raw in self.response:
                line = raw.decode().rstrip("\n")
                if line == ": open":
                    self.opened.set()
                elif line.startswith("id: "):
                    push_id = line[len("id: ") :]
                elif line.startswith("data: "):
                    self.events.append((push_id, json.loads(line[len("data: ") :])))
        except (OSError, ValueError, AttributeError, http.client.HTTPException):
            return  # closed by the test (http.client then fails in several ways)

    def texts(self, count: int, timeout: float = 20) -> list[str]:
        """The texts of the first `count` events, waiting for them."""
        deadline = time.monotonic() + timeout
        while len(self.events) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return [message["text"] for _, message in self.events]

    def close(self) -> None:
        """Drop the connection, as a phone losing its network would."""
        sock = self.connection.sock
        if sock is not None:
            sock.shutdown(socket.SHUT_RDWR)
        self.connection.close()
        self.join(10)


def stream(ticket_from: str, events_on: str, session: str, after: str | None = None) -> Stream:
    ticket = post(ticket_from, "stream", {"session": session})["ticket"]
    return Stream(events_on, ticket, after)


def wait_unsubscribed(prefix: str, conversation: str, timeout: float = 30) -> None:
    """Wait until no replica holds a stream of the conversation (it saw the client go)."""
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    channel = f"{prefix}:webchat:push:{conversation}"
    deadline = time.monotonic() + timeout
    while client.pubsub_numsub(channel)[0][1] and time.monotonic() < deadline:
        time.sleep(0.1)


def new_session() -> str:
    return uuid.uuid4().hex + uuid.uuid4().hex


@pytest.fixture(autouse=True)
def secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANYDOOR_SECRET", SECRET)  # conversation_for as the replicas reckon it


def test_a_staff_reply_sent_through_one_replica_reaches_the_stream_on_the_other(
    replicas: list[str], prefix: str
) -> None:
    a, b, _ = replicas
    session = new_session()
    conversation = conversation_for(session)
    widget = stream(a, b, session)  # the ticket made by a opens the stream on b
    assert widget.status == 200
    try:
        assert deliver(a, conversation, "Hi, this is Ana from 211.") == 1
        assert deliver(b, conversation, "How can I help?") == 1
        assert widget.texts(2) == ["Hi, this is Ana from 211.", "How can I help?"]
        assert [m["from"] for _, m in widget.events] == ["staff", "staff"]
        ids = [push_id for push_id, _ in widget.events]
        assert push_key(ids[0]) < push_key(ids[1])
    finally:
        widget.close()
    wait_unsubscribed(prefix, conversation)
    # Nobody has the chat open now: the console hears so (and keeps it in the transcript).
    assert deliver(a, conversation, "Still there?") == 0
    # Another conversation's stream gets nothing of this one.
    other = stream(b, a, new_session())
    try:
        deliver(b, conversation, "Not for you")
        time.sleep(1)
        assert other.events == []
    finally:
        other.close()


def test_a_ticket_opens_one_stream_once_on_any_replica(replicas: list[str]) -> None:
    a, b, _ = replicas
    ticket = post(a, "stream", {"session": new_session()})["ticket"]
    first = Stream(b, ticket)
    try:
        assert first.status == 200
        assert Stream(a, ticket).status == 403
        assert Stream(b, ticket).status == 403
    finally:
        first.close()


def test_a_stream_that_reconnects_gets_every_push_it_missed_once_in_order(
    replicas: list[str], prefix: str
) -> None:
    a, b, _ = replicas
    session = new_session()
    conversation = conversation_for(session)
    widget = stream(a, b, session)
    deliver(a, conversation, "one")
    assert widget.texts(1) == ["one"]
    seen = widget.events[-1][0]
    widget.close()  # the phone lost its network
    # Sent while the replica may still think the stream is open (it finds out when it next
    # writes), or after: either way the stream that comes back gets them.
    deliver(b, conversation, "two")
    wait_unsubscribed(prefix, conversation)
    assert deliver(a, conversation, "three") == 0
    again = stream(b, a, session, after=seen)  # it comes back on the other replica
    try:
        assert again.texts(2) == ["two", "three"]
        deliver(b, conversation, "four")
        assert again.texts(3) == ["two", "three", "four"]
        time.sleep(0.5)
        assert len(again.events) == 3  # nothing twice
    finally:
        again.close()
    # A page reload: history says the last push so far; the stream goes on from there.
    pushed = post(b, "history", {"session": session})["pushed"]
    assert pushed == again.events[-1][0]
    deliver(a, conversation, "five")
    reloaded = stream(a, b, session, after=pushed)
    try:
        assert reloaded.texts(1) == ["five"]
    finally:
        reloaded.close()


def test_a_stream_without_an_id_starts_from_now(replicas: list[str]) -> None:
    a, b, _ = replicas
    session = new_session()
    conversation = conversation_for(session)
    deliver(a, conversation, "before")
    widget = stream(b, a, session)
    try:
        deliver(b, conversation, "after")
        assert widget.texts(1) == ["after"]
        time.sleep(0.5)
        assert widget.texts(1) == ["after"]
    finally:
        widget.close()


def test_staff_replies_reach_a_stream_opened_through_the_balancer(replicas: list[str]) -> None:
    *_, balancer = replicas
    session = new_session()
    conversation = conversation_for(session)
    # Round robin: the ticket and the stream are served by different replicas.
    widget = stream(balancer, balancer, session)
    try:
        assert widget.status == 200
        for text in ["one", "two", "three"]:
            assert deliver(balancer, conversation, text) == 1
        assert widget.texts(3) == ["one", "two", "three"]  # as they come, not at the end
    finally:
        widget.close()


def test_a_push_while_the_replica_lost_redis_arrives_once_it_is_back(prefix: str) -> None:
    async def scenario() -> None:
        import redis.asyncio as aioredis

        sender, holder = RedisStreams(REDIS_URL, prefix), RedisStreams(REDIS_URL, prefix)
        await sender.start()
        await holder.start()
        admin = aioredis.from_url(REDIS_URL, decode_responses=True)
        try:
            queue = await holder.open("webchat-lost")
            assert queue is not None
            assert await asyncio.wait_for(queue.get(), 10) is CATCH_UP  # subscribed
            clients = await admin.client_list()
            ids = [c["id"] for c in clients if c.get("name") == holder.client_name]
            assert ids, "the holder's subscription connection is named"
            for client_id in ids:
                await admin.client_kill_filter(_id=client_id)
            await sender.push("webchat-lost", {"text": "while away"})
            # The holder reconnects, resubscribes and is told to catch up from the log.
            item = await asyncio.wait_for(queue.get(), 20)
            while item is not CATCH_UP:
                item = await asyncio.wait_for(queue.get(), 20)
            missed = await holder.since("webchat-lost", "0-0")
            assert [message["text"] for _, message in missed] == ["while away"]
            assert await sender.push("webchat-lost", {"text": "live"}) == 1
            pushed = await asyncio.wait_for(queue.get(), 10)
            assert pushed != CATCH_UP and pushed[1] == {"text": "live"}  # type: ignore[index]
        finally:
            await admin.close()
            await sender.stop()
            await holder.stop()

    asyncio.run(scenario())


def test_redis_keeps_a_bounded_log_that_expires(prefix: str) -> None:
    async def scenario() -> None:
        from channels import pushes

        streams = RedisStreams(REDIS_URL, prefix)
        await streams.start()
        try:
            for n in range(pushes.PUSH_LOG_LENGTH + 5):
                await streams.push("webchat-long", {"text": str(n)})
            kept = await streams.since("webchat-long", "0-0")
            assert len(kept) == pushes.PUSH_LOG_LENGTH
            assert kept[-1][1]["text"] == str(pushes.PUSH_LOG_LENGTH + 4)
            ttl = await streams.redis.ttl(streams._log_key("webchat-long"))
            assert 0 < ttl <= pushes.PUSH_LOG_SECONDS
        finally:
            await streams.stop()

    asyncio.run(scenario())


def test_unreachable_redis_gets_503_for_a_ticket_and_0_for_a_push(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    port = free_port()  # nothing listens here
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "ANYDOOR_REDIS_URL": f"redis://127.0.0.1:{port}/0",
        "ANYDOOR_SECRET": SECRET,
        "ANYDOOR_API_TOKEN": TOKEN,
    }
    web = free_port()
    process = _spawn([sys.executable, "-m", "tests.scale.webchat_replica", str(web)], env)
    base = f"http://127.0.0.1:{web}"
    try:
        wait_for(f"{base}/webhooks/webchat/", 60, process)
        with pytest.raises(urllib.error.HTTPError) as refused:
            post(base, "stream", {"session": new_session()})
        assert refused.value.code == 503
        assert deliver(base, conversation_for(new_session()), "hello") == 0
    finally:
        process.terminate()
        process.wait(timeout=15)
