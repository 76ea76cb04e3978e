"""211 handoff in the browser: a visitor asks for a person in the widget, an agent signs in to
the console, takes over, replies (the visitor sees it at once), and hands back to the bot.
Also an accessibility scan of the console. Screenshots go to var/screenshots/."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from playwright.sync_api import expect

from bot.i18n import render
from service.stack import Stack
from tests.staffing import add_staff
from tests.web.test_widget import bot_messages, label, open_widget, press, type_answer

AGENT_EMAIL = "ana@example.org"
AGENT_PASSWORD = "a long browser test password"


def serious_violations(page: Any, include: str | None = None) -> list[tuple[str, str]]:
    """axe-core findings of serious or critical impact on the page (or one part of it)."""
    from axe_playwright_python.sync_playwright import Axe

    options = {"include": [[include]]} if include else None
    results = Axe().run(page, context=options)
    return [
        (violation["id"], violation["help"])
        for violation in results.response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]


def see_in_transcript(agent: Any, text: str, timeout: float = 20) -> None:
    """The agent reloads the conversation page until the person's message shows."""
    deadline = time.monotonic() + timeout
    while text not in agent.locator("main").inner_text():
        assert time.monotonic() < deadline, f"{text!r} never reached the console"
        time.sleep(0.5)
        agent.reload()


def test_an_agent_takes_over_a_widget_chat_replies_and_hands_back(
    browser: Any, page: Any, web_stack: Stack, screenshots: Path
) -> None:
    add_staff(web_stack, AGENT_EMAIL, AGENT_PASSWORD)
    visitor = page
    open_widget(visitor)
    press(visitor, label("webchat_start"))
    type_answer(visitor, "94110")
    before = bot_messages(visitor).count()
    visitor.locator(".ad-tools").get_by_role("button", name=label("webchat_human")).click()
    expect(bot_messages(visitor).nth(before)).to_contain_text("A person from our team")
    # While waiting, the screening goes on: the question it was asking comes again.
    ask_ages = render("utter_ask_member_ages", "en").text
    expect(bot_messages(visitor).last).to_contain_text(ask_ages)
    waiting = bot_messages(visitor).count()

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    agent = context.new_page()
    try:
        agent.goto(f"{web_stack.service_url}/staff/")
        expect(agent).to_have_url(f"{web_stack.service_url}/staff/login")
        assert serious_violations(agent) == []
        agent.get_by_label("Email").fill(AGENT_EMAIL)
        agent.get_by_label("Password").fill(AGENT_PASSWORD)
        agent.get_by_role("button", name="Sign in").click()
        expect(agent.get_by_role("heading", level=1)).to_contain_text("Queue")
        agent.screenshot(path=screenshots / "6-console-queue.png", full_page=True)
        assert serious_violations(agent) == []

        agent.locator("a[href^='/staff/conversations/']").last.click()
        expect(agent.get_by_role("heading", name="About this person")).to_be_visible()
        expect(agent.locator("main")).to_contain_text("94110")
        agent.get_by_role("button", name="Take over (the bot stops answering)").click()
        expect(agent.locator("main")).to_contain_text("You took over")

        # Taken over: the visitor's next message gets no answer from the bot.
        visitor.get_by_label(label("webchat_input")).fill("are you there?")
        visitor.get_by_label(label("webchat_input")).press("Enter")
        see_in_transcript(agent, "are you there?")
        time.sleep(1)
        assert bot_messages(visitor).count() == waiting, bot_messages(visitor).all_inner_texts()

        agent.get_by_label("Reply to the person").fill("Hi, I'm Ana from 211. I can help.")
        agent.get_by_role("button", name="Send reply").click()
        expect(agent.locator("main")).to_contain_text("Reply sent.")
        expect(visitor.locator(".ad-log .ad-staff")).to_contain_text("Hi, I'm Ana from 211.")
        agent.screenshot(path=screenshots / "7-console-conversation.png", full_page=True)
        assert serious_violations(agent) == []

        agent.get_by_role("button", name="Hand back to the bot").click()
        expect(agent.locator("main")).to_contain_text("Handed back to the bot.")
    finally:
        context.close()

    # Back with the bot: the screening goes on from the question it was asking.
    type_answer(visitor, "34, 6")
    expect(bot_messages(visitor).last).to_contain_text(render("utter_ask_pregnant", "en").text)
    visitor.screenshot(path=screenshots / "8-widget-after-handback.png")
