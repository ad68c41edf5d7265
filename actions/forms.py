"""Validation of the search form: which slots are needed and which values are acceptable."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from offers_db.categories import categories

MAX_CHILD_AGE = 27  # youth welfare (SGB VIII) ends at 27


class ValidateLotseForm(FormValidationAction):
    """Asks for the child's age only when the need depends on it."""

    def name(self) -> str:
        return "validate_lotse_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        need = tracker.get_slot("need")
        if need in categories() and not categories()[need].age_relevant:
            return [slot for slot in domain_slots if slot != "child_age"]
        return domain_slots

    def validate_need(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return {"need": value if value in categories() else None}

    def validate_child_age(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        try:
            age = float(value)
        except (TypeError, ValueError):
            age = -1.0
        if not 0 <= age <= MAX_CHILD_AGE:
            dispatcher.utter_message(response="utter_age_invalid")
            return {"child_age": None}
        return {"child_age": age}
