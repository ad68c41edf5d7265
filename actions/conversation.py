"""Steering the conversation: new topic, start over, misunderstandings, a person to talk to."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import (
    FAQ_NEEDS,
    contact_lines,
    count,
    familienzentrum,
    language,
    response_text,
    response_variant,
    selected_faq,
    utter_faq_offers,
)
from actions.languages import suggest_language
from lotse.languages import GERMAN
from offers_db.categories import categories
from offers_db.contacts import asks_to_be_called, says_call_me

MISSES_BEFORE_CONTACT = 2
CLARIFY_MAX = 3
# a need the model ranks at least this high is offered as a button instead of "nicht verstanden" …
CLARIFY_MIN_CONFIDENCE = 0.05
# … but a message the model takes for out of scope (weather, shopping) needs a clearer hint of a need
CLARIFY_MIN_CONFIDENCE_OUT_OF_SCOPE = 0.25


def likely_needs(tracker: Tracker, message: dict[str, Any] | None = None) -> list[str]:
    """The 2–3 needs the model found likeliest in the latest message, or in `message` (ids, best first)."""
    parsed = tracker.latest_message if message is None else message
    ranking = parsed.get("intent_ranking") or []
    out_of_scope = (parsed.get("intent") or {}).get("name") == "out_of_scope"
    floor = CLARIFY_MIN_CONFIDENCE_OUT_OF_SCOPE if out_of_scope else CLARIFY_MIN_CONFIDENCE
    needs = [
        str(item["name"]).removeprefix("need_")
        for item in ranking
        if str(item.get("name", "")).startswith("need_") and float(item.get("confidence") or 0) >= floor
    ]
    return [need for need in needs if need in categories()][:CLARIFY_MAX]


def wants_call_back(parsed: dict[str, Any]) -> bool:
    """The model's first guess was a call-back request and the message asks for it in words, without a number.

    "rückruf bitte 🙏 ab 14 uhr gut. gehts um meine tochter u ämter kram": request_callback 0.20, under the fallback
    threshold; the words alone are not enough ("ich hab beim Jobcenter schon fünfmal anrufen müssen").
    """
    guesses = [i for i in parsed.get("intent_ranking") or [] if i.get("name") != "nlu_fallback"]
    first_guess = guesses[0].get("name") if guesses else None
    return first_guess == "request_callback" and says_call_me(str(parsed.get("text") or ""))


def faq_about(parsed: dict[str, Any], needs: list[str]) -> str | None:
    """The FAQ answer (its response name) when the model's first guess was an FAQ about one of `needs`.

    "Wie beantrage ich Bildung und Teilhabe?": FAQ 0.45, Bildung und Teilhabe 0.42 — too close for the fallback, but
    both mean the same: the FAQ answer, which ends with that need's offers, instead of "Geht es um …?".
    """
    guesses = [i for i in parsed.get("intent_ranking") or [] if i.get("name") != "nlu_fallback"]
    if not guesses or guesses[0].get("name") != "faq":
        return None
    selected = selected_faq(parsed)
    if FAQ_NEEDS.get(str(selected.get("intent_response_key"))) not in needs:
        return None
    return str(selected.get("utter_action") or "") or None


CALL_BACK_PAYLOAD = "/request_callback"


def clarify_buttons(
    domain: dict[str, Any], needs: list[str], lang: str = GERMAN, call_back: bool = False
) -> list[dict[str, str]]:
    """One button per need (titles from utter_all_needs), then the buttons of utter_clarify_need; the call-back
    button only when the family asked to be called."""
    titles = {b["payload"]: b["title"] for b in response_variant(domain, "utter_all_needs", lang)["buttons"]}
    buttons = [{"title": titles[f"/need_{need}"], "payload": f"/need_{need}"} for need in needs]
    own = response_variant(domain, "utter_clarify_need", lang).get("buttons", [])
    return buttons + [b for b in own if call_back or b["payload"] != CALL_BACK_PAYLOAD]


def utter_clarify(
    dispatcher: CollectingDispatcher, domain: dict[str, Any], needs: list[str], lang: str, text: str = ""
) -> None:
    """ "Geht es um …?" with one button per need, in `lang`; a story that also asks to be called ("Kann mich jemand
    von euch anrufen? Am besten nach 19 Uhr") gets the call-back button too, whatever the model made of the rest."""
    buttons = clarify_buttons(domain, needs, lang, call_back=says_call_me(text))
    dispatcher.utter_message(text=response_text(domain, "utter_clarify_need", lang), buttons=buttons)


def clarified_message(tracker: Tracker) -> dict[str, Any] | None:
    """The family's message before the latest one, when the bot answered it with "Geht es um …?" (parse data)."""
    users = [i for i, event in enumerate(tracker.events) if event.get("event") == "user"]
    if len(users) < 2:
        return None
    before, latest = users[-2], users[-1]
    between = tracker.events[before:latest]
    asked = any(e.get("event") == "action" and e.get("name") == "action_fallback" for e in between)
    return tracker.events[before].get("parse_data") if asked else None


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
        forgotten = ("need", "child_age", "sibling_age", "more_sibling_ages", "offers_shown", "fallback_count")
        return [SlotSet(slot, None) for slot in forgotten]


class ActionFallback(Action):
    """Asks "Geht es um …?" with the likeliest needs; without any, says what the bot can do, then offers a person.

    A message the model is unsure about but that gives the family's number to be called back starts the
    call-back form instead: nobody writes their number without wanting a call. So does one that asks in words to be
    called back when the model's first guess was that too.
    """

    def name(self) -> str:
        return "action_fallback"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        if asks_to_be_called(str(tracker.latest_message.get("text") or "")) or wants_call_back(tracker.latest_message):
            return [FollowupAction("contact_form")]  # the form takes the number from this message, or asks for it
        needs = likely_needs(tracker)
        faq = faq_about(tracker.latest_message, needs)
        if faq is not None:  # the FAQ answer, then where to go (as for a clear FAQ question)
            dispatcher.utter_message(response=faq)
            utter_faq_offers(dispatcher, tracker, domain)
            return []
        suggestion = suggest_language(dispatcher, tracker)
        if needs:  # ask instead of giving up: "Geht es um …?"
            utter_clarify(dispatcher, domain, needs, language(tracker), str(tracker.latest_message.get("text") or ""))
            # mid-search the form would ask its own question right after this one ("Wobei kann ich helfen?" with
            # every topic): one question at a time; a tapped topic or a typed age goes on with the search
            wait = [FollowupAction("action_listen")] if tracker.active_loop_name else []
            return [*suggestion, *wait]
        misses = int(tracker.get_slot("fallback_count") or 0) + 1
        if misses >= MISSES_BEFORE_CONTACT:
            dispatcher.utter_message(response="utter_fallback_contact", contact=contact_lines(familienzentrum()))
        else:
            dispatcher.utter_message(response="utter_fallback")
        return [SlotSet("fallback_count", float(misses)), *suggestion]


class ActionContactFamilienzentrum(Action):
    """Gives the Familienzentrum's contact details from the offers data."""

    def name(self) -> str:
        return "action_contact_familienzentrum"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        dispatcher.utter_message(response="utter_contact_familienzentrum", contact=contact_lines(familienzentrum()))
        count("asked_person", tracker)
        return []
