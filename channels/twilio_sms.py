"""SMS over Twilio: signed webhooks, exactly-once handling, carrier keywords, few segments.

Twilio posts to `/webhooks/twilio_sms/webhook`. The webhook checks `X-Twilio-Signature`,
records the `MessageSid` (a retried webhook is acknowledged and not handled again), answers
at once with empty TwiML, and handles the message in the background, one at a time per
conversation. Replies go out through Twilio's Messages API with a status callback, retried
with backoff. The phone number never reaches Rasa: the conversation id is a keyed hash of it,
and the number is kept only encrypted, to reply.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import re
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, Sanic
from sanic.exceptions import InvalidUsage
from sanic.request import Request
from sanic.response import HTTPResponse, json, text
from sqlalchemy.exc import SQLAlchemyError
from twilio.base.exceptions import TwilioRestException
from twilio.request_validator import RequestValidator

from bot import delivery, sms, store
from bot.i18n import render
from bot.language import conversation_language
from bot.privacy import conversation_id
from channels import held
from channels.erase import erase_conversation, erase_requested, visible
from channels.held import HeldSms
from channels.safety import clean_text, is_silent, kind_error, taken_over
from channels.stores import fail_loudly

logger = logging.getLogger(__name__)

CHANNEL = "twilio_sms"
EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'
# Seconds to wait before each retry of a failed send (then the failure is recorded).
RETRY_DELAYS = (0.5, 1.0, 2.0, 4.0)
# Twilio answers these when a retry may succeed; other 4xx errors are final.
RETRYABLE_STATUS = {408, 429, 500, 502, 503, 504}
# A Twilio message SID: SM or MM and 32 hex digits. Anything else is not from Twilio.
MESSAGE_SID = re.compile(r"(SM|MM)[0-9a-fA-F]{32}")
MAX_PHONE_CHARS = 32


@dataclass(frozen=True)
class SmsSettings:
    """Where and how to reach Twilio, from the environment (**contract**)."""

    account_sid: str
    auth_token: str
    public_url: str
    from_number: str | None = None
    messaging_service_sid: str | None = None
    api_base: str | None = None

    @classmethod
    def from_env(cls) -> SmsSettings | None:
        """The settings, or None when SMS is not configured."""
        env = os.environ
        settings = cls(
            account_sid=env.get("TWILIO_ACCOUNT_SID", ""),
            auth_token=env.get("TWILIO_AUTH_TOKEN", ""),
            public_url=env.get("ANYDOOR_PUBLIC_URL", "").rstrip("/"),
            from_number=env.get("TWILIO_FROM_NUMBER") or None,
            messaging_service_sid=env.get("TWILIO_MESSAGING_SERVICE_SID") or None,
            api_base=env.get("TWILIO_API_BASE") or None,
        )
        configured = settings.account_sid and settings.auth_token and settings.public_url
        if configured and (settings.from_number or settings.messaging_service_sid):
            return settings
        return None

    @property
    def status_callback(self) -> str:
        """The URL Twilio reports delivery status to."""
        return f"{self.public_url}/webhooks/{CHANNEL}/status"


class SmsOutput(CollectingOutputChannel):
    """Collects a turn's replies; named so the NLG shapes them for SMS."""

    @classmethod
    def name(cls) -> str:
        """The channel name the NLG endpoint sees."""
        return CHANNEL


def form_params(request: Request) -> dict[str, str]:
    """Twilio's form fields, one value each (the first), empty ones included.

    Parsed here rather than by Sanic, which drops empty fields (Twilio signs them too, e.g.
    the empty Body of a picture message) and logs a traceback for a body that is not UTF-8.
    """
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "application/x-www-form-urlencoded":
        return {}
    fields: dict[str, str] = {}
    for key, value in parse_qsl(request.body.decode("utf-8", "replace"), keep_blank_values=True):
        fields.setdefault(key, value)
    return fields


