"""Steering the conversation: new topic, start over, misunderstandings, a person to talk to."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import contact_lines, familienzentrum

MISSES_BEFORE_CONTACT = 2


class ActionChangeTopic(Action):
    """Keeps the child's age, forgets the need, so the form asks for a new one."""

    def name(self) -> str:
        return "action_change_topic"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        return [SlotSet("need", None), SlotSet("offers_shown", None)]


class ActionRestartSearch(Action):
    """Forgets everything about the search; the conversation itself stays."""

    def name(self) -> str:
        return "action_restart_search"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        return [SlotSet(slot, None) for slot in ("need", "child_age", "sibling_age", "offers_shown", "fallback_count")]


class ActionFallback(Action):
    """Says what the bot can do; after repeated misses offers a person at the Familienzentrum."""

    def name(self) -> str:
        return "action_fallback"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        misses = int(tracker.get_slot("fallback_count") or 0) + 1
        if misses >= MISSES_BEFORE_CONTACT:
            dispatcher.utter_message(response="utter_fallback_contact", contact=contact_lines(familienzentrum()))
        else:
            dispatcher.utter_message(response="utter_fallback")
        return [SlotSet("fallback_count", float(misses))]


class ActionContactFamilienzentrum(Action):
    """Gives the Familienzentrum's contact details from the offers data."""

    def name(self) -> str:
        return "action_contact_familienzentrum"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        dispatcher.utter_message(response="utter_contact_familienzentrum", contact=contact_lines(familienzentrum()))
        return []
