"""Where the CPU goes during a load step: per process, from /proc (Linux), no psutil.

`snapshot()` reads every process's user + system CPU time and the machine's busy time;
`shares(before, after, seconds, groups, ...)` turns two snapshots into percent of one core
per named part: each of our processes (by process group: the stack starts every replica
and balancer in a session of its own), the load generator (this process), PostgreSQL
backends of this run's database and the rest of PostgreSQL, Redis, and everything else on
the machine (other people's work). 100 means one core busy the whole step.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

PROC = Path("/proc")
TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


@dataclass(frozen=True)
class Process:
    """One process at one moment: its group, name, command line and CPU ticks so far."""

    pgid: int
    name: str
    command: str
    ticks: int


@dataclass(frozen=True)
class Snapshot:
    """Every process's CPU ticks and the machine's busy ticks at one moment."""

    processes: dict[int, Process]
    busy_ticks: int


def parse_stat(text: str) -> tuple[str, int, int]:
    """(name, process group, user + system ticks) from a /proc/<pid>/stat line."""
    name = text[text.index("(") + 1 : text.rindex(")")]
    fields = text[text.rindex(")") + 2 :].split()
    # After the name: state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt
    # utime stime (proc(5), fields 3-15).
    return name, int(fields[2]), int(fields[11]) + int(fields[12])


def busy_ticks(stat_line: str) -> int:
    """The machine's busy ticks from /proc/stat's first line (all but idle and iowait)."""
    values = [int(v) for v in stat_line.split()[1:9]]
    return sum(values) - values[3] - values[4]


def snapshot() -> Snapshot:
    """Now: every process's CPU ticks (those that vanish while read are skipped)."""
    processes = {}
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            name, pgid, ticks = parse_stat((entry / "stat").read_text())
            command = ""
            if name.startswith("postgres"):  # a backend names its database here
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except (OSError, ValueError):
            continue
        processes[int(entry.name)] = Process(pgid, name, command, ticks)
    return Snapshot(processes, busy_ticks((PROC / "stat").read_text().splitlines()[0]))


def part_of(
    pid: int, process: Process, groups: Mapping[int, str], database: str, me: int
) -> str | None:
    """Which named part a process belongs to, or None (someone else's)."""
    if process.pgid in groups:
        return groups[process.pgid]
    if pid == me:
        return "load generator"
    if process.name.startswith("postgres"):
        return "postgres (this run)" if database and database in process.command else "postgres"
    if process.name.startswith("redis-server"):
        return "redis"
    return None


def shares(
    before: Snapshot,
    after: Snapshot,
    seconds: float,
    groups: Mapping[int, str],
    database: str = "",
    me: int | None = None,
) -> dict[str, float]:
    """Percent of one core each part used between two snapshots; "other" is the rest of
    the machine's busy time, "machine" all of it (200 is both cores of two, busy)."""
    me = os.getpid() if me is None else me
    used: dict[str, int] = {}
    for pid, process in after.processes.items():
        part = part_of(pid, process, groups, database, me)
        if part is None:
            continue
        earlier = before.processes.get(pid)
        started = earlier.ticks if earlier is not None and earlier.name == process.name else 0
        used[part] = used.get(part, 0) + max(0, process.ticks - started)
    machine = max(0, after.busy_ticks - before.busy_ticks)
    scale = 100.0 / (TICKS_PER_SECOND * seconds) if seconds > 0 else 0.0
    result = {part: ticks * scale for part, ticks in sorted(used.items())}
    result["other"] = max(0, machine - sum(used.values())) * scale
    result["machine"] = machine * scale
    return result