class TwilioSender:
    """Sends SMS bodies through Twilio's Messages API, retrying with backoff."""

    def __init__(self, settings: SmsSettings) -> None:
        self.settings = settings
        self._client: Any = None

    def client(self) -> Any:
        """Twilio's client on its asyncio HTTP client, made inside the running loop."""
        if self._client is None:
            from twilio.http.async_http_client import AsyncTwilioHttpClient
            from twilio.rest import Client

            # Twilio's HTTP client logs request bodies (numbers, text) at INFO: keep it quiet.
            quiet = logging.getLogger("anydoor.twilio_http")
            quiet.disabled = True
            client = Client(
                self.settings.account_sid,
                self.settings.auth_token,
                http_client=AsyncTwilioHttpClient(logger=quiet),
            )
            if self.settings.api_base:
                client.api.base_url = self.settings.api_base.rstrip("/")
            self._client = client
        return self._client

    async def send(self, conversation: str, phone: str, body: str) -> bool:
        """Send one body; True once Twilio accepted it. Failures are recorded, never raised."""
        sender: dict[str, str] = (
            {"messaging_service_sid": self.settings.messaging_service_sid}
            if self.settings.messaging_service_sid
            else {"from_": self.settings.from_number or ""}
        )
        error_code = "unknown"
        for attempt, delay in enumerate((0.0, *RETRY_DELAYS), start=1):
            await asyncio.sleep(delay)
            try:
                message = await self.client().messages.create_async(
                    to=phone, body=body, status_callback=self.settings.status_callback, **sender
                )
            except TwilioRestException as error:
                error_code = str(error.code or error.status)
                if error.status not in RETRYABLE_STATUS:
                    break
            except (OSError, asyncio.TimeoutError) as error:
                error_code = type(error).__name__
            else:
                await asyncio.to_thread(
                    store.record_delivery,
                    conversation,
                    message.sid,
                    message.status or "queued",
                    None,
                    attempt,
                )
                return True
            logger.warning("SMS send attempt %d failed (%s)", attempt, error_code)
        await asyncio.to_thread(
            store.record_delivery, conversation, None, "failed", error_code, attempt
        )
        logger.error("SMS send failed after %d attempts (%s)", attempt, error_code)
        return False


