"""Who may answer a conversation in the staff console."""

from __future__ import annotations

from bot.staff import AGENT, SUPERVISOR, may_answer


def test_only_the_agent_holding_a_conversation_answers_it_unless_a_supervisor_steps_in() -> None:
    assert may_answer(AGENT, 7, None)  # nobody holds it yet
    assert may_answer(AGENT, 7, 7)
    assert not may_answer(AGENT, 8, 7)
    assert may_answer(SUPERVISOR, 9, 7)
