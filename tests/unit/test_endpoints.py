"""Rasa's endpoints file from the settings: embedded default and scale-out."""

from __future__ import annotations

from pathlib import Path

import yaml

from bot.endpoints import endpoints, endpoints_file
from lotse.settings import Database, local


def test_embedded_default_is_sqlite_and_in_memory_lock(tmp_path: Path) -> None:
    content = endpoints(local(tmp_path, 5005, 5055))
    assert content == {
        "action_endpoint": {"url": "http://127.0.0.1:5055/webhook"},
        "tracker_store": {
            "type": "bot.tracker_store.RedactingSQLTrackerStore",
            "dialect": "sqlite",
            "usage_counters": True,
            "db": str(tmp_path / "tracker.sqlite3"),
        },
        "lock_store": {"type": "in_memory"},
    }


def test_scale_out_uses_postgres_and_redis_and_keeps_passwords_out_of_the_file(tmp_path: Path) -> None:
    config = local(
        tmp_path,
        5005,
        5055,
        tracker_db=Database("postgresql", "lotse", "127.0.0.1", 5432, "lotse", "geheim"),
        redis_url="redis://:auch-geheim@127.0.0.1:6379/1",
        action_url="http://127.0.0.1:8080/actions/webhook",
    )
    path = endpoints_file(config)
    text = path.read_text(encoding="utf-8")
    assert "geheim" not in text
    assert path.stat().st_mode & 0o077 == 0
    content = yaml.safe_load(text)
    assert content["tracker_store"] == {
        "type": "bot.tracker_store.RedactingSQLTrackerStore",
        "dialect": "postgresql",
        "usage_counters": True,
        "db": "lotse",
        "url": "127.0.0.1",
        "port": 5432,
        "username": "lotse",
        "password": "${LOTSE_TRACKER_PASSWORD}",
    }
    assert content["lock_store"] == {
        "type": "bot.lock_store.FallbackRedisLockStore",
        "url": "127.0.0.1",
        "port": 6379,
        "db": 1,
        "key_prefix": "lotse",
        "use_ssl": False,
        "password": "${LOTSE_REDIS_PASSWORD}",
    }
    assert content["action_endpoint"] == {"url": "http://127.0.0.1:8080/actions/webhook"}
