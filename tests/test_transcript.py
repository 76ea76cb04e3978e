"""What staff read about a conversation, from Rasa's tracker JSON."""

from __future__ import annotations

from bot.transcript import (
    is_paused,
    latest_input_channel,
    lines,
    question_held_at_pause,
    summarize,
)

TRACKER = {
    "slots": {
        "language": None,
        "zip_code": "94110",
        "county": "San Francisco",
        "member_ages": [34, 6],
        "pregnant": False,
        "disability": "unknown",
        "monthly_income": 2100,
        "earned_income": True,
        "housing_cost": None,
        "requested_slot": None,
    },
    "events": [
        {"event": "user", "text": "hola", "timestamp": 1764612000.0, "input_channel": "rest"},
        {"event": "bot", "text": "¡Hola!", "timestamp": 1764612001.0},
        {"event": "user", "text": "1200", "timestamp": 1764612002.0, "input_channel": "twilio_sms"},
        {"event": "action", "name": "action_show_result"},
        {"event": "bot", "text": "CalFresh: puede recibir unos $263 al mes.", "timestamp": 3.0},
        {"event": "bot", "text": "Medi-Cal: puede calificar.", "timestamp": 4.0},
        {"event": "action", "name": "utter_menu"},
        {"event": "user", "text": "agente", "timestamp": 5.0, "input_channel": "twilio_sms"},
        {"event": "pause"},
        {
            "event": "bot",
            "text": "Hola, soy Ana del 211.",
            "metadata": {"from": "staff"},
            "timestamp": 6.0,
        },
    ],
}


def test_the_summary_lists_the_answers_given_in_the_order_asked() -> None:
    assert summarize(TRACKER).answers == [
        ("ZIP code", "94110"),
        ("County", "San Francisco"),
        ("Ages in the household", "34, 6"),
        ("Anyone pregnant", "no"),
        ("Anyone with a disability", "not sure / skipped"),
        ("Income a month, before taxes", "$2,100"),
        ("Some income from work", "yes"),
    ]


def test_the_summary_quotes_the_result_messages() -> None:
    assert summarize(TRACKER).results == [
        "CalFresh: puede recibir unos $263 al mes.",
        "Medi-Cal: puede calificar.",
    ]


def test_a_spanish_speaker_needs_no_language_notice_but_a_korean_speaker_does() -> None:
    spanish = summarize(TRACKER)
    assert (spanish.language, spanish.language_name) == ("es", "Spanish")
    assert not spanish.staff_language_differs
    korean = summarize({**TRACKER, "slots": {**TRACKER["slots"], "language": "ko"}})
    assert korean.language_name == "Korean" and korean.staff_language_differs


def test_replies_go_to_the_channel_of_the_latest_message() -> None:
    assert latest_input_channel(TRACKER) == "twilio_sms"


def test_the_transcript_marks_staff_messages() -> None:
    speakers = [(line.speaker, line.text) for line in lines(TRACKER)]
    assert speakers[0] == ("person", "hola")
    assert speakers[-1] == ("staff", "Hola, soy Ana del 211.")
    assert ("bot", "¡Hola!") in speakers


def test_a_pause_means_staff_took_over_until_a_resume() -> None:
    assert is_paused(TRACKER)
    resumed = {**TRACKER, "events": [*TRACKER["events"], {"event": "resume"}]}
    assert not is_paused(resumed)


def test_the_question_pending_at_the_latest_pause_is_held_for_the_hand_back() -> None:
    def slot(value: str | None) -> dict[str, object]:
        return {"event": "slot", "name": "requested_slot", "value": value}

    events = [slot("zip_code"), slot("member_ages"), {"event": "pause"}, slot(None)]
    assert question_held_at_pause({"events": events}) == "member_ages"
    handed_back = [*events, {"event": "resume"}, slot("member_ages"), slot("pregnant")]
    assert question_held_at_pause({"events": [*handed_back, {"event": "pause"}, slot(None)]}) == (
        "pregnant"
    )
    assert question_held_at_pause({"events": [slot(None), {"event": "pause"}]}) is None
    assert question_held_at_pause({"events": [*events, {"event": "restart"}]}) is None


def test_a_pressed_button_shows_as_the_title_the_person_saw() -> None:
    tracker = {
        "events": [
            {
                "event": "bot",
                "text": "What would change in your home?",
                "data": {"buttons": [{"title": "Someone moves in", "payload": "/what_if_in"}]},
            },
            {"event": "user", "text": "/what_if_in"},
            {"event": "bot", "text": "How old is the person moving in?"},
            {"event": "user", "text": "/what_if_in"},  # typed later, no button shown: as typed
        ]
    }
    assert [line.text for line in lines(tracker) if line.speaker == "person"] == [
        "[Someone moves in]",
        "/what_if_in",
    ]
