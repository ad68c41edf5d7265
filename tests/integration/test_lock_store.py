"""The Redis lock store against a private redis-server that the tests stop and start again.

The shared Redis on 6379 is never touched: every test starts its own server on a free port
(no persistence) and kills it to simulate the outage.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from bot.lock_store import RETRY_INTERVAL_S, FallbackRedisLockStore
from bot.model import model_path
from bot.run import start_servers, stop, wait_for_servers
from lotse.settings import local
from offers_db.db import make_engine
from offers_db.loader import load_offers
from offers_db.repository import OfferRepository
from tests.e2e.conftest import RunningBot

REDIS_SERVER = shutil.which("redis-server")
LOGGER = "bot.lock_store"
CONVERSATION = "familie-1"
KEY = "lotse:lock:familie-1"

pytestmark = pytest.mark.skipif(REDIS_SERVER is None, reason="redis-server is not installed (apt-get install redis)")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PrivateRedis:
    """One redis-server on a free port in a temporary directory; stop() and start() at will."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        command = [REDIS_SERVER or "redis-server", "--port", str(self.port), "--bind", "127.0.0.1"]
        command += ["--save", "", "--appendonly", "no", "--dir", str(self.directory)]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        client = redis.Redis(port=self.port, socket_timeout=0.5)
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                return
            except redis.exceptions.ConnectionError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError(f"private redis-server on port {self.port} did not start") from None
                time.sleep(0.05)
            finally:
                client.close()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
        self.process = None

    def client(self) -> redis.Redis:
        return redis.Redis(port=self.port, socket_timeout=2)


@pytest.fixture
def private_redis(tmp_path: Path) -> Iterator[PrivateRedis]:
    server = PrivateRedis(tmp_path)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def make_store(server: PrivateRedis, retry_interval_s: float = 0.3) -> FallbackRedisLockStore:
    return FallbackRedisLockStore(
        host="127.0.0.1", port=server.port, db=0, key_prefix="lotse", retry_interval_s=retry_interval_s
    )


async def hold(store: FallbackRedisLockStore, name: str, events: list[str], seconds: float = 0.1) -> None:
    async with store.lock(CONVERSATION, wait_time_in_seconds=0.02):
        events.append(f"{name} start")
        await asyncio.sleep(seconds)
        events.append(f"{name} end")


def test_two_instances_are_serialised_through_redis(private_redis: PrivateRedis) -> None:
    first, second = make_store(private_redis), make_store(private_redis)  # two Rasa instances
    events: list[str] = []
    seen: list[bool] = []

    async def watch() -> None:
        await asyncio.sleep(0.05)
        seen.append(private_redis.client().exists(KEY) == 1)

    async def run() -> None:
        await asyncio.gather(hold(first, "a", events), hold(second, "b", events), watch())

    asyncio.run(run())
    assert events in (["a start", "a end", "b start", "b end"], ["b start", "b end", "a start", "a end"])
    assert seen == [True]
    assert private_redis.client().exists(KEY) == 0
    assert not first.degraded and not second.degraded


