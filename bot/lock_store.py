"""Rasa's Redis lock store with a documented degraded mode: Redis down never means a silent bot.

Rasa takes a lock per conversation around every message, so that two messages of one family are
handled one after the other even when they reach different Rasa instances. Rasa's RedisLockStore
raises when Redis cannot be reached, and then *every* message fails: the family in the widget gets
no answer at all.

`FallbackRedisLockStore` is that lock store plus one decision: when Redis does not answer
(connection refused, or no reply within SOCKET_TIMEOUT_S), it logs ONE warning for the outage and
takes the lock from an in-process `InMemoryLockStore` instead. Messages keep being answered; their
order is then guaranteed per Rasa instance only. nginx's ip_hash keeps a family on one instance, so
the rare case that is lost is two messages of one conversation arriving at two instances at once.
While Redis is down it is asked again at most every RETRY_INTERVAL_S (not on every message); once it
answers, one info line is logged and the locks are taken from Redis again.

Why degrade instead of refusing clearly: the lock protects the order of messages, a refusal would
protect it perfectly by answering nobody. A parent writing in a crisis ("mein Mann schlägt mich")
must get an answer — with the emergency numbers — even when a cache server is down; a rare
out-of-order pair of messages between two instances is the lesser harm, and it is visible in the log.

Details that keep the degraded mode from hurting once Redis is back:
* a lock is taken and released in ONE store: a message that started with Redis and lost it on the way
  finishes without error, and its Redis ticket is finished as soon as Redis answers again (otherwise
  the family's next message would wait up to the ticket's lifetime, 60 s);
* while a conversation still has a message in progress in the in-process store, its next message stays
  there too, so within one instance the order holds across the switch back.

Configured by module path in the endpoints file (bot/endpoints.py); Rasa 3.6 builds a custom lock store
as `cls(endpoint_config=EndpointConfig)`, the other keys (port, db, key_prefix, password, use_ssl)
arrive in `endpoint_config.kwargs`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncGenerator, Callable
from contextlib import asynccontextmanager
from typing import Any

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, InMemoryLockStore, LockError, LockStore, RedisLockStore
from rasa.utils.endpoints import EndpointConfig
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

SOCKET_TIMEOUT_S = 0.5
RETRY_INTERVAL_S = 5.0
UNREACHABLE = (RedisConnectionError, RedisTimeoutError)


def unreachable_cause(error: BaseException) -> BaseException | None:
    """Redis's connection or timeout error in `error` or what caused it (issue_ticket wraps errors in LockError)."""
    seen: BaseException | None = error
    for _ in range(5):
        if seen is None or isinstance(seen, UNREACHABLE):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


def is_unreachable(error: BaseException) -> bool:
    """True when `error` means that Redis does not answer."""
    return unreachable_cause(error) is not None


class FallbackRedisLockStore(RedisLockStore):
    """RedisLockStore that falls back to a per-process lock while Redis cannot be reached (see module doc)."""

    def __init__(
        self,
        endpoint_config: EndpointConfig | None = None,
        *,
        retry_interval_s: float = RETRY_INTERVAL_S,
        clock: Callable[[], float] = time.monotonic,
        **options: Any,
    ) -> None:
        options = {**(endpoint_config.kwargs if endpoint_config else {}), **options}
        if endpoint_config and endpoint_config.url:
            options["host"] = endpoint_config.url
        options.setdefault("socket_timeout", SOCKET_TIMEOUT_S)
        self.retry_interval_s = float(options.pop("retry_interval_s", retry_interval_s))
        super().__init__(**options)
        self.address = f"{options.get('host', 'localhost')}:{options.get('port', 6379)}/{options.get('db', 1)}"
        self._clock = clock
        self.fallback = InMemoryLockStore()
        self.down_since: float | None = None
        self._next_check = 0.0
        # Redis tickets of messages that lost Redis on the way; finished when it answers again
        self._unfinished: set[tuple[str, int]] = set()

    @property
    def degraded(self) -> bool:
        """True while locks are taken in this process only."""
        return self.down_since is not None

    def _went_down(self, error: BaseException) -> None:
        now = self._clock()
        self._next_check = now + self.retry_interval_s
        if self.down_since is None:
            self.down_since = now
            logger.warning(
                "Redis nicht erreichbar (%s: %s) – Sperren nur noch pro Prozess (degradierter Modus); "
                "Nachrichten werden weiter beantwortet, neuer Versuch alle %.0f s.",
                self.address,
                unreachable_cause(error) or error,
                self.retry_interval_s,
            )

    def _redis_usable(self, conversation_id: str) -> bool:
        """Whether this message's lock is taken in Redis; asks a down Redis at most every retry_interval_s."""
        if self.fallback.get_lock(conversation_id) is not None:
            return False  # a message of this conversation is in progress in this process: queue behind it
        if self.down_since is None:
            return True
        now = self._clock()
        if now < self._next_check:
            return False
        self._next_check = now + self.retry_interval_s
        try:
            self.red.ping()
            for conversation_id_, ticket in sorted(self._unfinished):
                super().cleanup(conversation_id_, ticket)
                self._unfinished.discard((conversation_id_, ticket))
        except UNREACHABLE:
            return False
        logger.info(
            "Redis wieder erreichbar (%s) – Sperren wieder über Redis (nach %.0f s im degradierten Modus).",
            self.address,
            now - self.down_since,
        )
        self.down_since = None
        return True

    def _release(self, store: LockStore, conversation_id: str, ticket: int) -> None:
        if store is self.fallback:
            self.fallback.cleanup(conversation_id, ticket)
            return
        try:
            super().cleanup(conversation_id, ticket)
        except UNREACHABLE as error:  # the message was answered; the ticket is finished when Redis is back
            self._went_down(error)
            self._unfinished.add((conversation_id, ticket))

    @asynccontextmanager
    async def lock(
        self,
        conversation_id: str,
        lock_lifetime: float = LOCK_LIFETIME,
        wait_time_in_seconds: float = 1,
    ) -> AsyncGenerator[TicketLock, None]:
        """Rasa's ticket lock for `conversation_id`, from Redis or, while Redis is down, from this process."""
        store: LockStore = self.fallback
        ticket: int | None = None
        if self._redis_usable(conversation_id):
            try:
                ticket = self.issue_ticket(conversation_id, lock_lifetime)
                store = self
            except LockError as error:
                if not is_unreachable(error):
                    raise
                self._went_down(error)
        if ticket is None:
            ticket = self.fallback.issue_ticket(conversation_id, lock_lifetime)
        try:
            try:
                acquired = await store._acquire_lock(conversation_id, ticket, wait_time_in_seconds)
            except UNREACHABLE as error:  # Redis went away while this message waited for its turn
                if store is not self:
                    raise
                self._went_down(error)
                self._unfinished.add((conversation_id, ticket))
                store = self.fallback
                ticket = self.fallback.issue_ticket(conversation_id, lock_lifetime)
                acquired = await store._acquire_lock(conversation_id, ticket, wait_time_in_seconds)
            yield acquired
        finally:
            self._release(store, conversation_id, ticket)
