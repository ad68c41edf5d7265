"""The production topology under load (issue 10): nginx, 2 Rasa servers, 2 action servers, PostgreSQL, Redis.

(a) throughput at 20 concurrent conversations through nginx: 2 Rasa servers, then 1 (the other stopped), as a ratio;
(b) 50 concurrent conversations for --minutes: errors, p50/p95/p99, and lost or doubled events — per
    conversation the user messages sent against the `user` events in the PostgreSQL tracker store;
(c) the same with one Rasa server killed (SIGKILL) half-way; the client repeats a request once after a
    connection error or 502/503/504: which requests failed, how long the repeats took, and whether a
    conversation lost its context.

Context check after (b) and (c): every conversation gets "/other_topic", "/need_freizeit_kultur"; when the
family had told an age by then, the offers must fit that age and the bot must not ask for it again.
The realistic conversation is bench/latency_bench.py's (long stories, second-language German, buttons),
worded a little differently each time. The cluster runs on spare ports in a throw-away folder and database,
without nginx's per-address limit (every simulated family comes from 127.0.0.1). Prints a table and writes
bench/results/cluster.json.

    .venv/bin/python -m bench.cluster_bench [--minutes 5]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import socket
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from bench.conversation_bench import at_once, percentile
from bench.latency_bench import CONVERSATION, worded
from bot.cluster import (
    Cluster,
    answers,
    drop_database,
    our_processes,
    program_pid,
    program_states,
    start,
    stop,
    supervisorctl,
    user_events,
    wait_until_healthy,
)
from bot.model import ensure_model

RESULTS = Path(__file__).with_name("results")
THROUGHPUT_CONVERSATIONS = 20
LOAD_CONVERSATIONS = 50
# the child's age the family has told after the message with this index (latency_bench.CONVERSATION)
AGE_AFTER = {1: 2.0, 7: 9.0, 13: None, 14: 15.0}  # 13: "/restart_search" forgets it
RETRIED = ("502", "503", "504", "connection")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def spare_ports(count: int) -> list[int]:
    ports: set[int] = set()
    while len(ports) < count:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            ports.add(int(sock.getsockname()[1]))
    return sorted(ports)


def post(url: str, sender: str, text: str) -> tuple[str, float, list[dict[str, Any]]]:
    """One REST message: ("200" or the error, milliseconds, replies)."""
    request = urllib.request.Request(
        url, data=json.dumps({"sender": sender, "message": text}).encode(), headers={"Content-Type": "application/json"}
    )
    start_s = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=90) as response:
            replies = list(json.load(response))
        outcome = "200"
    except urllib.error.HTTPError as error:
        outcome, replies = str(error.code), []
    except (urllib.error.URLError, ConnectionError) as error:
        reason = getattr(error, "reason", error)
        outcome = "timeout" if isinstance(reason, TimeoutError) else "connection"
        replies = []
    except TimeoutError:
        outcome, replies = "timeout", []
    return outcome, (time.perf_counter() - start_s) * 1000, replies


@dataclass
class Conversation:
    sender: str = field(default_factory=lambda: uuid.uuid4().hex)
    sent: list[str] = field(default_factory=list)  # every text sent (a repeat counts once)
    answered: list[str] = field(default_factory=list)  # texts answered with 200
    progress: int = -1  # index in CONVERSATION of the last answered message
    failed: list[str] = field(default_factory=list)  # "index: outcome" of requests that failed for good


@dataclass
class Load:
    """What the simulated families saw."""

    url: str
    retry: bool = False
    latencies: list[float] = field(default_factory=list)
    outcomes: Counter[str] = field(default_factory=Counter)
    conversations: list[Conversation] = field(default_factory=list)
    repeats: list[dict[str, Any]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def send(self, conversation: Conversation, index: int, text: str) -> None:
        conversation.sent.append(text)
        outcome, ms, _ = post(self.url, conversation.sender, text)
        first = outcome
        if self.retry and outcome in RETRIED:
            outcome, repeat_ms, _ = post(self.url, conversation.sender, text)
            with self.lock:
                self.repeats.append(
                    {"first": first, "then": outcome, "first_ms": round(ms), "repeat_ms": round(repeat_ms)}
                )
            ms += repeat_ms
        with self.lock:
            self.outcomes[outcome] += 1
            if outcome == "200":
                self.latencies.append(ms)
        if outcome == "200":
            conversation.answered.append(text)
            conversation.progress = index
        else:
            conversation.failed.append(f"{index}: {first}" + (f" → {outcome}" if outcome != first else ""))

    def converse_until(self, deadline: float) -> None:
        """One family after the other on this thread, until the time is up (mid-conversation is fine)."""
        while time.monotonic() < deadline:
            conversation = Conversation()
            with self.lock:
                self.conversations.append(conversation)
            rng = random.Random(conversation.sender)
            for index, text in enumerate(CONVERSATION):
                if time.monotonic() >= deadline:
                    break
                self.send(conversation, index, worded(text, rng))


def expected_age(progress: int) -> float | None:
    age = None
    for index, value in sorted(AGE_AFTER.items()):
        if progress >= index:
            age = value
    return age


def context_kept(url: str, conversation: Conversation) -> bool | None:
    """After the load: a new topic by button; None when the family had told no age (nothing to check)."""
    age = expected_age(conversation.progress)
    failed_at = {int(failure.split(":")[0]) for failure in conversation.failed}
    if age is None or failed_at & set(AGE_AFTER):  # unknown whether a failed message that tells an age counted
        return None
    post(url, conversation.sender, "/other_topic")
    outcome, _, replies = post(url, conversation.sender, "/need_freizeit_kultur")
    offers = [offer for reply in replies for offer in (reply.get("custom") or {}).get("offers", [])]
    asked_again = any("Wie alt" in (reply.get("text") or "") for reply in replies)
    fits = all(
        (o.get("min_age") is None or o["min_age"] <= age) and (o.get("max_age") is None or age <= o["max_age"])
        for o in offers
    )
    return outcome == "200" and bool(offers) and fits and not asked_again


def events_report(cluster: Cluster, load: Load) -> dict[str, Any]:
    """Per conversation: user messages sent vs `user` events stored (before the context check adds its own)."""
    stored = user_events(cluster, [c.sender for c in load.conversations])
    lost = doubled = unsure = exact = 0
    examples: list[str] = []
    for conversation in load.conversations:
        events = Counter(stored[conversation.sender])
        missing = Counter(conversation.answered) - events  # answered, but not in the tracker store
        extra = events - Counter(conversation.sent)  # in the store more often than sent
        lost += sum(missing.values())
        doubled += sum(extra.values())
        # a request that failed may or may not have been processed before the server died
        unsure += sum((events - Counter(conversation.answered)).values()) - sum(extra.values())
        exact += int(stored[conversation.sender] == conversation.answered)
        if (missing or extra) and len(examples) < 5:
            examples.append(f"{conversation.sender}: missing {dict(missing)} extra {dict(extra)}")
    return {
        "conversations": len(load.conversations),
        "messages_sent": sum(len(c.sent) for c in load.conversations),
        "user_events_stored": sum(len(v) for v in stored.values()),
        "lost_events": lost,
        "doubled_events": doubled,
        "stored_although_failed": unsure,
        "conversations_exactly_as_answered": exact,
        "examples": examples,
    }


def summary(load: Load, elapsed_s: float) -> dict[str, Any]:
    requests = sum(load.outcomes.values())
    return {
        "requests": requests,
        "messages_per_s": round(requests / elapsed_s, 1),
        "errors": requests - load.outcomes["200"],
        "outcomes": dict(load.outcomes),
        "p50_ms": round(percentile(load.latencies, 0.50)),
        "p95_ms": round(percentile(load.latencies, 0.95)),
        "p99_ms": round(percentile(load.latencies, 0.99)),
        "max_ms": round(max(load.latencies)),
    }


def check_contexts(url: str, load: Load) -> dict[str, Any]:
    with ThreadPoolExecutor(max_workers=10) as pool:
        results = list(pool.map(lambda c: context_kept(url, c), load.conversations))
    checked = [r for r in results if r is not None]
    lost = [c.sender for c, r in zip(load.conversations, results, strict=True) if r is False]
    return {"checked": len(checked), "kept": sum(checked), "lost": lost[:10]}


def machine_cpu() -> tuple[int, int]:
    """(busy, total) jiffies of all cores since boot."""
    fields = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle, iowait
    return sum(fields) - idle, sum(fields)


def process_cpu_s(pid: int) -> float | None:
    """User + system CPU seconds of one process; None when it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return None
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


