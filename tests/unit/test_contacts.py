"""Call-back requests and privacy: consent, validation, one claim wins, purge and erase by the clock."""

from __future__ import annotations

import asyncio
import json
import threading
from datetime import datetime, timedelta

import pytest
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import create_engine, text

import actions.contact
from actions.contact import ActionSubmitContact, ValidateContactForm, valid_contact
from bot.tracker_store import redact
from offers_db.contacts import ContactRepository, asks_for_a_call, asks_to_be_called, best_time
from offers_db.db import make_engine
from offers_db.privacy import Privacy
from tests.tracker import domain, tracker

NOW = datetime(2026, 11, 25, 12, 0)


@pytest.fixture
def contacts(monkeypatch: pytest.MonkeyPatch) -> ContactRepository:
    repository = ContactRepository(make_engine("sqlite://"))
    monkeypatch.setattr(actions.contact, "contacts", lambda: repository)
    return repository


def new_request(contacts: ContactRepository, conversation: str = "c1", **fields: str) -> int:
    values = {"conversation_id": conversation, "channel": "webchat", "contact": "05181 123456", **fields}
    return contacts.create(now=NOW, **values)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("05181 123456", "05181 123456"),
        ("+49 5181  1234", "+49 5181 1234"),
        ("Name@Example.ORG", "name@example.org"),
        ("12345", None),
        ("ruf mich an", None),
        ("info(at)example.org", None),
        ("0" * 20, None),
        ("meine Nummer ist 0151 23456789", "0151 23456789"),
        ("erreichbar unter Mama.K@web.de ab 14 Uhr", "mama.k@web.de"),
        ("Tel. (05181) 80 70 60 vormittags", "(05181) 80 70 60"),
        ("ich hab am 12.03.2024 schon angerufen", None),
    ],
)
def test_contact_is_a_phone_number_or_an_email(given: str, expected: str | None) -> None:
    assert valid_contact(given) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kann mich jemand anrufen? 0176 12345678", True),
        ("Rückruf bitte, erreichbar unter mama.k@web.de", True),
        ("передзвоніть мені будь ласка, мій номер 0176 1234567", True),
        ("meine nummer ist geheim, ruf mich nicht an", False),  # no number
        ("stimmt die nummer 05181 123456 von der tafel noch", False),  # a number, but no wish to be called
    ],
)
def test_a_message_asks_to_be_called_when_it_gives_a_contact_and_says_so(text: str, expected: bool) -> None:
    assert asks_to_be_called(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Frisch getrennt, das Auto ist kaputt. Kann mich mal jemand von euch anrufen? Am besten nach 19 Uhr", True),
        ("Können Sie mich zurückrufen?", True),
        ("rufen Sie mich bitte zurück", True),
        ("Bitte ruft mich an, danke", True),
        ("kann mich jemand zurück rufen", True),
        ("ich hätte gern einen Rückruf wegen der Kita", True),
        ("Rückruf bitte", True),
        # a call somebody else did not make, the family calling, a call told of
        ("Das Jobcenter kann mich nicht mal zurückrufen", False),
        ("Der Rückruf vom Jobcenter kam nie", False),
        ("Wann kann ich bei euch anrufen?", False),
        ("Mein Mann ruft mich immer an, wenn er Schicht hat", False),
        ("Ich brauche keinen Rückruf, nur die Adresse der Tafel", False),
    ],
)
def test_a_message_asks_in_words_to_be_called_back(text: str, expected: bool) -> None:
    assert asks_for_a_call(text) is expected


def test_malformed_contact_is_asked_again_kindly() -> None:
    dispatcher = CollectingDispatcher()
    result = ValidateContactForm().validate_contact_value("meine nummer", dispatcher, tracker(), domain())
    assert result == {"contact_value": None}
    assert [m["response"] for m in dispatcher.messages] == ["utter_contact_value_invalid"]


def run_form(text: str, **slots: object) -> list:
    form = ValidateContactForm()
    return asyncio.run(form.run(CollectingDispatcher(), tracker(text, "request_callback", **slots), domain()))


