"""Starts the real stack (Rasa server + AnyDoor service) once for the integration tests."""

from __future__ import annotations

import json
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from service.stack import ROOT, Stack, free_port

# Rules are chosen by date; pin it so the expected amounts stay right as time passes.
SCREENING_DATE = "2026-11-24"

Chat = Callable[[str], list[dict[str, object]]]


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """The running stack on free localhost ports, with its own tracker database."""
    model = ROOT / "models" / "anydoor.tar.gz"
    if not model.exists():
        pytest.fail("No trained model: run `make test`, which trains it first.")
    workdir: Path = tmp_path_factory.mktemp("stack")
    running = Stack(
        rasa_port=free_port(),
        service_port=free_port(),
        tracker_db=workdir / "rasa.db",
        log_dir=workdir / "log",
        extra_env={"ANYDOOR_TODAY": SCREENING_DATE},
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
