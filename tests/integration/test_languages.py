"""A full screening in each language through the REST webhook: every reply in the person's
language, and the right result. Expected replies are the catalogs' own renderings."""

from __future__ import annotations

import pytest

from bot.i18n import render
from bot.language import detect
from tests.integration.conftest import Chat

# (language, the person's messages: a greeting, then one answer per question)
SCREENINGS = [
    ("en", ["hello", "94110", "me 34 and my son 6", "no", "no", "2100 a month", "yes", "1200"]),
    ("es", ["hola, necesito ayuda", "94110", "yo 34 y mi hijo 6", "no", "no", "2100 al mes",
            "sí", "1200"]),
    ("zh", ["你好，我需要帮助", "94110", "我34岁，儿子6岁", "没有", "没有", "每月2100", "是",
            "1200"]),
    ("zh_Hant", ["您好，我需要幫助", "94110", "我34歲，兒子6歲", "沒有", "沒有", "每月2100",
                 "是", "1200"]),
    ("vi", ["xin chào, tôi cần giúp đỡ", "94110", "tôi 34 tuổi, con 6 tuổi", "không", "không",
            "2100 một tháng", "có", "1200"]),
    ("tl", ["kumusta po, kailangan ko ng tulong", "94110", "ako 34, anak ko 6", "hindi",
            "wala", "2100 kada buwan", "oo", "1200"]),
    ("ko", ["안녕하세요, 도움이 필요해요", "94110", "저 34살, 아들 6살", "아니요", "없어요",
            "한 달에 2100", "네", "1200"]),
]


SLOTS = ("zip_code", "member_ages", "pregnant", "disability", "monthly_income", "earned_income",
         "housing_cost")


def say(message_id: str, language: str, **args: object) -> str:
    return render(message_id, language, args).text


@pytest.mark.parametrize(("language", "messages"), SCREENINGS, ids=[s[0] for s in SCREENINGS])
def test_a_full_screening_in_the_persons_language(
    chat: Chat, language: str, messages: list[str]
) -> None:
    replies: list[str] = []
    for message in messages:
        replies += [str(reply["text"]) for reply in chat(message)]
    assert replies[:2] == [say("utter_greet", language), say("utter_ask_zip_code", language)]
    also = ["program_school_meals", "program_sun_bucks", "program_lifeline", "program_care",
            "program_tax_credits"]
    assert replies[-6:] == [
        say("result_intro", language),
        say("result_calfresh_likely", language, low_usd=263, high_usd=353),
        say("result_medi_cal_likely_everyone", language),
        say("next_apply_county", language, county="San Francisco County"),
        say("result_also", language, programs_list=also),
        say("utter_menu", language),
    ]
    retries = {render(f"utter_ask_{slot}", language, variant="retry").text for slot in SLOTS}
    assert not retries.intersection(replies), "an answer was not understood"
    for reply in replies:  # none in another language
        found = detect(reply)
        assert found is None or found[1] == "weak" or found[0] == language, reply
    asked = [say(f"utter_ask_{slot}", language) for slot in SLOTS[1:]]
    assert [reply for reply in replies if reply in asked] == asked


def test_switching_language_keeps_every_answer(chat: Chat) -> None:
    chat("hi")
    chat("94110")
    chat("34, 6")
    switched = [str(reply["text"]) for reply in chat("español")]
    assert switched == [say("utter_language_changed", "es"), say("utter_ask_pregnant", "es")]
    replies: list[str] = []
    for answer in ["no", "no", "2100", "sí", "1200"]:
        replies += [str(reply["text"]) for reply in chat(answer)]
    assert say("result_calfresh_likely", "es", low_usd=263, high_usd=353) in replies


def test_lang_offers_every_language_with_its_own_name(chat: Chat) -> None:
    chat("hi")
    menu, question = chat("LANG")  # the menu, then the question it interrupted
    assert menu["text"] == say("utter_language_menu", "en")
    assert question["text"] == say("utter_ask_zip_code", "en")
    titles = [button["title"] for button in menu["buttons"]]  # type: ignore[index]
    assert titles == ["English", "Español", "中文（简体）", "中文（繁體）", "Tiếng Việt",
                      "Tagalog", "한국어"]
    picked = [str(reply["text"]) for reply in chat('/change_language{"language": "ko"}')]
    assert picked == [say("utter_language_changed", "ko"), say("utter_ask_zip_code", "ko")]
