"""Latency benchmark: AnyDoor screenings vs. a bare ``rasa init`` bot.

Drives N complete screenings through Rasa's REST channel with concurrency C and prints the
per-message latency (p50/p95/p99), messages per second, errors and the Rasa server's RSS, then
does the same for a bare ``rasa init`` bot (created, trained and started by this script under
``var/bench/bare/``) and prints both side by side with the ratio AnyDoor/bare.

Only the webhook call is timed; the tracker read used to find the requested slot is not (the
bare run does the same tracker reads so both servers see the same request mix).

Usage::

    .venv/bin/python bench/latency.py [-n 20] [-c 5] [--no-bare] [--no-ours] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import math
import os
import re
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import aiohttp

REPO_ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = REPO_ROOT / ".venv" / "bin"
BARE_DIR = REPO_ROOT / "var" / "bench" / "bare"

#: The household every benchmark screening answers with (slot name -> answer text).
HOUSEHOLD: dict[str, str] = {
    "language": "English",
    "zip_code": "94110",
    "member_ages": "34, 6",
    "pregnant": "no",
    "disability": "no",
    "monthly_income": "2100",
    "earned_income": "yes",
    "housing_cost": "1200",
}
#: Answer for a requested slot the household does not know about.
UNKNOWN_SLOT_ANSWER = "skip"
#: Messages of a bare-bot conversation, cycled to reach the wanted message count.
BARE_SCRIPT: tuple[str, ...] = ("hi", "great", "yes", "bye")
#: Hard cap on messages in one screening; reaching it counts as an error.
MAX_TURNS = 20
REQUEST_TIMEOUT_S = 60.0
SERVER_START_TIMEOUT_S = 180.0
SERVER_STOP_GRACE_S = 10.0


# --------------------------------------------------------------------------- pure helpers


def percentile(values: Sequence[float], q: float) -> float:
    """Return the q-th percentile (0..100) of ``values`` by linear interpolation.

    Same definition as ``numpy.percentile(values, q)`` (the "linear" method). Returns
    ``nan`` for an empty sequence.
    """
    if not 0 <= q <= 100:
        raise ValueError(f"percentile must be within 0..100, got {q}")
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100.0
    low = math.floor(rank)
    high = math.ceil(rank)
    if low == high:
        return float(ordered[low])
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def answer_for_slot(slot: str, household: Mapping[str, str] = HOUSEHOLD) -> str:
    """Return the text a benchmark applicant sends when the bot asks for ``slot``."""
    return household.get(slot, UNKNOWN_SLOT_ANSWER)


def requested_slot(tracker: Mapping[str, Any]) -> str | None:
    """Return the slot the bot is asking for according to a tracker, or ``None``."""
    slots = tracker.get("slots") or {}
    value = slots.get("requested_slot")
    return value if isinstance(value, str) and value else None


def active_loop_name(tracker: Mapping[str, Any]) -> str | None:
    """Return the name of the tracker's active loop (form), or ``None`` when no form runs."""
    loop = tracker.get("active_loop") or {}
    name = loop.get("name") if isinstance(loop, Mapping) else None
    return name if isinstance(name, str) and name else None


def bare_messages(count: int, script: Sequence[str] = BARE_SCRIPT) -> list[str]:
    """Return ``count`` messages for a bare-bot conversation by cycling ``script``."""
    return list(itertools.islice(itertools.cycle(script), max(count, 0)))


def ratio(ours: float | None, bare: float | None) -> float | None:
    """Return ours/bare, or ``None`` when either is missing, NaN or bare is zero."""
    if ours is None or bare is None or math.isnan(ours) or math.isnan(bare) or bare == 0:
        return None
    return ours / bare


# --------------------------------------------------------------------------- results


@dataclass
class ConversationResult:
    """Outcome of one conversation: timed webhook latencies (ms) and error count."""

    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0
    completed: bool = False
    error_detail: list[str] = field(default_factory=list)


