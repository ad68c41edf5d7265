"""Offering the family's own language once, when a message is written in another language than the chat's."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import language
from lotse.languages import DETECTED_LANGUAGE, GERMAN, choose_payload, language_packs


def suggest_language(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """A one-tap suggestion ("I can also answer in English." [English] [Deutsch]); never switches by itself.

    Only for messages of three words or more in a language we have a file for, once per language; the
    language is the one the NLU detected (bot/nlu/multilingual.py puts it into the parse data).
    """
    code = tracker.latest_message.get(DETECTED_LANGUAGE)
    packs = language_packs()
    if code is None or code == GERMAN or code == language(tracker) or code not in packs:
        return []
    if tracker.get_slot("suggested_language") == code:
        return []
    pack = packs[code]
    buttons = [
        {"title": pack.name, "payload": choose_payload(code)},
        {"title": "Deutsch", "payload": choose_payload(GERMAN)},
    ]
    invitation = pack.labels.get("switch_invitation") or pack.name
    dispatcher.utter_message(response="utter_suggest_language", invitation=invitation, buttons=buttons)
    return [SlotSet("suggested_language", code)]
