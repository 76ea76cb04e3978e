"""Web chat for the embeddable widget: plain HTTP and Server-Sent Events, no socket.io.

Why not Rasa's socket.io channel: its browser client is about 45 KB of JavaScript before the
widget's own, and Engine.IO opens with a long-polling handshake and an upgrade dance that
takes several round trips and stalls on a slow or flaky phone connection. Here a message is
one `fetch` POST whose answer carries the bot's replies; messages pushed later (a staff
member's reply) come over `EventSource`, which every phone browser has built in and which
reconnects by itself; a page reload asks for the history. A POST with a text/plain body is a
"simple" cross-origin request, so no CORS preflight round trip either.

Routes under `/webhooks/webchat/`:

- `POST webhook` `{"session", "message", "label"?, "language"?}` -> `{"messages": [{"text",
  "buttons"}], "language", "erased"}`
- `POST history` (or `GET history?session=`) -> `{"messages": [{"from", "text", "buttons"}],
  "language", "pushed"}` (`pushed`: the id of the last message pushed so far)
- `POST stream` `{"session"}` -> `{"ticket"}`; `GET events?ticket=&after=` the SSE stream. A
  ticket is single-use and short-lived, so the URL in an access log opens nothing. Each
  pushed message is an event with an id; the stream first replays the pushes after `after`
  (or the `Last-Event-ID` header): the widget gives the last id it saw, or history's `pushed`,
  so a reconnecting stream misses nothing.
- `POST deliver` (**contract**, staff console): `Authorization: Bearer <API token>`,
  `{"conversation_id", "text", "from": "staff"}` -> `{"delivered": n}`, n > 0 when the
  person has the chat open (with `make run` the open streams; with Redis the replicas that
  hold one).

The session is a long random value the widget keeps in localStorage: a bearer secret. The
conversation id is a keyed hash of it, so a client can never pick another conversation.
Pushed messages and tickets live in this Rasa process with `make run`, and in Redis when
`ANYDOOR_REDIS_URL` is set, so that every replica serves every stream (`channels.pushes`).
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json as jsonlib
import logging
import re
import secrets
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

from rasa.core.channels.channel import (
    CollectingOutputChannel,
    InputChannel,
    OutputChannel,
    UserMessage,
)
from rasa.shared.core.events import BotUttered, SlotSet, UserUttered
from sanic import Blueprint, Sanic
from sanic.request import Request
from sanic.response import HTTPResponse, html, json, redirect

from bot.i18n import render
from bot.language import SUPPORTED, conversation_language, detect
from bot.privacy import secret_key
from channels.erase import erase_conversation, erase_requested, visible
from channels.pushes import (
    CATCH_UP,
    MAX_STREAMS_PER_CONVERSATION,
    TICKET_SECONDS,
    UNAVAILABLE,
    Streams,
    push_key,
    streams_from_env,
    valid_push_id,
)
from channels.webchat_page import chat_page, control_label
from service.stack import api_token
from service.widget import supported_language

logger = logging.getLogger(__name__)

CHANNEL = "webchat"
CONVERSATION_PREFIX = "webchat-"
SESSION = re.compile(r"[A-Za-z0-9_-]{32,128}")
MAX_MESSAGE_CHARS = 2000
MAX_LABEL_CHARS = 200
MAX_DELIVER_CHARS = 4000
MAX_HISTORY = 300
__all__ = ["MAX_STREAMS_PER_CONVERSATION", "TICKET_SECONDS", "Streams", "WebchatInput"]
# A comment line keeps proxies and phones from dropping an idle stream.
KEEPALIVE_SECONDS = 20
# No cookies are used, so any agency page may call these routes.
# The no-JavaScript page keeps its session in this cookie (first party there).
COOKIE = "anydoor_webchat"
CORS = {"Access-Control-Allow-Origin": "*", "Access-Control-Allow-Headers": "Content-Type"}


def conversation_for(session: str) -> str:
    """The Rasa conversation id of a widget session: `webchat-` and a keyed hash of it."""
    digest = hmac.new(secret_key(), session.encode("ascii"), hashlib.sha256).hexdigest()
    return CONVERSATION_PREFIX + digest[:32]


class BadRequest(ValueError):
    """A request the channel cannot use; its message is a short error code for the client."""


def _body(request: Request) -> dict[str, Any]:
    """The JSON object in the body, whatever the Content-Type (text/plain avoids preflight)."""
    try:
        body = jsonlib.loads(request.body or b"")
    except (ValueError, UnicodeDecodeError):
        raise BadRequest("body_not_json") from None
    if not isinstance(body, dict):
        raise BadRequest("body_not_object")
    return body


def _session(value: Any) -> str:
    if not isinstance(value, str) or not SESSION.fullmatch(value):
        raise BadRequest("bad_session")
    return value


def _text(value: Any, limit: int, code: str) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > limit:
        raise BadRequest(code)
    return value.strip()


def _bad(error: BadRequest) -> HTTPResponse:
    return json({"error": str(error)}, status=400, headers=CORS)


def _buttons(message: dict[str, Any]) -> list[dict[str, str]]:
    return [
        {"title": str(b.get("title", "")), "payload": str(b.get("payload", ""))}
        for b in message.get("buttons") or ()
        if isinstance(b, dict)
    ]


def shown(messages: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The bot's messages as the widget shows them: text and quick replies."""
    return [
        {"text": str(m.get("text") or ""), "buttons": _buttons(m)}
        for m in visible(messages)
        if m.get("text") or m.get("buttons")
    ]


