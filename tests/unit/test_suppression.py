"""Anonymity of the needs report: no hidden number can be worked out from what the report shows.

The attacker here is independent of offers_db.suppression: it reads the published CSV (what the town gets),
rebuilds every table from it and, for every hidden cell, solves the row and column sums with the bounds a
reader knows ("< 5" is 0…4, "x" is at least 5) for the smallest and the largest value the cell can take.
If only one whole number fits, the cell would be recovered — the test fails.
"""

from __future__ import annotations

import csv
import io
import random
from collections import defaultdict
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from scipy.optimize import linprog

from bot.report import render_csv, render_html
from offers_db.db import make_engine
from offers_db.demo_data import generate
from offers_db.needs_report import NeedsReport, build_report
from offers_db.repository import OfferRepository
from offers_db.suppression import PRIMARY_TEXT, SECONDARY_TEXT, Table

END = date(2026, 10, 31)
START = date(2025, 11, 1)


def published(report: NeedsReport) -> dict[str, dict[str, dict[str, str]]]:
    """table -> row -> column -> text, read back from the CSV."""
    tables: dict[str, dict[str, dict[str, str]]] = defaultdict(lambda: defaultdict(dict))
    for line in csv.DictReader(io.StringIO(render_csv(report))):
        tables[line["tabelle"]][line["zeile"]][line["spalte"]] = line["wert"]
    return tables


def recoverable(table: dict[str, dict[str, str]], row_totals: bool) -> list[tuple[str, str, float, float]]:
    """Hidden cells whose value is pinned to one whole number by the shown numbers and the sums."""
    rows = [r for r in table if r != "Summe"]
    columns = [c for c in next(iter(table.values())) if c != "Summe"]
    grid_rows = [*rows, "Summe"] if "Summe" in table else rows
    grid_columns = [*columns, "Summe"] if row_totals else columns
    unknown = [(r, c) for r in grid_rows for c in grid_columns if table[r][c] in (PRIMARY_TEXT, SECONDARY_TEXT)]
    index = {p: i for i, p in enumerate(unknown)}
    for r in grid_rows:
        for c in grid_columns:
            value = table[r][c]
            assert value in (PRIMARY_TEXT, SECONDARY_TEXT) or int(value) >= 5, f"{r}/{c} shows {value}"

    equations: list[tuple[list[tuple[str, str]], tuple[str, str]]] = []
    if row_totals:
        equations += [([(r, c) for c in columns], (r, "Summe")) for r in grid_rows]
    if "Summe" in table:
        equations += [([(r, c) for r in rows], ("Summe", c)) for c in grid_columns]
    a_eq, b_eq = [], []
    for parts, total in equations:
        coefficients = np.zeros(len(unknown))
        constant = 0.0
        for position, sign in [*((p, 1) for p in parts), (total, -1)]:
            if position in index:
                coefficients[index[position]] += sign
            else:
                constant += sign * int(table[position[0]][position[1]])
        if coefficients.any():
            a_eq.append(coefficients)
            b_eq.append(-constant)
    bounds = [(0, 4) if table[r][c] == PRIMARY_TEXT else (5, None) for r, c in unknown]
    found = []
    for i, (r, c) in enumerate(unknown):
        objective = np.zeros(len(unknown))
        objective[i] = 1
        kwargs = {"A_eq": np.array(a_eq), "b_eq": np.array(b_eq)} if a_eq else {}
        low = linprog(objective, bounds=bounds, method="highs", **kwargs)
        high = linprog(-objective, bounds=bounds, method="highs", **kwargs)
        assert low.status == 0, "the published numbers must be consistent"
        if high.status == 0 and -high.fun - low.fun < 1 - 1e-9:
            found.append((r, c, low.fun, -high.fun))
    return found


def demo_report(tmp_path: Path, conversations: int, seed: int) -> NeedsReport:
    engine = make_engine(f"sqlite:///{tmp_path / 'demo.sqlite3'}")
    generate(engine, conversations=conversations, seed=seed, end=END)
    return build_report(engine, START, END, today=END)


