"""Hostile input, property-based: at least 10,000 messages through REST and SMS, on the real
scaled stack (balancer, both Rasa replicas, PostgreSQL).

Most cases are cheap for the server and still go all the way to it: forged or missing
signatures, malformed forms and JSON bodies, which the channels must turn away with a 4xx.
About one case in twelve is a full turn (NLU, dialogue, actions, NLG) with a hostile text
(several hundred), some of them by SMS. Whatever comes: no 5xx, no replica crashes, and what
is stored is safe to show: bot messages carry no markup, conversation ids are plain tokens,
and AnyDoor's own tables hold no text of any message.
"""

from __future__ import annotations

import json
import re
import urllib.parse
import uuid
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

import pytest
import ujson
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, text

from channels.safety import valid_sender
from service.scaled import ScaledStack
from tests.scale.conftest import TWILIO_AUTH_TOKEN, WEBHOOK, http, sign, twilio_params

pytestmark = pytest.mark.scale

EXAMPLES = 500
CASES_PER_EXAMPLE = 20  # 10,000 messages in all
RUN = uuid.uuid4().hex[:8]
REST = "/webhooks/rest/webhook"

FRAGMENTS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "</textarea><b>hi</b>",
    "'; DROP TABLE events; --",
    '" OR 1=1 --',
    "%s%s%n",
    "${jndi:ldap://x}",
    "{{7*7}}",
    "\x00",
    "\ud800",
    "\u202e",
    "\ufeff",
    "𝕳𝖎",
    "👨‍👩‍👧‍👦",
    "🏳️‍🌈",
    "زیپ کد",
    "Ελλάδα",
    "中文 and English",
    "tôi cần giúp",
    "안녕하세요",
    "STOP",
    "DELETE",
    "/restart",
    "/delete_my_data",
    "\r\n\r\n",
    "94110",
    "34 and 6",
    "$2,100",
    "-1",
    "9" * 400,
    "&amp;&lt;",
    "%00",
    "\\x00\\n",
]
MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!]")
SID = re.compile(r"(SM|MM)[0-9a-fA-F]{32}")
SAFE_SENDER = re.compile(r"[A-Za-z0-9_.:@+=-]{1,128}")

hostile_text = st.one_of(
    st.text(max_size=200),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=80),
    st.binary(max_size=120).map(lambda raw: raw.decode("latin-1")),
    st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=6).map("".join),
    st.tuples(st.sampled_from(FRAGMENTS), st.integers(50, 3000)).map(lambda t: t[0] * t[1]),
    st.just(""),
)
json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)


@dataclass
class Case:
    """One request: where it goes, what it carries, and whether it is a full turn."""

    kind: str
    path: str
    body: bytes
    headers: dict[str, str]
    full_turn: bool = False
    expected: frozenset[int] = frozenset()


def rest_turn(sender: str, message: str) -> Case:
    # Valid Unicode: a lone surrogate makes the JSON invalid for the server (a "malformed" case).
    message = message.encode("utf-8", "replace").decode("utf-8")
    body = json.dumps({"sender": sender, "message": message}).encode()
    return Case(
        "rest turn", REST, body, {"Content-Type": "application/json"}, True, frozenset({200})
    )


def rest_expectation(body: bytes) -> frozenset[int]:
    """400 for anything but {"sender": <token>, "message": <text>}; 200 for that."""
    try:
        value = ujson.loads(body)  # the parser Sanic uses
    except ValueError:
        return frozenset({400})
    if (
        isinstance(value, dict)
        and valid_sender(value.get("sender"))
        and isinstance(value.get("message"), str)
    ):
        return frozenset({200})
    return frozenset({400})


