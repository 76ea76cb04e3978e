"""The AnyDoor service serves the widget, its labels in each language, and the demo page."""

from __future__ import annotations

import gzip
import itertools

import pytest
from sanic import Sanic

from bot.i18n import gettext
from bot.language import SUPPORTED
from service.app import create_app
from service.widget import LABELS, supported_language

NAMES = itertools.count()


@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch) -> Sanic:
    monkeypatch.setenv("ANYDOOR_WEBCHAT_URL", "https://chat.example.org/")
    return create_app(f"anydoor-widget-test-{next(NAMES)}")


@pytest.mark.parametrize(
    ("tag", "language"),
    [
        ("es", "es"),
        ("es-MX", "es"),
        ("zh-Hant", "zh_Hant"),
        ("zh-TW", "zh_Hant"),
        ("zh_Hant", "zh_Hant"),
        ("zh-CN", "zh"),
        ("ko-KR", "ko"),
        ("fr", "en"),
        ("", "en"),
        (None, "en"),
    ],
)
def test_a_language_tag_picks_a_supported_language(tag: str | None, language: str) -> None:
    assert supported_language(tag) == language


@pytest.mark.parametrize("language", SUPPORTED)
def test_the_labels_come_from_the_catalog_of_the_language(app: Sanic, language: str) -> None:
    _, response = app.test_client.get("/widget/labels", params={"lang": language})
    assert response.status == 200
    got = response.json
    assert got["language"] == language
    assert got["dir"] == "ltr"
    assert got["labels"] == {key: gettext(mid, language) for key, mid in LABELS.items()}
    assert got["controls"]["human"] == "/request_human"
    assert got["controls"]["erase"] == "/delete_my_data"
    assert [lang["code"] for lang in got["languages"]] == list(SUPPORTED)


def test_the_language_menu_names_each_language_in_its_own_words(app: Sanic) -> None:
    _, response = app.test_client.get("/widget/labels", params={"lang": "en"})
    names = {lang["code"]: lang["name"] for lang in response.json["languages"]}
    assert names["es"] == "Español" and names["ko"] == "한국어"


def test_the_widget_is_served_gzipped_with_its_default_server(app: Sanic) -> None:
    _, response = app.test_client.get("/widget.js", headers={"Accept-Encoding": "gzip"})
    assert response.status == 200
    assert response.headers["Content-Type"].startswith("text/javascript")
    assert '"https://chat.example.org"' in response.text
    _, plain = app.test_client.get("/widget.js", headers={"Accept-Encoding": "identity"})
    assert "Content-Encoding" not in plain.headers
    assert gzip.compress(plain.body) and len(plain.body) < 20_000


def test_the_demo_page_embeds_the_widget_with_one_script_tag(app: Sanic) -> None:
    _, response = app.test_client.get("/")
    assert response.status == 200
    assert response.text.count("<script") == 1
    assert '<script src="/widget.js" data-server="https://chat.example.org"' in response.text
    assert 'href="https://chat.example.org/webhooks/webchat/page?lang=en"' in response.text
