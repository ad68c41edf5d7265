"""Shared helpers for the actions: the offers repository, the offers payload, the Familienzentrum contact."""

from __future__ import annotations

from functools import cache
from typing import Any

from rasa_sdk import Tracker

from lotse.settings import settings
from offers_db.categories import categories
from offers_db.repository import OfferRepository
from offers_db.schema import Offer

PAGE_SIZE = 3


@cache
def repository() -> OfferRepository:
    """The action server's repository; its engine is built on first query."""
    return OfferRepository()


def response_text(domain: dict[str, Any], name: str) -> str:
    """The first text of a domain response, so German wording stays in domain.yml."""
    return str(domain["responses"][name][0]["text"])


def offer_payload(offer: Offer, unreviewed_hint: str) -> dict[str, Any]:
    """One offer in the reply contract that the widget, Telegram and tests rely on."""
    return {
        "id": offer.id,
        "title": offer.title,
        "description": offer.description,
        "categories": list(offer.categories),
        "min_age": offer.min_age,
        "max_age": offer.max_age,
        "organization": offer.organization,
        "address": offer.address,
        "district": offer.district,
        "phone": offer.phone,
        "email": offer.email,
        "website": offer.website or offer.organization_website,
        "opening_hours": offer.opening_hours,
        "cost": offer.cost,
        "how_to_apply": offer.how_to_apply,
        "last_reviewed": offer.last_reviewed.isoformat() if offer.last_reviewed else None,
        "hint": None if offer.last_reviewed else unreviewed_hint,
    }


def offers_message(offers: list[Offer], domain: dict[str, Any]) -> dict[str, Any]:
    """The custom payload {"type": "offers", "offers": [...]}."""
    hint = response_text(domain, "utter_offer_unreviewed_hint")
    return {"type": "offers", "offers": [offer_payload(o, hint) for o in offers]}


def need_label(need: str | None) -> str:
    """The category's German label from categories.yml."""
    return categories()[need].label if need in categories() else ""


STAFF_CHANNEL = "telegram"  # only allow-listed staff get through that channel (bot/channels/telegram.py)


def audience(tracker: Tracker) -> str:
    """'staff' in the staff channel, set by the server-side channel, never by what a client sends."""
    return "staff" if tracker.get_latest_input_channel() == STAFF_CHANNEL else "public"


def channel(tracker: Tracker) -> str:
    """The input channel's name for anonymous statistics."""
    return str(tracker.get_latest_input_channel() or "unbekannt")


def familienzentrum() -> Offer | None:
    """The Familienzentrum's own entry from the offers data (address, phone, hours)."""
    return repository().get(settings().familienzentrum_id)


def contact_lines(offer: Offer | None) -> str:
    """The Familienzentrum's contact details as plain lines of data."""
    if offer is None:
        return "Familienzentrum Alfeld, Marktplatz 5, 31061 Alfeld (Leine)"
    lines = [offer.organization, offer.address, offer.phone, offer.email, offer.opening_hours]
    return "\n".join(line for line in lines if line)
