"""SMS encoding, segments, composing replies, carrier keywords and numbered replies."""

from __future__ import annotations

import pytest

from bot import sms
from bot.sms import (
    KEYWORDS,
    MAX_SEGMENTS_PER_BODY,
    choice_for_reply,
    compose,
    encoding,
    gsm_friendly,
    keyword,
    segment_count,
)

CHINESE = "你好，我可以帮你找到食物和医疗方面的帮助。"  # 21 characters


# Encoding and segments


def test_plain_english_is_gsm7() -> None:
    assert encoding("Hi! What is your ZIP code? Reply 1 for Yes, 2 for No.") == "GSM-7"


def test_spanish_is_gsm7_only_without_a_and_i_with_accents() -> None:
    assert encoding("¿Niño o señora? Él é") == "GSM-7"  # ñ, ¿, É and é are in the alphabet
    assert encoding("¿Cuántos años tiene?") == "UCS-2"  # á is not


def test_curly_apostrophe_emoji_and_chinese_force_ucs2() -> None:
    assert encoding("You’re all set") == "UCS-2"
    assert encoding("Thanks 👍") == "UCS-2"
    assert encoding(CHINESE) == "UCS-2"


def test_160_gsm7_characters_are_one_segment_and_161_are_two() -> None:
    assert segment_count("a" * 160) == 1
    assert segment_count("a" * 161) == 2


def test_long_gsm7_messages_go_in_parts_of_153() -> None:
    assert segment_count("a" * 306) == 2
    assert segment_count("a" * 307) == 3


def test_70_ucs2_characters_are_one_segment_and_71_are_two() -> None:
    assert segment_count("你" * 70) == 1
    assert segment_count("你" * 71) == 2


def test_a_200_character_chinese_reply_is_3_segments() -> None:
    assert segment_count("你" * 200) == 3


def test_euro_and_brace_count_as_two_septets() -> None:
    assert encoding("€5 {ok}") == "GSM-7"
    assert segment_count("a" * 159 + "€") == 2  # 161 septets
    assert segment_count("a" * 158 + "{") == 1  # 160 septets


def test_an_emoji_forces_ucs2_and_counts_two_units() -> None:
    assert segment_count("a" * 68 + "👍") == 1  # 70 units
    assert segment_count("a" * 69 + "👍") == 2  # 71 units


def test_an_escape_pair_is_never_split_between_parts() -> None:
    # 152 septets then "€" (2) would be 154 in the first part: it moves whole to the second.
    text = "a" * 152 + "€" + "a" * 152
    assert segment_count(text) == 3  # 152 | 2 + 151 | 1


def test_a_surrogate_pair_is_never_split_between_parts() -> None:
    text = "你" * 66 + "👍" + "你" * 66
    assert segment_count(text) == 3  # 66 | 2 + 65 | 1


def test_empty_text_costs_no_segments() -> None:
    assert segment_count("") == 0


# GSM-friendly text


def test_curly_quotes_in_youre_become_gsm7() -> None:
    assert gsm_friendly("You’re ‘in’ “luck”") == "You're 'in' \"luck\""
    assert encoding(gsm_friendly("You’re all set")) == "GSM-7"


def test_dashes_ellipsis_bullets_and_nbsp_become_gsm7() -> None:
    assert gsm_friendly("• CalFresh – food\u00a0help — wait…") == "- CalFresh - food help - wait..."


def test_other_scripts_stay_as_written() -> None:
    assert gsm_friendly(CHINESE) == CHINESE
    assert gsm_friendly("Bạn có thể nhận được") == "Bạn có thể nhận được"


# Composing replies


def test_three_short_english_messages_share_one_body_of_one_segment() -> None:
    bodies = compose(["Hi! I can help.", "It takes 2 minutes.", "What is your ZIP code?"])
    assert bodies == ["Hi! I can help.\nIt takes 2 minutes.\nWhat is your ZIP code?"]
    assert segment_count(bodies[0]) == 1


def test_messages_keep_their_order() -> None:
    messages = [f"Message {n}. " + "x" * 150 for n in range(5)]
    bodies = compose(messages)
    assert "\n".join(bodies).replace("\n", " ") == " ".join(m.strip() for m in messages)


def test_empty_and_blank_messages_never_become_a_body() -> None:
    assert compose(["", "  ", "\n"]) == []
    assert compose(["", "Hi", " "]) == ["Hi"]


def test_two_messages_that_cost_two_segments_either_way_share_one_body() -> None:
    first, second = "a" * 100, "b" * 100
    assert compose([first, second]) == [f"{first}\n{second}"]  # 201 septets: 2 segments


def test_two_nearly_full_messages_stay_apart() -> None:
    first, second = "a" * 155, "b" * 155
    assert compose([first, second]) == [first, second]  # 1 + 1, not 311 septets in 3


def test_a_chinese_message_stays_apart_from_long_english_ones() -> None:
    english_1, english_2 = "a" * 150, "b" * 150
    bodies = compose([english_1, CHINESE, english_2])
    # Apart: 1 + 1 + 1 segments. With the Chinese, an English message would be UCS-2: 3 more.
    assert bodies == [english_1, CHINESE, english_2]