def test_number_in_the_message_that_asks_for_the_call_back_is_taken() -> None:
    events = run_form("kann mich bitte jemand anrufen, hab viele fragen wegen kita. meine nummer ist 0151 23456789")
    assert SlotSet("contact_value", "0151 23456789") in events


def test_the_time_in_the_message_that_asks_for_the_call_back_is_taken() -> None:
    events = run_form("rückruf bitte 🙏 ab 14 uhr gut. gehts um meine tochter u ämter kram")
    assert SlotSet("contact_time", "ab 14 uhr") in events
    assert [
        e
        for e in run_form("rückruf bitte, ab 14 uhr", requested_slot="contact_name")
        if e.get("name") == "contact_time"
    ] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("rückruf bitte, ab 14 uhr gut", "ab 14 uhr"),
        ("am besten zwischen 9 und 11 Uhr", "zwischen 9 und 11 Uhr"),
        ("montags ab 10 uhr, sonst nachmittags", "montags ab 10 uhr"),
        ("lieber vormittags, da schläft der kleine", "vormittags"),
        ("mein sohn ist seit 14 tagen krank", None),  # no time of day
        ("die kita hat ab 7 auf", None),
    ],
)
def test_the_best_time_is_a_time_of_day(text: str, expected: str | None) -> None:
    assert best_time(text) == expected


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("Kann mich jemand vom Familienzentrum zurückrufen?", {}),  # nothing to take: the form asks
        ("meine neue nummer ist 0171 5555555", {"contact_value": "05181 987654"}),  # known already
        ("Erika, erreichbar unter 0171 5555555", {"requested_slot": "contact_name"}),  # an answer, not the start
    ],
)
def test_contact_is_taken_only_when_the_form_starts_without_one(text: str, slots: dict[str, object]) -> None:
    assert [e for e in run_form(text, **slots) if e.get("name") == "contact_value"] == []


@pytest.mark.parametrize("answer", ["ja", "Ok.", "lieber nicht", "anonym"])
def test_a_yes_or_no_to_the_name_question_is_no_name(answer: str) -> None:
    form = ValidateContactForm()
    assert form.validate_contact_name(answer, CollectingDispatcher(), tracker(), domain()) == {"contact_name": ""}
    assert form.validate_contact_name("Ayşe", CollectingDispatcher(), tracker(), domain()) == {"contact_name": "Ayşe"}


def test_optional_answers_can_be_skipped_and_notes_are_limited() -> None:
    form, dispatcher = ValidateContactForm(), CollectingDispatcher()
    assert form.validate_contact_name("/skip", dispatcher, tracker(), domain()) == {"contact_name": ""}
    assert form.validate_contact_note("x" * 301, dispatcher, tracker(), domain()) == {"contact_note": None}
    assert [m["response"] for m in dispatcher.messages] == ["utter_contact_note_too_long"]


def run_submit(**slots: object) -> tuple[CollectingDispatcher, list]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionSubmitContact().run(dispatcher, tracker(channel="webchat", **slots), domain()))
    return dispatcher, events


def test_consent_stores_exactly_the_given_fields(contacts: ContactRepository) -> None:
    dispatcher, events = run_submit(
        contact_value="05181 123456", contact_name="", contact_time="vormittags", contact_note="",
        contact_consent=True, need="kinderbetreuung", child_age=4.0,
    )  # fmt: skip
    [stored] = contacts.list()
    assert (stored.contact, stored.name, stored.best_time, stored.note) == ("05181 123456", None, "vormittags", None)
    assert (stored.topic, stored.age_group, stored.channel, stored.status) == (
        "kinderbetreuung",
        "3-6",
        "webchat",
        "new",
    )
    assert stored.conversation_id == "test-user"
    assert [m["response"] for m in dispatcher.messages] == ["utter_contact_stored"]
    assert SlotSet("contact_value", None) in events


def test_no_consent_stores_nothing(contacts: ContactRepository) -> None:
    dispatcher, _ = run_submit(contact_value="05181 123456", contact_consent=False)
    assert contacts.list() == []
    assert [m["response"] for m in dispatcher.messages] == ["utter_contact_not_stored"]


