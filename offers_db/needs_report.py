"""The needs report for the Jugend- und Sozialausschuss (issue 13): aggregated, suppressed tables.

Reads only the anonymous counters (need_counts: day, need, age group, channel, outcome; usage_counts: day,
hour, channel, event) and the offers' review dates. Every table goes through offers_db.suppression before
anything is rendered, so no renderer ever sees a shown value under 5.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from offers_db.categories import categories
from offers_db.models import need_counts, offers, usage_counts
from offers_db.schema import reviewed_within
from offers_db.suppression import MIN_SHOWN, PRIMARY, Cell, Table, german_number

AGE_COLUMNS = (
    ("0-3", "0–3"),
    ("3-6", "3–6"),
    ("6-10", "6–10"),
    ("11-18", "11–18"),
    ("ueber-18", "Erwachsene"),
    ("unbekannt", "ohne Alter"),
)
CHANNELS = {"webchat": "Website-Widget", "socketio": "Website-Widget", "telegram": "Telegram"}
CHANNEL_ROWS = ("Website-Widget", "Telegram", "andere")
WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")


def channel_label(channel: str) -> str:
    return CHANNELS.get(channel, "andere")


@dataclass
class Figure:
    label: str
    cell: Cell | None = None  # None: `text` is shown instead
    text: str = ""

    @property
    def shown(self) -> str:
        return self.cell.text if self.cell is not None else self.text


@dataclass
class NeedsReport:
    start: date
    end: date
    summary: list[Figure]
    tables: dict[str, Table]
    reviewed: tuple[int, int]  # offers reviewed within 12 months, offers in total

    @property
    def period(self) -> str:
        return f"{self.start:%d.%m.%Y} – {self.end:%d.%m.%Y}"


def _single(value: int) -> Cell:
    return Cell(value, PRIMARY if value < MIN_SHOWN else "shown")


def _share(part: Cell, whole: Cell) -> str:
    if not (part.shown and whole.shown) or whole.value == 0 or whole.value - part.value < MIN_SHOWN:
        return "nicht ausgewiesen (kleine Zahl)"
    return f"{round(100 * part.value / whole.value)} %"


def week_label(monday: date) -> str:
    year, week, _ = monday.isocalendar()
    return f"KW {week:02d}/{year}"


def build_report(engine: Engine, start: date, end: date, today: date | None = None) -> NeedsReport:
    """All tables of the report for the days start…end (both included), already suppressed.

    The offers' review share is today's state (the offers table keeps only the latest review).
    """
    today = today or date.today()
    with engine.connect() as connection:
        need_rows = connection.execute(
            select(
                need_counts.c.day,
                need_counts.c.need,
                need_counts.c.age_group,
                need_counts.c.outcome,
                func.sum(need_counts.c.count),
            )
            .where(need_counts.c.day >= start, need_counts.c.day <= end)
            .group_by(need_counts.c.day, need_counts.c.need, need_counts.c.age_group, need_counts.c.outcome)
        ).all()
        usage_rows = connection.execute(
            select(
                usage_counts.c.day,
                usage_counts.c.hour,
                usage_counts.c.channel,
                usage_counts.c.event,
                func.sum(usage_counts.c.count),
            )
            .where(usage_counts.c.day >= start, usage_counts.c.day <= end)
            .group_by(usage_counts.c.day, usage_counts.c.hour, usage_counts.c.channel, usage_counts.c.event)
        ).all()
        offer_rows = connection.execute(select(offers.c.last_reviewed).where(offers.c.status != "ended")).all()

    labels = {cid: category.label for cid, category in categories().items()}
    need_ids = list(labels)
    by_need_age: dict[tuple[str, str], int] = defaultdict(int)
    unmet: dict[str, int] = defaultdict(int)
    needs_by_week: dict[date, int] = defaultdict(int)
    for day, need, group, outcome, count in need_rows:
        count = int(count)
        if need not in labels:
            need_ids.append(need)
            labels[need] = need
        by_need_age[(need, group if group in dict(AGE_COLUMNS) else "unbekannt")] += count
        if outcome == "unmet":
            unmet[need] += count
        needs_by_week[day - timedelta(days=day.weekday())] += count
    need_ids = list(dict.fromkeys(need_ids))

    events: dict[str, int] = defaultdict(int)
    conversations_by_week: dict[date, int] = defaultdict(int)
    by_weekday = [0] * 7
    by_hour = [0] * 24
    by_channel: dict[str, int] = defaultdict(int)
    for day, hour, channel, event, count in usage_rows:
        count = int(count)
        events[event] += count
        if event == "conversation":
            conversations_by_week[day - timedelta(days=day.weekday())] += count
            by_weekday[day.weekday()] += count
            by_hour[int(hour)] += count
            by_channel[channel_label(channel)] += count

    first_monday = start - timedelta(days=start.weekday())
    weeks = [first_monday + timedelta(weeks=i) for i in range((end - first_monday).days // 7 + 1)]
    week_labels = [week_label(w) for w in weeks]
    channel_rows = [c for c in CHANNEL_ROWS if c != "andere" or by_channel.get(c)]

    tables = {
        "bedarfe_alter": Table(
            "bedarfe_alter",
            "Gefragte Bedarfe nach Altersgruppe des Kindes",
            "Bedarf",
            [labels[n] for n in need_ids],
            [label for _, label in AGE_COLUMNS],
            [[by_need_age[(n, g)] for g, _ in AGE_COLUMNS] for n in need_ids],
            fixed_total=True,
        ),
        "ungedeckt": Table(
            "ungedeckt",
            "Ungedeckte Bedarfe (kein passendes Angebot gefunden)",
            "Bedarf",
            [labels[n] for n in need_ids],
            ["ungedeckt"],
            [[unmet[n]] for n in need_ids],
            row_totals=False,
            fixed_total=True,
        ),
        "gespraeche_woche": Table(
            "gespraeche_woche",
            "Gespräche je Kalenderwoche",
            "Woche",
            week_labels,
            ["Gespräche"],
            [[conversations_by_week[w]] for w in weeks],
            row_totals=False,
            fixed_total=True,
        ),
        "bedarfe_woche": Table(
            "bedarfe_woche",
            "Gefragte Bedarfe je Kalenderwoche",
            "Woche",
            week_labels,
            ["Bedarfe"],
            [[needs_by_week[w]] for w in weeks],
            row_totals=False,
            fixed_total=True,
        ),
        "kanal": Table(
            "kanal",
            "Gespräche nach Kanal",
            "Kanal",
            channel_rows,
            ["Gespräche"],
            [[by_channel[c]] for c in channel_rows],
            row_totals=False,
            fixed_total=True,
        ),
        "wochentag": Table(
            "wochentag",
            "Gespräche nach Wochentag",
            "Wochentag",
            list(WEEKDAYS),
            ["Gespräche"],
            [[v] for v in by_weekday],
            row_totals=False,
            fixed_total=True,
        ),
        "uhrzeit": Table(
            "uhrzeit",
            "Gespräche nach Uhrzeit (Beginn, volle Stunde)",
            "Uhrzeit",
            [f"{h:02d}–{h + 1:02d} Uhr" for h in range(24)],
            ["Gespräche"],
            [[v] for v in by_hour],
            row_totals=False,
            fixed_total=True,
        ),
    }
    for table in tables.values():
        table.protect()

    needs = tables["bedarfe_alter"].grid[-1][-1]
    unmet_total = tables["ungedeckt"].grid[-1][-1]
    matched = Cell(needs.value - unmet_total.value)
    conversations = tables["wochentag"].grid[-1][-1]
    reviewed = sum(1 for (last,) in offer_rows if reviewed_within(last, today))
    summary = [
        Figure("Gespräche", conversations),
        Figure("Gefragte Bedarfe", needs),
        Figure("Anteil mit passendem Angebot", text=_share(matched, needs)),
        Figure("Bedarfe ohne passendes Angebot", unmet_total),
        Figure("Gespräche mit mehreren Bedarfen", _single(events["several_needs"])),
        Figure("Nach einer Person gefragt", _single(events["asked_person"])),
        Figure("Rückrufe gewünscht", _single(events["callback_requested"])),
        Figure("Rückrufe übernommen", _single(events["callback_claimed"])),
        Figure("Rückrufe erledigt", _single(events["callback_done"])),
        Figure("Notfallnummern angezeigt", _single(events["emergency"])),
        Figure(
            f"Angebote in den letzten 12 Monaten geprüft (Stand {today:%d.%m.%Y})",
            text=f"{german_number(reviewed)} von {german_number(len(offer_rows))}"
            + (f" ({round(100 * reviewed / len(offer_rows))} %)" if offer_rows else ""),
        ),
    ]
    return NeedsReport(start, end, summary, tables, (reviewed, len(offer_rows)))
