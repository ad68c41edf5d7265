"""Actions with a CollectingDispatcher against an in-memory offers database."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta
from typing import Any

import pytest
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

import actions.common
import actions.forms
import actions.offers
from actions.common import GUESSED_ROLE
from actions.conversation import ActionChangeTopic, ActionContactFamilienzentrum, ActionFallback, ActionRestartSearch
from actions.forms import ValidateLotseForm
from actions.offers import (
    ActionNo,
    ActionOfferOtherNeed,
    ActionSearchSibling,
    ActionShowMoreOffers,
    ActionShowOffers,
    ActionYes,
)
from bot.nlu.ages import find_ages
from offers_db.categories import categories
from offers_db.repository import OfferRepository
from tests.factories import make_offer, memory_repository
from tests.tracker import domain, tracker

REVIEWED = date.today() - timedelta(days=30)  # within a year: the card needs no hint
CONTRACT_KEYS = {
    "id", "title", "categories", "min_age", "max_age", "organization", "address",
    "phone", "email", "website", "opening_hours", "cost", "last_reviewed",
}  # fmt: skip


@pytest.fixture
def repo(monkeypatch: pytest.MonkeyPatch) -> OfferRepository:
    repository = memory_repository(
        make_offer("kita-a", min_age=3, max_age=6, last_reviewed=REVIEWED, phone="05181 1"),
        make_offer("kita-b", min_age=3, max_age=6),
        make_offer("kita-c", min_age=2, max_age=6),
        make_offer("kita-d", min_age=3, max_age=7),
        make_offer("krippe", min_age=0, max_age=3),
        make_offer("intern", min_age=3, max_age=6, audience="staff"),
        make_offer(
            "familienzentrum-alfeld-lotse",
            categories=("familienzentrum_lotse",),
            organization="Familienzentrum Alfeld",
            street="Marktplatz 5",
            postal_code="31061",
            city="Alfeld (Leine)",
        ),
    )
    for module in (actions.common, actions.offers):
        monkeypatch.setattr(module, "repository", lambda: repository)
    return repository


def run(action: Any, **tracker_args: Any) -> tuple[CollectingDispatcher, list[Any]]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker(**tracker_args), domain()))
    return dispatcher, events


def test_offers_reply_follows_the_contract(repo: OfferRepository) -> None:
    dispatcher, events = run(
        ActionShowOffers(), text="kita", intent="need_kinderbetreuung", need="kinderbetreuung", child_age=4.0
    )
    [message] = dispatcher.messages
    assert message["response"] == "utter_offers"  # more than one page: "Mehr Angebote" button
    assert message["need_label"] == "Kinderbetreuung"
    payload = message["custom"]
    assert payload["type"] == "offers"
    assert len(payload["offers"]) == 3
    assert all(set(offer) >= CONTRACT_KEYS for offer in payload["offers"])
    ids = [offer["id"] for offer in payload["offers"]]
    assert "intern" not in ids and "krippe" not in ids
    hints = {offer["id"]: offer["hint"] for offer in payload["offers"]}
    assert hints["kita-a"] is None  # reviewed
    assert all(hint == "bitte Angaben vorab prüfen" for oid, hint in hints.items() if oid != "kita-a")
    assert SlotSet("offers_shown", 3.0) in events
    assert [r["outcome"] for r in repo.need_report()] == ["matched"]


def test_staff_audience_sees_staff_offers(repo: OfferRepository) -> None:
    dispatcher, _ = run(ActionShowOffers(), need="kinderbetreuung", child_age=4.0, channel="telegram")
    dispatcher2, _ = run(
        ActionShowMoreOffers(), need="kinderbetreuung", child_age=4.0, channel="telegram", offers_shown=3
    )
    shown = [o["id"] for m in dispatcher.messages + dispatcher2.messages for o in m["custom"]["offers"]]
    assert "intern" in shown


def test_more_pages_until_the_end(repo: OfferRepository) -> None:
    dispatcher, events = run(ActionShowMoreOffers(), need="kinderbetreuung", child_age=4.0, offers_shown=3)
    [message] = dispatcher.messages
    assert message["response"] == "utter_offers_last_page"
    assert len(message["custom"]["offers"]) == 1
    assert events == [SlotSet("offers_shown", 4.0)]
    dispatcher, events = run(ActionShowMoreOffers(), need="kinderbetreuung", child_age=4.0, offers_shown=4)
    assert [m["response"] for m in dispatcher.messages] == ["utter_no_more_offers"]
    assert events == []


def test_no_match_is_honest_gives_the_familienzentrum_and_counts_unmet(repo: OfferRepository) -> None:
    dispatcher, _ = run(ActionShowOffers(), need="wohnen", channel="socketio")
    [message] = dispatcher.messages
    assert message["response"] == "utter_no_offers"
    assert "Marktplatz 5, 31061 Alfeld (Leine)" in message["contact"]
    assert [o["id"] for o in message["custom"]["offers"]] == ["familienzentrum-alfeld-lotse"]
    [row] = repo.need_report()
    assert (row["need"], row["age_group"], row["channel"], row["outcome"]) == (
        "wohnen",
        "unbekannt",
        "socketio",
        "unmet",
    )


def test_sibling_is_offered_and_searched(repo: OfferRepository) -> None:
    dispatcher, _ = run(ActionShowOffers(), need="kinderbetreuung", child_age=4.0, sibling_age=2.0)
    assert [m["response"] for m in dispatcher.messages] == ["utter_offers", "utter_offer_sibling"]
    assert dispatcher.messages[1]["sibling_age"] == "2"
    _, events = run(ActionSearchSibling(), child_age=4.0, sibling_age=2.0)
    assert events == [SlotSet("child_age", 2.0), SlotSet("sibling_age", None), SlotSet("more_sibling_ages", None)]


def test_a_sibling_under_one_is_named_in_months(repo: OfferRepository) -> None:
    dispatcher, _ = run(ActionShowOffers(), need="kinderbetreuung", child_age=4.0, sibling_age=0.58)
    assert [m["response"] for m in dispatcher.messages] == ["utter_offers", "utter_offer_sibling_months"]
    assert dispatcher.messages[1]["sibling_months"] == "7"


def test_a_sibling_under_two_is_named_in_months_and_older_ones_in_whole_years(repo: OfferRepository) -> None:
    """'mit 12 Monaten', not 'mit 1 Jahren'; a 2.5-year-old is 'mit 2 Jahren', as parents say it."""
    dispatcher, _ = run(ActionShowOffers(), need="kinderbetreuung", child_age=4.0, sibling_age=1.0)
    assert dispatcher.messages[1]["response"] == "utter_offer_sibling_months"
    assert dispatcher.messages[1]["sibling_months"] == "12"
    dispatcher, _ = run(ActionShowOffers(), need="kinderbetreuung", child_age=4.0, sibling_age=2.5)
    assert dispatcher.messages[1]["response"] == "utter_offer_sibling"
    assert dispatcher.messages[1]["sibling_age"] == "2"


def test_no_sibling_search_that_would_only_bring_offers_for_every_age(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading help for the 8-year-old, a 1-year-old named too: the Lernförderung offers open to a 1-year-old are
    open to every age (the library, more than one page shows), so no "auch für das Kind mit 12 Monaten suchen?";
    for a 14-year-old there is an offer of its own."""
    learning = ("lernfoerderung",)
    repository = memory_repository(
        make_offer("hausaufgabenhilfe", categories=learning, min_age=6, max_age=12),
        make_offer("jugend-nachhilfe", categories=learning, min_age=12, max_age=18),
        *(make_offer(f"fuer-alle-{n}", categories=learning) for n in range(4)),
    )
    for module in (actions.common, actions.offers):
        monkeypatch.setattr(module, "repository", lambda: repository)
    dispatcher, _ = run(ActionShowOffers(), need="lernfoerderung", child_age=8.0, sibling_age=1.0)
    assert [m["response"] for m in dispatcher.messages] == ["utter_offers"]
    dispatcher, _ = run(ActionShowOffers(), need="lernfoerderung", child_age=8.0, sibling_age=14.0)
    assert [m["response"] for m in dispatcher.messages] == ["utter_offers", "utter_offer_sibling"]
    assert dispatcher.messages[1]["sibling_age"] == "14"