class CpuMeter:
    """Where the CPU went in one phase: the whole machine, the cluster's processes, each Rasa server, this client."""

    def __init__(self, cluster: Cluster) -> None:
        self.cluster = cluster
        self.started = time.monotonic()
        self.machine = machine_cpu()
        self.processes = {pid: process_cpu_s(pid) for pid in our_processes(cluster)}
        self.rasa = {port: program_pid(cluster, cluster.rasa_program(port)) for port in cluster.rasa_ports}
        self.client = sum(os.times()[:2])

    def result(self) -> dict[str, Any]:
        elapsed = time.monotonic() - self.started
        busy, total = (now - before for now, before in zip(machine_cpu(), self.machine, strict=True))
        cores = os.cpu_count() or 1

        def used(pid: int) -> float:
            before, now = self.processes.get(pid), process_cpu_s(pid)
            return 0.0 if before is None or now is None else now - before

        machine = busy / total * cores
        # processes started during the phase (a restarted server) count in full; a killed one's share is lost
        started = [process_cpu_s(pid) for pid in our_processes(self.cluster) if pid not in self.processes]
        cluster = (sum(used(pid) for pid in self.processes) + sum(cpu or 0.0 for cpu in started)) / elapsed
        client = (sum(os.times()[:2]) - self.client) / elapsed
        return {
            "machine_busy_pct": round(100 * busy / total),
            "cluster_cores": round(cluster, 2),
            "rasa_cores": [round(used(pid) / elapsed, 2) for pid in self.rasa.values() if pid],
            "bench_client_cores": round(client, 2),
            "other_cores": round(max(0.0, machine - cluster - client), 2),  # other people's processes on this machine
        }