@dataclass
class RunStats:
    """Aggregated figures of one benchmark run (one bot)."""

    label: str
    conversations: int
    messages: int
    errors: int
    seconds: float
    msg_per_s: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    rss_mb: float | None
    peak_rss_mb: float | None
    incomplete_conversations: int
    error_samples: list[str]

    @classmethod
    def from_results(
        cls,
        label: str,
        results: Sequence[ConversationResult],
        seconds: float,
        rss_mb: float | None,
        peak_rss_mb: float | None,
    ) -> RunStats:
        """Aggregate per-conversation results into one row of figures."""
        latencies = [ms for r in results for ms in r.latencies_ms]
        samples = [d for r in results for d in r.error_detail][:5]
        return cls(
            label=label,
            conversations=len(results),
            messages=len(latencies),
            errors=sum(r.errors for r in results),
            seconds=seconds,
            msg_per_s=len(latencies) / seconds if seconds > 0 else math.nan,
            p50_ms=percentile(latencies, 50),
            p95_ms=percentile(latencies, 95),
            p99_ms=percentile(latencies, 99),
            rss_mb=rss_mb,
            peak_rss_mb=peak_rss_mb,
            incomplete_conversations=sum(not r.completed for r in results),
            error_samples=samples,
        )


# --------------------------------------------------------------------------- HTTP driving


class Client:
    """Thin async client for Rasa's REST webhook and tracker endpoint."""

    def __init__(self, session: aiohttp.ClientSession, base_url: str, token: str | None):
        """Wrap ``session`` for the Rasa server at ``base_url`` (HTTP API token optional)."""
        self.session = session
        self.base_url = base_url.rstrip("/")
        self.token = token

    async def send(self, sender: str, text: str) -> tuple[float, list[Any]]:
        """POST one message to the REST webhook; return (latency ms, bot replies).

        Raises on transport errors, non-200 answers and non-list bodies.
        """
        url = f"{self.base_url}/webhooks/rest/webhook"
        start = time.perf_counter()
        async with self.session.post(url, json={"sender": sender, "message": text}) as resp:
            body = await resp.read()
            elapsed_ms = (time.perf_counter() - start) * 1000.0
            if resp.status != 200:
                raise RuntimeError(f"webhook HTTP {resp.status}: {body[:200]!r}")
        replies = json.loads(body)
        if not isinstance(replies, list):
            raise RuntimeError(f"webhook answered a {type(replies).__name__}, not a list")
        return elapsed_ms, replies

    async def tracker(self, sender: str) -> dict[str, Any]:
        """GET the conversation tracker (not timed)."""
        url = f"{self.base_url}/conversations/{quote(sender, safe='')}/tracker"
        params = {"token": self.token} if self.token else None
        async with self.session.get(url, params=params) as resp:
            if resp.status != 200:
                text = await resp.text()
                raise RuntimeError(f"tracker HTTP {resp.status}: {text[:200]!r}")
            data = await resp.json(content_type=None)
        if not isinstance(data, dict):
            raise RuntimeError("tracker is not a JSON object")
        return data


async def run_screening(
    client: Client,
    sender: str,
    household: Mapping[str, str] = HOUSEHOLD,
    max_turns: int = MAX_TURNS,
) -> ConversationResult:
    """Drive one AnyDoor screening: "hi", then answer each requested slot until the form ends.

    The form counts as started once the tracker shows a requested slot or an active loop; the
    screening is complete when, after that, no slot is requested any more. Reaching
    ``max_turns`` messages, an HTTP error or a tracker error counts as one error and ends the
    conversation.
    """
    result = ConversationResult()
    started = False
    text = "hi"
    try:
        for _turn in range(max_turns):
            latency, _replies = await client.send(sender, text)
            result.latencies_ms.append(latency)
            tracker = await client.tracker(sender)
            slot = requested_slot(tracker)
            loop = active_loop_name(tracker)
            if slot or loop:
                started = True
            if started and slot is None:
                result.completed = True
                return result
            # Before the form starts (e.g. a greeting that asks whether to begin), say yes.
            text = answer_for_slot(slot, household) if slot else "yes"
        result.errors += 1
        result.error_detail.append(f"{sender}: no end of form after {max_turns} turns")
    except (aiohttp.ClientError, asyncio.TimeoutError, RuntimeError, ValueError) as exc:
        result.errors += 1
        result.error_detail.append(f"{sender}: {type(exc).__name__}: {exc}")
    return result


