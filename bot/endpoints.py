"""Rasa's endpoints file, written from the settings: tracker store, lock store, action server.

Embedded default: SQLite tracker store and Rasa's in-memory lock store (one Rasa process).
Scale-out: PostgreSQL tracker store and a Redis lock store (bot/lock_store.py: Rasa's RedisLockStore
that degrades to a per-process lock while Redis is down), so several Rasa servers can serve the same
conversation one message after the other. Passwords stay in the environment (${…} in the file).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from lotse.settings import Settings

TRACKER_STORE = "bot.tracker_store.RedactingSQLTrackerStore"
LOCK_STORE = "bot.lock_store.FallbackRedisLockStore"
LOCK_KEY_PREFIX = "lotse"


def write_private(path: Path, content: dict[str, Any]) -> Path:
    """Write YAML readable only by the service user."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch(mode=0o600)
    path.write_text(yaml.safe_dump(content, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def redis_lock_store(redis_url: str) -> dict[str, Any]:
    """The Redis lock store's settings from a redis://[:password@]host[:port][/db] URL."""
    parts = urlsplit(redis_url)
    config: dict[str, Any] = {
        "type": LOCK_STORE,
        "url": parts.hostname or "127.0.0.1",
        "port": parts.port or 6379,
        "db": int(parts.path.strip("/") or 0),
        "key_prefix": LOCK_KEY_PREFIX,
        "use_ssl": parts.scheme == "rediss",
    }
    if parts.password:
        config["password"] = "${LOTSE_REDIS_PASSWORD}"  # noqa: S105 - a placeholder Rasa fills from the environment
    return config


def endpoints(config: Settings) -> dict[str, Any]:
    """The content of the endpoints file for `config`."""
    db = config.tracker_db
    tracker: dict[str, Any] = {
        "type": TRACKER_STORE,
        "dialect": "postgresql" if "postgres" in db.dialect else db.dialect,
        "usage_counters": True,  # anonymous counters for the needs report (bot/tracker_store.py)
    }
    tracker["db"] = db.database
    if db.host:
        tracker["url"] = db.host
    if db.port:
        tracker["port"] = db.port
    if db.username:
        tracker["username"] = db.username
    if db.password:
        tracker["password"] = "${LOTSE_TRACKER_PASSWORD}"  # noqa: S105 - a placeholder Rasa fills from the environment
    return {
        "action_endpoint": {"url": config.action_url},
        "tracker_store": tracker,
        "lock_store": redis_lock_store(config.redis_url) if config.redis_url else {"type": "in_memory"},
    }


def endpoints_file(config: Settings) -> Path:
    """var/endpoints.runtime.yml for `config`; Rasa reads it at start."""
    return write_private(config.var_dir / "endpoints.runtime.yml", endpoints(config))
