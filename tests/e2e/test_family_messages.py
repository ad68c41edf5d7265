"""Real-looking family messages over REST (issue 9): routing, indirect emergencies, out of scope.

The held-out set tests/heldout_families.yml is never trained on (tests/integration/test_consistency.py).
The figures are printed and kept in results/families.json; bench/family_bench.py gives the same table.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.family_bench import evaluate, print_summary
from bot.model import PROJECT_ROOT
from tests.e2e.conftest import RunningBot

pytestmark = pytest.mark.slow

# Floors a little under what was measured (README, Quality: 94 % routing, 96 % recall, 6 % false alarms),
# so a real regression fails the build. The aim for emergencies is 100 %; two held-out messages still slip.
ROUTING_FLOOR = 0.90
EMERGENCY_RECALL_FLOOR = 0.93
FALSE_ALARM_CEILING = 0.08
# one of 26: since issue 11 "Wie lange müssen Fischstäbchen in den Backofen? Die Kinder haben Hunger." gets
# food offers (0 of 26 before: one more intent in the domain gives DIET another random start; README, Sprachen)
OUT_OF_SCOPE_OFFERS_CEILING = 0.04


def test_family_messages_are_understood(running_bot: RunningBot) -> None:
    summary = evaluate(running_bot.say, Path(running_bot.config.tracker_db.database))
    out = PROJECT_ROOT / "results" / "families.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")
    print()
    print_summary(summary)
    assert summary["messages"] >= 200
    assert summary["routing_within_two_turns"] >= ROUTING_FLOOR
    assert summary["emergency_recall"] >= EMERGENCY_RECALL_FLOOR
    assert summary["false_alarms_on_stories"] <= FALSE_ALARM_CEILING
    assert summary["out_of_scope_with_offers"] <= OUT_OF_SCOPE_OFFERS_CEILING