def throughput(cluster: Cluster, url: str, servers: int) -> dict[str, float]:
    load = Load(url)

    def one_conversation() -> None:
        conversation = Conversation()
        rng = random.Random(conversation.sender)
        for index, text in enumerate(CONVERSATION):
            load.send(conversation, index, worded(text, rng))

    meter = CpuMeter(cluster)
    elapsed = at_once(THROUGHPUT_CONVERSATIONS, one_conversation)
    result = {**summary(load, elapsed), "cpu": meter.result()}
    print(
        f"  {servers} Rasa server(s): {result['messages_per_s']} messages/s, errors {result['errors']}, "
        f"CPU {result['cpu']}",
        flush=True,
    )
    return result


def run_load(url: str, minutes: float, retry: bool, halfway: Callable[[], None] | None = None) -> tuple[Load, float]:
    load = Load(url, retry=retry)
    deadline = time.monotonic() + minutes * 60
    timer = threading.Timer(minutes * 30, halfway) if halfway else None
    if timer:
        timer.start()
    elapsed = at_once(LOAD_CONVERSATIONS, lambda: load.converse_until(deadline))
    if timer:
        timer.join()
    return load, elapsed


def measure(cluster: Cluster, minutes: float) -> dict[str, Any]:
    url = f"{cluster.url}/webhooks/rest/webhook"
    first, second = (cluster.rasa_program(port) for port in cluster.rasa_ports)
    warm = Load(url)
    for _ in range(2):
        conversation = Conversation()
        for index, text in enumerate(CONVERSATION[:6]):
            warm.send(conversation, index, text)

    print("(a) throughput, 20 concurrent conversations", flush=True)
    two = throughput(cluster, url, 2)
    supervisorctl(cluster, "stop", second)
    one = throughput(cluster, url, 1)
    supervisorctl(cluster, "start", second)
    wait_until_healthy(cluster)

    print(f"(b) {LOAD_CONVERSATIONS} concurrent conversations for {minutes:g} min", flush=True)
    meter = CpuMeter(cluster)
    load, elapsed = run_load(url, minutes, retry=False)
    steady = {**summary(load, elapsed), "cpu": meter.result(), **events_report(cluster, load)}
    steady["context"] = check_contexts(url, load)

    print(f"(c) the same, {first} killed after {minutes * 30:.0f} s", flush=True)
    kill: dict[str, Any] = {}

    def until_back(killed_at: float) -> None:
        while not answers(f"http://127.0.0.1:{cluster.rasa_ports[0]}/") and time.monotonic() - killed_at < 600:
            time.sleep(0.5)
        kill["back_after_s"] = round(time.monotonic() - killed_at)

    def kill_first() -> None:
        pid = program_pid(cluster, first)
        kill.update(program=first, pid=pid, at_s=round(minutes * 30))
        os.kill(pid, signal.SIGKILL)
        time.sleep(1)  # until the port is closed; then wait for supervisor's new process to answer
        threading.Thread(target=until_back, args=(time.monotonic() - 1,), daemon=True).start()

    meter = CpuMeter(cluster)
    load, elapsed = run_load(url, minutes, retry=True, halfway=kill_first)
    killed = {**summary(load, elapsed), "cpu": meter.result(), **events_report(cluster, load)}
    killed["repeats"] = load.repeats
    killed["failed_requests"] = [f"{c.sender[:8]} {f}" for c in load.conversations for f in c.failed]
    killed["context"] = check_contexts(url, load)
    wait_until_healthy(cluster)
    time.sleep(1)
    kill["state"] = program_states(cluster).get(first)
    return {
        "throughput": {
            "one_server": one,
            "two_servers": two,
            "ratio": round(two["messages_per_s"] / one["messages_per_s"], 2),
        },
        "load": steady,
        "kill": {**killed, "killed": kill},
    }


