"""Choosing the stores by environment, cleaning hostile text, and the local balancer."""

from __future__ import annotations

import asyncio

import pytest
import yaml
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from bot.store.db import tracker_database_url
from channels.safety import MAX_MESSAGE_CHARS, clean_text, is_silent, valid_sender
from service.balancer import application
from service.endpoints import endpoints, redis_lock_store, write_endpoints


def test_by_default_trackers_stay_in_sqlite_and_locks_in_memory(tmp_path) -> None:
    env = {"ANYDOOR_TRACKER_DB": str(tmp_path / "rasa.db")}
    config = endpoints("http://127.0.0.1:5055", env)
    assert config["action_endpoint"] == {"url": "http://127.0.0.1:5055/webhook"}
    assert config["nlg"] == {"url": "http://127.0.0.1:5055/nlg"}
    assert "lock_store" not in config
    assert tracker_database_url(env) == f"sqlite:///{tmp_path / 'rasa.db'}"


def test_a_postgres_database_url_puts_the_trackers_beside_anydoors_tables() -> None:
    url = "postgresql://anydoor:secret@db.internal:5432/anydoor"
    assert tracker_database_url({"ANYDOOR_DATABASE_URL": url}) == url
    other = "postgresql://rasa@db2/trackers"
    assert (
        tracker_database_url({"ANYDOOR_DATABASE_URL": url, "ANYDOOR_TRACKER_DB_URL": other})
        == other
    )


def test_a_redis_url_turns_on_rasas_redis_lock_store() -> None:
    config = endpoints(
        "http://lb:5055", {"ANYDOOR_REDIS_URL": "rediss://:p%40ss@redis.internal:6380/2"}
    )
    assert config["lock_store"] == {
        "type": "channels.stores.AtomicRedisLockStore",
        "url": "redis.internal",
        "port": 6380,
        "db": 2,
        "key_prefix": "anydoor",
        "password": "p@ss",
        "use_ssl": True,
    }
    with pytest.raises(ValueError):
        redis_lock_store("http://redis.internal")


def test_the_endpoints_file_keeps_the_database_url_out_and_is_private(tmp_path) -> None:
    path = write_endpoints(tmp_path / "endpoints.yml", "http://lb:5055", {})
    written = path.read_text()
    assert "url: ${ANYDOOR_TRACKER_DB_URL}" in written  # plain, so Rasa expands it
    assert (
        yaml.safe_load(written)["tracker_store"]["type"]
        == "channels.stores.ResilientSQLTrackerStore"
    )
    assert path.stat().st_mode & 0o077 == 0


def test_hostile_text_is_cleaned_to_valid_short_unicode_without_controls() -> None:
    assert clean_text("hi\x00 there\x1b[31m\ud800") == "hi there[31m\ufffd"
    assert clean_text("line one\nline two\tend") == "line one\nline two\tend"
    assert clean_text("👨‍👩‍👧 中文 ñ") == "👨‍👩‍👧 中文 ñ"
    assert len(clean_text("9" * 10_000)) == MAX_MESSAGE_CHARS


def test_conversation_ids_are_plain_tokens() -> None:
    assert valid_sender("test-4f2a") and valid_sender("a:b@c.d+e=f_g")
    for bad in ["", "<b>x</b>", "a b", "x" * 129, 42, None, "naïve\x00"]:
        assert not valid_sender(bad)


def test_a_turn_with_only_an_erase_signal_or_nothing_is_silent() -> None:
    assert is_silent([]) and is_silent([{"custom": {"erase": True}}])
    assert not is_silent([{"text": "Hi"}])


def test_the_balancer_takes_turns_and_skips_a_replica_that_is_down() -> None:
    async def scenario() -> list[str]:
        servers = []
        for name in ("one", "two"):
            app = web.Application()

            async def answer(request: web.Request, name: str = name) -> web.Response:
                body = await request.read()
                return web.Response(text=f"{name} {request.path_qs} {body.decode()}")

            app.router.add_route("*", "/{tail:.*}", answer)
            server = TestServer(app)
            await server.start_server()
            servers.append(server)
        dead = "http://127.0.0.1:9"  # nothing listens on the discard port
        backends = [str(server.make_url("")).rstrip("/") for server in servers] + [dead]
        client = TestClient(TestServer(application(backends)))
        await client.start_server()
        try:
            seen = []
            for index in range(6):
                response = await client.post(f"/webhook?x={index}", data=b"a=1&b=")
                assert response.status == 200
                seen.append(await response.text())
            return seen
        finally:
            await client.close()
            for server in servers:
                await server.close()

    seen = asyncio.run(scenario())
    assert [line.split()[0] for line in seen] == ["one", "two", "one", "one", "two", "one"]
    assert seen[0].split(" ", 1)[1] == "/webhook?x=0 a=1&b="  # path, query, body unchanged