def test_a_sibling_is_offered_for_an_offer_of_its_own_beyond_the_first_page(monkeypatch: pytest.MonkeyPatch) -> None:
    """Freizeit for the 11-year-old, a 13-year-old named too: the youth centre from 12 ranks after the offers open to
    both, but it is the 13-year-old's own, so the search for it is offered."""
    leisure = ("freizeit_kultur",)
    repository = memory_repository(
        *(make_offer(f"fuer-alle-{n}", categories=leisure, min_age=6, max_age=18) for n in range(4)),
        make_offer("jugendzentrum", categories=leisure, min_age=12, max_age=27),
    )
    for module in (actions.common, actions.offers):
        monkeypatch.setattr(module, "repository", lambda: repository)
    dispatcher, _ = run(ActionShowOffers(), need="freizeit_kultur", child_age=11.0, sibling_age=13.0)
    assert [m["response"] for m in dispatcher.messages] == ["utter_offers", "utter_offer_sibling"]


def test_three_children_are_offered_one_after_the_other(repo: OfferRepository) -> None:
    """'5, 4 und 2', 4 chosen first: then 5, then 2 — not only the first of the others."""
    form = ValidateLotseForm()
    chosen = tracker(text="4 Jahre", entities=age_entities(4.0), child_ages=[5.0, 4.0, 2.0])
    slots = form.validate_child_age(4.0, CollectingDispatcher(), chosen, domain())
    assert slots == {"child_age": 4.0, "child_ages": None, "sibling_age": 5.0, "more_sibling_ages": [2.0]}
    _, events = run(ActionSearchSibling(), child_age=4.0, sibling_age=5.0, more_sibling_ages=[2.0])
    assert events == [SlotSet("child_age", 5.0), SlotSet("sibling_age", 2.0), SlotSet("more_sibling_ages", None)]
    dispatcher, _ = run(ActionShowOffers(), need="kinderbetreuung", child_age=5.0, sibling_age=2.0)
    assert [m["response"] for m in dispatcher.messages] == ["utter_offers", "utter_offer_sibling"]
    assert dispatcher.messages[-1]["sibling_age"] == "2"
    _, events = run(ActionSearchSibling(), child_age=5.0, sibling_age=2.0)
    assert events == [SlotSet("child_age", 2.0), SlotSet("sibling_age", None), SlotSet("more_sibling_ages", None)]


