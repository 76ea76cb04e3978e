"""Messages in the person's language: Babel catalogs, locale per conversation, CLDR formats."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from babel import Locale, UnknownLocaleError
from babel.lists import format_list
from babel.numbers import format_currency
from babel.support import NullTranslations, Translations

MESSAGES_FILE = Path(__file__).with_name("messages.yml")
LOCALES_DIR = Path(__file__).resolve().parents[2] / "locales"
SOURCE_LANGUAGE = "en"
MONEY_SUFFIX = "_usd"
# Arguments ending in _list are lists of message ids, said as the locale joins a list.
LIST_SUFFIX = "_list"
# Formats as used in the United States, where CLDR has them.
US_LOCALES = {"en": "en_US", "es": "es_US"}


@dataclass(frozen=True)
class Button:
    """A quick reply: what the person sees, and what it sends back."""

    title: str
    payload: str


@dataclass(frozen=True)
class Rendered:
    """One bot message, ready for a channel."""

    text: str
    buttons: tuple[Button, ...] = ()


class UnknownMessage(KeyError):
    """A message id that is not in messages.yml."""


@lru_cache(maxsize=1)
def source_messages() -> dict[str, dict[str, Any]]:
    """The English source messages, keyed by message id."""
    with MESSAGES_FILE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@lru_cache(maxsize=32)
def translations(language: str) -> NullTranslations:
    """The compiled catalog for a language; English falls back to the source text."""
    if language == SOURCE_LANGUAGE:
        return NullTranslations()
    return Translations.load(str(LOCALES_DIR), [language], domain="messages")


@lru_cache(maxsize=32)
def locale_for(language: str) -> Locale:
    """The CLDR locale for a conversation language (US conventions for English)."""
    try:
        return Locale.parse(US_LOCALES.get(language, language))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en_US")


def format_money(amount: float, language: str) -> str:
    """Whole dollars in the locale's digits and grouping, with the "$" people in the US use
    (CLDR writes "US$" outside the US): $1,200 in English, $1.200 in Vietnamese."""
    formatted = format_currency(
        round(amount), "USD", format="¤#,##0", locale=locale_for(language), currency_digits=False
    )
    return formatted.replace("US$", "$")


def format_money_range(low: float, high: float, language: str) -> str:
    """A monthly range as the locale writes it ("$263 to $353"), or one amount when both ends
    are the same dollar."""
    if round(low) == round(high):
        return format_money(low, language)
    return render("money_range", language, {"low_usd": low, "high_usd": high}).text


def _format_arg(key: str, value: Any, language: str) -> Any:
    if key.endswith(LIST_SUFFIX) and isinstance(value, list | tuple):
        names = [gettext(str(message_id), language) for message_id in value]
        return format_list(names, locale=locale_for(language))
    if not key.endswith(MONEY_SUFFIX):
        return value
    if isinstance(value, int | float):
        return format_money(value, language)
    if isinstance(value, list | tuple) and len(value) == 2:  # a (low, high) range
        return format_money_range(value[0], value[1], language)
    return value


def _format_args(args: dict[str, Any], language: str) -> dict[str, Any]:
    return {key: _format_arg(key, value, language) for key, value in args.items()}


def gettext(message_id: str, language: str, field: str = "text") -> str:
    """The raw (unformatted) text of one field of a message, translated."""
    message = source_messages().get(message_id)
    if message is None or field not in message:
        raise UnknownMessage(f"{message_id}.{field}")
    context = message_id if field == "text" else f"{message_id}.{field}"
    return str(translations(language).pgettext(context, message[field].strip()))


def render(
    message_id: str, language: str, args: dict[str, Any] | None = None, variant: str = "text"
) -> Rendered:
    """Render a message with its buttons in `language`; `variant` picks e.g. the retry wording."""
    message = source_messages().get(message_id)
    if message is None:
        raise UnknownMessage(message_id)
    field = variant if variant in message else "text"
    text = gettext(message_id, language, field)
    if "%(" in text:
        text = text % _format_args(args or {}, language)
    buttons = tuple(
        Button(title=gettext(button_id, language), payload=source_messages()[button_id]["payload"])
        for button_id in message.get("buttons", ())
    )
    return Rendered(text=text, buttons=buttons)


def numbered_choices(rendered: Rendered, language: str) -> Rendered:
    """For channels without buttons (SMS): "... Reply 1 for Yes, 2 for No." Buttons stay,
    so a digit reply can be mapped back to its payload."""
    if not rendered.buttons:
        return rendered
    choices = ", ".join(
        render("sms_choice", language, {"number": number, "title": button.title}).text
        for number, button in enumerate(rendered.buttons, start=1)
    )
    hint = render("sms_reply", language, {"choices": choices}).text
    return Rendered(text=f"{rendered.text} {hint}", buttons=rendered.buttons)
