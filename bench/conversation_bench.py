"""Benchmark: our configuration against Rasa's stock `rasa init` configuration, trained on the same data.

Measures training time, cold start (process start until the REST channel answers), resident memory,
REST round-trip p50/p95/p99 for one conversation and for 20 concurrent ones, and messages/s at
saturation. Prints a table and writes bench/results/conversation.json.

    .venv/bin/python -m bench.conversation_bench [--retrain lotse] [--retrain stock]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.model import PROJECT_ROOT, rasa_environment
from bot.run import start_servers, stop, wait_for_servers
from lotse.settings import Database, local
from offers_db.db import make_engine
from offers_db.loader import load_offers
from offers_db.repository import OfferRepository

RESULTS = Path(__file__).with_name("results")
STOCK_CONFIG = (
    Path(sys.prefix) / "lib" / "python3.10" / "site-packages" / "rasa" / "engine" / "recipes" / "config_files"
) / "default_config.yml"
CONVERSATION = [
    "hallo",
    "Mein Sohn ist 4 und wir suchen einen Kitaplatz",
    "mehr",
    "und für meine Tochter, 12?",
    "was gibt es noch für sie?",
    "nachhilfe",
    "danke",
]
SINGLE_CONVERSATIONS = 15
CONCURRENT_USERS = 20
CONCURRENT_CONVERSATIONS_PER_USER = 3


@dataclass
class Variant:
    name: str
    config: Path


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def stock_config(folder: Path) -> Path:
    """Rasa's default pipeline and policies, only the language set to German."""
    config = yaml.safe_load(STOCK_CONFIG.read_text(encoding="utf-8"))
    config["language"] = "de"
    config["assistant_id"] = "stock"
    path = folder / "stock-config.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def train(variant: Variant, models: Path, retrain: bool) -> tuple[Path, float | None]:
    """Train the variant (timed) unless a model from an earlier run exists."""
    target = models / f"{variant.name}.tar.gz"
    if target.exists() and not retrain:
        return target, None
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "rasa", "train", "--config", str(variant.config), "--domain", "domain.yml",
         "--data", "data", "--out", str(models), "--fixed-model-name", variant.name],
        cwd=PROJECT_ROOT, env={**rasa_environment(), "RASA_MAX_CACHE_SIZE": "0"}, check=True, capture_output=True,
    )  # fmt: skip  # no training cache: the time is a cold training
    return target, time.perf_counter() - start


def rss_mb(pid: int) -> float:
    """Resident memory of one process in MiB, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def cpu_ms(pid: int) -> float:
    """CPU time (user + system, all threads) one process has used so far, in ms, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def say(url: str, sender: str, text: str) -> float:
    """One REST round trip; returns milliseconds."""
    request = urllib.request.Request(
        url, data=json.dumps({"sender": sender, "message": text}).encode(), headers={"Content-Type": "application/json"}
    )
    start = time.perf_counter()
    with urllib.request.urlopen(request, timeout=60) as response:
        response.read()
    return (time.perf_counter() - start) * 1000


def at_once(users: int, work: Callable[[], None]) -> float:
    """Runs `work` in `users` threads at the same time; seconds until the last one is done."""
    threads = [threading.Thread(target=work) for _ in range(users)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - start


def conversations(url: str, count: int, latencies: list[float]) -> None:
    for _ in range(count):
        sender = uuid.uuid4().hex
        for text in CONVERSATION:
            latencies.append(say(url, sender, text))


def measure(variant: Variant, model: Path, work: Path) -> dict[str, float]:
    config = local(
        work, port=5105, action_port=5155, tracker_db=Database("sqlite", str(work / f"{variant.name}-tracker.sqlite3"))
    )
    start = time.perf_counter()
    processes = start_servers(model, config)
    try:
        wait_for_servers(config, processes)
        cold_start_s = time.perf_counter() - start
        url = f"{config.base_url}/webhooks/rest/webhook"
        conversations(url, 2, [])  # warm-up
        single: list[float] = []
        conversations(url, SINGLE_CONVERSATIONS, single)
        concurrent: list[float] = []
        elapsed = at_once(CONCURRENT_USERS, lambda: conversations(url, CONCURRENT_CONVERSATIONS_PER_USER, concurrent))
        return {
            "cold_start_s": round(cold_start_s, 1),
            "rss_mb": round(rss_mb(processes[1].pid), 0),
            "single_p50_ms": round(percentile(single, 0.5), 1),
            "single_p95_ms": round(percentile(single, 0.95), 1),
            "single_p99_ms": round(percentile(single, 0.99), 1),
            "single_mean_ms": round(statistics.mean(single), 1),
            "concurrent20_p50_ms": round(percentile(concurrent, 0.5), 1),
            "concurrent20_p95_ms": round(percentile(concurrent, 0.95), 1),
            "concurrent20_p99_ms": round(percentile(concurrent, 0.99), 1),
            "messages_per_s": round(len(concurrent) / elapsed, 1),
        }
    finally:
        stop(processes)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--retrain",
        action="append",
        choices=("lotse", "stock"),
        default=[],
        help="train this variant again (timed, no cache); repeatable",
    )
    args = parser.parse_args()
    models = RESULTS / "models"
    models.mkdir(parents=True, exist_ok=True)
    earlier = (
        json.loads((RESULTS / "conversation.json").read_text()) if (RESULTS / "conversation.json").exists() else {}
    )
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        OfferRepository(make_engine(f"sqlite:///{work / 'lotse.sqlite3'}")).sync(load_offers().offers)
        variants = [Variant("lotse", PROJECT_ROOT / "config.yml"), Variant("stock", stock_config(work))]
        results: dict[str, dict[str, float]] = {}
        for variant in variants:
            model, train_s = train(variant, models, variant.name in args.retrain)
            row = measure(variant, model, work)
            previous_train = earlier.get(variant.name, {}).get("train_s")
            row["train_s"] = round(train_s, 0) if train_s is not None else previous_train
            results[variant.name] = row
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "conversation.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    keys = list(results["lotse"])
    print(f"{'metric':22} {'lotse':>10} {'stock':>10}")
    for key in keys:
        print(f"{key:22} {results['lotse'][key]!s:>10} {results['stock'][key]!s:>10}")
    ratio = results["lotse"]["messages_per_s"] / results["stock"]["messages_per_s"]
    print(f"throughput lotse/stock: {ratio:.2f}x")


if __name__ == "__main__":
    main()
