"""One web chat replica for tests/scale: the `webchat` channel alone in a Sanic server.

`python -m tests.scale.webchat_replica PORT`, with `ANYDOOR_REDIS_URL` (and a key prefix)
in the environment. No Rasa model: messages are not answered and every conversation is new,
which is all the push and stream routes need.
"""

from __future__ import annotations

import sys
from types import SimpleNamespace
from typing import Any

from rasa.core.channels.channel import UserMessage
from sanic import Sanic

from channels.webchat import WebchatInput


class NoTrackers:
    """A tracker store without conversations."""

    async def retrieve_full_tracker(self, _: str) -> Any:
        return None

    async def retrieve(self, _: str) -> Any:
        return None


async def ignore(_: UserMessage) -> None:
    """Messages are not answered here."""


def main() -> None:
    """Serve the channel on the port given until stopped."""
    port = int(sys.argv[1])
    app = Sanic(f"webchat-replica-{port}")
    app.ctx.agent = SimpleNamespace(tracker_store=NoTrackers())
    app.blueprint(WebchatInput().blueprint(ignore), url_prefix="/webhooks/webchat")
    app.run(host="127.0.0.1", port=port, access_log=False, motd=False)


if __name__ == "__main__":
    main()
