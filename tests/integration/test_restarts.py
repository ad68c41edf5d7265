"""After a PostgreSQL restart the next message, search and call-back request work without an error.

Every test runs against a private PostgreSQL cluster (initdb in a temporary directory, a free port)
that the tests restart; the shared server on 5432 is never touched. A restart kills every pooled
connection: only engines with pool_pre_ping notice that before using one.
"""

from __future__ import annotations

import asyncio
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, Engine
from sqlalchemy.exc import OperationalError

from bot.tracker_store import RedactingSQLTrackerStore
from offers_db.contacts import ContactRepository
from offers_db.db import make_engine
from offers_db.repository import OfferRepository, SearchQuery
from tests.factories import make_offer


def _binaries() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    path = found[-1] if found else shutil.which("initdb")
    return Path(path).parent if path else None


def _run_as() -> list[str] | None:
    """The prefix to run PostgreSQL's programs with: they refuse to run as root."""
    if os.geteuid() != 0:
        return []
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        return None
    runuser = shutil.which("runuser")
    return [runuser, "-u", "postgres", "--"] if runuser else None


BIN = _binaries()
RUN_AS = _run_as()
SKIP_REASON = (
    "PostgreSQL's server programs (initdb, pg_ctl) are not installed"
    if BIN is None
    else "running as root without a 'postgres' user and runuser to start a private PostgreSQL"
)

DOMAIN = Domain.from_yaml('version: "3.1"\nintents:\n  - greet\n  - need_help\n')


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PrivatePostgres:
    """A throw-away PostgreSQL cluster on a free port; restart() stops and starts it."""

    def __init__(self) -> None:
        self.directory = Path(tempfile.mkdtemp(prefix="lotse-pg-"))
        self.data = self.directory / "data"
        self.port = free_port()
        if os.geteuid() == 0:
            user = pwd.getpwnam("postgres")
            os.chown(self.directory, user.pw_uid, user.pw_gid)

    def _run(self, program: str, *args: str) -> None:
        command = [*(RUN_AS or []), str((BIN or Path()) / program), *args]
        subprocess.run(command, check=True, capture_output=True, timeout=60)

    def init(self) -> None:
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync")

    def start(self) -> None:
        options = f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.directory / "log"), "-o", options, "-w", "start")

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def restart(self) -> None:
        self.stop()
        self.start()

    def url(self, database: str = "postgres") -> URL:
        return URL.create(
            "postgresql+psycopg2", username="postgres", host="127.0.0.1", port=self.port, database=database
        )

    def create_database(self, name: str) -> URL:
        admin = create_engine(self.url(), future=True, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
        return self.url(name)

    def remove(self) -> None:
        try:
            self.stop("immediate")
        finally:
            shutil.rmtree(self.directory, ignore_errors=True)


@pytest.fixture(scope="module")
def postgres() -> Iterator[PrivatePostgres]:
    if BIN is None or RUN_AS is None:
        pytest.skip(SKIP_REASON)
    server = PrivatePostgres()
    try:
        server.init()
        server.start()
        yield server
    finally:
        server.remove()


def tracker_with(sender: str, *texts: str) -> DialogueStateTracker:
    events = [ActionExecuted("action_listen")]
    for number, message in enumerate(texts):
        events += [UserUttered(message, {"name": "need_help"}), ActionExecuted("action_listen", timestamp=number)]
    return DialogueStateTracker.from_events(sender, events, slots=DOMAIN.slots)


def user_texts(store: SQLTrackerStore, sender: str) -> list[str]:
    tracker = asyncio.run(store.retrieve(sender))
    assert tracker is not None
    return [e.text for e in tracker.events if isinstance(e, UserUttered)]


def rasa_settings(postgres: PrivatePostgres, database: str) -> dict[str, object]:
    return {"dialect": "postgresql", "host": "127.0.0.1", "port": postgres.port, "db": database, "username": "postgres"}


def test_tracker_store_answers_after_a_restart(postgres: PrivatePostgres) -> None:
    postgres.create_database("tracker_ok")
    store = RedactingSQLTrackerStore(domain=DOMAIN, **rasa_settings(postgres, "tracker_ok"))
    assert store.engine.pool._pre_ping is True
    assert store.engine.hide_parameters is True
    asyncio.run(store.save(tracker_with("familie-1", "Hallo")))
    assert user_texts(store, "familie-1") == ["Hallo"]
    asyncio.run(store.save(tracker_with("familie-2", "Guten Tag")))  # a second pooled connection

    postgres.restart()

    assert user_texts(store, "familie-1") == ["Hallo"]
    asyncio.run(store.save(tracker_with("familie-1", "Hallo", "Wir suchen einen Kitaplatz")))
    assert user_texts(store, "familie-1") == ["Hallo", "Wir suchen einen Kitaplatz"]
    assert user_texts(store, "familie-2") == ["Guten Tag"]
    store.engine.dispose()


def test_rasas_own_store_fails_there_so_the_test_above_means_something(postgres: PrivatePostgres) -> None:
    postgres.create_database("tracker_plain")
    store = SQLTrackerStore(domain=DOMAIN, **rasa_settings(postgres, "tracker_plain"))
    asyncio.run(store.save(tracker_with("familie-1", "Hallo")))
    postgres.restart()
    with pytest.raises(OperationalError):
        user_texts(store, "familie-1")
    assert user_texts(store, "familie-1") == ["Hallo"]  # only the first use of a dead connection fails
    store.engine.dispose()


def pooled(engine: Engine) -> int:
    return int(engine.pool.checkedin())


def test_offer_repository_searches_and_syncs_after_a_restart(postgres: PrivatePostgres) -> None:
    engine = make_engine(postgres.create_database("offers"))
    assert engine.pool._pre_ping is True
    assert engine.hide_parameters is True
    repository = OfferRepository(engine)
    repository.sync([make_offer("kita", min_age=3, max_age=6), make_offer("krippe", max_age=3)])
    assert [o.id for o in repository.search(SearchQuery(need="kinderbetreuung", child_age=4))] == ["kita"]
    assert pooled(engine) >= 1

    postgres.restart()

    assert [o.id for o in repository.search(SearchQuery(need="kinderbetreuung", child_age=4))] == ["kita"]
    report = repository.sync([make_offer("kita", min_age=3, max_age=6, title="Kita Sonnenschein")])
    assert (report.changed, report.removed) == (["kita"], ["krippe"])
    repository.record_need("kinderbetreuung", 4, "rest", matched=True)
    engine.dispose()


def test_contact_requests_are_stored_after_a_restart(postgres: PrivatePostgres) -> None:
    engine = make_engine(postgres.create_database("contacts"))
    contacts = ContactRepository(engine)
    first = contacts.create(conversation_id="familie-1", channel="rest", contact="0176 1234567", topic="kita")
    assert pooled(engine) >= 1

    postgres.restart()

    second = contacts.create(conversation_id="familie-2", channel="rest", contact="eltern@example.org", topic="kita")
    assert [r.id for r in contacts.list()] == [first, second]
    engine.dispose()


def test_an_engine_without_pre_ping_would_fail_after_the_restart(postgres: PrivatePostgres) -> None:
    """The same restart breaks a plain engine: pool_pre_ping is what the tests above prove."""
    engine = create_engine(postgres.create_database("plain"), future=True)
    with engine.connect() as connection:
        connection.execute(text("SELECT 1"))
    postgres.restart()
    with pytest.raises(OperationalError), engine.connect() as connection:
        connection.execute(text("SELECT 1"))
    engine.dispose()


def test_tracker_store_on_sqlite_gets_the_same_engine_options(tmp_path: Path) -> None:
    store = RedactingSQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=str(tmp_path / "tracker.sqlite3"))
    assert store.engine.pool._pre_ping is True
    assert store.engine.hide_parameters is True
    asyncio.run(store.save(tracker_with("familie-1", "Hallo")))
    assert user_texts(store, "familie-1") == ["Hallo"]


