"""Validation of the search form: which slots are needed and which values are acceptable."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions.common import language, response_text
from actions.languages import suggest_language
from lotse.languages import GERMAN
from offers_db.categories import age_matters, categories

MAX_CHILD_AGE = 27  # youth welfare (SGB VIII) ends at 27
AGE_ENTITIES = ("child_age", "sibling_age")


def ages_in_latest_message(tracker: Tracker) -> list[float]:
    """Every child's age the latest message named, in reading order (distinct)."""
    values = [e.get("value") for e in tracker.latest_message.get("entities") or [] if e.get("entity") in AGE_ENTITIES]
    return list(dict.fromkeys(float(v) for v in values if isinstance(v, (int, float))))


# "der Große", "unser Ältester" / "die Kleine", "mein Jüngster" (umlauts also written out)
_WHOSE = r"\b(?:der|die|den|dem|unser\w*|mein\w*) "
OLDEST = re.compile(_WHOSE + r"(?:gro(?:ß|ss)(?:e|er|en)|(?:ä|ae)lt(?:est|er)(?:e|er|en)?)\b")
STATES_AGE = re.compile(r"\s*(?:ist|is|wird)\s+\w*\s*\d")
YOUNGEST = re.compile(_WHOSE + r"(?:klein(?:e|er|en|ste|ster|sten)|j(?:ü|ue)ng(?:st|er)(?:e|er|en)?)\b")


def child_meant(text: str, ages: list[float]) -> float | None:
    """The one of several named children the message is about: "der Große" the oldest, "die Kleine" the youngest.

    None when fewer than two ages are named or the message speaks of both (then the family is asked).
    """
    if len(ages) < 2:
        return None
    lowered = text.lower()

    def refers(pattern: re.Pattern[str]) -> bool:  # "die Ältere ist 9, die 5-Jährige …" only states an age
        return any(not STATES_AGE.match(lowered[found.end() :]) for found in pattern.finditer(lowered))

    oldest, youngest = refers(OLDEST), refers(YOUNGEST)
    if oldest == youngest:
        return None
    return max(ages) if oldest else min(ages)


def first_then_others(age: float, others: list[float]) -> dict[str, Any]:
    """Search for the child of `age` now; the other children are offered one by one after its offers."""
    return {
        "child_age": age,
        "child_ages": None,
        "sibling_age": others[0] if others else None,
        "more_sibling_ages": others[1:] or None,
    }


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
        if need in categories() and not age_matters(need):
            return [slot for slot in domain_slots if slot != "child_age"]
        return domain_slots

    def validate_need(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return {"need": value if value in categories() else None}

    def validate_child_age(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        several = ages_in_latest_message(tracker)
        meant = child_meant(tracker.latest_message.get("text") or "", several)
        if meant is not None:  # "4, 9 und 12 … der Große hat schlechte Noten": the oldest first, the others after
            return first_then_others(meant, [a for a in several if a != meant])
        if len(several) > 1:  # "13, 11 und 4": ask which child first (action_ask_child_age)
            return {"child_age": None, "child_ages": several, "sibling_age": None}
        try:
            age = float(value)
        except (TypeError, ValueError):
            age = -1.0
        if not 0 <= age <= MAX_CHILD_AGE:
            dispatcher.utter_message(response="utter_age_invalid")
            return {"child_age": None}
        if tracker.get_slot("child_ages"):  # the button of one child: the others after this child's offers
            return first_then_others(age, [a for a in tracker.get_slot("child_ages") if a != age])
        return {"child_age": age}


class ActionAskChildAge(Action):
    """Asks for the child's age; when several children were named, which one to search for first."""

    def name(self) -> str:
        return "action_ask_child_age"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        # a family that wrote in another language is offered it before the question (one tap, not forced)
        suggestion = suggest_language(dispatcher, tracker)
        several = tracker.get_slot("child_ages") or []
        if len(several) < 2:
            dispatcher.utter_message(response="utter_ask_child_age")
            return suggestion
        lang = language(tracker)
        # the title in the family's language, the payload in German: the age parser reads it back when tapped
        buttons = [{"title": age_label(domain, age, lang), "payload": age_label(domain, age)} for age in several]
        dispatcher.utter_message(response="utter_ask_which_child", buttons=buttons)
        return suggestion


def age_label(domain: DomainDict, age: float, lang: str = GERMAN) -> str:
    """'11 Jahre', or '4 Monate' for a baby (in `lang`)."""
    if age < 1:
        return response_text(domain, "utter_age_button_months", lang).format(months=round(age * 12))
    return response_text(domain, "utter_age_button", lang).format(age=f"{age:g}")
