"""Realistic made-up counters for a throw-away database, so the needs report can be seen without real users.

Only the anonymous counter tables are filled (need_counts, usage_counts) plus the shipped offers (for the
share of reviewed offers). Patterns put in on purpose, so the charts show something a committee knows:
Kita/Krippe questions peak from February to July (places for August), money and food questions rise in the
last days of a month, Telegram (phones) is used in the evening, the widget during the day, Sundays are quiet,
the summer holidays are quieter, and crèche places for the under-threes are often missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine

from offers_db.loader import DEFAULT_OFFERS_DIR, load_offers
from offers_db.models import need_counts, usage_counts
from offers_db.repository import OfferRepository

AGE_GROUPS = ("0-3", "3-6", "6-10", "11-18", "ueber-18", "unbekannt")
CHANNELS = ("webchat", "telegram")
# need: (weight, age group weights in AGE_GROUPS order, share without a fitting offer)
NEEDS: dict[str, tuple[float, tuple[float, ...], float]] = {
    "kinderbetreuung": (14, (45, 45, 8, 0, 0, 2), 0.22),
    "lernfoerderung": (7, (0, 0, 50, 45, 0, 5), 0.08),
    "bildung_teilhabe": (6, (3, 20, 40, 30, 0, 7), 0.03),
    "finanzielle_hilfe": (12, (10, 12, 12, 10, 6, 50), 0.05),
    "erziehungsberatung": (8, (12, 25, 30, 28, 0, 5), 0.04),
    "fruehe_hilfen": (5, (85, 5, 0, 0, 0, 10), 0.03),
    "gesundheit_entwicklung": (5, (30, 35, 20, 10, 0, 5), 0.12),
    "sprache_integration": (4, (5, 20, 25, 20, 15, 15), 0.10),
    "freizeit_kultur": (6, (2, 15, 40, 40, 0, 3), 0.15),
    "jugendbeteiligung": (2, (0, 0, 10, 85, 0, 5), 0.20),
    "arbeit_ausbildung": (4, (0, 0, 0, 55, 35, 10), 0.06),
    "schuldnerberatung": (4, (0, 0, 0, 0, 20, 80), 0.10),
    "lebensmittel_kleidung": (5, (10, 12, 12, 10, 6, 50), 0.04),
    "wohnen": (4, (5, 5, 5, 5, 20, 60), 0.40),
    "schutz_krise": (2, (10, 15, 20, 30, 10, 15), 0.02),
    "familienzentrum_lotse": (3, (15, 20, 20, 15, 5, 25), 0.0),
}
MONEY = ("finanzielle_hilfe", "schuldnerberatung", "lebensmittel_kleidung")
# hour weights 0…23: the widget in the day (desk, lunch break), Telegram on phones in the evening
WIDGET_HOURS = (0, 0, 0, 0, 0, 0, 1, 3, 6, 9, 10, 9, 8, 7, 8, 8, 7, 6, 5, 5, 5, 4, 2, 1)
PHONE_HOURS = (1, 0, 0, 0, 0, 0, 1, 3, 3, 3, 3, 3, 4, 3, 3, 4, 5, 6, 8, 11, 13, 12, 8, 3)
WEEKDAYS = (1.25, 1.15, 1.1, 1.05, 0.95, 0.6, 0.55)


@dataclass(frozen=True)
class DemoSummary:
    conversations: int
    needs: int
    start: date
    end: date
    need_rows: int
    usage_rows: int


def _day_weights(days: list[date]) -> np.ndarray:
    weights = []
    for i, day in enumerate(days):
        weight = WEEKDAYS[day.weekday()] * (0.85 + 0.3 * i / len(days))  # slowly better known
        if (day.month == 7 and day.day >= 10) or (day.month == 8 and day.day <= 20):
            weight *= 0.7  # summer holidays in Lower Saxony
        if (day.month == 12 and day.day >= 22) or (day.month == 1 and day.day <= 3):
            weight *= 0.5
        weights.append(weight)
    array = np.array(weights)
    return array / array.sum()


def generate(
    engine: Engine, conversations: int = 100_000, seed: int = 1, end: date | None = None, days: int = 365
) -> DemoSummary:
    """Add `conversations` made-up conversations' counters over the `days` days up to `end` (default today)."""
    rng = np.random.default_rng(seed)
    end = end or date.today()
    calendar = [end - timedelta(days=days - 1 - i) for i in range(days)]
    day_index = rng.choice(days, size=conversations, p=_day_weights(calendar))
    phone = rng.random(conversations) < 0.38
    widget_p = np.array(WIDGET_HOURS, dtype=float) / sum(WIDGET_HOURS)
    phone_p = np.array(PHONE_HOURS, dtype=float) / sum(PHONE_HOURS)
    hours = np.where(
        phone, rng.choice(24, size=conversations, p=phone_p), rng.choice(24, size=conversations, p=widget_p)
    )
    channel = phone.astype(int)

    usage: dict[tuple[int, int, int, str], int] = {}

    def count(mask: np.ndarray, event: str) -> None:
        keys, counts = np.unique(np.stack([day_index[mask], hours[mask], channel[mask]]), axis=1, return_counts=True)
        for (d, h, c), n in zip(keys.T.tolist(), counts.tolist(), strict=True):
            usage[(d, h, c, event)] = usage.get((d, h, c, event), 0) + n

    count(np.ones(conversations, dtype=bool), "conversation")
    count(rng.random(conversations) < 0.004, "emergency")
    asked_person = rng.random(conversations) < 0.09
    count(asked_person, "asked_person")
    requested = asked_person & (rng.random(conversations) < 0.35)
    count(requested, "callback_requested")
    claimed = requested & (rng.random(conversations) < 0.95)
    count(claimed, "callback_claimed")
    count(claimed & (rng.random(conversations) < 0.92), "callback_done")

    # needs per conversation: none (greeting, FAQ, emergency), one, or several
    per_conversation = rng.choice(4, size=conversations, p=(0.06, 0.80, 0.12, 0.02))
    count(per_conversation >= 2, "several_needs")

    need_ids = list(NEEDS)
    base = np.array([NEEDS[n][0] for n in need_ids], dtype=float)
    kita = need_ids.index("kinderbetreuung")
    money = [need_ids.index(n) for n in MONEY]
    months = np.array([d.month for d in calendar])
    month_days = np.array([d.day for d in calendar])
    # one need weight vector per calendar day
    weights = np.tile(base, (days, 1))
    weights[:, kita] *= np.where((months >= 2) & (months <= 7), 1.0 + 0.25 * (months - 1), 0.7)
    for index in money:
        weights[:, index] *= np.where(month_days >= 24, 1.8, 1.0)
    weights /= weights.sum(axis=1, keepdims=True)

    repeat = per_conversation.astype(int)
    asked_day = np.repeat(day_index, repeat)
    asked_channel = np.repeat(channel, repeat)
    cumulative = weights.cumsum(axis=1)[asked_day]
    asked_need = (rng.random(len(asked_day))[:, None] > cumulative).sum(axis=1)
    asked_need = np.minimum(asked_need, len(need_ids) - 1)
    age_p = np.array([np.array(NEEDS[n][1], dtype=float) / sum(NEEDS[n][1]) for n in need_ids])
    age_cumulative = age_p.cumsum(axis=1)[asked_need]
    asked_age = np.minimum((rng.random(len(asked_day))[:, None] > age_cumulative).sum(axis=1), len(AGE_GROUPS) - 1)
    unmet_share = np.array([NEEDS[n][2] for n in need_ids])[asked_need]
    unmet_share = np.where((asked_need == kita) & (asked_age == 0), 0.55, unmet_share)  # crèche places
    unmet = rng.random(len(asked_day)) < unmet_share
    keys, counts = np.unique(
        np.stack([asked_day, asked_need, asked_age, asked_channel, unmet.astype(int)]), axis=1, return_counts=True
    )
    need_values = [
        {
            "day": calendar[d],
            "need": need_ids[n],
            "age_group": AGE_GROUPS[a],
            "channel": CHANNELS[c],
            "outcome": "unmet" if u else "matched",
            "count": k,
        }
        for (d, n, a, c, u), k in zip(keys.T.tolist(), counts.tolist(), strict=True)
    ]
    unmet_keys, unmet_counts = np.unique(np.stack([asked_day[unmet], asked_channel[unmet]]), axis=1, return_counts=True)
    for (d, c), n in zip(unmet_keys.T.tolist(), unmet_counts.tolist(), strict=True):
        hour = int(rng.choice(24, p=phone_p if c else widget_p))
        usage[(d, hour, c, "no_offer")] = usage.get((d, hour, c, "no_offer"), 0) + n
    usage_values = [
        {"day": calendar[d], "hour": h, "channel": CHANNELS[c], "event": e, "count": n}
        for (d, h, c, e), n in usage.items()
    ]
    dialect = postgresql if engine.dialect.name == "postgresql" else sqlite
    with engine.begin() as connection:
        for table, keys_, rows in (
            (need_counts, ["day", "need", "age_group", "channel", "outcome"], need_values),
            (usage_counts, ["day", "hour", "channel", "event"], usage_values),
        ):
            statement = dialect.insert(table)
            statement = statement.on_conflict_do_update(
                index_elements=keys_, set_={"count": table.c.count + statement.excluded.count}
            )
            for start in range(0, len(rows), 5000):
                connection.execute(statement, rows[start : start + 5000])
    OfferRepository(engine).sync(load_offers(DEFAULT_OFFERS_DIR).offers)
    return DemoSummary(conversations, int(repeat.sum()), calendar[0], end, len(need_values), len(usage_values))