def print_table(result: dict[str, Any], minutes: float) -> None:
    t = result["throughput"]
    print(f"\n{'':44} {'1 Rasa server':>14} {'2 Rasa servers':>15}")
    print(f"{'(a) messages/s, 20 concurrent conversations':44} {t['one_server']['messages_per_s']:>14} "
          f"{t['two_servers']['messages_per_s']:>15}   ratio {t['ratio']}×")  # fmt: skip
    print(f"{'    p50 / p95 ms':44} {t['one_server']['p50_ms']:>6} / {t['one_server']['p95_ms']:<5} "
          f"{t['two_servers']['p50_ms']:>7} / {t['two_servers']['p95_ms']:<5}")  # fmt: skip
    for label, key in (
        ("    CPU: machine busy %", "machine_busy_pct"),
        ("    cores: cluster", "cluster_cores"),
        ("    cores: each Rasa server", "rasa_cores"),
        ("    cores: this client", "bench_client_cores"),
        ("    cores: other processes on the machine", "other_cores"),
    ):
        print(f"{label:44} {t['one_server']['cpu'][key]!s:>14} {t['two_servers']['cpu'][key]!s:>15}")
    print(f"\n{'':44} {'(b) steady':>14} {'(c) one killed':>15}")
    rows = [
        ("requests", "requests"),
        ("messages/s", "messages_per_s"),
        ("errors (after one repeat in c)", "errors"),
        ("p50 ms", "p50_ms"),
        ("p95 ms", "p95_ms"),
        ("p99 ms", "p99_ms"),
        ("max ms", "max_ms"),
        ("conversations", "conversations"),
        ("lost events", "lost_events"),
        ("doubled events", "doubled_events"),
        ("stored although the request failed", "stored_although_failed"),
    ]
    for label, key in rows:
        print(f"{label:44} {result['load'][key]:>14} {result['kill'][key]:>15}")
    for label, key in (
        ("CPU: machine busy %", "machine_busy_pct"),
        ("cores: cluster", "cluster_cores"),
        ("cores: this client", "bench_client_cores"),
        ("cores: other processes", "other_cores"),
    ):
        print(f"{label:44} {result['load']['cpu'][key]!s:>14} {result['kill']['cpu'][key]!s:>15}")
    b, c = result["load"]["context"], result["kill"]["context"]
    kept_b, kept_c = f"{b['kept']} of {b['checked']}", f"{c['kept']} of {c['checked']}"
    print(f"{'context kept (checked conversations)':44} {kept_b:>14} {kept_c:>15}")
    repeats = result["kill"]["repeats"]
    print(f"\n(c) {result['kill']['killed']['program']} killed at {result['kill']['killed']['at_s']} s, "
          f"back after {result['kill']['killed'].get('back_after_s')} s; {len(repeats)} request(s) repeated: "
          f"{Counter(r['first'] + '→' + r['then'] for r in repeats)}, repeat took max "
          f"{max((r['repeat_ms'] for r in repeats), default=0)} ms")  # fmt: skip
    for failed in result["kill"]["failed_requests"][:10]:
        print(f"    failed: {failed}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=5, help="length of (b) and of (c), each (default 5)")
    parser.add_argument("--out", type=Path, default=RESULTS / "cluster.json")
    args = parser.parse_args(argv)
    model = ensure_model()
    ports = spare_ports(6)
    with tempfile.TemporaryDirectory(prefix="lotse-cluster-bench-") as folder:
        cluster = Cluster(
            var_dir=Path(folder),
            nginx_port=ports[0],
            actions_proxy_port=ports[1],
            rasa_ports=(ports[2], ports[3]),
            action_ports=(ports[4], ports[5]),
            database=f"lotse_cluster_bench_{uuid.uuid4().hex[:8]}",
            redis_url="redis://127.0.0.1:6379/3",
            requests_per_s=100_000,  # all simulated families share 127.0.0.1
        )
        try:
            start(cluster, model=model)
            result = measure(cluster, args.minutes)
        finally:
            stop(cluster)
            drop_database(cluster)
    row = {"date": date.today().isoformat(), "model": model.name, "minutes": args.minutes, "cores": os.cpu_count(),
           "load_average_at_end": os.getloadavg()[0], **result}  # fmt: skip
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(row, indent=2), encoding="utf-8")
    print_table(result, args.minutes)


if __name__ == "__main__":
    main()
