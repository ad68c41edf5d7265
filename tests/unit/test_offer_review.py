"""Issue 12: where an offer's facts come from (source, review), its status and alert — validated, on the card,
in the exports."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
import yaml

from actions.common import card_hint, offer_payload, offers_message
from bot.languages import build_domain
from lotse.languages import language_packs
from lotse.settings import PROJECT_ROOT
from offers_db.export import csv_safe, export_csv, export_json
from offers_db.loader import load_file
from offers_db.schema import Offer
from tests.factories import make_offer

TODAY = date(2026, 11, 26)
HEAD = "organization: {name: Träger}\noffers:\n  - id: a\n    title: A\n    description: B\n    categories: [wohnen]\n"


def issues_of(tmp_path: Path, lines: str) -> list[str]:
    path = tmp_path / "t.yml"
    path.write_text(HEAD + lines, encoding="utf-8")
    return [str(i).split("t.yml:", 1)[1] for i in load_file(path)[1]]


def load_one(tmp_path: Path, lines: str) -> Offer:
    path = tmp_path / "t.yml"
    path.write_text(HEAD + lines, encoding="utf-8")
    offers, issues = load_file(path)
    assert issues == []
    return offers[0]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ("    active: true\n", "7: active: heißt jetzt status: active, temporarily_closed oder ended"),
        ("    status: closed\n", "7: status: 'closed' ist nicht erlaubt (erlaubt: active, temporarily_closed, ended)"),
        (f"    alert: {'x' * 201}\n", "7: alert: zu lang (201 Zeichen, höchstens 200)"),
        (
            "    last_reviewed: 2026-10-01\n",
            "7: reviewed_by: Pflichtfeld, wenn last_reviewed gesetzt ist (wer hat die Angaben bestätigt?)",
        ),
        (
            "    source:\n      url: https://www.alfeld.de/x\n",
            "8: source.read: Pflichtfeld fehlt (Datum, an dem die Seite gelesen wurde)",
        ),
        (
            "    source: {url: www.alfeld.de, read: 2026-11-20}\n",
            "7: source.url: 'www.alfeld.de' ist keine http(s)-Adresse",
        ),
        (
            "    source: {url: https://a.de, read: 20.11.2026}\n",
            "7: source.read: '20.11.2026' ist kein Datum im Format JJJJ-MM-TT",
        ),
        (
            "    source: {url: https://a.de, read: 2026-11-20, datum: x}\n",
            "7: source.datum: unbekanntes Feld",
        ),
        (
            '    contact: {phone: "05181 1234"}\n',
            "7: contact: Kontaktdaten ohne Quelle: source oder last_reviewed angeben",
        ),
        ("    contact: {email: a@b.de}\n", "7: contact: Kontaktdaten ohne Quelle: source oder last_reviewed angeben"),
        (
            "    location: {street: Markt 1}\n",
            "7: location: Kontaktdaten ohne Quelle: source oder last_reviewed angeben",
        ),
    ],
)
def test_new_fields_give_exact_messages(tmp_path: Path, lines: str, expected: str) -> None:
    assert issues_of(tmp_path, lines) == [expected]


def test_contact_data_with_a_source_or_a_review_is_fine(tmp_path: Path) -> None:
    contact = '    contact: {phone: "05181 1234"}\n    location: {street: Markt 1}\n'
    assert issues_of(tmp_path, contact + "    source: {url: https://a.de/x, read: 2026-11-20}\n") == []
    assert issues_of(tmp_path, contact + "    last_reviewed: 2026-10-01\n    reviewed_by: M. Muster\n") == []
    assert issues_of(tmp_path, "    contact: {website: https://a.de}\n") == []  # a website alone is public anyway


def test_new_fields_are_read(tmp_path: Path) -> None:
    offer = load_one(
        tmp_path,
        "    source:\n      url: https://www.alfeld.de/familienzentrum\n      read: 2026-11-20\n"
        "    last_reviewed: 2026-10-01\n    reviewed_by: 'M. Muster, Familienzentrum'\n"
        "    status: temporarily_closed\n    alert: ' Im August geschlossen. '\n",
    )
    assert (offer.source_url, offer.source_title, offer.source_read) == (
        "https://www.alfeld.de/familienzentrum",
        None,
        date(2026, 11, 20),
    )
    assert offer.source_label == "alfeld.de"  # no title: the host name
    assert (offer.last_reviewed, offer.reviewed_by) == (date(2026, 10, 1), "M. Muster, Familienzentrum")
    assert (offer.status, offer.alert, offer.active) == ("temporarily_closed", "Im August geschlossen.", True)
    assert load_one(tmp_path, "").status == "active"


def test_offers_stored_before_status_are_read_back() -> None:
    stored = make_offer("alt").to_dict()
    del stored["status"]
    assert Offer.from_json(json.dumps({**stored, "active": False})).status == "ended"
    assert Offer.from_json(json.dumps({**stored, "active": True})).status == "active"
    full = make_offer("neu", source_url="https://a.de", source_read=date(2026, 1, 2), status="ended")
    assert Offer.from_json(json.dumps(full.to_dict())) == full


# --- the card ---------------------------------------------------------------------------------------------

UNREVIEWED = "bitte Angaben vorab prüfen"
SOURCE = "laut {source}, Stand {date}"


@pytest.mark.parametrize(
    ("fields", "hint"),
    [
        ({"last_reviewed": date(2025, 11, 26)}, None),  # exactly 365 days: still fine
        ({"last_reviewed": date(2025, 11, 25)}, UNREVIEWED),
        ({}, UNREVIEWED),
        (
            {
                "source_url": "https://www.alfeld.de/x",
                "source_title": "Stadt Alfeld",
                "source_read": date(2026, 11, 20),
            },
            "laut Stadt Alfeld, Stand 20.11.2026",
        ),
        (
            {
                "last_reviewed": date(2024, 1, 1),
                "source_url": "https://www.alfeld.de/x",
                "source_read": date(2026, 3, 5),
            },
            "laut alfeld.de, Stand 05.03.2026",
        ),
        ({"last_reviewed": date(2026, 10, 1), "source_url": "https://a.de", "source_read": date(2020, 1, 1)}, None),
    ],
)
def test_card_hint_by_review_and_source(fields: dict[str, object], hint: str | None) -> None:
    assert card_hint(make_offer("a", **fields), UNREVIEWED, SOURCE, today=TODAY) == hint


def test_payload_only_adds_keys_and_shows_the_alert() -> None:
    closed = make_offer("zu", status="temporarily_closed")
    payload = offer_payload(closed, UNREVIEWED, SOURCE, "vorübergehend geschlossen", today=TODAY)
    assert {"status", "alert", "source_url", "source", "hint", "last_reviewed", "website"} <= set(payload)
    assert (payload["status"], payload["alert"]) == ("temporarily_closed", "vorübergehend geschlossen")
    own = offer_payload(make_offer("zu", status="temporarily_closed", alert="Im August zu."), UNREVIEWED, today=TODAY)
    assert own["alert"] == "Im August zu."
    assert offer_payload(make_offer("offen"), UNREVIEWED, today=TODAY)["alert"] is None
    assert offer_payload(make_offer("alt"), UNREVIEWED)["hint"] == UNREVIEWED  # old call: still works


@pytest.mark.parametrize(
    ("lang", "hint", "closed"),
    [
        ("de", "laut Stadt Alfeld, Stand 20.11.2026", "vorübergehend geschlossen"),
        ("en", "according to Stadt Alfeld, as of 20.11.2026", "temporarily closed"),
    ],
)
def test_offers_message_takes_the_texts_from_the_domain(lang: str, hint: str, closed: str) -> None:
    offer = make_offer(
        "a", status="temporarily_closed", source_url="https://a.de", source_title="Stadt Alfeld",
        source_read=date(2026, 11, 20),
    )  # fmt: skip
    german = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))
    [card] = offers_message([offer], build_domain(german, language_packs()), lang, today=TODAY)["offers"]
    assert (card["hint"], card["alert"], card["source_url"], card["source"]) == (
        hint,
        closed,
        "https://a.de",
        "Stadt Alfeld",
    )


# --- exports ----------------------------------------------------------------------------------------------


def test_hsds_export_has_status_alert_and_assurance() -> None:
    offers = [
        make_offer("a", last_reviewed=date(2026, 10, 1), reviewed_by="M. Muster", alert="Im August zu.",
                   status="temporarily_closed", source_url="https://a.de/x", source_read=date(2026, 11, 20)),
        make_offer("b", status="ended", reviewed_by="info@traeger.de", last_reviewed=date(2026, 1, 1)),
    ]  # fmt: skip
    a, b = json.loads(export_json(offers))["services"]
    assert (a["status"], a["alert"], a["assured_date"], a["assurer"]) == (
        "temporarily closed",
        "Im August zu.",
        "2026-10-01",
        "M. Muster",
    )
    assert a["assurer_email"] is None
    assert a["attributes"] == [{"label": "source", "url": "https://a.de/x", "title": "a.de", "read": "2026-11-20"}]
    assert (b["status"], b["assurer_email"], b["attributes"]) == ("defunct", "info@traeger.de", [])


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cells_cannot_start_a_formula(start: str) -> None:
    evil = f'{start}HYPERLINK("https://evil.example")'
    offer = make_offer("a", title=evil, description=evil, alert=evil, keywords=(evil,), phone="+49 5181 1")
    [row] = list(csv.DictReader(io.StringIO(export_csv([offer]))))
    for column in ("title", "description", "alert", "keywords", "phone"):
        assert row[column].startswith("'"), (column, row[column])
    assert row["title"] == "'" + evil
    assert row["id"] == "a" and row["min_age"] == ""
    assert csv_safe(-1.5) == -1.5 and csv_safe("Kita") == "Kita" and csv_safe(None) is None
