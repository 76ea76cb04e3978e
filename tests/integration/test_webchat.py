"""The web chat channel through the real stack: a screening, history, erase, staff push."""

from __future__ import annotations

import http.client
import json
import secrets
import threading
import urllib.error
import urllib.request
from typing import Any

import pytest

from bot.i18n import render
from channels.webchat import conversation_for
from service.stack import Stack, api_token
from tests.integration.conftest import SECRET


@pytest.fixture(autouse=True)
def stack_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    """Conversation ids here are keyed with the stack's secret, as the staff console sees them."""
    monkeypatch.setenv("ANYDOOR_SECRET", SECRET)


def post(stack: Stack, path: str, body: Any, token: str | None = None) -> tuple[int, Any]:
    headers = {"Content-Type": "text/plain"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(
        f"{stack.rasa_url}/webhooks/webchat/{path}",
        data=json.dumps(body).encode(),
        headers=headers,
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


class Widget:
    """What the widget does: one session, messages in, replies out."""

    def __init__(self, stack: Stack, language: str | None = None) -> None:
        self.stack = stack
        self.session = secrets.token_hex(32)
        self.language = language

    def say(self, message: str, label: str | None = None) -> dict[str, Any]:
        body: dict[str, Any] = {"session": self.session, "message": message}
        if label:
            body["label"] = label
        if self.language:
            body["language"] = self.language
        status, answer = post(self.stack, "webhook", body)
        assert status == 200
        return answer

    def history(self) -> list[tuple[str, str]]:
        status, answer = post(self.stack, "history", {"session": self.session})
        assert status == 200
        return [(m["from"], m["text"]) for m in answer["messages"]]


def texts(answer: dict[str, Any]) -> list[str]:
    return [m["text"] for m in answer["messages"]]


def test_a_screening_in_the_widget_shows_quick_replies_and_the_result(stack: Stack) -> None:
    widget = Widget(stack)
    start = widget.say("/start_screening", label="Start")
    assert texts(start) == [
        render("utter_greet", "en").text,
        render("utter_ask_zip_code", "en").text,
    ]
    widget.say("94110")
    pregnant = widget.say("34 and 6")
    assert pregnant["messages"][0]["buttons"] == [
        {"title": "Yes", "payload": "/affirm"},
        {"title": "No", "payload": "/deny"},
    ]
    widget.say("/deny", label="No")
    widget.say("/deny", label="No")
    widget.say("2100")
    widget.say("/affirm", label="Yes")
    result = widget.say("1200")
    assert "CalFresh: you may get about $263 to $353 a month for food." in texts(result)
    assert [b["payload"] for b in result["messages"][-1]["buttons"]] == [
        "/restart",
        "/help",
        "/delete_my_data",
    ]
    history = widget.history()
    assert history[:3] == [
        ("user", "Start"),
        ("bot", render("utter_greet", "en").text),
        ("bot", render("utter_ask_zip_code", "en").text),
    ]
    assert ("user", "No") in history  # a pressed button shows as its title
    assert history[-len(result["messages"]) :] == [("bot", t) for t in texts(result)]


def test_a_spanish_page_starts_the_conversation_in_spanish(stack: Stack) -> None:
    answer = Widget(stack, language="es").say("/start_screening", label="Empezar")
    assert answer["language"] == "es"
    assert texts(answer)[0] == render("utter_greet", "es").text


def test_erase_my_answers_deletes_the_conversation(stack: Stack) -> None:
    widget = Widget(stack)
    widget.say("hi")
    widget.say("94110")
    erased = widget.say("/delete_my_data", label="Erase my answers")
    assert erased["erased"] is True
    assert texts(erased) == [render("utter_deleted", "en").text]
    assert widget.history() == []
    request = urllib.request.Request(
        f"{stack.rasa_url}/conversations/{conversation_for(widget.session)}/tracker"
        f"?token={api_token()}"
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        assert [e for e in json.loads(response.read())["events"] if e["event"] == "user"] == []


def test_the_conversation_id_is_the_keyed_hash_the_staff_console_sees(stack: Stack) -> None:
    widget = Widget(stack)
    widget.say("hi")
    request = urllib.request.Request(
        f"{stack.rasa_url}/conversations/{conversation_for(widget.session)}/tracker"
        f"?token={api_token()}"
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        events = json.loads(response.read())["events"]
    assert [e["text"] for e in events if e["event"] == "user"] == ["hi"]


def test_bad_input_is_a_400_never_a_500(stack: Stack) -> None:
    assert post(stack, "webhook", {"session": "short", "message": "hi"})[0] == 400
    assert post(stack, "webhook", {"session": "s" * 40, "message": ""})[0] == 400
    assert post(stack, "webhook", ["not", "an", "object"])[0] == 400


def read_events(
    stack: Stack, ticket: str, found: list[dict[str, Any]], ready: threading.Event
) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", stack.rasa_port, timeout=20)
    connection.request("GET", f"/webhooks/webchat/events?ticket={ticket}")
    response = connection.getresponse()
    assert response.status == 200
    assert response.getheader("Content-Type", "").startswith("text/event-stream")
    ready.set()
    while not found:
        line = response.readline().decode()
        if line.startswith("data: "):
            found.append(json.loads(line[len("data: ") :]))
    connection.close()


def test_a_staff_reply_reaches_the_open_widget_at_once(stack: Stack) -> None:
    widget = Widget(stack)
    widget.say("hi")
    conversation = conversation_for(widget.session)
    body = {"conversation_id": conversation, "text": "Hi, this is Ana from 211.", "from": "staff"}
    assert post(stack, "deliver", body)[0] == 401
    assert post(stack, "deliver", body, token="wrong")[0] == 401
    assert post(stack, "deliver", {**body, "from": "me"}, token=api_token())[0] == 400
    assert post(stack, "deliver", body, token=api_token()) == (200, {"delivered": 0})

    status, answer = post(stack, "stream", {"session": widget.session})
    assert status == 200
    found: list[dict[str, Any]] = []
    ready = threading.Event()
    reader = threading.Thread(target=read_events, args=(stack, answer["ticket"], found, ready))
    reader.start()
    assert ready.wait(20)
    assert post(stack, "deliver", body, token=api_token()) == (200, {"delivered": 1})
    reader.join(20)
    assert found == [{"from": "staff", "text": "Hi, this is Ana from 211."}]
    # A ticket opens one stream: the same URL later (say, from a log) opens nothing.
    connection = http.client.HTTPConnection("127.0.0.1", stack.rasa_port, timeout=20)
    connection.request("GET", f"/webhooks/webchat/events?ticket={answer['ticket']}")
    assert connection.getresponse().status == 403


def test_the_service_serves_the_widget_its_labels_and_the_demo_page(stack: Stack) -> None:
    with urllib.request.urlopen(f"{stack.service_url}/", timeout=30) as response:
        page = response.read().decode()
    assert '<script src="/widget.js"' in page
    assert f'data-server="{stack.rasa_url}"' in page
    request = urllib.request.Request(
        f"{stack.service_url}/widget.js", headers={"Accept-Encoding": "gzip"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.headers["Content-Encoding"] == "gzip"
        assert response.headers["Content-Type"].startswith("text/javascript")
    with urllib.request.urlopen(f"{stack.service_url}/widget/labels?lang=es-MX", timeout=30) as r:
        labels = json.loads(r.read())
    assert labels["language"] == "es"
    assert labels["labels"]["human"] == render("webchat_human", "es").text
