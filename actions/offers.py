"""Showing offers: the first page after the form, more pages, and the sibling's search."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import (
    GUESSED_ROLE,
    PAGE_SIZE,
    audience,
    channel,
    contact_lines,
    count,
    familienzentrum,
    language,
    need_label,
    offers_message,
    repository,
    utter_faq_offers,
)
from actions.conversation import clarified_message, likely_needs, utter_clarify
from actions.forms import ages_in_latest_message
from actions.languages import suggest_language
from lotse.languages import GERMAN, ui_language
from offers_db.categories import age_matters, categories
from offers_db.repository import SearchQuery
from offers_db.schema import Offer

# the family's latest typed messages about the need that order its offers (a long talk adds no more words)
FAMILY_WORDS_MESSAGES = 4


def _family_words(tracker: Tracker) -> str:
    """The family's own words about the current need, for the offers' order: what it typed since the talk turned to
    that need — the message that named it, a story answered with "Geht es um …?" and a topic button, the age typed
    after "Wie alt ist das Kind?", the story that named it as a second need ("Kita … und ich muss zum
    Integrationskurs") — never a button's payload. The same words for every page ("Mehr Angebote" once searched
    without them: another order, so page 2 repeated offers of page 1 and skipped others)."""
    need = tracker.get_slot("need")
    if not need:
        return ""
    typed: list[str] = []
    after_other_need = False  # before this the talk was about another need: only the story naming this one counts
    for event in reversed(tracker.events):
        kind = event.get("event")
        if kind in ("restart", "session_started"):
            break
        if kind == "slot" and event.get("name") == "need" and not after_other_need:
            if not event.get("value"):
                break  # "Anderes Thema", or no need chosen before this
            after_other_need = event.get("value") != need
        elif kind == "user":
            text = str(event.get("text") or "")
            if not text or text.startswith("/"):
                continue  # a button: no words of the family's own
            if not after_other_need:
                typed.append(text)
                if len(typed) == FAMILY_WORDS_MESSAGES:
                    break
                continue
            named = [e.get("value") for e in (event.get("parse_data") or {}).get("entities") or []]
            if need in named:
                typed.append(text)
            break
    return " ".join(reversed(typed))


def _query(tracker: Tracker) -> SearchQuery:
    return SearchQuery(
        need=tracker.get_slot("need"),
        child_age=tracker.get_slot("child_age"),
        text=_family_words(tracker),
        audience=audience(tracker),
        # offers in the family's language rank first (German ranking unchanged)
        language=None if language(tracker) == GERMAN else language(tracker),
    )


def utter_page(
    dispatcher: CollectingDispatcher,
    domain: dict[str, Any],
    query: SearchQuery,
    page: list[Offer],
    has_more: bool,
    lang: str = GERMAN,
) -> None:
    """One page of offers; the "mehr" button only when there is more."""
    dispatcher.utter_message(
        response="utter_offers" if has_more else "utter_offers_last_page",
        need_label=need_label(query.need, lang),
        json_message=offers_message(page, domain, lang),
    )


def offer_other_need(dispatcher: CollectingDispatcher, need: str, lang: str, guessed: bool = False) -> None:
    """ "Sie haben auch … erwähnt – möchten Sie dazu auch Angebote sehen?" with a button for that need; for a need
    the family did not name but the model saw: "Möchten Sie auch Angebote zu … sehen?"."""
    dispatcher.utter_message(
        response="utter_offer_guessed_need" if guessed else "utter_offer_other_need",
        other_need=need,
        other_need_label=need_label(need, lang),
    )


def _story_other_needs(tracker: Tracker) -> Iterator[list[dict[str, Any]]]:
    """The `other_need` entities (NeedMentions) of each user message that has any, the latest message first."""
    for event in reversed(tracker.events):
        entities = (event.get("parse_data") or {}).get("entities") or [] if event.get("event") == "user" else []
        found = [e for e in entities if e.get("entity") == "other_need"]
        if found:
            yield found


def _other_need(tracker: Tracker, need: str | None) -> str | None:
    """The other need to offer after `need`'s offers: the `other_need` slot, or, when the family chose that very need
    after "Geht es um …?", another one its story named (the story carries them all, see NeedMentions)."""
    other = tracker.get_slot("other_need")
    if not other or other != need:
        return other if other in categories() else None
    for found in _story_other_needs(tracker):  # the latest message that named needs: the story
        return next((n for e in found if (n := e.get("value")) != need and n in categories()), None)
    return None


def _guessed(tracker: Tracker, need: str) -> bool:
    """The story implied `need` without naming it (an `other_need` entity with the role "guessed", NeedMentions)."""
    for found in _story_other_needs(tracker):
        mentions = [e for e in found if e.get("value") == need]
        if mentions:
            return any(e.get("role") == GUESSED_ROLE for e in mentions)
    return False


SIBLING_LOOKAHEAD = 100  # more than any need has offers


def _next_sibling(query: SearchQuery, tracker: Tracker, shown: list[str]) -> tuple[float, list[float]] | None:
    """The next other child named for whom this need has offers of its own, and the children after it.

    Another child's age only changes the offers of a need that depends on age (not Geld und Leistungen), and a
    child the need has nothing of its own for is passed over: an offer counts when the child just searched for
    could not get it (the Krippe for the 1-year-old beside the Kita for the 4-year-old), or, without that child's
    age, when it was not shown. No Lernförderung search for the 1-year-old, which would only bring the town
    library that is open to every age.
    """
    if not age_matters(query.need):
        return None
    ages = [tracker.get_slot("sibling_age"), *(tracker.get_slot("more_sibling_ages") or [])]
    for index, age in enumerate(ages):
        if age is None:
            continue
        # every offer for that age, not only its first page: the Jugendzentrum from 12 ranks after broader ones
        offers = repository().search(replace(query, child_age=age), limit=SIBLING_LOOKAHEAD)
        if any(
            _for_another_age(offer, query.child_age) if query.child_age is not None else offer.id not in shown
            for offer in offers
        ):
            return age, ages[index + 1 :]
    return None


def _for_another_age(offer: Offer, age: float) -> bool:
    """The offer is not open to a child of this age."""
    return (offer.min_age is not None and age < offer.min_age) or (offer.max_age is not None and age > offer.max_age)


def utter_sibling(dispatcher: CollectingDispatcher, age: float) -> None:
    """Asks about the other child as parents name it: "mit 7 Monaten", "mit 18 Monaten" (not "mit 0.58 Jahren" or
    "mit 1 Jahren"), "mit 4 Jahren"."""
    if age < 2:
        dispatcher.utter_message(response="utter_offer_sibling_months", sibling_months=f"{round(age * 12)}")
    else:
        dispatcher.utter_message(response="utter_offer_sibling", sibling_age=f"{int(age)}")


class ActionShowOffers(Action):
    """Shows the best offers for need and age, or says honestly that none fit and counts the gap."""

    def name(self) -> str:
        return "action_show_offers"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        query = _query(tracker)
        found = repository().search(query, limit=PAGE_SIZE + 1)
        if query.need:
            repository().record_need(query.need, query.child_age, channel(tracker), matched=bool(found))
            if not found:
                count("no_offer", tracker)
        page = found[:PAGE_SIZE]
        events: list[EventType] = [SlotSet("offers_shown", float(len(page))), SlotSet("fallback_count", 0.0)]
        if not found:
            center = familienzentrum()
            payload = offers_message([center], domain, language(tracker)) if center else None
            dispatcher.utter_message(response="utter_no_offers", contact=contact_lines(center), json_message=payload)
        else:
            utter_page(dispatcher, domain, query, page, has_more=len(found) > PAGE_SIZE, lang=language(tracker))
        sibling_age = tracker.get_slot("sibling_age")
        other_need = _other_need(tracker, query.need)
        if query.need and (sibling_age is not None or other_need):
            count("several_needs", tracker)
        sibling = _next_sibling(query, tracker, [offer.id for offer in page]) if found else None
        if sibling is not None:
            age, later = sibling
            utter_sibling(dispatcher, age)
            if age != sibling_age:  # children passed over: the one offered is the one searched next
                events += [SlotSet("sibling_age", age), SlotSet("more_sibling_ages", later or None)]
        elif other_need:
            offer_other_need(dispatcher, other_need, language(tracker), guessed=_guessed(tracker, other_need))
        if tracker.get_slot("other_need") and sibling is None:
            events.append(SlotSet("other_need", None))  # offered, or the need chosen was that one
        return events + suggest_language(dispatcher, tracker)


class ActionLanguageChosen(Action):
    """After a language button: go on where the family was, now in its language.

    In the middle of the search the form asks its question again (a rule runs the form next); after offers
    the same offers come again, now with labels in the chosen language; otherwise "Wobei kann ich helfen?".
    After "Geht es um …?" that question comes again with the same needs. The `language` slot is already set
    from the button's entity when this runs.
    """

    def name(self) -> str:
        return "action_language_chosen"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        dispatcher.utter_message(json_message=ui_language(language(tracker)))  # the widget's own texts
        if tracker.active_loop_name:
            return []
        if tracker.get_slot("need") and tracker.get_slot("offers_shown"):
            return await ActionShowOffers().run(dispatcher, tracker, domain)
        earlier = clarified_message(tracker)  # "Geht es um …?" again, now in the family's language
        needs = likely_needs(tracker, earlier) if earlier else []
        if needs:
            utter_clarify(dispatcher, domain, needs, language(tracker), str((earlier or {}).get("text") or ""))
            return []
        dispatcher.utter_message(response="utter_ask_need")
        return []


class ActionShowMoreOffers(Action):
    """Shows the next page of offers for the same need and age."""

    def name(self) -> str:
        return "action_show_more_offers"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        if not tracker.get_slot("need"):
            dispatcher.utter_message(response="utter_ask_need")
            return []
        shown = int(tracker.get_slot("offers_shown") or 0)
        query = _query(tracker)
        found = repository().search(query, limit=PAGE_SIZE + 1, offset=shown)
        if not found:
            dispatcher.utter_message(
                response="utter_no_more_offers", need_label=need_label(query.need, language(tracker))
            )
            return []
        page = found[:PAGE_SIZE]
        utter_page(dispatcher, domain, query, page, has_more=len(found) > PAGE_SIZE, lang=language(tracker))
        return [SlotSet("offers_shown", float(shown + len(page)))]


class ActionSearchSibling(Action):
    """Makes the other child named earlier the one we search for; the next one named after it is offered then."""

    def name(self) -> str:
        return "action_search_sibling"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        return next_child(tracker)


def next_child(tracker: Tracker) -> list[EventType]:
    """The other child named earlier becomes the one searched for; the one after it is offered next."""
    sibling_age = tracker.get_slot("sibling_age")
    if sibling_age is None:
        return []
    more = tracker.get_slot("more_sibling_ages") or []
    return [
        SlotSet("child_age", sibling_age),
        SlotSet("sibling_age", more[0] if more else None),
        SlotSet("more_sibling_ages", more[1:] or None),
    ]


def offered_yes(tracker: Tracker) -> str | None:
    """The "Ja, bitte" payload of the bot's last message, when that message was a yes/no offer ("/need_wohnen")."""
    users = 0
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            users += 1
            if users > 1:
                return None
        elif event.get("event") == "bot" and users == 1:
            payloads = [str(b.get("payload")) for b in (event.get("data") or {}).get("buttons") or []]
            if len(payloads) == 2 and payloads[1] == "/deny":
                return payloads[0]
            return None
    return None


