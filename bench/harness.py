"""The bot's two servers on spare ports with the sample offers, for benchmarks that talk to it over REST."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bot.run import ServerConfig, start_servers, stop, wait_for_servers
from offers_db.db import make_engine
from offers_db.loader import load_offers
from offers_db.repository import OfferRepository


@contextmanager
def running_bot(model: Path, port: int, action_port: int) -> Iterator[tuple[ServerConfig, list[subprocess.Popen]]]:
    """Action server and Rasa server for `model`, offers and tracker in a throw-away folder."""
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        database_url = f"sqlite:///{work / 'offers.sqlite3'}"
        OfferRepository(make_engine(database_url)).sync(load_offers().offers)
        os.environ["DATABASE_URL"] = database_url
        config = ServerConfig(port=port, action_port=action_port, tracker_db=work / "tracker.sqlite3")
        processes = start_servers(model, config)
        try:
            wait_for_servers(config, processes)
            yield config, processes
        finally:
            stop(processes)


def post(url: str, sender: str, text: str) -> list[dict[str, Any]]:
    """One REST message; the bot's replies."""
    request = urllib.request.Request(
        url, data=json.dumps({"sender": sender, "message": text}).encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return list(json.load(response))
