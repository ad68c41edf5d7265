"""The parents' widget in a real browser (Debian chromium driven by Playwright) against the running bot."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, Route, expect, sync_playwright

from bot.model import PROJECT_ROOT
from bot.run import start_servers, stop, wait_for_servers
from lotse.settings import Settings, local
from offers_db.loader import load_offers
from tests.e2e.conftest import RunningBot, free_port
from tests.factories import make_offer

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = PROJECT_ROOT / "results" / "screenshots"
TIMEOUT_MS = 20_000
PHONE_OFFER = make_offer(
    "a-test-kita-mit-telefon",
    title="A-Test-Kita mit Telefon",
    min_age=3,
    max_age=6,
    phone="05181 123456",
    organization="Testträger",
)
HOSTILE_OFFER = make_offer(
    "test-feindlich",
    title='<img src=x onerror="window.pwned=1"><script>window.pwned=1</script>Feind',
    description="<b>fett</b><script>window.pwned=1</script>",
    min_age=3,
    max_age=6,
    website="javascript:window.pwned=1",
    organization="<i>Träger</i>",
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert CHROMIUM.exists(), "Debian chromium is needed: apt-get install chromium (make test does it as root)"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def bot_with_test_offers(running_bot: RunningBot) -> Iterator[RunningBot]:
    """The running bot, with an offer that has a phone number and one with hostile content."""
    sample = load_offers().offers
    running_bot.repository.sync([*sample, PHONE_OFFER, HOSTILE_OFFER])
    yield running_bot
    running_bot.repository.sync(sample)


def open_chat(browser: Browser, url: str, width: int = 375, height: int = 667) -> Page:
    page = browser.new_page(viewport={"width": width, "height": height})
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(url)
    expect(page.locator(".lotse-bot").first).to_contain_text("Familien-Lotse")
    return page


def demo_url(bot: RunningBot) -> str:
    return f"{bot.config.base_url}/webchat/"


def test_buttons_lead_to_offer_cards_with_a_tel_link(browser: Browser, bot_with_test_offers: RunningBot) -> None:
    page = open_chat(browser, demo_url(bot_with_test_offers))
    expect(page.locator(".lotse-bot").first).to_contain_text("anonym")  # the privacy line
    page.get_by_role("button", name="Kita und Betreuung").click()
    page.get_by_role("button", name="3 bis 6 Jahre").click()
    card = page.locator(".lotse-card", has_text="A-Test-Kita mit Telefon")
    expect(card).to_be_visible()
    expect(card.locator('a[href="tel:05181123456"]')).to_be_visible()
    external = page.locator('.lotse-card a[target="_blank"]')
    expect(external.first).to_be_visible()
    assert {external.nth(i).get_attribute("rel") for i in range(external.count())} == {"noopener noreferrer"}
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "offers-375x667.png"))
    page.set_viewport_size({"width": 1280, "height": 800})
    page.screenshot(path=str(SCREENSHOTS / "offers-1280x800.png"))
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.close()


def test_one_message_gives_cards_and_reload_keeps_history_and_context(
    browser: Browser, bot_with_test_offers: RunningBot
) -> None:
    page = open_chat(browser, demo_url(bot_with_test_offers))
    page.get_by_label("Ihre Nachricht").fill("Kitaplatz für meinen 4-jährigen")
    page.keyboard.press("Enter")
    expect(page.locator(".lotse-card").first).to_be_visible()
    cards_before = page.locator(".lotse-card").count()
    page.reload()
    expect(page.locator(".lotse-card")).to_have_count(cards_before)
    expect(page.locator(".lotse-user").first).to_have_text(re.compile("Kitaplatz für meinen 4-jährigen"))
    page.get_by_label("Ihre Nachricht").fill("und für meine Tochter, 12?")  # same need, new age: context kept
    page.keyboard.press("Enter")
    expect(page.locator(".lotse-card")).not_to_have_count(cards_before)
    page.close()


def test_restart_gives_a_fresh_conversation(browser: Browser, bot_with_test_offers: RunningBot) -> None:
    page = open_chat(browser, demo_url(bot_with_test_offers))
    page.get_by_role("button", name="Kita und Betreuung").click()
    expect(page.get_by_role("button", name="3 bis 6 Jahre")).to_be_visible()
    before = json.loads(page.evaluate("sessionStorage.getItem('familien-lotse-session')"))
    page.get_by_role("button", name="Neu starten").click()
    expect(page.locator(".lotse-user")).to_have_count(0)
    expect(page.locator(".lotse-bot").first).to_contain_text("Familien-Lotse")
    after = json.loads(page.evaluate("sessionStorage.getItem('familien-lotse-session')"))
    assert after["session_id"] != before["session_id"]
    page.locator(".lotse-privacy summary").click()  # the number a parent gives for erasure
    expect(page.locator(".lotse-privacy code")).to_have_text(after["session_id"])
    page.close()


def test_another_browser_with_a_known_session_id_sees_nothing(
    browser: Browser, bot_with_test_offers: RunningBot
) -> None:
    first = open_chat(browser, demo_url(bot_with_test_offers))
    first.get_by_label("Ihre Nachricht").fill("Nachhilfe für meinen Sohn, er ist 10")
    first.keyboard.press("Enter")
    expect(first.locator(".lotse-card").first).to_be_visible()
    stolen = json.loads(first.evaluate("sessionStorage.getItem('familien-lotse-session')"))
    for forged_token in ("", "0" * 64, stolen["token"][::-1]):
        context = browser.new_context()
        forged = json.dumps({"session_id": stolen["session_id"], "token": forged_token})
        context.add_init_script(f"sessionStorage.setItem('familien-lotse-session', {json.dumps(forged)})")
        other = context.new_page()
        other.set_default_timeout(TIMEOUT_MS)
        other.goto(demo_url(bot_with_test_offers))
        expect(other.locator(".lotse-bot").first).to_contain_text("Familien-Lotse")
        assert "Nachhilfe für meinen Sohn" not in other.locator(".lotse-log").inner_text()
        assert other.locator(".lotse-user").count() == 0 and other.locator(".lotse-card").count() == 0
        mine = json.loads(other.evaluate("sessionStorage.getItem('familien-lotse-session')"))
        assert mine["session_id"] != stolen["session_id"]
        context.close()
    first.close()


def test_keyboard_only_main_flow(browser: Browser, bot_with_test_offers: RunningBot) -> None:
    page = open_chat(browser, demo_url(bot_with_test_offers))
    expect(page.get_by_label("Ihre Nachricht")).to_be_focused()  # opening the chat puts focus in the input
    page.keyboard.type("kita")
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="11 bis 18 Jahre")).to_be_visible()
    page.keyboard.press("Shift+Tab")  # from the input back to the last answer button
    expect(page.get_by_role("button", name="11 bis 18 Jahre")).to_be_focused()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    expect(page.get_by_role("button", name="3 bis 6 Jahre")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(".lotse-card").first).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.get_by_role("button", name="Chat öffnen: Familien-Lotse")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("dialog")).to_be_visible()
    page.close()


def test_no_serious_accessibility_violations(browser: Browser, bot_with_test_offers: RunningBot) -> None:
    page = open_chat(browser, demo_url(bot_with_test_offers))
    page.get_by_role("button", name="Kita und Betreuung").click()
    page.get_by_role("button", name="3 bis 6 Jahre").click()
    expect(page.locator(".lotse-card").first).to_be_visible()
    results = Axe().run(page)
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], json.dumps([(v["id"], v["help"], [n["target"] for n in v["nodes"]]) for v in serious])
    assert page.evaluate("document.documentElement.lang") == "de"
    assert page.locator(".lotse-log").get_attribute("aria-live") == "polite"
    page.close()


def test_offer_html_is_shown_as_text_and_javascript_links_are_dropped(
    browser: Browser, bot_with_test_offers: RunningBot
) -> None:
    page = open_chat(browser, demo_url(bot_with_test_offers))
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.get_by_role("button", name="Kita und Betreuung").click()
    page.get_by_role("button", name="3 bis 6 Jahre").click()
    card = page.locator(".lotse-card", has_text="Feind")
    expect(card).to_be_visible()
    expect(card.locator("h3")).to_have_text(HOSTILE_OFFER.title)
    assert card.locator("img, script, b, i").count() == 0
    assert page.locator('a[href^="javascript"]').count() == 0
    assert page.evaluate("window.pwned === undefined") and dialogs == []
    page.close()


@pytest.fixture
def restartable_bot(trained_model: Path, tmp_path: Path, bot_with_test_offers: RunningBot) -> Iterator[dict]:
    """A second bot whose Rasa server the test can stop and start again on the same port."""
    config = local(tmp_path, port=free_port(), action_port=free_port(), offers_db=bot_with_test_offers.config.offers_db)
    state = {"config": config, "processes": start_servers(trained_model, config)}
    wait_for_servers(config, state["processes"])
    yield state
    stop(state["processes"])


def test_server_outage_shows_german_notice_and_chat_continues(
    browser: Browser, restartable_bot: dict, trained_model: Path
) -> None:
    config: Settings = restartable_bot["config"]
    page = browser.new_page(viewport={"width": 375, "height": 667})
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(f"{config.base_url}/webchat/")
    expect(page.locator(".lotse-bot").first).to_contain_text("Familien-Lotse")
    stop(restartable_bot["processes"])
    expect(page.get_by_role("alert")).to_contain_text("nicht erreichbar")
    expect(page.get_by_role("alert")).to_contain_text("Familienzentrum")
    page.screenshot(path=str(SCREENSHOTS / "offline-375x667.png"))
    restartable_bot["processes"] = start_servers(trained_model, config)
    wait_for_servers(config, restartable_bot["processes"])
    expect(page.get_by_role("alert")).to_contain_text("wieder da", timeout=30_000)
    page.get_by_label("Ihre Nachricht").fill("schuldnerberatung")
    page.keyboard.press("Enter")
    expect(page.locator(".lotse-card").first).to_be_visible()
    page.close()


def test_a_greeting_lost_in_a_reconnect_is_asked_for_again(browser: Browser, bot_with_test_offers: RunningBot) -> None:
    """As when the instance holding the widget's Socket.IO session goes away just as the greeting is asked for."""
    page = browser.new_page(viewport={"width": 375, "height": 667})
    page.set_default_timeout(TIMEOUT_MS)
    lost: list[str] = []

    def lose_the_first_greeting(route: Route) -> None:
        body = route.request.post_data or ""
        if not lost and '"/greet"' in body:
            lost.append(body)
            route.abort()
        else:
            route.continue_()

    page.route("**/socket.io/**", lose_the_first_greeting)
    page.goto(demo_url(bot_with_test_offers))
    expect(page.locator(".lotse-bot").first).to_contain_text("Familien-Lotse")
    assert lost, "the greeting's request was not seen"
    expect(page.locator(".lotse-bot", has_text="Familien-Lotse")).to_have_count(1)
    page.close()


