"""The real servers when the action server hangs or dies: an apology within seconds, then business as usual.

One Rasa server for the whole module; its action server is stopped, replaced by a listener that never
answers, and started again on the same port.
"""

from __future__ import annotations

import json
import socket
import subprocess
import time
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.run import action_server_command, server_environment, start_servers, stop, wait_for_servers, wait_until_up
from lotse.settings import PROJECT_ROOT, Settings, local
from offers_db.db import make_engine
from offers_db.loader import load_offers
from offers_db.repository import OfferRepository
from tests.e2e.conftest import free_port

pytestmark = pytest.mark.slow

FAMILY_MESSAGE = "Wir suchen einen Kitaplatz für unseren Sohn, er ist 4 Jahre alt"
APOLOGY_START = "Entschuldigung, bei mir klappt gerade technisch etwas nicht."


@pytest.fixture(scope="module")
def bot(trained_model: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    work = tmp_path_factory.mktemp("faults")
    config = local(work, port=free_port(), action_port=free_port())
    OfferRepository(make_engine(config.offers_db.url)).sync(load_offers().offers)
    processes = start_servers(trained_model, config)
    wait_for_servers(config, processes)
    state: dict[str, Any] = {"config": config, "processes": processes}
    yield state
    stop(state["processes"])


def say(config: Settings, sender: str, text: str) -> tuple[list[dict[str, Any]], float]:
    request = urllib.request.Request(
        f"{config.base_url}/webhooks/rest/webhook",
        data=json.dumps({"sender": sender, "message": text}).encode(),
        headers={"Content-Type": "application/json"},
    )
    start = time.perf_counter()
    # 10 s: far less than Rasa's own 300 s wait for an action server, so silence fails the test
    with urllib.request.urlopen(request, timeout=10) as response:
        return list(json.load(response)), time.perf_counter() - start


def offers_in(reply: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [o for m in reply if "custom" in m for o in m["custom"].get("offers", [])]


def restart_action_server(state: dict[str, Any]) -> None:
    config: Settings = state["config"]
    actions = subprocess.Popen(
        action_server_command(config.action_port), cwd=PROJECT_ROOT, env=server_environment(config)
    )
    state["processes"][0] = actions
    wait_until_up(f"http://127.0.0.1:{config.action_port}/health", [actions])


def test_dead_action_server_gets_an_apology_and_the_chat_goes_on_when_it_is_back(bot: dict[str, Any]) -> None:
    config: Settings = bot["config"]
    family = uuid.uuid4().hex
    stop([bot["processes"][0]])
    reply, _ = say(config, family, FAMILY_MESSAGE)
    assert reply and reply[0]["text"].startswith(APOLOGY_START)
    assert "Familienzentrum" in reply[0]["text"] and "112" in reply[0]["text"]
    assert offers_in(reply) == []

    restart_action_server(bot)
    again, _ = say(config, family, FAMILY_MESSAGE)
    offers = offers_in(again)
    assert offers and all("kinderbetreuung" in o["categories"] for o in offers)


def test_hung_action_server_gets_an_apology_instead_of_silence(bot: dict[str, Any]) -> None:
    config: Settings = bot["config"]
    stop([bot["processes"][0]])
    hung = socket.socket()
    hung.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    hung.bind(("127.0.0.1", config.action_port))
    hung.listen(16)  # connections are queued by the kernel and never answered
    try:
        family = uuid.uuid4().hex
        reply, waited = say(config, family, FAMILY_MESSAGE)
        assert reply and reply[0]["text"].startswith(APOLOGY_START), reply
        print(f"apology after {waited:.2f} s (deadline {config.action_timeout_s} s)")
    finally:
        hung.close()
    restart_action_server(bot)
    later, _ = say(config, family, "Hallo, wir brauchen einen Kitaplatz, unsere Tochter ist 2")
    assert offers_in(later)


def test_health_and_metrics_endpoints(bot: dict[str, Any]) -> None:
    config: Settings = bot["config"]
    with urllib.request.urlopen(f"{config.base_url}/ops/health", timeout=5) as response:
        assert json.load(response) == {"status": "ok", "model": "ok", "database": "ok", "lock_store": "ok"}
    family = uuid.uuid4().hex
    say(config, family, "Mein Name ist Jana Beispiel, meine Nummer 0151 99887766, ich brauche Hilfe mit Geld")
    with urllib.request.urlopen(f"{config.base_url}/ops/metrics", timeout=5) as response:
        text = response.read().decode()
    assert 'lotse_messages_total{channel="rest"}' in text
    assert 'lotse_message_seconds_bucket{channel="rest",le="0.25"}' in text
    assert 'lotse_action_errors_total{reason="timeout"}' in text  # from the hung test, or 0 when run alone
    # the number with its space: its digits alone turn up in a start time such as 1.79583601512e+09
    for secret in ("Jana", "Beispiel", "0151 99887766", family):
        assert secret not in text
