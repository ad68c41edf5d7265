"""Call-back requests: the form that asks, validation, storing only after consent, telling staff."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions.common import channel, contact_lines, count, familienzentrum, response_variant
from actions.notifications import announce, notifier
from offers_db.categories import age_group
from offers_db.contacts import ContactRepository, best_time, valid_contact

logger = logging.getLogger(__name__)

# what the family typed into the form: redacted from the stored conversation (bot.tracker_store.redact)
PERSONAL_SLOTS = ("contact_value", "contact_name", "contact_time", "contact_note")
CONTACT_SLOTS = (*PERSONAL_SLOTS, "contact_consent")
SKIP_ANSWERS = {"/skip", "überspringen", "ohne namen", "nichts hinzufügen", "weiter", "kein name", "-", "nein"}
# answers to "Wie dürfen wir Sie ansprechen?" that are no name: a "ja" was stored as the name
NOT_A_NAME = {"ja", "jo", "ok", "okay", "/affirm", "anonym", "lieber nicht", "möchte ich nicht", "nein danke", "ohne"}
MAX_NAME, MAX_TIME, MAX_NOTE = 100, 100, 300


def contacts() -> ContactRepository:
    """The requests repository; its engine is built on first use."""
    return ContactRepository()


def optional_text(value: Any, limit: int) -> str | None:
    """'' for a skipped answer, the trimmed text when it fits, None when it is too long."""
    text = str(value or "").strip()
    if text.lower() in SKIP_ANSWERS:
        return ""
    return text if len(text) <= limit else None


class ValidateContactForm(FormValidationAction):
    """Re-asks kindly when a contact is malformed; name and note are optional."""

    def name(self) -> str:
        return "validate_contact_form"

    async def extract_contact_value(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """The number or address in the message that asked for the call-back ("… meine Nummer ist 0151 …").

        Only when the form starts (nothing requested yet) and no contact is known: later answers go
        through the slot's own mapping, and the consent question shows the number for checking.
        """
        if tracker.get_slot("requested_slot") is not None or tracker.get_slot("contact_value"):
            return {}
        contact = valid_contact(str(tracker.latest_message.get("text") or ""))
        return {"contact_value": contact} if contact else {}

    async def extract_contact_time(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """When to call, from the message that asked for the call-back ("rückruf bitte, ab 14 uhr gut"); only when
        the form starts, as for the number."""
        if tracker.get_slot("requested_slot") is not None or tracker.get_slot("contact_time"):
            return {}
        when = best_time(str(tracker.latest_message.get("text") or ""))
        return {"contact_time": when} if when else {}

    def validate_contact_value(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        contact = valid_contact(str(value or ""))
        if contact is None:
            dispatcher.utter_message(response="utter_contact_value_invalid")
        return {"contact_value": contact}

    def validate_contact_name(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if str(value or "").strip().lower().strip(".!?, ") in NOT_A_NAME:
            return {"contact_name": ""}
        return {"contact_name": optional_text(value, MAX_NAME) or ""}

    def validate_contact_time(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return {"contact_time": optional_text(value, MAX_TIME) or ""}

    def validate_contact_note(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        note = optional_text(value, MAX_NOTE)
        if note is None:
            dispatcher.utter_message(response="utter_contact_note_too_long")
        return {"contact_note": note}


_background: set[asyncio.Task[tuple[int, int]]] = set()


def announce_in_background(template: dict[str, Any]) -> None:
    """Tell the staff chat about every due request without making the family wait for Telegram."""
    task = asyncio.create_task(announce(contacts(), notifier(), template))
    _background.add(task)  # keep a reference until it is done
    task.add_done_callback(_background.discard)


class ActionSubmitContact(Action):
    """Stores the request only with consent; otherwise gives the Familienzentrum's contact."""

    def name(self) -> str:
        return "action_submit_contact"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        clear = [SlotSet(slot, None) for slot in CONTACT_SLOTS]
        count("asked_person", tracker)
        if tracker.get_slot("contact_consent") is not True:
            dispatcher.utter_message(response="utter_contact_not_stored", contact=contact_lines(familienzentrum()))
            return clear
        need = tracker.get_slot("need")
        group = age_group(tracker.get_slot("child_age"))
        request_id = await asyncio.to_thread(
            contacts().create,
            conversation_id=tracker.sender_id,
            channel=channel(tracker)[:20],
            contact=tracker.get_slot("contact_value"),
            name=tracker.get_slot("contact_name") or None,
            best_time=tracker.get_slot("contact_time") or None,
            topic=need,
            age_group=group,
            note=tracker.get_slot("contact_note") or None,
        )
        logger.info("Rückruf-Anfrage #%d gespeichert", request_id)
        announce_in_background(response_variant(domain, "utter_staff_new_request"))  # staff read German
        dispatcher.utter_message(response="utter_contact_stored")
        return clear


class ActionCancelContact(Action):
    """Forgets everything the contact form collected."""

    def name(self) -> str:
        return "action_cancel_contact"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        return [SlotSet(slot, None) for slot in CONTACT_SLOTS]
