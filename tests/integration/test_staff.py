"""The 211 staff console through the real stack: a person texts AGENT, an agent signs in,
takes over, replies by SMS (to the fake Twilio), and hands back to the bot."""

from __future__ import annotations

import http.cookiejar
import json
import re
import sqlite3
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.i18n import render
from service.app import create_app
from service.stack import Stack, api_token
from tests.integration.conftest import Chat
from tests.integration.fake_twilio import FakeTwilio
from tests.integration.test_sms import Phone, app_db, conversation_of, text_in, tracker_events
from tests.staffing import add_staff

AGENT_EMAIL = "agent@example.org"
AGENT_PASSWORD = "a long test password"
CSRF_FIELD = re.compile(r'name="csrf" value="([^"]+)"')


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


class Browser:
    """An HTTP client with cookies, like a staff member's browser."""

    def __init__(self, stack: Stack, follow_redirects: bool = True) -> None:
        self.base = stack.service_url
        self.cookies = http.cookiejar.CookieJar()
        handlers: list[urllib.request.BaseHandler] = [
            urllib.request.HTTPCookieProcessor(self.cookies)
        ]
        if not follow_redirects:
            handlers.append(NoRedirect())
        self.opener = urllib.request.build_opener(*handlers)

    def request(
        self, method: str, path: str, form: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], str]:
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        request = urllib.request.Request(self.base + path, data=data, method=method)
        if data is not None:
            request.add_header("Content-Type", "application/x-www-form-urlencoded")
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, dict(response.headers), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read().decode()

    def get(self, path: str) -> tuple[int, str]:
        status, _, body = self.request("GET", path)
        return status, body

    def post_form(self, page: str, action: str, form: dict[str, str]) -> tuple[int, str]:
        """Submit a form of `page` (its CSRF token included), as a browser would."""
        csrf = CSRF_FIELD.search(page)
        assert csrf is not None, "the page has no CSRF field"
        status, _, body = self.request("POST", action, {**form, "csrf": csrf.group(1)})
        return status, body

    def sign_in(self, email: str, password: str) -> tuple[int, str]:
        _, page = self.get("/staff/login")
        return self.post_form(page, "/staff/login", {"email": email, "password": password})


@pytest.fixture(scope="module")
def agent(stack: Stack) -> Iterator[str]:
    """An agent account made with the command line, the password read from stdin."""
    yield add_staff(stack, AGENT_EMAIL, AGENT_PASSWORD)


def staff_routes() -> list[tuple[str, str]]:
    """Every (method, path) the service serves under /staff, with a sample id in it."""
    app = create_app(f"route-walk-{time.monotonic_ns()}")
    found = []
    for route in app.router.routes:
        path = "/" + route.path.lstrip("/")
        if not path.startswith("/staff"):
            continue
        sample = re.sub(r"<[^>]+>", "1", path)
        found += [(method, sample) for method in sorted(route.methods) if method != "OPTIONS"]
    return found


def test_every_staff_route_but_the_login_refuses_a_stranger(stack: Stack) -> None:
    routes = staff_routes()
    assert ("GET", "/staff/login") in routes and ("POST", "/staff/conversations/1/reply") in routes
    stranger = Browser(stack, follow_redirects=False)
    for method, path in routes:
        if path == "/staff/login":
            continue
        status, headers, body = stranger.request(method, path, {} if method == "POST" else None)
        if method == "GET" and not path.startswith("/staff/api/"):
            assert (status, headers.get("Location")) == (303, "/staff/login"), (method, path)
        else:
            assert status == 401, (method, path, status)
        assert "conversation" not in body.lower() or status == 303


def test_the_login_page_is_open_and_a_wrong_password_is_refused(stack: Stack, agent: str) -> None:
    browser = Browser(stack)
    status, page = browser.get("/staff/login")
    assert status == 200 and 'type="password"' in page
    status, page = browser.sign_in(agent, "not the password")
    assert status == 401 and "do not match" in page


def test_the_session_cookie_is_http_only_and_same_site_strict(stack: Stack, agent: str) -> None:
    browser = Browser(stack, follow_redirects=False)
    _, page = browser.get("/staff/login")
    csrf = CSRF_FIELD.search(page)
    assert csrf is not None
    form = {"email": agent, "password": AGENT_PASSWORD, "csrf": csrf.group(1)}
    status, headers, _ = browser.request("POST", "/staff/login", form)
    assert (status, headers.get("Location")) == (303, "/staff/")
    session = [c for c in browser.cookies if c.name == "anydoor_staff"]
    assert len(session) == 1 and session[0].path == "/staff" and not session[0].secure
    assert session[0].has_nonstandard_attr("HttpOnly")
    assert session[0].get_nonstandard_attr("SameSite") == "Strict"


