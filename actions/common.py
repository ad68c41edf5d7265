"""Shared helpers for the actions: the offers repository, the offers payload, the Familienzentrum contact."""

from __future__ import annotations

import logging
from datetime import date
from functools import cache
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from lotse.languages import GERMAN, category_label, language_packs
from lotse.settings import settings
from offers_db.categories import categories
from offers_db.repository import OfferRepository, SearchQuery
from offers_db.schema import Offer, reviewed_within

PAGE_SIZE = 3
# FAQ answers about a need end with the offers for it ("Wie beantrage ich BuT?" -> where to apply)
FAQ_NEEDS = {
    "faq/bildung_teilhabe": "bildung_teilhabe",
    "faq/kita_anmeldung": "kinderbetreuung",
    "faq/familienzentrum": "familienzentrum_lotse",
}
# The role of an `other_need` entity beside an emergency that the message did not name but the model saw
# (bot.nlu.components.EmergencyGuard): offered without "Sie haben auch … erwähnt"
GUESSED_ROLE = "guessed"
# The only responses the actions read from the domain (for buttons and card labels in the family's language).
# The Rasa server sends just these with each action call instead of all ~500 variants (bot/rasa_server.py);
# response_variant refuses any other name, so a new one is added here or the action's tests fail.
ACTION_RESPONSES = frozenset(
    {
        "utter_all_needs", "utter_clarify_need", "utter_age_button", "utter_age_button_months",
        "utter_offer_unreviewed_hint", "utter_offer_source_hint", "utter_offer_temporarily_closed",
        "utter_offer_language_note", "utter_staff_new_request",
    }
)  # fmt: skip


@cache
def repository() -> OfferRepository:
    """The action server's repository; its engine is built on first query."""
    return OfferRepository()


def language(tracker: Tracker) -> str:
    """The family's language code (slot `language`), German when unset."""
    return str(tracker.get_slot("language") or GERMAN)


def response_variant(domain: dict[str, Any], name: str, lang: str = GERMAN) -> dict[str, Any]:
    """The variant of a response for `lang` (bot/languages.py adds one per language file), else the German one.

    Only variants without other conditions count; German ones carry no condition or `language: de`.
    """
    if name not in ACTION_RESPONSES:
        raise KeyError(f"{name} fehlt in actions.common.ACTION_RESPONSES: der Rasa-Server schickt es nicht mit")
    variants = domain["responses"][name]
    german = variants[0]
    for variant in variants:
        conditions = variant.get("condition") or []
        languages = [c["value"] for c in conditions if c.get("name") == "language"]
        if len(languages) == len(conditions):
            if languages == [lang]:
                return dict(variant)
            if not languages or languages == [GERMAN]:
                german = variant
    return dict(german)


def response_text(domain: dict[str, Any], name: str, lang: str = GERMAN) -> str:
    """A response's text in the family's language, so all wording stays in domain.yml and languages/."""
    return str(response_variant(domain, name, lang)["text"])


def card_hint(
    offer: Offer, unreviewed_hint: str, source_hint: str | None = None, today: date | None = None
) -> str | None:
    """None when a person confirmed the facts within a year (reviewed_within); else "laut <source>, Stand <date>"
    when the offer has a source; else the unreviewed hint."""
    if reviewed_within(offer.last_reviewed, today or date.today()):
        return None
    if source_hint and offer.source_url and offer.source_read:
        return source_hint.format(source=offer.source_label, date=offer.source_read.strftime("%d.%m.%Y"))
    return unreviewed_hint


def offer_payload(
    offer: Offer,
    unreviewed_hint: str,
    source_hint: str | None = None,
    closed_alert: str | None = None,
    today: date | None = None,
) -> dict[str, Any]:
    """One offer in the reply contract that the widget, Telegram and tests rely on (keys are only ever added)."""
    alert = offer.alert
    if offer.status == "temporarily_closed" and not alert:
        alert = closed_alert
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
        "hint": card_hint(offer, unreviewed_hint, source_hint, today),
        "status": offer.status,
        "alert": alert,
        "source_url": offer.source_url,
        "source": offer.source_label,  # the link text of source_url, as it appears in the hint
    }


def offers_message(
    offers: list[Offer], domain: dict[str, Any], lang: str = GERMAN, today: date | None = None
) -> dict[str, Any]:
    """The custom payload {"type": "offers", "offers": [...]}; offers that speak the family's language say so."""
    hint = response_text(domain, "utter_offer_unreviewed_hint", lang)
    source_hint = response_text(domain, "utter_offer_source_hint", lang)
    closed = response_text(domain, "utter_offer_temporarily_closed", lang)
    payloads = [offer_payload(o, hint, source_hint, closed, today) for o in offers]
    pack = language_packs().get(lang)
    if pack is not None:
        note = response_text(domain, "utter_offer_language_note", lang).format(language=pack.name)
        for offer, payload in zip(offers, payloads, strict=True):
            if pack.code in offer.languages:
                payload["language_note"] = note
    return {"type": "offers", "offers": payloads}


def need_label(need: str | None, lang: str = GERMAN) -> str:
    """The category's label from categories.yml, or from the language file of `lang`."""
    if need not in categories():
        return ""
    return category_label(need, lang, categories()[need].label)


STAFF_CHANNEL = "telegram"  # only allow-listed staff get through that channel (bot/channels/telegram.py)


def audience(tracker: Tracker) -> str:
    """'staff' in the staff channel, set by the server-side channel, never by what a client sends."""
    return "staff" if tracker.get_latest_input_channel() == STAFF_CHANNEL else "public"


def channel(tracker: Tracker) -> str:
    """The input channel's name for anonymous statistics."""
    return str(tracker.get_latest_input_channel() or "unbekannt")


def count(event: str, tracker: Tracker) -> None:
    """Count one anonymous usage event (offers_db.usage.EVENTS) for this hour and channel — no id, no text.

    The counters are statistics for the needs report: a database error here never stops the conversation.
    """
    try:
        repository().record_usage(event, channel(tracker))
    except Exception:
        logging.getLogger(__name__).warning("Nutzungszähler %s nicht gespeichert", event, exc_info=True)


def selected_faq(parsed: dict[str, Any]) -> dict[str, Any]:
    """The FAQ answer the response selector chose for a message (intent_response_key, utter_action), or {}."""
    return ((parsed.get("response_selector") or {}).get("faq") or {}).get("response") or {}


def utter_faq_offers(dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> None:
    """After an FAQ answer about a need (FAQ_NEEDS), the offer cards where the family can go."""
    need = FAQ_NEEDS.get(str(selected_faq(tracker.latest_message).get("intent_response_key")))
    if need is None:
        return
    query = SearchQuery(need=need, child_age=tracker.get_slot("child_age"), text="", audience=audience(tracker))
    found = repository().search(query, limit=PAGE_SIZE)
    if found:
        dispatcher.utter_message(
            response="utter_faq_offers", json_message=offers_message(found, domain, language(tracker))
        )


def familienzentrum() -> Offer | None:
    """The Familienzentrum's own entry from the offers data (address, phone, hours)."""
    return repository().get(settings().familienzentrum_id)


def contact_lines(offer: Offer | None) -> str:
    """The Familienzentrum's contact details as plain lines of data."""
    if offer is None:
        return "Familienzentrum Alfeld, Marktplatz 5, 31061 Alfeld (Leine)"
    lines = [offer.organization, offer.address, offer.phone, offer.email, offer.opening_hours]
    return "\n".join(line for line in lines if line)
