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


def test_dialogue_is_rules_and_forms_only_no_ml_policy() -> None:
    config = yaml.safe_load((ROOT / "config.yml").read_text())
    assert [policy["name"] for policy in config["policies"]] == ["MemoizationPolicy", "RulePolicy"]


def test_the_what_if_questions_yield_to_the_same_interruptions_as_the_screening() -> None:
    domain = yaml.safe_load((ROOT / "domain.yml").read_text())
    screening = set(domain["slots"]["zip_code"]["mappings"][0]["not_intent"])
    for slot in domain["forms"]["what_if_form"]["required_slots"]:
        (mapping,) = domain["slots"][slot]["mappings"]
        assert set(mapping["not_intent"]) == screening, slot
