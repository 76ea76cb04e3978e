"""The web chat channel with a local fake of Rasa: input checks, erase, history, deliver."""

from __future__ import annotations

import asyncio
import json
from types import SimpleNamespace
from typing import Any

import pytest
from rasa.core.channels.channel import UserMessage
from rasa.core.lock_store import InMemoryLockStore
from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, UserUttered
from sanic import Sanic

from bot.signals import ERASE_SIGNAL
from channels import webchat
from channels.pushes import push_key
from channels.webchat import WebchatInput, conversation_for, history_of
from service.stack import ROOT

SESSION = "s" * 40
TOKEN = "test-api-token"


class FakeRasa:
    """Answers like the bot would: an echo with Yes/No buttons; /delete_my_data erases."""

    def __init__(self, tracker_store: InMemoryTrackerStore) -> None:
        self.tracker_store = tracker_store
        self.received: list[UserMessage] = []

    async def __call__(self, message: UserMessage) -> None:
        self.received.append(message)
        tracker = await self.tracker_store.get_or_create_tracker(message.sender_id)
        tracker.update(UserUttered(message.text, metadata=message.metadata))
        if message.text == "/delete_my_data":
            await message.output_channel.send_text_message(message.sender_id, "Done.")
            await message.output_channel.send_custom_json(message.sender_id, ERASE_SIGNAL)
        elif message.text == "boom":
            raise RuntimeError("the model broke")
        else:
            buttons = [{"title": "Yes", "payload": "/affirm"}, {"title": "No", "payload": "/deny"}]
            reply = f"You said {message.text}"
            await message.output_channel.send_text_with_buttons(message.sender_id, reply, buttons)
            tracker.update(BotUttered(reply, {"buttons": buttons}))
        await self.tracker_store.save(tracker)


@pytest.fixture
def erased(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []

    async def erase(agent: Any, conversation: str) -> None:
        calls.append(conversation)

    monkeypatch.setattr(webchat, "erase_conversation", erase)
    return calls


@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch, erased: list[str]) -> Sanic:
    monkeypatch.setenv("ANYDOOR_SECRET", "unit-test-secret")
    monkeypatch.setenv("ANYDOOR_API_TOKEN", TOKEN)
    monkeypatch.delenv("ANYDOOR_REDIS_URL", raising=False)  # pushes in this process
    tracker_store = InMemoryTrackerStore(Domain.load(str(ROOT / "domain.yml")))
    rasa = FakeRasa(tracker_store)
    channel = WebchatInput()
    sanic = Sanic(f"webchat-test-{id(rasa)}")
    sanic.ctx.agent = SimpleNamespace(tracker_store=tracker_store, lock_store=InMemoryLockStore())
    sanic.ctx.rasa = rasa
    sanic.ctx.channel = channel
    sanic.blueprint(channel.blueprint(rasa), url_prefix="/webhooks/webchat")
    return sanic


def post(app: Sanic, path: str, body: Any, **kwargs: Any) -> Any:
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    _, response = app.test_client.post(f"/webhooks/webchat/{path}", data=data, **kwargs)
    return response


def test_a_message_gets_the_bots_replies_with_their_quick_replies(app: Sanic) -> None:
    response = post(app, "webhook", {"session": SESSION, "message": "hi"})
    assert response.status == 200
    assert response.json["messages"] == [
        {
            "text": "You said hi",
            "buttons": [
                {"title": "Yes", "payload": "/affirm"},
                {"title": "No", "payload": "/deny"},
            ],
        }
    ]
    assert response.json["erased"] is False
    assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_the_conversation_id_is_derived_from_the_session_never_chosen_by_the_client(
    app: Sanic,
) -> None:
    post(app, "webhook", {"session": SESSION, "message": "hi", "sender": "someone-else"})
    (received,) = app.ctx.rasa.received
    assert received.sender_id == conversation_for(SESSION)
    assert received.sender_id.startswith("webchat-")
    assert SESSION not in received.sender_id
    assert received.input_channel == "webchat"
    assert received.output_channel.name() == "webchat"  # the NLG keeps the buttons


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ("not json", "body_not_json"),
        (b"\xff\xfe", "body_not_json"),
        ("[1, 2]", "body_not_object"),
        ({"message": "hi"}, "bad_session"),
        ({"session": "short", "message": "hi"}, "bad_session"),
        ({"session": "x" * 40 + "/../", "message": "hi"}, "bad_session"),
        ({"session": 12345, "message": "hi"}, "bad_session"),
        ({"session": SESSION}, "bad_message"),
        ({"session": SESSION, "message": "   "}, "bad_message"),
        ({"session": SESSION, "message": ["hi"]}, "bad_message"),
        ({"session": SESSION, "message": "x" * 2001}, "bad_message"),
        ({"session": SESSION, "message": "hi", "label": 3}, "bad_label"),
    ],
)
def test_bad_input_gets_a_400_with_a_reason_and_never_reaches_rasa(
    app: Sanic, body: Any, error: str
) -> None:
    response = post(app, "webhook", body)
    assert response.status == 400
    assert response.json == {"error": error}
    assert app.ctx.rasa.received == []


