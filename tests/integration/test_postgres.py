"""The PostgreSQL path against the local server: same sync, search and counters as SQLite."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text

from offers_db.db import make_engine
from offers_db.repository import OfferRepository, SearchQuery
from tests.factories import make_offer

ADMIN_URL = os.environ.get("LOTSE_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/postgres")

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_repository() -> Iterator[OfferRepository]:
    name = f"lotse_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(ADMIN_URL, future=True, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine = make_engine(ADMIN_URL.rsplit("/", 1)[0] + f"/{name}")
    try:
        yield OfferRepository(engine)
    finally:
        engine.dispose()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE "{name}"'))
        admin.dispose()


def test_sync_search_and_counters_on_postgres(pg_repository: OfferRepository) -> None:
    report = pg_repository.sync([make_offer("kita", min_age=3, max_age=6), make_offer("krippe", max_age=3)])
    assert report.added == ["kita", "krippe"]
    assert pg_repository.sync([make_offer("kita", min_age=3, max_age=6), make_offer("krippe", max_age=3)]).unchanged
    found = pg_repository.search(SearchQuery(need="kinderbetreuung", child_age=4))
    assert [o.id for o in found] == ["kita"]
    pg_repository.record_need("kinderbetreuung", 4, "rest", matched=True)
    pg_repository.record_need("kinderbetreuung", 4, "rest", matched=True)
    assert [r["count"] for r in pg_repository.need_report()] == [2]
