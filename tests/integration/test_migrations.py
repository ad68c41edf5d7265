"""Schema migrations: existing databases keep every row, fresh ones start at head, models and revisions agree."""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import MetaData, create_engine, event, insert, inspect, select, text
from sqlalchemy.engine import Connection, Engine

from offers_db import models
from offers_db.contacts import ContactRepository
from offers_db.db import make_engine
from offers_db.migrate import (
    BASELINE,
    MigrationError,
    alembic_config,
    current_revision,
    head_revision,
    include_name,
    include_object,
    migrate,
)

DATA = Path(__file__).parents[1] / "data"
ADMIN_URL = os.environ.get("LOTSE_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/postgres")
HEAD = "0004_usage_counts"

OFFERS = [
    {
        "id": "kita-sonnenschein",
        "title": "Kita Sonnenschein",
        "organization": "Ev. Kindertagesstätten Alfeld",
        "audience": "public",
        "min_age": 1.0,
        "max_age": 6.5,
        "district": "Alfeld",
        "languages": "de,tr",
        "active": True,
        "valid_from": date(2025, 8, 1),
        "valid_until": None,
        "search_text": "kita sonnenschein krippe kindergarten alfeld",
        "content_hash": "3f" * 32,
        "data": '{"id": "kita-sonnenschein", "cost": "nach Satzung", "phone": "05181 123456"}',
    },
    {
        "id": "fachberatung-kinderschutz",
        "title": "Insoweit erfahrene Fachkraft",
        "organization": "Landkreis Hildesheim – Jugendamt",
        "audience": "staff",
        "min_age": None,
        "max_age": None,
        "district": None,
        "languages": "de",
        "active": False,
        "valid_from": None,
        "valid_until": date(2026, 12, 31),
        "search_text": "kinderschutz fachberatung 8a",
        "content_hash": "a0" * 32,
        "data": '{"id": "fachberatung-kinderschutz", "hint": "nur für Fachkräfte"}',
    },
]
OFFER_CATEGORIES = [
    {"offer_id": "fachberatung-kinderschutz", "category": "schutz_krise"},
    {"offer_id": "kita-sonnenschein", "category": "fruehe_hilfen"},
    {"offer_id": "kita-sonnenschein", "category": "kinderbetreuung"},
]
NEED_COUNTS = [
    dict(zip(("day", "need", "age_group", "channel", "outcome", "count"), values, strict=True))
    for values in (
        (date(2026, 3, 2), "kinderbetreuung", "3-5", "webchat", "matched", 7),
        (date(2026, 3, 2), "wohnen", "none", "telegram", "unmet", 2),
        (date(2026, 3, 3), "kinderbetreuung", "0-2", "rest", "matched", 1),
    )
]
CONTACT_REQUESTS = [
    {
        "conversation_id": "c0ffee01",
        "channel": "webchat",
        "status": "new",
        "contact": "0151 2345678",
        "name": "Ayşe Demir",
        "best_time": "vormittags",
        "topic": "kinderbetreuung",
        "age_group": "0-2",
        "note": "Krippenplatz ab August",
        "claimed_by": None,
        "created_at": datetime(2026, 3, 2, 9, 15, 30, 123456),
        "claimed_at": None,
        "done_at": None,
    },
    {
        "conversation_id": "c0ffee02",
        "channel": "telegram",
        "status": "claimed",
        "contact": "familie.schulz@example.org",
        "name": None,
        "best_time": None,
        "topic": "wohnen",
        "age_group": None,
        "note": None,
        "claimed_by": "SK",
        "created_at": datetime(2026, 3, 1, 18, 2, 0),
        "claimed_at": datetime(2026, 3, 2, 8, 0, 0),
        "done_at": None,
    },
    {
        "conversation_id": "c0ffee03",
        "channel": "rest",
        "status": "done",
        "contact": "05181 98765",
        "name": "Herr Özdemir",
        "best_time": "ab 16 Uhr",
        "topic": "finanzielle_hilfe",
        "age_group": "6-9",
        "note": "Kinderzuschlag",
        "claimed_by": "Frau Meyer",
        "created_at": datetime(2026, 2, 20, 10, 0, 0),
        "claimed_at": datetime(2026, 2, 20, 11, 30, 0),
        "done_at": datetime(2026, 2, 21, 14, 45, 0),
    },
]
ROWS = {
    "offers": OFFERS,
    "offer_categories": OFFER_CATEGORIES,
    "need_counts": NEED_COUNTS,
    "contact_requests": CONTACT_REQUESTS,
}


