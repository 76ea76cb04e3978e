"""The scaled-out stack on real PostgreSQL and Redis, started once for tests/scale.

Two Rasa replicas and two AnyDoor service replicas behind their balancers, on a fresh
PostgreSQL database made for this run (dropped after) and Redis locks under a key prefix of
this run's own. Skipped, with the reason, only when PostgreSQL or Redis is unreachable.
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from twilio.request_validator import RequestValidator

from service.scaled import ScaledStack, create_database, drop_database, reachable
from service.stack import ROOT, api_token, free_port
from tests.integration.fake_twilio import FakeTwilio

SCREENING_DATE = "2026-11-24"
TWILIO_ACCOUNT_SID = "AC" + "1" * 32
TWILIO_AUTH_TOKEN = "scale-test-auth-token"
TWILIO_FROM_NUMBER = "+15005550006"
SECRET = "scale-test-secret"
WEBHOOK = "/webhooks/twilio_sms/webhook"

SERVER_URL = os.environ.get("ANYDOOR_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432")
REDIS_URL = os.environ.get("ANYDOOR_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def _postgres_problem() -> str | None:
    if not reachable(SERVER_URL, 5432):
        return f"PostgreSQL is not reachable at {SERVER_URL} (set ANYDOOR_TEST_POSTGRES_URL)"
    return None


def _redis_problem() -> str | None:
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_timeout=2).ping()
    except redis.RedisError as error:
        return f"Redis is not reachable at {REDIS_URL} ({type(error).__name__})"
    return None


@pytest.fixture(scope="session")
def database_url() -> Iterator[str]:
    """A fresh PostgreSQL database for this run, dropped at the end."""
    problem = _postgres_problem() or _redis_problem()
    if problem:
        pytest.skip(problem)
    url = f"{SERVER_URL}/anydoor_scale_{uuid.uuid4().hex[:12]}"
    create_database(url)
    yield url
    drop_database(url)


def own_redis_keys(name: str) -> Iterator[str]:
    """A Redis key prefix of one test's (or module's) own, alphanumeric as Rasa wants; its
    keys are deleted at the end. Skips the test when Redis is not reachable."""
    problem = _redis_problem()
    if problem:
        pytest.skip(problem)
    import redis

    prefix = f"anydoor{name}{uuid.uuid4().hex[:10]}"
    yield prefix
    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter(f"{prefix}*"):
        client.delete(key)


@pytest.fixture(scope="session")
def redis_prefix() -> Iterator[str]:
    """This run's Redis key prefix; its keys go at the end."""
    yield from own_redis_keys("scale")


@pytest.fixture(scope="session")
def fake_twilio() -> Iterator[FakeTwilio]:
    """The fake Twilio Messages API both Rasa replicas send SMS through."""
    fake = FakeTwilio().start()
    yield fake
    fake.stop()


@pytest.fixture(scope="session")
def scaled(
    tmp_path_factory: pytest.TempPathFactory,
    database_url: str,
    redis_prefix: str,
    fake_twilio: FakeTwilio,
) -> Iterator[ScaledStack]:
    """2 Rasa + 2 service replicas behind balancers, on PostgreSQL and Redis."""
    model = ROOT / "models" / "anydoor.tar.gz"
    if not model.exists():
        pytest.fail("No trained model: run `make test`, which trains it first.")
    workdir: Path = tmp_path_factory.mktemp("scaled")
    rasa_port = free_port()
    stack = ScaledStack(
        rasa_port=rasa_port,
        service_port=free_port(),
        tracker_db=workdir / "rasa.db",  # not used: trackers go to PostgreSQL
        log_dir=workdir / "log",
        extra_env={
            "ANYDOOR_TODAY": SCREENING_DATE,
            "ANYDOOR_VAR_DIR": str(workdir),
            "ANYDOOR_SECRET": SECRET,
            "ANYDOOR_DATABASE_URL": database_url,
            "ANYDOOR_REDIS_URL": REDIS_URL,
            "ANYDOOR_REDIS_KEY_PREFIX": redis_prefix,
            "ANYDOOR_PUBLIC_URL": f"http://127.0.0.1:{rasa_port}",
            "TWILIO_ACCOUNT_SID": TWILIO_ACCOUNT_SID,
            "TWILIO_AUTH_TOKEN": TWILIO_AUTH_TOKEN,
            "TWILIO_FROM_NUMBER": TWILIO_FROM_NUMBER,
            "TWILIO_API_BASE": fake_twilio.url,
        },
    )
    stack.start()
    yield stack
    stack.stop()


