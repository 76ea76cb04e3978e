"""Yes and no as people type them, in SMS and web chat."""

from __future__ import annotations

import pytest

from bot.parsing import parse_yes_no

YES = [
    "yes",
    "y",
    "Yeah",
    "yep",
    "ya",
    "yup",
    "sure",
    "correct",
    "yes she is",
    "i am",
    "/affirm",
    "si",
    "Sí",
    "YES!!",
    "yesss",
    "yess",
    "Yes ma'am",
    "of course",
    "she is",
    "my wife is",
    "👍",
    "yeah she is pregnant",
    "I do",
    "Y.",
    "yea",
    "absolutely",
]
NO = [
    "no",
    "n",
    "nope",
    "nah",
    "not really",
    "no one",
    "nobody",
    "none",
    "no i'm not",
    "/deny",
    "Nooo",
    "No.",
    "i am not",
    "she isn't",
    "not me",
    "nobody is",
    "nah we good",
    "I don't think so",
    "Noone",
    "N",
    "no thanks",
    "never",
]
UNCLEAR = [
    "maybe",
    "idk",
    "not sure",
    "no idea",
    "what?",
    "1200",
    "yes and no",
    "yeah no",
    "hi",
    "",
]


@pytest.mark.parametrize("answer", YES)
def test_yes(answer: str) -> None:
    assert parse_yes_no(answer) is True


@pytest.mark.parametrize("answer", NO)
def test_no(answer: str) -> None:
    assert parse_yes_no(answer) is False


@pytest.mark.parametrize("answer", UNCLEAR)
def test_unclear_answers_are_none(answer: str) -> None:
    assert parse_yes_no(answer) is None


@pytest.mark.parametrize(
    ("answer", "meaning"),
    [("sí", True), ("claro", True), ("no", False), ("nadie", False), ("no sé", None)],
)
def test_spanish(answer: str, meaning: bool | None) -> None:
    assert parse_yes_no(answer, lang="es") is meaning