def test_when_rasa_breaks_the_person_gets_a_kind_message_not_a_500(app: Sanic) -> None:
    response = post(app, "webhook", {"session": SESSION, "message": "boom"})
    assert response.status == 200
    assert response.json["messages"] == [
        {
            "text": "Sorry, something went wrong on my side. Please try again in a moment.",
            "buttons": [],
        }
    ]


def test_erase_my_answers_erases_the_conversation_and_hides_the_signal(
    app: Sanic, erased: list[str]
) -> None:
    response = post(app, "webhook", {"session": SESSION, "message": "/delete_my_data"})
    assert response.json["erased"] is True
    assert response.json["messages"] == [{"text": "Done.", "buttons": []}]
    assert erased == [conversation_for(SESSION)]


def test_history_shows_what_the_person_saw_a_pressed_button_as_its_title(app: Sanic) -> None:
    post(app, "webhook", {"session": SESSION, "message": "hi"})
    post(app, "webhook", {"session": SESSION, "message": "/affirm"})
    post(app, "webhook", {"session": SESSION, "message": "/request_human", "label": "A person"})
    for response in (
        post(app, "history", {"session": SESSION}),
        app.test_client.get("/webhooks/webchat/history", params={"session": SESSION})[1],
    ):
        assert response.status == 200
        said = [(m["from"], m["text"]) for m in response.json["messages"]]
        assert said == [
            ("user", "hi"),
            ("bot", "You said hi"),
            ("user", "Yes"),
            ("bot", "You said /affirm"),
            ("user", "A person"),
            ("bot", "You said /request_human"),
        ]
        assert response.json["language"] == "en"


def test_history_of_another_session_is_empty(app: Sanic) -> None:
    post(app, "webhook", {"session": SESSION, "message": "hi"})
    response = post(app, "history", {"session": "t" * 40})
    assert response.json["messages"] == []


def test_history_shows_bot_events_whatever_their_metadata() -> None:
    events = [
        UserUttered("I need help"),
        BotUttered("A staff reply", metadata={"from": "staff", "anything": 1}),
        BotUttered("Appended by the console", metadata={"source": "console"}),
        BotUttered(None, {"custom": ERASE_SIGNAL}),
    ]
    assert [(m["from"], m["text"]) for m in history_of(events)] == [
        ("user", "I need help"),
        ("staff", "A staff reply"),
        ("bot", "Appended by the console"),
    ]


def test_history_with_a_bad_session_is_a_400(app: Sanic) -> None:
    assert post(app, "history", {"session": "../etc"}).status == 400
    assert app.test_client.get("/webhooks/webchat/history")[1].status == 400


def test_a_page_in_spanish_starts_the_conversation_in_spanish(app: Sanic) -> None:
    response = post(
        app, "webhook", {"session": SESSION, "message": "/start_screening", "language": "es"}
    )
    assert response.json["language"] == "es"


def test_a_first_message_clearly_in_another_language_wins_over_the_page(app: Sanic) -> None:
    response = post(app, "webhook", {"session": SESSION, "message": "안녕하세요", "language": "es"})
    assert response.json["language"] == "ko"


def deliver(app: Sanic, body: Any, token: str | None = TOKEN) -> Any:
    headers = {"Authorization": f"Bearer {token}"} if token is not None else {}
    return post(app, "deliver", body, headers=headers)


@pytest.mark.parametrize("token", [None, "wrong-token", TOKEN + "x", TOKEN[:-1]])
def test_deliver_without_the_api_token_is_a_401(app: Sanic, token: str | None) -> None:
    body = {"conversation_id": "webchat-1", "text": "Hello", "from": "staff"}
    assert deliver(app, body, token).status == 401


def test_deliver_with_basic_auth_is_a_401(app: Sanic) -> None:
    body = {"conversation_id": "webchat-1", "text": "Hello", "from": "staff"}
    assert post(app, "deliver", body, headers={"Authorization": f"Basic {TOKEN}"}).status == 401


@pytest.mark.parametrize(
    "body",
    [
        "not json",
        {"text": "Hello", "from": "staff"},
        {"conversation_id": "webchat-1", "from": "staff"},
        {"conversation_id": "webchat-1", "text": "", "from": "staff"},
        {"conversation_id": "webchat-1", "text": "Hello"},
        {"conversation_id": "webchat-1", "text": "Hello", "from": "bot"},
        {"conversation_id": 7, "text": "Hello", "from": "staff"},
    ],
)
def test_deliver_with_a_bad_body_is_a_400(app: Sanic, body: Any) -> None:
    assert deliver(app, body).status == 400


