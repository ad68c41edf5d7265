"""Does a message get slower the longer the conversation is? (issue 10: p50 at message 200 ≤ 1.5 × message 10)

Three conversations of 200 messages each (the realistic 20-message conversation of latency_bench, repeated
with varied wording) against the embedded default over REST. Reports p50/p95 per window of messages
(1–20, 91–110, 181–200), the ratio of message ~200 to message ~10, and writes bench/results/growth.json
(one entry per --label).

    .venv/bin/python -m bench.growth_bench [--label after] [--messages 200]
"""

from __future__ import annotations

import argparse
import json
import random
import uuid
from pathlib import Path

from bench.conversation_bench import percentile, say
from bench.harness import running_bot
from bench.latency_bench import CONVERSATION, worded
from bot.model import ensure_model

RESULTS = Path(__file__).with_name("results")
CONVERSATIONS = 3
WINDOW = 20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--label", default="now")
    parser.add_argument("--messages", type=int, default=200)
    args = parser.parse_args()
    rng = random.Random(10)
    by_index: list[list[float]] = [[] for _ in range(args.messages)]
    with running_bot(ensure_model(), 5305, 5355) as (config, _processes):
        url = f"{config.base_url}/webhooks/rest/webhook"
        say(url, "warm-up", "hallo")
        for _ in range(CONVERSATIONS):
            sender = uuid.uuid4().hex
            for index in range(args.messages):
                by_index[index].append(say(url, sender, worded(CONVERSATION[index % len(CONVERSATION)], rng)))
    windows = {
        "first": (0, WINDOW),
        "middle": (args.messages // 2 - WINDOW // 2, args.messages // 2 + WINDOW // 2),
        "last": (args.messages - WINDOW, args.messages),
    }
    row: dict[str, float] = {"messages": args.messages}
    print(f"{'Nachrichten':>14} {'p50 ms':>8} {'p95 ms':>8}")
    for name, (start, end) in windows.items():
        values = [v for index in range(start, end) for v in by_index[index]]
        row[f"{name}_p50_ms"], row[f"{name}_p95_ms"] = (
            round(percentile(values, 0.5), 1),
            round(percentile(values, 0.95), 1),
        )
        print(f"{start + 1:>6}–{end:<7} {row[f'{name}_p50_ms']:>8} {row[f'{name}_p95_ms']:>8}")
    row["ratio_last_to_first_p50"] = round(row["last_p50_ms"] / row["first_p50_ms"], 2)
    print(f"p50 letzte/erste {WINDOW}: {row['ratio_last_to_first_p50']}×")
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / "growth.json"
    results = json.loads(path.read_text()) if path.exists() else {}
    results[args.label] = row
    path.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
