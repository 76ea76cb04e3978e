"""SMS held during a database outage survive the replica that held them (real Redis).

The database is a fake that is down, then back; Redis is real. A replica holds a message
(Twilio hears 200), then dies; another replica adopts it once its lease runs out and handles
it once. In Redis the number and the text are encrypted.
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any
from urllib.parse import urlencode

import pytest
from cryptography.fernet import Fernet
from sanic import Sanic
from sqlalchemy.exc import OperationalError
from twilio.request_validator import RequestValidator

from bot import store
from channels import held
from channels.held import HeldInRedis, HeldSms
from channels.twilio_sms import SmsSettings, TwilioSmsInput
from tests.scale.conftest import REDIS_URL, own_redis_keys

pytestmark = pytest.mark.scale

SETTINGS = SmsSettings(
    account_sid="AC" + "2" * 32,
    auth_token="held-test-auth-token",
    public_url="https://sms.example.org",
    from_number="+15005550006",
)
PHONE = "+15105550123"
BODY = "94110 and my rent is 1200"


class FakeDatabase:
    """AnyDoor's inbound-message table: down or up; each MessageSid recorded once."""

    def __init__(self) -> None:
        self.down = True
        self.recorded: list[str] = []

    def remember_inbound(self, message_sid: str, conversation: str) -> bool:
        if self.down:
            raise OperationalError("SELECT 1", {}, ConnectionRefusedError())
        if message_sid in self.recorded:
            return False
        self.recorded.append(message_sid)
        return True


@pytest.fixture
def database(monkeypatch: pytest.MonkeyPatch) -> FakeDatabase:
    fake = FakeDatabase()
    monkeypatch.setattr(store, "remember_inbound", fake.remember_inbound)
    monkeypatch.setenv("ANYDOOR_FERNET_KEY", Fernet.generate_key().decode())
    monkeypatch.setenv("ANYDOOR_SECRET", "held-test-secret")
    return fake


@pytest.fixture
def prefix() -> Iterator[str]:
    """A Redis key prefix of this test's own; its keys go at the end."""
    yield from own_redis_keys("held")


def raw_held(prefix: str) -> dict[str, str]:
    import redis

    client = redis.Redis.from_url(REDIS_URL, decode_responses=True)
    return dict(client.hgetall(f"{prefix}:sms:held"))


class Replica:
    """A replica's SMS channel, recording the messages it handles instead of running Rasa."""

    def __init__(self, prefix: str, lease_seconds: int = held.LEASE_SECONDS) -> None:
        self.channel = TwilioSmsInput(SETTINGS, HeldInRedis(REDIS_URL, prefix, lease_seconds))
        self.handled: list[tuple[str, str, str]] = []

        async def handle(_: Any, __: Any, conversation: str, phone: str, body: str) -> None:
            self.handled.append((conversation, phone, body))

        self.channel.handle = handle  # type: ignore[method-assign]


async def until(condition: Any, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.1)


def test_a_held_sms_is_in_redis_encrypted_before_twilio_hears_200(
    prefix: str, database: FakeDatabase
) -> None:
    replica = Replica(prefix)
    app = Sanic(f"held-{uuid.uuid4().hex[:8]}")
    app.ctx.agent = SimpleNamespace()
    app.blueprint(replica.channel.blueprint(replica.handled.append), url_prefix="/webhooks/sms")
    sid = "SM" + uuid.uuid4().hex
    params = {"MessageSid": sid, "From": PHONE, "To": SETTINGS.from_number or "", "Body": BODY}
    path = "/webhooks/sms/webhook"
    signature = RequestValidator(SETTINGS.auth_token).compute_signature(
        SETTINGS.public_url + path, params
    )
    _, response = app.test_client.post(
        path,
        data=urlencode(params),
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "X-Twilio-Signature": signature,
        },
    )
    assert response.status == 200
    # The test server has stopped (its tasks with it), as a replica that died would.
    entries = raw_held(prefix)
    assert list(entries) == [sid]
    assert PHONE not in entries[sid] and "94110" not in entries[sid] and "rent" not in entries[sid]
    assert abs(json.loads(entries[sid])["received"] - time.time()) < 60
    assert replica.handled == [] and database.recorded == []


def test_a_replica_that_died_holding_an_sms_has_it_handled_by_another_once(
    prefix: str, database: FakeDatabase, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(held, "ADOPT_EVERY_SECONDS", 0.2)
    message = HeldSms("SM" + uuid.uuid4().hex, "sms-1234", PHONE, BODY, time.time())

    async def scenario() -> None:
        dying, other, third = Replica(prefix, lease_seconds=2), Replica(prefix), Replica(prefix)
        # The first replica holds it, then dies (its task cancelled, nothing released).
        await dying.channel.hold(None, None, message)  # type: ignore[arg-type]
        for task in list(dying.channel._tasks):
            task.cancel()
        await asyncio.sleep(0)
        # Two replicas look for orphans, while the lease still runs: nothing to take yet.
        adopters = [
            asyncio.create_task(r.channel.adopt_held(None, None))  # type: ignore[arg-type]
            for r in (other, third)
        ]
        await asyncio.sleep(1)
        assert other.handled == third.handled == []
        database.down = False
        await until(lambda: other.handled or third.handled)
        await asyncio.sleep(1.5)
        for adopter in adopters:
            adopter.cancel()
        handled = other.handled + third.handled
        assert handled == [("sms-1234", PHONE, BODY)]  # once, by one of them
        assert database.recorded == [message.message_sid]
        assert raw_held(prefix) == {}  # nothing left held

    asyncio.run(scenario())


def test_an_sms_held_too_long_is_given_up_not_sent_late(
    prefix: str, database: FakeDatabase, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(held, "ADOPT_EVERY_SECONDS", 0.2)
    old = time.time() - held.HOLD_SECONDS - 1
    message = HeldSms("SM" + uuid.uuid4().hex, "sms-5678", PHONE, BODY, old)

    async def scenario() -> None:
        replica = Replica(prefix, lease_seconds=1)
        await replica.channel.held.add(message)
        await asyncio.sleep(1.5)  # its replica is gone
        adopter = Replica(prefix)
        task = asyncio.create_task(adopter.channel.adopt_held(None, None))  # type: ignore[arg-type]
        await until(lambda: raw_held(prefix) == {})
        task.cancel()
        assert adopter.handled == []

    asyncio.run(scenario())


def test_with_redis_down_the_sms_is_still_held_by_its_replica(
    database: FakeDatabase, monkeypatch: pytest.MonkeyPatch
) -> None:
    from service.stack import free_port

    message = HeldSms("SM" + uuid.uuid4().hex, "sms-9012", PHONE, BODY, time.time())
    unreachable = f"redis://127.0.0.1:{free_port()}/0"

    async def scenario() -> None:
        channel = TwilioSmsInput(SETTINGS, HeldInRedis(unreachable, "anydoorheld"))
        handled: list[str] = []

        async def handle(_: Any, __: Any, conversation: str, phone: str, body: str) -> None:
            handled.append(conversation)

        channel.handle = handle  # type: ignore[method-assign]
        await channel.hold(None, None, message)  # type: ignore[arg-type]
        database.down = False
        await until(lambda: handled)
        assert handled == ["sms-9012"]

    asyncio.run(scenario())
