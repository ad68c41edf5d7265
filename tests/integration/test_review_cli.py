"""`lotse offers stale | reviewed | check-links | remind`: keeping the offers' facts fresh (issue 12)."""

from __future__ import annotations

import csv
import http.server
import io
import shutil
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

import bot.cli
from actions.notifications import FakeNotifier, TelegramNotifier, review_notifier
from bot.cli import main
from lotse import settings as lotse_settings
from offers_db.loader import DEFAULT_OFFERS_DIR, load_file

TODAY = date(2026, 11, 26)

FAMILIENZENTRUM = """\
# Familienzentrum Alfeld – Kommentare bleiben stehen
organization:
  name: Familienzentrum Alfeld
  website: https://www.alfeld.de
offers:
  - id: fz-sprechstunde
    title: Offene Sprechstunde
    description: Beratung.
    categories: [familienzentrum_lotse]
    contact: {phone: "05181 12345", email: info@example.org}
    source:
      url: https://www.alfeld.de/familienzentrum
      read: 2026-11-20
    last_reviewed: null   # noch nie geprüft
    status: active

  - id: fz-treff
    title: Familientreff
    description: >-
      Treffen für Familien,
      jeden Dienstag.
    categories: [freizeit_kultur]
    last_reviewed: 2025-11-25
    reviewed_by: "A. Alt"
    keywords: [treff,
      familien]

  - id: fz-frisch
    title: Frisch geprüft
    description: Geprüft.
    categories: [freizeit_kultur]
    last_reviewed: 2026-06-01
    reviewed_by: B. Neu

  - id: fz-beendet
    title: Beendet
    description: Gibt es nicht mehr.
    categories: [freizeit_kultur]
    status: ended
"""

TAFEL = """\
organization: {name: Alfelder Tafel}
offers:
  - id: tafel-ausgabe
    title: Lebensmittelausgabe
    description: Lebensmittel.
    categories: [finanzielle_hilfe]
    contact: {website: https://tafel.example.org}
    last_reviewed: 2024-01-31
    reviewed_by: C. Tafel
"""