def test_a_child_the_need_has_nothing_for_is_passed_over(repo: OfferRepository) -> None:
    """Kita for the 4-year-old, children of 12 and 2 named too: no Kita search offered for the 12-year-old."""
    dispatcher, events = run(
        ActionShowOffers(), need="kinderbetreuung", child_age=4.0, sibling_age=12.0, more_sibling_ages=[2.0]
    )
    assert [m["response"] for m in dispatcher.messages] == ["utter_offers", "utter_offer_sibling"]
    assert dispatcher.messages[-1]["sibling_age"] == "2"
    assert events[-2:] == [SlotSet("sibling_age", 2.0), SlotSet("more_sibling_ages", None)]
    dispatcher, events = run(ActionShowOffers(), need="kinderbetreuung", child_age=4.0, sibling_age=12.0)
    assert [m["response"] for m in dispatcher.messages] == ["utter_offers"]
    assert "sibling_age" not in [event.get("name") for event in events]


def test_no_sibling_search_where_age_changes_nothing(repo: OfferRepository) -> None:
    """The Familienzentrum's offers are the same for every child: no "auch für das Kind mit 5 suchen?"."""
    assert not categories()["familienzentrum_lotse"].age_relevant
    dispatcher, _ = run(ActionShowOffers(), need="familienzentrum_lotse", child_age=0.0, sibling_age=5.0)
    assert [m["response"] for m in dispatcher.messages] == ["utter_offers_last_page"]


def test_change_topic_keeps_the_age_and_restart_forgets_all() -> None:
    _, events = run(ActionChangeTopic(), need="kinderbetreuung", child_age=4.0)
    assert SlotSet("need", None) in events and not any(e["name"] == "child_age" for e in events)
    _, events = run(ActionRestartSearch(), need="kinderbetreuung", child_age=4.0)
    assert {e["name"] for e in events} >= {"need", "child_age", "sibling_age", "more_sibling_ages"}
    assert all(e["value"] is None for e in events)


def test_fallback_offers_a_person_after_two_misses(repo: OfferRepository) -> None:
    first, events = run(ActionFallback())
    assert [m["response"] for m in first.messages] == ["utter_fallback"]
    assert events == [SlotSet("fallback_count", 1.0)]
    second, events = run(ActionFallback(), fallback_count=1.0)
    assert [m["response"] for m in second.messages] == ["utter_fallback_contact"]
    assert "Familienzentrum Alfeld" in second.messages[0]["contact"]


def test_contact_comes_from_the_offers_data(repo: OfferRepository) -> None:
    dispatcher, _ = run(ActionContactFamilienzentrum())
    assert dispatcher.messages[0]["contact"] == "Familienzentrum Alfeld\nMarktplatz 5, 31061 Alfeld (Leine)"


def test_form_skips_age_for_age_independent_needs() -> None:
    form = ValidateLotseForm()
    slots = ["need", "child_age"]
    debts = asyncio.run(form.required_slots(slots, CollectingDispatcher(), tracker(need="schuldnerberatung"), domain()))
    kita = asyncio.run(form.required_slots(slots, CollectingDispatcher(), tracker(need="kinderbetreuung"), domain()))
    assert debts == ["need"] and kita == slots


def test_form_validates_need_and_age() -> None:
    form = ValidateLotseForm()
    dispatcher = CollectingDispatcher()
    assert form.validate_need("wohnen", dispatcher, tracker(), domain()) == {"need": "wohnen"}
    assert form.validate_need("erfunden", dispatcher, tracker(), domain()) == {"need": None}
    assert form.validate_child_age("4", dispatcher, tracker(), domain()) == {"child_age": 4.0}
    assert form.validate_child_age(140, dispatcher, tracker(), domain()) == {"child_age": None}
    assert [m["response"] for m in dispatcher.messages] == ["utter_age_invalid"]


def ranking(*pairs: tuple[str, float]) -> dict[str, Any]:
    return {"intent_ranking": [{"name": name, "confidence": confidence} for name, confidence in pairs]}


def test_unsure_model_asks_which_need_instead_of_not_understood(repo: OfferRepository) -> None:
    parse = ranking(("nlu_fallback", 0.45), ("need_wohnen", 0.31), ("need_schuldnerberatung", 0.28), ("greet", 0.2))
    dispatcher, events = run(ActionFallback(), text="die miete und die mahnungen", intent="nlu_fallback", parse=parse)
    (message,) = dispatcher.messages
    assert message["text"] == domain()["responses"]["utter_clarify_need"][0]["text"]
    assert [b["payload"] for b in message["buttons"]] == ["/need_wohnen", "/need_schuldnerberatung", "/show_all_needs"]
    assert [b["title"] for b in message["buttons"]] == ["Wohnen", "Schuldnerberatung", "Etwas anderes"]
    assert events == []


