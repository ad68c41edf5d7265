"""Every language over REST: choose it and get every answer in it; emergencies in the family's language.

How well typed messages in each language are understood is measured by bench/languages_bench.py
(README "Sprachen"), not asserted here: that model is not good enough yet.
"""

from __future__ import annotations

import uuid

import pytest

from lotse.languages import language_packs
from tests.e2e.conftest import RunningBot

pytestmark = pytest.mark.slow


def texts(replies: list[dict]) -> str:
    return "\n".join(r["text"] for r in replies if r.get("text"))


def payloads(replies: list[dict]) -> list[str]:
    return [b["payload"] for r in replies for b in r.get("buttons") or []]


def offers(replies: list[dict]) -> list[dict]:
    return [o for r in replies if isinstance(r.get("custom"), dict) for o in r["custom"].get("offers", [])]


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
    hints = {o["hint"] for o in found if o["hint"]}
    assert hints <= {pack.responses["utter_offer_unreviewed_hint"][0]["text"]}
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
    assert texts(switched) == language_packs()["en"].responses["utter_ask_need"][0]["text"]


def test_german_families_see_no_suggestion(running_bot: RunningBot) -> None:
    reply = running_bot.say(uuid.uuid4().hex, "Meine Tochter ist 8 und braucht Nachhilfe in Mathe")
    assert not [p for p in payloads(reply) if p.startswith("/choose_language")]
