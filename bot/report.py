"""Rendering the needs report (offers_db.needs_report) as HTML, PDF (WeasyPrint) or CSV.

Charts are drawn with matplotlib's Agg backend and embedded as inline SVG (text as paths: no font files,
no CDN, nothing outside the one file). Charts are drawn from the suppressed tables only: a hidden cell
gets no bar and its mark ("< 5" or "x") instead.
"""

from __future__ import annotations

import csv
import html
import io
import math
import warnings
from datetime import date
from typing import Any

# matplotlib 3.5 (Rasa's pin) calls pyparsing names that the installed pyparsing calls deprecated
warnings.filterwarnings(
    "ignore", message=r".*deprecated - use '(set_parse_action|parse_string|reset_cache|enable_packrat)"
)

import matplotlib  # noqa: E402

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.colors import LinearSegmentedColormap  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

from offers_db.export import safe_row  # noqa: E402
from offers_db.needs_report import NeedsReport  # noqa: E402
from offers_db.suppression import PRIMARY_TEXT, SECONDARY_TEXT, Table, german_number  # noqa: E402

WEEKDAY_SHORT = ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"]
HOURS = [str(h) for h in range(24)]
BLUE = "#1f5f8b"
LIGHT = "#9ec5de"
GREY = "#d9d9d9"
plt.rcParams.update(
    {
        "svg.fonttype": "path",
        "font.family": "DejaVu Sans",
        "font.size": 9,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.titlesize": 10,
        "axes.titleweight": "bold",
    }
)


def _svg(figure: plt.Figure) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(figure)
    text = buffer.getvalue()
    return text[text.index("<svg") :]


def _column(table: Table, column: int = 0) -> tuple[list[str], list[float], list[str]]:
    """Row labels, values to draw (NaN where hidden) and the marks of hidden cells."""
    values: list[float] = []
    marks: list[str] = []
    for r in range(len(table.rows)):
        cell = table.cell(r, column)
        values.append(float(cell.value) if cell.shown else math.nan)
        marks.append("" if cell.shown else cell.text)
    return table.rows, values, marks


def _axis_numbers(axis: object) -> None:
    axis.set_major_formatter(FuncFormatter(lambda v, _pos: german_number(int(v))))  # type: ignore[attr-defined]


def bar_chart(
    table: Table,
    title: str,
    horizontal: bool = False,
    width: float = 7.0,
    height: float = 2.6,
    labels: list[str] | None = None,
) -> str:
    figure, axes = plt.subplots(figsize=(width, height))
    _bars(axes, table, title, horizontal, labels)
    return _svg(figure)


def pair_chart(left: Table, left_title: str, right: Table, right_title: str, labels: list[str] | None = None) -> str:
    """Two small charts side by side in one figure (horizontal bars left, columns right)."""
    figure, (first, second) = plt.subplots(1, 2, figsize=(7.0, 1.8), gridspec_kw={"width_ratios": (1, 1.2)})
    _bars(first, left, left_title, True)
    _bars(second, right, right_title, False, labels)
    figure.tight_layout(w_pad=3)
    return _svg(figure)


def _bars(axes: Any, table: Table, title: str, horizontal: bool, tick_labels: list[str] | None = None) -> None:
    labels, values, marks = _column(table)
    labels = tick_labels or labels
    positions = list(range(len(labels)))
    drawn = [0.0 if math.isnan(v) else v for v in values]
    top = max(drawn, default=0) or 1
    if horizontal:
        axes.barh(positions, drawn, color=BLUE)
        axes.set_yticks(positions, labels)
        axes.invert_yaxis()
        _axis_numbers(axes.xaxis)
        for y, (value, mark) in enumerate(zip(drawn, marks, strict=True)):
            axes.text(value + top * 0.01, y, mark or german_number(int(value)), va="center", fontsize=8)
        axes.set_xlim(0, top * 1.12)
    else:
        axes.bar(positions, drawn, color=BLUE)
        axes.set_xticks(positions, labels)
        _axis_numbers(axes.yaxis)
        for x, mark in enumerate(marks):
            if mark:
                axes.text(x, top * 0.02, mark, ha="center", va="bottom", fontsize=7, rotation=90, color="#555555")
        axes.set_ylim(0, top * 1.1)
    axes.set_title(title, loc="left")


