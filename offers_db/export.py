"""Exports for other portals: JSON close to HSDS 3.0 services, or a flat CSV."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from offers_db.categories import categories
from offers_db.schema import EMAIL, Offer

HSDS_STATUS = {"active": "active", "temporarily_closed": "temporarily closed", "ended": "defunct"}
# a spreadsheet runs a cell starting with one of these as a formula (CSV injection, OWASP)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
HSDS_DAYS = {"mo": "MO", "di": "TU", "mi": "WE", "do": "TH", "fr": "FR", "sa": "SA", "so": "SU"}


def _schedules(offer: Offer) -> list[dict[str, Any]]:
    if offer.opening_hours_weekly:
        return [
            {"freq": "WEEKLY", "byday": HSDS_DAYS[day], "opens_at": span.split("-")[0], "closes_at": span.split("-")[1]}
            for day, spans in offer.opening_hours_weekly.items()
            for span in spans
        ]
    return [{"description": offer.opening_hours}] if offer.opening_hours else []


def to_hsds(offer: Offer) -> dict[str, Any]:
    """One offer as an HSDS-style service record."""
    location = None
    if offer.address:
        location = {
            "address_1": offer.street,
            "postal_code": offer.postal_code,
            "city": offer.city,
            "region": offer.district,
            "latitude": offer.lat,
            "longitude": offer.lon,
        }
    return {
        "id": offer.id,
        "name": offer.title,
        "description": offer.description,
        "organization": {"name": offer.organization, "website": offer.organization_website},
        # HSDS service.status: active | inactive | defunct | temporarily closed
        "status": HSDS_STATUS[offer.status],
        "alert": offer.alert,
        "url": offer.website,
        "email": offer.email,
        "phones": [{"number": offer.phone}] if offer.phone else [],
        "minimum_age": offer.min_age,
        "maximum_age": offer.max_age,
        "eligibility_description": offer.eligibility,
        "application_process": offer.how_to_apply,
        "fees_description": offer.cost,
        "languages": list(offer.languages),
        "taxonomy_terms": [
            {"vocabulary": "familien-lotse", "code": c, "name": categories()[c].label} for c in offer.categories
        ],
        "delivery": offer.delivery,
        "location": location,
        "schedules": _schedules(offer),
        "assured_date": offer.last_reviewed.isoformat() if offer.last_reviewed else None,
        # HSDS wants the assurer's e-mail address; reviewed_by is usually "name, organisation"
        "assurer_email": offer.reviewed_by if offer.reviewed_by and EMAIL.match(offer.reviewed_by) else None,
        "assurer": offer.reviewed_by,
        "attributes": [
            {
                "label": "source",
                "url": offer.source_url,
                "title": offer.source_label,
                "read": offer.source_read.isoformat() if offer.source_read else None,
            }
        ]
        if offer.source_url
        else [],
        "valid_from": offer.valid_from.isoformat() if offer.valid_from else None,
        "valid_until": offer.valid_until.isoformat() if offer.valid_until else None,
        "keywords": list(offer.keywords),
        "audience": offer.audience,
    }


def export_json(offers: Iterable[Offer]) -> str:
    """All offers as an HSDS-style JSON document."""
    return json.dumps({"services": [to_hsds(o) for o in offers]}, ensure_ascii=False, indent=2) + "\n"


def csv_safe(value: Any) -> Any:
    """A cell a spreadsheet shows as text: a leading = + - @ tab or CR gets a single quote before it."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def safe_row(values: Iterable[Any]) -> list[Any]:
    """csv_safe for every cell of a row (for csv.writer)."""
    return [csv_safe(v) for v in values]


def export_csv(offers: Iterable[Offer]) -> str:
    """All offers as CSV, one row each, list fields joined with ';'; no cell can start a formula."""
    rows = [o.to_dict() for o in offers]
    columns = [c for c in Offer.__dataclass_fields__ if c not in ("source_file", "source_line")]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        flat = {k: ";".join(v) if isinstance(v, list) else v for k, v in row.items()}
        if isinstance(row.get("opening_hours_weekly"), dict):
            flat["opening_hours_weekly"] = json.dumps(row["opening_hours_weekly"])
        writer.writerow({k: csv_safe(v) for k, v in flat.items()})
    return buffer.getvalue()
