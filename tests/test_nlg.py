"""The NLG endpoint's rendering of Rasa's requests."""

from __future__ import annotations

from service.nlg import render_request


def request(response: str, slots: dict[str, object] | None = None, **arguments: object) -> dict:
    return {
        "response": response,
        "arguments": arguments,
        "tracker": {"sender_id": "x", "slots": slots or {"language": "en"}},
        "channel": {"name": "rest"},
    }


def test_a_question_is_asked_plainly_the_first_time() -> None:
    text = render_request(request("utter_ask_zip_code")).text
    assert text == "What is your ZIP code? It helps me find your county."


def test_a_misunderstood_answer_is_asked_again_with_an_example() -> None:
    slots = {"language": "en", "retry_slot": "zip_code"}
    assert "like 94110" in render_request(request("utter_ask_zip_code", slots)).text


def test_the_retry_wording_is_only_for_the_question_that_was_misunderstood() -> None:
    slots = {"language": "en", "retry_slot": "zip_code"}
    text = render_request(request("utter_ask_member_ages", slots)).text
    assert text.startswith("How old is each person")


def test_arguments_fill_the_placeholders() -> None:
    rendered = render_request(request("next_apply_county", county="Fresno County"))
    assert "your Fresno County office" in rendered.text


def test_an_unknown_message_gets_a_kind_generic_reply_not_an_error() -> None:
    assert render_request(request("utter_no_such_message")).text.startswith("Sorry")


def test_a_missing_placeholder_gets_a_kind_generic_reply() -> None:
    assert render_request(request("next_apply_county")).text.startswith("Sorry")


def test_an_unknown_language_falls_back_to_english() -> None:
    slots = {"language": "xx"}
    assert render_request(request("utter_goodbye", slots)).text.startswith("Take care")


def test_sms_numbers_the_choices_in_the_text_and_keeps_the_buttons() -> None:
    body = request("utter_menu")
    body["channel"] = {"name": "twilio_sms"}
    rendered = render_request(body)
    assert rendered.text == (
        "What would you like to do next? Reply 1 for Start over, 2 for What else can I ask, "
        "3 for Erase my answers."
    )
    assert [b.payload for b in rendered.buttons] == ["/restart", "/help", "/delete_my_data"]