async def run_bare_conversation(
    client: Client, sender: str, messages: Sequence[str]
) -> ConversationResult:
    """Drive one bare-bot conversation of fixed ``messages``, reading the tracker after each.

    The tracker read is untimed and only there so that the bare server handles the same
    request mix as ours.
    """
    result = ConversationResult()
    try:
        for text in messages:
            latency, _replies = await client.send(sender, text)
            result.latencies_ms.append(latency)
            await client.tracker(sender)
        result.completed = True
    except (aiohttp.ClientError, asyncio.TimeoutError, RuntimeError, ValueError) as exc:
        result.errors += 1
        result.error_detail.append(f"{sender}: {type(exc).__name__}: {exc}")
    return result


async def drive(
    base_url: str,
    token: str | None,
    conversations: int,
    concurrency: int,
    bare_message_count: int | None,
    warmup: int,
) -> tuple[list[ConversationResult], float]:
    """Run ``conversations`` conversations, at most ``concurrency`` at a time.

    ``bare_message_count`` None drives AnyDoor screenings; a number drives bare-bot
    conversations of that many messages. ``warmup`` conversations run first, sequentially,
    and are not counted. Returns the results and the wall time in seconds.
    """
    run_id = uuid.uuid4().hex[:8]
    timeout = aiohttp.ClientTimeout(total=REQUEST_TIMEOUT_S)
    connector = aiohttp.TCPConnector(limit=max(concurrency, 1) * 2)
    async with aiohttp.ClientSession(timeout=timeout, connector=connector) as session:
        client = Client(session, base_url, token)

        async def one(sender: str) -> ConversationResult:
            if bare_message_count is None:
                return await run_screening(client, sender)
            return await run_bare_conversation(
                client, sender, bare_messages(bare_message_count)
            )

        for i in range(warmup):
            await one(f"bench-{run_id}-warmup-{i}")

        semaphore = asyncio.Semaphore(max(concurrency, 1))

        async def limited(i: int) -> ConversationResult:
            async with semaphore:
                return await one(f"bench-{run_id}-{i}")

        start = time.perf_counter()
        results = await asyncio.gather(*(limited(i) for i in range(conversations)))
        seconds = time.perf_counter() - start
    return list(results), seconds


# --------------------------------------------------------------------------- processes


