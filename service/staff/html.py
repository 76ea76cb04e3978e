"""Server-rendered pages of the staff console. Every value is escaped unless it is `Html`.

Conversations carry hostile text (anyone can text us), so nothing reaches a page without
`escape`: templates are constants, and `fill` escapes every value put into them.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from bot.store.handoffs import HandoffView, Note
from bot.store.staff import AuditRow, Staff
from bot.transcript import Line, Summary


class Html(str):
    """Markup that is already safe: escaped values inside trusted templates."""


def escape(value: Any) -> Html:
    """`value` as text in a page (quotes too, so it is safe inside attributes)."""
    if isinstance(value, Html):
        return value
    return Html(html.escape("" if value is None else str(value), quote=True))


def fill(template: str, **values: Any) -> Html:
    """The template with every value escaped (an `Html` value goes in as it is)."""
    return Html(template.format(**{name: escape(value) for name, value in values.items()}))


def join(parts: Iterable[Html], separator: str = "\n") -> Html:
    """Safe pieces, joined."""
    return Html(separator.join(escape(part) for part in parts))


def when(moment: datetime | None) -> str:
    """A UTC time for staff."""
    return "" if moment is None else f"{moment:%Y-%m-%d %H:%M} UTC"


STYLE = """
body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1a1a1a;background:#fff}
header,main{max-width:60rem;margin:0 auto;padding:0 1rem}
header{display:flex;gap:1rem;align-items:center;justify-content:space-between;
border-bottom:1px solid #ccc}
a{color:#0645ad}table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.4rem;border-bottom:1px solid #ddd;vertical-align:top}
.notice{background:#fff4ce;border:1px solid #c99a00;padding:.5rem 1rem}
.error{background:#fde7e9;border:1px solid #b3261e;padding:.5rem 1rem}
.person{background:#f1f6ff}.staff{background:#eefbea}
textarea{width:100%;min-height:5rem;font:inherit}
button{font:inherit;padding:.3rem .8rem;margin:.2rem 0}
.actions form{display:inline-block;margin-right:.5rem}
:focus{outline:3px solid #1a73e8;outline-offset:2px}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
"""

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} - AnyDoor staff</title>
<style>{style}</style>
</head>
<body>
<header><p><strong>AnyDoor staff console</strong></p>{nav}</header>
<main id="main">
<h1>{title}</h1>
{flash}
{content}
</main>
{script}
</body>
</html>
"""

NAV = """<nav aria-label="Console"><a href="/staff/">Queue</a>{audit_link}
<form method="post" action="/staff/logout" style="display:inline">
<input type="hidden" name="csrf" value="{csrf}">
<button type="submit">Sign out {email}</button></form></nav>"""


def page(
    title: str,
    content: Html,
    staff: Staff | None = None,
    csrf: str = "",
    flash: str | None = None,
    script: str | None = None,
) -> Html:
    """A whole page; with `staff`, the navigation and sign-out form."""
    nav = Html("")
    if staff is not None:
        supervisor = staff.role == "supervisor"
        audit_link = Html(' | <a href="/staff/audit">Audit log</a>' if supervisor else "")
        nav = fill(NAV, audit_link=audit_link, csrf=csrf, email=staff.email)
    return fill(
        PAGE,
        title=title,
        style=Html(STYLE),
        nav=nav,
        flash=fill('<p class="notice" role="status">{text}</p>', text=flash) if flash else "",
        content=content,
        script=fill('<script src="{src}" defer></script>', src=script) if script else "",
    )


LOGIN = """<form method="post" action="/staff/login">
<input type="hidden" name="csrf" value="{csrf}">
<p><label for="email">Email</label><br>
<input id="email" name="email" type="email" autocomplete="username" required value="{email}"></p>
<p><label for="password">Password</label><br>
<input id="password" name="password" type="password" autocomplete="current-password" required></p>
<p><button type="submit">Sign in</button></p>
</form>"""


def login_page(csrf: str, error: str | None = None, email: str = "") -> Html:
    """The sign-in form (the only page a stranger sees)."""
    content = fill(LOGIN, csrf=csrf, email=email)
    if error:
        content = Html(fill('<p class="error" role="alert">{error}</p>', error=error) + content)
    return page("Sign in", content)


QUEUE_ROW = """<tr><td><a href="/staff/conversations/{id}">#{id}</a></td><td>{status}</td>
<td>{channel}</td><td>{language}</td><td>{since}</td><td>{taken_by}</td><td>{callback}</td></tr>"""

QUEUE = """<p>People who asked for a person, oldest first. This list updates by itself every
few seconds; <a href="/staff/">reload</a> if it does not.</p>
<table><caption class="visually-hidden">Staff queue</caption>
<thead><tr><th scope="col">Conversation</th><th scope="col">Status</th>
<th scope="col">Channel</th><th scope="col">Language</th><th scope="col">Waiting since</th>
<th scope="col">Taken by</th><th scope="col">Asked for a reply later</th></tr></thead>
<tbody id="queue" aria-live="polite">{rows}</tbody></table>
<p id="queue-empty"{hidden}>No one is waiting right now.</p>"""


def queue_row(handoff: HandoffView, language_name: str) -> Html:
    """One queue row."""
    return fill(
        QUEUE_ROW,
        id=handoff.id,
        status=handoff.status,
        channel=handoff.channel,
        language=language_name,
        since=when(handoff.created_at),
        taken_by=handoff.taken_by_email or "",
        callback="yes" if handoff.callback_requested else "",
    )


def queue_page(staff: Staff, csrf: str, handoffs: list[HandoffView], names: dict[str, str]) -> Html:
    """The live queue."""
    rows = join(queue_row(h, names.get(h.language, h.language)) for h in handoffs)
    content = fill(QUEUE, rows=rows, hidden=Html(" hidden") if handoffs else "")
    return page("Queue", content, staff, csrf, script="/staff/console.js")


CONVERSATION = """<section aria-labelledby="about"><h2 id="about">About this person</h2>
<p><strong>Language: {language_name}</strong> ({language}). Channel: {channel}.
Status: {status}{taken_by}. Conversation id: <code>{conversation_id}</code>.</p>
{language_notice}
<h3>Screening answers</h3>{answers}
<h3>Result the bot gave</h3>{results}
</section>
<section aria-labelledby="actions-title" class="actions"><h2 id="actions-title">Actions</h2>
{actions}
</section>
<section aria-labelledby="transcript-title"><h2 id="transcript-title">Transcript</h2>
<ol>{lines}</ol></section>
<section aria-labelledby="notes-title"><h2 id="notes-title">Private notes</h2>
<p>Only staff see these.</p><ul>{notes}</ul>
<form method="post" action="/staff/conversations/{id}/note">
<input type="hidden" name="csrf" value="{csrf}">
<p><label for="note">New note</label><br><textarea id="note" name="text" required
maxlength="4000"></textarea></p><p><button type="submit">Save note</button></p></form>
</section>"""

ACTION = """<form method="post" action="/staff/conversations/{id}/{action}">
<input type="hidden" name="csrf" value="{csrf}"><button type="submit">{label}</button></form>"""

REPLY = """<form method="post" action="/staff/conversations/{id}/reply">
<input type="hidden" name="csrf" value="{csrf}">
<p><label for="reply">Reply to the person (sent by {channel} now)</label><br>
<textarea id="reply" name="text" required maxlength="1600"></textarea></p>
<p><button type="submit">Send reply</button></p></form>"""

LANGUAGE_NOTICE = """<p class="notice" role="note">This person writes in {language_name}. Staff
write in English or Spanish here, and there is no machine translation: reply in
{language_name} only if you can, or offer a call to 211 with an interpreter.</p>"""


def _line(line: Line) -> Html:
    speaker = {"person": "Person", "bot": "Bot", "staff": "Staff"}[line.speaker]
    return fill(
        '<li class="{kind}"><strong>{speaker}</strong> <small>{at}</small><br>{text}</li>',
        kind=line.speaker,
        speaker=speaker,
        at=when(line.at),
        text=line.text,
    )


def conversation_page(
    staff: Staff,
    csrf: str,
    handoff: HandoffView,
    summary: Summary,
    transcript: list[Line],
    notes: list[Note],
    flash: str | None = None,
) -> Html:
    """The conversation: answers and result on top, actions, transcript, private notes."""
    answers = (
        fill(
            "<dl>{items}</dl>",
            items=join(
                fill("<dt>{label}</dt><dd>{value}</dd>", label=label, value=value)
                for label, value in summary.answers
            ),
        )
        if summary.answers
        else Html("<p>No answers yet.</p>")
    )
    results = (
        fill(
            "<ul>{items}</ul>",
            items=join(fill("<li>{text}</li>", text=text) for text in summary.results),
        )
        if summary.results
        else Html("<p>No result yet.</p>")
    )
    actions: list[Html] = []
    if handoff.status == "queued":
        actions.append(
            fill(
                ACTION,
                id=handoff.id,
                action="take",
                csrf=csrf,
                label="Take over (the bot stops answering)",
            )
        )
    if handoff.status == "taken":
        actions.append(fill(REPLY, id=handoff.id, csrf=csrf, channel=summary.channel or "chat"))
        actions.append(
            fill(ACTION, id=handoff.id, action="hand-back", csrf=csrf, label="Hand back to the bot")
        )
    if handoff.status != "closed":
        actions.append(fill(ACTION, id=handoff.id, action="close", csrf=csrf, label="Close"))
    else:
        actions.append(Html("<p>This handoff is closed.</p>"))
    content = fill(
        CONVERSATION,
        id=handoff.id,
        csrf=csrf,
        conversation_id=handoff.conversation_id,
        language_name=summary.language_name,
        language=summary.language,
        channel=summary.channel or handoff.channel,
        status=handoff.status,
        taken_by=f" by {handoff.taken_by_email}" if handoff.taken_by_email else "",
        language_notice=(
            fill(LANGUAGE_NOTICE, language_name=summary.language_name)
            if summary.staff_language_differs
            else ""
        ),
        answers=answers,
        results=results,
        actions=join(actions),
        lines=join(_line(line) for line in transcript) or Html("<li>No messages.</li>"),
        notes=join(
            fill(
                "<li><small>{at}, {author}</small><br>{text}</li>",
                at=when(n.created_at),
                author=n.author_email,
                text=n.text,
            )
            for n in notes
        )
        or Html("<li>No notes.</li>"),
    )
    return page(f"Conversation #{handoff.id}", content, staff, csrf, flash)


AUDIT_ROW = "<tr><td>{at}</td><td>{who}</td><td>{action}</td><td>{conversation}</td></tr>"
AUDIT = """<p>The latest 200 console actions (no message text).</p>
<table><thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th>
<th scope="col">Conversation</th></tr></thead><tbody>{rows}</tbody></table>"""


def audit_page(staff: Staff, csrf: str, rows: list[AuditRow]) -> Html:
    """The audit log (supervisors only)."""
    content = fill(
        AUDIT,
        rows=join(
            fill(
                AUDIT_ROW,
                at=when(r.at),
                who=r.staff_email or "(not signed in)",
                action=r.action,
                conversation=r.conversation_id or "",
            )
            for r in rows
        ),
    )
    return page("Audit log", content, staff, csrf)


def message_page(title: str, text: str, staff: Staff | None = None, csrf: str = "") -> Html:
    """A short page for errors (not found, forbidden, too many attempts)."""
    return page(
        title,
        fill('<p>{text}</p><p><a href="/staff/">Back to the queue</a></p>', text=text),
        staff,
        csrf,
    )