def test_two_staff_claiming_at_once_exactly_one_wins(tmp_path) -> None:
    repository = ContactRepository(make_engine(f"sqlite:///{tmp_path / 'c.sqlite3'}"))
    request_id = new_request(repository)
    results: list[bool] = []
    barrier = threading.Barrier(8)

    def claim(name: str) -> None:
        barrier.wait()
        results.append(repository.claim(request_id, name))

    threads = [threading.Thread(target=claim, args=(f"staff-{i}",)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [False] * 7 + [True]
    assert repository.get(request_id).status == "claimed"


def tracker_db(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'tracker.sqlite3'}", future=True)
    with engine.begin() as connection:
        connection.execute(
            text("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT, timestamp REAL, data TEXT)")
        )
        for sender, days_ago in (("alt", 120), ("alt", 100), ("neu", 5), ("lebendig", 200), ("lebendig", 0)):
            stamp = (NOW - timedelta(days=days_ago)).timestamp()
            connection.execute(
                text("INSERT INTO events (sender_id, timestamp, data) VALUES (:s, :t, '{}')"), {"s": sender, "t": stamp}
            )
    return engine


def senders(engine) -> dict[str, int]:
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT sender_id, count(*) FROM events GROUP BY sender_id")).all()
    return dict(rows)


def test_purge_removes_old_conversations_whole_and_old_finished_requests(tmp_path, contacts: ContactRepository) -> None:
    engine = tracker_db(tmp_path)
    old_done = new_request(contacts, "alt")
    contacts.done(old_done, now=NOW - timedelta(days=31))
    recent_done = new_request(contacts, "neu")
    contacts.done(recent_done, now=NOW - timedelta(days=2))
    still_open = new_request(contacts, "lebendig")
    report = Privacy(engine, contacts).purge(request_days=30, conversation_days=90, now=NOW)
    assert (report.conversations, report.events, report.requests) == (1, 2, 1)
    assert senders(engine) == {"neu": 1, "lebendig": 2}  # a live conversation keeps all its events
    assert {r.id for r in contacts.list()} == {recent_done, still_open}


def test_erase_leaves_nothing_of_one_conversation(tmp_path, contacts: ContactRepository) -> None:
    engine = tracker_db(tmp_path)
    new_request(contacts, "neu")
    new_request(contacts, "alt")
    report = Privacy(engine, contacts).erase("neu")
    assert (report.events, report.requests) == (1, 1)
    assert "neu" not in senders(engine)
    assert [r.conversation_id for r in contacts.list()] == ["alt"]


def test_what_was_typed_in_the_contact_form_is_redacted() -> None:
    events = [
        {"event": "user", "text": "kita für meinen 4 jährigen", "parse_data": {"text": "kita für meinen 4 jährigen"}},
        {"event": "active_loop", "name": "contact_form"},
        {"event": "bot", "text": "Wie erreicht das Familienzentrum Sie?"},
        {"event": "user", "text": "05181 987654", "parse_data": {"text": "05181 987654", "entities": [{"x": 1}]}},
        {"event": "slot", "name": "contact_value", "value": "05181 987654"},
        {"event": "slot", "name": "contact_consent", "value": True},
        {"event": "active_loop", "name": None},
        {"event": "user", "text": "danke", "parse_data": {"text": "danke"}},
    ]
    assert redact(events) == [2, 3, 4]
    assert "05181" not in json.dumps(events)
    assert events[0]["text"] == "kita für meinen 4 jährigen" and events[7]["text"] == "danke"
    assert events[3]["parse_data"] == {"text": "[entfernt]", "entities": []}
    assert redact(events) == []  # nothing left to do the second time


def test_the_message_that_started_the_form_with_a_number_is_redacted_too() -> None:
    events = [
        {"event": "user", "text": "Tochter 3, Kita gesucht", "parse_data": {"text": "Tochter 3, Kita gesucht"}},
        {"event": "user", "text": "bitte rückruf 0151 23456789", "parse_data": {"text": "bitte rückruf 0151 23456789"}},
        {"event": "action", "name": "contact_form"},
        {"event": "active_loop", "name": "contact_form"},
        {"event": "slot", "name": "contact_value", "value": "0151 23456789"},
    ]
    assert redact(events) == [1, 4]
    assert "23456789" not in json.dumps(events) and events[0]["text"] == "Tochter 3, Kita gesucht"