def statements(schema_file: str) -> list[str]:
    lines = [
        line for line in (DATA / schema_file).read_text(encoding="utf-8").splitlines() if not line.startswith("--")
    ]
    return [statement.strip() for statement in "\n".join(lines).split(";") if statement.strip()]


def create_legacy(url: str, schema_file: str) -> None:
    """A database as the code before Alembic left it: its tables (frozen SQL) and realistic rows."""
    engine = create_engine(url, future=True)
    with engine.begin() as connection:
        for statement in statements(schema_file):
            connection.exec_driver_sql(statement)
        legacy = MetaData()
        legacy.reflect(connection)
        for table, rows in ROWS.items():
            connection.execute(insert(legacy.tables[table]), rows)  # contact_requests: ids from the database
    engine.dispose()


# what 0003 makes of the offers: `active` becomes `status` (false: ended), the new columns stay empty until a sync
NEW_OFFER_COLUMNS = ("alert", "last_reviewed", "reviewed_by", "source_url", "source_title", "source_read")
UPGRADED_OFFERS = [
    {
        **{k: v for k, v in row.items() if k != "active"},
        "status": "active" if row["active"] else "ended",
        **dict.fromkeys(NEW_OFFER_COLUMNS),
    }
    for row in OFFERS
]


def rows(engine: Engine, table: str) -> list[dict[str, Any]]:
    model = models.metadata.tables[table]
    with engine.connect() as connection:
        return [dict(row._mapping) for row in connection.execute(select(model).order_by(*model.primary_key))]


def assert_upgraded_with_every_row(engine: Engine) -> None:
    assert current_revision(engine) == head_revision() == HEAD
    columns = {c["name"]: c for c in inspect(engine).get_columns("contact_requests")}
    assert columns["notice_sent_at"]["nullable"] and not columns["notice_attempts"]["nullable"]
    assert rows(engine, "offers") == sorted(UPGRADED_OFFERS, key=lambda row: row["id"])
    assert rows(engine, "offer_categories") == OFFER_CATEGORIES
    key = ("day", "need", "age_group", "channel", "outcome")
    assert rows(engine, "need_counts") == sorted(NEED_COUNTS, key=lambda row: tuple(row[k] for k in key))
    requests = rows(engine, "contact_requests")
    assert [r["id"] for r in requests] == [1, 2, 3]
    for stored, before in zip(requests, CONTACT_REQUESTS, strict=True):
        assert {k: v for k, v in stored.items() if k in before} == before
        # already notified by the old code (or Telegram was off): not sent again
        assert (stored["notice_sent_at"], stored["notice_attempts"]) == (before["created_at"], 0)
    # a request made after the upgrade waits for its notice, and gets the next id
    contacts = ContactRepository(engine)
    new_id = contacts.create(conversation_id="c0ffee04", channel="webchat", contact="0170 1111111")
    assert new_id == 4
    assert [r.id for r in contacts.notices_due()] == [4]
    created = contacts.get(new_id)
    assert created is not None and (created.notice_sent_at, created.notice_attempts) == (None, 0)


