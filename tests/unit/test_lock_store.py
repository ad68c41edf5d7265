"""The Redis lock store's degraded mode, against a fake Redis that can be switched off (no server needed)."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Any

import pytest
from rasa.core.agent import Agent
from rasa.core.channels.channel import UserMessage
from rasa.core.lock_store import LockError, LockStore
from rasa.utils.endpoints import read_endpoint_config
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import ResponseError
from redis.exceptions import TimeoutError as RedisTimeoutError

from bot.endpoints import endpoints_file
from bot.lock_store import FallbackRedisLockStore, is_unreachable
from lotse.settings import local

LOGGER = "bot.lock_store"
CONVERSATION = "familie-1"


class FakeRedis:
    """get/set/delete/ping of a Redis that is up or down; counts every call."""

    def __init__(self) -> None:
        self.data: dict[str, str] = {}
        self.up = True
        self.error: Exception = RedisConnectionError("Error 111 connecting to 127.0.0.1:6399. Connection refused.")
        self.calls = 0

    def _call(self) -> None:
        self.calls += 1
        if not self.up:
            raise self.error

    def get(self, key: str) -> str | None:
        self._call()
        return self.data.get(key)

    def set(self, key: str, value: str) -> None:
        self._call()
        self.data[key] = value

    def delete(self, key: str) -> int:
        self._call()
        return 1 if self.data.pop(key, None) is not None else 0

    def ping(self) -> bool:
        self._call()
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def fake() -> FakeRedis:
    return FakeRedis()


@pytest.fixture
def store(fake: FakeRedis, clock: Clock) -> FallbackRedisLockStore:
    lock_store = FallbackRedisLockStore(host="127.0.0.1", port=6399, db=0, key_prefix="lotse", clock=clock)
    lock_store.red = fake
    return lock_store


def take_lock(store: FallbackRedisLockStore, conversation: str = CONVERSATION) -> list[str]:
    """Take and release one lock; returns the Redis keys seen while it was held."""

    async def run() -> list[str]:
        async with store.lock(conversation, wait_time_in_seconds=0.01):
            return sorted(store.red.data) if store.red.up else []

    return asyncio.run(run())


def records(caplog: pytest.LogCaptureFixture, level: int) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == LOGGER and r.levelno == level]


def test_rasa_loads_it_from_the_endpoints_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOTSE_REDIS_PASSWORD", "geheim")
    path = endpoints_file(local(tmp_path, 5005, 5055, redis_url="redis://:geheim@10.0.0.7:6380/2"))
    lock_store = LockStore.create(read_endpoint_config(str(path), "lock_store"))
    assert isinstance(lock_store, FallbackRedisLockStore)
    connection = lock_store.red.connection_pool.connection_kwargs
    assert (connection["host"], connection["port"], connection["db"]) == ("10.0.0.7", 6380, 2)
    assert connection["password"] == "geheim"
    assert connection["socket_timeout"] == 0.5
    assert lock_store.key_prefix == "lotse:lock:"
    assert not lock_store.degraded


def test_with_redis_up_the_lock_is_in_redis(store: FallbackRedisLockStore, fake: FakeRedis) -> None:
    assert take_lock(store) == ["lotse:lock:familie-1"]
    assert fake.data == {}
    assert not store.degraded


def test_redis_down_answers_from_the_process_and_warns_once(
    store: FallbackRedisLockStore, fake: FakeRedis, clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    fake.up = False
    caplog.set_level(logging.INFO, logger=LOGGER)
    take_lock(store)
    assert store.degraded
    calls = fake.calls
    for second in range(4):  # within the retry interval: Redis is not asked on every message
        clock.now += 1
        take_lock(store, f"familie-{second}")
    assert fake.calls == calls
    warnings = records(caplog, logging.WARNING)
    assert len(warnings) == 1
    assert "Redis nicht erreichbar" in warnings[0]
    assert "degradierter Modus" in warnings[0]
    assert "127.0.0.1:6399/0" in warnings[0]
    assert "Connection refused" in warnings[0] and "\n" not in warnings[0]  # Redis's error, not Rasa's wrapper
    assert store.fallback.conversation_locks == {}  # released


def test_a_timeout_counts_as_down(store: FallbackRedisLockStore, fake: FakeRedis) -> None:
    fake.up, fake.error = False, RedisTimeoutError("Timeout reading from socket")
    take_lock(store)
    assert store.degraded


def test_back_to_redis_by_itself_after_the_retry_interval(
    store: FallbackRedisLockStore, fake: FakeRedis, clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger=LOGGER)
    fake.up = False
    take_lock(store)
    fake.up = True
    clock.now += 1
    assert take_lock(store) == []  # not asked yet
    assert fake.calls == 1
    clock.now += store.retry_interval_s
    assert take_lock(store) == ["lotse:lock:familie-1"]
    assert not store.degraded
    assert len(records(caplog, logging.INFO)) == 1
    assert "Redis wieder erreichbar" in records(caplog, logging.INFO)[0]
    fake.up = False  # a second outage is reported again, once
    take_lock(store)
    take_lock(store)
    assert len(records(caplog, logging.WARNING)) == 2


def test_redis_lost_during_a_message_finishes_it_and_frees_its_ticket_later(
    store: FallbackRedisLockStore, fake: FakeRedis, clock: Clock
) -> None:
    async def message_that_loses_redis() -> str:
        async with store.lock(CONVERSATION, wait_time_in_seconds=0.01):
            fake.up = False
            return "Antwort"

    assert asyncio.run(message_that_loses_redis()) == "Antwort"
    assert store.degraded
    assert list(fake.data) == ["lotse:lock:familie-1"]  # the unfinished ticket is still in Redis
    fake.up = True
    clock.now += store.retry_interval_s

    async def next_message() -> float:
        loop = asyncio.get_running_loop()
        started = loop.time()
        async with store.lock(CONVERSATION, lock_lifetime=60, wait_time_in_seconds=0.5):
            return loop.time() - started

    assert asyncio.run(next_message()) < 0.4  # did not queue behind the old ticket
    assert fake.data == {}
    assert not store.degraded


def test_two_messages_of_one_conversation_are_serialised_in_degraded_mode(
    store: FallbackRedisLockStore, fake: FakeRedis
) -> None:
    fake.up = False
    events: list[str] = []

    async def message(name: str) -> None:
        async with store.lock(CONVERSATION, wait_time_in_seconds=0.01):
            events.append(f"{name} start")
            await asyncio.sleep(0.05)
            events.append(f"{name} end")

    async def both() -> None:
        await asyncio.gather(message("a"), message("b"))

    asyncio.run(both())
    assert events == ["a start", "a end", "b start", "b end"]


def test_a_conversation_in_progress_in_the_process_stays_there_when_redis_returns(
    store: FallbackRedisLockStore, fake: FakeRedis, clock: Clock
) -> None:
    fake.up = False
    take_lock(store, "andere-familie")
    events: list[str] = []

    async def first() -> None:
        async with store.lock(CONVERSATION, wait_time_in_seconds=0.01):
            events.append("first start")
            fake.up = True
            clock.now += store.retry_interval_s
            await asyncio.sleep(0.05)
            events.append("first end")

    async def second() -> None:
        await asyncio.sleep(0.01)
        async with store.lock(CONVERSATION, wait_time_in_seconds=0.01):
            events.append("second")

    async def other() -> list[str]:
        await asyncio.sleep(0.02)
        async with store.lock("dritte-familie", wait_time_in_seconds=0.01):
            return sorted(fake.data)

    async def all_three() -> list[str]:
        return (await asyncio.gather(first(), second(), other()))[2]

    assert asyncio.run(all_three()) == ["lotse:lock:dritte-familie"]  # other conversations: Redis again
    assert events == ["first start", "first end", "second"]


def test_other_redis_errors_are_not_hidden(store: FallbackRedisLockStore, fake: FakeRedis) -> None:
    fake.up, fake.error = False, ResponseError("WRONGTYPE Operation against a key holding the wrong kind of value")
    with pytest.raises(LockError):
        take_lock(store)
    assert not store.degraded


def test_is_unreachable_looks_through_rasas_lock_error() -> None:
    try:
        try:
            raise RedisConnectionError("refused")
        except RedisConnectionError as error:
            raise LockError(f"Error while acquiring lock. Error:\n{error}")  # noqa: B904 - as Rasa does
    except LockError as wrapped:
        assert is_unreachable(wrapped)
    assert not is_unreachable(LockError("Could not acquire lock"))


class AnsweringProcessor:
    """Stands in for Rasa's MessageProcessor; Agent.handle_message takes the lock around it."""

    def __init__(self) -> None:
        self.messages: list[str] = []

    async def handle_message(self, message: UserMessage) -> list[dict[str, Any]]:
        self.messages.append(message.text or "")
        return [{"recipient_id": message.sender_id, "text": "Hier ist Hilfe."}]


def test_rasas_agent_answers_while_redis_is_down(store: FallbackRedisLockStore, fake: FakeRedis) -> None:
    agent = Agent(lock_store=store)
    agent.processor = AnsweringProcessor()
    fake.up = False

    async def say(text: str) -> Any:
        return await agent.handle_message(UserMessage(text, sender_id=CONVERSATION))

    assert asyncio.run(say("Wir brauchen Hilfe")) == [{"recipient_id": CONVERSATION, "text": "Hier ist Hilfe."}]
    assert store.degraded
