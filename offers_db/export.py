"""Exports for other portals: JSON close to HSDS 3.0 services, or a flat CSV."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from offers_db.categories import categories
from offers_db.schema import Offer

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
        "status": "active" if offer.active else "inactive",
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
        "valid_from": offer.valid_from.isoformat() if offer.valid_from else None,
        "valid_until": offer.valid_until.isoformat() if offer.valid_until else None,
        "keywords": list(offer.keywords),
        "audience": offer.audience,
    }


def export_json(offers: Iterable[Offer]) -> str:
    """All offers as an HSDS-style JSON document."""
    return json.dumps({"services": [to_hsds(o) for o in offers]}, ensure_ascii=False, indent=2) + "\n"


def export_csv(offers: Iterable[Offer]) -> str:
    """All offers as CSV, one row each, list fields joined with ';'."""
    rows = [o.to_dict() for o in offers]
    columns = [c for c in Offer.__dataclass_fields__ if c not in ("source_file", "source_line")]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        flat = {k: ";".join(v) if isinstance(v, list) else v for k, v in row.items()}
        if isinstance(row.get("opening_hours_weekly"), dict):
            flat["opening_hours_weekly"] = json.dumps(row["opening_hours_weekly"])
        writer.writerow(flat)
    return buffer.getvalue()
