"""Languages: the build into conditional responses, the files' check, detection, the one-tap suggestion."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from rasa.core.nlg.generator import ResponseVariationFilter
from rasa_sdk.executor import CollectingDispatcher

from actions.common import response_text, response_variant
from actions.languages import suggest_language
from bot.languages import build_domain, check
from lotse.languages import DETECTED_LANGUAGE, LABEL_KEYS, LanguagePack, detect_language, language_packs
from lotse.settings import PROJECT_ROOT
from offers_db.categories import category_ids
from tests.tracker import tracker

GERMAN_DOMAIN = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))


def fake_pack(code: str = "xx", **responses: Any) -> LanguagePack:
    return LanguagePack(
        code=code,
        name=f"Sprache {code}",
        direction="ltr",
        reviewed=False,
        path=Path(f"{code}.yml"),
        responses=responses,
        categories={c: f"{c}-{code}" for c in category_ids()},
        labels={k: f"{k}-{code}" for k in LABEL_KEYS},
    )


def small_domain() -> dict[str, Any]:
    return {
        "slots": {"language": {"type": "categorical", "values": ["de"]}},
        "responses": {
            "utter_emergency": [
                {"condition": [{"type": "slot", "name": "emergency_type", "value": "suicide"}], "text": "Seelsorge"},
                {"text": "Alle Nummern"},
            ],
            "utter_ask": [
                {"text": "Wobei {need_label}?", "buttons": [{"title": "Kita", "payload": "/need_kinderbetreuung"}]}
            ],
            "utter_staff_help": [{"text": "nur Deutsch"}],
            "utter_choose_language": [{"text": "Sprache"}],
        },
    }


def test_build_adds_a_variant_per_language_with_exactly_one_match_for_every_slot_state() -> None:
    pack = fake_pack(
        utter_emergency=[{"text": "Hotline"}, {"text": "All numbers"}],
        utter_ask=[{"text": "What {need_label}?", "buttons": ["Childcare"]}],
    )
    built = build_domain(small_domain(), {"xx": pack})
    assert built["slots"]["language"]["values"] == ["de", "xx"]
    chooser = ResponseVariationFilter(built["responses"])
    for lang, kind, expected in [
        ("de", "suicide", "Seelsorge"),
        ("de", None, "Alle Nummern"),
        ("xx", "suicide", "Hotline"),
        ("xx", None, "All numbers"),
    ]:
        matches = chooser.responses_for_utter_action(
            "utter_emergency", "rest", {"language": lang, "emergency_type": kind}
        )
        assert [m["text"] for m in matches] == [expected], (lang, kind)
    [english] = chooser.responses_for_utter_action("utter_ask", "rest", {"language": "xx"})
    assert english["buttons"] == [{"title": "Childcare", "payload": "/need_kinderbetreuung"}]
    assert built["responses"]["utter_staff_help"] == [{"text": "nur Deutsch"}]
    assert built["responses"]["utter_choose_language"][0]["buttons"] == [
        {"title": "Deutsch", "payload": '/choose_language{"language": "de"}'},
        {"title": "Sprache xx", "payload": '/choose_language{"language": "xx"}'},
    ]


def test_check_names_file_key_and_what_is_wrong() -> None:
    pack = fake_pack(
        utter_emergency=[{"text": "Hotline"}],
        utter_ask=[{"text": "What?", "buttons": []}],
        utter_extra=[{"text": "?"}],
    )
    assert check(small_domain(), {"xx": pack}) == [
        "xx.yml: responses.utter_extra: gibt es auf Deutsch nicht",
        "xx.yml: responses.utter_emergency: 1 Varianten, auf Deutsch 2",
        "xx.yml: responses.utter_ask[0].text: Platzhalter [], auf Deutsch ['need_label']",
        "xx.yml: responses.utter_ask[0].buttons: 0 Titel, auf Deutsch 1",
    ]


def test_the_project_language_files_are_complete() -> None:
    packs = language_packs()
    assert {"en", "einfach", "uk", "ar", "tr"} <= set(packs)
    assert check(GERMAN_DOMAIN, packs) == []
    assert packs["ar"].direction == "rtl" and all(p.direction == "ltr" for c, p in packs.items() if c != "ar")


def test_actions_take_the_text_of_the_familys_language_and_fall_back_to_german() -> None:
    built = build_domain(GERMAN_DOMAIN, language_packs())
    german = response_text(built, "utter_offer_unreviewed_hint")
    assert german == response_text(GERMAN_DOMAIN, "utter_offer_unreviewed_hint")
    english = response_text(built, "utter_offer_unreviewed_hint", "en")
    assert english and english != german
    assert response_text(GERMAN_DOMAIN, "utter_offer_unreviewed_hint", "en") == german  # no file: German
    titles = [b["title"] for b in response_variant(built, "utter_all_needs", "uk")["buttons"]]
    assert titles and titles != [b["title"] for b in response_variant(built, "utter_all_needs")["buttons"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My son is 4 and we are looking for a kindergarten place", "en"),
        ("Моєму синові 4 роки, ми шукаємо дитячий садок", "uk"),
        ("Oğlum 4 yaşında ve kreş arıyoruz", "tr"),
        ("ابني عمره 4 سنوات ونبحث عن روضة", "ar"),
        ("Mein Sohn ist 4 und wir suchen einen Kitaplatz", "de"),
        ("ich auch brauche deutschkurs, mein deutsch nicht so gut", "de"),
        ("kita 4", None),  # fewer than three words in Latin script: no guess
        ("дитячий садок", "uk"),  # another script tells from one word on
        # short lower-case German that langid alone takes for English
        ("welche themen gibt es", "de"),
        ("jemand fasst mein kind an", "de"),
        ("was anderes bitte", "de"),
        # Turkish without any of spaCy's Turkish stop words, told by its letters
        ("eşim elinde bıçakla kapıda", "tr"),
        # German with a Turkish greeting stays German
        ("Merhaba, oğlum ist in der 5. Klasse und hat Probleme in Mathe", "de"),
        ("eltern kind gruppe", None),  # no small words of any language: undecided
        ("/need_kinderbetreuung", None),
    ],
)
def test_language_of_a_message(text: str, expected: str | None) -> None:
    assert detect_language(text) == expected


def run_suggestion(text: str, **slots: Any) -> tuple[CollectingDispatcher, list]:
    dispatcher = CollectingDispatcher()
    current = tracker(text=text, parse={DETECTED_LANGUAGE: detect_language(text)}, **slots)  # as the NLU sets it
    return dispatcher, suggest_language(dispatcher, current)


def test_a_message_in_another_language_gets_a_one_tap_suggestion_once() -> None:
    dispatcher, events = run_suggestion("My daughter is 7 and needs help with reading")
    [message] = dispatcher.messages
    assert message["response"] == "utter_suggest_language"
    assert message["invitation"] == language_packs()["en"].labels["switch_invitation"]
    assert [b["payload"] for b in message["buttons"]] == [
        '/choose_language{"language": "en"}',
        '/choose_language{"language": "de"}',
    ]
    assert [e["name"] for e in events] == ["suggested_language"]
    again, _ = run_suggestion("My daughter is 7 and needs help with reading", suggested_language="en")
    assert again.messages == []
    chosen, _ = run_suggestion("My daughter is 7 and needs help with reading", language="en")
    assert chosen.messages == []
    german, _ = run_suggestion("Meine Tochter ist 7 und braucht Hilfe beim Lesen")
    assert german.messages == []


def test_offers_that_speak_the_familys_language_say_so_in_it() -> None:
    from actions.common import offers_message
    from tests.factories import make_offer

    built = build_domain(GERMAN_DOMAIN, language_packs())
    speaks = make_offer("spricht-ukrainisch", languages=("de", "uk"))
    german_only = make_offer("nur-deutsch")
    cards = offers_message([speaks, german_only], built, "uk")["offers"]
    note = response_text(built, "utter_offer_language_note", "uk").format(language="Українська")
    assert [c.get("language_note") for c in cards] == [note, None]
    assert "Українська" in note
    assert all("language_note" not in c for c in offers_message([speaks], built)["offers"])  # German: no note
