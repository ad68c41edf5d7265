"""One trained model per test session, loaded once for the tests that parse in-process, and the bot's two servers
on spare ports for REST tests."""

from __future__ import annotations

import json
import socket
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from bot.model import ensure_model
from bot.run import start_servers, stop, wait_for_servers
from lotse.settings import Settings, local
from offers_db.db import make_engine
from offers_db.loader import load_offers
from offers_db.repository import OfferRepository

if TYPE_CHECKING:
    from rasa.core.agent import Agent


@pytest.fixture(scope="session")
def trained_model() -> Path:
    """The model for the current config, domain and data (trained once, cached under models/)."""
    return ensure_model()


@pytest.fixture(scope="session")
def agent(trained_model: Path) -> Agent:
    """The trained model loaded in this process, once, the way the servers load it (bot.rasa_server)."""
    from rasa.core.agent import Agent  # heavy import, only for the tests that use it

    from bot.rasa_server import loading_for_prediction

    with loading_for_prediction():
        return Agent.load(str(trained_model))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class RunningBot:
    """The servers under test, the offers database they read and a REST chat helper."""

    config: Settings
    repository: OfferRepository
    log: Path

    def say(self, sender: str, message: str) -> list[dict[str, Any]]:
        request = urllib.request.Request(
            f"{self.config.base_url}/webhooks/rest/webhook",
            data=json.dumps({"sender": sender, "message": message}).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            return list(json.load(response))


@pytest.fixture(scope="session")
def running_bot(trained_model: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningBot]:
    """Action server and Rasa server with sample offers in a fresh SQLite file."""
    work = tmp_path_factory.mktemp("bot")
    config = local(work, port=free_port(), action_port=free_port())
    repository = OfferRepository(make_engine(config.offers_db.url))
    repository.sync(load_offers().offers)
    log_path = work / "servers.log"
    with log_path.open("wb") as log:
        processes = start_servers(trained_model, config, log=log)
        try:
            wait_for_servers(config, processes)
            yield RunningBot(config, repository, log_path)
        finally:
            stop(processes)
