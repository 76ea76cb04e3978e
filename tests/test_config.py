"""The model's configuration stays in step with the domain."""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def test_the_interruption_gate_guards_exactly_the_intents_that_interrupt_the_screening() -> None:
    config = yaml.safe_load((ROOT / "config.yml").read_text())
    domain = yaml.safe_load((ROOT / "domain.yml").read_text())
    (gate,) = [c for c in config["pipeline"] if c["name"].endswith("InterruptionGate")]
    for slot in domain["forms"]["screening_form"]["required_slots"]:
        (mapping,) = domain["slots"][slot]["mappings"]
        assert set(mapping["not_intent"]) == set(gate["intents"]), slot
