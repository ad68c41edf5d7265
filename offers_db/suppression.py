"""Small-number suppression for the anonymous report tables (issue 13).

Rule, as the statistics offices apply it to tables with totals:

1. Primary suppression: every cell — totals included — with a true value under MIN_SHOWN (5, zero too) is
   shown as "< 5".
2. Secondary suppression: a hidden cell must not be computable from what is shown. The reader knows every
   shown number, the equations "row cells add up to the row total" and "column cells add up to the column
   total", that a "< 5" cell lies in 0…4 and that a cell marked "x" (hidden for protection) is at least 5.
   For each hidden cell we solve two linear programs (smallest and largest value it can take under these
   equations and bounds). If the interval is narrower than 1 the cell is determined (at most one integer
   fits): then the smallest still shown cell in a row or column of a determined cell is hidden as well
   ("x"), interior cells before totals, and the check starts again until no hidden cell is determined.
   This is the classic "no single hidden cell in a line" rule, but exact: it also catches hidden cells that
   the simple rule misses (e.g. two zeros in a row whose sum is 0, or a cell that bridges two otherwise
   protected groups).
3. Totals are computed from the true values; a total is shown unless it is itself under 5 or had to be
   hidden by step 2. A grand total that other tables of the same report show anyway (e.g. the number of
   conversations) is marked `fixed` and is treated as known: it is hidden only if nothing else helps.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import linprog

MIN_SHOWN = 5
SHOWN, PRIMARY, SECONDARY = "shown", "primary", "secondary"
PRIMARY_TEXT = "< 5"
SECONDARY_TEXT = "x"


def german_number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


@dataclass
class Cell:
    value: int
    status: str = SHOWN

    @property
    def shown(self) -> bool:
        return self.status == SHOWN

    @property
    def text(self) -> str:
        if self.status == PRIMARY:
            return PRIMARY_TEXT
        if self.status == SECONDARY:
            return SECONDARY_TEXT
        return german_number(self.value)


@dataclass
class Table:
    """R rows × C columns of true counts plus totals; `protect()` decides what is shown."""

    key: str  # short name: CSV file section, chart id
    title: str
    row_label: str
    rows: list[str]
    columns: list[str]
    values: list[list[int]]
    row_totals: bool = True  # a total column at the right (only where the columns add up to something)
    column_totals: bool = True  # a total row at the bottom
    fixed_total: bool = False  # the grand total is shown elsewhere in the report anyway
    note: str = ""
    grid: list[list[Cell]] = field(default_factory=list)

    @property
    def height(self) -> int:
        return len(self.rows) + (1 if self.column_totals else 0)

    @property
    def width(self) -> int:
        return len(self.columns) + (1 if self.row_totals else 0)

    def is_total(self, r: int, c: int) -> bool:
        return r >= len(self.rows) or c >= len(self.columns)

    def cell(self, r: int, c: int) -> Cell:
        return self.grid[r][c]

    def protect(self) -> Table:
        """Fill `grid` (cells and totals) and apply primary and secondary suppression."""
        n_rows, n_cols = len(self.rows), len(self.columns)
        grid = [[Cell(int(v)) for v in row] for row in self.values]
        if self.row_totals:
            for r, row in enumerate(grid):
                row.append(Cell(sum(self.values[r])))
        if self.column_totals:
            totals = [Cell(sum(self.values[r][c] for r in range(n_rows))) for c in range(n_cols)]
            if self.row_totals:
                totals.append(Cell(sum(map(sum, self.values))))
            grid.append(totals)
        for row in grid:
            for cell in row:
                if cell.value < MIN_SHOWN:
                    cell.status = PRIMARY
        self.grid = grid
        while True:
            determined: list[tuple[int, int]] = []
            for r, c in self.hidden():
                if self.derivable(r, c):
                    determined.append((r, c))
                    if self._interior_partners([(r, c)]):
                        determined = [(r, c)]  # enough to go on: hide its partner, then check again
                        break
            if not determined:
                return self
            self._hide_partner(determined)

    def _interior_partners(self, determined: list[tuple[int, int]]) -> list[tuple[int, int]]:
        return [p for p in self._partners(determined) if not self.is_total(*p)]

    def _partners(self, determined: list[tuple[int, int]]) -> list[tuple[int, int]]:
        grand = self.grand_position() if self.fixed_total else None
        rows = {r for r, _ in determined}
        columns = {c for _, c in determined}
        return [
            (rr, cc)
            for rr, cc in self.positions()
            if self.grid[rr][cc].shown and (rr, cc) != grand and (rr in rows or cc in columns)
        ]

    def positions(self) -> list[tuple[int, int]]:
        return [(r, c) for r in range(self.height) for c in range(self.width)]

    def hidden(self) -> list[tuple[int, int]]:
        return [(r, c) for r, c in self.positions() if not self.grid[r][c].shown]

    def grand_position(self) -> tuple[int, int] | None:
        if not self.column_totals:
            return None
        if self.row_totals:
            return (self.height - 1, self.width - 1)
        return (self.height - 1, 0) if len(self.columns) == 1 else None

    def _hide_partner(self, determined: list[tuple[int, int]]) -> None:
        """Hide one more cell: the smallest shown cell in a row or column of a determined cell, interior first."""
        grand = self.grand_position() if self.fixed_total else None
        candidates = self._partners(determined)
        if not candidates:  # the whole rows and columns are hidden: the smallest shown cell anywhere
            candidates = [(rr, cc) for rr, cc in self.positions() if self.grid[rr][cc].shown and (rr, cc) != grand]
        if not candidates and grand is not None and self.grid[grand[0]][grand[1]].shown:
            candidates = [grand]  # last resort
        if not candidates:
            raise RuntimeError(f"Tabelle {self.key}: Unterdrückung nicht möglich")
        rr, cc = min(candidates, key=lambda p: (self.is_total(*p), self.grid[p[0]][p[1]].value, p))
        self.grid[rr][cc].status = SECONDARY

    def equations(self) -> list[list[tuple[int, int, int]]]:
        """Each equation as (row, col, coefficient) terms that add up to 0."""
        n_rows, n_cols = len(self.rows), len(self.columns)
        equations: list[list[tuple[int, int, int]]] = []
        if self.row_totals:
            for r in range(self.height):
                equations.append([*((r, c, 1) for c in range(n_cols)), (r, n_cols, -1)])
        if self.column_totals:
            for c in range(self.width):
                equations.append([*((r, c, 1) for r in range(n_rows)), (n_rows, c, -1)])
        return equations

    def derivable(self, r: int, c: int) -> bool:
        """Whether hidden cell (r, c) is pinned to one integer by the shown cells, the sums and the bounds."""
        low, high = interval(self, r, c)
        return high - low < 1 - 1e-9


def bounds_of(table: Table) -> dict[tuple[int, int], tuple[float, float | None]]:
    """What a reader knows about each hidden cell: "< 5" is 0…4, "x" is 5 or more."""
    return {
        (r, c): (0.0, MIN_SHOWN - 1.0) if table.grid[r][c].status == PRIMARY else (float(MIN_SHOWN), None)
        for r, c in table.hidden()
    }


def interval(table: Table, r: int, c: int) -> tuple[float, float]:
    """Smallest and largest value hidden cell (r, c) can take given everything shown (two linear programs)."""
    bounds = bounds_of(table)
    unknowns = list(bounds)
    index = {p: i for i, p in enumerate(unknowns)}
    rows: list[list[float]] = []
    rhs: list[float] = []
    for equation in table.equations():
        coefficients = [0.0] * len(unknowns)
        constant = 0.0
        for rr, cc, k in equation:
            if (rr, cc) in index:
                coefficients[index[(rr, cc)]] += k
            else:
                constant += k * table.grid[rr][cc].value
        if any(coefficients):
            rows.append(coefficients)
            rhs.append(-constant)
    objective = np.zeros(len(unknowns))
    objective[index[(r, c)]] = 1.0
    a_eq = np.array(rows) if rows else None
    b_eq = np.array(rhs) if rows else None
    ordered = [bounds[p] for p in unknowns]
    low = linprog(objective, A_eq=a_eq, b_eq=b_eq, bounds=ordered, method="highs")
    high = linprog(-objective, A_eq=a_eq, b_eq=b_eq, bounds=ordered, method="highs")
    if low.status == 3 or high.status == 3:  # unbounded: certainly not determined
        return (low.fun if low.status == 0 else 0.0, float("inf"))
    if low.status != 0 or high.status != 0:
        raise RuntimeError(f"Tabelle {table.key}: Gleichungssystem ohne Lösung ({low.message})")
    return (float(low.fun), float(-high.fun))


def protect_all(tables: Sequence[Table]) -> list[Table]:
    return [table.protect() for table in tables]
