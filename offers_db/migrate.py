"""Schema migrations (Alembic, offers_db/migrations/) for our tables; make_engine() runs `migrate` on start.

Three cases, all in one transaction (everything or nothing):

* none of our tables: create them from the models and stamp the head revision (Alembic's recipe for a
  fresh database; cheap, tests build hundreds of in-memory databases);
* our tables but no alembic_version (made by metadata.create_all before Alembic): stamp the revision
  that schema is, then upgrade;
* otherwise upgrade to head (nothing to do when current).

On PostgreSQL the transaction first takes an advisory lock, so of several servers starting together
exactly one migrates and the others then find the database current. Rasa's `events` table and any other
table in a shared database are never considered (include_name / include_object).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine

from offers_db.models import metadata

__all__ = [
    "BASELINE",
    "MigrationError",
    "alembic_config",
    "current_revision",
    "head_revision",
    "include_name",
    "include_object",
    "migrate",
]

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
OUR_TABLES = frozenset(metadata.tables)
VERSION_TABLE = "alembic_version"
BASELINE = "0001_baseline"  # what create_all made until 799f248~1
NOTICES = "0002_contact_notices"  # what create_all made at 799f248, the last commit before Alembic
STATUS = "0003_offer_status_and_source"  # offers.status instead of offers.active (issue 12)
USAGE = "0004_usage_counts"  # anonymous usage counters for the needs report (issue 13)
LATER_TABLES = frozenset({"usage_counts"})  # made by 0004: a database without Alembic has them only from create_all
LOCK_KEY = 0x6C6F_7473_656D_6967  # b"lotsemig": one advisory lock for every process migrating this database


class MigrationError(RuntimeError):
    """A migration that could not run; the database is unchanged. German, for operators."""


def include_name(name: str | None, type_: str, _parent_names: Any) -> bool:
    """Reflect only our tables (never Rasa's `events` or anything else in the database)."""
    return type_ != "table" or name in OUR_TABLES


def include_object(obj: Any, name: str | None, type_: str, _reflected: bool, _compare_to: Any) -> bool:
    """Compare only our tables and what belongs to them (columns, indexes, constraints)."""
    if type_ == "table":
        return name in OUR_TABLES
    table = getattr(obj, "table", None)
    return table is None or table.name in OUR_TABLES


def alembic_config(connection: Connection | None = None) -> Config:
    """The environment in offers_db/migrations, no alembic.ini; `connection` is the one env.py uses."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@cache
def script_directory() -> ScriptDirectory:
    """The revisions, read once per process."""
    script = ScriptDirectory.from_config(alembic_config())
    script.get_heads()  # parse the revision files now, not in the first (possibly concurrent) caller
    return script


def head_revision() -> str:
    head = script_directory().get_current_head()
    assert head is not None, "offers_db/migrations/versions has no revision"
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision stored in the database; None before the first migration (empty or pre-Alembic)."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def migrate(engine: Engine) -> str:
    """Bring our tables to the head revision and return it; on an error nothing is changed (MigrationError)."""
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # held until commit or rollback; a second server waits here and then finds the work done
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})
        elif connection.dialect.name == "sqlite":
            # pysqlite would run the DDL outside any transaction; BEGIN makes SQLite's DDL roll back too
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        return _migrate(connection)


def _migrate(connection: Connection) -> str:
    inspector = inspect(connection)
    tables = set(inspector.get_table_names())
    head = head_revision()
    context = MigrationContext.configure(connection)
    stored = context.get_current_revision() if VERSION_TABLE in tables else None  # what a rollback keeps
    if VERSION_TABLE not in tables:
        ours = tables & OUR_TABLES
        if not ours:
            metadata.create_all(connection)
            context.stamp(script_directory(), head)
            return head
        _stamp(context, _pre_alembic_revision(connection, ours))
    current = context.get_current_revision()
    if current != head:
        _upgrade(connection, current, stored)
    return head


def _pre_alembic_revision(connection: Connection, ours: set[str]) -> str:
    """The revision a database made by metadata.create_all (no alembic_version) is at."""
    missing = sorted(OUR_TABLES - LATER_TABLES - ours)
    if missing:
        raise MigrationError(
            f"Die Datenbank enthält nur einen Teil der Tabellen des Familien-Lotsen (es fehlt: {', '.join(missing)}) "
            f"und keinen Migrationsstand – nichts geändert. Bitte sichern und von Hand prüfen."
        )
    columns = {c["name"] for c in inspect(connection).get_columns("contact_requests")}
    if ours >= LATER_TABLES:
        return USAGE  # made by create_all of today's models (only ever by hand, e.g. in tests)
    if "status" in {c["name"] for c in inspect(connection).get_columns("offers")}:
        return STATUS  # made by create_all of models with offers.status (only ever by hand, e.g. in tests)
    # create_all at 799f248 already made the notice columns (developers' databases): that schema is 0002
    return NOTICES if {"notice_sent_at", "notice_attempts"} <= columns else BASELINE


def _stamp(context: MigrationContext, revision: str) -> None:
    try:
        context.stamp(script_directory(), revision)
    except Exception as error:
        raise MigrationError(
            f"Stand {revision} konnte nicht gesetzt werden – nichts geändert: {_first_line(error)}"
        ) from error


def _upgrade(connection: Connection, current: str | None, stored: str | None) -> None:
    """Run the pending revisions one by one in the caller's transaction, so an error names its revision."""
    pending: Sequence[str] = [
        script.revision for script in reversed(list(script_directory().iterate_revisions("head", current or "base")))
    ]
    for revision in pending:
        try:
            command.upgrade(alembic_config(connection), revision)
        except Exception as error:
            raise MigrationError(
                f"Datenbank-Migration {revision} ist fehlgeschlagen; alle Änderungen wurden zurückgenommen, "
                f"die Datenbank bleibt auf Stand {stored or 'ohne Migrationsstand'}. Ursache: {_first_line(error)}"
            ) from error


def _first_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]
