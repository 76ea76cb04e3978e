"""Sustained load at rising concurrency: one Rasa replica, two behind the balancer, bare Rasa.

Starts the scaled stack (2 Rasa + 2 service replicas, balancers, PostgreSQL + Redis; as
`make run-scaled` does, on a fresh database that is dropped at the end), then for each
configuration runs closed-loop screenings at each concurrency step for an equal share of
`--duration` seconds:

- `1 replica`: every message through a balancer over rasa-1 alone;
- `2 replicas`: every message through the Rasa balancer (round robin over both);
- `bare rasa`: a bare `rasa init` bot (bench/latency.py's), same steps, same durations.

Both AnyDoor configurations run the same model, processes and path (a balancer in front),
so they differ only in the replicas behind it. Per step it prints messages/s, p50/p95/p99
of the webhook call, errors, and after the step it reads every conversation's stored tracker
back and counts messages lost (sent, not stored) and extra (stored but not sent by that
conversation: crossed or duplicated). Then where the CPU went during each step, per process
(bench/cpu.py): percent of one core, "other" being work on the machine that is not ours.

Usage::

    .venv/bin/python bench/load.py [--duration 300] [--steps 2,4,8,16] [--no-bare] [--json]
        [--threads N]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import cpu  # noqa: E402
import latency  # noqa: E402
from latency import (  # noqa: E402
    BARE_SCRIPT,
    HOUSEHOLD,
    MAX_TURNS,
    BareServer,
    Client,
    active_loop_name,
    answer_for_slot,
    ensure_bare_model,
    percentile,
    requested_slot,
)

DEFAULT_STEPS = (2, 4, 8, 16)
# A bare Rasa start can take minutes on a busy 2-core machine: wait longer than latency.py.
latency.SERVER_START_TIMEOUT_S = max(latency.SERVER_START_TIMEOUT_S, 600.0)


# --------------------------------------------------------------------------- pure helpers


def step_seconds(duration: float, steps: Sequence[int]) -> float:
    """Seconds each concurrency step runs: an equal share of the configuration's duration."""
    return duration / max(len(steps), 1)


def household_for(index: int) -> dict[str, str]:
    """The benchmark household with an income of its own, so conversations differ."""
    return {**HOUSEHOLD, "monthly_income": str(1000 + index)}


def lost_and_extra(sent: Sequence[str], stored: Sequence[str]) -> tuple[int, int]:
    """(messages sent but not stored, messages stored but not sent) of one conversation."""
    sent_count, stored_count = Counter(sent), Counter(stored)
    return sum((sent_count - stored_count).values()), sum((stored_count - sent_count).values())


@dataclass
class StepStats:
    """One concurrency step of one configuration."""

    config: str
    concurrency: int
    conversations: int
    messages: int
    seconds: float
    msg_per_s: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    errors: int
    lost: int
    extra: int
    error_samples: list[str] = field(default_factory=list)
    cpu: dict[str, float] = field(default_factory=dict)  # percent of one core, by part


def format_table(rows: Sequence[StepStats]) -> str:
    """The results, one line a step."""
    header = (
        f"{'configuration':<12} {'conc':>4} {'conv':>5} {'msgs':>6} {'msg/s':>7} "
        f"{'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'errors':>6} {'lost':>5} {'extra':>5}"
    )
    lines = [header]
    for r in rows:
        lines.append(
            f"{r.config:<12} {r.concurrency:>4} {r.conversations:>5} {r.messages:>6} "
            f"{r.msg_per_s:>7.1f} {_ms(r.p50_ms):>7} {_ms(r.p95_ms):>7} {_ms(r.p99_ms):>7} "
            f"{r.errors:>6} {r.lost:>5} {r.extra:>5}"
        )
    return "\n".join(lines)


CPU_PARTS = (
    "rasa-1",
    "rasa-2",
    "service-1",
    "service-2",
    "balancer-rasa",
    "balancer-one",
    "balancer-service",
    "load generator",
    "postgres (this run)",
    "postgres",
    "redis",
    "other",
    "machine",
)


NOT_OURS = frozenset({"other", "machine"})


def cpu_ms_per_message(rows: Sequence[StepStats]) -> dict[str, float]:
    """CPU milliseconds each part spent per message answered, over the steps given."""
    messages = sum(row.messages for row in rows)
    used: dict[str, float] = {}
    for row in rows:
        for part, share in row.cpu.items():
            used[part] = used.get(part, 0.0) + share * 10 * row.seconds  # ms
    return {part: ms / messages for part, ms in used.items()} if messages else {}


