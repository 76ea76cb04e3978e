"""Which language a conversation is in."""

from __future__ import annotations

import pytest

from bot.language import conversation_language, detect, named_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("hola", "es"), ("necesito ayuda con comida para mis hijos", "es"),
        ("hi", "en"), ("I need help paying for food", "en"),
        ("你好", "zh"), ("我需要帮助", "zh"), ("我需要幫助", "zh_Hant"), ("謝謝", "zh_Hant"),
        ("xin chào", "vi"), ("tôi cần giúp đỡ", "vi"), ("toi can giup do ve thuc pham", "vi"),
        ("kumusta po", "tl"), ("gusto ko pong mag-apply ng tulong", "tl"),
        ("안녕하세요", "ko"), ("도움이 필요해요", "ko"),
    ],
)
def test_the_first_message_shows_the_language(text: str, language: str) -> None:
    found = detect(text)
    assert found is not None and found[0] == language


@pytest.mark.parametrize("text", ["94110", "34, 6", "/affirm", "", "yes pero solo 2 kids"])
def test_answers_that_show_no_language_detect_nothing(text: str) -> None:
    assert detect(text) is None


def test_a_short_hello_is_only_a_hint_that_a_clear_message_overrides() -> None:
    assert conversation_language(None, ["hi", "저는 40살이고 아이가 둘 있어요"]) == "ko"
    assert conversation_language(None, ["hola", "no", "94110"]) == "es"


def test_a_clear_first_language_is_kept_when_later_messages_mix() -> None:
    texts = ["necesito ayuda con la comida", "I work part time at a store downtown"]
    assert conversation_language(None, texts) == "es"


def test_a_chosen_language_wins_and_nothing_means_english() -> None:
    assert conversation_language("vi", ["hello there my friend"]) == "vi"
    assert conversation_language(None, ["94110"]) == "en"
    assert conversation_language("xx", []) == "en"


@pytest.mark.parametrize(
    ("text", "language"),
    [("español", "es"), ("espanol please", "es"), ("中文", "zh"), ("繁體中文", "zh_Hant"),
     ("tieng viet", "vi"), ("Tiếng Việt", "vi"), ("tagalog po", "tl"), ("한국어", "ko"),
     ("can we talk in english", "en"), ("LANG", None), ("change language", None)],
)
def test_a_message_can_name_the_language_it_wants(text: str, language: str | None) -> None:
    assert named_language(text) == language