def _proc_status_kb(pid: int, key: str) -> int | None:
    """Return a ``kB`` field (``VmRSS``, ``VmHWM``) of /proc/<pid>/status, or ``None``."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return None


def _children(pid: int) -> list[int]:
    """Return the PIDs of all descendants of ``pid`` (Linux /proc)."""
    found: list[int] = []
    stack = [pid]
    while stack:
        current = stack.pop()
        for task in Path(f"/proc/{current}/task").glob("*/children"):
            with contextlib.suppress(OSError, ValueError):
                kids = [int(x) for x in task.read_text().split()]
                found.extend(kids)
                stack.extend(kids)
    return found


def rss_mb(pid: int | None) -> tuple[float | None, float | None]:
    """Return (current RSS, peak RSS of the main process) in MB of ``pid`` and descendants.

    Reads /proc/<pid>/status (VmRSS, VmHWM); psutil is not required.
    """
    if pid is None:
        return None, None
    current = _proc_status_kb(pid, "VmRSS")
    if current is None:
        return None, None
    current += sum(_proc_status_kb(child, "VmRSS") or 0 for child in _children(pid))
    peak = _proc_status_kb(pid, "VmHWM")
    return current / 1024.0, (peak / 1024.0 if peak is not None else None)


def pid_listening_on(port: int) -> int | None:
    """Return the PID of the process listening on TCP ``port`` (via ``ss -ltnp``)."""
    try:
        out = subprocess.run(
            ["ss", "-Hltnp", f"sport = :{port}"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    match = re.search(r"pid=(\d+)", out)
    return int(match.group(1)) if match else None


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def latest_model(directory: Path) -> Path | None:
    """Return the newest ``*.tar.gz`` model under ``directory/models``, or ``None``."""
    models = sorted((directory / "models").glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)
    return models[-1] if models else None


def _rasa_env() -> dict[str, str]:
    """Return the environment for Rasa subprocesses (telemetry off)."""
    env = dict(os.environ)
    env["RASA_TELEMETRY_ENABLED"] = "false"
    return env


def ensure_bare_model(directory: Path = BARE_DIR) -> Path:
    """Create and train the bare ``rasa init`` project in ``directory`` unless a model exists."""
    model = latest_model(directory)
    if model is not None:
        log(f"bare bot: using existing model {model.relative_to(REPO_ROOT)}")
        return model
    directory.mkdir(parents=True, exist_ok=True)
    log_path = directory / "rasa-init.log"
    log(f"bare bot: rasa init + training in {directory} (takes about a minute or two) ...")
    start = time.perf_counter()
    with open(log_path, "w", encoding="utf-8") as logf:
        proc = subprocess.run(
            [str(VENV_BIN / "rasa"), "init", "--no-prompt", "--init-dir", str(directory)],
            cwd=directory,
            stdout=logf,
            stderr=subprocess.STDOUT,
            env=_rasa_env(),
            check=False,
        )
    log(f"bare bot: rasa init finished in {time.perf_counter() - start:.0f} s")
    model = latest_model(directory)
    if proc.returncode != 0 or model is None:
        raise RuntimeError(
            f"rasa init failed (exit {proc.returncode}); see {log_path}\n" + tail(log_path)
        )
    return model


def tail(path: Path, lines: int = 20) -> str:
    """Return the last ``lines`` lines of a text file (empty when unreadable)."""
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


class BareServer:
    """Context manager running ``rasa run`` for the bare bot on a free local port."""

    def __init__(self, model: Path, directory: Path = BARE_DIR):
        """Prepare to serve ``model`` from ``directory``."""
        self.model = model
        self.directory = directory
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = directory / "rasa-run.log"
        self.proc: subprocess.Popen[bytes] | None = None
        self._log: Any = None

    def __enter__(self) -> BareServer:
        """Start the server and wait until it answers; stop it again on failure."""
        cmd = [
            str(VENV_BIN / "rasa"),
            "run",
            "--enable-api",
            "--port",
            str(self.port),
            "-i",
            "127.0.0.1",
            "--model",
            str(self.model),
        ]
        self._log = open(self.log_path, "w", encoding="utf-8")  # noqa: SIM115
        # Own session: a Ctrl-C in the terminal reaches only us; we stop the server ourselves.
        self.proc = subprocess.Popen(
            cmd,
            cwd=self.directory,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            env=_rasa_env(),
            start_new_session=True,
        )
        try:
            self._wait_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        """Stop the server."""
        self.stop()

    def _wait_ready(self) -> None:
        """Poll ``/status`` (then ``/``) until the server answers or the timeout passes."""
        import requests

        assert self.proc is not None
        log(f"bare bot: starting rasa run on port {self.port} (pid {self.proc.pid}) ...")
        start = time.perf_counter()
        deadline = time.monotonic() + SERVER_START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(
                    f"bare rasa run exited with {self.proc.returncode}; see {self.log_path}\n"
                    + tail(self.log_path)
                )
            for path in ("/status", "/"):
                with contextlib.suppress(requests.RequestException):
                    if requests.get(self.url + path, timeout=2).status_code == 200:
                        log(f"bare bot: ready after {time.perf_counter() - start:.0f} s")
                        return
            time.sleep(1.0)
        raise RuntimeError(
            f"bare rasa run not ready after {SERVER_START_TIMEOUT_S:.0f} s; see {self.log_path}"
        )

    def stop(self) -> None:
        """SIGTERM the server, SIGKILL it after a grace period; idempotent."""
        proc = self.proc
        if proc is not None and proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=SERVER_STOP_GRACE_S)
            except subprocess.TimeoutExpired:
                log("bare bot: server ignored SIGTERM, killing it")
                with contextlib.suppress(ProcessLookupError):
                    proc.kill()
                proc.wait()
        if self._log is not None:
            self._log.close()
            self._log = None
        self.proc = None


# --------------------------------------------------------------------------- output


def log(message: str) -> None:
    """Print a progress line to stderr (stdout carries only the results)."""
    print(message, file=sys.stderr, flush=True)


def _cell(value: float | int | None, digits: int = 0) -> str:
    """Format a number for the table, ``-`` when missing."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return f"{value:.{digits}f}"