# --------------------------------------------------------------------------- HTTP helpers


def http(
    url: str,
    data: bytes | None = None,
    headers: dict[str, str] | None = None,
    timeout: float = 120,
) -> tuple[int, bytes]:
    """(status, body) of one request; HTTP errors are answers too."""
    request = urllib.request.Request(
        url, data=data, headers=headers or {}, method="POST" if data is not None else "GET"
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return int(response.status), response.read()
    except urllib.error.HTTPError as error:
        return int(error.code), error.read()


def rest(base_url: str, sender: str, message: str) -> list[dict[str, Any]]:
    """One REST turn; the bot's messages. Fails on anything but 200."""
    status, body = http(
        f"{base_url}/webhooks/rest/webhook",
        json.dumps({"sender": sender, "message": message}).encode(),
        {"Content-Type": "application/json"},
    )
    assert status == 200, (status, body[:200])
    return list(json.loads(body))


def texts(messages: list[dict[str, Any]]) -> list[str]:
    """The texts of the bot's messages."""
    return [str(m["text"]) for m in messages if m.get("text")]


def tracker(stack: ScaledStack, conversation: str) -> dict[str, Any]:
    """The stored conversation, read through the public balancer."""
    status, body = http(
        f"{stack.rasa_url}/conversations/{urllib.parse.quote(conversation)}/tracker"
        f"?token={api_token()}"
    )
    assert status == 200, status
    return dict(json.loads(body))


def user_texts(stack: ScaledStack, conversation: str) -> list[str]:
    """The person's messages in the stored conversation, in order."""
    return [e["text"] for e in tracker(stack, conversation)["events"] if e["event"] == "user"]


def twilio_params(phone: str, body: str, sid: str | None = None) -> dict[str, str]:
    """The form Twilio posts for one incoming SMS."""
    return {
        "MessageSid": sid or "SM" + uuid.uuid4().hex,
        "AccountSid": TWILIO_ACCOUNT_SID,
        "From": phone,
        "To": TWILIO_FROM_NUMBER,
        "Body": body,
        "NumMedia": "0",
    }


def sign(stack: ScaledStack, params: dict[str, str], path: str = WEBHOOK) -> str:
    """Twilio's signature of a webhook to the public URL (the Rasa balancer)."""
    return str(RequestValidator(TWILIO_AUTH_TOKEN).compute_signature(stack.rasa_url + path, params))


def post_form(
    base_url: str, params: dict[str, str], signature: str | None, path: str = WEBHOOK
) -> int:
    """POST a form like Twilio does; the status."""
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if signature is not None:
        headers["X-Twilio-Signature"] = signature
    status, _ = http(base_url + path, urllib.parse.urlencode(params).encode(), headers)
    return status


def text_in(
    stack: ScaledStack, phone: str, body: str, base_url: str | None = None, sid: str | None = None
) -> int:
    """Twilio delivering one SMS to `base_url` (default: the public balancer), signed."""
    params = twilio_params(phone, body, sid)
    return post_form(base_url or stack.rasa_url, params, sign(stack, params))


def new_phone() -> str:
    """A number in the fictional 555-01xx range."""
    return f"+1510555{uuid.uuid4().int % 10000:04d}"


Chat = Callable[[str], list[str]]