class ActionYes(Action):
    """A typed "ja" does what the "Ja, bitte" button of the question just asked does; without one, "Kann ich …?".

    "Sie haben auch „Wohnen“ erwähnt – möchten Sie dazu auch Angebote sehen?" or "Soll ich auch für das Kind mit 5
    suchen?": parents type "ja gerne" as often as they tap. The search then runs as after the button.
    """

    def name(self) -> str:
        return "action_yes"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        payload = offered_yes(tracker) or ""
        if payload == "/search_sibling" and tracker.get_slot("sibling_age") is not None:
            return [*next_child(tracker), FollowupAction("lotse_form")]
        need = payload.removeprefix("/need_")
        if payload.startswith("/need_") and need in categories():
            return [SlotSet("need", need), SlotSet("other_need", None), FollowupAction("lotse_form")]
        dispatcher.utter_message(response="utter_anything_else")
        return []


class ActionNo(Action):
    """A "Nein" to "Soll ich auch für das Kind mit 5 suchen?" still offers the other need the family named (it waited
    behind the sibling question); any other "Nein": "Kann ich sonst noch helfen?"."""

    def name(self) -> str:
        return "action_no"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        other_need = _other_need(tracker, tracker.get_slot("need"))
        if offered_yes(tracker) == "/search_sibling" and other_need:
            offer_other_need(dispatcher, other_need, language(tracker))
            return [SlotSet("other_need", None)]
        dispatcher.utter_message(response="utter_anything_else")
        return []


class ActionFaqOffers(Action):
    """After an FAQ answer about a need, the offer cards where the family can go (e.g. where to apply for BuT)."""

    def name(self) -> str:
        return "action_faq_offers"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        utter_faq_offers(dispatcher, tracker, domain)
        return []


class ActionOfferOtherNeed(Action):
    """After the emergency numbers: the need the same message was also about, offered with a button.

    The need comes from the message itself (the `other_need` entity the emergency guard set), never from an
    earlier one; a message about danger alone gets nothing more.
    """

    def name(self) -> str:
        return "action_offer_other_need"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        entities = tracker.latest_message.get("entities") or []
        other: dict[str, Any] = next((e for e in entities if e.get("entity") == "other_need"), {})
        need = other.get("value")
        if need not in categories():
            return []
        offer_other_need(dispatcher, str(need), language(tracker), guessed=other.get("role") == GUESSED_ROLE)
        ages = ages_in_latest_message(tracker)  # "mein Sohn (16) …": the search that may follow asks no age again
        return [SlotSet("child_age", ages[0])] if len(ages) == 1 else []