def format_table(rows: Sequence[RunStats]) -> str:
    """Return the result table, with a ratio row when exactly two runs are given."""
    header = ["conversations", "messages", "msg/s", "p50 ms", "p95 ms", "p99 ms", "errors",
              "RSS MB"]
    widths = [13, 9, 7, 7, 7, 7, 7, 7]
    label_width = max([len(r.label) for r in rows] + [len("ratio AnyDoor/bare")]) + 1

    def line(label: str, cells: Sequence[str]) -> str:
        padded = (c.rjust(w + 2) for c, w in zip(cells, widths, strict=True))
        return label.ljust(label_width) + "".join(padded)

    out = [line("", header)]
    for r in rows:
        out.append(line(r.label, [
            str(r.conversations), str(r.messages), _cell(r.msg_per_s, 1), _cell(r.p50_ms),
            _cell(r.p95_ms), _cell(r.p99_ms), str(r.errors), _cell(r.rss_mb),
        ]))
    if len(rows) == 2:
        ours, bare = rows
        out.append(line("ratio AnyDoor/bare", [
            "", "", _cell(ratio(ours.msg_per_s, bare.msg_per_s), 2),
            _cell(ratio(ours.p50_ms, bare.p50_ms), 2), _cell(ratio(ours.p95_ms, bare.p95_ms), 2),
            _cell(ratio(ours.p99_ms, bare.p99_ms), 2), "",
            _cell(ratio(ours.rss_mb, bare.rss_mb), 2),
        ]))
    return "\n".join(out)


def _jsonable(value: Any) -> Any:
    """Replace NaN floats by ``None`` recursively so the output is strict JSON."""
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value


# --------------------------------------------------------------------------- main


def default_token() -> str | None:
    """Return the AnyDoor API token from ``ANYDOOR_API_TOKEN`` or ``var/api_token``."""
    token = os.environ.get("ANYDOOR_API_TOKEN")
    if token:
        return token.strip()
    path = REPO_ROOT / "var" / "api_token"
    with contextlib.suppress(OSError):
        return path.read_text(encoding="utf-8").strip() or None
    return None


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Parse command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rasa-url", default="http://127.0.0.1:5005",
                        help="AnyDoor Rasa server (default: %(default)s)")
    parser.add_argument("--token", default=None,
                        help="Rasa HTTP API token (default: $ANYDOOR_API_TOKEN, "
                             "else the file var/api_token)")
    parser.add_argument("--rasa-pid", type=int, default=None,
                        help="PID of the AnyDoor Rasa server for RSS "
                             "(default: the process listening on the --rasa-url port)")
    parser.add_argument("-n", "--conversations", type=int, default=20,
                        help="conversations per bot (default: %(default)s)")
    parser.add_argument("-c", "--concurrency", type=int, default=5,
                        help="conversations in flight at once (default: %(default)s)")
    parser.add_argument("--warmup", type=int, default=1,
                        help="uncounted warm-up conversations per bot (default: %(default)s)")
    parser.add_argument("--bare-messages", type=int, default=8,
                        help="messages per bare conversation when AnyDoor is not run "
                             "(default: %(default)s; otherwise AnyDoor's average)")
    parser.add_argument("--ours", action=argparse.BooleanOptionalAction, default=True,
                        help="benchmark the AnyDoor server (default: on)")
    parser.add_argument("--bare", action=argparse.BooleanOptionalAction, default=True,
                        help="benchmark a bare `rasa init` bot too (default: on)")
    parser.add_argument("--json", action="store_true",
                        help="also print one machine-readable JSON line")
    args = parser.parse_args(argv)
    if not args.ours and not args.bare:
        parser.error("nothing to do: both --no-ours and --no-bare")
    if args.conversations < 1 or args.concurrency < 1:
        parser.error("--conversations and --concurrency must be at least 1")
    if args.token is None:
        args.token = default_token()
    return args


