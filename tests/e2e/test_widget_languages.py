"""The widget in the family's language (issue 11): lang and dir, its own texts, a mirrored layout for Arabic.

A real browser against the running bot, like tests/e2e/test_widget_browser.py (whose fixtures it uses).
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from bot.languages import translatable_buttons
from bot.model import PROJECT_ROOT
from lotse.languages import LABEL_KEYS, LanguagePack, language_packs
from tests.e2e import test_widget_browser as widget_tests
from tests.e2e.conftest import RunningBot
from tests.e2e.test_widget_browser import SCREENSHOTS, demo_url, open_chat

# the browser and the bot with the test offers (a phone number, hostile content), shared with the widget tests
browser = widget_tests.browser
bot_with_test_offers = widget_tests.bot_with_test_offers

WIDGET_SOURCE = PROJECT_ROOT / "widget" / "src" / "widget.js"
GERMAN_DOMAIN = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))
LANGUAGE_KEY = "familien-lotse-session-language"
SERVER_ONLY_LABELS = {"switch_invitation"}  # the one-tap offer of a language (actions/languages.py)
WIDTH, HEIGHT = 375, 667


def widget_text_keys() -> list[str]:
    """The keys of the widget's German TEXT table in widget/src/widget.js."""
    source = WIDGET_SOURCE.read_text(encoding="utf-8")
    table = re.search(r"^const TEXT = \{\n(.*?)^\};", source, re.DOTALL | re.MULTILINE)
    assert table, "const TEXT = {…}; not found in widget.js"
    return re.findall(r"^  (\w+):", table.group(1), re.MULTILINE)


def test_the_widget_texts_and_the_label_keys_are_the_same() -> None:
    assert sorted(widget_text_keys()) == sorted(set(LABEL_KEYS) - SERVER_ONLY_LABELS)
    for pack in language_packs().values():
        assert "{max}" in pack.labels["too_long"], pack.path.name


def button_title(pack: LanguagePack, response: str, german_title: str) -> str:
    """The translated title of a German answer button (the language file lists titles in the German order)."""
    german = [b["title"] for b in translatable_buttons(GERMAN_DOMAIN["responses"][response][0])]
    return str(pack.responses[response][0]["buttons"][german.index(german_title)])


def answer(page: Page, title: str) -> None:
    """Taps an answer button of the bot's latest message and waits for the next question's buttons."""
    groups = page.locator(".lotse-replies")
    before = groups.count()
    groups.last.get_by_role("button", name=title, exact=True).click()
    expect(groups).to_have_count(before + 1)


def choose_language(page: Page, pack: LanguagePack) -> None:
    """The header's language button, then the language's own button in the bot's list."""
    page.locator(".lotse-header .lotse-language").click()
    expect(page.locator(".lotse-replies").last.get_by_role("button", name=pack.name, exact=True)).to_be_visible()
    answer(page, pack.name)  # the bot asks again what the family needs, now in that language
    expect(page.locator("#lotse-panel")).to_have_attribute("lang", pack.html_lang)
    expect(page.locator(".lotse-bar button").first).to_have_text(pack.labels["restart"])


def box(page: Page, selector: str) -> dict[str, Any]:
    found = page.locator(selector).bounding_box()
    assert found is not None, selector
    return dict(found)


