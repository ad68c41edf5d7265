"""Builds rasa-sdk trackers and the domain dict for action unit tests."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml
from rasa_sdk import Tracker

DOMAIN_FILE = Path(__file__).parents[1] / "domain.yml"


@cache
def domain() -> dict[str, Any]:
    """domain.yml as the action server receives it."""
    return yaml.safe_load(DOMAIN_FILE.read_text(encoding="utf-8"))


def tracker(
    text: str = "",
    intent: str = "",
    channel: str = "rest",
    entities: list[dict[str, Any]] | None = None,
    parse: dict[str, Any] | None = None,
    active_loop: str | None = None,
    **slots: Any,
) -> Tracker:
    """A tracker whose latest user message is `text`/`intent` (plus `parse`: ranking, …), with the given slots."""
    all_slots: dict[str, Any] = {name: None for name in domain()["slots"]}
    all_slots.update(slots)
    latest = {"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": entities or [], **(parse or {})}
    events = [{"event": "user", "text": text, "parse_data": latest, "input_channel": channel}]
    loop = {"name": active_loop} if active_loop else {}
    return Tracker("test-user", all_slots, latest, events, False, None, loop, "action_listen")
