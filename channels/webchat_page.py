"""The web chat as a plain HTML page, for phones without JavaScript (the widget's <noscript>).

A form posts each message; the answer is a redirect back to the page (so a reload never sends
it twice), which shows the conversation from the tracker. The session is a cookie here, first
party because the person opened this page. Every word comes from the catalogs.
"""

from __future__ import annotations

from html import escape
from typing import Any

from service.widget import labels_for

STYLE = (
    "body{margin:0 auto;max-width:40rem;padding:.75rem;font:1rem/1.45 system-ui,sans-serif;"
    "color:#1a1a1a}p{margin:.5rem 0}.u{text-align:end}button,input{font:inherit;"
    "min-height:2.25rem;margin:.125rem}input{width:100%;box-sizing:border-box}"
    ":focus-visible{outline:3px solid #1a1a1a;outline-offset:2px}"
)


def chat_page(language: str, messages: list[dict[str, Any]]) -> str:
    """The conversation so far, the last quick replies, a form to answer and the controls."""
    info = labels_for(language)
    labels = info["labels"]
    said = (
        "".join(
            f'<p class="{"u" if m["from"] == "user" else "b"}"><strong>'
            f"{escape(labels['from_' + m['from']])}</strong> {escape(m['text'])}</p>"
            for m in messages
        )
        or f"<p>{escape(labels['intro'])}</p>"
    )
    last = messages[-1] if messages else None
    buttons = (
        last["buttons"]
        if last and last["from"] != "user"
        else []
        if messages
        else [{"title": labels["start"], "payload": info["controls"]["start"]}]
    )
    replies = "".join(button(b["title"], b["payload"]) for b in buttons)
    languages = "".join(
        button(lang["name"], lang["payload"], lang["tag"]) for lang in info["languages"]
    )
    return (
        f'<!doctype html><html lang="{info["tag"]}" dir="{info["dir"]}">'
        f'<head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(labels['title'])}</title><style>{STYLE}</style></head><body><main>"
        f"<h1>{escape(labels['title'])}</h1><div>{said}</div>"
        f'<form method="post" action="page?lang={info["language"]}"><p>'
        f'<label for="text">{escape(labels["input"])}</label>'
        f'<input id="text" name="text" maxlength="2000" autocomplete="off">'
        f'<button type="submit">{escape(labels["send"])}</button></p><p>{replies}</p>'
        f"<p>{button(labels['human'], info['controls']['human'])}"
        f"{button(labels['erase'], info['controls']['erase'])}</p>"
        f"<details><summary>{escape(labels['language'])}</summary><p>{languages}</p></details>"
        f"</form></main></body></html>"
    )


def button(title: str, payload: str, lang: str | None = None) -> str:
    """A submit button that sends its payload as the message."""
    lang_attribute = f' lang="{lang}"' if lang else ""
    return (
        f'<button type="submit" name="message" value="{escape(payload)}"{lang_attribute}>'
        f"{escape(title)}</button>"
    )


def control_label(language: str, payload: str) -> str | None:
    """The title the person saw on a control or language button they pressed."""
    info = labels_for(language)
    titles = {info["controls"][key]: info["labels"][key] for key in ("start", "human", "erase")}
    titles.update({lang["payload"]: lang["name"] for lang in info["languages"]})
    return titles.get(payload)
