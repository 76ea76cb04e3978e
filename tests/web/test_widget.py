"""A visitor on the demo agency page uses the widget: a screening, a reload, Spanish, a phone,
the keyboard only, and an accessibility scan. Screenshots go to var/screenshots/."""

from __future__ import annotations

import json
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from playwright.sync_api import expect

from bot.i18n import gettext, render
from channels.webchat import conversation_for
from service.stack import api_token
from tests.web.conftest import WEB_SECRET

RESULT = "CalFresh: you may get about $263 to $353 a month for food."


def label(message_id: str, language: str = "en") -> str:
    return gettext(message_id, language)


def open_widget(page: Any, language: str = "en") -> None:
    page.get_by_role("button", name=label("webchat_open", language)).click()
    expect(page.get_by_role("dialog", name=label("webchat_title", language))).to_be_visible()


def bot_messages(page: Any) -> Any:
    return page.locator(".ad-log .ad-bot")


def wait_for_reply(page: Any, before: int) -> None:
    expect(page.locator(".ad-typing")).to_be_empty()
    expect(bot_messages(page).nth(before)).to_be_visible()


def type_answer(page: Any, text: str, language: str = "en") -> None:
    before = bot_messages(page).count()
    page.get_by_label(label("webchat_input", language)).fill(text)
    page.get_by_label(label("webchat_input", language)).press("Enter")
    wait_for_reply(page, before)


def press(page: Any, title: str) -> None:
    before = bot_messages(page).count()
    page.locator(".ad-replies").get_by_role("button", name=title, exact=True).click()
    wait_for_reply(page, before)


def test_a_visitor_completes_a_screening_and_sees_the_result(page: Any, screenshots: Path) -> None:
    page.screenshot(path=screenshots / "1-closed.png")
    open_widget(page)
    expect(page.locator(".ad-log")).to_contain_text(label("webchat_intro"))
    press(page, label("webchat_start"))
    expect(bot_messages(page).last).to_contain_text(render("utter_ask_zip_code", "en").text)
    type_answer(page, "94110")
    type_answer(page, "34 and my son is 6")
    press(page, "No")
    page.screenshot(path=screenshots / "2-mid-screening.png")
    press(page, "No")
    type_answer(page, "$2,100 a month")
    press(page, "Yes")
    type_answer(page, "1200")
    expect(page.locator(".ad-log")).to_contain_text(RESULT)
    # The menu's quick replies follow the result.
    expect(page.locator(".ad-replies button")).to_have_text(
        [label("button_start_over"), label("button_what_else"), label("button_erase")]
    )
    page.screenshot(path=screenshots / "3-result.png")


def test_a_reload_keeps_the_conversation(page: Any) -> None:
    open_widget(page)
    press(page, label("webchat_start"))
    type_answer(page, "94110")
    said = page.locator(".ad-log .ad-msg").all_inner_texts()
    page.reload()
    # The widget was open: it opens again with the conversation so far.
    expect(page.locator(".ad-log .ad-msg")).to_have_count(len(said))
    assert page.locator(".ad-log .ad-msg").all_inner_texts() == said
    type_answer(page, "34")
    expect(page.locator(".ad-replies button")).to_have_text(["Yes", "No"])


def test_the_language_menu_switches_to_spanish(page: Any, screenshots: Path) -> None:
    open_widget(page)
    press(page, label("webchat_start"))
    before = bot_messages(page).count()
    page.get_by_label(label("webchat_language")).select_option("es")
    wait_for_reply(page, before)
    expect(page.locator(".ad-log")).to_contain_text(render("utter_language_changed", "es").text)
    expect(bot_messages(page).last).to_contain_text(render("utter_ask_zip_code", "es").text)
    expect(page.locator(".ad")).to_have_attribute("lang", "es")
    expect(page.locator(".ad")).to_have_attribute("dir", "ltr")
    for message_id in ("webchat_human", "button_erase", "webchat_send"):
        expect(
            page.locator(".ad").get_by_role("button", name=label(message_id, "es"))
        ).to_be_visible()
    type_answer(page, "94110", "es")
    expect(bot_messages(page).last).to_contain_text(render("utter_ask_member_ages", "es").text)
    page.screenshot(path=screenshots / "4-spanish.png")


