"""The 211 staff console: `/staff` on the AnyDoor service (a Sanic blueprint).

`/staff/login` is the only page a stranger sees; every other route needs a session (pages
redirect to the sign-in, the API and form posts answer 401). Sessions live in the database
(`bot.store.staff`), their cookie is HttpOnly and SameSite=Strict (Secure behind https), and
every POST carries the session's CSRF token. Every view and action goes to the audit log.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import aiohttp
from sanic import Blueprint, Sanic
from sanic.request import Request
from sanic.response import HTTPResponse, html, json, raw, redirect

from bot import staff as rules
from bot.delivery import MAX_TEXT_CHARS
from bot.store import handoffs
from bot.store import staff as accounts
from bot.store.handoffs import HandoffView
from bot.store.staff import OpenSession
from bot.transcript import language_name, lines, summarize
from service.staff import html as pages
from service.staff.rasa import RasaApi, RasaError

logger = logging.getLogger(__name__)

console = Blueprint("staff", url_prefix="/staff")

SESSION_COOKIE = "anydoor_staff"
LOGIN_CSRF_COOKIE = "anydoor_staff_login"
LOGIN_PATH = "/staff/login"
PUBLIC_PATHS = frozenset({LOGIN_PATH})
API_PREFIX = "/staff/api/"
# Channels that cannot be reached after the fact: the reply only joins the transcript.
PULL_CHANNELS = frozenset({"rest", "cmdline"})
MAX_NOTE_CHARS = 4000
SCRIPT = (Path(__file__).with_name("console.js")).read_bytes

# Fixed messages after an action (never text from the request).
FLASHES = {
    "taken": "You took over. The bot will not answer until you hand back.",
    "replied": "Reply sent.",
    "recorded": "Reply saved in the transcript; this channel cannot be reached right now.",
    "noted": "Note saved.",
    "handed_back": "Handed back to the bot.",
    "closed": "Closed.",
    "not_taken": "Take over first, so the bot and you do not both answer.",
    "empty": "Write something first (at most 1,600 characters for a reply).",
    "gone": "This handoff is closed already.",
    "held_by_other": "Another team member is answering this person. Ask a supervisor to step in.",
    "failed": "The chat server could not be reached. Nothing was sent; try again.",
}

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; "
        "img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


def secure_cookies() -> bool:
    """Cookies are Secure when the console is served over https."""
    public = os.environ.get("ANYDOOR_STAFF_PUBLIC_URL") or os.environ.get("ANYDOOR_PUBLIC_URL")
    return bool(public and public.startswith("https://"))


def set_cookie(response: HTTPResponse, name: str, value: str, path: str, max_age: int) -> None:
    """An HttpOnly, SameSite=Strict cookie (Secure behind https)."""
    response.cookies[name] = value
    cookie = response.cookies[name]
    cookie["httponly"] = True
    cookie["samesite"] = "Strict"
    cookie["path"] = path
    cookie["max-age"] = max_age
    if secure_cookies():
        cookie["secure"] = True


def _api(request: Request) -> RasaApi:
    return request.app.ctx.staff_rasa  # type: ignore[no-any-return]


def _session(request: Request) -> OpenSession:
    return request.ctx.staff_session  # type: ignore[no-any-return]


@console.listener("before_server_start")
async def open_rasa_client(app: Sanic, _: Any) -> None:
    """The HTTP client to Rasa, made in the running loop."""
    app.ctx.staff_rasa = RasaApi.from_env()


@console.listener("after_server_stop")
async def close_rasa_client(app: Sanic, _: Any) -> None:
    """Close the HTTP client."""
    await app.ctx.staff_rasa.close()


@console.middleware("request")
async def require_session(request: Request) -> HTTPResponse | None:
    """No session: 401 for the API and posts, the sign-in page for pages; bad CSRF: 403."""
    if request.path in PUBLIC_PATHS:
        return None
    token = request.cookies.get(SESSION_COOKIE)
    opened = await asyncio.to_thread(accounts.touch_session, token) if token else None
    if opened is None:
        if request.method == "GET" and not request.path.startswith(API_PREFIX):
            return redirect(LOGIN_PATH, status=303)
        return json({"error": "sign in first"}, status=401)
    request.ctx.staff_session = opened
    if request.method not in ("GET", "HEAD"):
        given = request.form.get("csrf") if request.form else None
        given = given or request.headers.get("X-CSRF-Token")
        if not rules.same_token(opened.csrf_token, given):
            return html(
                pages.message_page(
                    "Forbidden", "This form expired. Go back and reload the page, then try again."
                ),
                status=403,
            )
    return None


@console.middleware("response")
async def security_headers(request: Request, response: HTTPResponse) -> None:
    """No framing, no caching, scripts from here only."""
    for name, value in SECURITY_HEADERS.items():
        response.headers[name] = value


async def audit(request: Request, action: str, conversation_id: str | None = None) -> None:
    """One audit row for the signed-in staff member."""
    await asyncio.to_thread(accounts.audit, _session(request).staff.id, action, conversation_id)


@console.get("/login")
async def login_form(request: Request) -> HTTPResponse:
    """The sign-in page, with a CSRF token bound to a short-lived cookie."""
    csrf = rules.new_token()
    response = html(pages.login_page(csrf))
    set_cookie(response, LOGIN_CSRF_COOKIE, csrf, LOGIN_PATH, 3600)
    return response


def _login_again(error: str, email: str, status: int) -> HTTPResponse:
    csrf = rules.new_token()
    response = html(pages.login_page(csrf, error, email), status=status)
    set_cookie(response, LOGIN_CSRF_COOKIE, csrf, LOGIN_PATH, 3600)
    return response


@console.post("/login")
async def login(request: Request) -> HTTPResponse:
    """Check the CSRF token, the rate limit, then the password; open a session."""
    form = request.form or {}
    email = str(form.get("email") or "")[:254]
    password = str(form.get("password") or "")[:1024]
    if not rules.same_token(request.cookies.get(LOGIN_CSRF_COOKIE), form.get("csrf")):
        return _login_again("The form expired. Please sign in again.", email, 403)
    normalized = rules.normalize_email(email) or email.strip().lower()
    keys = [
        accounts.failure_key("email", normalized),
        accounts.failure_key("address", request.remote_addr or request.ip or ""),
    ]
    counts = [await asyncio.to_thread(accounts.recent_failures, key) for key in keys]
    if counts[0] >= rules.MAX_FAILURES_PER_ACCOUNT or counts[1] >= rules.MAX_FAILURES_PER_ADDRESS:
        return _login_again("Too many tries. Wait 15 minutes, then try again.", email, 429)
    found = await asyncio.to_thread(accounts.authenticate, email, password)
    if found is None:
        await asyncio.to_thread(accounts.record_login_failure, keys)
        await asyncio.to_thread(accounts.audit, None, "login_failed")
        return _login_again("That email and password do not match.", email, 401)
    await asyncio.to_thread(accounts.purge_sessions)
    token, _csrf = await asyncio.to_thread(accounts.start_session, found.id)
    await asyncio.to_thread(accounts.audit, found.id, "login")
    response = redirect("/staff/", status=303)
    lifetime = int(rules.SESSION_LIFETIME.total_seconds())
    set_cookie(response, SESSION_COOKIE, token, "/staff", lifetime)
    set_cookie(response, LOGIN_CSRF_COOKIE, "", LOGIN_PATH, 0)
    return response


@console.post("/logout")
async def logout(request: Request) -> HTTPResponse:
    """End the session."""
    await audit(request, "logout")
    await asyncio.to_thread(accounts.end_session, request.cookies.get(SESSION_COOKIE) or "")
    response = redirect(LOGIN_PATH, status=303)
    set_cookie(response, SESSION_COOKIE, "", "/staff", 0)
    return response


@console.get("/")
async def queue_page(request: Request) -> HTTPResponse:
    """The live queue."""
    opened = _session(request)
    queue = await asyncio.to_thread(handoffs.queue)
    await audit(request, "view_queue")
    names = {h.language: language_name(h.language) for h in queue}
    return html(pages.queue_page(opened.staff, opened.csrf_token, queue, names))


@console.get("/api/queue")
async def queue_api(request: Request) -> HTTPResponse:
    """The queue as JSON, for the page's refresh (no message text)."""
    queue = await asyncio.to_thread(handoffs.queue)
    return json(
        {
            "queue": [
                {
                    "id": h.id,
                    "status": h.status,
                    "channel": h.channel,
                    "language": h.language,
                    "language_name": language_name(h.language),
                    "since": pages.when(h.created_at),
                    "taken_by": h.taken_by_email,
                    "callback_requested": h.callback_requested,
                }
                for h in queue
            ]
        }
    )


