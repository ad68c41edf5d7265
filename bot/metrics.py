"""Prometheus metrics of one Rasa server: counts and timings only, never texts, ids or numbers people typed.

- lotse_messages_total{channel}: messages handled (rest, webchat, telegram)
- lotse_message_seconds{channel}: time from receiving a message to the last reply (histogram)
- lotse_action_errors_total{reason}: action server calls that timed out or could not connect
- lotse_fallbacks_total: messages the NLU did not understand (nlu_fallback)
- lotse_emergencies_total: messages that got the emergency numbers

Served at /ops/metrics by bot.channels.ops (each instance; Prometheus scrapes every instance).
"""

from __future__ import annotations

import time
from typing import Any

from prometheus_client import Counter, Histogram
from rasa.core.agent import Agent
from rasa.core.channels.channel import UserMessage
from rasa.core.processor import MessageProcessor
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME

CHANNELS = {"rest", "webchat", "telegram", "socketio"}
# a chat answer is fast or the family waits: buckets from 10 ms to 5 s
LATENCY_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)

MESSAGES = Counter("lotse_messages", "Messages handled", ["channel"])
LATENCY = Histogram("lotse_message_seconds", "Time to handle one message", ["channel"], buckets=LATENCY_BUCKETS)
ACTION_ERRORS = Counter("lotse_action_errors", "Action server calls that failed", ["reason"])
FALLBACKS = Counter("lotse_fallbacks", "Messages the NLU did not understand")
EMERGENCIES = Counter("lotse_emergencies", "Messages recognised as an emergency")

_original_handle_message = Agent.handle_message
_original_parse_message = MessageProcessor.parse_message


def channel_label(message: UserMessage) -> str:
    """A fixed set of label values, so a client cannot create new time series."""
    name = (message.input_channel or "").lower()
    if name.startswith("telegram") or "telegram" in name:
        return "telegram"
    return name if name in CHANNELS else "other"


async def handle_message_measured(self: Agent, message: UserMessage) -> Any:
    start = time.perf_counter()
    label = channel_label(message)
    try:
        return await _original_handle_message(self, message)
    finally:
        MESSAGES.labels(channel=label).inc()
        LATENCY.labels(channel=label).observe(time.perf_counter() - start)


async def parse_message_counted(self: MessageProcessor, message: UserMessage, *args: Any, **kwargs: Any) -> Any:
    parsed = await _original_parse_message(self, message, *args, **kwargs)
    intent = (parsed.get("intent") or {}).get("name")
    if intent == DEFAULT_NLU_FALLBACK_INTENT_NAME:
        FALLBACKS.inc()
    elif intent == "emergency":
        EMERGENCIES.inc()
    return parsed


def install() -> None:
    """Measure every message of this process (called once by bot.rasa_server)."""
    Agent.handle_message = handle_message_measured
    MessageProcessor.parse_message = parse_message_counted
