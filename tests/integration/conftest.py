"""Starts the real stack (Rasa server + AnyDoor service) once for the integration tests."""

from __future__ import annotations

import json
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from service.stack import ROOT, Stack, free_port
from tests.integration.fake_twilio import FakeTwilio
from tests.staffing import always_staffed

# Rules are chosen by date; pin it so the expected amounts stay right as time passes.
SCREENING_DATE = "2026-11-24"

Chat = Callable[[str], list[dict[str, object]]]


TWILIO_ACCOUNT_SID = "AC" + "0" * 32
TWILIO_AUTH_TOKEN = "test-auth-token"
TWILIO_FROM_NUMBER = "+15005550006"
SECRET = "integration-test-secret"


@pytest.fixture(scope="session")
def fake_twilio() -> Iterator[FakeTwilio]:
    """The fake Twilio Messages API the stack sends SMS through."""
    fake = FakeTwilio().start()
    yield fake
    fake.stop()


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory, fake_twilio: FakeTwilio) -> Iterator[Stack]:
    """The running stack on free localhost ports, with its own databases, keys and SMS."""
    model = ROOT / "models" / "anydoor.tar.gz"
    if not model.exists():
        pytest.fail("No trained model: run `make test`, which trains it first.")
    workdir: Path = tmp_path_factory.mktemp("stack")
    # Staff are always in for these tests, whenever they run.
    staffed_hours = always_staffed(workdir / "staffed_hours.yml")
    rasa_port = free_port()
    running = Stack(
        rasa_port=rasa_port,
        service_port=free_port(),
        tracker_db=workdir / "rasa.db",
        log_dir=workdir / "log",
        extra_env={
            "ANYDOOR_TODAY": SCREENING_DATE,
            "ANYDOOR_VAR_DIR": str(workdir),
            "ANYDOOR_SECRET": SECRET,
            "ANYDOOR_DATABASE_URL": f"sqlite:///{workdir / 'anydoor.db'}",
            "ANYDOOR_PUBLIC_URL": f"http://127.0.0.1:{rasa_port}",
            "TWILIO_ACCOUNT_SID": TWILIO_ACCOUNT_SID,
            "TWILIO_AUTH_TOKEN": TWILIO_AUTH_TOKEN,
            "TWILIO_FROM_NUMBER": TWILIO_FROM_NUMBER,
            "TWILIO_API_BASE": fake_twilio.url,
            "ANYDOOR_STAFFED_HOURS": str(staffed_hours),
        },
    )
    running.start()
    yield running
    running.stop()


@pytest.fixture
def chat(stack: Stack) -> Chat:
    """A new conversation: chat("hi") returns the bot's replies (text and buttons)."""
    sender = f"test-{uuid.uuid4().hex}"

    def send(message: str) -> list[dict[str, object]]:
        request = urllib.request.Request(
            f"{stack.rasa_url}/webhooks/rest/webhook",
            data=json.dumps({"sender": sender, "message": message}).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            assert response.status == 200
            return json.loads(response.read())

    send.sender = sender  # type: ignore[attr-defined]
    return send
