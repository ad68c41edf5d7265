"""Every language over REST: choose it and get every answer in it; typed first messages; emergencies.

The held-out messages per language (tests/heldout_languages.yml, never trained on) are asserted against the
issue's aims; bench/languages_bench.py prints the same table (README "Sprachen").
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest

from bench.languages_bench import evaluate_languages, print_table
from bot.model import PROJECT_ROOT
from lotse.languages import language_packs
from tests.e2e.conftest import RunningBot

pytestmark = pytest.mark.slow


def texts(replies: list[dict]) -> str:
    return "\n".join(r["text"] for r in replies if r.get("text"))


def payloads(replies: list[dict]) -> list[str]:
    return [b["payload"] for r in replies for b in r.get("buttons") or []]


def offers(replies: list[dict]) -> list[dict]:
    return [o for r in replies if isinstance(r.get("custom"), dict) for o in r["custom"].get("offers", [])]


# issue 11: routing within two turns >= 85 % and every emergency, per language (measured: README "Sprachen")
ROUTING_FLOOR = 0.85
EMERGENCY_RECALL = 1.0


def test_held_out_messages_per_language(running_bot: RunningBot) -> None:
    results = evaluate_languages(running_bot.say, Path(running_bot.config.tracker_db.database))
    out = PROJECT_ROOT / "results" / "languages.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    print()
    print_table(results)
    assert set(results) == {"en", "uk", "tr", "ar"}
    for code, row in results.items():
        assert row["messages"] >= 40, code
        assert row["routing_within_two_turns"] >= ROUTING_FLOOR, (code, row["not_routed"])
        assert row["emergency_recall"] >= EMERGENCY_RECALL, (code, row["missed_emergencies"])


@pytest.mark.parametrize(
    ("text", "code", "need"),
    [
        (
            "Hello, we just moved to Alfeld. My son is 4 and we need a kindergarten place, where do I apply?",
            "en",
            "kinderbetreuung",
        ),
        (
            "Доброго дня. Моїй доньці 9 років, вона погано читає німецькою. Чи є тут безкоштовні заняття?",
            "uk",
            "lernfoerderung",
        ),
        (
            "Merhaba, kızım 7 yaşında, okul gezisi için 80 euro istiyorlar ama param yok. Yardım var mı?",
            "tr",
            "bildung_teilhabe",
        ),
        ("مرحبا، ابني عمره 5 سنوات وما عنده مكان بالروضة. كيف بقدر اسجله؟", "ar", "kinderbetreuung"),
    ],
)
def test_a_typed_first_message_leads_to_offers_and_the_language_follows_one_tap(
    running_bot: RunningBot, text: str, code: str, need: str
) -> None:
    """A parent writes in their language: offers for the right need (at once, or after "Geht es um …?" and one
    tap, as the issue's two turns allow), a one-tap switch; after it, that need's offers in that language."""
    user = uuid.uuid4().hex
    first = running_bot.say(user, text)
    switch = '/choose_language{"language": "' + code + '"}'
    assert switch in payloads(first)
    reply = first
    if not offers(first):
        assert f"/need_{need}" in payloads(first), texts(first)
        reply = running_bot.say(user, f"/need_{need}")
    found = offers(reply)
    assert found and all(need in o["categories"] for o in found), texts(reply)
    again = running_bot.say(user, switch)
    pack = language_packs()[code]
    assert again[0]["custom"]["type"] == "language" and again[0]["custom"]["dir"] == pack.direction
    # the same need again; offers that name the family's language now come first
    assert offers(again) and all(need in o["categories"] for o in offers(again))
    assert pack.categories[need] in texts(again)


def test_the_greeting_offers_every_language(running_bot: RunningBot) -> None:
    user = uuid.uuid4().hex
    assert "/choose_language" in payloads(running_bot.say(user, "Hallo"))
    listed = payloads(running_bot.say(user, "/choose_language"))
    assert listed == ['/choose_language{"language": "de"}'] + [
        '/choose_language{"language": "' + code + '"}' for code in language_packs()
    ]


@pytest.mark.parametrize("code", ["ar", "einfach", "en", "tr", "uk"])
def test_a_family_chooses_its_language_and_gets_offers_in_it(running_bot: RunningBot, code: str) -> None:
    """Choose the language, tap a need and an age: every text, button and need name comes in that language."""
    pack = language_packs()[code]
    user = uuid.uuid4().hex
    chosen = running_bot.say(user, '/choose_language{"language": "' + code + '"}')
    assert texts(chosen) == pack.responses["utter_ask_need"][0]["text"]
    assert [b["title"] for r in chosen for b in r.get("buttons") or []] == pack.responses["utter_ask_need"][0][
        "buttons"
    ]
    asked = running_bot.say(user, "/need_kinderbetreuung")
    assert texts(asked) == pack.responses["utter_ask_child_age"][0]["text"]
    reply = running_bot.say(user, "/age_group_3_6")
    found = offers(reply)
    assert found and all("kinderbetreuung" in o["categories"] for o in found)
    label = pack.categories["kinderbetreuung"]
    intro = pack.responses["utter_offers_last_page"][0]["text"].split("{")[0].strip()
    assert label in texts(reply) and intro in texts(reply)
    # the card's hint in that language: "please check" or "according to <source>, as of <date>"
    unreviewed = pack.responses["utter_offer_unreviewed_hint"][0]["text"]
    source_hint = pack.responses["utter_offer_source_hint"][0]["text"].split("{")[0]
    hints = {o["hint"] for o in found if o["hint"]}
    assert hints and all(h == unreviewed or h.startswith(source_hint) for h in hints), hints
    assert "/other_topic" in payloads(reply)  # payloads stay the same in every language


def test_an_emergency_in_another_language_gets_the_numbers_in_that_language(running_bot: RunningBot) -> None:
    reply = running_bot.say(uuid.uuid4().hex, "my husband is drunk and says he will kill me and the kids tonight")
    english = [v["text"] for v in language_packs()["en"].responses["utter_emergency"]]
    assert reply and reply[0]["text"] in english, reply
    assert "110" in reply[0]["text"]


def test_a_message_in_another_language_gets_a_one_tap_suggestion(running_bot: RunningBot) -> None:
    user = uuid.uuid4().hex
    reply = running_bot.say(user, "Hello, my daughter is 8 and she needs help with maths at school")
    assert '/choose_language{"language": "en"}' in payloads(reply)
    assert language_packs()["en"].labels["switch_invitation"] in texts(reply)
    switched = running_bot.say(user, '/choose_language{"language": "en"}')
    # after offers, the switch shows that need's offers again, now in English
    assert language_packs()["en"].categories["lernfoerderung"] in texts(switched)
    assert offers(switched)


def test_german_families_see_no_suggestion(running_bot: RunningBot) -> None:
    reply = running_bot.say(uuid.uuid4().hex, "Meine Tochter ist 8 und braucht Nachhilfe in Mathe")
    assert not [p for p in payloads(reply) if p.startswith("/choose_language")]


def test_choosing_the_language_during_the_age_question_asks_it_again_in_that_language(
    running_bot: RunningBot,
) -> None:
    user = uuid.uuid4().hex
    first = running_bot.say(user, "Hello, we are looking for a kindergarten place for our son, what can we do?")
    assert '/choose_language{"language": "en"}' in payloads(first)
    assert language_packs()["en"].labels["switch_invitation"] in texts(first)
    asked = running_bot.say(user, '/choose_language{"language": "en"}')
    assert texts(asked) == language_packs()["en"].responses["utter_ask_child_age"][0]["text"]
    reply = running_bot.say(user, "/age_group_3_6")
    assert offers(reply) and all("kinderbetreuung" in o["categories"] for o in offers(reply))


# Ukrainian stories a model is likely to be unsure about (two needs at once, or no need named): which of them
# gets "Geht es um …?" changes with each training, so the test takes the first that does
UNSURE_STORIES = (
    "Добрий день, ми з Харкова, живемо в Альфельді пів року. Синові 6 років, він у першому класі "
    "і дуже погано говорить німецькою. Де можна знайти допомогу з мовою?",
    "Син зовсім не хоче вчитися, оцінки погані, і ми вдома постійно сваримося через це. Я вже не знаю, що робити.",
    "Добрий день, у нас зараз складно і з грошима, і з дітьми, і з житлом. Не знаю, з чого почати.",
    "Привіт, ми нові в Альфельді. Підкажіть, будь ласка, що тут є для дітей і для батьків?",
)


def test_choosing_the_language_after_geht_es_um_asks_it_again_in_that_language(running_bot: RunningBot) -> None:
    for story in UNSURE_STORIES:
        user = uuid.uuid4().hex
        asked = [p for p in payloads(running_bot.say(user, story)) if p.startswith("/need_")]
        if asked:
            break
    assert asked, "none of the stories got 'Geht es um …?'"
    again = running_bot.say(user, '/choose_language{"language": "uk"}')
    assert [p for p in payloads(again) if p.startswith("/need_")] == asked
    assert language_packs()["uk"].responses["utter_clarify_need"][0]["text"] in texts(again)