MESSAGE = "Ich suche einen Kitaplatz, mein Sohn ist 4"


def send_with_first_request(page: Page, on_first: Callable[[Route], None]) -> list[str]:
    """Types MESSAGE; the first request that carries it to the server goes to `on_first`, the others through."""
    seen: list[str] = []
    page.evaluate("window.socketBefore = window.lotseWidget.socket.id")

    def handle(route: Route) -> None:
        body = route.request.post_data or ""
        if not seen and MESSAGE in body:
            seen.append(body)
            on_first(route)
        else:
            route.continue_()

    page.route("**/socket.io/**", handle)
    page.get_by_label("Ihre Nachricht").fill(MESSAGE)
    page.keyboard.press("Enter")
    return seen


def wait_for_the_reconnect(page: Page) -> None:
    """Until the widget has a new Socket.IO session (polled from outside: the page's CSP forbids eval)."""
    reconnected = "window.lotseWidget.socket.connected && window.lotseWidget.socket.id !== window.socketBefore"
    for _ in range(TIMEOUT_MS // 100):
        if page.evaluate(reconnected):
            return
        page.wait_for_timeout(100)
    pytest.fail("the widget did not reconnect")


def times_in_the_stored_conversation(page: Page, text: str) -> int:
    """How often the server's conversation has `text` from the parent: a reload replays it from the tracker."""
    page.unroute("**/socket.io/**")
    page.reload()
    expect(page.locator(".lotse-bot").first).to_be_visible()
    expect(page.locator(".lotse-card").first).to_be_visible()
    return page.locator(".lotse-user", has_text=text).count()


def test_a_message_lost_on_its_way_is_sent_again_after_the_reconnect(
    browser: Browser, bot_with_test_offers: RunningBot
) -> None:
    """As when the instance holding the widget's session goes away while the parent's message is on its way."""
    page = open_chat(browser, demo_url(bot_with_test_offers))
    lost = send_with_first_request(page, lambda route: route.abort())
    wait_for_the_reconnect(page)
    expect(page.locator(".lotse-card").first).to_be_visible()
    assert lost, "the message's request was not seen"
    expect(page.locator(".lotse-user", has_text=MESSAGE)).to_have_count(1)
    assert times_in_the_stored_conversation(page, MESSAGE) == 1
    page.close()


def test_a_message_the_server_got_is_not_sent_twice_when_only_the_answer_was_lost(
    browser: Browser, bot_with_test_offers: RunningBot
) -> None:
    """The request reaches the server, but the browser sees it fail (the connection broke on the way back)."""

    def deliver_then_fail(route: Route) -> None:
        route.fetch()
        route.abort()

    page = open_chat(browser, demo_url(bot_with_test_offers))
    delivered = send_with_first_request(page, deliver_then_fail)
    wait_for_the_reconnect(page)
    expect(page.locator(".lotse-card").first).to_be_visible()
    assert delivered, "the message's request was not seen"
    assert times_in_the_stored_conversation(page, MESSAGE) == 1
    page.close()


def test_a_story_with_two_needs_and_a_hinted_emergency(browser: Browser, bot_with_test_offers: RunningBot) -> None:
    page = open_chat(browser, demo_url(bot_with_test_offers))
    page.get_by_label("Ihre Nachricht").fill(
        "Wir haben Schulden beim Stromanbieter und jetzt auch noch Mietrückstand, der Vermieter droht mit Kündigung."
    )
    page.keyboard.press("Enter")
    expect(page.locator(".lotse-card").first).to_be_visible()
    expect(page.locator(".lotse-bot").last).to_contain_text("Sie haben auch")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "second-need-375x667.png"))
    cards = page.locator(".lotse-card").count()
    page.get_by_role("button", name="Ja, bitte").click()
    expect(page.locator(".lotse-card")).not_to_have_count(cards)
    page.get_by_label("Ihre Nachricht").fill(
        "das Baby hört nicht auf zu schreien, ich habe Angst, dass ich es schüttle"
    )
    page.keyboard.press("Enter")
    # the numbers, found by their text: the need the message was also about may be offered after them
    emergency = page.locator(".lotse-bot", has_text="0800 111 0 550").last
    expect(emergency).to_contain_text("112")
    expect(emergency.locator('a[href="tel:08001110550"]')).to_be_visible()  # one tap to call
    expect(emergency.locator('a[href="tel:112"]')).to_be_visible()
    page.screenshot(path=str(SCREENSHOTS / "emergency-375x667.png"))
    page.close()
