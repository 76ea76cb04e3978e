"""Unit tests for the pure helpers of bench/latency.py."""

from __future__ import annotations

import importlib.util
import math
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest


def _load() -> ModuleType:
    """Import bench/latency.py by path (bench/ is not a package)."""
    path = Path(__file__).with_name("latency.py")
    spec = importlib.util.spec_from_file_location("bench_latency", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


latency = _load()


@pytest.mark.parametrize(
    ("values", "q", "expected"),
    [
        ([5.0], 50, 5.0),
        ([5.0], 99, 5.0),
        ([1.0, 2.0, 3.0, 4.0], 50, 2.5),
        ([4.0, 1.0, 3.0, 2.0], 0, 1.0),
        ([4.0, 1.0, 3.0, 2.0], 100, 4.0),
        ([10.0, 20.0, 30.0, 40.0, 50.0], 95, 48.0),
        (list(map(float, range(1, 101))), 99, 99.01),
    ],
)
def test_percentile_matches_linear_interpolation(
    values: list[float], q: float, expected: float
) -> None:
    """Percentiles follow numpy's default ("linear") definition, input order irrelevant."""
    assert latency.percentile(values, q) == pytest.approx(expected)


def test_percentile_empty_is_nan_and_range_checked() -> None:
    """No data gives NaN; q outside 0..100 is rejected."""
    assert math.isnan(latency.percentile([], 50))
    with pytest.raises(ValueError):
        latency.percentile([1.0], 101)


def test_answer_for_slot_uses_household_and_skips_unknown() -> None:
    """Known slots are answered from the household, unknown ones with "skip"."""
    assert latency.answer_for_slot("zip_code") == "94110"
    assert latency.answer_for_slot("member_ages") == "34, 6"
    assert latency.answer_for_slot("housing_cost") == "1200"
    assert latency.answer_for_slot("favourite_colour") == "skip"
    assert latency.answer_for_slot("pregnant", {"pregnant": "yes"}) == "yes"


def test_tracker_readers() -> None:
    """requested_slot / active_loop_name read a Rasa tracker and tolerate empty values."""
    asking = {"slots": {"requested_slot": "zip_code"}, "active_loop": {"name": "screening_form"}}
    assert latency.requested_slot(asking) == "zip_code"
    assert latency.active_loop_name(asking) == "screening_form"
    done = {"slots": {"requested_slot": None}, "active_loop": {}}
    assert latency.requested_slot(done) is None
    assert latency.active_loop_name(done) is None
    assert latency.active_loop_name({"active_loop": None}) is None


def test_bare_messages_cycles_script() -> None:
    """The bare script is cycled to the wanted length."""
    assert latency.bare_messages(6) == ["hi", "great", "yes", "bye", "hi", "great"]
    assert latency.bare_messages(0) == []


def test_ratio_handles_missing_values() -> None:
    """Ratios are None when a side is missing, NaN or zero."""
    assert latency.ratio(2.0, 4.0) == 0.5
    assert latency.ratio(None, 4.0) is None
    assert latency.ratio(1.0, 0.0) is None
    assert latency.ratio(math.nan, 1.0) is None


def test_run_screening_against_fake_rasa() -> None:
    """run_screening answers each requested slot and stops when the form is done."""
    received: list[str] = []
    result = _drive_fake(["zip_code", "member_ages", "mystery_slot"], received)
    assert received == ["hi", "94110", "34, 6", "skip"]
    assert result.completed and result.errors == 0
    assert len(result.latencies_ms) == 4


def test_run_screening_gives_up_after_max_turns() -> None:
    """A form that never ends costs MAX_TURNS messages and counts as one error."""
    received: list[str] = []
    result = _drive_fake(["zip_code"] * 100, received)
    assert len(received) == latency.MAX_TURNS
    assert not result.completed and result.errors == 1


def _drive_fake(asked: list[str], received: list[str]) -> Any:
    """Run one screening against a fake Rasa that requests ``asked`` slots one per turn."""
    import asyncio

    from aiohttp import web

    state = {"step": -1}

    async def webhook(request: web.Request) -> web.Response:
        body = await request.json()
        received.append(body["message"])
        state["step"] += 1
        return web.json_response([{"recipient_id": body["sender"], "text": "ok"}])

    async def tracker(request: web.Request) -> web.Response:
        assert request.query.get("token") == "secret"
        step = state["step"]
        if step < len(asked):
            return web.json_response({"slots": {"requested_slot": asked[step]},
                                      "active_loop": {"name": "screening_form"}})
        return web.json_response({"slots": {"requested_slot": None}, "active_loop": {}})

    async def scenario() -> Any:
        app = web.Application()
        app.router.add_post("/webhooks/rest/webhook", webhook)
        app.router.add_get("/conversations/{sender}/tracker", tracker)
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = runner.addresses[0][1]
        try:
            results, _seconds = await latency.drive(
                f"http://127.0.0.1:{port}", "secret", 1, 1, None, 0
            )
        finally:
            await runner.cleanup()
        return results[0]

    return asyncio.run(scenario())