def test_on_a_320px_phone_the_widget_fits_without_scrolling_sideways(
    browser: Any, web_stack: Any, screenshots: Path
) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 568}, is_mobile=True)
    phone = context.new_page()
    phone.goto(f"{web_stack.service_url}/")
    open_widget(phone)
    press(phone, label("webchat_start"))
    box = phone.locator(".ad-panel").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 320
    assert phone.evaluate("document.documentElement.scrollWidth") <= 320
    expect(phone.get_by_label(label("webchat_input"))).to_be_in_viewport()
    phone.screenshot(path=screenshots / "5-mobile-320px.png")
    context.close()


def test_at_200_percent_zoom_every_control_is_reachable(browser: Any, web_stack: Any) -> None:
    # 200% zoom of a 1280x720 window lays the page out in 640x360 CSS pixels.
    context = browser.new_context(viewport={"width": 640, "height": 360}, device_scale_factor=2)
    zoomed = context.new_page()
    zoomed.goto(f"{web_stack.service_url}/")
    open_widget(zoomed)
    for control in (label("webchat_human"), label("button_erase"), label("webchat_send")):
        expect(zoomed.locator(".ad").get_by_role("button", name=control)).to_be_in_viewport()
    expect(zoomed.get_by_label(label("webchat_input"))).to_be_in_viewport()
    context.close()


def test_the_widget_works_with_the_keyboard_only(page: Any) -> None:
    launcher = page.get_by_role("button", name=label("webchat_open"))
    launcher.focus()
    page.keyboard.press("Enter")
    start = page.locator(".ad-replies").get_by_role("button", name=label("webchat_start"))
    expect(start).to_be_focused()
    page.keyboard.press("Enter")
    expect(bot_messages(page).last).to_contain_text(render("utter_ask_zip_code", "en").text)
    page.get_by_label(label("webchat_input")).focus()
    page.keyboard.type("94110")
    page.keyboard.press("Enter")
    expect(bot_messages(page).last).to_contain_text("How old is each person")
    page.keyboard.press("Escape")
    expect(page.get_by_role("button", name=label("webchat_open"))).to_be_focused()
    # A visible focus indicator: the focused launcher has an outline.
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"


def test_new_messages_are_announced_and_motion_can_be_reduced(page: Any) -> None:
    page.emulate_media(reduced_motion="reduce")
    open_widget(page)
    expect(page.locator(".ad-log")).to_have_attribute("role", "log")
    expect(page.locator(".ad-log")).to_have_attribute("aria-live", "polite")
    expect(page.locator(".ad-typing")).to_have_attribute("role", "status")
    animation = page.evaluate(
        "getComputedStyle(document.querySelector('.ad-typing'), '::after').animationName"
    )
    assert animation == "none"


