"""`lotse report needs --format html|pdf|csv` and `lotse report demo-data` end to end on a throw-away database."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

import bot.cli
from bot.cli import main

END = date(2026, 10, 31)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    assert main(["report", "demo-data", "--out", str(path), "--conversations", "3000", "--to", END.isoformat()]) == 0
    return f"sqlite:///{path}"


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bot.cli, "today", lambda: END)


def report(db: str, *args: str) -> list[str]:
    return ["report", "needs", "--db", db, "--from", "2025-11-01", "--to", END.isoformat(), *args]


def test_demo_data_says_what_it_made_and_never_overwrites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "demo.sqlite3"
    args = ["report", "demo-data", "--out", str(target), "--conversations", "500", "--seed", "7", "--to", "2026-10-31"]
    assert main(args) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("Demodaten: 500 Gespräche, ") and out[0].endswith("vom 01.11.2025 bis 31.10.2026.")
    assert out[1] == f"Bericht: lotse report needs --db sqlite:///{target} --format pdf --out bedarfsbericht.pdf"
    assert main(args) == 2  # an existing file is never filled or replaced
    assert "gibt es schon" in capsys.readouterr().err


def test_demo_data_needs_an_explicit_target(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as refused:
        main(["report", "demo-data", "--conversations", "10"])  # never the configured database
    assert refused.value.code == 2
    assert "--db" in capsys.readouterr().err


def test_html_is_one_german_file_with_charts(demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "bericht.html"
    assert main(report(demo_db, "--format", "html", "--out", str(out))) == 0
    assert capsys.readouterr().out == f"Bedarfsbericht 01.11.2025 – 31.10.2026 geschrieben: {out}\n"
    page = out.read_text(encoding="utf-8")
    assert page.count("<svg") == 5  # needs × age, unmet, weekly trend, channel + weekday, hour of day
    for label in ("Gespräche", "Gefragte Bedarfe", "Anteil mit passendem Angebot", "Rückrufe übernommen",
                  "Notfallnummern angezeigt", "Angebote in den letzten 12 Monaten geprüft", "Erwachsene"):  # fmt: skip
        assert label in page
    assert '<html lang="de">' in page


def test_csv_holds_every_table_long_and_guarded(demo_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(report(demo_db, "--format", "csv")) == 0
    lines = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    tables = {line["tabelle"] for line in lines}
    assert tables == {"uebersicht", "bedarfe_alter", "ungedeckt", "gespraeche_woche", "bedarfe_woche", "kanal",
                      "wochentag", "uhrzeit"}  # fmt: skip
    conversations = next(line["wert"] for line in lines if line["zeile"] == "Gespräche")
    assert conversations == "3000"
    by_hour = [line for line in lines if line["tabelle"] == "uhrzeit" and line["zeile"] != "Summe"]
    assert [line["zeile"] for line in by_hour][:2] == ["00–01 Uhr", "01–02 Uhr"] and len(by_hour) == 24
    assert all(
        line["wert"] in ("< 5", "x") or int(line["wert"]) >= 5 for line in lines if line["tabelle"] != "uebersicht"
    )


def test_pdf_needs_an_output_file(demo_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(report(demo_db, "--format", "pdf")) == 2
    assert capsys.readouterr().err == "--format pdf braucht --out DATEI.\n"


def test_pdf_has_the_summary_on_page_one(demo_db: str, tmp_path: Path) -> None:
    out = tmp_path / "bericht.pdf"
    assert main(report(demo_db, "--format", "pdf", "--out", str(out))) == 0
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    if not shutil.which("pdftotext") or not shutil.which("pdftoppm"):
        pytest.skip("poppler-utils (pdftotext, pdftoppm) fehlen")
    first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(out), "-"], capture_output=True, text=True)
    assert (
        "Bedarfsbericht" in first.stdout and "Gefragte Bedarfe" in first.stdout and "Rückrufe erledigt" in first.stdout
    )
    subprocess.run(
        ["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(out), str(tmp_path / "seite")], check=True
    )
    assert list(tmp_path.glob("seite*.png"))


def test_default_text_output_is_unchanged_and_takes_a_period(demo_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "needs", "--db", demo_db, "--since", "2026-10-31", "--to", "2026-10-31"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{'Bedarf':28} {'gefunden':>9} {'ungedeckt':>10}"
    assert len(lines) > 1
