"""The `lotse offers` and `lotse db` commands as a coordinator calls them."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.cli import build_parser, main
from lotse import settings as lotse_settings

DATA = Path(__file__).parents[1] / "data"


def lotse(*args: str, db: Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{db}"}
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        capture_output=True, text=True, env=env, cwd=cwd or Path.cwd(), timeout=60,
    )  # fmt: skip


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "lotse.sqlite3"


def test_validate_shipped_data_is_clean(db: Path) -> None:
    result = lotse("offers", "validate", db=db)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK: ")


def test_validate_broken_file_prints_file_line_field_message(db: Path) -> None:
    result = lotse("offers", "validate", "invalid/08_bad_email.yml", db=db, cwd=DATA)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "invalid/08_bad_email.yml:8: contact.email: 'info(at)example.org' ist keine E-Mail-Adresse",
        "1 Fehler – nichts geändert.",
    ]


def test_sync_twice_then_no_changes(db: Path) -> None:
    first = lotse("offers", "sync", str(DATA / "valid"), db=db)
    assert first.returncode == 0, first.stderr
    assert "neu: test-kita" in first.stdout
    assert "Synchronisiert: 2 neu, 0 geändert, 0 entfernt" in first.stdout
    second = lotse("offers", "sync", str(DATA / "valid"), db=db)
    assert second.stdout.strip() == "Keine Änderungen (2 Angebote)."


def test_sync_of_broken_data_keeps_the_database(db: Path, tmp_path: Path) -> None:
    lotse("offers", "sync", str(DATA / "valid"), db=db)
    broken = tmp_path / "offers"
    shutil.copytree(DATA / "valid", broken)
    (broken / "kaputt.yml").write_text("organization: {name: X}\noffers:\n  - id: x\n    title: [\n")
    result = lotse("offers", "sync", str(broken), db=db)
    assert result.returncode == 1
    assert "kaputt.yml:5: (YAML)" in result.stderr
    listed = lotse("offers", "list", db=db)
    assert "test-kita" in listed.stdout and "2 Angebote." in listed.stdout


def test_list_show_search_and_export(db: Path, tmp_path: Path) -> None:
    lotse("offers", "sync", str(DATA / "valid"), db=db)
    shown = lotse("offers", "show", "test-kita", db=db)
    assert "Test-Kita Sonnenschein" in shown.stdout
    assert lotse("offers", "show", "gibtsnicht", db=db).returncode == 1
    found = lotse("offers", "search", "--need", "kinderbetreuung", "--age", "4", db=db)
    assert "test-kita" in found.stdout
    assert "test-fachberatung" not in lotse("offers", "search", "--need", "schutz_krise", db=db).stdout
    assert "test-fachberatung" in lotse("offers", "search", "--need", "schutz_krise", "--staff", db=db).stdout
    exported = json.loads(lotse("offers", "export", "--format", "json", db=db).stdout)
    assert [s["id"] for s in exported["services"]] == ["test-kita"]  # staff-only offers stay internal
    service = exported["services"][0]
    assert service["schedules"][0] == {"freq": "WEEKLY", "byday": "MO", "opens_at": "07:00", "closes_at": "16:00"}
    assert service["taxonomy_terms"][0]["code"] == "kinderbetreuung"
    csv_file = tmp_path / "angebote.csv"
    lotse("offers", "export", "--format", "csv", "-o", str(csv_file), db=db)
    header, row = csv_file.read_text(encoding="utf-8").splitlines()[:2]
    assert header.startswith("id,title,description,categories")
    assert row.startswith("test-kita,Test-Kita Sonnenschein")


@pytest.fixture
def settings_db(db: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """`db` as the offers database of the settings, for commands called in this process."""
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{db}")
    lotse_settings.reload()
    yield db
    monkeypatch.undo()
    lotse_settings.reload()


def make_pre_alembic_database(db: Path, *extra_sql: str) -> None:
    with sqlite3.connect(db) as connection:
        connection.executescript((DATA / "legacy_schema.sql").read_text(encoding="utf-8"))
        connection.execute(
            "INSERT INTO contact_requests (conversation_id, channel, status, contact, created_at)"
            " VALUES ('c0ffee01', 'webchat', 'new', '0151 2345678', '2026-03-02 09:15:30.000000')"
        )
        for statement in extra_sql:
            connection.execute(statement)
    connection.close()


def test_db_status_and_upgrade_of_a_database_made_before_migrations(
    settings_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_pre_alembic_database(settings_db)
    assert main(["db", "status"]) == 0
    assert capsys.readouterr().out == (
        "Stand der Datenbank: keiner\n"
        "Neuester Stand:      0004_usage_counts\n"
        "Bitte vorher sichern, dann: lotse db upgrade\n"
    )
    assert main(["db", "upgrade"]) == 0
    assert capsys.readouterr().out == "Datenbank auf Stand 0004_usage_counts.\n"
    assert main(["db", "upgrade"]) == 0
    assert capsys.readouterr().out == "Datenbank ist aktuell (0004_usage_counts).\n"
    assert main(["db", "status"]) == 0
    assert capsys.readouterr().out == (
        "Stand der Datenbank: 0004_usage_counts\nNeuester Stand:      0004_usage_counts\n"
    )
    with sqlite3.connect(settings_db) as connection:
        stored = connection.execute("SELECT status, created_at, notice_sent_at, notice_attempts FROM contact_requests")
        assert stored.fetchall() == [("new", "2026-03-02 09:15:30.000000", "2026-03-02 09:15:30.000000", 0)]
    connection.close()


def test_db_upgrade_of_an_empty_database(settings_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["db", "upgrade"]) == 0
    assert capsys.readouterr().out == "Datenbank auf Stand 0004_usage_counts.\n"


def test_failed_db_upgrade_says_which_migration_and_changes_nothing(
    settings_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_pre_alembic_database(
        settings_db, "ALTER TABLE contact_requests ADD COLUMN notice_attempts INTEGER NOT NULL DEFAULT 0"
    )
    assert main(["db", "upgrade"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(
        "Datenbank-Migration 0002_contact_notices ist fehlgeschlagen; alle Änderungen wurden zurückgenommen, "
        "die Datenbank bleibt auf Stand ohne Migrationsstand. Ursache: "
    )
    assert main(["db", "status"]) == 0
    assert capsys.readouterr().out.startswith("Stand der Datenbank: keiner\n")


@pytest.mark.parametrize("command", ["upgrade", "status"])
def test_db_help_ends_with_an_example(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["db", command, "--help"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out.rstrip().endswith(f"Beispiel: lotse db {command}")


def all_commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [path]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                found += all_commands(child, (*path, name))
    return found


@pytest.mark.parametrize("command", all_commands(build_parser()), ids=lambda c: " ".join(c) or "lotse")
def test_every_command_help_ends_with_an_example(command: tuple[str, ...], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main([*command, "--help"])
    assert done.value.code == 0
    last = capsys.readouterr().out.rstrip().splitlines()[-1]
    assert last.startswith("Beispiel: lotse " + " ".join(command[:1])), last


def test_languages_check_lists_the_languages_and_that_they_are_unreviewed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["languages", "check"]) == 0
    assert capsys.readouterr().out == (
        "OK: 5 Sprachen vollständig (العربية, Einfache Sprache, English, Türkçe, Українська).\n"
        "Noch nicht von Muttersprachler:innen geprüft: العربية, Einfache Sprache, English, Türkçe, Українська.\n"
    )
