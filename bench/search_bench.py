"""Benchmark: sync and search with 2,000 generated offers on SQLite (file) — target under 5 ms per query."""

from __future__ import annotations

import json
import random
import statistics
import tempfile
import time
from pathlib import Path

from offers_db.categories import category_ids
from offers_db.db import make_engine
from offers_db.repository import OfferRepository, SearchQuery
from offers_db.schema import Offer

RESULTS = Path(__file__).with_name("results")
OFFERS = 2000
QUERIES = 2000
WORDS = "kita krippe nachhilfe hausaufgaben tafel kleidung beratung familie sport musik ferien schulden".split()


def generated_offers(count: int, rng: random.Random) -> list[Offer]:
    """Offers spread over all categories, ages, audiences and districts."""
    ids = category_ids()
    offers = []
    for i in range(count):
        low = rng.choice([None, 0, 3, 6, 10, 14])
        high = None if low is None else low + rng.choice([3, 4, 8, 12])
        offers.append(
            Offer(
                id=f"angebot-{i}",
                title=f"Angebot {i} {rng.choice(WORDS)}",
                description=" ".join(rng.choices(WORDS, k=12)),
                categories=tuple(rng.sample(ids, rng.choice([1, 1, 2]))),
                organization=f"Träger {i % 150}",
                min_age=low,
                max_age=high,
                audience="staff" if i % 20 == 0 else "public",
                district=rng.choice(["Innenstadt", "Föhrste", "Limmer", "Langenholzen", None]),
                keywords=tuple(rng.sample(WORDS, 3)),
                languages=("de", rng.choice(["en", "tr", "ar", "uk"])),
            )
        )
    return offers


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> dict[str, float]:
    rng = random.Random(7)
    offers = generated_offers(OFFERS, rng)
    with tempfile.TemporaryDirectory() as folder:
        repository = OfferRepository(make_engine(f"sqlite:///{folder}/bench.sqlite3"))
        start = time.perf_counter()
        repository.sync(offers)
        first_sync_s = time.perf_counter() - start
        start = time.perf_counter()
        repository.sync(offers)
        unchanged_sync_s = time.perf_counter() - start
        changed = [o if i % 10 else Offer(**{**o.__dict__, "title": o.title + " neu"}) for i, o in enumerate(offers)]
        start = time.perf_counter()
        repository.sync(changed)
        tenth_changed_sync_s = time.perf_counter() - start

        queries = [
            SearchQuery(
                need=rng.choice(category_ids()),
                child_age=rng.choice([None, 0.5, 2, 4, 8, 13, 16]),
                text=rng.choice(["", "kita", "nachhilfe mathe", "sport im verein"]),
                district=rng.choice([None, "Innenstadt"]),
            )
            for _ in range(QUERIES)
        ]
        for query in queries[:50]:  # warm-up: connection pool, statement cache
            repository.search(query)
        timings_ms = []
        for query in queries:
            start = time.perf_counter()
            repository.search(query)
            timings_ms.append((time.perf_counter() - start) * 1000)
    result = {
        "offers": OFFERS,
        "queries": QUERIES,
        "search_ms_mean": round(statistics.mean(timings_ms), 3),
        "search_ms_p50": round(percentile(timings_ms, 0.50), 3),
        "search_ms_p95": round(percentile(timings_ms, 0.95), 3),
        "search_ms_p99": round(percentile(timings_ms, 0.99), 3),
        "sync_first_s": round(first_sync_s, 3),
        "sync_unchanged_s": round(unchanged_sync_s, 3),
        "sync_10pct_changed_s": round(tenth_changed_sync_s, 3),
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "search.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(f"Offers search benchmark ({OFFERS} offers, {QUERIES} queries, SQLite file)")
    for key, value in result.items():
        print(f"  {key:24} {value}")
    print(f"  target: search p95 < 5 ms -> {'OK' if result['search_ms_p95'] < 5 else 'MISSED'}")
    return result


if __name__ == "__main__":
    main()