def test_an_agent_may_not_read_the_audit_log(stack: Stack, agent: str) -> None:
    browser = Browser(stack)
    browser.sign_in(agent, AGENT_PASSWORD)
    status, page = browser.get("/staff/audit")
    assert status == 403 and "Only supervisors" in page


def test_sign_in_stops_after_five_wrong_passwords(stack: Stack) -> None:
    email = add_staff(
        stack, f"limited-{time.monotonic_ns()}@example.org", AGENT_PASSWORD, role="supervisor"
    )
    browser = Browser(stack)
    for _ in range(5):
        assert browser.sign_in(email, "a wrong password")[0] == 401
    status, page = browser.sign_in(email, AGENT_PASSWORD)
    assert status == 429 and "Too many tries" in page


def test_a_post_without_the_csrf_token_is_forbidden(stack: Stack, agent: str) -> None:
    browser = Browser(stack)
    status, _ = browser.sign_in(agent, AGENT_PASSWORD)
    assert status == 200
    status, _, _ = browser.request("POST", "/staff/logout", {"csrf": "forged"})
    assert status == 403
    assert browser.get("/staff/")[0] == 200  # still signed in


def slots(stack: Stack, conversation: str) -> dict[str, object]:
    url = f"{stack.rasa_url}/conversations/{conversation}/tracker?token={api_token()}"
    with urllib.request.urlopen(url, timeout=30) as response:
        return dict(json.loads(response.read())["slots"])