def test_sqlite_files_keep_their_connection_open_between_messages(tmp_path: Path) -> None:
    """SQLAlchemy 1.4 would open (and tune) a new connection to a SQLite file for every session; both stores pool."""
    store = RedactingSQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=str(tmp_path / "tracker.sqlite3"))
    offers = make_engine(f"sqlite:///{tmp_path / 'lotse.sqlite3'}")
    texts = [f"Nachricht {n}" for n in range(5)]

    def save(n: int) -> None:
        asyncio.run(store.save(tracker_with("familie-1", *texts[: n + 1])))

    def search(_n: int) -> None:
        OfferRepository(offers).search(SearchQuery(need="wohnen"))

    for engine, use in ((store.engine, save), (offers, search)):
        opened: list[object] = []
        sqlalchemy.event.listen(engine, "connect", lambda connection, _record, opened=opened: opened.append(connection))
        for n in range(5):
            use(n)
        assert len(opened) <= 1, engine.url
        with engine.connect() as connection:  # still in write-ahead mode
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    assert user_texts(store, "familie-1") == texts
    offers.dispose()


def test_tracker_store_in_memory_keeps_its_tables() -> None:
    store = RedactingSQLTrackerStore(domain=DOMAIN, dialect="sqlite", db="")
    asyncio.run(store.save(tracker_with("familie-1", "Hallo")))
    assert user_texts(store, "familie-1") == ["Hallo"]
