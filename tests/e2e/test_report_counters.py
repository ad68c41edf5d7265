"""Issue 13: what families do over REST shows up in the needs report — as counts only."""

from __future__ import annotations

import uuid
from datetime import date, datetime

import pytest
from sqlalchemy import select

from bot.report import render_csv
from offers_db.models import usage_counts
from offers_db.needs_report import NeedsReport, build_report
from tests.e2e.conftest import RunningBot

pytestmark = pytest.mark.slow


def true_counts(report: NeedsReport) -> dict[str, int]:
    """The true values behind the (suppressed) report, for comparing before and after."""
    tables = report.tables
    hours = tables["uhrzeit"]
    return {
        "conversations": sum(row[0] for row in tables["wochentag"].values),
        "rest_conversations": dict(zip(tables["kanal"].rows, (r[0] for r in tables["kanal"].values), strict=True)).get(
            "andere", 0
        ),
        "needs": sum(map(sum, tables["bedarfe_alter"].values)),
        "kita_3_6": tables["bedarfe_alter"].values[tables["bedarfe_alter"].rows.index("Kinderbetreuung")][1],
        "unmet": sum(row[0] for row in tables["ungedeckt"].values),
        "this_hour": sum(hours.values[h][0] for h in {datetime.now().hour, (datetime.now().hour + 23) % 24}),
        **{f.label: f.cell.value for f in report.summary if f.cell is not None},
    }


def test_counters_from_real_conversations_appear_in_the_report(running_bot: RunningBot) -> None:
    engine = running_bot.repository.engine
    today = date.today()
    before = true_counts(build_report(engine, today, today))

    family = f"bericht-{uuid.uuid4().hex[:8]}"
    assert running_bot.say(family, "Mein Sohn ist 4 und wir suchen einen Kitaplatz")
    running_bot.say(family, "er schlägt mich gerade, hilfe")  # the emergency numbers come first
    other = f"bericht-{uuid.uuid4().hex[:8]}"
    running_bot.say(other, "jugendparlament für mein baby")

    report = build_report(engine, today, today)
    after = true_counts(report)
    assert after["conversations"] - before["conversations"] == 2  # two sessions started
    assert after["rest_conversations"] - before["rest_conversations"] == 2  # REST counts as "andere"
    assert after["this_hour"] - before["this_hour"] == 2
    assert after["kita_3_6"] - before["kita_3_6"] == 1
    assert after["needs"] - before["needs"] >= 2
    raw = running_bot.repository.need_report(since=today, until=today)
    assert after["unmet"] == sum(int(str(r["count"])) for r in raw if r["outcome"] == "unmet")
    assert after["Notfallnummern angezeigt"] - before["Notfallnummern angezeigt"] == 1

    with engine.connect() as connection:  # what is stored: day, hour, channel, event, count — no id, no text
        rows = connection.execute(select(usage_counts)).all()
    stored = " ".join(str(value) for row in rows for value in row)
    assert family not in stored and other not in stored and "schlägt" not in stored
    published = render_csv(report)
    assert family not in published and "Kitaplatz" not in published
    assert "< 5" in published  # a day of tests is all small numbers: shown as "< 5"