def idle_machine_msg_per_s(rows: Sequence[StepStats], replicas: int, cores: int) -> float:
    """Throughput on an idle machine of `cores` cores, from the CPU per message: each Rasa
    replica uses at most one core (one event loop), and all our processes together at most
    `cores`. Other people's work ("other") is left out; that is the point."""
    per_message = cpu_ms_per_message(rows)
    rasa = sum(ms for part, ms in per_message.items() if part.startswith("rasa-"))
    ours = sum(ms for part, ms in per_message.items() if part not in NOT_OURS)
    if rasa <= 0 or ours <= 0:
        return math.nan
    return min(replicas * 1000 / rasa, cores * 1000 / ours)


def projection(rows: Sequence[StepStats], cores: int) -> str:
    """Both AnyDoor configurations projected to an idle machine, from all their steps."""
    lines, projected = [], {}
    for config, replicas in (("1 replica", 1), ("2 replicas", 2)):
        measured = [r for r in rows if r.config == config and r.cpu and r.messages]
        if not measured:
            continue
        projected[config] = idle_machine_msg_per_s(measured, replicas, cores)
        per_message = sorted(cpu_ms_per_message(measured).items(), key=lambda item: -item[1])
        parts = ", ".join(
            f"{part} {ms:.1f}" for part, ms in per_message if part not in NOT_OURS and ms >= 0.5
        )
        lines.append(f"CPU ms per message, {config}: {parts}")
    one, two = projected.get("1 replica", math.nan), projected.get("2 replicas", math.nan)
    lines.append(
        f"projected to an idle {cores}-core machine: 1 replica {one:.1f} msg/s, "
        f"2 replicas {two:.1f} msg/s, factor {two / one:.2f}"
    )
    return "\n".join(lines)


def format_cpu(rows: Sequence[StepStats]) -> str:
    """Per step, the percent of one core each part used (200 = both of two cores)."""
    parts = [p for p in CPU_PARTS if any(p in r.cpu for r in rows)]
    if not parts:
        return ""
    short = {"postgres (this run)": "pg run", "load generator": "loadgen", "machine": "total"}
    names = [
        short.get(p, p.replace("balancer-", "bal-").replace("service-", "svc-")) for p in parts
    ]
    lines = [f"{'CPU % of a core':<17} " + " ".join(f"{n:>8}" for n in names)]
    for r in rows:
        if r.cpu:
            values = " ".join(f"{r.cpu.get(p, 0.0):>8.0f}" for p in parts)
            lines.append(f"{r.config:<12} {r.concurrency:>4} {values}")
    return "\n".join(lines)


def _ms(value: float) -> str:
    return "-" if math.isnan(value) else f"{value:.0f}"


def summary(rows: Sequence[StepStats]) -> str:
    """Scaling factor (2 replicas / 1) and AnyDoor / bare Rasa, from the best step of each."""
    best = {
        config: max((r.msg_per_s for r in rows if r.config == config), default=math.nan)
        for config in ("1 replica", "2 replicas", "bare rasa")
    }
    lines = ["best msg/s: " + ", ".join(f"{k} {v:.1f}" for k, v in best.items())]
    one, two, bare = best["1 replica"], best["2 replicas"], best["bare rasa"]
    if one > 0:
        lines.append(f"scaling factor, 2 replicas / 1: {two / one:.2f}")
    if bare > 0:
        lines.append(f"AnyDoor 1 replica / bare rasa: {one / bare:.2f}")
    return "\n".join(lines)


# --------------------------------------------------------------------------- driving


@dataclass
class Conversation:
    """What one conversation sent, and how long each message took."""

    sender: str
    sent: list[str] = field(default_factory=list)
    latencies_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


async def screening(
    client: Client, conversation: Conversation, index: int, deadline: float, bare: bool
) -> None:
    """One screening (or bare conversation) until it ends or the step's time is up."""
    household = household_for(index)
    text, started = ("hi", False)
    for turn in range(MAX_TURNS):
        if time.monotonic() >= deadline:
            return
        try:
            latency, _replies = await client.send(conversation.sender, text)
        except (aiohttp.ClientError, asyncio.TimeoutError, RuntimeError, ValueError) as error:
            conversation.errors.append(f"{type(error).__name__}: {str(error)[:120]}")
            conversation.sent.append(text)  # it may have been stored: count it as sent
            return
        conversation.sent.append(text)
        conversation.latencies_ms.append(latency)
        if bare:
            if turn + 1 >= len(BARE_SCRIPT) * 2:
                return
            text = BARE_SCRIPT[(turn + 1) % len(BARE_SCRIPT)]
            continue
        tracker = await client.tracker(conversation.sender)
        slot, loop = requested_slot(tracker), active_loop_name(tracker)
        started = started or bool(slot or loop)
        if started and slot is None:
            return
        text = answer_for_slot(slot, household) if slot else "yes"


