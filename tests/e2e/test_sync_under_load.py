"""Offers are synced while families write: no request fails, no list of offers comes back empty.

8 threads send whole parents' sentences that lead straight to offers (a need and the child's age)
for DURATION_S, while the main thread syncs the offers database again and again, alternating between
the sample offers and a copy with one title changed, one offer removed and one added. Every reply
must be HTTP 200, not empty, carry offers of the asked need, and show each offer either as it was
before a sync or as it is after it — never a half-synced mix.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

import pytest

from offers_db.loader import load_offers
from offers_db.schema import Offer
from tests.e2e.conftest import RunningBot

pytestmark = pytest.mark.slow

THREADS = 8
DURATION_S = 20.0

# (what a parent writes, the need whose offers must come back)
MESSAGES = [
    ("Wir suchen einen Kitaplatz für unsere Tochter, sie ist 3", "kinderbetreuung"),
    ("Mein Sohn ist 4 und wir brauchen dringend einen Platz im Kindergarten", "kinderbetreuung"),
    ("Unser Sohn braucht Nachhilfe in Mathe, er ist 10", "lernfoerderung"),
    ("Meine Tochter ist 9 und möchte gern in einen Sportverein", "freizeit_kultur"),
    ("Unser Sohn hat ständig Wutanfälle und wir wissen nicht mehr weiter, er ist 5", "erziehungsberatung"),
    ("Der Vater zahlt keinen Unterhalt für meine Tochter, sie ist 6. Gibt es da einen Vorschuss?", "finanzielle_hilfe"),
]

CHANGED, REMOVED = "stadt-alfeld-kindergartenplatz", "ev-kita-st-nicolai-alfeld"


def modified(sample: list[Offer]) -> list[Offer]:
    """The sample with one title changed, one offer removed and one added."""
    by_id = {o.id: o for o in sample}
    changed = replace(by_id[CHANGED], title=by_id[CHANGED].title + " – jetzt mit Online-Anmeldung")
    added = replace(by_id[CHANGED], id="test-kita-sonnenschein", title="Kita Sonnenschein (neu)", min_age=1.0)
    return [changed if o.id == CHANGED else o for o in sample if o.id != REMOVED] + [added]


def offers_in(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [o for m in messages if m.get("custom", {}).get("type") == "offers" for o in m["custom"]["offers"]]


@dataclass
class Outcome:
    message: str
    need: str
    seconds: float
    reply: list[dict[str, Any]] | None = None
    error: str | None = None


def family(bot: RunningBot, number: int, stop: threading.Event, outcomes: list[Outcome]) -> None:
    turn = number
    while not stop.is_set():
        message, need = MESSAGES[turn % len(MESSAGES)]
        turn += 1
        started = time.monotonic()
        try:
            reply = bot.say(uuid.uuid4().hex, message)
            outcomes.append(Outcome(message, need, time.monotonic() - started, reply=reply))
        except Exception as error:  # every failure is collected and reported
            outcomes.append(Outcome(message, need, time.monotonic() - started, error=repr(error)))


def test_sync_during_load_fails_no_request(running_bot: RunningBot) -> None:
    sample = list(load_offers().offers)
    generations = [sample, modified(sample)]
    known = {(o.id, o.title) for generation in generations for o in generation}
    outcomes: list[Outcome] = []
    stop = threading.Event()
    threads = [
        threading.Thread(target=family, args=(running_bot, n, stop, outcomes), daemon=True) for n in range(THREADS)
    ]
    syncs = 0
    try:
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + DURATION_S
        while time.monotonic() < deadline:
            report = running_bot.repository.sync(generations[(syncs + 1) % 2])
            assert not report.unchanged
            syncs += 1
            time.sleep(0.05)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=60)
        running_bot.repository.sync(sample)  # the other e2e tests expect the sample offers

    failed = [o for o in outcomes if o.error is not None or not o.reply]
    without_offers = [o for o in outcomes if o.reply and not offers_in(o.reply)]
    wrong_need = [o for o in outcomes if o.reply and any(o.need not in x["categories"] for x in offers_in(o.reply))]
    unknown = {
        (x["id"], x["title"]) for o in outcomes if o.reply for x in offers_in(o.reply)
    } - known  # fmt: skip
    slowest = max((o.seconds for o in outcomes), default=0.0)
    seen = Counter(x["id"] for o in outcomes if o.reply for x in offers_in(o.reply))
    print(
        f"\n{len(outcomes)} requests from {THREADS} threads in {DURATION_S:.0f} s during {syncs} syncs; "
        f"slowest reply {slowest:.2f} s; changed offer shown {seen[CHANGED]}×, added {seen['test-kita-sonnenschein']}×"
    )
    assert syncs >= 20
    assert len(outcomes) >= 40
    assert not failed, [(o.message, o.error) for o in failed[:5]]
    assert not without_offers, [(o.message, o.reply) for o in without_offers[:3]]
    assert not wrong_need, [(o.message, offers_in(o.reply or [])) for o in wrong_need[:3]]
    assert not unknown