def schema_differences(connection: Connection) -> list[Any]:
    context = MigrationContext.configure(
        connection,
        opts={
            "include_name": include_name,
            "include_object": include_object,
            "compare_type": True,
            "compare_server_default": True,
        },
    )
    return list(compare_metadata(context, models.metadata))


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'lotse.sqlite3'}"


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A throw-away PostgreSQL database (as tests/integration/test_postgres.py makes them)."""
    name = f"lotse_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(ADMIN_URL, future=True, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()


# (a) a copy made by the current code


def test_database_made_before_alembic_keeps_every_row(sqlite_url: str) -> None:
    create_legacy(sqlite_url, "legacy_schema.sql")
    engine = make_engine(sqlite_url)
    try:
        assert_upgraded_with_every_row(engine)
        with engine.connect() as connection:
            assert schema_differences(connection) == []
    finally:
        engine.dispose()


# (b) the same on PostgreSQL, next to Rasa's tracker store


RASA_EVENTS = """
CREATE TABLE events (
    id SERIAL PRIMARY KEY,
    sender_id VARCHAR(255) NOT NULL,
    type_name VARCHAR(255) NOT NULL,
    timestamp FLOAT,
    intent_name VARCHAR(255),
    action_name VARCHAR(255),
    data TEXT
);
CREATE INDEX ix_events_sender_id ON events (sender_id);
INSERT INTO events (sender_id, type_name, timestamp, intent_name, data)
VALUES ('c0ffee01', 'user', 1772442930.5, 'ask_offer', '{"text": "Kitaplatz gesucht"}')
"""


def events_snapshot(url: str) -> tuple[Any, ...]:
    engine = create_engine(url, future=True)
    try:
        inspector = inspect(engine)
        with engine.connect() as connection:
            stored = connection.execute(text("SELECT * FROM events ORDER BY id")).all()
        return (
            [(c["name"], str(c["type"]), c["nullable"]) for c in inspector.get_columns("events")],
            inspector.get_indexes("events"),
            inspector.get_pk_constraint("events"),
            stored,
        )
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_postgres_database_made_before_alembic_keeps_every_row_and_rasas_events(pg_url: str) -> None:
    create_legacy(pg_url, "legacy_schema_postgresql.sql")
    setup = create_engine(pg_url, future=True)
    with setup.begin() as connection:
        for statement in RASA_EVENTS.split(";"):
            connection.exec_driver_sql(statement)
    setup.dispose()
    events_before = events_snapshot(pg_url)

    engine = make_engine(pg_url)
    try:
        assert_upgraded_with_every_row(engine)
        with engine.connect() as connection:
            assert schema_differences(connection) == []  # and `events` is not reported as "not in the models"
        assert migrate(engine) == HEAD
    finally:
        engine.dispose()
    assert events_snapshot(pg_url) == events_before
    assert len(events_before[3]) == 1


# (c) a fresh database starts at head; migrating again does nothing


def test_fresh_database_is_created_at_head_and_a_second_migrate_is_a_no_op(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    try:
        assert current_revision(engine) == HEAD
        assert set(inspect(engine).get_table_names()) == {*models.metadata.tables, "alembic_version"}
        ContactRepository(engine).create(conversation_id="c1", channel="rest", contact="0151 1")

        executed: list[str] = []
        event.listen(engine, "before_cursor_execute", lambda *args: executed.append(args[2]))
        assert migrate(engine) == HEAD
        changes = [s for s in executed if s.split()[0].upper() in ("CREATE", "ALTER", "DROP", "INSERT", "UPDATE")]
        assert changes == []
        with engine.connect() as connection:
            assert connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all() == [HEAD]
        assert ContactRepository(engine).get(1) is not None
    finally:
        engine.dispose()


def test_in_memory_databases_start_at_head() -> None:
    engine = make_engine("sqlite://")
    assert current_revision(engine) == HEAD
    assert migrate(engine) == HEAD


def test_database_made_by_create_all_with_the_notice_columns_is_taken_as_it_is(sqlite_url: str) -> None:
    """Developers' databases from 799f248 (the last create_all) already have the notice columns."""
    plain = create_engine(sqlite_url, future=True)
    models.metadata.create_all(plain)
    with plain.begin() as connection:
        connection.execute(insert(models.contact_requests), CONTACT_REQUESTS[:1])
    plain.dispose()
    engine = make_engine(sqlite_url)
    try:
        assert current_revision(engine) == HEAD
        stored = ContactRepository(engine).get(1)
        assert stored is not None and stored.notice_sent_at is None  # left as that code stored it
    finally:
        engine.dispose()


# a failing migration changes nothing and says which one failed


def test_failing_migration_rolls_back_everything_and_names_the_revision(sqlite_url: str) -> None:
    create_legacy(sqlite_url, "legacy_schema.sql")
    plain = create_engine(sqlite_url, future=True)
    with plain.begin() as connection:  # half of 0002 done by hand: adding notice_attempts again fails
        connection.exec_driver_sql("ALTER TABLE contact_requests ADD COLUMN notice_attempts INTEGER NOT NULL DEFAULT 0")
    columns_before = [c["name"] for c in inspect(plain).get_columns("contact_requests")]

    with pytest.raises(MigrationError) as failure:
        make_engine(sqlite_url)
    message = str(failure.value)
    assert message.startswith("Datenbank-Migration 0002_contact_notices ist fehlgeschlagen")
    assert "zurückgenommen" in message and "ohne Migrationsstand" in message

    inspector = inspect(plain)
    assert "alembic_version" not in inspector.get_table_names()  # not even the baseline stamp stayed
    assert [c["name"] for c in inspector.get_columns("contact_requests")] == columns_before  # no notice_sent_at
    with plain.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM contact_requests")).scalar() == 3
        assert connection.execute(text("SELECT count(*) FROM offers")).scalar() == 2
    plain.dispose()


