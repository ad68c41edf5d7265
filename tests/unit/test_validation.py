"""Every kind of bad coordinator input yields one exact file:line: field: message."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from offers_db.loader import MAX_FILE_BYTES, load_file, load_offers

DATA = Path(__file__).parents[1] / "data"
INVALID = DATA / "invalid"


@pytest.fixture(autouse=True)
def _relative_paths(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DATA)


EXPECTED = {
    "01_syntax_error.yml": "7: (YAML): YAML-Syntaxfehler: found unexpected end of stream "
    "(while scanning a quoted scalar, Zeile 5)",
    "02_wrong_type_age.yml": "7: min_age: muss eine Zahl sein, nicht Text",
    "03_unknown_field.yml": "7: discription: unbekanntes Feld – meinten Sie 'description'?",
    "04_unknown_category.yml": "7: categories: unbekannte Kategorie 'kinderbetreung' – meinten Sie 'kinderbetreuung'?",
    "06_age_range.yml": "7: min_age: min_age 6 ist größer als max_age 3",
    "07_negative_age.yml": "7: max_age: muss zwischen 0 und 99 liegen",
    "08_bad_email.yml": "8: contact.email: 'info(at)example.org' ist keine E-Mail-Adresse",
    "09_bad_phone.yml": "8: contact.phone: 'bitte anrufen' ist keine Telefonnummer",
    "10_bad_url.yml": "8: contact.website: 'javascript:alert(1)' ist keine http(s)-Adresse",
    "11_bad_date.yml": "7: last_reviewed: '2025-02-30' ist kein gültiges Datum",
    "12_empty.yml": "1: (Datei): Datei ist leer",
    "13_not_utf8.yml": "1: (Datei): kein gültiges UTF-8 (bitte als UTF-8 speichern)",
    "14_alias_bomb.yml": "2: (YAML): YAML-Anker (&name) sind nicht erlaubt",
    "16_missing_required.yml": "3: title: Pflichtfeld fehlt oder ist leer",
    "17_bad_id.yml": "3: id: 'Kita Sonnenschein' ist keine gültige ID (nur a-z, 0-9 und -)",
    "18_online_with_address.yml": "8: location: Angebote mit delivery 'online' haben keine Adresse",
    "19_bad_language.yml": "7: languages: 'arabisch' ist kein ISO-639-1-Sprachcode (z. B. de, en, tr, ar)",
    "20_duplicate_key.yml": "5: (YAML): Feld 'title' steht doppelt (zuerst in Zeile 4)",
    "21_bad_opening_hours.yml": "8: opening_hours.mo: '9 bis 12' ist keine Zeitspanne HH:MM-HH:MM",
    "22_yes_is_not_bool.yml": "7: active: heißt jetzt status: active, temporarily_closed oder ended",
    "23_postal_code_number.yml": "8: location.postal_code: '31061' ist keine Postleitzahl "
    '(5 Ziffern in Anführungszeichen, z. B. "31061")',
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_gives_exact_message(name: str) -> None:
    offers, issues = load_file(Path("invalid") / name)
    assert [str(i) for i in issues] == [f"invalid/{name}:{EXPECTED[name]}"]
    assert offers == []


def test_duplicate_id_across_files_names_both() -> None:
    result = load_offers(Path("invalid"))
    duplicates = [str(i) for i in result.issues if i.field == "id" and "schon" in i.message]
    assert duplicates == [
        "invalid/05_duplicate_id_b.yml:7: id: ID 'doppelt' gibt es schon in invalid/05_duplicate_id_a.yml:3"
    ]


def test_all_problems_are_reported_at_once() -> None:
    result = load_offers(Path("invalid"))
    files = {i.file for i in result.issues}
    assert len(files) == len(EXPECTED) + 1  # plus the duplicate-id file


def test_huge_file_is_refused_without_parsing(tmp_path: Path) -> None:
    huge = tmp_path / "huge.yml"
    huge.write_bytes(b"# x\n" * (MAX_FILE_BYTES // 4 + 1))
    offers, issues = load_file(huge)
    assert offers == []
    assert [(i.line, i.field) for i in issues] == [(1, "(Datei)")]
    assert issues[0].message.startswith(f"Datei ist zu groß ({os.path.getsize(huge)} Bytes")


def test_deeply_nested_yaml_is_refused(tmp_path: Path) -> None:
    deep = tmp_path / "deep.yml"
    deep.write_text("offers: " + "[" * 5000 + "]" * 5000)
    _, issues = load_file(deep)
    assert len(issues) == 1 and issues[0].field == "(YAML)"


def test_several_problems_in_one_offer_are_all_listed(tmp_path: Path) -> None:
    path = tmp_path / "multi.yml"
    path.write_text(
        "organization: {name: T}\n"
        "offers:\n"
        "  - id: x\n"
        "    title: X\n"
        "    description: Y\n"
        "    categories: [wohnen, nix]\n"
        "    contact: {email: kaputt, phone: '12'}\n"
        "    valid_from: 2026-02-01\n"
        "    valid_until: 2026-01-01\n",
        encoding="utf-8",
    )
    _, issues = load_file(path)
    assert [(i.line, i.field) for i in issues] == [
        (6, "categories"),
        (7, "contact.phone"),
        (7, "contact.email"),
        (8, "valid_from"),
    ]


def test_valid_file_is_read_completely() -> None:
    result = load_offers(Path("valid"))
    assert result.issues == []
    kita, staff = result.offers
    assert kita.id == "test-kita"
    assert (kita.min_age, kita.max_age) == (3.0, 6.0)
    assert kita.languages == ("de", "no", "tr")  # 'no' stays Norwegian, not False
    assert kita.opening_hours == "Mo 07:00-16:00; Fr 07:00-13:00"
    assert kita.address == "Marktplatz 5, 31061 Alfeld (Leine)"
    assert kita.cost == "nach Einkommen"
    assert kita.last_reviewed == date(2025, 10, 1)
    assert kita.organization == "Testträger Alfeld"
    assert staff.audience == "staff" and staff.delivery == "phone" and staff.address is None
    assert staff.last_reviewed is None and staff.cost == "kostenlos"


def test_shipped_sample_offers_are_valid() -> None:
    result = load_offers()
    assert [str(i) for i in result.issues] == []
    assert len(result.offers) >= 40
