"""The offers editor (Decap CMS, editor/) in a real browser: one change in the form is one changed line.

A coordinator opens the editor, opens a provider, changes one offer's opening hours and saves.
The YAML file then differs in exactly that line, `offers validate` passes, a sync reports
"1 geändert", and the widget of the running bot shows the new hours on the card.
The test writes its own two provider files, so it does not depend on the shipped sample data.
"""

from __future__ import annotations

import difflib
import os
import re
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from actions.common import offer_payload
from bot.cli import main
from bot.model import PROJECT_ROOT
from offers_db.db import make_engine
from offers_db.loader import DEFAULT_OFFERS_DIR, load_offers
from offers_db.repository import OfferRepository
from tests.e2e import test_widget_browser as widget_tests
from tests.e2e.conftest import RunningBot, free_port

pytestmark = pytest.mark.slow

EDITOR = PROJECT_ROOT / "editor"
SCREENSHOTS = PROJECT_ROOT / "results" / "screenshots"
TIMEOUT_MS = 20_000
OFFER_ID = "test-familientreff-elterncafe"

FAMILIENTREFF = """\
# Testträger für tests/e2e/test_editor.py – keine echten Daten.
# Kommentare, Leerzeilen, [Listen] und {free: true} müssen ein Speichern im Formular überstehen.
organization:
  name: Testfamilientreff Alfeld
  website: https://example.org
offers:
  - id: test-familientreff-elterncafe
    title: Test-Elterncafé
    description: "Eltern treffen sich, Kinder spielen: nur ein Test, keine echten Angaben."
    categories: [freizeit_kultur, familienzentrum_lotse]
    min_age: 0
    max_age: 6
    audience: public
    delivery: in_person
    location:
      street: Teststraße 1
      postal_code: "31061"
      city: Alfeld (Leine)
      district: Innenstadt
    opening_hours:
      mo: "09:00-12:00"
      do: "09:00-12:00, 14:00-17:00"
    cost: {free: true}
    languages: [de, en]
    keywords: [elterncafe, spielgruppe]
    source:
      url: "https://example.org/elterncafe"
      title: "Beispielseite"
      read: 2026-11-26
    last_reviewed: null
    status: active

  - id: test-familientreff-beratung
    title: Test-Beratung
    description: Beratung nach Vereinbarung. Nur ein Test.
    categories: [erziehungsberatung]
    min_age: null
    max_age: null
    opening_hours: nach Vereinbarung
    cost: {free: true}
    languages: [de]
    last_reviewed: null
"""

TELEFON = """\
# Sammeldatei ohne Träger der Datei: jedes Angebot nennt seinen Träger.
offers:
  - id: test-telefon
    organization:
      name: Testtelefon e.V.
    title: Test-Telefon
    description: Ein Telefon zum Testen.
    categories: [schutz_krise]
    delivery: phone
    opening_hours: rund um die Uhr
    languages: [de]
"""


@dataclass
class Editor:
    url: str
    offers: Path
    log: Path


def _build_editor() -> None:
    """editor/dist from the pinned npm packages (npm ci only when node_modules is missing)."""
    if not (EDITOR / "node_modules" / "decap-cms").exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=EDITOR, check=True, timeout=600)
    subprocess.run(["node", "build.mjs"], cwd=EDITOR, check=True, timeout=120)


def _wait_for_http(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert process.poll() is None, log.read_text()
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"editor did not start: {log.read_text()}")


browser = widget_tests.browser  # the same headless Debian chromium as the widget's tests


@contextmanager
def running_editor(repo: Path, files: dict[str, str]) -> Iterator[Editor]:
    """editor/serve.py (decap-server + static files) writing into repo/offers_db/offers with `files`."""
    _build_editor()
    offers = repo / "offers_db" / "offers"
    offers.mkdir(parents=True)
    for name, text in files.items():
        (offers / name).write_text(text, encoding="utf-8")
    port, proxy_port = free_port(), free_port()
    log = repo.parent / "editor.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, str(EDITOR / "serve.py"), "--repo", str(repo),
             "--port", str(port), "--proxy-port", str(proxy_port)],
            stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            url = f"http://127.0.0.1:{port}/"
            _wait_for_http(url, process, log)
            yield Editor(url, offers, log)
        finally:
            process.terminate()
            process.wait(timeout=20)