def test_upgrade_from_0003_keeps_every_row_and_adds_empty_usage_counters(sqlite_url: str) -> None:
    """Issue 13: 0004 only adds usage_counts; the counters, offers and requests of a 0003 database stay."""
    create_legacy(sqlite_url, "legacy_schema.sql")
    plain = create_engine(sqlite_url, future=True)
    with plain.begin() as connection:
        command.stamp(alembic_config(connection), BASELINE)
        command.upgrade(alembic_config(connection), "0003_offer_status_and_source")
        assert "usage_counts" not in inspect(connection).get_table_names()
        before = {table: rows_of(connection, table) for table in ROWS}
    plain.dispose()
    engine = make_engine(sqlite_url)
    try:
        assert current_revision(engine) == HEAD == "0004_usage_counts"
        with engine.connect() as connection:
            assert {table: rows_of(connection, table) for table in ROWS} == before
            assert rows_of(connection, "need_counts") != []
            assert rows_of(connection, "usage_counts") == []
        from offers_db.repository import OfferRepository

        OfferRepository(engine).record_usage("conversation", "webchat", datetime(2026, 3, 2, 19, 41))
        with engine.connect() as connection:
            assert ("2026-03-02", 19, "webchat", "conversation", 1) in rows_of(connection, "usage_counts")
    finally:
        engine.dispose()


def rows_of(connection: Connection, table: str) -> list[tuple[Any, ...]]:
    return sorted(tuple(row) for row in connection.exec_driver_sql(f"SELECT * FROM {table}"))


def test_only_some_of_our_tables_without_a_stand_is_refused(sqlite_url: str) -> None:
    plain = create_engine(sqlite_url, future=True)
    models.metadata.create_all(plain, tables=[models.offers, models.offer_categories])
    plain.dispose()
    with pytest.raises(MigrationError, match=r"es fehlt: contact_requests, need_counts"):
        make_engine(sqlite_url)


# (d) the models and the revisions agree


def upgrade_from_empty(url: str) -> Engine:
    engine = create_engine(url, future=True)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
    return engine


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_revisions_from_an_empty_database_build_exactly_the_models(
    backend: str, request: pytest.FixtureRequest
) -> None:
    url = request.getfixturevalue("sqlite_url" if backend == "sqlite" else "pg_url")
    engine = upgrade_from_empty(url)
    try:
        with engine.connect() as connection:
            assert schema_differences(connection) == []
            assert MigrationContext.configure(connection).get_current_revision() == HEAD
    finally:
        engine.dispose()


def test_baseline_is_the_schema_create_all_made_before_alembic(tmp_path: Path) -> None:
    def schema(engine: Engine) -> set[str]:
        with engine.connect() as connection:
            found = connection.execute(text("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL")).scalars()
            return {" ".join(sql.split()) for sql in found if "alembic_version" not in sql}

    baseline = create_engine(f"sqlite:///{tmp_path / 'baseline.sqlite3'}", future=True)
    with baseline.begin() as connection:
        command.upgrade(alembic_config(connection), BASELINE)
    legacy_url = f"sqlite:///{tmp_path / 'legacy.sqlite3'}"
    create_legacy(legacy_url, "legacy_schema.sql")
    legacy = create_engine(legacy_url, future=True)
    try:
        assert schema(baseline) == schema(legacy)
    finally:
        baseline.dispose()
        legacy.dispose()


def test_downgrade_to_baseline_and_back(sqlite_url: str) -> None:
    create_legacy(sqlite_url, "legacy_schema.sql")
    make_engine(sqlite_url).dispose()
    engine = create_engine(sqlite_url, future=True)
    try:
        with engine.begin() as connection:
            command.downgrade(alembic_config(connection), "0002_contact_notices")
            back = connection.execute(text("SELECT id, active FROM offers ORDER BY id")).all()
            assert "status" not in {c["name"] for c in inspect(connection).get_columns("offers")}
            command.downgrade(alembic_config(connection), BASELINE)
        assert back == [("fachberatung-kinderschutz", False), ("kita-sonnenschein", True)]
        assert "notice_sent_at" not in {c["name"] for c in inspect(engine).get_columns("contact_requests")}
        assert current_revision(engine) == BASELINE
        assert migrate(engine) == HEAD
        assert [r["status"] for r in rows(engine, "contact_requests")] == ["new", "claimed", "done"]
    finally:
        engine.dispose()


# (e) several servers starting together against one PostgreSQL database


@pytest.mark.postgres
def test_concurrent_migrations_on_a_fresh_postgres_database_leave_one_head(pg_url: str) -> None:
    engines = [make_engine(pg_url, upgrade=False) for _ in range(4)]
    start = threading.Barrier(len(engines))
    results: list[str] = []
    errors: list[BaseException] = []

    def run(engine: Engine) -> None:
        start.wait()
        try:
            results.append(migrate(engine))
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=run, args=(engine,)) for engine in engines]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    try:
        assert errors == []
        assert results == [HEAD] * len(engines)
        with engines[0].connect() as connection:
            assert connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all() == [HEAD]
            assert schema_differences(connection) == []
    finally:
        for engine in engines:
            engine.dispose()
