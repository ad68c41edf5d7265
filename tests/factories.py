"""Small builders for test offers and repositories on in-memory SQLite."""

from __future__ import annotations

from typing import Any

from offers_db.db import make_engine
from offers_db.repository import OfferRepository
from offers_db.schema import Offer


def make_offer(offer_id: str, **fields: Any) -> Offer:
    """An offer with sensible defaults; override any field."""
    values: dict[str, Any] = {
        "id": offer_id,
        "title": fields.pop("title", offer_id.replace("-", " ").title()),
        "description": "Beschreibung",
        "categories": ("kinderbetreuung",),
        "organization": "Träger",
    }
    if "active" in fields:  # the boolean before `status` (issue 12): False means ended
        fields.setdefault("status", "active" if fields.pop("active") else "ended")
    values.update(fields)
    return Offer(**values)


def memory_repository(*offers: Offer) -> OfferRepository:
    """A repository on a fresh in-memory SQLite database holding `offers`."""
    repository = OfferRepository(make_engine("sqlite://"))
    repository.sync(offers)
    return repository