def test_an_accessibility_scan_finds_no_serious_or_critical_problem(page: Any) -> None:
    from axe_playwright_python.sync_playwright import Axe

    open_widget(page)
    press(page, label("webchat_start"))
    type_answer(page, "94110")
    type_answer(page, "34, 6")  # quick replies are showing
    results = Axe().run(page, context={"include": [[".ad"]]})
    serious = [
        (v["id"], v["help"], [n["target"] for n in v["nodes"]])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []


def test_one_script_tag_on_another_sites_spanish_page_chats_in_spanish(
    browser: Any, web_stack: Any
) -> None:
    # An agency page on its own origin (localhost, not 127.0.0.1): the widget and the chat are
    # cross-origin to it.
    html = (
        '<!doctype html><html lang="es"><head><title>Condado</title></head><body>'
        "<main><h1>Ayuda con comida</h1></main>"
        f'<script src="{web_stack.service_url}/widget.js" data-server="{web_stack.rasa_url}" '
        'data-lang="es" data-color="#ffcc00" data-position="left"></script></body></html>'
    ).encode()

    class AgencyPage(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(html)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), AgencyPage)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    context = browser.new_context()
    visitor = context.new_page()
    errors: list[str] = []
    visitor.on("console", lambda message: errors.append(message.text))
    try:
        visitor.goto(f"http://localhost:{server.server_address[1]}/")
        open_widget(visitor, "es")
        press(visitor, label("webchat_start", "es"))
        expect(bot_messages(visitor).first).to_contain_text(render("utter_greet", "es").text)
        # Black text on a light agency colour, for contrast.
        send = visitor.get_by_role("button", name=label("webchat_send", "es"))
        assert send.evaluate("b => getComputedStyle(b).color") == "rgb(0, 0, 0)"
        assert errors == []
    finally:
        context.close()
        server.shutdown()


def test_without_javascript_the_noscript_link_opens_a_plain_chat_page(
    browser: Any, web_stack: Any
) -> None:
    context = browser.new_context(java_script_enabled=False)
    visitor = context.new_page()
    visitor.goto(f"{web_stack.service_url}/")
    visitor.get_by_role("link", name="Chat without JavaScript").click()
    visitor.get_by_role("button", name=label("webchat_start")).click()
    expect(visitor.locator("main")).to_contain_text(render("utter_ask_zip_code", "en").text)
    visitor.get_by_label(label("webchat_input")).fill("94110")
    visitor.get_by_label(label("webchat_input")).press("Enter")
    expect(visitor.locator("main")).to_contain_text("How old is each person")
    visitor.get_by_label(label("webchat_input")).fill("34, 6")
    visitor.get_by_role("button", name=label("webchat_send")).click()
    visitor.get_by_role("button", name="No", exact=True).click()
    expect(visitor.locator("main")).to_contain_text(render("utter_ask_disability", "en").text)
    context.close()


def test_a_staff_reply_appears_in_the_open_widget_at_once(
    page: Any, web_stack: Any, monkeypatch: Any
) -> None:
    monkeypatch.setenv("ANYDOOR_SECRET", WEB_SECRET)
    open_widget(page)
    press(page, label("webchat_start"))
    session = page.evaluate("localStorage.getItem('anydoor.session')")
    body = {"conversation_id": conversation_for(session), "text": "Hi, I'm Ana.", "from": "staff"}
    request = urllib.request.Request(
        f"{web_stack.rasa_url}/webhooks/webchat/deliver",
        data=json.dumps(body).encode(),
        headers={"Authorization": f"Bearer {api_token()}"},
    )
    delivered = 0
    for _ in range(40):  # the widget opens its stream right after the first answer
        with urllib.request.urlopen(request, timeout=10) as response:
            delivered = json.loads(response.read())["delivered"]
        if delivered:
            break
        time.sleep(0.25)
    assert delivered == 1
    expect(page.locator(".ad-log .ad-staff")).to_contain_text("Hi, I'm Ana.")
    expect(page.locator(".ad-log .ad-staff")).to_contain_text(label("webchat_from_staff"))


def test_erase_my_answers_clears_the_chat_and_starts_a_new_session(page: Any) -> None:
    open_widget(page)
    press(page, label("webchat_start"))
    type_answer(page, "94110")
    session = page.evaluate("localStorage.getItem('anydoor.session')")
    page.locator(".ad-tools").get_by_role("button", name=label("button_erase")).click()
    expect(page.locator(".ad-log .ad-msg")).to_have_count(1)
    expect(bot_messages(page)).to_contain_text(render("utter_deleted", "en").text)
    assert page.evaluate("localStorage.getItem('anydoor.session')") != session
    page.reload()
    expect(page.locator(".ad-log .ad-msg")).to_have_count(1)  # only the introduction
    expect(page.locator(".ad-log")).to_contain_text(label("webchat_intro"))