def history_of(events: Iterable[Any]) -> list[dict[str, Any]]:
    """What the person saw: their messages (a pressed button as its title) and every bot
    message with text, whoever sent it (a staff reply is a bot event too)."""
    said: list[dict[str, Any]] = []
    last_buttons: list[dict[str, str]] = []
    for event in events:
        if isinstance(event, UserUttered):
            text = event.text or ""
            label = (event.metadata or {}).get("label")
            if isinstance(label, str) and label:
                text = label
            elif text.startswith("/"):
                text = next((b["title"] for b in last_buttons if b["payload"] == text), "")
            if text:
                said.append({"from": "user", "text": text, "buttons": []})
        elif isinstance(event, BotUttered) and (event.text or (event.data or {}).get("buttons")):
            last_buttons = _buttons(event.data or {})
            sender = "staff" if (event.metadata or {}).get("from") == "staff" else "bot"
            said.append({"from": sender, "text": event.text or "", "buttons": last_buttons})
    return said[-MAX_HISTORY:]


def language_of(tracker: Any) -> str:
    """The conversation's language, as the NLG endpoint reckons it."""
    if tracker is None:
        return conversation_language(None, ())
    texts = [e.text or "" for e in tracker.events if isinstance(e, UserUttered)]
    return conversation_language(tracker.get_slot("language"), texts)


class WebchatOutput(CollectingOutputChannel):
    """Collects a turn's replies; named so the NLG keeps the buttons."""

    @classmethod
    def name(cls) -> str:
        """The channel name the NLG endpoint sees."""
        return CHANNEL


class WebchatPush(OutputChannel):
    """Bot messages Rasa sends outside a turn (e.g. the HTTP API's trigger_intent), pushed
    to the conversation's open widgets."""

    def __init__(self, streams: Streams) -> None:
        self.streams = streams

    @classmethod
    def name(cls) -> str:
        """The channel name the NLG endpoint sees."""
        return CHANNEL

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        """Push text and buttons; custom messages (signals) are not for the person."""
        for item in shown([message]):
            try:
                await self.streams.push(recipient_id, {"from": "bot", **item})
            except UNAVAILABLE as error:
                logger.error("Web chat push failed: Redis unreachable (%s)", type(error).__name__)


