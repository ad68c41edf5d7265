"""The anonymous usage counters (issue 13) are recorded where the conversation happens — never with ids or text."""

from __future__ import annotations

import asyncio
from datetime import datetime
from typing import Any

import pytest
from rasa.shared.core.events import ActionExecuted, SessionStarted, UserUttered
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select

import actions.common
import actions.contact
import actions.offers
import bot.tracker_store
from actions.contact import ActionSubmitContact
from actions.conversation import ActionContactFamilienzentrum
from actions.offers import ActionShowOffers
from offers_db.contacts import ContactRepository
from offers_db.models import usage_counts
from offers_db.repository import OfferRepository
from tests.factories import make_offer, memory_repository
from tests.tracker import domain, tracker


@pytest.fixture
def repo(monkeypatch: pytest.MonkeyPatch) -> OfferRepository:
    repository = memory_repository(
        make_offer("kita-a", min_age=3, max_age=6),
        make_offer("nachhilfe", categories=("lernfoerderung",), min_age=6, max_age=18),
        make_offer("familienzentrum-alfeld-lotse", categories=("familienzentrum_lotse",)),
    )
    for module in (actions.common, actions.offers):
        monkeypatch.setattr(module, "repository", lambda: repository)
    monkeypatch.setattr(actions.contact, "contacts", lambda: ContactRepository(repository.engine))
    return repository


def counted(repository: OfferRepository) -> dict[tuple[str, str], int]:
    with repository.engine.connect() as connection:
        found: dict[tuple[str, str], int] = {}
        for row in connection.execute(select(usage_counts)):
            assert set(row._mapping) == {"day", "hour", "channel", "event", "count"}
            assert 0 <= row.hour <= 23
            key = (row.event, row.channel)
            found[key] = found.get(key, 0) + row.count
        return found


def run(action: Any, **tracker_args: Any) -> None:
    asyncio.run(action.run(CollectingDispatcher(), tracker(**tracker_args), domain()))


def test_no_fitting_offer_and_several_needs_are_counted(repo: OfferRepository) -> None:
    run(ActionShowOffers(), need="wohnen", channel="webchat")  # nothing fits
    run(ActionShowOffers(), need="kinderbetreuung", child_age=4.0, sibling_age=8.0, channel="telegram")
    run(ActionShowOffers(), need="kinderbetreuung", child_age=4.0, other_need="lernfoerderung", channel="webchat")
    assert counted(repo) == {
        ("no_offer", "webchat"): 1,
        ("several_needs", "telegram"): 1,
        ("several_needs", "webchat"): 1,
    }


def test_asking_for_a_person_and_the_call_back_lifecycle_are_counted(repo: OfferRepository) -> None:
    run(ActionContactFamilienzentrum(), channel="webchat")
    run(ActionSubmitContact(), channel="telegram", contact_consent=False)
    run(ActionSubmitContact(), channel="telegram", contact_consent=True, contact_value="0170 1234567")
    contacts = ContactRepository(repo.engine)
    [request] = contacts.list()
    assert contacts.claim(request.id, "Frau Meyer") and not contacts.claim(request.id, "Herr Kurz")
    assert contacts.done(request.id) and not contacts.done(request.id)
    assert counted(repo) == {
        ("asked_person", "webchat"): 1,
        ("asked_person", "telegram"): 2,
        ("callback_requested", "telegram"): 1,
        ("callback_claimed", "telegram"): 1,  # once, for the one who won the claim
        ("callback_done", "telegram"): 1,
    }


def test_a_failing_counter_never_stops_the_conversation(monkeypatch: pytest.MonkeyPatch) -> None:
    class Broken:
        def record_usage(self, *_args: Any) -> None:
            raise RuntimeError("database away")

    monkeypatch.setattr(actions.common, "repository", lambda: Broken())
    actions.common.count("no_offer", tracker())  # logged, not raised


def test_tracker_store_counts_sessions_and_shown_emergency_numbers(monkeypatch: pytest.MonkeyPatch) -> None:
    repository = memory_repository()
    monkeypatch.setattr(bot.tracker_store, "_usage_repository", lambda: repository)
    events = [
        ActionExecuted("action_session_start"),
        SessionStarted(),
        UserUttered("er schlägt mich", {"name": "emergency"}, input_channel="telegram"),
        ActionExecuted("utter_emergency"),
        ActionExecuted("action_listen"),
    ]
    assert bot.tracker_store.usage_events(events) == ["conversation", "emergency"]
    bot.tracker_store.count_usage(events, "telegram")
    assert counted(repository) == {("conversation", "telegram"): 1, ("emergency", "telegram"): 1}


def test_only_the_hour_is_stored(repo: OfferRepository) -> None:
    repo.record_usage("conversation", "webchat", datetime(2026, 3, 2, 19, 41, 7))
    repo.record_usage("conversation", "webchat", datetime(2026, 3, 2, 19, 2, 55))
    with repo.engine.connect() as connection:
        [row] = connection.execute(select(usage_counts)).all()
    assert tuple(row) == (datetime(2026, 3, 2).date(), 19, "webchat", "conversation", 2)
