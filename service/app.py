"""The AnyDoor service's Sanic app factory."""

from __future__ import annotations

import json as jsonlib
import logging
import zlib
from typing import Any

from rasa_sdk.executor import ActionExecutor
from rasa_sdk.interfaces import ActionExecutionRejection, ActionNotFoundException
from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse, json

from service.nlg import nlg
from service.staff import console
from service.widget import widget

logger = logging.getLogger(__name__)


def _action_call(request: Request) -> dict[str, Any] | None:
    if request.headers.get("Content-Encoding") == "deflate":
        return jsonlib.loads(zlib.decompress(request.body))
    return request.json


def create_app(name: str = "anydoor") -> Sanic:
    """Build the service: rasa-sdk actions at /webhook, the NLG at /nlg, the staff console at
    /staff, /health."""
    app = Sanic(name)
    executor = ActionExecutor()
    executor.register_package("actions")
    app.ctx.executor = executor
    app.blueprint(nlg)
    app.blueprint(console)
    app.blueprint(widget)

    @app.get("/health")
    async def health(_: Request) -> HTTPResponse:
        return json({"status": "ok"})

    @app.post("/webhook")
    async def webhook(request: Request) -> HTTPResponse:
        """Run one custom action for Rasa (the same contract as rasa-sdk's server)."""
        action_call = _action_call(request)
        if action_call is None:
            return json({"error": "Invalid body request"}, status=400)
        try:
            result = await executor.run(action_call)
        except ActionExecutionRejection as error:
            return json({"error": error.message, "action_name": error.action_name}, status=400)
        except ActionNotFoundException as error:
            logger.error("Unknown action %s", error.action_name)
            return json({"error": error.message, "action_name": error.action_name}, status=404)
        return json(result)

    @app.exception(Exception)
    async def on_error(request: Request, exception: Exception) -> HTTPResponse:
        # Never echo the request: it carries the whole conversation (rasa-sdk's handler does).
        logger.error("Error on %s %s: %s", request.method, request.path, type(exception).__name__)
        return json({"error": "internal error"}, status=500)

    return app
