"""The bot's two servers on spare ports with the sample offers, for benchmarks that talk to it over REST."""

from __future__ import annotations

import json
import subprocess
import tempfile
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bot.run import start_servers, stop, wait_for_servers
from lotse.settings import Settings, local
from offers_db.db import make_engine
from offers_db.loader import load_offers
from offers_db.repository import OfferRepository


@contextmanager
def running_bot(model: Path, port: int, action_port: int) -> Iterator[tuple[Settings, list[subprocess.Popen]]]:
    """Action server and Rasa server for `model`, offers and tracker in a throw-away folder."""
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        config = local(work, port=port, action_port=action_port)
        OfferRepository(make_engine(config.offers_db.url)).sync(load_offers().offers)
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
