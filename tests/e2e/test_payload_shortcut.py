"""A button's payload parsed without the NLU models gives exactly what the full NLU graph gives."""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml
from rasa.core.agent import Agent
from rasa.core.channels.channel import UserMessage
from rasa.shared.core.trackers import DialogueStateTracker

from bot.rasa_server import _original_parse_with_graph, parse_with_shortcut
from lotse.settings import PROJECT_ROOT

pytestmark = pytest.mark.slow


def payloads() -> list[str]:
    """Every button payload in domain.yml (templated ones for every need), plus entity and odd forms."""
    domain = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))
    needs = [i.removeprefix("need_") for i in domain["intents"] if isinstance(i, str) and i.startswith("need_")]
    found: set[str] = set()
    for variants in domain["responses"].values():
        for variant in variants:
            for button in variant.get("buttons", []):
                payload = str(button["payload"])
                if not payload.startswith("/"):
                    continue
                found |= {payload.replace("{other_need}", n) for n in needs} if "{" in payload else {payload}
    extra = [
        '/inform_age{"child_age": 4}',
        '/inform{"child_age": 4}',
        "/affirm@0.9",
        "/keine_absicht",
        "/",
        "/faq",
        "  /need_wohnen  ",
    ]
    return sorted(found) + extra


def parse(agent: Agent, how: Any, text: str) -> dict[str, Any]:
    processor = agent.processor
    assert processor is not None
    return how(processor, UserMessage(text, sender_id="t"), DialogueStateTracker("t", []), True)


def test_there_are_payloads_to_compare() -> None:
    assert len([p for p in payloads() if re.fullmatch(r"/need_\w+", p)]) >= 10


@pytest.mark.parametrize("payload", payloads())
def test_shortcut_and_graph_agree(agent: Agent, payload: str) -> None:
    shortcut = parse(agent, parse_with_shortcut, payload)
    graph = parse(agent, _original_parse_with_graph, payload)
    assert shortcut == graph
