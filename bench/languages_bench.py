"""Quality per language on held-out family messages (issue 11): routing within two turns, emergencies.

Every message of `tests/heldout_languages.yml` (never trained on) opens a fresh conversation over REST,
exactly as `bench/family_bench.py` does for German (a need button may be tapped in turn 2). The family has
not chosen a language: this is the first message a Ukrainian, Arabic, Turkish or English-speaking parent
types. Prints a table and writes bench/results/languages.json.

    .venv/bin/python -m bench.languages_bench
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import yaml

from bench.family_bench import Say, run_message, summarise
from bench.harness import post, running_bot
from bot.model import PROJECT_ROOT, ensure_model

HELD_OUT = PROJECT_ROOT / "tests" / "heldout_languages.yml"
RESULTS = Path(__file__).with_name("results")


def held_out(path: Path = HELD_OUT) -> dict[str, list[dict[str, Any]]]:
    """Per language the messages in family_bench's form (text, kind, needs, emergency)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {
        code: [
            {
                "text": item["text"],
                "kind": "emergency" if item.get("emergency") else "need",
                "needs": [] if item.get("emergency") else [item["need"]],
                "emergency": bool(item.get("emergency")),
            }
            for item in items
        ]
        for code, items in data.items()
    }


def evaluate_languages(say: Say, tracker_db: Path) -> dict[str, dict[str, Any]]:
    results = {}
    for code, messages in held_out().items():
        summary = summarise([run_message(say, tracker_db, m) for m in messages])
        results[code] = {
            "messages": summary["messages"],
            "routing_within_two_turns": summary["routing_within_two_turns"],
            "routing_in_turn_1": summary["routing_in_turn_1"],
            "emergency_recall": summary["emergency_recall"],
            "false_alarms": summary["false_alarms_on_stories"],
            "missed_emergencies": summary["missed_emergencies"],
            "not_routed": summary["not_routed"],
        }
    return results


def print_table(results: dict[str, dict[str, Any]]) -> None:
    print(f"{'Sprache':8} {'Nachr.':>6} {'Thema in 2 Zügen':>17} {'in Zug 1':>9} {'Notfälle':>9} {'Fehlalarm':>10}")
    for code, row in results.items():
        print(
            f"{code:8} {row['messages']:>6} {row['routing_within_two_turns']:>17.1%} {row['routing_in_turn_1']:>9.1%} "
            f"{row['emergency_recall']:>9.1%} {row['false_alarms']:>10.1%}"
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, help="model file (default: the current one, trained if needed)")
    args = parser.parse_args(argv)
    with running_bot(args.model or ensure_model(), 5505, 5555) as (config, _processes):
        url = f"{config.base_url}/webhooks/rest/webhook"
        results = evaluate_languages(lambda s, t: post(url, s, t), Path(config.tracker_db.database))
    print_table(results)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "languages.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