def test_deliver_to_a_closed_page_reaches_no_stream(app: Sanic) -> None:
    body = {"conversation_id": conversation_for(SESSION), "text": "Hello", "from": "staff"}
    response = deliver(app, body)
    assert response.status == 200
    assert response.json == {"delivered": 0}


def test_a_stream_ticket_opens_one_stream_once() -> None:
    async def scenario() -> None:
        streams = webchat.Streams()
        ticket = await streams.ticket("webchat-1")
        assert await streams.redeem(ticket) == "webchat-1"
        assert await streams.redeem(ticket) is None
        assert await streams.redeem("made-up") is None

    asyncio.run(scenario())


def test_pushed_messages_reach_every_open_stream_of_the_conversation_only() -> None:
    async def scenario() -> None:
        streams = webchat.Streams()
        first, second = await streams.open("webchat-1"), await streams.open("webchat-1")
        other = await streams.open("webchat-2")
        assert first and second and other
        assert await streams.push("webchat-1", {"from": "staff", "text": "Hi"}) == 2
        pushed = first.get_nowait()
        assert pushed == second.get_nowait()
        assert pushed[1] == {"from": "staff", "text": "Hi"}  # type: ignore[index]
        assert other.empty()
        await streams.close("webchat-1", first)
        assert await streams.push("webchat-1", {"text": "again"}) == 1

    asyncio.run(scenario())


def test_pushes_are_kept_so_a_stream_that_comes_back_gets_what_it_missed() -> None:
    async def scenario() -> None:
        streams = webchat.Streams()
        assert await streams.last_id("webchat-1") == "0-0"
        for text in ["one", "two", "three"]:
            assert await streams.push("webchat-1", {"text": text}) == 0  # nobody is connected
        await streams.push("webchat-2", {"text": "not yours"})
        kept = await streams.since("webchat-1", "0-0")
        assert [message["text"] for _, message in kept] == ["one", "two", "three"]
        ids = [push_id for push_id, _ in kept]
        assert ids == sorted(ids, key=push_key) and len(set(ids)) == 3
        assert [m["text"] for _, m in await streams.since("webchat-1", ids[0])] == ["two", "three"]
        assert await streams.since("webchat-1", ids[-1]) == []
        assert await streams.last_id("webchat-1") == ids[-1]

    asyncio.run(scenario())


def test_every_open_stream_is_told_to_end_when_the_server_stops() -> None:
    async def scenario() -> None:
        streams = webchat.Streams()
        first, other = await streams.open("webchat-1"), await streams.open("webchat-2")
        await streams.stop()
        assert first and other and first.get_nowait() is None and other.get_nowait() is None

    asyncio.run(scenario())


def test_a_conversation_cannot_open_endless_streams() -> None:
    async def scenario() -> None:
        streams = webchat.Streams()
        limit = webchat.MAX_STREAMS_PER_CONVERSATION
        opened = [await streams.open("webchat-1") for _ in range(limit)]
        assert all(opened)
        assert await streams.open("webchat-1") is None

    asyncio.run(scenario())


def test_events_without_a_valid_ticket_are_refused(app: Sanic) -> None:
    _, response = app.test_client.get("/webhooks/webchat/events", params={"ticket": "guess"})
    assert response.status == 403


# The page for phones without JavaScript


def test_the_no_javascript_page_starts_a_session_and_offers_to_start(app: Sanic) -> None:
    _, response = app.test_client.get("/webhooks/webchat/page", params={"lang": "es"})
    assert response.status == 200
    assert webchat.COOKIE in response.cookies
    assert '<html lang="es" dir="ltr">' in response.text
    assert 'value="/start_screening">Empezar</button>' in response.text


def test_the_no_javascript_page_sends_a_message_and_shows_the_reply(app: Sanic) -> None:
    cookies = {webchat.COOKIE: SESSION}
    _, response = app.test_client.post(
        "/webhooks/webchat/page",
        data={"text": "hi <b>"},
        cookies=cookies,
        allow_redirects=False,
    )
    assert response.status == 303
    _, response = app.test_client.get("/webhooks/webchat/page", cookies=cookies)
    assert "You said hi &lt;b&gt;" in response.text  # escaped
    assert 'value="/affirm">Yes</button>' in response.text
    (received,) = app.ctx.rasa.received
    assert received.sender_id == conversation_for(SESSION)


def test_the_no_javascript_page_ignores_a_post_without_a_session(app: Sanic) -> None:
    _, response = app.test_client.post(
        "/webhooks/webchat/page", data={"text": "hi"}, allow_redirects=False
    )
    assert response.status == 303
    assert app.ctx.rasa.received == []