class WebchatInput(InputChannel):
    """The `webchat` input channel."""

    def __init__(self, streams: Streams | None = None) -> None:
        self.streams = streams if streams is not None else streams_from_env()

    @classmethod
    def name(cls) -> str:
        """The channel's name: routes under /webhooks/webchat/."""
        return CHANNEL

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        """Nothing to configure."""
        return cls()

    def get_output_channel(self) -> OutputChannel | None:
        """Messages sent outside a turn go to the open widgets."""
        return WebchatPush(self.streams)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """The widget's routes and the staff console's deliver route."""
        blueprint = Blueprint("webchat_webhook", __name__)
        app_holder: dict[str, Sanic] = {}

        @blueprint.listener("before_server_start")
        async def remember_app(app: Sanic, _: Any) -> None:
            app_holder["app"] = app
            await self.streams.start()

        @blueprint.listener("before_server_stop")
        async def end_streams(_: Sanic, __: Any) -> None:
            await self.streams.stop()  # open streams would hold the shutdown up

        def agent() -> Any:
            return app_holder["app"].ctx.agent

        @blueprint.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return json({"status": "ok"}, headers=CORS)

        @blueprint.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                body = _body(request)
                conversation = conversation_for(_session(body.get("session")))
                message = _text(body.get("message"), MAX_MESSAGE_CHARS, "bad_message")
                label = body.get("label")
                if label is not None:
                    label = _text(label, MAX_LABEL_CHARS, "bad_label")
            except BadRequest as error:
                return _bad(error)
            answer = await self.exchange(
                agent(), on_new_message, conversation, message, label, body.get("language")
            )
            return json(answer, headers=CORS)

        @blueprint.route("/history", methods=["GET", "POST"])
        async def history(request: Request) -> HTTPResponse:
            try:
                session = (
                    request.args.get("session")
                    if request.method == "GET"
                    else (_body(request).get("session"))
                )
                conversation = conversation_for(_session(session))
            except BadRequest as error:
                return _bad(error)
            try:
                # Read first: a push after this read is replayed to the stream, not lost.
                pushed = await self.streams.last_id(conversation)
            except UNAVAILABLE:
                pushed = "0-0"
            tracker = await agent().tracker_store.retrieve_full_tracker(conversation)
            events = tracker.events if tracker is not None else ()
            return json(
                {
                    "messages": history_of(events),
                    "language": language_of(tracker),
                    "pushed": pushed,
                },
                headers=CORS,
            )

        @blueprint.route("/stream", methods=["POST"])
        async def stream_ticket(request: Request) -> HTTPResponse:
            try:
                conversation = conversation_for(_session(_body(request).get("session")))
            except BadRequest as error:
                return _bad(error)
            try:
                ticket = await self.streams.ticket(conversation)
            except UNAVAILABLE:
                return json({"error": "unavailable"}, status=503, headers=CORS)
            return json({"ticket": ticket}, headers=CORS)

        @blueprint.route("/events", methods=["GET"])
        async def events(request: Request) -> HTTPResponse | None:
            after = valid_push_id(request.args.get("after")) or valid_push_id(
                request.headers.get("Last-Event-ID")
            )
            try:
                conversation = await self.streams.redeem(request.args.get("ticket") or "")
                if conversation is None:
                    return json({"error": "bad_ticket"}, status=403, headers=CORS)
                queue = await self.streams.open(conversation)
            except UNAVAILABLE:
                return json({"error": "unavailable"}, status=503, headers=CORS)
            if queue is None:
                return json({"error": "too_many_streams"}, status=429, headers=CORS)
            try:
                response = await request.respond(
                    content_type="text/event-stream",
                    headers={**CORS, "Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
                )
                await response.send(": open\n\n")
                await self.follow(response, conversation, queue, after)
            except UNAVAILABLE as error:  # the widget reconnects and replays from its last id
                logger.warning("Web chat stream ended: Redis down (%s)", type(error).__name__)
            finally:
                await self.streams.close(conversation, queue)

        @blueprint.route("/page", methods=["GET"])
        async def page(request: Request) -> HTTPResponse:
            session = request.cookies.get(COOKIE) or ""
            language = supported_language(request.args.get("lang"))
            messages: list[dict[str, Any]] = []
            if SESSION.fullmatch(session):
                tracker = await agent().tracker_store.retrieve_full_tracker(
                    conversation_for(session)
                )
                if tracker is not None and (messages := history_of(tracker.events)):
                    language = language_of(tracker)
            response = html(chat_page(language, messages), headers={"Cache-Control": "no-store"})
            if not SESSION.fullmatch(session):
                set_session_cookie(response, secrets.token_urlsafe(32))
            return response

        @blueprint.route("/page", methods=["POST"])
        async def page_message(request: Request) -> HTTPResponse:
            session = request.cookies.get(COOKIE) or ""
            language = supported_language(request.args.get("lang"))
            message = (request.form.get("message") or request.form.get("text") or "").strip()
            if not SESSION.fullmatch(session) or not 0 < len(message) <= MAX_MESSAGE_CHARS:
                return redirect(f"page?lang={language}", status=303)
            answer = await self.exchange(
                agent(),
                on_new_message,
                conversation_for(session),
                message,
                control_label(language, message),
                language,
            )
            response = redirect(f"page?lang={answer['language']}", status=303)
            if answer["erased"]:
                set_session_cookie(response, secrets.token_urlsafe(32))
            return response

        @blueprint.route("/deliver", methods=["POST"])
        async def deliver(request: Request) -> HTTPResponse:
            if not authorized(request.headers.get("Authorization")):
                return json({"error": "unauthorized"}, status=401)
            try:
                body = _body(request)
                conversation = _text(body.get("conversation_id"), 200, "bad_conversation_id")
                text = _text(body.get("text"), MAX_DELIVER_CHARS, "bad_text")
                if body.get("from") != "staff":
                    raise BadRequest("bad_from")
            except BadRequest as error:
                return json({"error": str(error)}, status=400)
            try:
                delivered = await self.streams.push(conversation, {"from": "staff", "text": text})
            except UNAVAILABLE as error:  # the console keeps it in the transcript
                logger.error("Web chat push failed: Redis unreachable (%s)", type(error).__name__)
                delivered = 0
            return json({"delivered": delivered})

        return blueprint

    async def follow(
        self, response: Any, conversation: str, queue: asyncio.Queue[Any], after: str | None
    ) -> None:
        """Send the pushes after `after` (from now, without one), then each new one, each
        once and in order, until the server stops."""
        last = after or await self.streams.last_id(conversation)
        pending = await self.streams.since(conversation, last)
        while True:
            for push_id, message in pending:
                if push_key(push_id) > push_key(last):  # replays overlap live pushes
                    await response.send(f"id: {push_id}\ndata: {jsonlib.dumps(message)}\n\n")
                    last = push_id
            try:
                item = await asyncio.wait_for(queue.get(), KEEPALIVE_SECONDS)
            except asyncio.TimeoutError:
                await response.send(": keepalive\n\n")
                pending = []
                continue
            if item is None:
                await response.eof()
                return
            # Redis (re)confirmed the subscription: whatever came meanwhile is in the log.
            pending = await self.streams.since(conversation, last) if item is CATCH_UP else [item]

    async def exchange(
        self,
        agent: Any,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        conversation: str,
        message: str,
        label: str | None,
        language: Any,
    ) -> dict[str, Any]:
        """One message in, the bot's replies out; erases the conversation when asked."""
        if language in SUPPORTED:
            await self.start_in(agent, conversation, str(language), message)
        replies = await self.turn(on_new_message, conversation, message, label)
        language = language_of(await agent.tracker_store.retrieve(conversation))
        if replies is None:
            replies = [{"text": render("utter_error", language).text}]
        erased = erase_requested(replies)
        if erased:
            await erase_conversation(agent, conversation)
        return {"messages": shown(replies), "language": language, "erased": erased}

    async def start_in(self, agent: Any, conversation: str, language: str, message: str) -> None:
        """A new conversation starts in the page's language (or the one picked in the
        widget), unless its first message is clearly written in another language."""
        found = detect(message)
        if found is not None and found[1] == "strong" and found[0] != language:
            return
        async with agent.lock_store.lock(conversation):
            tracker = await agent.tracker_store.get_or_create_tracker(conversation)
            if any(isinstance(event, UserUttered) for event in tracker.events):
                return
            tracker.update(SlotSet("language", language))
            await agent.tracker_store.save(tracker)

    async def turn(
        self,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        conversation: str,
        message: str,
        label: str | None,
    ) -> list[dict[str, Any]] | None:
        """Rasa's replies to one message; None if Rasa could not handle it."""
        output = WebchatOutput()
        metadata = {"label": label} if label else None
        try:
            await on_new_message(
                UserMessage(message, output, conversation, input_channel=CHANNEL, metadata=metadata)
            )
        except Exception as error:  # tracebacks can carry the message: log the kind only
            logger.error("Rasa could not handle a web chat message: %s", type(error).__name__)
            return None
        return output.messages


def set_session_cookie(response: HTTPResponse, session: str) -> None:
    """Give the no-JavaScript page its session: not readable by scripts, never sent
    cross-site, kept a day."""
    response.cookies[COOKIE] = session
    response.cookies[COOKIE]["httponly"] = True
    response.cookies[COOKIE]["samesite"] = "Lax"
    response.cookies[COOKIE]["path"] = "/webhooks/webchat/"
    response.cookies[COOKIE]["max-age"] = 86400


def authorized(header: str | None) -> bool:
    """Whether an Authorization header carries the API token (compared in constant time)."""
    scheme, _, token = (header or "").partition(" ")
    return scheme == "Bearer" and hmac.compare_digest(token.encode(), api_token().encode())
