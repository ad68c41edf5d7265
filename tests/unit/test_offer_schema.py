"""offers_db/offer.schema.json (for editors) and the validator (`lotse offers validate`) agree."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from offers_db import schema as validator_schema
from offers_db.categories import category_ids
from offers_db.loader import DEFAULT_OFFERS_DIR, load_file
from offers_db.yaml_lines import load_yaml

SCHEMA_FILE = Path(validator_schema.__file__).with_name("offer.schema.json")
DATA = Path(__file__).parents[1] / "data"

FULL = """\
# yaml-language-server: $schema=../offer.schema.json
organization:
  name: Familienzentrum Alfeld
  website: https://www.alfeld.de
offers:
  - id: familienzentrum-sprechstunde
    title: Offene Sprechstunde
    description: Beratung zu allen Fragen rund um die Familie.
    categories: [familienzentrum_lotse, erziehungsberatung]
    min_age: 0.5
    max_age: 17
    audience: public
    delivery: in_person
    location:
      street: Marktplatz 5
      postal_code: "31061"
      city: Alfeld (Leine)
      district: Innenstadt
      lat: 51.98
      lon: 9.82
    contact: {phone: "05181 12345", email: info@example.org, website: https://example.org}
    opening_hours: {mo: "09:00-12:00", do: "09:00-12:00, 14:00-17:00"}
    cost: {free: true}
    languages: [de, en, tr]
    how_to_apply: Einfach vorbeikommen.
    eligibility: Familien aus Alfeld
    keywords: [orientierung]
    source:
      url: https://www.alfeld.de/familienzentrum
      title: Stadt Alfeld – Familienzentrum
      read: 2026-11-20
    last_reviewed: 2026-10-01
    reviewed_by: "M. Muster, Familienzentrum"
    valid_from: 2026-01-01
    valid_until: null
    status: temporarily_closed
    alert: "Im August geschlossen."
  - id: online-beratung
    title: Online-Beratung
    description: Chat-Beratung für Eltern.
    categories: [erziehungsberatung]
    organization: {name: Bundesweiter Träger}
    delivery: online
    contact: {website: https://example.org/chat}
    opening_hours: rund um die Uhr
    cost: {free: false, description: "5 € pro Termin"}
    last_reviewed: null
    status: ended
"""

# (offer lines replacing those of a minimal valid offer, the validator's field) — every one fails both checks
BROKEN = {
    "unknown field": ("    discription: x\n", "discription"),
    "old active field": ("    active: true\n", "active"),
    "bad category": ("    categories: [kinderbetreung]\n", "categories"),
    "bad status": ("    status: closed\n", "status"),
    "bad audience": ("    audience: everyone\n", "audience"),
    "alert too long": (f"    alert: {'x' * 201}\n", "alert"),
    "language not ISO 639-1": ("    languages: [deutsch]\n", "languages"),
    "age out of range": ("    max_age: 120\n", "max_age"),
    "bad date": ("    last_reviewed: 01.10.2026\n    reviewed_by: X\n", "last_reviewed"),
    "impossible date": ("    valid_from: 2026-02-30\n", "valid_from"),
    "review without reviewer": ("    last_reviewed: 2026-10-01\n", "reviewed_by"),
    "source without read": ("    source: {url: https://example.org}\n", "source.read"),
    "source not http": ("    source: {url: ftp://example.org, read: 2026-11-20}\n", "source.url"),
    "unknown source field": ("    source: {url: https://example.org, read: 2026-11-20, by: X}\n", "source.by"),
    "phone without source": ('    contact: {phone: "05181 1234"}\n', "contact"),
    "street without source": ("    location: {street: Marktplatz 5}\n", "location"),
    "online with address": (
        "    delivery: online\n    location: {city: Alfeld}\n",
        "location",
    ),
    "bad id": ("    id: Kita Sonne\n", "id"),
    "cost neither free nor described": ("    cost: {free: false}\n", "cost"),
    "bad opening hours": ('    opening_hours: {mo: "9 bis 12"}\n', "opening_hours.mo"),
}
BASE = {"id": "a", "title": "A", "description": "B", "categories": "[wohnen]"}


def validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def schema_errors(path: Path) -> list[str]:
    data = load_yaml(path.read_text(encoding="utf-8"))  # dates stay text, as editors read YAML 1.2
    return [error.message for error in validator().iter_errors(data)]


def broken_file(tmp_path: Path, lines: str) -> Path:
    """A minimal valid offer with `lines` replacing or adding fields."""
    fields = {key: f"    {key}: {value}\n" for key, value in BASE.items()}
    for line in lines.splitlines(keepends=True):
        fields[line.split(":")[0].strip()] = line
    body = "".join(fields.values())
    path = tmp_path / "broken.yml"
    path.write_text("organization: {name: Träger}\noffers:\n  - " + body[4:], encoding="utf-8")
    return path


def sample_files() -> list[Path]:
    return sorted(DEFAULT_OFFERS_DIR.glob("*.yml")) + sorted((DATA / "valid").glob("*.yml"))


@pytest.mark.parametrize("sample", sample_files(), ids=lambda p: p.name)
def test_every_sample_file_passes_schema_and_validator(sample: Path, tmp_path: Path) -> None:
    copy = tmp_path / sample.name
    shutil.copy(sample, copy)
    _, issues = load_file(copy)
    assert [str(i) for i in issues] == []
    assert schema_errors(copy) == []


def test_a_file_with_every_field_passes_both(tmp_path: Path) -> None:
    path = tmp_path / "voll.yml"
    path.write_text(FULL, encoding="utf-8")
    offers, issues = load_file(path)
    assert issues == [] and len(offers) == 2
    assert schema_errors(path) == []


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_case_fails_schema_and_validator(case: str, tmp_path: Path) -> None:
    lines, field = BROKEN[case]
    path = broken_file(tmp_path, lines)
    _, issues = load_file(path)
    assert field in {i.field for i in issues}, [str(i) for i in issues]
    assert schema_errors(path) != [], path.read_text(encoding="utf-8")


def test_rules_only_the_validator_checks_are_named_in_the_schema(tmp_path: Path) -> None:
    """min_age > max_age cannot be said in JSON Schema: the schema's description says so."""
    path = broken_file(tmp_path, "    min_age: 6\n    max_age: 3\n")
    assert [i.field for i in load_file(path)[1]] == ["min_age"]
    assert schema_errors(path) == []
    description = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))["description"]
    for rule in ("min_age <= max_age", "valid_from <= valid_until", "eindeutige IDs", "active"):
        assert rule in description


def test_schema_lists_exactly_the_validators_fields_and_choices() -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    offer: dict[str, Any] = schema["$defs"]["offer"]["properties"]
    assert tuple(offer) == validator_schema.OFFER_FIELDS
    assert offer["categories"]["items"]["enum"] == list(category_ids())
    assert offer["status"]["enum"] == list(validator_schema.STATUSES)
    assert offer["audience"]["enum"] == list(validator_schema.AUDIENCES)
    assert offer["delivery"]["enum"] == list(validator_schema.DELIVERIES)
    assert set(offer["languages"]["items"]["enum"]) == validator_schema.ISO_639_1
    assert tuple(offer["location"]["properties"]) == validator_schema.LOCATION_FIELDS
    assert tuple(offer["contact"]["properties"]) == validator_schema.CONTACT_FIELDS
    assert tuple(offer["cost"]["properties"]) == validator_schema.COST_FIELDS
    assert tuple(offer["source"]["properties"]) == validator_schema.SOURCE_FIELDS
    assert offer["alert"]["maxLength"] == validator_schema.MAX_ALERT_CHARS
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
