"""The tokenizer keeps Chinese and Korean words that Rasa's WhitespaceTokenizer drops."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from nlu_components.cjk_tokenizer import CjkTokenizer


def tokens(text: str) -> list[str]:
    tokenizer = CjkTokenizer(CjkTokenizer.get_default_config())
    return [token.text for token in tokenizer.tokenize(Message(data={"text": text}), "text")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hello 你好", ["hello", "你", "好"]),
        ("我想申请calfresh", ["我", "想", "申", "请", "calfresh"]),
        ("我40 三个孩子", ["我", "40", "三", "个", "孩", "子"]),
        ("唔該晒!", ["唔", "該", "晒"]),
        ("한국어로 해주세요", ["한국어로", "해주세요"]),
        ("español로 바꿔줘", ["español로", "바꿔줘"]),
        ("땡큐 po", ["땡큐", "po"]),
        ("ok po 👍", ["ok", "po"]),
        ("$15 an hour, 20 hours", ["$15", "an", "hour", "20", "hours"]),
    ],
)
def test_chinese_is_cut_into_characters_and_other_words_are_kept(
    text: str, expected: list[str]
) -> None:
    assert tokens(text) == expected


def test_a_message_of_only_punctuation_or_emoji_is_one_token() -> None:
    assert tokens("??") == ["??"]
    assert tokens("👍") == ["👍"]


def test_token_offsets_point_into_the_message() -> None:
    tokenizer = CjkTokenizer(CjkTokenizer.get_default_config())
    text = "hi 我想 ok"
    for token in tokenizer.tokenize(Message(data={"text": text}), "text"):
        assert text[token.start : token.end] == token.text