def wait_for_user_text(stack: Stack, conversation: str, text: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        events = tracker_events(stack, conversation)
        if any(e["event"] == "user" and e.get("text") == text for e in events):
            return
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never reached the tracker")


def test_an_agent_takes_over_an_sms_conversation_replies_and_hands_back(
    stack: Stack, fake_twilio: FakeTwilio, agent: str
) -> None:
    phone = Phone(stack, fake_twilio)
    conversation = conversation_of(phone.number)
    phone.text("hi")
    (queued,) = phone.text("AGENT")
    assert "A person from our team will write to you here" in queued
    assert "It may take about 5 minutes" in queued

    browser = Browser(stack)
    status, page = browser.sign_in(agent, AGENT_PASSWORD)
    assert status == 200 and "Queue" in page
    status, body = browser.get("/staff/api/queue")
    waiting = [item for item in json.loads(body)["queue"] if item["channel"] == "twilio_sms"]
    assert waiting and waiting[-1]["status"] == "queued"
    handoff_id = waiting[-1]["id"]
    assert f'href="/staff/conversations/{handoff_id}"' in page

    view = f"/staff/conversations/{handoff_id}"
    status, page = browser.get(view)
    assert status == 200 and conversation in page
    assert "Language: English" in page and "Person" in page and "AGENT" in page

    status, page = browser.post_form(page, f"{view}/take", {})
    assert status == 200 and "You took over" in page
    sent_before = len(fake_twilio.to(phone.number))
    assert text_in(stack, phone.number, "are you there? 94110") == 200
    wait_for_user_text(stack, conversation, "are you there? 94110")
    time.sleep(1.5)
    assert len(fake_twilio.to(phone.number)) == sent_before  # the bot stays quiet
    # What the person writes to staff is not taken as the answer to the pending question.
    assert slots(stack, conversation)["zip_code"] is None

    reply = "Hi, this is Ana from 211. I can help with CalFresh. <b>Are you there?</b>"
    status, page = browser.post_form(page, f"{view}/reply", {"text": reply})
    assert status == 200 and "Reply sent." in page
    assert fake_twilio.wait_for(phone.number, sent_before + 1)[-1] == reply
    assert "&lt;b&gt;Are you there?&lt;/b&gt;" in page and "<b>Are you there?</b>" not in page
    staff_events = [
        e
        for e in tracker_events(stack, conversation)
        if e["event"] == "bot" and (e.get("metadata") or {}).get("from") == "staff"
    ]
    assert [e["text"] for e in staff_events] == [reply]

    status, page = browser.post_form(page, f"{view}/hand-back", {})
    assert status == 200 and "Handed back to the bot." in page
    (answer,) = phone.text("94110")
    assert "How old is each person" in answer
    assert slots(stack, conversation)["zip_code"] == "94110"

    with sqlite3.connect(app_db(stack)) as db:
        actions = [
            row[0]
            for row in db.execute(
                "SELECT action FROM audit_log WHERE conversation_id = ? ORDER BY id",
                (conversation,),
            )
        ]
        status_row = db.execute(
            "SELECT status FROM handoffs WHERE id = ?", (handoff_id,)
        ).fetchone()
    assert actions == [
        "view_conversation",
        "take",
        "view_conversation",
        "reply",
        "view_conversation",
        "hand_back",
        "view_conversation",
    ]
    assert status_row == ("closed",)


def test_a_second_agent_cannot_answer_a_conversation_another_agent_holds(
    stack: Stack, fake_twilio: FakeTwilio, agent: str
) -> None:
    other = add_staff(stack, "second.agent@example.org", AGENT_PASSWORD)
    phone = Phone(stack, fake_twilio)
    phone.text("hi")
    phone.text("AGENT")
    first = Browser(stack)
    first.sign_in(agent, AGENT_PASSWORD)
    _, body = first.get("/staff/api/queue")
    waiting = [item for item in json.loads(body)["queue"] if item["channel"] == "twilio_sms"]
    view = f"/staff/conversations/{waiting[-1]['id']}"
    _, page = first.get(view)
    status, page = first.post_form(page, f"{view}/take", {})
    assert status == 200 and "You took over" in page

    second = Browser(stack)
    second.sign_in(other, AGENT_PASSWORD)
    _, page = second.get(view)
    sent_before = len(fake_twilio.to(phone.number))
    for action, form in (("reply", {"text": "Hello from someone else"}), ("take", {}),
                         ("hand-back", {})):
        status, page = second.post_form(page, f"{view}/{action}", form)
        assert status == 200 and "Another team member is answering this person" in page, action
    time.sleep(1)
    assert len(fake_twilio.to(phone.number)) == sent_before
    _, page = first.get(view)
    status, page = first.post_form(page, f"{view}/hand-back", {})
    assert "Handed back to the bot." in page


@pytest.mark.parametrize(
    ("word", "language"),
    [
        ("AGENT", "en"),
        ("quiero hablar con un agente", "es"),
        ("상담원", "ko"),
        ("gusto ko po ng kausap na tao", "tl"),
        ("cho tôi gặp nhân viên", "vi"),
        ("转人工", "zh"),
    ],
)
def test_the_word_for_agent_in_each_language_joins_the_queue(
    stack: Stack, chat: Chat, word: str, language: str
) -> None:
    replies = chat(word)
    with sqlite3.connect(app_db(stack)) as db:
        row = db.execute(
            "SELECT channel, language, status FROM handoffs WHERE conversation_id = ?",
            (chat.sender,),  # type: ignore[attr-defined]
        ).fetchone()
    assert row == ("rest", language, "queued"), replies
    assert replies and replies[0]["text"] != render("utter_default", language).text


def test_out_of_hours_a_yes_asks_staff_to_write_back_later(stack: Stack, chat: Chat) -> None:
    hours_file = Path(stack.environment()["ANYDOOR_STAFFED_HOURS"])
    always = hours_file.read_text()
    hours_file.write_text("hours: {}\n")  # no one is in; read again on the next request
    try:
        (offer,) = chat("AGENT")
        assert "Our team is not here right now" in str(offer["text"])
        assert [b["payload"] for b in offer["buttons"]] == ["/affirm", "/deny"]  # type: ignore[union-attr]
        replies = chat("yes")
    finally:
        hours_file.write_text(always)
    assert len(replies) == 1, replies
    assert "will write to you here when we are back" in str(replies[0]["text"])
    with sqlite3.connect(app_db(stack)) as db:
        row = db.execute(
            "SELECT status, callback_requested FROM handoffs WHERE conversation_id = ?",
            (chat.sender,),  # type: ignore[attr-defined]
        ).fetchone()
    assert row == ("queued", 1)


def deliver(stack: Stack, body: object, token: str | None) -> tuple[int, object]:
    request = urllib.request.Request(
        f"{stack.rasa_url}/webhooks/twilio_sms/deliver",
        data=json.dumps(body).encode(),
        method="POST",
        headers={"Content-Type": "application/json"},
    )
    if token is not None:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, None


def opted_out(stack: Stack, conversation: str) -> bool:
    with sqlite3.connect(app_db(stack)) as db:
        row = db.execute(
            "SELECT opted_out FROM sms_contacts WHERE conversation_id = ?", (conversation,)
        ).fetchone()
    return bool(row and row[0])


def test_sms_delivery_needs_the_token_and_a_good_body_and_respects_stop(
    stack: Stack, fake_twilio: FakeTwilio
) -> None:
    phone = Phone(stack, fake_twilio)
    phone.text("hi")
    conversation = conversation_of(phone.number)
    body = {"conversation_id": conversation, "text": "Hello from 211.", "from": "staff"}
    assert deliver(stack, body, None)[0] == 401
    assert deliver(stack, body, "wrong")[0] == 401
    assert deliver(stack, {"conversation_id": conversation}, api_token())[0] == 400
    assert deliver(stack, body, api_token()) == (200, {"delivered": 1})
    assert fake_twilio.wait_for(phone.number, 2)[-1] == "Hello from 211."
    assert text_in(stack, phone.number, "STOP") == 200
    deadline = time.monotonic() + 20
    while not opted_out(stack, conversation):
        assert time.monotonic() < deadline, "STOP was not recorded"
        time.sleep(0.1)
    assert deliver(stack, body, api_token()) == (200, {"delivered": 0})
    assert len(fake_twilio.to(phone.number)) == 2
