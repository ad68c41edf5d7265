"""Benchmark: a year's needs report for 100,000 conversations' counters (demo data) — target under 10 s each.

Fills a throw-away SQLite file with `lotse report demo-data`'s generator, then times building the suppressed
tables plus HTML and plus PDF (WeasyPrint), each from a cold start of the report (tables built again).
"""

from __future__ import annotations

import json
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from bot.report import render_csv, render_html, render_pdf
from offers_db.db import make_engine
from offers_db.demo_data import generate
from offers_db.needs_report import build_report

RESULTS = Path(__file__).with_name("results")
CONVERSATIONS = 100_000
TARGET_S = 10.0


def main() -> dict[str, float | int]:
    end = date.today()
    start = end - timedelta(days=364)
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite:///{Path(folder) / 'demo.sqlite3'}")
        began = time.perf_counter()
        made = generate(engine, conversations=CONVERSATIONS, seed=1, end=end)
        fill_s = time.perf_counter() - began

        began = time.perf_counter()
        report = build_report(engine, start, end)
        tables_s = time.perf_counter() - began
        began = time.perf_counter()
        page = render_html(build_report(engine, start, end))
        html_s = time.perf_counter() - began
        began = time.perf_counter()
        pdf = render_pdf(build_report(engine, start, end))
        pdf_s = time.perf_counter() - began
        began = time.perf_counter()
        table = render_csv(build_report(engine, start, end))
        csv_s = time.perf_counter() - began
        engine.dispose()
    hidden = sum(not cell.shown for t in report.tables.values() for row in t.grid for cell in row)
    result: dict[str, float | int] = {
        "conversations": CONVERSATIONS,
        "needs": made.needs,
        "counter_rows": made.need_rows + made.usage_rows,
        "demo_data_s": round(fill_s, 2),
        "tables_s": round(tables_s, 2),
        "html_s": round(html_s, 2),
        "pdf_s": round(pdf_s, 2),
        "csv_s": round(csv_s, 2),
        "html_kb": round(len(page.encode()) / 1024),
        "pdf_kb": round(len(pdf) / 1024),
        "csv_kb": round(len(table.encode()) / 1024),
        "hidden_cells": hidden,
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "report.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(f"Needs report benchmark ({CONVERSATIONS:,} conversations' counters, one year, SQLite file)")
    for key, value in result.items():
        print(f"  {key:16} {value}")
    slowest = max(result["html_s"], result["pdf_s"])
    print(f"  target: html and pdf < {TARGET_S:g} s each -> {'OK' if slowest < TARGET_S else 'MISSED'}")
    return result


if __name__ == "__main__":
    main()