@st.composite
def cases(draw: st.DrawFn, stack: ScaledStack) -> Case:
    kind = draw(
        st.sampled_from(
            ["forged sms"] * 14
            + ["malformed sms"] * 6
            + ["malformed rest"] * 14
            + ["rest turn"] * 2
            + ["sms"]
        )
    )
    message = draw(hostile_text)
    if kind == "rest turn":
        return rest_turn(f"hostile-{RUN}-{draw(st.integers(0, 400))}", message)
    if kind == "malformed rest":
        body = draw(
            st.one_of(
                st.binary(max_size=100),
                json_value.map(lambda value: json.dumps(value).encode()),
                st.fixed_dictionaries(
                    {"sender": json_value | hostile_text, "message": json_value | hostile_text},
                    optional={"metadata": json_value, "input_channel": hostile_text},
                ).map(lambda value: json.dumps(value).encode()),
            )
        )
        headers = {"Content-Type": draw(st.sampled_from(["application/json", "text/plain"]))}
        return Case(kind, REST, body, headers, expected=rest_expectation(body))
    # A form can only carry valid UTF-8: Twilio's never carries lone surrogates.
    message = message.encode("utf-8", "replace").decode("utf-8")
    params = twilio_params(f"+1415555{draw(st.integers(0, 9999)):04d}", message)
    extra = draw(st.dictionaries(st.text(min_size=1, max_size=12), hostile_text, max_size=3))
    params.update(
        {
            key: value.encode("utf-8", "replace").decode("utf-8")
            for key, value in extra.items()
            if key not in params
        }
    )
    if kind == "malformed sms":  # signed correctly, but the fields are not Twilio's
        forged = draw(hostile_text).encode("utf-8", "replace").decode("utf-8")
        if draw(st.booleans()):
            params["MessageSid"] = forged if not SID.fullmatch(forged) else "XX"
        else:  # too long, or not printable: no number Twilio sends looks like that
            params["From"] = forged + "\n" if len(forged) <= 32 else forged
    body = urllib.parse.urlencode(params).encode()
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if kind == "forged sms":
        headers["X-Twilio-Signature"] = draw(
            st.one_of(
                st.text(max_size=40).filter(lambda value: value.isascii() and value.isprintable()),
                st.just(sign(stack, {**params, "Body": message + "!"})),
            )
        )
        body = draw(st.one_of(st.just(body), st.binary(max_size=200)))  # or not even a form
        return Case(kind, WEBHOOK, body, headers, expected=frozenset({403}))
    headers["X-Twilio-Signature"] = sign(stack, params)
    if kind == "malformed sms":
        return Case(kind, WEBHOOK, body, headers, expected=frozenset({400}))
    return Case("sms", WEBHOOK, body, headers, True, frozenset({200}))


def test_ten_thousand_hostile_messages_get_no_5xx_and_nothing_unsafe_is_stored(
    scaled: ScaledStack, database_url: str
) -> None:
    assert TWILIO_AUTH_TOKEN  # the signatures above are real ones
    seen: dict[str, int] = {}
    cheap_pool = ThreadPoolExecutor(8)
    # Full turns take a real NLU and dialogue turn: sent alongside, checked at the end, so
    # the cheap cases do not wait for them.
    turn_pool = ThreadPoolExecutor(6)
    turns: list[Future[tuple[Case, int, bytes]]] = []

    def send(case: Case) -> tuple[Case, int, bytes]:
        status, body = http(scaled.rasa_url + case.path, case.body, case.headers)
        return case, status, body

    def verify(case: Case, status: int, body: bytes) -> None:
        seen[case.kind] = seen.get(case.kind, 0) + 1
        assert status < 500, (case.kind, status, body[:200])
        assert status in case.expected, (case.kind, status, body[:200], case.body[:300])
        if case.path == REST and status == 200:
            replies = json.loads(body)
            assert replies and all(r.get("text") for r in replies), replies
            assert not any(MARKUP.search(str(r["text"])) for r in replies), replies

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.explicit, Phase.generate],  # no shrinking: a batch of 20 is readable
    )
    @given(st.lists(cases(scaled), min_size=CASES_PER_EXAMPLE, max_size=CASES_PER_EXAMPLE))
    def check(batch: list[Case]) -> None:
        turns.extend(turn_pool.submit(send, case) for case in batch if case.full_turn)
        for result in cheap_pool.map(send, [case for case in batch if not case.full_turn]):
            verify(*result)

    try:
        check()
        for turn in turns:
            verify(*turn.result())
    finally:
        cheap_pool.shutdown()
        turn_pool.shutdown(cancel_futures=True)
    total = sum(seen.values())
    full_turns = seen.get("rest turn", 0) + seen.get("sms", 0)  # each one through NLU
    print(f"\nhostile input: {total} messages, {full_turns} full turns, {seen}")
    assert total >= 10_000 and full_turns >= 300

    # Every replica is still up and answering.
    for name in scaled.rasa_names + scaled.service_names:
        assert scaled.replica_processes[name].poll() is None, f"{name} crashed"
    assert http(f"{scaled.rasa_url}/version")[0] == 200

    # The stored side.
    engine = create_engine(database_url, future=True)
    try:
        with engine.connect() as connection:
            events = connection.execute(
                text("SELECT sender_id, type_name, data FROM events WHERE sender_id LIKE :p"),
                {"p": f"hostile-{RUN}-%"},
            ).all()
            senders = connection.execute(text("SELECT DISTINCT sender_id FROM events")).all()
            app_rows = [
                json.dumps([str(value) for value in row])
                for table in ("sms_contacts", "sms_inbound", "sms_deliveries")
                for row in connection.execute(text(f"SELECT * FROM {table}")).all()
            ]
    finally:
        engine.dispose()
    assert events, "the REST turns were not stored"
    for _sender, kind, data in events:
        if kind == "bot":
            assert not MARKUP.search(json.loads(data).get("text") or ""), data[:200]
    assert all(SAFE_SENDER.fullmatch(sender) for (sender,) in senders)
    stored_app = "\n".join(app_rows)
    for fragment in ("<script", "onerror", "DROP TABLE", "jndi"):
        assert fragment not in stored_app
    # A ZIP code as text, not by chance inside a hashed id ("...d694110a5...").
    assert not re.search(r"(?<![0-9a-f])94110(?![0-9a-f])", stored_app), "message text stored"
