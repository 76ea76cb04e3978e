"""'I don't know' and 'skip' are answers too."""

from __future__ import annotations

import pytest

from bot.parsing import is_dont_know, is_skip


@pytest.mark.parametrize(
    "answer",
    [
        "I don't know",
        "dont know",
        "idk",
        "not sure",
        "no idea",
        "unsure",
        "?",
        "??",
        "I dunno tbh",
        "i don’t know",
        "IDK lol",
    ],
)
def test_dont_know(answer: str) -> None:
    assert is_dont_know(answer)


@pytest.mark.parametrize("answer", ["1200", "yes", "no", "none", "I know", "kidney"])
def test_real_answers_are_not_dont_know(answer: str) -> None:
    assert not is_dont_know(answer)


def test_spanish_dont_know() -> None:
    assert is_dont_know("No sé", lang="es")


@pytest.mark.parametrize(
    "answer",
    [
        "skip",
        "Skip please",
        "pass",
        "next",
        "rather not say",
        "prefer not to say",
        "n/a",
        "N/A.",
        "I'd rather not say",
    ],
)
def test_skip(answer: str) -> None:
    assert is_skip(answer)


@pytest.mark.parametrize("answer", ["bus pass", "next week", "900", "no"])
def test_answers_that_mention_skip_words_are_not_skips(answer: str) -> None:
    assert not is_skip(answer)