@pytest.mark.slow
@pytest.mark.parametrize("code", ["ar", "einfach", "en", "tr", "uk"])
def test_the_widget_speaks_the_chosen_language(browser: Browser, bot_with_test_offers: RunningBot, code: str) -> None:
    pack = language_packs()[code]
    labels = pack.labels
    page = open_chat(browser, demo_url(bot_with_test_offers), WIDTH, HEIGHT)
    language_button = page.locator(".lotse-header .lotse-language")
    expect(language_button).to_have_accessible_name("Sprache · Мова · اللغة · Dil · Language")
    language_button.focus()  # reachable by keyboard: a real button
    expect(language_button).to_be_focused()
    choose_language(page, pack)

    panel = page.locator("#lotse-panel")
    expect(panel).to_have_attribute("dir", pack.direction)
    expect(page.locator("#lotse-input")).to_have_attribute("placeholder", labels["input_placeholder"])
    expect(page.get_by_label(labels["input_label"], exact=True)).to_be_visible()
    expect(panel.get_by_role("button", name=labels["send"], exact=True)).to_be_visible()
    expect(panel.get_by_role("button", name=labels["restart"], exact=True)).to_be_visible()
    expect(panel.get_by_role("button", name=labels["close"], exact=True)).to_be_visible()
    expect(language_button).to_have_accessible_name(labels["language_button"])
    expect(page.get_by_role("log")).to_have_accessible_name(labels["history"])
    expect(page.locator(".lotse-privacy summary")).to_have_text(labels["privacy"])

    answer(page, button_title(pack, "utter_ask_need", "Kita und Betreuung"))
    page.locator(".lotse-replies").last.get_by_role(
        "button", name=button_title(pack, "utter_ask_child_age", "3 bis 6 Jahre"), exact=True
    ).click()
    card = page.locator(".lotse-card", has_text="A-Test-Kita mit Telefon")
    expect(card).to_be_visible()
    expect(card).to_have_attribute("lang", pack.html_lang)
    expect(card).to_contain_text(f"{labels['phone']}: 05181 123456")
    expect(card.locator("summary")).to_have_text(labels["more_info"])
    expect(card.locator("h3")).to_have_attribute("lang", "de")  # the offer's own data stays German
    expect(page.locator(".lotse-bot").last).to_have_attribute("lang", pack.html_lang)
    expect(page.locator(".lotse-bot").first).to_have_attribute("lang", "de")  # the greeting was German
    expect(page.locator(".lotse-replies").last).to_have_accessible_name(labels["replies"])
    assert page.locator(".lotse-msg:not([dir='auto']), .lotse-replies button:not([dir='auto'])").count() == 0

    results = Axe().run(page)
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], json.dumps([(v["id"], v["help"], [n["target"] for n in v["nodes"]]) for v in serious])
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    if pack.direction == "rtl":
        user, bot = box(page, ".lotse-user >> nth=-1"), box(page, ".lotse-bot >> nth=-1")
        assert user["x"] + user["width"] <= WIDTH / 2, user  # the family's answers on the left
        assert bot["x"] + bot["width"] >= WIDTH - 30 and bot["x"] > user["x"], bot  # the bot's on the right
        restart, close = box(page, ".lotse-bar button >> nth=0"), box(page, ".lotse-bar button >> nth=1")
        title = box(page, "#lotse-title")
        assert close["x"] < restart["x"] < title["x"]  # the header mirrored: close button on the left
        assert page.locator(".lotse-card h3").first.evaluate("e => getComputedStyle(e).textAlign") == "right"

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    # the log scrolled to the family's last answer: the answer, the bot's reply and the first cards in the picture
    page.locator(".lotse-user").last.evaluate(
        "e => { const log = e.closest('.lotse-log'); log.scrollTop = e.offsetTop - log.offsetTop - 8; }"
    )
    page.screenshot(path=str(SCREENSHOTS / f"language-{code}-{WIDTH}x{HEIGHT}.png"))
    page.close()


@pytest.mark.slow
def test_a_reload_keeps_the_language_and_restart_brings_german_back(
    browser: Browser, bot_with_test_offers: RunningBot
) -> None:
    pack = language_packs()["uk"]
    page = open_chat(browser, demo_url(bot_with_test_offers), WIDTH, HEIGHT)
    choose_language(page, pack)
    expect(page.locator(".lotse-bot").last).to_have_attribute("lang", "uk")

    page.reload()
    expect(page.locator(".lotse-bot").last).to_have_attribute("lang", "uk")
    expect(page.locator("#lotse-panel")).to_have_attribute("lang", "uk")
    expect(page.locator("#lotse-input")).to_have_attribute("placeholder", pack.labels["input_placeholder"])
    expect(page.locator(".lotse-header .lotse-language")).to_have_accessible_name(pack.labels["language_button"])
    expect(page.locator(".lotse-bot").first).to_have_attribute("lang", "de")  # shown in German, still German

    page.get_by_role("button", name=pack.labels["restart"], exact=True).click()
    expect(page.locator(".lotse-user")).to_have_count(0)
    expect(page.locator(".lotse-bot").first).to_contain_text("Familien-Lotse")
    expect(page.locator("#lotse-panel")).to_have_attribute("lang", "de")
    expect(page.locator("#lotse-panel")).to_have_attribute("dir", "ltr")
    expect(page.locator("#lotse-input")).to_have_attribute("placeholder", "Schreiben Sie hier …")
    expect(page.get_by_role("button", name="Neu starten", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Senden", exact=True)).to_be_visible()
    assert page.evaluate(f"sessionStorage.getItem('{LANGUAGE_KEY}')") is None
    page.reload()
    expect(page.locator("#lotse-panel")).to_have_attribute("lang", "de")
    page.close()


@pytest.mark.slow
def test_deutsch_in_the_language_list_brings_german_back(browser: Browser, bot_with_test_offers: RunningBot) -> None:
    page = open_chat(browser, demo_url(bot_with_test_offers), WIDTH, HEIGHT)
    choose_language(page, language_packs()["ar"])
    expect(page.locator("#lotse-panel")).to_have_attribute("dir", "rtl")
    lists = page.locator(".lotse-replies")
    before = lists.count()
    page.locator(".lotse-header .lotse-language").click()
    expect(lists).to_have_count(before + 1)  # the new language list: the earlier one's "Deutsch" stays in the log
    lists.last.get_by_role("button", name="Deutsch", exact=True).click()
    expect(page.locator("#lotse-panel")).to_have_attribute("lang", "de")
    expect(page.locator("#lotse-panel")).to_have_attribute("dir", "ltr")
    expect(page.get_by_role("button", name="Senden", exact=True)).to_be_visible()
    expect(page.locator(".lotse-header .lotse-language")).to_have_accessible_name(
        "Sprache · Мова · اللغة · Dil · Language"
    )
    page.close()
