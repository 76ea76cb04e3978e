"""Every message exists in every catalog, placeholders survive, and the domain stays in step."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po

from bot.i18n import LOCALES_DIR, render, source_messages

ROOT = Path(__file__).resolve().parents[1]
PLACEHOLDER = re.compile(r"%\((\w+)\)s")
CATALOGS = sorted(LOCALES_DIR.glob("*/LC_MESSAGES/messages.po"))
# Words STYLE.md asks us never to use.
STIGMATIZING = re.compile(
    r"\b(welfare|handout|aid recipient|ineligible|denied|fail(ed|s)?|illegal|alien)\b", re.I
)


def source_entries() -> dict[str, str]:
    """(context -> English text) for every translatable field of messages.yml."""
    entries = {}
    for message_id, message in source_messages().items():
        for field in ("text", "retry"):
            if field in message:
                context = message_id if field == "text" else f"{message_id}.{field}"
                entries[context] = message[field].strip()
    return entries


def test_there_is_an_english_catalog() -> None:
    assert LOCALES_DIR / "en" / "LC_MESSAGES" / "messages.po" in CATALOGS


@pytest.mark.parametrize("catalog", CATALOGS, ids=lambda p: p.parts[-3])
def test_catalog_has_every_message_with_its_placeholders(catalog: Path) -> None:
    language = catalog.parts[-3]
    with catalog.open("rb") as handle:
        po = {(m.context, m.id): m for m in read_po(handle) if m.id}
    for context, text in source_entries().items():
        assert (context, text) in po, f"{language}: missing or outdated {context}"
        translated = po[(context, text)].string
        if language == "en":
            continue  # the source language falls back to the English source text
        assert translated, f"{language}: {context} is not translated"
        if len(text) > 24 and not context.startswith("button_lang_"):
            assert translated != text, f"{language}: {context} is still the English text"
        assert set(PLACEHOLDER.findall(translated)) == set(PLACEHOLDER.findall(text)), context


def test_domain_responses_are_exactly_the_utterances_in_messages_yml() -> None:
    domain = yaml.safe_load((ROOT / "domain.yml").read_text())
    utterances = {key for key in source_messages() if key.startswith("utter_")}
    assert set(domain["responses"]) <= utterances
    for name, variants in domain["responses"].items():
        assert variants == [{"text": name}], f"{name}: domain text must only name the message"


def test_every_form_question_has_an_ask_message_with_a_retry() -> None:
    domain = yaml.safe_load((ROOT / "domain.yml").read_text())
    for slot in domain["forms"]["screening_form"]["required_slots"]:
        assert "retry" in source_messages()[f"utter_ask_{slot}"], slot


@pytest.mark.parametrize("message_id", sorted(source_messages()))
def test_messages_use_respectful_words_and_fit_two_sms(message_id: str) -> None:
    for field in ("text", "retry"):
        text = source_messages()[message_id].get(field, "")
        assert not STIGMATIZING.search(text), f"{message_id}.{field}: {text}"
        assert len(text) <= 306, f"{message_id}.{field} is longer than two SMS segments"


def test_money_is_formatted_for_the_locale() -> None:
    rendered = render("result_calfresh_likely", "en", {"low_usd": 1290, "high_usd": 1300.4})
    assert rendered.text == "CalFresh: you may get about $1,290 to $1,300 a month for food."


def test_buttons_are_rendered_with_their_payloads() -> None:
    rendered = render("utter_ask_pregnant", "en")
    assert [(b.title, b.payload) for b in rendered.buttons] == [("Yes", "/affirm"), ("No", "/deny")]