def test_a_story_that_asks_to_be_called_gets_the_call_back_button_too(repo: OfferRepository) -> None:
    """The model was unsure what the story is about, but the family asked for a call: "Rückruf vereinbaren" beside
    the needs (the button starts the call-back form)."""
    parse = ranking(("nlu_fallback", 0.45), ("need_kinderbetreuung", 0.21), ("need_schutz_krise", 0.14))
    text = "frisch getrennt, zwei kinder, das auto ist hin. kann mich mal jemand von euch anrufen? nach 19 uhr"
    dispatcher, _ = run(ActionFallback(), text=text, intent="nlu_fallback", parse=parse)
    (message,) = dispatcher.messages
    assert [b["payload"] for b in message["buttons"]] == [
        "/need_kinderbetreuung",
        "/need_schutz_krise",
        "/show_all_needs",
        "/request_callback",
    ]
    assert message["buttons"][-1]["title"] == "Rückruf vereinbaren"


def test_unsure_model_mid_search_asks_one_question_only(repo: OfferRepository) -> None:
    """The search form would ask "Wobei kann ich helfen?" right after "Geht es um …?": the bot waits instead."""
    parse = ranking(("nlu_fallback", 0.45), ("need_lebensmittel_kleidung", 0.36), ("need_schuldnerberatung", 0.3))
    text = "seit zwei wochen essen wir nur noch nudeln, das geld reicht hinten und vorne nicht"
    args = {"text": text, "intent": "nlu_fallback", "parse": parse, "requested_slot": "need"}
    dispatcher, events = run(ActionFallback(), active_loop="lotse_form", **args)
    assert [m["text"] for m in dispatcher.messages] == [domain()["responses"]["utter_clarify_need"][0]["text"]]
    assert events == [FollowupAction("action_listen")]
    # without a search under way nothing else would follow
    assert run(ActionFallback(), **args)[1] == []


def test_not_understood_mid_search_lets_the_form_ask_again(repo: OfferRepository) -> None:
    parse = ranking(("nlu_fallback", 0.45), ("out_of_scope", 0.4))
    _, events = run(ActionFallback(), text="was kostet ein kilo tomaten", intent="nlu_fallback", parse=parse,
                    active_loop="lotse_form", requested_slot="child_age")  # fmt: skip
    assert FollowupAction("action_listen") not in events


def faq_selected(key: str) -> dict[str, Any]:
    return {"faq": {"response": {"intent_response_key": key, "utter_action": f"utter_{key}"}}}


def test_an_unsure_faq_about_a_likely_need_is_answered_with_its_offers(repo: OfferRepository) -> None:
    """FAQ and need too close for the fallback, but about the same: the FAQ answer, then where to go."""
    parse = ranking(("nlu_fallback", 0.45), ("faq", 0.454), ("need_kinderbetreuung", 0.417), ("need_wohnen", 0.04))
    parse["response_selector"] = faq_selected("faq/kita_anmeldung")
    text = "wie melde ich mein kind in der kita an"
    dispatcher, events = run(ActionFallback(), text=text, intent="nlu_fallback", parse=parse)
    assert [m["response"] for m in dispatcher.messages] == ["utter_faq/kita_anmeldung", "utter_faq_offers"]
    assert len(dispatcher.messages[1]["custom"]["offers"]) == 3
    # all in this one action: a follow-up action would be followed by the fallback again, and so on
    assert events == []


@pytest.mark.parametrize(
    ("pairs", "key"),
    [
        # an FAQ about another topic than the likely need: ask
        ((("nlu_fallback", 0.45), ("faq", 0.44), ("need_bildung_teilhabe", 0.41)), "faq/datenschutz"),
        # the need came first: ask, as before
        ((("nlu_fallback", 0.45), ("need_bildung_teilhabe", 0.44), ("faq", 0.41)), "faq/bildung_teilhabe"),
    ],
)
def test_an_unsure_faq_about_something_else_still_asks(
    repo: OfferRepository, pairs: tuple[tuple[str, float], ...], key: str
) -> None:
    parse = ranking(*pairs)
    parse["response_selector"] = faq_selected(key)
    dispatcher, events = run(ActionFallback(), text="…", intent="nlu_fallback", parse=parse)
    assert [m["text"] for m in dispatcher.messages] == [domain()["responses"]["utter_clarify_need"][0]["text"]]
    assert events == []


@pytest.mark.parametrize(
    "text",
    [
        "hallo, kann mich jemand anrufen, ich schreib nicht gut deutsch. meine nummer 0176 12345678",
        "bitte um rückruf wegen wohngeld, erreichbar unter mama.k@web.de",
        "please call me back, my number is +49 176 1234567",
    ],
)
def test_an_unsure_message_with_the_familys_number_starts_the_call_back_form(repo: OfferRepository, text: str) -> None:
    parse = ranking(("nlu_fallback", 0.45), ("need_sprache_integration", 0.3))
    dispatcher, events = run(ActionFallback(), text=text, intent="nlu_fallback", parse=parse)
    assert dispatcher.messages == []
    assert events == [FollowupAction("contact_form")]


def test_an_unsure_call_back_request_in_words_starts_the_call_back_form(repo: OfferRepository) -> None:
    text = "rückruf wär gut, ab 15 uhr. ist wegen meinem sohn und dem ganzen papierkram"
    parse = ranking(("nlu_fallback", 0.45), ("request_callback", 0.21), ("need_finanzielle_hilfe", 0.12))
    dispatcher, events = run(ActionFallback(), text=text, intent="nlu_fallback", parse=parse)
    assert dispatcher.messages == []
    assert events == [FollowupAction("contact_form")]


