"""Many conversations at once over two Rasa replicas: each keeps its own messages, in order."""

from __future__ import annotations

import asyncio
import json
import random
import uuid
from typing import Any

import aiohttp
import pytest
from sqlalchemy import create_engine, text

from service.scaled import ScaledStack
from tests.scale.conftest import rest, tracker

pytestmark = pytest.mark.scale

CONVERSATIONS = 50
MESSAGES = 10


def script(index: int) -> list[str]:
    """Ten messages of one screening; the ZIP, the ages and the income tell conversations apart."""
    return [
        "hi",
        ["94110", "90011", "95814", "94601", "92101"][index % 5],
        f"34 and {index % 17 + 1}",
        "no",
        "no",
        str(1000 + 10 * index),
        "yes",
        str(500 + index),
        "thanks",
        "bye",
    ]


async def converse(
    session: aiohttp.ClientSession,
    replicas: list[str],
    sender: str,
    messages: list[str],
    rng: random.Random,
) -> list[str]:
    """Send the messages one after another, each to a replica picked at random."""
    used = []
    for message in messages:
        replica = rng.choice(replicas)
        used.append(replica)
        async with session.post(
            f"{replica}/webhooks/rest/webhook", json={"sender": sender, "message": message}
        ) as response:
            assert response.status == 200, (response.status, await response.text())
            replies = await response.json()
            assert replies, f"no reply to message {messages.index(message)} of {sender}"
    return used


async def run_all(replicas: list[str], senders: list[str]) -> list[list[str]]:
    timeout = aiohttp.ClientTimeout(total=600)
    rng = random.Random(7)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        return await asyncio.gather(
            *(
                converse(session, replicas, sender, script(i), random.Random(rng.random()))
                for i, sender in enumerate(senders)
            )
        )


def test_fifty_conversations_over_two_replicas_keep_their_own_messages_in_order(
    scaled: ScaledStack, database_url: str
) -> None:
    replicas = [scaled.replica_url(name) for name in scaled.rasa_names]
    run = uuid.uuid4().hex[:8]
    senders = [f"order-{run}-{i}" for i in range(CONVERSATIONS)]
    used = asyncio.run(run_all(replicas, senders))
    assert all(len(set(u)) == 2 for u in used[:10]), "messages did not spread over both replicas"

    # The stored side, read straight from PostgreSQL: Rasa's events table.
    engine = create_engine(database_url, future=True)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                text(
                    "SELECT sender_id, data FROM events WHERE type_name = 'user'"
                    " AND sender_id LIKE :prefix ORDER BY id"
                ),
                {"prefix": f"order-{run}-%"},
            ).all()
    finally:
        engine.dispose()
    stored: dict[str, list[str]] = {}
    for sender, data in rows:
        stored.setdefault(sender, []).append(json.loads(data)["text"])
    for i, sender in enumerate(senders):
        assert stored.get(sender) == script(i), f"conversation {i} was not stored as sent"
        slots: dict[str, Any] = tracker(scaled, sender)["slots"]
        assert slots["monthly_income"] == 1000 + 10 * i, f"conversation {i} got another's income"
        assert slots["member_ages"] == [34, i % 17 + 1]
        assert slots["housing_cost"] == 500 + i


def test_messages_of_one_conversation_arriving_at_both_replicas_at_once_take_turns(
    scaled: ScaledStack,
) -> None:
    """The Redis lock store: two replicas never run one conversation's turns at the same time."""
    sender = f"race-{uuid.uuid4().hex[:8]}"
    rest(scaled.rasa_url, sender, "hi")
    replicas = [scaled.replica_url(name) for name in scaled.rasa_names]

    async def both_at_once(first: str, second: str) -> None:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120)) as session:

            async def send(replica: str, message: str) -> None:
                async with session.post(
                    f"{replica}/webhooks/rest/webhook", json={"sender": sender, "message": message}
                ) as answer:
                    assert answer.status == 200

            await asyncio.gather(send(replicas[0], first), send(replicas[1], second))

    sent = ["hi"]
    for round_ in range(8):
        pair = (f"what documents do I need {round_}", f"is my data private {round_}")
        asyncio.run(both_at_once(*pair))
        sent += pair
    events = tracker(scaled, sender)["events"]
    users = [e["text"] for e in events if e["event"] == "user"]
    assert sorted(users) == sorted(sent), "a message was lost or recorded twice"
    # Each turn ends (action_listen) before the next message is read: turns never interleave.
    turn_open = False
    for event in events:
        if event["event"] == "user":
            assert not turn_open, "a message was read while another turn was still running"
            turn_open = True
        elif event["event"] == "action" and event.get("name") == "action_listen":
            turn_open = False
