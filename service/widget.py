"""The embeddable web chat: `/widget.js`, its labels in each language, and the demo page at `/`.

The widget talks to the Rasa server's `webchat` channel (channels/webchat.py); this blueprint
only serves it. Every word the widget shows comes from the catalogs, through `/widget/labels`.
"""

from __future__ import annotations

import gzip
import json as jsonlib
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from sanic import Blueprint
from sanic.request import Request
from sanic.response import HTTPResponse, json, raw

from bot.i18n import gettext, locale_for, render
from bot.language import DEFAULT, SUPPORTED

STATIC = Path(__file__).with_name("static")

widget = Blueprint("widget")

# Widget label -> message id in bot/i18n/messages.yml.
LABELS = {
    "title": "webchat_title",
    "open": "webchat_open",
    "close": "webchat_close",
    "intro": "webchat_intro",
    "start": "webchat_start",
    "input": "webchat_input",
    "send": "webchat_send",
    "human": "webchat_human",
    "erase": "button_erase",
    "language": "webchat_language",
    "typing": "webchat_typing",
    "from_user": "webchat_from_you",
    "from_bot": "webchat_from_bot",
    "from_staff": "webchat_from_staff",
    "offline": "webchat_offline",
    "no_script": "webchat_no_script",
}
# Payloads of the widget's own controls (the same the bot's buttons send).
CONTROLS = {"start": "/start_screening", "human": "/request_human", "erase": "/delete_my_data"}


def webchat_server() -> str:
    """Where the widget finds the Rasa server: ANYDOOR_WEBCHAT_URL, else the public URL,
    else the local Rasa port."""
    env = os.environ
    configured = env.get("ANYDOOR_WEBCHAT_URL") or env.get("ANYDOOR_PUBLIC_URL")
    if configured:
        return configured.rstrip("/")
    return f"http://127.0.0.1:{env.get('ANYDOOR_RASA_PORT', '5005')}"


def supported_language(tag: str | None) -> str:
    """The supported language for a BCP 47 tag ("es-MX" -> es, "zh-Hant" -> zh_Hant)."""
    parts = (tag or "").replace("_", "-").split("-")
    base = parts[0].lower()
    if base == "zh" and any(p.lower() in {"hant", "tw", "hk", "mo"} for p in parts[1:]):
        return "zh_Hant"
    return base if base in SUPPORTED else DEFAULT


def language_in(payload: str) -> str:
    """The language a language button picks: `/change_language{"language": "es"}` -> es."""
    return str(jsonlib.loads(payload[payload.index("{") :])["language"])


def labels_for(language: str) -> dict[str, Any]:
    """The widget's words in a language, its direction and the language menu."""
    menu = render("utter_language_menu", language).buttons
    return {
        "language": language,
        "tag": language.replace("_", "-"),
        "dir": locale_for(language).text_direction,
        "labels": {key: gettext(message_id, language) for key, message_id in LABELS.items()},
        "controls": CONTROLS,
        "languages": [
            {"code": code, "tag": code.replace("_", "-"), "name": b.title, "payload": b.payload}
            for code, b in ((language_in(b.payload), b) for b in menu)
        ],
    }


@lru_cache(maxsize=4)
def widget_script(server: str) -> tuple[bytes, bytes]:
    """widget.js with its default server filled in, raw and gzipped."""
    source = (STATIC / "widget.js").read_text(encoding="utf-8")
    body = source.replace("__ANYDOOR_SERVER__", server).encode("utf-8")
    return body, gzip.compress(body, compresslevel=9, mtime=0)


@widget.get("/widget.js")
async def script(request: Request) -> HTTPResponse:
    """The widget, gzipped when the browser accepts it (slow connections)."""
    body, zipped = widget_script(webchat_server())
    headers = {"Cache-Control": "public, max-age=3600", "Vary": "Accept-Encoding"}
    if "gzip" in request.headers.get("Accept-Encoding", ""):
        headers["Content-Encoding"] = "gzip"
        body = zipped
    return raw(body, content_type="text/javascript; charset=utf-8", headers=headers)


@widget.get("/widget/labels")
async def labels(request: Request) -> HTTPResponse:
    """The widget's labels for `?lang=` (any BCP 47 tag; unsupported ones get English)."""
    return json(
        labels_for(supported_language(request.args.get("lang"))),
        headers={"Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=600"},
    )


@widget.get("/")
async def demo(_: Request) -> HTTPResponse:
    """A county social services page with the widget on it, as an agency would embed it."""
    page = (STATIC / "demo.html").read_text(encoding="utf-8")
    return raw(
        page.replace("__ANYDOOR_SERVER__", webchat_server()).encode("utf-8"),
        content_type="text/html; charset=utf-8",
    )