@pytest.mark.parametrize(
    ("text", "first_guess"),
    [
        ("ich musste beim jobcenter fünfmal anrufen und keiner geht ran, wo bleibt das geld", "need_finanzielle_hilfe"),
        ("rückruf wär gut, ab 15 uhr. ist wegen meinem sohn und dem ganzen papierkram", "need_finanzielle_hilfe"),
        ("können wir das mal in ruhe besprechen, das ist kompliziert mit meiner tochter", "request_callback"),
    ],
)
def test_call_words_or_the_models_guess_alone_are_no_call_back_request(
    repo: OfferRepository, text: str, first_guess: str
) -> None:
    parse = ranking(("nlu_fallback", 0.45), (first_guess, 0.25), ("need_kinderbetreuung", 0.2))
    _, events = run(ActionFallback(), text=text, intent="nlu_fallback", parse=parse)
    assert FollowupAction("contact_form") not in events


def test_a_number_without_a_wish_to_be_called_is_no_call_back_request(repo: OfferRepository) -> None:
    parse = ranking(("nlu_fallback", 0.45), ("need_lebensmittel_kleidung", 0.3))
    dispatcher, events = run(ActionFallback(), text="stimmt die nummer 05181 123456 von der tafel noch", parse=parse)
    assert [m["text"] for m in dispatcher.messages] == [domain()["responses"]["utter_clarify_need"][0]["text"]]
    assert FollowupAction("contact_form") not in events


def test_out_of_scope_with_only_a_faint_need_is_not_asked_about(repo: OfferRepository) -> None:
    parse = ranking(("out_of_scope", 0.8), ("need_freizeit_kultur", 0.1))
    dispatcher, _ = run(ActionFallback(), text="wie wird das wetter", intent="out_of_scope", parse=parse)
    assert [m["response"] for m in dispatcher.messages] == ["utter_fallback"]


def test_a_second_need_is_offered_after_the_first(repo: OfferRepository) -> None:
    dispatcher, events = run(
        ActionShowOffers(), text="kita", intent="need_kinderbetreuung", need="kinderbetreuung", child_age=4.0,
        other_need="sprache_integration",
    )  # fmt: skip
    assert [m["response"] for m in dispatcher.messages] == ["utter_offers", "utter_offer_other_need"]
    assert dispatcher.messages[1]["other_need"] == "sprache_integration"
    assert dispatcher.messages[1]["other_need_label"] == "Sprache und Integration"
    assert SlotSet("other_need", None) in events


def test_a_need_the_story_implied_is_offered_without_saying_it_was_mentioned(repo: OfferRepository) -> None:
    """ "Nachhilfe … 25 Euro die Stunde, zu teuer": Bildung und Teilhabe, which the family did not name."""
    implied = {"entity": "other_need", "value": "bildung_teilhabe"}
    dispatcher, _ = run(
        ActionShowOffers(), text="nachhilfe ist zu teuer", intent="need_lernfoerderung", need="lernfoerderung",
        child_age=9.0, other_need="bildung_teilhabe", entities=[implied, {**implied, "role": GUESSED_ROLE}],
    )  # fmt: skip
    assert [(m["response"], m.get("other_need")) for m in dispatcher.messages][1:] == [
        ("utter_offer_guessed_need", "bildung_teilhabe")
    ]


@pytest.mark.parametrize(("tapped", "offered"), [("wohnen", "schuldnerberatung"), ("schuldnerberatung", "wohnen")])
def test_after_a_topic_button_the_other_need_the_story_named_is_offered(
    repo: OfferRepository, tapped: str, offered: str
) -> None:
    named = [{"entity": "other_need", "value": "wohnen"}, {"entity": "other_need", "value": "schuldnerberatung"}]
    story = tracker(text="stromschulden und zwei offene mieten", intent="nlu_fallback", entities=named).events
    button = tracker(text=f"/need_{tapped}", intent=f"need_{tapped}", need=tapped, other_need="schuldnerberatung")
    button.events = [*story, {"event": "action", "name": "action_fallback"}, *button.events]
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionShowOffers().run(dispatcher, button, domain()))
    assert [(m["response"], m.get("other_need")) for m in dispatcher.messages][-1] == (
        "utter_offer_other_need",
        offered,
    )
    assert SlotSet("other_need", None) in events


def test_after_the_emergency_numbers_the_need_of_the_same_message_is_offered(repo: OfferRepository) -> None:
    found = [{"entity": "other_need", "value": "schuldnerberatung"}, {"entity": "emergency_type", "value": "medical"}]
    dispatcher, events = run(ActionOfferOtherNeed(), text="…", intent="emergency", entities=found)
    assert [(m["response"], m["other_need"], m["other_need_label"]) for m in dispatcher.messages] == [
        ("utter_offer_other_need", "schuldnerberatung", "Schuldnerberatung")
    ]
    assert events == []
    # the one child's age the message gave is kept for that search
    with_age = [*found, {"entity": "child_age", "value": 16.0}]
    _, events = run(ActionOfferOtherNeed(), text="…", intent="emergency", entities=with_age)
    assert events == [SlotSet("child_age", 16.0)]
    # a need the message did not name but the model saw: no "Sie haben auch … erwähnt"
    guessed = [{"entity": "other_need", "value": "schuldnerberatung", "role": "guessed"}]
    dispatcher, _ = run(ActionOfferOtherNeed(), text="…", intent="emergency", entities=guessed)
    assert [(m["response"], m["other_need"]) for m in dispatcher.messages] == [
        ("utter_offer_guessed_need", "schuldnerberatung")
    ]
    # a message about danger alone gets nothing more, not even a need named earlier in the conversation
    dispatcher, _ = run(ActionOfferOtherNeed(), text="…", intent="emergency", other_need="wohnen")
    assert dispatcher.messages == []