ROW_TOTALS = {"bedarfe_alter": True}
SIZES = [(60, 1), (400, 2), (3000, 3), (20_000, 4)]


@pytest.mark.parametrize(("conversations", "seed"), SIZES, ids=[f"{n}-gespraeche" for n, _ in SIZES])
def test_no_hidden_cell_of_any_report_table_can_be_computed(tmp_path: Path, conversations: int, seed: int) -> None:
    report = demo_report(tmp_path, conversations, seed)
    tables = published(report)
    assert set(tables) == {"uebersicht", *report.tables}
    hidden = 0
    for key in report.tables:
        assert recoverable(tables[key], ROW_TOTALS.get(key, False)) == [], key
        hidden += sum(v in (PRIMARY_TEXT, SECONDARY_TEXT) for row in tables[key].values() for v in row.values())
    assert hidden > 0  # the small reports do have small numbers to protect
    for label, row in tables["uebersicht"].items():
        value = row[""]
        assert not value.isdigit() or int(value) >= 5, label


@pytest.mark.parametrize("seed", range(12))
def test_random_tables_with_many_small_cells_are_protected(seed: int) -> None:
    rng = random.Random(seed)
    n_rows, n_cols = rng.randint(1, 9), rng.randint(1, 6)
    values = [[rng.choice([0, 0, 1, 2, 3, 4, 5, 6, 9, 30, 200]) for _ in range(n_cols)] for _ in range(n_rows)]
    table = Table("t", "T", "Zeile", [f"z{i}" for i in range(n_rows)], [f"s{j}" for j in range(n_cols)], values)
    table.row_totals = n_cols > 1
    table.protect()
    columns = [*table.columns, "Summe"] if table.row_totals else table.columns
    shown = {
        (table.rows[r] if r < n_rows else "Summe"): {
            columns[c]: table.grid[r][c].text.replace(".", "") for c in range(table.width)
        }
        for r in range(table.height)
    }
    assert recoverable(shown, table.row_totals) == []


def test_classic_cases() -> None:
    # one small cell in a row: its partner in the row must go too, or row total minus the rest gives it away
    table = Table("t", "T", "Z", ["a", "b"], ["x", "y"], [[3, 40], [20, 30]]).protect()
    assert [[c.text for c in row] for row in table.grid] == [["< 5", "x", "43"], ["x", "x", "50"], ["23", "70", "93"]]
    # two zeros in a row add up to 0: both would be known, so a third cell is hidden as well
    table = Table("t", "T", "Z", ["a"], ["x", "y", "z"], [[0, 0, 50]], column_totals=False).protect()
    assert [c.text for c in table.grid[0]] == ["< 5", "< 5", "x", "50"]
    # a table without small numbers is shown as it is, totals included
    table = Table("t", "T", "Z", ["a", "b"], ["x"], [[5], [7]], row_totals=False).protect()
    assert [row[0].text for row in table.grid] == ["5", "7", "12"]


def test_rendered_report_shows_no_small_number(tmp_path: Path) -> None:
    report = demo_report(tmp_path, 200, 5)
    page = render_html(report, generated=END)
    assert "< 5" in page.replace("&lt;", "<")
    for loads in ('src="http', 'href="http', "url(http", "url(//", "@import", "<script", "<img", "<link"):
        assert loads not in page  # one self-contained file: nothing loaded from elsewhere


def test_usage_and_need_counters_carry_no_ids_or_minutes(tmp_path: Path) -> None:
    from datetime import datetime

    from sqlalchemy import inspect

    engine = make_engine(f"sqlite:///{tmp_path / 'c.sqlite3'}")
    OfferRepository(engine).record_usage("emergency", "telegram", datetime(2026, 3, 2, 21, 59, 59))
    columns = {c["name"] for c in inspect(engine).get_columns("usage_counts")}
    assert columns == {"day", "hour", "channel", "event", "count"}
    with pytest.raises(ValueError, match="unbekanntes Ereignis"):
        OfferRepository(engine).record_usage("Frau Meyer rief an", "telegram")