def test_a_short_english_greeting_joins_a_short_chinese_message() -> None:
    assert compose(["Hi!", CHINESE]) == [f"Hi!\n{CHINESE}"]  # 25 units: 1 segment, not 2


def test_typographic_characters_are_made_gsm7_before_composing() -> None:
    assert compose(["You’re all set…"]) == ["You're all set..."]


def test_a_2000_character_message_is_cut_at_spaces_into_bodies_of_at_most_1600() -> None:
    words = [f"word{n:03d}" for n in range(250)]  # 250 words of 7 characters
    message = " ".join(words)
    assert len(message) == 1999
    bodies = compose([message])
    assert len(bodies) > 1
    assert all(len(body) <= 1600 for body in bodies)
    assert all(segment_count(body) <= MAX_SEGMENTS_PER_BODY for body in bodies)
    assert [word for body in bodies for word in body.split()] == words


def test_a_long_message_respects_a_smaller_character_limit() -> None:
    bodies = compose(["one two three four five six"], max_chars=10)
    assert bodies == ["one two", "three four", "five six"]


def test_a_word_longer_than_a_body_is_cut_where_the_body_is_full() -> None:
    bodies = compose(["see https://example.org/" + "x" * 30], max_chars=20)
    assert bodies == ["see", "https://example.org/", "x" * 20, "x" * 10]


def test_a_long_chinese_message_is_cut_at_ten_segments() -> None:
    bodies = compose(["你" * 1000])
    assert [len(body) for body in bodies] == [670, 330]  # 10 parts of 67, then the rest


def test_the_rest_of_a_cut_message_can_share_a_body_with_the_next_one() -> None:
    bodies = compose(["aaa bbb ccc", "dd"], max_chars=8)
    assert bodies == ["aaa bbb", "ccc\ndd"]


# Carrier keywords


@pytest.mark.parametrize(
    ("language", "family"),
    [(language, family) for language in KEYWORDS for family in ("stop", "help")],
)
def test_every_language_has_stop_and_help_words_that_are_recognized(
    language: str, family: str
) -> None:
    words = KEYWORDS[language][family]
    assert words
    assert all(keyword(word) == family for word in words)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("STOP", "stop"),
        ("stop", "stop"),
        ("Stop.", "stop"),
        ("  Stop!! ", "stop"),
        ("¡Alto!", "stop"),
        ("Para", "stop"),
        ("停止。", "stop"),
        ("dừng", "stop"),
        ("Dung", "stop"),
        ("Hủy", "stop"),
        ("huy", "stop"),
        ("Tigil", "stop"),
        ("그만", "stop"),
        ("Unstop", "start"),
        ("iniciar", "start"),
        ("bắt đầu", "start"),
        ("BAT DAU", "start"),
        ("开始", "start"),
        ("시작", "start"),
        ("Info", "help"),
        ("¿Ayuda?", "help"),
        ("giup", "help"),
        ("幫助", "help"),
        ("도움말", "help"),
        ("Delete", "delete"),
        ("borrar", "delete"),
        ("Xóa", "delete"),
        ("xoa", "delete"),
        ("Burahin", "delete"),
        ("刪除", "delete"),
        ("삭제", "delete"),
    ],
)
def test_keywords_ignore_case_accents_and_punctuation(text: str, expected: str) -> None:
    assert keyword(text) == expected


@pytest.mark.parametrize(
    "text",
    ["stop please", "please stop", "I want to stop", "help me", "stopp", "yes", "sí", "", "  "],
)
def test_only_the_whole_message_is_a_keyword(text: str) -> None:
    assert keyword(text) is None


def test_every_keyword_in_the_tables_is_recognized_as_its_own_family() -> None:
    # A word listed in two families (after folding) would fail here for one of them.
    for families in KEYWORDS.values():
        for family, words in families.items():
            assert [keyword(word) for word in words] == [family] * len(words)


def test_yes_in_every_language_is_kept_apart_from_the_keywords() -> None:
    assert {"yes", "si", "sí", "是", "có", "oo", "예"} == sms.OPT_IN_YES
    assert all(keyword(word) is None for word in sms.OPT_IN_YES)


# Numbered replies


@pytest.mark.parametrize(
    ("text", "index"),
    [
        ("1", 0),
        (" 2 ", 1),
        ("2.", 1),
        ("#2", 1),
        ("option 2", 1),
        ("Option 3", 2),
        ("２", 1),
        ("３.", 2),
    ],
)
def test_a_numbered_reply_picks_that_choice(text: str, index: int) -> None:
    assert choice_for_reply(text, 3) == index


@pytest.mark.parametrize("text", ["0", "4", "12", "-1", "2 kids", "two", "", "1.5", "option"])
def test_a_reply_that_is_not_a_listed_number_picks_nothing(text: str) -> None:
    assert choice_for_reply(text, 3) is None
