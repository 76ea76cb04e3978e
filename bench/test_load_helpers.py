"""bench/load.py's pure helpers: step lengths, households, lost and extra messages."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from load import household_for, lost_and_extra, step_seconds  # noqa: E402


def test_a_configuration_shares_its_duration_between_its_steps() -> None:
    assert step_seconds(300, [2, 4, 8, 16]) == 75


def test_each_conversation_has_an_income_of_its_own() -> None:
    assert household_for(3)["monthly_income"] != household_for(4)["monthly_income"]


def test_lost_and_extra_messages_are_counted_as_multisets() -> None:
    assert lost_and_extra(["hi", "no", "no"], ["hi", "no", "no"]) == (0, 0)
    assert lost_and_extra(["hi", "no", "no"], ["hi", "no"]) == (1, 0)
    assert lost_and_extra(["hi"], ["hi", "hi", "94110"]) == (0, 2)


def test_a_process_stat_line_gives_its_name_group_and_cpu_ticks() -> None:
    from cpu import parse_stat

    line = "4242 (rasa (main)) S 1 4240 4240 0 -1 4194560 9 0 0 0 731 69 0 0 20 0 9 0 77"
    assert parse_stat(line) == ("rasa (main)", 4240, 800)


def test_cpu_shares_are_per_part_in_percent_of_one_core(monkeypatch: pytest.MonkeyPatch) -> None:
    import cpu
    from cpu import Process, Snapshot, shares

    monkeypatch.setattr(cpu, "TICKS_PER_SECOND", 100)

    def at(rasa: int, postgres: int, stranger: int, busy: int) -> Snapshot:
        processes = {
            10: Process(10, "python", "", rasa),
            11: Process(10, "python", "", rasa // 2),  # a thread pool's child in its group
            20: Process(20, "postgres", "postgres: postgres anydoor_load_x 127.0.0.1", postgres),
            30: Process(30, "stress", "", stranger),
        }
        return Snapshot(processes, busy)

    # 10 s at 100 ticks/s: 1,000 ticks = one core busy all along.
    used = shares(
        at(0, 0, 0, 0), at(1000, 200, 300, 2000), 10, {10: "rasa-1"}, "anydoor_load_x", me=1
    )
    assert used["rasa-1"] == 150.0  # 1,500 ticks: one core and a half
    assert used["postgres (this run)"] == 20.0
    assert used["machine"] == 200.0
    assert used["other"] == 200.0 - 150.0 - 20.0


def test_the_idle_machine_projection_caps_each_rasa_at_one_core_and_all_at_the_cores() -> None:
    from load import StepStats, idle_machine_msg_per_s

    def step(cpu: dict[str, float]) -> StepStats:
        return StepStats("x", 16, 10, 100, 10.0, 10.0, 1, 1, 1, 0, 0, 0, cpu=cpu)

    # 100 messages in 10 s; rasa 50% of a core = 50 ms a message, the rest 10 ms.
    one = step({"rasa-1": 50.0, "service-1": 10.0, "other": 140.0, "machine": 200.0})
    assert idle_machine_msg_per_s([one], 1, 2) == 20.0  # one Rasa core: 1000 / 50
    two = step({"rasa-1": 25.0, "rasa-2": 25.0, "service-1": 10.0, "other": 140.0})
    assert round(idle_machine_msg_per_s([two, two], 2, 2), 1) == 33.3  # two cores: 2000 / 60