@pytest.fixture
def editor(tmp_path: Path) -> Iterator[Editor]:
    """The editor on two provider files written by this test."""
    with running_editor(
        tmp_path / "repo", {"test-familientreff.yml": FAMILIENTREFF, "test-sammeldatei.yml": TELEFON}
    ) as running:
        yield running


def lotse(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{db}"}
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        capture_output=True, text=True, env=env, cwd=PROJECT_ROOT, timeout=60,
    )  # fmt: skip


def login(browser: Browser, editor: Editor) -> Page:
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(editor.url)
    page.get_by_role("button", name="Login").click()  # local backend: no password, one machine
    return page


def save(page: Page) -> None:
    page.get_by_role("button", name="Veröffentlichen").click()
    page.get_by_text("Jetzt veröffentlichen").click()
    expect(page.get_by_text("Beitrag gespeichert")).to_be_visible()


def changed_lines(before: str, after: str) -> list[str]:
    diff = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
    return [line for line in diff if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def open_provider(browser: Browser, editor: Editor, filename: str) -> Page:
    page = login(browser, editor)
    expect(page.get_by_text("Träger und ihre Angebote").first).to_be_visible()
    expect(page.get_by_text("test-sammeldatei.yml")).to_be_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "editor-list-1280x800.png"))
    page.get_by_text(filename).click()
    return page


def test_changing_opening_hours_changes_one_line_validates_and_syncs(
    browser: Browser, editor: Editor, tmp_path: Path, running_bot: RunningBot
) -> None:
    db = tmp_path / "lotse.sqlite3"
    first = lotse("offers", "sync", str(editor.offers), db=db)
    assert "Synchronisiert: 3 neu, 0 geändert, 0 entfernt" in first.stdout, first.stdout + first.stderr
    path = editor.offers / "test-familientreff.yml"
    before = path.read_text(encoding="utf-8")

    page = open_provider(browser, editor, "test-familientreff.yml")
    expect(page.get_by_label("Name des Trägers")).to_have_value("Testfamilientreff Alfeld")
    item = page.locator("[class*=SortableListItem]", has_text="Test-Elterncafé").first
    item.locator("button").first.click()  # expand the offer
    monday = item.get_by_label("Montag")
    expect(monday).to_have_value("09:00-12:00")
    expect(item.get_by_label("Donnerstag")).to_have_value("09:00-12:00, 14:00-17:00")
    monday.fill("10:00-13:00")
    hours_label = item.get_by_text(re.compile(r"^Öffnungszeiten")).first
    hours_label.evaluate("label => { label.scrollIntoView({block: 'start'}); window.scrollBy(0, -90); }")
    page.screenshot(path=str(SCREENSHOTS / "editor-offer-1280x800.png"))
    save(page)
    expect(page.get_by_text("Änderungen gespeichert")).to_be_visible()
    page.screenshot(path=str(SCREENSHOTS / "editor-saved-1280x800.png"))
    page.close()

    # (a) the file changed in that one line only; comments, blank lines and styles are kept
    after = path.read_text(encoding="utf-8")
    changed = changed_lines(before, after)
    assert changed == ['-      mo: "09:00-12:00"', '+      mo: "10:00-13:00"'], "\n".join(changed)
    assert (editor.offers / "test-sammeldatei.yml").read_text(encoding="utf-8") == TELEFON
    assert sorted(p.name for p in editor.offers.iterdir()) == ["test-familientreff.yml", "test-sammeldatei.yml"]

    # (b) the validator accepts the saved file
    assert main(["offers", "validate", str(editor.offers)]) == 0

    # (c) a sync sees exactly this one change
    second = lotse("offers", "sync", str(editor.offers), db=db)
    assert "Synchronisiert: 0 neu, 1 geändert, 0 entfernt" in second.stdout, second.stdout + second.stderr
    assert OFFER_ID in second.stdout

    # (d) what the widget shows on the card: the reply contract built from the synced database
    offer = OfferRepository(make_engine(f"sqlite:///{db}")).get(OFFER_ID)
    assert offer is not None
    assert offer_payload(offer, "", "", "")["opening_hours"] == "Mo 10:00-13:00; Do 09:00-12:00, 14:00-17:00"

    # (e) the widget of the running bot shows the new hours, once the edited files are synced into its database
    running_bot.repository.sync(load_offers(editor.offers).offers)
    try:
        chat = browser.new_page(viewport={"width": 375, "height": 667})
        chat.set_default_timeout(TIMEOUT_MS)
        chat.goto(f"{running_bot.config.base_url}/webchat/")
        chat.get_by_role("button", name="Weitere Themen").click()
        chat.get_by_role("button", name="Freizeit und Kultur").click()
        chat.get_by_role("button", name="0 bis 3 Jahre").click()
        card = chat.locator(".lotse-card", has_text="Test-Elterncafé")
        card.locator("summary").click()
        expect(card).to_contain_text("Mo 10:00-13:00")
        card.scroll_into_view_if_needed()
        chat.screenshot(path=str(SCREENSHOTS / "editor-widget-375x667.png"))
        chat.close()
    finally:
        running_bot.repository.sync(load_offers().offers)


