"""Faults on the scaled stack, each checked on the person's side and on the stored side.

The service killed mid-screening, PostgreSQL restarted, Twilio's API failing; and a webhook
delivered to both replicas at once. A Rasa replica killed: test_replica_killed.py.
"""

from __future__ import annotations

import glob
import json
import shutil
import subprocess
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import create_engine, text

from bot.i18n import render
from bot.privacy import conversation_id
from service.scaled import ScaledStack
from tests.integration.fake_twilio import FakeTwilio
from tests.scale.conftest import (
    SECRET,
    http,
    new_phone,
    rest,
    text_in,
    texts,
    tracker,
    user_texts,
)

pytestmark = pytest.mark.scale

ASK_AGES = render("utter_ask_member_ages", "en").text
ASK_PREGNANT = render("utter_ask_pregnant", "en").text


def conversation_of(phone: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("ANYDOOR_SECRET", SECRET)
    return conversation_id(phone)


def rows(database_url: str, sql: str, **params: object) -> list[tuple[object, ...]]:
    engine = create_engine(database_url, future=True)
    try:
        with engine.connect() as connection:
            return [tuple(row) for row in connection.execute(text(sql), params)]
    finally:
        engine.dispose()


def test_with_one_service_replica_down_the_balancer_sends_everything_to_the_other(
    scaled: ScaledStack,
) -> None:
    sender = f"svc1-{uuid.uuid4().hex[:8]}"
    rest(scaled.rasa_url, sender, "hi")
    scaled.kill_replica("service-1")
    try:
        replies = [texts(rest(scaled.rasa_url, sender, answer)) for answer in ["94110", "34, 6"]]
        assert ASK_AGES in replies[0]
        assert any(ASK_PREGNANT in reply for reply in replies[1])
    finally:
        scaled.start_replica("service-1")


def test_the_service_killed_mid_screening_gets_a_kind_reply_and_the_screening_continues(
    scaled: ScaledStack,
) -> None:
    english, spanish = f"svc-en-{uuid.uuid4().hex[:8]}", f"svc-es-{uuid.uuid4().hex[:8]}"
    rest(scaled.rasa_url, english, "hi")
    assert ASK_AGES in texts(rest(scaled.rasa_url, english, "94110"))
    rest(scaled.rasa_url, spanish, "hola, necesito ayuda")
    rest(scaled.rasa_url, spanish, "90011")
    for name in scaled.service_names:
        scaled.kill_replica(name)
    try:
        # The person's side: a kind "try again in a moment", in their language.
        assert texts(rest(scaled.rasa_url, english, "34 and 6")) == [
            render("utter_error", "en").text
        ]
        assert texts(rest(scaled.rasa_url, spanish, "40 y 8")) == [render("utter_error", "es").text]
    finally:
        for name in scaled.service_names:
            scaled.spawn_replica(name)
        for name in scaled.service_names:
            scaled.wait_replica(name)
    # Back: the same answer goes on from where the screening was.
    assert any(ASK_PREGNANT in reply for reply in texts(rest(scaled.rasa_url, english, "34 and 6")))
    slots = tracker(scaled, english)["slots"]
    assert slots["zip_code"] == "94110" and slots["member_ages"] == [34, 6]
    assert slots["requested_slot"] == "pregnant"
    assert tracker(scaled, spanish)["slots"]["zip_code"] == "90011"
    reply = texts(rest(scaled.rasa_url, spanish, "40 y 8"))
    assert render("utter_ask_pregnant", "es").text in " ".join(reply)


def test_a_webhook_delivered_to_both_replicas_at_once_is_handled_once(
    scaled: ScaledStack,
    fake_twilio: FakeTwilio,
    monkeypatch: pytest.MonkeyPatch,
    database_url: str,
) -> None:
    phone, sid = new_phone(), "SM" + uuid.uuid4().hex
    replicas = [scaled.replica_url(name) for name in scaled.rasa_names] * 6
    with ThreadPoolExecutor(len(replicas)) as pool:
        statuses = list(pool.map(lambda url: text_in(scaled, phone, "hi", url, sid), replicas))
    assert statuses == [200] * len(replicas)
    fake_twilio.wait_for(phone, 1)
    time.sleep(2)
    assert len(fake_twilio.to(phone)) == 1
    conversation = conversation_of(phone, monkeypatch)
    assert user_texts(scaled, conversation) == ["hi"]
    assert rows(
        database_url, "SELECT count(*) FROM sms_inbound WHERE message_sid = :sid", sid=sid
    ) == [(1,)]


def test_twilio_failing_now_and_then_every_reply_arrives_once(
    scaled: ScaledStack,
    fake_twilio: FakeTwilio,
    monkeypatch: pytest.MonkeyPatch,
    database_url: str,
) -> None:
    phones = [new_phone() for _ in range(6)]
    answers = ["hi", "94110", "34, 6", "no"]
    failures = [(4, 500), (3, 503), (4, 429), (2, 502)]  # per round: Twilio refuses N sends
    rounds = zip(answers, failures, strict=True)
    for count, (answer, (refused, status)) in enumerate(rounds, start=1):
        fake_twilio.fail_next(refused, status=status)
        with ThreadPoolExecutor(len(phones)) as pool:  # all six at once, to both replicas
            sent = list(pool.map(text_in, [scaled] * len(phones), phones, [answer] * len(phones)))
        assert sent == [200] * len(phones)
        for phone in phones:
            fake_twilio.wait_for(phone, count, timeout=90)
    time.sleep(1.5)
    attempts = 0
    for phone in phones:
        bodies = fake_twilio.to(phone)
        assert len(bodies) == len(answers), "a reply was lost or sent twice"
        assert bodies[-1].startswith(render("utter_ask_disability", "en").text)
        conversation = conversation_of(phone, monkeypatch)
        deliveries = rows(
            database_url,
            "SELECT status, attempts FROM sms_deliveries WHERE conversation_id = :c",
            c=conversation,
        )
        assert sorted(status for status, _ in deliveries) == ["queued"] * len(answers)
        attempts += sum(int(str(tries)) for _, tries in deliveries)
        assert user_texts(scaled, conversation) == answers
    # Every refused send was tried again, and no accepted one was sent twice.
    assert attempts == len(phones) * len(answers) + sum(refused for refused, _ in failures)


def _restart_postgres() -> None:
    clusters = glob.glob("/etc/postgresql/*")
    subprocess.run(
        [
            "pg_ctlcluster",
            "--skip-systemctl-redirect",
            clusters[0].rsplit("/", 1)[1],
            "main",
            "restart",
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )


@pytest.mark.skipif(
    shutil.which("pg_ctlcluster") is None or not glob.glob("/etc/postgresql/*"),
    reason="restarting PostgreSQL needs a local Debian cluster (pg_ctlcluster)",
)
def test_postgres_restarted_requests_fail_softly_and_nothing_is_lost(
    scaled: ScaledStack,
    fake_twilio: FakeTwilio,
    monkeypatch: pytest.MonkeyPatch,
    database_url: str,
) -> None:
    sender, phone = f"pg-{uuid.uuid4().hex[:8]}", new_phone()
    rest(scaled.rasa_url, sender, "hi")
    assert text_in(scaled, phone, "hi") == 200
    fake_twilio.wait_for(phone, 1)

    restart = threading.Thread(target=_restart_postgres)
    restart.start()
    time.sleep(0.3)  # PostgreSQL is stopping or down now
    with ThreadPoolExecutor(2) as pool:
        sms = pool.submit(text_in, scaled, phone, "94110")
        during = pool.submit(
            http,
            f"{scaled.rasa_url}/webhooks/rest/webhook",
            b'{"sender": "' + sender.encode() + b'", "message": "94110"}',
            {"Content-Type": "application/json"},
        )
        sms_status, (rest_status, rest_body) = sms.result(), during.result()
    restart.join()
    # Neither webhook answered with a 5xx: Twilio got 200, the REST client a reply.
    assert sms_status == 200
    assert rest_status == 200, rest_status
    reply = texts(json.loads(rest_body))
    # The store retried through the restart (the next question), or the person was told
    # kindly to try again: never a greeting as if the conversation were new.
    assert reply and (ASK_AGES in reply or reply == [render("utter_error", "en").text]), reply
    if ASK_AGES not in reply:
        assert ASK_AGES in texts(rest(scaled.rasa_url, sender, "94110"))
    # The SMS sent during the restart is handled once the database is back: nothing lost.
    bodies = fake_twilio.wait_for(phone, 2, timeout=150)
    assert bodies[1].startswith(ASK_AGES)
    conversation = conversation_of(phone, monkeypatch)
    assert user_texts(scaled, conversation) == ["hi", "94110"]
    # And everything works again without restarting AnyDoor.
    assert any(ASK_PREGNANT in t for t in texts(rest(scaled.rasa_url, sender, "34, 6")))
    assert tracker(scaled, sender)["slots"]["zip_code"] == "94110"
    assert text_in(scaled, phone, "34, 6") == 200
    assert fake_twilio.wait_for(phone, 3)[2].startswith(ASK_PREGNANT)
    assert rows(
        database_url, "SELECT count(*) FROM sms_inbound WHERE conversation_id = :c", c=conversation
    ) == [(3,)]