async def run_step(
    config: str,
    urls: Sequence[str],
    token: str | None,
    concurrency: int,
    seconds: float,
    bare: bool,
    groups: dict[int, str] | None = None,
    database: str = "",
) -> StepStats:
    """Closed loop: `concurrency` workers run conversations back to back for `seconds`;
    with `groups` (process group -> name), the CPU each part used meanwhile."""
    run = uuid.uuid4().hex[:8]
    conversations: list[Conversation] = []
    timeout = aiohttp.ClientTimeout(total=120)
    async with aiohttp.ClientSession(
        timeout=timeout, connector=aiohttp.TCPConnector(limit=concurrency * 2)
    ) as session:
        clients = [Client(session, url, token) for url in urls]
        before = cpu.snapshot() if groups is not None else None
        start = time.monotonic()
        deadline = start + seconds

        async def worker(number: int) -> None:
            client = clients[number % len(clients)]
            while time.monotonic() < deadline:
                conversation = Conversation(f"load-{run}-{number}-{len(conversations)}")
                conversations.append(conversation)
                await screening(client, conversation, len(conversations), deadline, bare)
                if conversation.errors:
                    await asyncio.sleep(0.5)

        await asyncio.gather(*(worker(n) for n in range(concurrency)))
        elapsed = time.monotonic() - start
        used = {}
        if before is not None and groups is not None:
            used = cpu.shares(before, cpu.snapshot(), elapsed, groups, database)
        # The stored side: every conversation's tracker, read back after the step.
        lost = extra = 0
        reader = clients[0]
        for conversation in conversations:
            if not conversation.sent:
                continue
            try:
                tracker = await reader.tracker(conversation.sender)
                stored = [
                    e.get("text") or ""
                    for e in tracker.get("events", [])
                    if e.get("event") == "user"
                ]
            except (aiohttp.ClientError, asyncio.TimeoutError, RuntimeError) as error:
                conversation.errors.append(f"tracker: {type(error).__name__}")
                stored = []
            missing, more = lost_and_extra(conversation.sent, stored)
            lost, extra = lost + missing, extra + more
    latencies = [ms for c in conversations for ms in c.latencies_ms]
    errors = [e for c in conversations for e in c.errors]
    return StepStats(
        config=config,
        concurrency=concurrency,
        conversations=sum(1 for c in conversations if c.sent),
        messages=len(latencies),
        seconds=elapsed,
        msg_per_s=len(latencies) / elapsed if elapsed else math.nan,
        p50_ms=percentile(latencies, 50),
        p95_ms=percentile(latencies, 95),
        p99_ms=percentile(latencies, 99),
        errors=len(errors),
        lost=lost,
        extra=extra,
        error_samples=errors[:3],
        cpu=used,
    )


async def warm_up(urls: Sequence[str], token: str | None, bare: bool) -> None:
    """One uncounted conversation per URL (models load lazily)."""
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120)) as session:
        for url in urls:
            conversation = Conversation(f"load-warmup-{uuid.uuid4().hex[:8]}")
            await screening(
                Client(session, url, token), conversation, 0, time.monotonic() + 60, bare
            )


def run_config(
    config: str,
    urls: Sequence[str],
    token: str | None,
    steps: Sequence[int],
    seconds: float,
    bare: bool,
    groups: dict[int, str] | None = None,
    database: str = "",
) -> list[StepStats]:
    asyncio.run(warm_up(urls, token, bare))
    rows = []
    for concurrency in steps:
        log(f"{config}: concurrency {concurrency} for {seconds:.0f} s ...")
        row = asyncio.run(
            run_step(config, urls, token, concurrency, seconds, bare, groups, database)
        )
        top = sorted(row.cpu.items(), key=lambda item: -item[1])
        log(
            f"  {row.msg_per_s:.1f} msg/s, p95 {_ms(row.p95_ms)} ms, errors {row.errors}, "
            f"lost {row.lost}, extra {row.extra}; CPU "
            + ", ".join(f"{part} {share:.0f}%" for part, share in top[:6])
        )
        rows.append(row)
    return rows