def test_invalid_hours_are_refused_in_the_form(browser: Browser, editor: Editor) -> None:
    path = editor.offers / "test-familientreff.yml"
    page = open_provider(browser, editor, "test-familientreff.yml")
    item = page.locator("[class*=SortableListItem]", has_text="Test-Elterncafé").first
    item.locator("button").first.click()
    item.get_by_label("Montag").fill("9 bis 12 Uhr")
    page.get_by_role("button", name="Veröffentlichen").click()
    page.get_by_text("Jetzt veröffentlichen").click()
    expect(page.get_by_text("Zeiten als HH:MM-HH:MM, mehrere mit Komma").first).to_be_visible()
    page.screenshot(path=str(SCREENSHOTS / "editor-error-1280x800.png"))
    page.close()
    assert path.read_text(encoding="utf-8") == FAMILIENTREFF


def test_new_provider_from_the_form_is_a_valid_readable_file(browser: Browser, editor: Editor) -> None:
    page = login(browser, editor)
    expect(page.get_by_text("Träger und ihre Angebote").first).to_be_visible()
    page.goto(editor.url + "#/collections/traeger/new")
    page.get_by_label("Name des Trägers").fill("Testverein Süd e.V.")
    item = page.locator("[class*=SortableListItem]").first  # a new file starts with one empty offer
    item.locator("button").first.click()
    item.get_by_label("Kennung").fill("testverein-sued-treff")
    item.get_by_label("Titel", exact=True).fill("Treff für Familien")
    item.get_by_label(re.compile("^Beschreibung")).fill("Ein Treff für Familien. Nur ein Test.")
    item.get_by_label(re.compile("^Kategorien")).click()
    page.keyboard.type("Freizeit")
    page.keyboard.press("Enter")
    item.get_by_label("Mittwoch").fill("15:00-17:00")
    save(page)
    page.close()
    created = editor.offers / "testverein-sud-e-v.yml"  # Decap's slug: ascii, accents dropped
    assert created.read_text(encoding="utf-8") == (
        "organization:\n"
        "  name: Testverein Süd e.V.\n"
        "offers:\n"
        "  - id: testverein-sued-treff\n"
        "    title: Treff für Familien\n"
        "    description: Ein Treff für Familien. Nur ein Test.\n"
        "    categories: [freizeit_kultur]\n"
        "    audience: public\n"
        "    delivery: in_person\n"
        "    opening_hours:\n"
        '      mi: "15:00-17:00"\n'
        "    status: active\n"
    )
    assert main(["offers", "validate", str(editor.offers)]) == 0


def test_every_shipped_provider_file_keeps_all_other_lines(browser: Browser, tmp_path: Path) -> None:
    """Open each file of offers_db/offers with every offer expanded (all widgets mounted), change one title."""
    shipped = {path.name: path.read_text(encoding="utf-8") for path in sorted(DEFAULT_OFFERS_DIR.glob("*.yml"))}
    assert shipped
    with running_editor(tmp_path / "repo", shipped) as editor:
        page = login(browser, editor)
        for name, before in shipped.items():
            page.goto("about:blank")
            page.goto(f"{editor.url}#/collections/traeger/entries/{name.removesuffix('.yml')}")
            items = page.locator("[class*=SortableListItem]")
            items.first.wait_for()
            for index in range(items.count()):
                items.nth(index).locator("button").first.click()
            title = items.first.get_by_label("Titel", exact=True)
            old = title.input_value()
            title.fill(f"{old} X")
            save(page)
            changed = changed_lines(before, (editor.offers / name).read_text(encoding="utf-8"))
            assert len(changed) == 2, (name, changed)
            expected = "+" + changed[0][1:].replace(old, f"{old} X", 1)
            assert changed[0].startswith("-") and changed[1] == expected, (name, changed)
        page.close()