def after_question(buttons: list[dict[str, str]], **slots: Any) -> Any:
    """A tracker whose bot asked a question with `buttons` and whose family then typed "ja gerne"."""
    typed = tracker(text="ja gerne", intent="affirm", **slots)
    asked = {"event": "bot", "text": "…", "data": {"buttons": buttons}}
    typed.events = [{"event": "user", "text": "…"}, asked, *typed.events]
    return typed


YES_NO = [{"title": "Ja, bitte", "payload": "/need_wohnen"}, {"title": "Nein, danke", "payload": "/deny"}]


def test_a_typed_yes_takes_the_offered_need() -> None:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionYes().run(dispatcher, after_question(YES_NO, other_need="wohnen"), domain()))
    assert events == [SlotSet("need", "wohnen"), SlotSet("other_need", None), FollowupAction("lotse_form")]
    assert dispatcher.messages == []


def test_a_typed_yes_searches_for_the_other_child() -> None:
    buttons = [{"title": "Ja, bitte", "payload": "/search_sibling"}, {"title": "Nein, danke", "payload": "/deny"}]
    typed = after_question(buttons, child_age=4.0, sibling_age=2.0, more_sibling_ages=[9.0])
    events = asyncio.run(ActionYes().run(CollectingDispatcher(), typed, domain()))
    assert events == [
        SlotSet("child_age", 2.0),
        SlotSet("sibling_age", 9.0),
        SlotSet("more_sibling_ages", None),
        FollowupAction("lotse_form"),
    ]


@pytest.mark.parametrize(
    "buttons",
    [
        [],  # no question asked
        [{"title": "Anderes Thema", "payload": "/other_topic"}, {"title": "Nein, danke", "payload": "/goodbye"}],
        [{"title": "Ja, bitte", "payload": "/need_gibt_es_nicht"}, {"title": "Nein, danke", "payload": "/deny"}],
    ],
)
def test_a_yes_to_no_offer_asks_what_else(buttons: list[dict[str, str]]) -> None:
    dispatcher = CollectingDispatcher()
    assert asyncio.run(ActionYes().run(dispatcher, after_question(buttons), domain())) == []
    assert [m["response"] for m in dispatcher.messages] == ["utter_anything_else"]


def test_only_the_bots_last_message_counts_for_a_yes() -> None:
    """An offer two turns ago is no question any more."""
    typed = after_question(YES_NO)
    typed.events = [
        *typed.events[:2],
        {"event": "user", "text": "danke"},
        {"event": "bot", "text": "Gern."},
        *typed.events[2:],
    ]
    dispatcher = CollectingDispatcher()
    assert asyncio.run(ActionYes().run(dispatcher, typed, domain())) == []
    assert [m["response"] for m in dispatcher.messages] == ["utter_anything_else"]


SIBLING_QUESTION = [{"title": "Ja, bitte", "payload": "/search_sibling"}, {"title": "Nein, danke", "payload": "/deny"}]


def test_no_to_the_other_child_still_offers_the_other_need() -> None:
    """ "Kita für den Kleinen … und mein Deutsch ist nicht gut": the sibling question came first; "Nein" to it."""
    slots = {"need": "kinderbetreuung", "child_age": 1.0, "sibling_age": 5.0, "other_need": "sprache_integration"}
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionNo().run(dispatcher, after_question(SIBLING_QUESTION, **slots), domain()))
    assert [(m["response"], m["other_need"]) for m in dispatcher.messages] == [
        ("utter_offer_other_need", "sprache_integration")
    ]
    assert events == [SlotSet("other_need", None)]


@pytest.mark.parametrize(
    ("buttons", "other_need"),
    [
        (SIBLING_QUESTION, None),  # no other need waiting
        (YES_NO, "sprache_integration"),  # "Nein" to the other need itself
        ([], "sprache_integration"),  # no question open
    ],
)
def test_any_other_no_asks_what_else(buttons: list[dict[str, str]], other_need: str | None) -> None:
    dispatcher = CollectingDispatcher()
    slots = {"need": "kinderbetreuung", "other_need": other_need}
    assert asyncio.run(ActionNo().run(dispatcher, after_question(buttons, **slots), domain())) == []
    assert [m["response"] for m in dispatcher.messages] == ["utter_anything_else"]


def test_faq_about_a_need_ends_with_its_offers(repo: OfferRepository) -> None:
    parse = {"response_selector": {"faq": {"response": {"intent_response_key": "faq/kita_anmeldung"}}}}
    dispatcher, _ = run(actions.offers.ActionFaqOffers(), text="wie melde ich mein kind an", intent="faq", parse=parse)
    (message,) = dispatcher.messages
    assert message["response"] == "utter_faq_offers"
    shown = [o["id"] for o in message["custom"]["offers"]]
    # three public offers of the need the answer was about (the order is the search's, tested in test_search.py)
    assert len(shown) == 3 and set(shown) <= {"kita-a", "kita-b", "kita-c", "kita-d", "krippe"}