def test_redis_killed_and_restarted(private_redis: PrivateRedis, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger=LOGGER)
    store = make_store(private_redis)
    events: list[str] = []
    asyncio.run(hold(store, "vorher", events, 0))
    private_redis.stop()

    started = time.monotonic()
    for number in range(3):
        asyncio.run(hold(store, f"ohne Redis {number}", events, 0))
    assert time.monotonic() - started < 1.5  # refused at once; not asked again within the retry interval
    assert store.degraded

    async def two_at_once() -> None:
        await asyncio.gather(hold(store, "x", events), hold(store, "y", events))

    events.clear()
    asyncio.run(two_at_once())
    assert events == ["x start", "x end", "y start", "y end"]  # still one after the other in this process
    warnings = [r.getMessage() for r in caplog.records if r.name == LOGGER and r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert f"127.0.0.1:{private_redis.port}/0" in warnings[0]

    private_redis.start()
    time.sleep(store.retry_interval_s + 0.05)
    seen: list[bool] = []

    async def in_redis() -> None:
        async with store.lock(CONVERSATION, wait_time_in_seconds=0.02):
            seen.append(private_redis.client().exists(KEY) == 1)

    asyncio.run(in_redis())
    assert seen == [True]
    assert not store.degraded
    infos = [r.getMessage() for r in caplog.records if r.name == LOGGER and r.levelno == logging.INFO]
    assert len(infos) == 1
    assert "Redis wieder erreichbar" in infos[0]


def test_redis_not_answering_in_time_is_down_too_and_old_tickets_are_finished(private_redis: PrivateRedis) -> None:
    """CLIENT PAUSE makes Redis hang (socket timeout) but keeps its data: the lost ticket is finished later."""
    store = make_store(private_redis)
    admin = private_redis.client()

    async def message_during_pause() -> None:
        async with store.lock(CONVERSATION, wait_time_in_seconds=0.02):
            admin.execute_command("CLIENT", "PAUSE", 1500, "ALL")

    started = time.monotonic()
    asyncio.run(message_during_pause())
    assert time.monotonic() - started < 1.2  # one 0.5 s socket timeout, not Redis's default 10 s
    assert store.degraded
    time.sleep(1.6)  # pause over; the stale ticket is still stored
    assert admin.exists(KEY) == 1

    async def next_message() -> float:
        begin = time.monotonic()
        async with store.lock(CONVERSATION, lock_lifetime=60, wait_time_in_seconds=0.5):
            return time.monotonic() - begin

    assert asyncio.run(next_message()) < 0.4  # not queued behind the stale ticket for up to 60 s
    assert not store.degraded
    assert admin.exists(KEY) == 0


def test_rasa_starts_while_redis_is_down(tmp_path: Path) -> None:
    """The store connects lazily, so Rasa's start does not fail (and no message does) without Redis."""
    store = FallbackRedisLockStore(host="127.0.0.1", port=free_port(), db=0, key_prefix="lotse")
    events: list[str] = []
    asyncio.run(hold(store, "a", events, 0))
    assert events == ["a start", "a end"]
    assert store.degraded


def offers_in(messages: list[dict]) -> list[dict]:
    return [o for m in messages if m.get("custom", {}).get("type") == "offers" for o in m["custom"]["offers"]]


@pytest.mark.slow
def test_the_running_bot_answers_while_its_redis_is_down(private_redis: PrivateRedis, tmp_path: Path) -> None:
    """Rasa loads the store from the endpoints file; a family gets offers before, during and after the outage."""
    model = model_path()
    if not model.exists():
        pytest.skip(f"no trained model {model.name} for the current inputs (make train); not training here")
    redis_url = f"redis://127.0.0.1:{private_redis.port}/0"
    config = local(tmp_path, port=free_port(), action_port=free_port(), redis_url=redis_url)
    repository = OfferRepository(make_engine(config.offers_db.url))
    repository.sync(load_offers().offers)
    log_path = tmp_path / "servers.log"
    with log_path.open("wb") as log:
        processes = start_servers(model, config, log=log)
        try:
            wait_for_servers(config, processes)
            bot = RunningBot(config, repository, log_path)
            question = "Wir suchen einen Kitaplatz für unsere Tochter, sie ist 3"
            assert offers_in(bot.say("familie-vorher", question))
            private_redis.stop()
            for number in range(3):
                assert offers_in(bot.say(f"familie-ohne-redis-{number}", question))
            private_redis.start()
            time.sleep(RETRY_INTERVAL_S + 0.5)
            assert offers_in(bot.say("familie-nachher", question))
            stats = private_redis.client().info("commandstats")
            assert stats.get("cmdstat_set", {}).get("calls", 0) >= 1  # the restarted Redis holds the locks again
            assert private_redis.client().dbsize() == 0  # and they were released
        finally:
            stop(processes)
    output = log_path.read_text(encoding="utf-8", errors="replace")
    assert output.count("Redis nicht erreichbar") == 1, output[-3000:]
    assert output.count("Redis wieder erreichbar") == 1, output[-3000:]