def bench_ours(args: argparse.Namespace) -> RunStats:
    """Benchmark the AnyDoor Rasa server at ``--rasa-url``."""
    import requests

    try:
        requests.get(args.rasa_url.rstrip("/") + "/", timeout=5)
    except requests.RequestException as exc:
        raise RuntimeError(
            f"AnyDoor Rasa server not reachable at {args.rasa_url} (is `make run` up?): {exc}"
        ) from exc
    port = urlsplit(args.rasa_url).port or 5005
    pid = args.rasa_pid or pid_listening_on(port)
    if pid is None:
        log(f"AnyDoor: no PID found listening on port {port}; RSS not measured")
    if not args.token:
        log("AnyDoor: no API token ($ANYDOOR_API_TOKEN or var/api_token); tracker reads may fail")
    log(f"AnyDoor: {args.conversations} screenings, concurrency {args.concurrency} "
        f"against {args.rasa_url} ...")
    results, seconds = asyncio.run(
        drive(args.rasa_url, args.token, args.conversations, args.concurrency, None, args.warmup)
    )
    current, peak = rss_mb(pid)
    return RunStats.from_results("AnyDoor", results, seconds, current, peak)


def bench_bare(args: argparse.Namespace, messages_per_conversation: int) -> RunStats:
    """Create/train (once), start, benchmark and stop the bare ``rasa init`` bot."""
    model = ensure_bare_model()
    with BareServer(model) as server:
        assert server.proc is not None
        log(f"bare bot: {args.conversations} conversations of {messages_per_conversation} "
            f"messages, concurrency {args.concurrency} ...")
        results, seconds = asyncio.run(
            drive(server.url, None, args.conversations, args.concurrency,
                  messages_per_conversation, args.warmup)
        )
        current, peak = rss_mb(server.proc.pid)
    return RunStats.from_results("bare rasa init", results, seconds, current, peak)


def _raise_keyboard_interrupt(signum: int, frame: object) -> None:
    """Turn SIGTERM into KeyboardInterrupt so cleanup (server stop) runs."""
    raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; return the process exit code (1 when any error was counted)."""
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)
    signal.signal(signal.SIGINT, signal.default_int_handler)  # even if started with SIGINT ignored
    rows: list[RunStats] = []
    try:
        if args.ours:
            rows.append(bench_ours(args))
        if args.bare:
            per_conv = args.bare_messages
            if rows and rows[0].messages:
                per_conv = max(1, round(rows[0].messages / rows[0].conversations))
            rows.append(bench_bare(args, per_conv))
    except KeyboardInterrupt:
        log("interrupted")
        return 130
    except RuntimeError as exc:
        log(f"error: {exc}")
        return 2
    print(format_table(rows))
    for row in rows:
        for sample in row.error_samples:
            log(f"{row.label} error: {sample}")
    if args.json:
        payload: dict[str, Any] = {"conversations": args.conversations,
                                   "concurrency": args.concurrency}
        for row in rows:
            key = "ours" if row.label == "AnyDoor" else "bare"
            payload[key] = asdict(row)
        if len(rows) == 2:
            payload["ratio"] = {
                k: ratio(getattr(rows[0], k), getattr(rows[1], k))
                for k in ("msg_per_s", "p50_ms", "p95_ms", "p99_ms", "rss_mb")
            }
        print(json.dumps(_jsonable(payload), sort_keys=True))
    return 1 if any(r.errors for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