def test_faq_without_a_need_shows_no_offers(repo: OfferRepository) -> None:
    parse = {"response_selector": {"faq": {"response": {"intent_response_key": "faq/datenschutz"}}}}
    dispatcher, _ = run(actions.offers.ActionFaqOffers(), text="datenschutz", intent="faq", parse=parse)
    assert dispatcher.messages == []


def age_entities(*ages: float) -> list[dict[str, Any]]:
    return [{"entity": "child_age" if i == 0 else "sibling_age", "value": a} for i, a in enumerate(ages)]


def test_several_children_are_asked_which_one_first() -> None:
    form = ValidateLotseForm()
    named = tracker(text="13, 11 und 4", entities=age_entities(13.0, 11.0, 4.0), need="freizeit_kultur")
    result = form.validate_child_age(13.0, CollectingDispatcher(), named, domain())
    assert result == {"child_age": None, "child_ages": [13.0, 11.0, 4.0], "sibling_age": None}
    dispatcher = CollectingDispatcher()
    asking = tracker(text="13, 11 und 4", child_ages=[13.0, 11.0, 4.0])
    asyncio.run(actions.forms.ActionAskChildAge().run(dispatcher, asking, domain()))
    (message,) = dispatcher.messages
    assert message["response"] == "utter_ask_which_child"
    assert [b["payload"] for b in message["buttons"]] == ["13 Jahre", "11 Jahre", "4 Jahre"]
    chosen = tracker(text="11 Jahre", entities=age_entities(11.0), child_ages=[13.0, 11.0, 4.0])
    result = form.validate_child_age(11.0, CollectingDispatcher(), chosen, domain())
    assert result == {"child_age": 11.0, "child_ages": None, "sibling_age": 13.0, "more_sibling_ages": [4.0]}


@pytest.mark.parametrize(
    ("text", "ages", "first", "then"),
    [
        ("ich hab 3 kinder 4, 9 und 12, der große hat schlechte noten in mathe", [4.0, 9.0, 12.0], 12.0, [4.0, 9.0]),
        ("meine kinder sind 2 und 6, die kleine braucht einen krippenplatz", [2.0, 6.0], 2.0, [6.0]),
        ("Unser Ältester (15) sucht ein Praktikum, die anderen sind 8 und 10", [15.0, 8.0, 10.0], 15.0, [8.0, 10.0]),
        # first named with his age, then the one the message is about
        (
            "meine zwillinge sind 2 und mein großer ist 7. der große braucht betreuung nach der schule",
            [2.0, 7.0],
            7.0,
            [2.0],
        ),
    ],
)
def test_the_child_the_message_is_about_comes_first(
    text: str, ages: list[float], first: float, then: list[float]
) -> None:
    named = tracker(text=text, entities=age_entities(*ages), need="lernfoerderung")
    result = ValidateLotseForm().validate_child_age(ages[0], CollectingDispatcher(), named, domain())
    assert result == {
        "child_age": first,
        "child_ages": None,
        "sibling_age": then[0],
        "more_sibling_ages": then[1:] or None,
    }


@pytest.mark.parametrize(
    "text",
    [
        "kinder 3 und 8, der große braucht nachhilfe und die kleine einen kitaplatz",
        "13, 11 und 4",
        "die ältere ist 8, die 3 jährige braucht einen kitaplatz",  # the word only states an age
    ],
)
def test_when_the_message_does_not_say_which_child_the_family_is_asked(text: str) -> None:
    named = tracker(text=text, entities=age_entities(3.0, 8.0), need="lernfoerderung")
    result = ValidateLotseForm().validate_child_age(3.0, CollectingDispatcher(), named, domain())
    assert result == {"child_age": None, "child_ages": [3.0, 8.0], "sibling_age": None}


def test_a_baby_is_named_in_months() -> None:
    dispatcher = CollectingDispatcher()
    asking = tracker(text="baby 4 monate und 3 jahre", child_ages=[0.33, 3.0])
    asyncio.run(actions.forms.ActionAskChildAge().run(dispatcher, asking, domain()))
    assert [b["payload"] for b in dispatcher.messages[0]["buttons"]] == ["4 Monate", "3 Jahre"]
    assert [m.value for m in find_ages("4 Monate")] == [0.33]


def test_one_child_is_asked_for_the_age_as_before() -> None:
    dispatcher = CollectingDispatcher()
    asyncio.run(actions.forms.ActionAskChildAge().run(dispatcher, tracker(text="kita"), domain()))
    assert [m["response"] for m in dispatcher.messages] == ["utter_ask_child_age"]


def user(text: str, intent: str = "nlu_fallback") -> dict[str, Any]:
    return {"event": "user", "text": text, "parse_data": {"text": text, "intent": {"name": intent}}}


def bot_did(name: str) -> dict[str, Any]:
    return {"event": "action", "name": name}


def need_set(need: str | None) -> dict[str, Any]:
    return {"event": "slot", "name": "need", "value": need}


def after_topic_button(story: str, need: str, asked: bool) -> Any:
    """A tracker whose family wrote `story` (if `asked`: answered by "Geht es um …?", else: "hallo", answered by a
    greeting), then tapped the button of `need`."""
    button = tracker(text=f"/need_{need}", intent=f"need_{need}", need=need, child_age=8.0)
    first = [user(story), bot_did("action_fallback")] if asked else [user("hallo", "greet"), bot_did("utter_greet")]
    button.events = [*first, bot_did("action_listen"), *button.events, need_set(need)]
    return button