@console.get("/console.js")
async def script(_: Request) -> HTTPResponse:
    """The queue page's refresh script."""
    return raw(SCRIPT(), content_type="text/javascript; charset=utf-8")


async def _handoff(handoff_id: int) -> HandoffView | None:
    return await asyncio.to_thread(handoffs.get, handoff_id)


def _not_found(request: Request) -> HTTPResponse:
    opened = _session(request)
    return html(
        pages.message_page(
            "Not found", "There is no such conversation.", opened.staff, opened.csrf_token
        ),
        status=404,
    )


def _back(handoff_id: int, flash: str) -> HTTPResponse:
    return redirect(f"/staff/conversations/{handoff_id}?done={flash}", status=303)


@console.get("/conversations/<handoff_id:int>")
async def conversation(request: Request, handoff_id: int) -> HTTPResponse:
    """Answers and result on top, actions, transcript, private notes."""
    found = await _handoff(handoff_id)
    if found is None:
        return _not_found(request)
    opened = _session(request)
    try:
        tracker = await _api(request).tracker(found.conversation_id)
    except (RasaError, aiohttp.ClientError, asyncio.TimeoutError) as error:
        logger.error("Could not read a tracker: %s", type(error).__name__)
        tracker = {}
    notes = await asyncio.to_thread(handoffs.notes, found.conversation_id)
    await audit(request, "view_conversation", found.conversation_id)
    flash = FLASHES.get(str(request.args.get("done") or ""))
    if not tracker:
        flash = FLASHES["failed"]
    return html(
        pages.conversation_page(
            opened.staff, opened.csrf_token, found, summarize(tracker), lines(tracker), notes, flash
        )
    )


