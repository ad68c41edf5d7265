"""Engine configuration: SQLite file by default, PostgreSQL from the settings; built on first use."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.pool import QueuePool, StaticPool

from lotse.settings import PROJECT_ROOT, settings
from offers_db.migrate import migrate

__all__ = ["PROJECT_ROOT", "UsesDatabase", "database_url", "get_engine", "make_engine"]


def database_url() -> URL:
    """The offers database from the settings (default: var/lotse.sqlite3)."""
    return settings().offers_db.url


def _tune_sqlite(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA journal_mode=WAL")  # readers keep seeing the old set during a sync
    cursor.close()


def make_engine(url: str | URL, *, upgrade: bool = True) -> Engine:
    """A new engine for `url` with our tables created or migrated to the head revision (offers_db.migrate).

    upgrade=False leaves the database as it is (`lotse db status` / `lotse db upgrade` look first).
    hide_parameters: an SQL error never shows the values (a parent's phone number) in a log.
    """
    url = make_url(url)
    if url.get_backend_name() == "sqlite":
        path = url.database or ""
        in_memory = path in ("", ":memory:")
        if not in_memory:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url,
            future=True,
            hide_parameters=True,
            connect_args={"check_same_thread": False},
            # one shared connection, or every session would see its own empty in-memory database; a file database
            # keeps its connections in a pool (SQLAlchemy 1.4 would open and close one for every session)
            poolclass=StaticPool if in_memory else QueuePool,
        )
        event.listen(engine, "connect", _tune_sqlite)
    else:
        engine = create_engine(url, future=True, pool_pre_ping=True, hide_parameters=True)
    if upgrade:
        try:
            migrate(engine)
        except BaseException:
            engine.dispose()
            raise
    return engine


@cache
def get_engine(url: str | URL | None = None) -> Engine:
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
