"""Latency and throughput of one model over REST with a realistic 20-message conversation (issue 9).

Long stories, second-language German, button taps, an FAQ, a second need — the way families write.
Measures the REST round trip p50/p95/p99 and each server's CPU time per message for one conversation at a
time (10 conversations), then
20 conversations at once (messages/s, p50/p95), and the Rasa server's resident memory afterwards.
Prints a table and writes bench/results/latency.json (one entry per --label).

    .venv/bin/python -m bench.latency_bench [--model models/lotse-….tar.gz] [--label after]
"""

from __future__ import annotations

import argparse
import json
import random
import uuid
from pathlib import Path

from bench.conversation_bench import at_once, cpu_ms, percentile, rss_mb, say
from bench.harness import running_bot
from bot.model import ensure_model

RESULTS = Path(__file__).with_name("results")
CONVERSATION = [
    "hallo",
    "Wir sind vor drei Monaten nach Alfeld gezogen. Mein Mann arbeitet Schicht und ich fange im August "
    "eine Umschulung an. Unsere Tochter ist 2 und wir haben noch keinen Platz in der Krippe.",
    "/more",
    "ich auch brauche deutschkurs, mein deutsch nicht so gut",
    "/deny",
    "was kostet das hier, ist das anonym?",
    "/other_topic",
    "unser großer is 9 und kommt in mathe nich mit, nachhilfe is so teuer",
    "/more",
    "Die Klassenfahrt kostet 280 Euro. Das können wir gerade nicht bezahlen, gibt es dafür Geld?",
    "wie beantrage ich bildung und teilhabe",
    "/other_topic",
    "Seit zwei Wochen essen wir nur noch Nudeln mit Soße, das Geld reicht hinten und vorne nicht.",
    "/restart_search",
    "mein sohn 15 sucht praktikum",
    "/other_topic",
    "Wir haben Mietschulden und jetzt kam auch noch die Stromrechnung mit 600 Euro Nachzahlung.",
    "/deny",
    "danke, das hilft mir sehr",
    "tschüss",
]
# every conversation words its typed messages a little differently, so no cache can hide the NLU's cost
FILLERS = ("also", "hm", "ok", "bitte", "na ja", "halt", "eben", "mal", "ja", "gut", "so", "naja", "nun", "echt",
           "eigentlich", "leider", "jetzt", "dann", "übrigens", "ehrlich")  # fmt: skip
SINGLE_CONVERSATIONS = 10
CONCURRENT_CONVERSATIONS = 20


def worded(text: str, rng: random.Random) -> str:
    """Button payloads as they are; typed text with two filler words, e.g. 'hm, … echt'."""
    return text if text.startswith("/") else f"{rng.choice(FILLERS)}, {text} {rng.choice(FILLERS)}"


def converse(url: str, latencies: list[float]) -> None:
    sender = uuid.uuid4().hex
    rng = random.Random(sender)
    for text in CONVERSATION:
        latencies.append(say(url, sender, worded(text, rng)))


def measure(model: Path) -> dict[str, float]:
    with running_bot(model, port=5135, action_port=5185) as (config, processes):
        url = f"{config.base_url}/webhooks/rest/webhook"
        converse(url, [])  # warm-up
        single: list[float] = []
        actions, rasa = processes
        before = cpu_ms(actions.pid), cpu_ms(rasa.pid)
        for _ in range(SINGLE_CONVERSATIONS):
            converse(url, single)
        cpu = (cpu_ms(actions.pid) - before[0]) / len(single), (cpu_ms(rasa.pid) - before[1]) / len(single)
        concurrent: list[float] = []
        elapsed = at_once(CONCURRENT_CONVERSATIONS, lambda: converse(url, concurrent))
        return {
            "single_p50_ms": round(percentile(single, 0.5), 1),
            "single_p95_ms": round(percentile(single, 0.95), 1),
            "single_p99_ms": round(percentile(single, 0.99), 1),
            # CPU per message of all threads: less CPU is more room for other conversations
            "rasa_cpu_ms_per_message": round(cpu[1], 1),
            "actions_cpu_ms_per_message": round(cpu[0], 1),
            "concurrent20_p50_ms": round(percentile(concurrent, 0.5), 1),
            "concurrent20_p95_ms": round(percentile(concurrent, 0.95), 1),
            "messages_per_s": round(len(concurrent) / elapsed, 1),
            "rss_mb": round(rss_mb(rasa.pid), 0),
        }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, help="model file (default: the current one, trained if needed)")
    parser.add_argument("--label", default="current", help="name of this measurement in latency.json")
    parser.add_argument("--out", type=Path, default=RESULTS / "latency.json")
    args = parser.parse_args(argv)
    model = args.model or ensure_model()
    row = {"model": model.name, **measure(model)}
    results = json.loads(args.out.read_text(encoding="utf-8")) if args.out.exists() else {}
    results[args.label] = row
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2), encoding="utf-8")
    for key, value in row.items():
        print(f"{key:22} {value}")


if __name__ == "__main__":
    main()