def heatmap(table: Table, title: str) -> str:
    n_rows, n_cols = len(table.rows), len(table.columns)
    shown = [
        [table.cell(r, c).value if table.cell(r, c).shown else math.nan for c in range(n_cols)] for r in range(n_rows)
    ]
    top = max((v for row in shown for v in row if not math.isnan(v)), default=1)
    figure, axes = plt.subplots(figsize=(7.0, 0.28 * n_rows + 1.0))
    colours = LinearSegmentedColormap.from_list("lotse", ["#eef5fa", BLUE])
    colours.set_bad(GREY)
    axes.imshow(shown, cmap=colours, vmin=0, vmax=top, aspect="auto")
    for r in range(n_rows):
        for c in range(n_cols):
            cell = table.cell(r, c)
            dark = cell.shown and cell.value > top * 0.55
            axes.text(c, r, cell.text, ha="center", va="center", fontsize=7.5, color="white" if dark else "black")
    axes.set_xticks(range(n_cols), table.columns)
    axes.xaxis.tick_top()
    axes.set_yticks(range(n_rows), table.rows)
    axes.tick_params(length=0)
    for side in axes.spines.values():
        side.set_visible(False)
    axes.set_title(title, loc="left", pad=22)
    return _svg(figure)


def trend_chart(conversations: Table, needs: Table) -> str:
    labels, talks, _ = _column(conversations)
    _, asked, _ = _column(needs)
    figure, axes = plt.subplots(figsize=(7.0, 2.0))
    x = list(range(len(labels)))
    axes.plot(x, talks, color=BLUE, marker="o", markersize=2.5, label="Gespräche")
    axes.plot(x, asked, color="#d9822b", marker="o", markersize=2.5, label="gefragte Bedarfe")
    step = max(1, len(labels) // 13)
    axes.set_xticks(x[::step], [label.split("/")[0] for label in labels[::step]], rotation=0, fontsize=7.5)
    _axis_numbers(axes.yaxis)
    axes.set_ylim(bottom=0)
    axes.legend(frameon=False, loc="upper left", ncol=2)
    axes.set_title("Verlauf je Kalenderwoche", loc="left")
    return _svg(figure)


CSS = """
@page { size: A4; margin: 14mm 14mm 16mm 14mm;
  @bottom-right { content: "Seite " counter(page) " von " counter(pages); font-size: 8pt; color: #555;
    font-family: "DejaVu Sans", sans-serif; }
  @bottom-left { content: "Familien-Lotse Alfeld – Bedarfsbericht, nur zusammengefasste Zahlen"; font-size: 8pt;
    color: #555; font-family: "DejaVu Sans", sans-serif; } }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 9.5pt; color: #111;
  max-width: 190mm; margin: 0 auto; }
h1 { font-size: 16pt; margin: 0 0 2mm 0; color: #1f5f8b; }
h2 { font-size: 12pt; margin: 5mm 0 2mm 0; color: #1f5f8b; }
p.meta { margin: 0 0 3mm 0; color: #333; }
table { border-collapse: collapse; margin: 0 0 3mm 0; }
table.summary { width: 100%; }
table.summary td { padding: 1.2mm 2mm; border-bottom: 0.3pt solid #bbb; }
table.summary td.value { text-align: right; font-weight: bold; white-space: nowrap; }
table.data th, table.data td { border: 0.3pt solid #999; padding: 0.6mm 1.6mm; font-size: 8pt; }
table.data td.n, table.data th.n { text-align: right; white-space: nowrap; }
table.data tr.total td { font-weight: bold; }
td.hidden { background: #eeeeee; }
.chart svg { width: 100%; height: auto; }
.chart { margin: 1mm 0 2mm 0; page-break-inside: avoid; }
.note { font-size: 8pt; color: #333; }
.pagebreak { page-break-before: always; }
"""


def _table_html(table: Table, *beside: Table, title: str | None = None) -> str:
    """One table; `beside`: tables with the same rows (one column each, suppressed on their own) as more columns."""
    tables = (table, *beside)
    columns = [c for t in tables for c in t.columns] + (["Summe"] if table.row_totals else [])
    head = "".join(f'<th class="n">{html.escape(c)}</th>' for c in columns)
    lines = [
        f"<h3>{html.escape(title or table.title)}</h3>",
        '<table class="data">',
        f"<thead><tr><th>{html.escape(table.row_label)}</th>{head}</tr></thead><tbody>",
    ]
    for r in range(table.height):
        label = table.rows[r] if r < len(table.rows) else "Summe"
        row = [cell for t in tables for cell in t.grid[r]]
        cells = "".join(f'<td class="n{"" if cell.shown else " hidden"}">{cell.text}</td>' for cell in row)
        total = ' class="total"' if r >= len(table.rows) else ""
        lines.append(f"<tr{total}><td>{html.escape(label)}</td>{cells}</tr>")
    lines.append("</tbody></table>")
    return "\n".join(lines)


def render_html(report: NeedsReport, generated: date | None = None) -> str:
    t = report.tables
    summary = "\n".join(
        f'<tr><td>{html.escape(f.label)}</td><td class="value">{html.escape(f.shown)}</td></tr>' for f in report.summary
    )
    generated = generated or date.today()
    parts = [
        "<!DOCTYPE html>",
        '<html lang="de"><head><meta charset="utf-8">',
        f"<title>Bedarfsbericht Familien-Lotse {report.period}</title>",
        f"<style>{CSS}</style></head><body>",
        "<h1>Familien-Lotse Alfeld (Leine) – Bedarfsbericht</h1>",
        f'<p class="meta">für den Jugend- und Sozialausschuss · Zeitraum {report.period} · '
        f"erstellt am {generated:%d.%m.%Y}</p>",
        '<table class="summary">',
        summary,
        "</table>",
        f'<p class="note">Nur zusammengefasste Zählerstände, keine Gesprächsinhalte und keine Uhrzeiten genauer als '
        f"die Stunde. {PRIMARY_TEXT} = weniger als 5 (auch 0), {SECONDARY_TEXT} = zum Schutz kleiner Zahlen "
        "ausgeblendet (mindestens 5). Summen werden aus den wahren Werten gebildet.</p>",
        f'<div class="chart">{heatmap(t["bedarfe_alter"], "Gefragte Bedarfe nach Alter des Kindes")}</div>',
        '<div class="pagebreak"></div>',
        f'<div class="chart">{bar_chart(t["ungedeckt"], "Ungedeckte Bedarfe (kein passendes Angebot)", True, 7.0, 2.9)}'
        "</div>",
        f'<div class="chart">{trend_chart(t["gespraeche_woche"], t["bedarfe_woche"])}</div>',
        '<p class="note">Erste und letzte Kalenderwoche liegen evtl. nur teilweise im Zeitraum; Lücken in den Linien: '
        "Wochen mit „&lt; 5“ oder „x“.</p>",
        '<div class="chart">'
        + pair_chart(t["kanal"], "Gespräche nach Kanal", t["wochentag"], "Gespräche nach Wochentag", WEEKDAY_SHORT)
        + "</div>",
        '<div class="chart">'
        + bar_chart(t["uhrzeit"], "Gespräche nach Uhrzeit (Stunde des Beginns)", False, 7.0, 1.8, HOURS)
        + "</div>",
        '<div class="pagebreak"></div>',
        "<h2>Tabellen</h2>",
        _table_html(t["bedarfe_alter"]),
        _table_html(t["ungedeckt"]),
        _table_html(t["gespraeche_woche"], t["bedarfe_woche"], title="Gespräche und gefragte Bedarfe je Kalenderwoche"),
        _table_html(t["kanal"]),
        _table_html(t["wochentag"]),
        _table_html(t["uhrzeit"]),
        "<h2>Schutz kleiner Zahlen</h2>",
        '<p class="note">Jede Zahl unter 5 erscheint als „&lt; 5“. Eine ausgeblendete Zahl darf sich auch nicht aus '
        "Zeilen- und Spaltensummen errechnen lassen: Ist das möglich, wird die nächstkleinere Zahl derselben Zeile "
        "oder Spalte zusätzlich ausgeblendet („x“), bis jede ausgeblendete Zahl mehrere Werte haben könnte. "
        "Gesamtzahlen, die in mehreren Tabellen vorkommen (Gespräche, Bedarfe), sind überall gleich.</p>",
        "</body></html>",
    ]
    return "\n".join(parts)


def render_pdf(report: NeedsReport, generated: date | None = None) -> bytes:
    from weasyprint import HTML

    return bytes(HTML(string=render_html(report, generated)).write_pdf())


def render_csv(report: NeedsReport) -> str:
    """Every table in long form (tabelle, zeile, spalte, wert) plus the summary; hidden cells as "< 5" / "x"."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["tabelle", "zeile", "spalte", "wert"])
    for figure in report.summary:
        value = figure.cell.text.replace(".", "") if figure.cell is not None and figure.cell.shown else figure.shown
        writer.writerow(safe_row(["uebersicht", figure.label, "", value]))
    for table in report.tables.values():
        columns = [*table.columns, "Summe"] if table.row_totals else table.columns
        for r in range(table.height):
            label = table.rows[r] if r < len(table.rows) else "Summe"
            for c, cell in enumerate(table.grid[r]):
                value = str(cell.value) if cell.shown else cell.text
                writer.writerow(safe_row([table.key, label, columns[c], value]))
    return buffer.getvalue()
