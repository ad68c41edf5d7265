"""Engine configuration: SQLite file by default, PostgreSQL via DATABASE_URL; built on first use."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.pool import StaticPool

from offers_db.models import metadata

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SQLITE_PATH = PROJECT_ROOT / "var" / "lotse.sqlite3"


def database_url() -> str:
    """DATABASE_URL, or the project's SQLite file."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if not url:
        return f"sqlite:///{DEFAULT_SQLITE_PATH}"
    if url.startswith("postgres://"):
        url = "postgresql://" + url.removeprefix("postgres://")
    return url


def _tune_sqlite(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA journal_mode=WAL")  # readers keep seeing the old set during a sync
    cursor.close()


def make_engine(url: str) -> Engine:
    """A new engine for `url` with the tables created."""
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1] if "///" in url else ""
        in_memory = path in ("", ":memory:")
        if not in_memory:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url,
            future=True,
            connect_args={"check_same_thread": False},
            # one shared connection, or every session would see its own empty in-memory database
            poolclass=StaticPool if in_memory else None,
        )
        event.listen(engine, "connect", _tune_sqlite)
    else:
        engine = create_engine(url, future=True, pool_pre_ping=True)
    metadata.create_all(engine)
    return engine


@cache
def get_engine(url: str | None = None) -> Engine:
    """The shared engine for `url` (default: database_url()), created on first use."""
    return make_engine(url or database_url())


class UsesDatabase:
    """Base of the repositories: the shared engine is built on first use unless one is given."""

    def __init__(self, engine: Engine | None = None) -> None:
        self._engine = engine

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = get_engine()
        return self._engine
