"""The offer schema (HSDS 3.0-inspired): strict validation of one provider file into Offer records."""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlparse

from offers_db.categories import category_ids
from offers_db.yaml_lines import LineDict, LineList

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
EMAIL = re.compile(r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$")
PHONE = re.compile(r"^\+?\(?[0-9][0-9 /()\-]*$")  # the one phone shape: offers and families
POSTAL_CODE = re.compile(r"^[0-9]{5}$")
ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
TIME_RANGE = re.compile(r"^([01][0-9]|2[0-3]):([0-5][0-9])\s*-\s*([01][0-9]|2[0-4]):([0-5][0-9])$")
WEEKDAYS = {"mo": "Mo", "di": "Di", "mi": "Mi", "do": "Do", "fr": "Fr", "sa": "Sa", "so": "So"}
AUDIENCES = ("public", "staff")
DELIVERIES = ("in_person", "online", "phone")
STATUSES = ("active", "temporarily_closed", "ended")  # ended offers are never shown to families
MAX_ALERT_CHARS = 200
MAX_AGE_YEARS = 99
ISO_639_1 = frozenset(
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu "
    "cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi "
    "ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks "
    "ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl "
    "nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl "
    "sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve "
    "vi vo wa wo xh yi yo za zh zu ".split()
)

# A person's confirmation (last_reviewed) counts this long — the card, `lotse offers stale` and the needs
# report all ask reviewed_within(); AIRS/Inform USA: every record reviewed at least yearly.
REVIEW_VALID_DAYS = 365


def reviewed_within(last_reviewed: date | None, day: date, days: int = REVIEW_VALID_DAYS) -> bool:
    """True when a person confirmed the facts at most `days` days before `day`."""
    return last_reviewed is not None and (day - last_reviewed).days <= days


FILE_FIELDS = ("organization", "offers")
ORGANIZATION_FIELDS = ("name", "website")
OFFER_FIELDS = (
    "id", "title", "description", "categories", "organization", "min_age", "max_age", "audience",
    "delivery", "location", "contact", "opening_hours", "cost", "languages", "how_to_apply",
    "eligibility", "keywords", "source", "last_reviewed", "reviewed_by", "valid_from", "valid_until", "status",
    "alert",
)  # fmt: skip
SOURCE_FIELDS = ("url", "title", "read")
LOCATION_FIELDS = ("street", "postal_code", "city", "district", "lat", "lon")
CONTACT_FIELDS = ("phone", "email", "website")
COST_FIELDS = ("free", "description")


@dataclass(frozen=True)
class Issue:
    """One validation problem, printed as file:line: field: message."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


@dataclass(frozen=True)
class Offer:
    """One validated offer, flattened for storage, search and export."""

    id: str
    title: str
    description: str
    categories: tuple[str, ...]
    organization: str
    organization_website: str | None = None
    min_age: float | None = None
    max_age: float | None = None
    audience: str = "public"
    delivery: str = "in_person"
    street: str | None = None
    postal_code: str | None = None
    city: str | None = None
    district: str | None = None
    lat: float | None = None
    lon: float | None = None
    phone: str | None = None
    email: str | None = None
    website: str | None = None
    opening_hours: str | None = None
    opening_hours_weekly: dict[str, list[str]] | None = None
    cost_free: bool | None = None
    cost_description: str | None = None
    languages: tuple[str, ...] = ("de",)
    how_to_apply: str | None = None
    eligibility: str | None = None
    keywords: tuple[str, ...] = ()
    last_reviewed: date | None = None
    reviewed_by: str | None = None
    source_url: str | None = None
    source_title: str | None = None
    source_read: date | None = None
    valid_from: date | None = None
    valid_until: date | None = None
    status: str = "active"
    alert: str | None = None
    source_file: str = field(default="", compare=False)
    source_line: int = field(default=0, compare=False)

    @property
    def address(self) -> str | None:
        """Street, postal code and city as one line, or None for online/phone offers."""
        place = " ".join(p for p in (self.postal_code, self.city) if p)
        parts = [p for p in (self.street, place) if p]
        return ", ".join(parts) or None

    @property
    def active(self) -> bool:
        """Shown to families at all: everything but `ended` (temporarily closed offers show their alert)."""
        return self.status != "ended"

    @property
    def source_label(self) -> str | None:
        """How the card names the source: its title, else the page's host name (without www.)."""
        if not self.source_url:
            return None
        if self.source_title:
            return self.source_title
        host = urlparse(self.source_url).hostname or self.source_url
        return host.removeprefix("www.")

    @property
    def cost(self) -> str | None:
        """The cost as short German text."""
        if self.cost_free:
            return "kostenlos"
        return self.cost_description

    @classmethod
    def from_json(cls, text: str) -> Offer:
        """Rebuild an offer from the JSON that to_dict() produced."""
        data = json.loads(text)
        if "active" in data:  # stored before `status` replaced `active` (migration 0003)
            was_active = data.pop("active")
            data.setdefault("status", "active" if was_active else "ended")
        for key in ("last_reviewed", "source_read", "valid_from", "valid_until"):
            if data.get(key):
                data[key] = date.fromisoformat(data[key])
        for key in ("categories", "languages", "keywords"):
            data[key] = tuple(data.get(key) or ())
        return cls(**data)

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe dict of every field (dates as ISO strings, tuples as lists)."""
        data = asdict(self)
        del data["source_file"], data["source_line"]
        for key, value in data.items():
            if isinstance(value, date):
                data[key] = value.isoformat()
            elif isinstance(value, tuple):
                data[key] = list(value)
        return data


class _Checker:
    """Collects issues for one file while reading typed values out of LineDicts."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.issues: list[Issue] = []

    def add(self, line: int, field_name: str, message: str) -> None:
        self.issues.append(Issue(self.file, line, field_name, message))

    def unknown_fields(
        self, data: LineDict, allowed: tuple[str, ...], prefix: str, ignore: tuple[str, ...] = ()
    ) -> None:
        for key in data:
            if key not in allowed and key not in ignore:
                hint = _did_you_mean(str(key), allowed)
                self.add(data.line_of(key), f"{prefix}{key}", f"unbekanntes Feld{hint}")

    def mapping(self, data: LineDict, key: str, prefix: str) -> LineDict | None:
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, LineDict):
            self.add(data.line_of(key), prefix + key, "muss ein Abschnitt mit Unterfeldern sein")
            return None
        return value

    def text(self, data: LineDict, key: str, prefix: str, *, required: bool = False, max_len: int = 1000) -> str | None:
        value = data.get(key)
        name = prefix + key
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.add(data.line_of(key), name, "Pflichtfeld fehlt oder ist leer")
            return None
        if not isinstance(value, str):
            self.add(data.line_of(key), name, f"muss Text sein, nicht {_type_name(value)}")
            return None
        value = value.strip()
        if len(value) > max_len:
            self.add(data.line_of(key), name, f"zu lang ({len(value)} Zeichen, höchstens {max_len})")
            return None
        return value

    def number(self, data: LineDict, key: str, prefix: str, low: float, high: float) -> float | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.add(data.line_of(key), prefix + key, f"muss eine Zahl sein, nicht {_type_name(value)}")
            return None
        if not low <= value <= high:
            self.add(data.line_of(key), prefix + key, f"muss zwischen {low:g} und {high:g} liegen")
            return None
        return float(value)

    def boolean(self, data: LineDict, key: str, prefix: str, default: bool) -> bool:
        value = data.get(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.add(data.line_of(key), prefix + key, "muss true oder false sein")
            return default
        return value

    def choice(self, data: LineDict, key: str, options: tuple[str, ...], default: str) -> str:
        value = data.get(key, default)
        if value not in options:
            allowed = ", ".join(options)
            hint = _did_you_mean(str(value), options)
            self.add(data.line_of(key), key, f"'{value}' ist nicht erlaubt (erlaubt: {allowed}){hint}")
            return default
        return str(value)

    def day(self, data: LineDict, key: str, prefix: str = "") -> date | None:
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not ISO_DATE.match(value):
            self.add(data.line_of(key), prefix + key, f"'{value}' ist kein Datum im Format JJJJ-MM-TT")
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            self.add(data.line_of(key), prefix + key, f"'{value}' ist kein gültiges Datum")
            return None

    def text_list(self, data: LineDict, key: str, *, max_items: int = 30, max_len: int = 60) -> list[tuple[int, str]]:
        """Items of a list of short texts with their lines; problems are recorded."""
        value = data.get(key)
        if value is None:
            return []
        if not isinstance(value, LineList):
            self.add(data.line_of(key), key, "muss eine Liste sein, z. B. [a, b]")
            return []
        if len(value) > max_items:
            self.add(data.line_of(key), key, f"zu viele Einträge ({len(value)}, höchstens {max_items})")
            return []
        items = []
        for index, item in enumerate(value):
            if not isinstance(item, str) or not item.strip() or len(item) > max_len:
                self.add(value.line_of(index), f"{key}[{index}]", f"'{item}' ist kein kurzer Text")
                continue
            items.append((value.line_of(index), item.strip()))
        return items


def _type_name(value: Any) -> str:
    names = {str: "Text", bool: "Wahrheitswert", int: "Zahl", float: "Zahl", LineList: "Liste", LineDict: "Abschnitt"}
    return names.get(type(value), type(value).__name__)


def _did_you_mean(value: str, options: tuple[str, ...] | list[str]) -> str:
    close = difflib.get_close_matches(value, list(options), n=1, cutoff=0.6)
    return f" – meinten Sie '{close[0]}'?" if close else ""


def _valid_url(value: str) -> bool:
    parsed = urlparse(value)
    return parsed.scheme in ("http", "https") and "." in parsed.netloc and not any(c.isspace() for c in value)


def validate_file(data: Any, file: str) -> tuple[list[Offer], list[Issue]]:
    """Validate one parsed provider file; returns its offers (only the valid ones) and all issues."""
    check = _Checker(file)
    if data is None:
        check.add(1, "(Datei)", "Datei ist leer")
        return [], check.issues
    if not isinstance(data, LineDict):
        check.add(1, "(Datei)", "muss die Abschnitte 'organization' und 'offers' enthalten")
        return [], check.issues
    check.unknown_fields(data, FILE_FIELDS, "")
    file_org = _organization(check, data, "organization", required=False)
    raw_offers = data.get("offers")
    if not isinstance(raw_offers, LineList) or not raw_offers:
        check.add(data.line_of("offers"), "offers", "Liste mit mindestens einem Angebot fehlt")
        return [], check.issues
    offers = []
    for index, raw in enumerate(raw_offers):
        if not isinstance(raw, LineDict):
            check.add(raw_offers.line_of(index), f"offers[{index}]", "Angebot muss Felder haben")
            continue
        before = len(check.issues)
        offer = _offer(check, raw, file_org)
        if offer is not None and len(check.issues) == before:
            offers.append(offer)
    return offers, check.issues


def _organization(check: _Checker, data: LineDict, key: str, *, required: bool) -> tuple[str, str | None] | None:
    value = data.get(key)
    if value is None:
        if required:
            check.add(data.line_of(key), key, "Pflichtfeld fehlt (Name des Trägers)")
        return None
    if isinstance(value, str) and value.strip():
        return value.strip(), None
    if not isinstance(value, LineDict):
        check.add(data.line_of(key), key, "muss ein Name oder {name: …, website: …} sein")
        return None
    check.unknown_fields(value, ORGANIZATION_FIELDS, f"{key}.")
    name = check.text(value, "name", f"{key}.", required=True, max_len=200)
    website = check.text(value, "website", f"{key}.", max_len=300)
    if website and not _valid_url(website):
        check.add(value.line_of("website"), f"{key}.website", f"'{website}' ist keine http(s)-Adresse")
    return (name, website) if name else None


def _offer(check: _Checker, raw: LineDict, file_org: tuple[str, str | None] | None) -> Offer | None:
    if "active" in raw:  # the field before issue 12
        check.add(raw.line_of("active"), "active", "heißt jetzt status: active, temporarily_closed oder ended")
    check.unknown_fields(raw, OFFER_FIELDS, "", ignore=("active",))
    offer_id = check.text(raw, "id", "", required=True, max_len=80)
    if offer_id and not SLUG.match(offer_id):
        check.add(raw.line_of("id"), "id", f"'{offer_id}' ist keine gültige ID (nur a-z, 0-9 und -)")
    title = check.text(raw, "title", "", required=True, max_len=120)
    description = check.text(raw, "description", "", required=True, max_len=600)
    categories = _categories(check, raw)
    org = _organization(check, raw, "organization", required=False) or file_org
    if org is None and "organization" not in raw:
        check.add(raw.line, "organization", "Pflichtfeld fehlt (in der Datei oder im Angebot)")
    min_age = check.number(raw, "min_age", "", 0, MAX_AGE_YEARS)
    max_age = check.number(raw, "max_age", "", 0, MAX_AGE_YEARS)
    if min_age is not None and max_age is not None and min_age > max_age:
        check.add(raw.line_of("min_age"), "min_age", f"min_age {min_age:g} ist größer als max_age {max_age:g}")
    audience = check.choice(raw, "audience", AUDIENCES, "public")
    delivery = check.choice(raw, "delivery", DELIVERIES, "in_person")
    location = _location(check, raw, delivery)
    contact = _contact(check, raw)
    hours_text, hours_weekly = _opening_hours(check, raw)
    cost_free, cost_description = _cost(check, raw)
    languages = _languages(check, raw)
    keywords = tuple(word.lower() for _, word in check.text_list(raw, "keywords"))
    valid_from = check.day(raw, "valid_from")
    valid_until = check.day(raw, "valid_until")
    if valid_from and valid_until and valid_from > valid_until:
        check.add(raw.line_of("valid_from"), "valid_from", "valid_from liegt nach valid_until")
    how_to_apply = check.text(raw, "how_to_apply", "")
    eligibility = check.text(raw, "eligibility", "")
    before = len(check.issues)
    source = _source(check, raw)
    source_problem = len(check.issues) > before
    last_reviewed = check.day(raw, "last_reviewed")
    before = len(check.issues)
    reviewed_by = check.text(raw, "reviewed_by", "", max_len=200)
    if last_reviewed and not reviewed_by and len(check.issues) == before:
        check.add(
            raw.line_of("last_reviewed"),
            "reviewed_by",
            "Pflichtfeld, wenn last_reviewed gesetzt ist (wer hat die Angaben bestätigt?)",
        )
    status = check.choice(raw, "status", STATUSES, "active")
    alert = check.text(raw, "alert", "", max_len=MAX_ALERT_CHARS)
    if not (source or source_problem or last_reviewed):
        _contact_needs_source(check, raw, contact, location)
    if not (offer_id and title and description and categories and org):
        return None
    return Offer(
        id=str(offer_id),
        title=str(title),
        description=str(description),
        categories=tuple(categories),
        organization=org[0],
        organization_website=org[1],
        min_age=min_age,
        max_age=max_age,
        audience=audience,
        delivery=delivery,
        **location,
        **contact,
        opening_hours=hours_text,
        opening_hours_weekly=hours_weekly,
        cost_free=cost_free,
        cost_description=cost_description,
        languages=tuple(languages) or ("de",),
        how_to_apply=how_to_apply,
        eligibility=eligibility,
        keywords=keywords,
        last_reviewed=last_reviewed,
        reviewed_by=reviewed_by,
        **source,
        valid_from=valid_from,
        valid_until=valid_until,
        status=status,
        alert=alert,
        source_file=check.file,
        source_line=raw.line_of("id"),
    )


def _source(check: _Checker, raw: LineDict) -> dict[str, Any]:
    """source: {url, title, read}: the public page the facts were read on, and when."""
    source = check.mapping(raw, "source", "")
    if source is None:
        return {}
    check.unknown_fields(source, SOURCE_FIELDS, "source.")
    url = check.text(source, "url", "source.", required=True, max_len=300)
    if url is not None and not _valid_url(url):
        check.add(source.line_of("url"), "source.url", f"'{url}' ist keine http(s)-Adresse")
        url = None
    title = check.text(source, "title", "source.", max_len=100)
    read = check.day(source, "read", "source.")
    if "read" not in source or source.get("read") is None:
        check.add(source.line_of("read"), "source.read", "Pflichtfeld fehlt (Datum, an dem die Seite gelesen wurde)")
    if url is None or read is None:
        return {}
    return {"source_url": url, "source_title": title, "source_read": read}


def _contact_needs_source(check: _Checker, raw: LineDict, contact: dict[str, Any], location: dict[str, Any]) -> None:
    """Phone numbers, e-mail addresses and street addresses must come from somewhere (never invented)."""
    if contact.get("phone") or contact.get("email"):
        check.add(raw.line_of("contact"), "contact", "Kontaktdaten ohne Quelle: source oder last_reviewed angeben")
    elif location.get("street"):
        check.add(raw.line_of("location"), "location", "Kontaktdaten ohne Quelle: source oder last_reviewed angeben")


def _categories(check: _Checker, raw: LineDict) -> list[str]:
    known = category_ids()
    items = check.text_list(raw, "categories")
    if not items and not any(i.field.startswith("categories") for i in check.issues):
        check.add(raw.line_of("categories"), "categories", "mindestens eine Kategorie angeben")
    result = []
    for line, category in items:
        if category not in known:
            hint = _did_you_mean(category, known)
            check.add(line, "categories", f"unbekannte Kategorie '{category}'{hint}")
        elif category not in result:
            result.append(category)
    return result


def _location(check: _Checker, raw: LineDict, delivery: str) -> dict[str, Any]:
    location = check.mapping(raw, "location", "")
    if location is None:
        return {}
    if delivery != "in_person":
        check.add(raw.line_of("location"), "location", f"Angebote mit delivery '{delivery}' haben keine Adresse")
        return {}
    check.unknown_fields(location, LOCATION_FIELDS, "location.")
    postal_code = location.get("postal_code")
    if postal_code is not None and not (isinstance(postal_code, str) and POSTAL_CODE.match(postal_code)):
        check.add(
            location.line_of("postal_code"),
            "location.postal_code",
            f"'{postal_code}' ist keine Postleitzahl (5 Ziffern in Anführungszeichen, z. B. \"31061\")",
        )
        postal_code = None
    return {
        "street": check.text(location, "street", "location.", max_len=200),
        "postal_code": postal_code,
        "city": check.text(location, "city", "location.", max_len=100),
        "district": check.text(location, "district", "location.", max_len=100),
        "lat": check.number(location, "lat", "location.", -90, 90),
        "lon": check.number(location, "lon", "location.", -180, 180),
    }


def _contact(check: _Checker, raw: LineDict) -> dict[str, Any]:
    contact = check.mapping(raw, "contact", "")
    if contact is None:
        return {}
    check.unknown_fields(contact, CONTACT_FIELDS, "contact.")
    phone = check.text(contact, "phone", "contact.", max_len=40)
    if phone is not None:
        digits = sum(c.isdigit() for c in phone)
        if not PHONE.match(phone) or not 5 <= digits <= 15:
            check.add(contact.line_of("phone"), "contact.phone", f"'{phone}' ist keine Telefonnummer")
            phone = None
    email = check.text(contact, "email", "contact.", max_len=200)
    if email is not None and not EMAIL.match(email):
        check.add(contact.line_of("email"), "contact.email", f"'{email}' ist keine E-Mail-Adresse")
        email = None
    website = check.text(contact, "website", "contact.", max_len=300)
    if website is not None and not _valid_url(website):
        check.add(contact.line_of("website"), "contact.website", f"'{website}' ist keine http(s)-Adresse")
        website = None
    return {"phone": phone, "email": email, "website": website}


def _opening_hours(check: _Checker, raw: LineDict) -> tuple[str | None, dict[str, list[str]] | None]:
    value = raw.get("opening_hours")
    if value is None or isinstance(value, str):
        return check.text(raw, "opening_hours", "", max_len=300), None
    if not isinstance(value, LineDict):
        check.add(
            raw.line_of("opening_hours"), "opening_hours", 'muss Text oder ein Wochenplan (mo: "09:00-12:00") sein'
        )
        return None, None
    weekly: dict[str, list[str]] = {}
    for day_key, spans in value.items():
        name = f"opening_hours.{day_key}"
        if day_key not in WEEKDAYS:
            hint = _did_you_mean(str(day_key), tuple(WEEKDAYS))
            check.add(value.line_of(day_key), name, f"unbekannter Wochentag (mo di mi do fr sa so){hint}")
            continue
        if not isinstance(spans, str):
            check.add(value.line_of(day_key), name, 'Zeiten als Text angeben, z. B. "09:00-12:00"')
            continue
        ranges = [part.strip() for part in spans.split(",")]
        bad = [r for r in ranges if not _valid_time_range(r)]
        if bad:
            check.add(value.line_of(day_key), name, f"'{bad[0]}' ist keine Zeitspanne HH:MM-HH:MM")
            continue
        weekly[day_key] = [r.replace(" ", "") for r in ranges]
    ordered = {day: weekly[day] for day in WEEKDAYS if day in weekly}
    text = "; ".join(f"{WEEKDAYS[day]} {', '.join(spans)}" for day, spans in ordered.items())
    return text or None, ordered or None


def _valid_time_range(text: str) -> bool:
    match = TIME_RANGE.match(text)
    if not match:
        return False
    start = int(match[1]) * 60 + int(match[2])
    end = int(match[3]) * 60 + int(match[4])
    return start < end <= 24 * 60


def _cost(check: _Checker, raw: LineDict) -> tuple[bool | None, str | None]:
    cost = check.mapping(raw, "cost", "")
    if cost is None:
        return None, None
    check.unknown_fields(cost, COST_FIELDS, "cost.")
    free = check.boolean(cost, "free", "cost.", default=False)
    description = check.text(cost, "description", "cost.", max_len=300)
    if not free and not description:
        check.add(cost.line, "cost", "entweder free: true oder eine description angeben")
    return free, description


def _languages(check: _Checker, raw: LineDict) -> list[str]:
    result = []
    for line, code in check.text_list(raw, "languages", max_items=40, max_len=10):
        if code.lower() not in ISO_639_1:
            check.add(line, "languages", f"'{code}' ist kein ISO-639-1-Sprachcode (z. B. de, en, tr, ar)")
        else:
            result.append(code.lower())
    return result