@pytest.fixture
def learning_offers(monkeypatch: pytest.MonkeyPatch) -> OfferRepository:
    repository = memory_repository(
        make_offer("a-nachhilfe", title="Nachhilfe", categories=("lernfoerderung",)),
        make_offer("b-lesen", title="Hilfe beim Lesen", categories=("lernfoerderung",)),
        make_offer("m-mathe", title="Mathe-Treff", categories=("lernfoerderung",)),
        make_offer("z-hausaufgaben", title="Zeit für Hausaufgaben", categories=("lernfoerderung",)),
        make_offer("z-zentrum", title="Zentrum Lernförderung", categories=("lernfoerderung",)),
    )
    monkeypatch.setattr(actions.offers, "repository", lambda: repository)
    return repository


def shown_ids(action: Any, conversation: Any) -> list[str]:
    dispatcher = CollectingDispatcher()
    asyncio.run(action.run(dispatcher, conversation, domain()))
    return [offer["id"] for offer in dispatcher.messages[0]["custom"]["offers"]]


@pytest.mark.parametrize(
    ("asked", "first"),
    [
        # after "Geht es um …?" the story's words order the offers (the payload has none)
        (True, "z-hausaufgaben"),
        # a topic button after a greeting: no words about the need, the offers' own order (by title; "/need_…" is
        # no search term, or "Zentrum Lernförderung" would come first)
        (False, "b-lesen"),
    ],
)
def test_the_story_before_a_topic_button_orders_the_offers(
    learning_offers: OfferRepository, asked: bool, first: str
) -> None:
    story = "er kommt mit den hausaufgaben nicht klar und weint jeden abend"
    assert shown_ids(ActionShowOffers(), after_topic_button(story, "lernfoerderung", asked))[0] == first


def in_conversation(latest: Any, *earlier: dict[str, Any]) -> Any:
    """`latest` (a tracker) with `earlier` events before its own."""
    latest.events = [*earlier, bot_did("action_listen"), *latest.events]
    return latest


def test_the_message_that_named_the_need_orders_the_offers_after_the_age_question(
    learning_offers: OfferRepository,
) -> None:
    named = [user("sie kann nicht gut lesen, braucht nachhilfe", "need_lernfoerderung"), need_set("lernfoerderung")]
    age_answer = tracker(text="sie ist 8", intent="inform_age", need="lernfoerderung", child_age=8.0)
    # without the story's words "Hilfe beim Lesen" would come first (by title); "Nachhilfe" is the offer it named
    assert shown_ids(ActionShowOffers(), in_conversation(age_answer, *named))[:2] == ["a-nachhilfe", "b-lesen"]


def test_more_offers_continue_the_first_pages_order(learning_offers: OfferRepository) -> None:
    """Page 2 is searched with the same words as page 1: nothing twice, nothing left out."""
    story = [user("die hausaufgaben klappen nicht", "need_lernfoerderung"), need_set("lernfoerderung")]
    first_page = tracker(text="die hausaufgaben klappen nicht", intent="need_lernfoerderung", need="lernfoerderung")
    first_page.events = [*first_page.events, need_set("lernfoerderung")]
    more = tracker(text="/more", intent="more", need="lernfoerderung", offers_shown=3.0)
    first, second = (
        shown_ids(ActionShowOffers(), first_page),
        shown_ids(ActionShowMoreOffers(), in_conversation(more, *story)),
    )
    assert first == ["z-hausaufgaben", "b-lesen", "m-mathe"]
    assert sorted(first + second) == ["a-nachhilfe", "b-lesen", "m-mathe", "z-hausaufgaben", "z-zentrum"]


def test_the_story_that_named_a_second_need_orders_its_offers(learning_offers: OfferRepository) -> None:
    """ "… die Kita für die Kleine, und der Große braucht Hilfe bei den Hausaufgaben" -> Kita offers, then "Sie haben
    auch „Lernförderung“ erwähnt" -> "ja": the story's words order the Lernförderung offers too."""
    story = "die kleine braucht einen kitaplatz und der große braucht hilfe bei den hausaufgaben"
    named = [{"entity": "other_need", "value": "lernfoerderung"}]
    first = tracker(text=story, intent="need_kinderbetreuung", entities=named).events
    yes = tracker(text="ja gerne", intent="affirm", need="lernfoerderung", child_age=9.0)
    yes.events = [*first, need_set("kinderbetreuung"), bot_did("action_show_offers"), *yes.events]
    yes.events.append(need_set("lernfoerderung"))
    assert shown_ids(ActionShowOffers(), yes)[0] == "z-hausaufgaben"


def test_words_about_an_earlier_need_do_not_order_the_new_ones(learning_offers: OfferRepository) -> None:
    about_upbringing = "jeden abend streit wegen der hausaufgaben, ich werde nur noch laut"
    earlier = [user(about_upbringing, "need_erziehungsberatung"), need_set("erziehungsberatung"), need_set(None)]
    button = tracker(text="/need_lernfoerderung", intent="need_lernfoerderung", need="lernfoerderung")
    assert shown_ids(ActionShowOffers(), in_conversation(button, *earlier))[0] == "b-lesen"  # by title