class TwilioSmsInput(InputChannel):
    """The `twilio_sms` input channel."""

    def __init__(
        self, settings: SmsSettings | None, held_messages: held.HeldInMemory | None = None
    ) -> None:
        self.settings = settings
        self.sender = TwilioSender(settings) if settings else None
        self.validator = RequestValidator(settings.auth_token) if settings else None
        # SMS that came while the database was unreachable (in Redis when configured).
        self.held = held_messages if held_messages is not None else held.held_from_env()
        self._locks: defaultdict[str, asyncio.Lock] = defaultdict(asyncio.Lock)
        self._tasks: set[asyncio.Task[None]] = set()

    @classmethod
    def name(cls) -> str:
        """The channel's name, so Twilio posts to /webhooks/twilio_sms/webhook."""
        return CHANNEL

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        """Settings come from the environment (credentials.yml names the channel only)."""
        settings = SmsSettings.from_env()
        if settings is None:
            logger.info("SMS is off: set TWILIO_* and ANYDOOR_PUBLIC_URL to turn it on")
        return cls(settings)

    def signed(self, request: Request) -> bool:
        """Whether the request carries Twilio's valid signature for our public URL."""
        if self.validator is None or self.settings is None:
            return False
        url = self.settings.public_url + request.path
        if request.query_string:
            url += "?" + request.query_string
        signature = request.headers.get("X-Twilio-Signature", "")
        return bool(signature) and self.validator.validate(url, form_params(request), signature)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """The webhook, the status callback and a health check."""
        blueprint = Blueprint("twilio_sms_webhook", __name__)
        app_holder: dict[str, Sanic] = {}

        @blueprint.listener("before_server_start")
        async def remember_app(app: Sanic, _: Any) -> None:
            app_holder["app"] = app

        @blueprint.listener("after_server_start")
        async def storage_errors_reach_the_channel(app: Sanic, _: Any) -> None:
            fail_loudly(app.ctx.agent)
            if self.settings is not None:  # SMS held by a replica that died: handle them
                self._start(self.adopt_held(app, on_new_message))

        @blueprint.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return json({"status": "ok", "configured": self.settings is not None})

        @blueprint.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if self.settings is None:
                return text("SMS is not configured", status=503)
            if not self.signed(request):
                logger.warning("Rejected an SMS webhook without a valid Twilio signature")
                return text("Forbidden", status=403)
            params = form_params(request)
            message_sid, phone = params.get("MessageSid"), params.get("From")
            if not message_sid or not phone:
                return text("Missing MessageSid or From", status=400)
            if not MESSAGE_SID.fullmatch(message_sid) or not valid_phone(phone):
                return text("Malformed MessageSid or From", status=400)
            conversation = conversation_id(phone)
            body = clean_text(params.get("Body") or "")
            try:
                first = await asyncio.to_thread(store.remember_inbound, message_sid, conversation)
            except SQLAlchemyError as error:
                # The database is unreachable (a restart, say). Twilio does not retry a webhook
                # that failed with a 5xx unless told to, so the message is acknowledged and held
                # until the database answers again; the MessageSid is recorded then.
                logger.warning("SMS webhook held: database unreachable (%s)", type(error).__name__)
                message = HeldSms(message_sid, conversation, phone, body, time.time())
                await self.hold(app_holder["app"], on_new_message, message)
                return twiml()
            if first:  # else a retried webhook: already handled
                app = app_holder["app"]
                self._start(self.handle(app, on_new_message, conversation, phone, body))
            return twiml()

        @blueprint.route("/deliver", methods=["POST"])
        async def deliver(request: Request) -> HTTPResponse:
            """A staff reply from the console (bot.delivery's contract), sent as SMS now."""
            if not delivery.authorized(
                request.headers.get("Authorization"), os.environ.get("ANYDOOR_API_TOKEN")
            ):
                return json({"error": "unauthorized"}, status=401)
            try:
                reply = delivery.staff_reply(request.json)
            except InvalidUsage:  # a body that is not JSON
                reply = None
            if reply is None:
                return json({"error": "bad request"}, status=400)
            if self.settings is None:
                return json({"error": "SMS is not configured"}, status=503)
            sent = await self.deliver(app_holder["app"], reply.conversation_id, reply.text)
            return json({"delivered": sent})

        @blueprint.route("/status", methods=["POST"])
        async def status(request: Request) -> HTTPResponse:
            if self.settings is None or not self.signed(request):
                return text("Forbidden", status=403)
            params = form_params(request)
            if params.get("MessageSid") and params.get("MessageStatus"):
                await asyncio.to_thread(
                    store.update_delivery_status,
                    params["MessageSid"],
                    params["MessageStatus"],
                    params.get("ErrorCode"),
                )
            return twiml()

        return blueprint

    def _start(self, work: Awaitable[None]) -> None:
        task = asyncio.ensure_future(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def hold(
        self,
        app: Sanic,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        message: HeldSms,
    ) -> None:
        """Keep a message the database could not take (in Redis, before Twilio hears 200),
        and handle it once the database answers."""
        try:
            await self.held.add(message)
        except held.UNAVAILABLE as error:  # still held here, as with one process
            logger.error("SMS held in this replica only: Redis down (%s)", type(error).__name__)
        self._start(self.handle_when_stored(app, on_new_message, message))

    async def adopt_held(
        self, app: Sanic, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> None:
        """Now and then, take over the held messages of replicas that are gone."""
        while True:
            try:
                for message in await self.held.adopt():
                    logger.warning("Adopted an SMS held by a replica that stopped")
                    self._start(self.handle_when_stored(app, on_new_message, message))
            except held.UNAVAILABLE as error:
                logger.warning("Held SMS: Redis unreachable (%s)", type(error).__name__)
            await asyncio.sleep(held.ADOPT_EVERY_SECONDS)

    async def handle_when_stored(
        self,
        app: Sanic,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        message: HeldSms,
    ) -> None:
        """Record the MessageSid once the database answers again, then handle the message."""
        delay = 0.5
        while True:
            await asyncio.sleep(delay)
            # If Redis is down the lease may run out: an adopter and this replica both try.
            with contextlib.suppress(*held.UNAVAILABLE):
                await self.held.renew(message.message_sid)
            try:
                first = await asyncio.to_thread(
                    store.remember_inbound, message.message_sid, message.conversation
                )
                break
            except SQLAlchemyError as error:
                if message.expired():
                    logger.error(
                        "SMS dropped: database unreachable for %.0f s (%s)",
                        held.HOLD_SECONDS,
                        type(error).__name__,
                    )
                    await self.release(message)
                    return
            delay = min(delay * 2, 5.0)
        await self.release(message)  # the database has it now
        if first:  # not already handled elsewhere (a Twilio retry, an adopter)
            await self.handle(
                app, on_new_message, message.conversation, message.phone, message.body
            )

    async def release(self, message: HeldSms) -> None:
        """Forget a held message (recorded in the database, or given up)."""
        try:
            await self.held.release(message.message_sid)
        except held.UNAVAILABLE as error:  # an adopter will find it recorded and stop
            logger.warning("Held SMS not released: Redis down (%s)", type(error).__name__)

    async def handle(
        self,
        app: Sanic,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        conversation: str,
        phone: str,
        body: str,
    ) -> None:
        """Handle one message, in order within its conversation; never raises."""
        lock = self._locks[conversation]
        try:
            async with lock:
                await self._handle(app, on_new_message, conversation, phone, body)
        except Exception as error:  # a background task: log the kind of error, never the text
            logger.error("SMS handling failed: %s", type(error).__name__)
            await self.apologize(conversation, phone, body)
        finally:
            if not lock.locked() and not lock._waiters:  # type: ignore[attr-defined]
                self._locks.pop(conversation, None)

    async def _handle(
        self,
        app: Sanic,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        conversation: str,
        phone: str,
        body: str,
    ) -> None:
        agent = app.ctx.agent
        await asyncio.to_thread(store.save_contact, conversation, phone)
        opted_out = await asyncio.to_thread(store.is_opted_out, conversation)
        keyword = sms.keyword(body)
        if keyword == "stop":
            await asyncio.to_thread(store.set_opted_out, conversation, True)
            return  # carriers confirm STOP themselves; nothing more is ever sent
        tracker = await agent.tracker_store.retrieve(conversation)
        language = tracker_language(tracker, body)
        if keyword == "start" or (opted_out and is_opt_in_yes(body)):
            await asyncio.to_thread(store.set_opted_out, conversation, False)
            await self.reply(conversation, phone, [render("sms_started", language).text], language)
            return
        if opted_out:
            return
        if keyword == "help":
            await self.reply(conversation, phone, [render("sms_help", language).text], language)
            return
        if keyword == "delete":
            body = "/delete_my_data"
        elif (choice := button_payload(tracker, body)) is not None:
            body = choice
        output = SmsOutput()
        try:
            await on_new_message(UserMessage(body, output, conversation, input_channel=CHANNEL))
        except Exception as error:  # tracebacks can carry the message: log the kind only
            logger.error("Rasa could not handle an SMS: %s", type(error).__name__)
            output.messages = [{"text": render("utter_error", language).text}]
        if (
            is_silent(visible(output.messages))
            and not erase_requested(output.messages)
            and not await taken_over(agent, conversation)
        ):
            # Nothing could be said (the AnyDoor service was unreachable): say so kindly.
            output.messages = [kind_error(language)]
        texts = [str(m["text"]) for m in visible(output.messages) if m.get("text")]
        await self.reply(conversation, phone, texts, language)
        if erase_requested(output.messages):
            await erase_conversation(agent, conversation)

    async def deliver(self, app: Sanic, conversation: str, text: str) -> int:
        """Send a staff reply to the conversation's number, in order with the bot's replies;
        returns the bodies Twilio accepted (0 for an unknown or opted-out number)."""
        if self.sender is None:
            return 0
        lock = self._locks[conversation]
        try:
            async with lock:
                phone = await asyncio.to_thread(store.contact_phone, conversation)
                if phone is None or await asyncio.to_thread(store.is_opted_out, conversation):
                    return 0
                tracker = await app.ctx.agent.tracker_store.retrieve(conversation)
                language = tracker_language(tracker, "")
                sent = 0
                for body in sms.compose([text], language=language):
                    sent += await self.sender.send(conversation, phone, body)
                return sent
        finally:
            if not lock.locked() and not lock._waiters:  # type: ignore[attr-defined]
                self._locks.pop(conversation, None)

    async def apologize(self, conversation: str, phone: str, body: str) -> None:
        """After a failed turn, send "try again in a moment" (in the message's language)."""
        try:
            language = conversation_language(None, [body])
            await self.reply(conversation, phone, [kind_error(language)["text"]], language)
        except Exception as error:  # the database may be down too: the send is still tried
            logger.error("SMS apology failed: %s", type(error).__name__)

    async def reply(
        self, conversation: str, phone: str, texts: list[str], language: str | None = None
    ) -> None:
        """Send the bot's messages as few SMS bodies as possible."""
        if self.sender is None:
            return
        for body in sms.compose(texts, language=language):
            await self.sender.send(conversation, phone, body)


def valid_phone(phone: str) -> bool:
    """Whether `From` looks like an address Twilio sends (a number, or e.g. whatsapp:+1...)."""
    return len(phone) <= MAX_PHONE_CHARS and phone.isprintable() and not phone.isspace()


def twiml() -> HTTPResponse:
    """An empty TwiML answer: Twilio should send nothing itself."""
    return text(EMPTY_TWIML, content_type="text/xml")


def tracker_language(tracker: Any, body: str) -> str:
    """The conversation's language, counting the message being handled."""
    if tracker is None:
        return conversation_language(None, [body])
    texts = [event.text or "" for event in tracker.events if event.type_name == "user"]
    return conversation_language(tracker.get_slot("language"), [*texts, body])


def is_opt_in_yes(body: str) -> bool:
    """ "YES" and its translations opt a number back in (only when it opted out)."""
    return body.strip().strip(".!").casefold() in sms.OPT_IN_YES


def button_payload(tracker: Any, body: str) -> str | None:
    """A numbered reply to the last message with buttons, as that button's payload."""
    if tracker is None or not body.strip() or len(body.strip()) > 12:
        return None
    for event in reversed(tracker.events):
        if event.type_name == "user":
            return None  # the person already answered the last buttons
        buttons = (event.data or {}).get("buttons") if event.type_name == "bot" else None
        if buttons:
            index = sms.choice_for_reply(body, len(buttons))
            return None if index is None else str(buttons[index]["payload"])
    return None