def _action(
    name: str,
) -> Callable[
    [Callable[[Request, HandoffView], Awaitable[str]]],
    Callable[[Request, int], Awaitable[HTTPResponse]],
]:
    """A POST on one handoff: look it up, run the step, audit it, go back to the view."""

    def wrap(
        step: Callable[[Request, HandoffView], Awaitable[str]],
    ) -> Callable[[Request, int], Awaitable[HTTPResponse]]:
        async def handler(request: Request, handoff_id: int) -> HTTPResponse:
            found = await _handoff(handoff_id)
            if found is None:
                return _not_found(request)
            try:
                flash = await step(request, found)
            except (RasaError, aiohttp.ClientError, asyncio.TimeoutError) as error:
                logger.error("Console action %s failed: %s", name, type(error).__name__)
                return _back(handoff_id, "failed")
            if flash in ("taken", "replied", "recorded", "noted", "handed_back", "closed"):
                await audit(request, name, found.conversation_id)
            return _back(handoff_id, flash)

        handler.__name__ = step.__name__
        handler.__doc__ = step.__doc__
        return handler

    return wrap


def _may_answer(request: Request, found: HandoffView) -> bool:
    staff = _session(request).staff
    return rules.may_answer(staff.role, staff.id, found.taken_by)


def _text(request: Request, limit: int) -> str | None:
    text = str((request.form or {}).get("text") or "").strip()
    return text if 0 < len(text) <= limit else None


@console.post("/conversations/<handoff_id:int>/take")
@_action("take")
async def take(request: Request, found: HandoffView) -> str:
    """Take over: the handoff is yours and the bot stops answering."""
    if found.status == handoffs.CLOSED:
        return "gone"
    if not _may_answer(request, found):
        return "held_by_other"
    await _api(request).pause(found.conversation_id)
    await asyncio.to_thread(handoffs.take, found.id, _session(request).staff.id)
    return "taken"


@console.post("/conversations/<handoff_id:int>/reply")
@_action("reply")
async def reply(request: Request, found: HandoffView) -> str:
    """Send a reply through the person's own channel, and keep it in the transcript."""
    if found.status != handoffs.TAKEN:
        return "not_taken" if found.status == handoffs.QUEUED else "gone"
    if not _may_answer(request, found):
        return "held_by_other"
    text = _text(request, MAX_TEXT_CHARS)
    if text is None:
        return "empty"
    api = _api(request)
    tracker = await api.tracker(found.conversation_id)
    channel = summarize(tracker).channel or found.channel
    delivered: int | None = None
    if channel not in PULL_CHANNELS:
        delivered = await api.deliver(channel, found.conversation_id, text)
    await api.record_staff_message(found.conversation_id, text)
    return "replied" if delivered or channel in PULL_CHANNELS else "recorded"


@console.post("/conversations/<handoff_id:int>/note")
@_action("note")
async def note(request: Request, found: HandoffView) -> str:
    """A private note (never sent to the person)."""
    text = _text(request, MAX_NOTE_CHARS)
    if text is None:
        return "empty"
    await asyncio.to_thread(
        handoffs.add_note, found.conversation_id, _session(request).staff.id, text
    )
    return "noted"


@console.post("/conversations/<handoff_id:int>/hand-back")
@_action("hand_back")
async def hand_back(request: Request, found: HandoffView) -> str:
    """The bot answers again; the handoff is closed."""
    if found.status == handoffs.CLOSED:
        return "gone"
    if not _may_answer(request, found):
        return "held_by_other"
    await _api(request).resume(found.conversation_id)
    await asyncio.to_thread(handoffs.close, found.id)
    return "handed_back"


@console.post("/conversations/<handoff_id:int>/close")
@_action("close")
async def close(request: Request, found: HandoffView) -> str:
    """Close the handoff; a conversation staff had taken goes back to the bot."""
    if found.status == handoffs.CLOSED:
        return "gone"
    if not _may_answer(request, found):
        return "held_by_other"
    if found.status == handoffs.TAKEN:
        await _api(request).resume(found.conversation_id)
    await asyncio.to_thread(handoffs.close, found.id)
    return "closed"


@console.get("/audit")
async def audit_log(request: Request) -> HTTPResponse:
    """The audit log: supervisors only."""
    opened = _session(request)
    if not rules.may_view_audit(opened.staff.role):
        return html(
            pages.message_page(
                "Forbidden",
                "Only supervisors can read the audit log.",
                opened.staff,
                opened.csrf_token,
            ),
            status=403,
        )
    rows = await asyncio.to_thread(accounts.audit_log)
    await audit(request, "view_audit")
    return html(pages.audit_page(opened.staff, opened.csrf_token, rows))
