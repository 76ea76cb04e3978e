"""Rasa's action and NLG calls reuse their connections (channels/keepalive.py)."""

from __future__ import annotations

import asyncio

from aiohttp import web
from rasa.utils.endpoints import EndpointConfig

from channels.keepalive import keep_connections
from service.stack import free_port


def test_calls_to_one_endpoint_share_one_connection_and_get_the_same_answers() -> None:
    async def scenario() -> tuple[list[object], set[object]]:
        peers: set[object] = set()

        async def nlg(request: web.Request) -> web.Response:
            peers.add(request.transport.get_extra_info("peername") if request.transport else None)
            return web.json_response({"text": (await request.json())["template"]})

        app = web.Application()
        app.router.add_post("/nlg", nlg)
        runner = web.AppRunner(app)
        await runner.setup()
        port = free_port()
        await web.TCPSite(runner, "127.0.0.1", port).start()
        try:
            keep_connections()
            endpoint = EndpointConfig(f"http://127.0.0.1:{port}/nlg")
            answers = [await endpoint.request(json={"template": f"utter_{n}"}) for n in range(5)]
            return answers, peers
        finally:
            await runner.cleanup()

    answers, peers = asyncio.run(scenario())
    assert answers == [{"text": f"utter_{n}"} for n in range(5)]
    assert len(peers) == 1  # Rasa alone opens one connection per call