@pytest.fixture
def offers_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "offers"
    folder.mkdir()
    (folder / "familienzentrum.yml").write_text(FAMILIENZENTRUM, encoding="utf-8")
    (folder / "tafel.yml").write_text(TAFEL, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(bot.cli, "today", lambda: TODAY)
    return folder


STALE = """\
Zur Prüfung fällig (nie geprüft oder vor mehr als 365 Tagen), Stand 26.11.2026:

Alfelder Tafel – https://tafel.example.org
  tafel-ausgabe: zuletzt 31.01.2024 (1030 Tage) – offers/tafel.yml:3

Familienzentrum Alfeld – https://www.alfeld.de · 05181 12345 · info@example.org
  fz-sprechstunde: nie geprüft – offers/familienzentrum.yml:6
  fz-treff: zuletzt 25.11.2025 (366 Tage) – offers/familienzentrum.yml:17

3 Angebote bei 2 Trägern zur Prüfung fällig.
"""


def test_stale_lists_offers_due_by_provider_with_contact(offers_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["offers", "stale", "offers"]) == 0
    assert capsys.readouterr().out == STALE


def test_stale_with_fewer_days_and_when_nothing_is_due(offers_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["offers", "stale", "--days", "100", "offers"]) == 0
    assert "  fz-frisch: zuletzt 01.06.2026 (178 Tage) – offers/familienzentrum.yml:28\n" in capsys.readouterr().out
    assert main(["offers", "stale", "offers/tafel.yml", "--days", "5000"]) == 0
    assert capsys.readouterr().out == "Alle Angebote sind in den letzten 5000 Tagen geprüft worden.\n"


def changed_lines(before: str, after: str) -> list[tuple[str, str]]:
    import difflib

    diff = difflib.ndiff(before.splitlines(keepends=True), after.splitlines(keepends=True))
    return [(line[0], line[2:]) for line in diff if line[0] in "+-"]


def test_reviewed_sets_both_fields_and_leaves_every_other_byte(
    offers_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = offers_dir / "familienzentrum.yml"
    assert (
        main(["offers", "reviewed", "fz-sprechstunde", "--by", "M. Muster, Familienzentrum", "--path", "offers"]) == 0
    )
    assert capsys.readouterr().out == (
        "offers/familienzentrum.yml:6: fz-sprechstunde: geprüft am 26.11.2026 von M. Muster, Familienzentrum. "
        "Danach: lotse offers validate && lotse offers sync\n"
    )
    after = path.read_text(encoding="utf-8")
    assert changed_lines(FAMILIENZENTRUM, after) == [
        ("-", "    last_reviewed: null   # noch nie geprüft\n"),
        ("+", "    last_reviewed: 2026-11-26   # noch nie geprüft\n"),
        ("+", '    reviewed_by: "M. Muster, Familienzentrum"\n'),
    ]
    assert main(["offers", "reviewed", "fz-treff", "--by", "B. Neu", "--date", "2026-11-02", "--path", "offers"]) == 0
    assert changed_lines(after, path.read_text(encoding="utf-8")) == [
        ("-", "    last_reviewed: 2025-11-25\n"),
        ("+", "    last_reviewed: 2026-11-02\n"),
        ("-", '    reviewed_by: "A. Alt"\n'),
        ("+", '    reviewed_by: "B. Neu"\n'),
    ]
    assert main(["offers", "validate", "offers"]) == 0


def test_reviewed_adds_the_fields_after_the_offers_last_value(
    offers_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = offers_dir / "familienzentrum.yml"
    path.write_bytes(FAMILIENZENTRUM.replace("\n", "\r\n").encode("utf-8"))  # Windows line ends stay
    assert (
        main(["offers", "reviewed", "fz-beendet", "--by", 'Z. "Zett"', "--date", "2026-01-02", "--path", "offers"]) == 0
    )
    assert path.read_bytes() == (
        FAMILIENZENTRUM + '    last_reviewed: 2026-01-02\n    reviewed_by: "Z. \\"Zett\\""\n'
    ).replace("\n", "\r\n").encode("utf-8")
    tafel = offers_dir / "tafel.yml"
    tafel.write_text(TAFEL.replace("    last_reviewed: 2024-01-31\n    reviewed_by: C. Tafel\n", ""), encoding="utf-8")
    assert (
        main(["offers", "reviewed", "tafel-ausgabe", "--by", "C. Tafel", "--date", "2026-11-26", "--path", "offers"])
        == 0
    )
    assert tafel.read_text(encoding="utf-8") == TAFEL.replace(
        "2024-01-31\n    reviewed_by: C. Tafel", '2026-11-26\n    reviewed_by: "C. Tafel"'
    )
    capsys.readouterr()
    assert main(["offers", "validate", "offers"]) == 0


def test_reviewed_refuses_unknown_ids_and_future_dates(offers_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = {p: p.read_bytes() for p in offers_dir.iterdir()}
    assert main(["offers", "reviewed", "gibtsnicht", "--by", "X", "--path", "offers"]) == 1
    assert capsys.readouterr().err == "Kein Angebot mit der ID 'gibtsnicht' in offers.\n"
    assert main(["offers", "reviewed", "fz-treff", "--by", "X", "--date", "2026-12-01", "--path", "offers"]) == 2
    assert capsys.readouterr().err == "--date: 2026-12-01 liegt in der Zukunft.\n"
    assert main(["offers", "reviewed", "fz-treff", "--by", "  ", "--path", "offers"]) == 2
    assert {p: p.read_bytes() for p in offers_dir.iterdir()} == before


# --- check-links against a local web server ---------------------------------------------------------------


class Handler(http.server.BaseHTTPRequestHandler):
    def do_HEAD(self) -> None:
        if self.path == "/nur-get":
            self.send_response(405)
            self.end_headers()
            return
        self.do_GET()

    def do_GET(self) -> None:
        if self.path == "/langsam":
            time.sleep(1.5)
        status = {"/weg": 404, "/fehler": 500}.get(self.path, 200)
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def web() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def links_file(folder: Path, web: str) -> None:
    folder.joinpath("links.yml").write_text(
        f"""\
organization: {{name: Träger, website: "{web}/ok"}}
offers:
  - id: gut
    title: Gut
    description: X
    categories: [wohnen]
    contact: {{website: "{web}/nur-get"}}
    source: {{url: "{web}/ok", read: 2026-11-20}}
  - id: kaputt
    title: Kaputt
    description: X
    categories: [wohnen]
    contact: {{website: "{web}/weg"}}
    source: {{url: "{web}/fehler", read: 2026-11-20}}
  - id: lahm
    title: Lahm
    description: X
    categories: [wohnen]
    contact: {{website: "{web}/langsam"}}
""",
        encoding="utf-8",
    )


def test_check_links_names_dead_and_slow_addresses(
    tmp_path: Path, web: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    links_file(tmp_path, web)
    assert main(["offers", "check-links", "--slow", "1", "links.yml"]) == 1
    assert capsys.readouterr().out == (
        f"links.yml:9: kaputt: {web}/fehler: HTTP 500\n"
        f"links.yml:9: kaputt: {web}/weg: HTTP 404\n"
        f"links.yml:15: lahm: {web}/langsam: langsam (1.5 s)\n"
        "5 Adressen geprüft, 3 mit Problemen.\n"
    )
    assert main(["offers", "check-links", "--timeout", "0.5", "links.yml"]) == 1
    assert f"links.yml:15: lahm: {web}/langsam: keine Antwort nach 0.5 s\n" in capsys.readouterr().out


def test_check_links_of_an_unreachable_host(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.yml").write_text(
        "organization: {name: T}\noffers:\n  - id: a\n    title: A\n    description: B\n    categories: [wohnen]\n"
        "    contact: {website: 'http://127.0.0.1:9/zu'}\n",
        encoding="utf-8",
    )
    assert main(["offers", "check-links", "a.yml"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("a.yml:3: a: http://127.0.0.1:9/zu: nicht erreichbar (")
    assert out.endswith("1 Adressen geprüft, 1 mit Problemen.\n")


# --- remind: the weekly list in the staff chat ------------------------------------------------------------


@pytest.fixture
def reminder_chat(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeNotifier]:
    fake = FakeNotifier()
    monkeypatch.setenv("LOTSE_REVIEW_REMINDER_CHAT", "-100123")
    lotse_settings.reload()
    monkeypatch.setattr(bot.cli, "review_notifier", lambda: fake)
    yield fake
    monkeypatch.undo()
    lotse_settings.reload()


def test_remind_sends_the_stale_list(
    offers_dir: Path, reminder_chat: FakeNotifier, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["offers", "remind", "offers"]) == 0
    assert capsys.readouterr().out == "Erinnerung gesendet: 3 Angebote bei 2 Trägern zur Prüfung fällig.\n"
    [notice] = reminder_chat.sent
    assert notice.text == STALE.rstrip("\n") and notice.buttons == ()


def test_remind_when_nothing_is_due_or_telegram_refuses(
    offers_dir: Path, reminder_chat: FakeNotifier, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["offers", "remind", "--days", "5000", "offers/tafel.yml"]) == 0
    assert capsys.readouterr().out == "Keine Angebote zur Prüfung fällig; nichts gesendet.\n"
    reminder_chat.failures = 1
    assert main(["offers", "remind", "offers"]) == 1
    assert capsys.readouterr().err == "Telegram hat die Erinnerung nicht angenommen; nächste Woche erneut.\n"
    assert reminder_chat.sent == []


def test_remind_is_off_without_the_setting(
    offers_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("LOTSE_REVIEW_REMINDER_CHAT", raising=False)
    lotse_settings.reload()
    fake = FakeNotifier()
    monkeypatch.setattr(bot.cli, "review_notifier", lambda: fake)
    assert main(["offers", "remind", "offers"]) == 0
    assert capsys.readouterr().out == "Erinnerung ist aus (LOTSE_REVIEW_REMINDER_CHAT ist leer); nichts gesendet.\n"
    assert fake.sent == []


def test_review_notifier_uses_the_staff_bot_and_the_reminder_chat(monkeypatch: pytest.MonkeyPatch) -> None:
    telegram = {
        "TELEGRAM_TOKEN": "123:abc",
        "TELEGRAM_WEBHOOK_URL": "https://lotse.example.de/webhooks/telegram/webhook",
        "TELEGRAM_SECRET": "s",
        "LOTSE_STAFF_FILE": "/etc/staff.yml",
    }
    config = lotse_settings.from_environment({**telegram, "LOTSE_REVIEW_REMINDER_CHAT": " -100123 "})
    assert config.review_reminder_chat == "-100123"
    assert lotse_settings.from_environment(lotse_settings.environment(config)) == config
    monkeypatch.setattr("actions.notifications.settings", lambda: config)
    sender = review_notifier()
    assert isinstance(sender, TelegramNotifier) and sender.chat_id == "-100123"
    monkeypatch.setattr("actions.notifications.settings", lambda: config.with_changes(telegram=None))
    assert review_notifier() is None
    assert lotse_settings.from_environment({}).review_reminder_chat is None


def test_report_needs_csv_cannot_start_a_formula(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from offers_db.db import make_engine
    from offers_db.repository import OfferRepository

    repository = OfferRepository(make_engine(f"sqlite:///{tmp_path / 'lotse.sqlite3'}"))
    monkeypatch.setattr(bot.cli, "OfferRepository", lambda: repository)  # never the shared engine
    repository.record_need("wohnen", 4, '=HYPERLINK("https://evil.example")', True, day=date(2026, 3, 2))
    repository.record_need("-2+3", None, "@SUM(1)", False, day=date(2026, 3, 2))
    args = ["report", "needs", "--format", "csv", "--from", "2026-03-01", "--to", "2026-03-31"]
    assert main(args) == 0
    cells = [cell for row in csv.reader(io.StringIO(capsys.readouterr().out)) for cell in row]
    assert "'-2+3" in cells  # an unknown need id is its own row label, guarded
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@")]
    assert not [cell for cell in cells if "HYPERLINK" in cell or "SUM" in cell]  # channels only as labels


@pytest.mark.parametrize("sample", sorted(DEFAULT_OFFERS_DIR.glob("*.yml"))[:6], ids=lambda p: p.name)
def test_reviewed_on_a_shipped_file_changes_only_the_review_lines(
    sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(bot.cli, "today", lambda: TODAY)
    copy = tmp_path / sample.name
    shutil.copy(sample, copy)
    before = copy.read_text(encoding="utf-8")
    [first, *_] = load_file(copy)[0]
    assert main(["offers", "reviewed", first.id, "--by", "M. Muster", "--path", str(copy)]) == 0
    changes = changed_lines(before, copy.read_text(encoding="utf-8"))
    assert {line.split(":")[0].strip() for _, line in changes} <= {"last_reviewed", "reviewed_by"}
    assert ("+", '    reviewed_by: "M. Muster"\n') in changes
    [after, *_] = load_file(copy)[0]
    assert (after.last_reviewed, after.reviewed_by) == (TODAY, "M. Muster")
    assert after == replace(first, last_reviewed=TODAY, reviewed_by="M. Muster")


def test_reviewed_refuses_flow_style_offers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "flow.yml"
    text = (
        "organization: {name: T}\noffers:\n"
        "  - {id: a, title: A, description: B, categories: [wohnen], last_reviewed: null}\n"
    )
    path.write_text(text, encoding="utf-8")
    assert main(["offers", "reviewed", "a", "--by", "X", "--date", "2026-01-01", "--path", str(path)]) == 1
    assert "last_reviewed in Zeile 3 bitte von Hand ändern" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == text
