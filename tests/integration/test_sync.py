"""Sync is atomic, idempotent and reports its diff; readers never see a mix."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from offers_db import repository as repository_module
from offers_db.db import make_engine
from offers_db.models import offer_categories, offers
from offers_db.repository import OfferRepository, SearchQuery
from tests.factories import make_offer


@pytest.fixture
def repository(tmp_path: Path) -> OfferRepository:
    return OfferRepository(make_engine(f"sqlite:///{tmp_path / 'lotse.sqlite3'}"))


def generation(tag: str, count: int = 40):
    return [make_offer(f"angebot-{i}", title=f"{tag} {i}") for i in range(count)]


def test_second_sync_reports_no_changes(repository: OfferRepository) -> None:
    first = repository.sync(generation("A"))
    assert len(first.added) == 40 and not first.changed and not first.removed
    assert repository.sync(generation("A")).unchanged


def test_diff_names_added_changed_and_removed(repository: OfferRepository) -> None:
    repository.sync([make_offer("bleibt"), make_offer("aendert"), make_offer("geht")])
    report = repository.sync([make_offer("bleibt"), make_offer("aendert", title="Neuer Titel"), make_offer("kommt")])
    assert (report.added, report.changed, report.removed) == (["kommt"], ["aendert"], ["geht"])
    assert repository.get("aendert").title == "Neuer Titel"
    assert repository.get("geht") is None


def test_error_half_way_leaves_old_offers_intact(repository: OfferRepository, monkeypatch: pytest.MonkeyPatch) -> None:
    repository.sync(generation("A"))
    real_insert = repository_module.insert

    def insert_failing_on_categories(table):
        if table is offer_categories:  # offers are already deleted and re-inserted by then
            raise OperationalError("INSERT", {}, Exception("disk I/O error"))
        return real_insert(table)

    monkeypatch.setattr(repository_module, "insert", insert_failing_on_categories)
    with pytest.raises(OperationalError):
        repository.sync(generation("B"))
    titles = {o.title for o in repository.all()}
    assert len(titles) == 40 and all(t.startswith("A ") for t in titles)
    assert len(repository.search(SearchQuery(need="kinderbetreuung"), limit=100)) == 40


def test_duplicate_ids_are_refused_before_touching_the_database(repository: OfferRepository) -> None:
    repository.sync(generation("A"))
    with pytest.raises(ValueError, match="angebot-0"):
        repository.sync([*generation("B"), make_offer("angebot-0")])
    assert {o.title.split()[0] for o in repository.all()} == {"A"}


def test_concurrent_reader_never_sees_a_mix(repository: OfferRepository) -> None:
    repository.sync(generation("A"))
    mixes: list[set[str]] = []
    reads = 0
    done = threading.Event()

    def reader() -> None:
        nonlocal reads
        while not done.is_set():
            found = repository.search(SearchQuery(need="kinderbetreuung"), limit=100)
            tags = {o.title.split()[0] for o in found}
            reads += 1
            if len(tags) != 1 or len(found) != 40:
                mixes.append(tags)

    thread = threading.Thread(target=reader)
    thread.start()
    try:
        for round_ in range(20):
            repository.sync(generation("B" if round_ % 2 == 0 else "A"))
    finally:
        done.set()
        thread.join()
    assert reads > 0
    assert mixes == []


def test_changed_category_moves_the_offer(repository: OfferRepository) -> None:
    offer = make_offer("x", categories=("wohnen",))
    repository.sync([offer])
    repository.sync([replace(offer, categories=("schuldnerberatung",))])
    assert [o.id for o in repository.search(SearchQuery(need="schuldnerberatung"))] == ["x"]
    assert repository.search(SearchQuery(need="wohnen")) == []


@pytest.mark.parametrize(
    "change",
    [
        {"status": "temporarily_closed"},
        {"status": "ended"},
        {"alert": "Im August geschlossen."},
        {"last_reviewed": date(2026, 10, 1), "reviewed_by": "M. Muster"},
        {"reviewed_by": "Andere Person"},
        {"source_url": "https://www.alfeld.de/x", "source_read": date(2026, 11, 20)},
        {"source_title": "Stadt Alfeld"},
        {"source_read": date(2026, 11, 21)},
    ],
    ids=lambda change: ",".join(change),
)
def test_sync_notices_changes_of_status_alert_review_and_source(
    repository: OfferRepository, change: dict[str, object]
) -> None:
    base = {
        "last_reviewed": date(2026, 1, 1),
        "reviewed_by": "M. Muster",
        "source_url": "https://www.alfeld.de/y",
        "source_read": date(2026, 11, 20),
    }
    repository.sync([make_offer("a", **base), make_offer("b")])
    report = repository.sync([make_offer("a", **{**base, **change}), make_offer("b")])
    assert (report.added, report.changed, report.removed) == ([], ["a"], [])
    stored = repository.get("a")
    assert stored is not None and all(getattr(stored, key) == value for key, value in change.items())
    with repository.engine.connect() as connection:
        row = connection.execute(select(offers).where(offers.c.id == "a")).one()._mapping
    assert all(row[key] == value for key, value in change.items())  # also in the table's own columns


def test_ended_offers_are_kept_but_never_found(repository: OfferRepository) -> None:
    repository.sync([make_offer("a", status="ended"), make_offer("b", status="temporarily_closed")])
    assert [o.id for o in repository.search(SearchQuery(need="kinderbetreuung"))] == ["b"]
    assert [o.id for o in repository.all()] == ["a", "b"]