# --------------------------------------------------------------------------- main


def log(message: str) -> None:
    """Progress on stderr; results on stdout."""
    print(message, file=sys.stderr, flush=True)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--duration",
        type=float,
        default=300,
        help="seconds per configuration, shared by its steps (default 300)",
    )
    parser.add_argument(
        "--steps",
        default=",".join(map(str, DEFAULT_STEPS)),
        help="concurrency steps (default %(default)s)",
    )
    parser.add_argument(
        "--bare",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also load a bare `rasa init` bot (default on)",
    )
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "ANYDOOR_BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432"
        ),
        help="PostgreSQL server (a database is made and dropped; default %(default)s)",
    )
    parser.add_argument(
        "--redis-url", default=os.environ.get("ANYDOOR_BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")
    )
    parser.add_argument(
        "--ours",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="load AnyDoor, 1 replica then 2 (default on)",
    )
    parser.add_argument(
        "--threads",
        type=int,
        default=None,
        help="threads per numeric pool in each Rasa replica (default: cores / replicas)",
    )
    parser.add_argument("--json", action="store_true", help="also print one JSON line")
    args = parser.parse_args(argv)
    args.steps = [int(step) for step in args.steps.split(",") if step.strip()]
    if not args.steps or min(args.steps) < 1 or args.duration <= 0:
        parser.error("--steps must be positive integers and --duration positive")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    seconds = step_seconds(args.duration, args.steps)
    rows: list[StepStats] = []
    if args.ours:
        rows += run_anydoor(args, seconds)
    if args.bare:
        try:
            with BareServer(ensure_bare_model()) as server:
                rows += run_config("bare rasa", [server.url], None, args.steps, seconds, True)
        except RuntimeError as error:  # still print what was measured
            log(f"bare rasa: {error}")
    print(format_table(rows))
    print(summary(rows))
    if any(row.cpu for row in rows):
        print(format_cpu(rows))
        print(projection(rows, os.cpu_count() or 1))
    for row in rows:
        for sample in row.error_samples:
            log(f"{row.config} c={row.concurrency} error: {sample}")
    if args.json:
        print(json.dumps([asdict(row) for row in rows], default=str))
    return 1 if any(r.lost or r.extra for r in rows if r.config != "bare rasa") else 0


def run_anydoor(args: argparse.Namespace, seconds: float) -> list[StepStats]:
    """Start the scaled stack on a fresh database, load 1 then 2 replicas, stop, drop."""
    from sqlalchemy.engine import make_url

    from service.scaled import ScaledStack, create_database, drop_database
    from service.stack import api_token, free_port, wait_for

    database = f"{args.database_url.rstrip('/')}/anydoor_load_{uuid.uuid4().hex[:10]}"
    create_database(database)
    rows: list[StepStats] = []
    workdir = Path(tempfile.mkdtemp(prefix="anydoor-load-"))
    rasa_port = free_port()
    stack = ScaledStack(
        rasa_port=rasa_port,
        service_port=free_port(),
        tracker_db=workdir / "rasa.db",
        log_dir=workdir / "log",
        extra_env={
            "ANYDOOR_VAR_DIR": str(workdir),
            "ANYDOOR_DATABASE_URL": database,
            "ANYDOOR_REDIS_URL": args.redis_url,
            "ANYDOOR_REDIS_KEY_PREFIX": f"anydoorload{uuid.uuid4().hex[:8]}",
        },
        threads_per_rasa=args.threads,
    )
    try:
        log("starting 2 Rasa + 2 service replicas on PostgreSQL and Redis ...")
        stack.start()
        token = api_token()
        # The one-replica configuration goes through a balancer too: the same path.
        one_port = free_port()
        stack.start_balancer("balancer-one", one_port, ["rasa-1"])
        one_url = f"http://127.0.0.1:{one_port}"
        wait_for(f"{one_url}/status?token={token}", 30, stack.replica_processes["balancer-one"])
        groups = {process.pid: name for name, process in stack.replica_processes.items()}
        name = make_url(database).database or ""
        rows += run_config("1 replica", [one_url], token, args.steps, seconds, False, groups, name)
        rows += run_config(
            "2 replicas", [stack.rasa_url], token, args.steps, seconds, False, groups, name
        )
    finally:
        stack.stop()
        with contextlib.suppress(Exception):
            drop_database(database)
    return rows


if __name__ == "__main__":
    sys.exit(main())
