"""Search ranking and filters on in-memory SQLite."""

from __future__ import annotations

from datetime import date

from offers_db.repository import SearchQuery, joined_terms, normalize, query_terms
from tests.factories import make_offer, memory_repository

TODAY = date(2026, 6, 1)
MONEY = ("finanzielle_hilfe",)


def ids(repository, **query) -> list[str]:
    return [o.id for o in repository.search(SearchQuery(today=TODAY, **query), limit=10)]


def test_only_the_asked_category_is_returned() -> None:
    repo = memory_repository(
        make_offer("kita", categories=("kinderbetreuung",)),
        make_offer("tafel", categories=("lebensmittel_kleidung",)),
    )
    assert ids(repo, need="kinderbetreuung") == ["kita"]


def test_age_bounds_are_inclusive_and_null_means_open() -> None:
    repo = memory_repository(
        make_offer("krippe", min_age=0, max_age=3),
        make_offer("kita", min_age=3, max_age=6),
        make_offer("hort", min_age=6, max_age=10),
        make_offer("offen", min_age=None, max_age=None),
    )
    assert set(ids(repo, need="kinderbetreuung", child_age=3)) == {"krippe", "kita", "offen"}
    assert set(ids(repo, need="kinderbetreuung", child_age=0.5)) == {"krippe", "offen"}
    assert set(ids(repo, need="kinderbetreuung", child_age=12)) == {"offen"}


def test_age_specific_offers_rank_before_open_ones() -> None:
    repo = memory_repository(
        make_offer("a-offen", min_age=None, max_age=None),
        make_offer("z-kita", min_age=3, max_age=6),
    )
    assert ids(repo, need="kinderbetreuung", child_age=4) == ["z-kita", "a-offen"]


def test_with_the_age_unknown_offers_for_a_few_years_come_after_the_broad_ones() -> None:
    repo = memory_repository(
        make_offer("a-baby", title="Geld für die Babyausstattung", min_age=0, max_age=1, categories=MONEY),
        make_offer(
            "b-kinderzuschlag", title="Kinderzuschlag: Geld für Familien", min_age=0, max_age=25, categories=MONEY
        ),
        make_offer("c-buergergeld", title="Bürgergeld: Geld zum Leben", min_age=None, max_age=None, categories=MONEY),
    )
    assert ids(repo, need="finanzielle_hilfe", text="das geld reicht nie")[-1] == "a-baby"
    # still first when the text asks for it, and for a baby
    assert ids(repo, need="finanzielle_hilfe", text="geld für babyausstattung")[0] == "a-baby"
    assert ids(repo, need="finanzielle_hilfe", child_age=0.5)[0] == "a-baby"


def test_where_the_age_does_not_decide_the_need_the_familys_words_come_first() -> None:
    """ "Meine Frau ist schwanger mit dem dritten … gibt es Kinderzuschlag?" (Geld und Leistungen, age 0)."""
    repo = memory_repository(
        make_offer("a-baby", title="Geld für die Babyausstattung", min_age=0, max_age=1, categories=MONEY),
        make_offer(
            "b-kinderzuschlag", title="Kinderzuschlag: Geld für Familien", min_age=0, max_age=25, categories=MONEY
        ),
    )
    assert ids(repo, need="finanzielle_hilfe", child_age=0, text="gibt es kinderzuschlag")[0] == "b-kinderzuschlag"
    # without such words the baby's offers still come first
    assert ids(repo, need="finanzielle_hilfe", child_age=0)[0] == "a-baby"
    # where the age decides (Kinderbetreuung), the offers for that age stay first, unless the family names another
    repo = memory_repository(
        make_offer("a-hort", title="Hort nach der Schule", min_age=6, max_age=10, categories=("kinderbetreuung",)),
        make_offer(
            "b-ferien", title="Kostenlose Ferienbetreuung", min_age=3, max_age=14, categories=("kinderbetreuung",)
        ),
    )
    assert ids(repo, need="kinderbetreuung", child_age=8, text="wer betreut ihn nachmittags") == ["a-hort", "b-ferien"]
    assert ids(repo, need="kinderbetreuung", child_age=8, text="ferienbetreuung") == ["b-ferien", "a-hort"]
    # a word that names many offers ("kostenlose") names none
    assert ids(repo, need="kinderbetreuung", child_age=8, text="in alfeld, kostenlose angebote?")[0] == "a-hort"


def test_the_offer_the_family_names_comes_first_whatever_ages_it_is_for() -> None:
    """ "Nachhilfe in Mathe, kann man das über Bildung und Teilhabe bezahlen?" showed the Hort (6–10) first."""
    repo = memory_repository(
        make_offer("a-hort", title="Ganztag und Hort", min_age=6, max_age=10, categories=("lernfoerderung",)),
        make_offer("b-nachhilfe", title="Kostenlose Nachhilfe", min_age=6, max_age=25, categories=("lernfoerderung",)),
    )
    assert ids(repo, need="lernfoerderung", child_age=8, text="er braucht nachhilfe in mathe")[0] == "b-nachhilfe"
    # a word only begun in the name does not count
    assert ids(repo, need="lernfoerderung", child_age=8, text="nach der schule")[0] == "a-hort"


def test_for_lernfoerderung_the_familys_words_rank_before_the_age() -> None:
    """An 8-year-old who can hardly read: the Hort (6–10) had come before the Lerntherapie (6–18) for every story."""
    repo = memory_repository(
        make_offer(
            "a-hort",
            title="Nachmittagsbetreuung (Ganztag und Hort)",
            min_age=6,
            max_age=10,
            keywords=("hausaufgabenbetreuung", "nachmittags"),
            categories=("lernfoerderung",),
        ),
        make_offer(
            "b-lerntherapie",
            title="Lerntherapie bei Lese-Rechtschreib-Schwäche",
            min_age=6,
            max_age=18,
            keywords=("legasthenie", "lesen", "lrs"),
            categories=("lernfoerderung",),
        ),
    )
    story = "er kann in der zweiten klasse kaum lesen, die lehrerin spricht von legasthenie"
    assert ids(repo, need="lernfoerderung", child_age=8, text=story)[0] == "b-lerntherapie"
    homework = "wer macht nachmittags hausaufgaben mit ihm"
    assert ids(repo, need="lernfoerderung", child_age=8, text=homework)[0] == "a-hort"
    # without words, the offer made for the age comes first
    assert ids(repo, need="lernfoerderung", child_age=8)[0] == "a-hort"


def test_text_relevance_orders_within_the_category() -> None:
    repo = memory_repository(
        make_offer("a-tagespflege", title="Kindertagespflege", keywords=("tagesmutter",)),
        make_offer("b-kita", title="Kita Sonnenschein", keywords=("kindergarten",)),
    )
    assert ids(repo, need="kinderbetreuung", text="tagesmutter gesucht") == ["a-tagespflege", "b-kita"]
    assert ids(repo, need="kinderbetreuung", text="kindergarten")[0] == "b-kita"


def test_text_only_search_needs_a_match() -> None:
    repo = memory_repository(
        make_offer("tafel", title="Alfelder Tafel", categories=("lebensmittel_kleidung",)),
        make_offer("kita", title="Kita", categories=("kinderbetreuung",)),
    )
    assert ids(repo, text="Tafel") == ["tafel"]
    assert ids(repo, text="xylophon") == []


def test_staff_offers_only_for_staff_audience() -> None:
    repo = memory_repository(make_offer("public"), make_offer("intern", audience="staff"))
    assert ids(repo, need="kinderbetreuung") == ["public"]
    assert set(ids(repo, need="kinderbetreuung", audience="staff")) == {"public", "intern"}


def test_ended_and_expired_offers_never_appear() -> None:
    repo = memory_repository(
        make_offer("aktiv"),
        make_offer("beendet", status="ended"),
        make_offer("geschlossen", status="temporarily_closed", alert="Im August geschlossen."),
        make_offer("abgelaufen", valid_until=date(2026, 5, 31)),
        make_offer("zukuenftig", valid_from=date(2026, 6, 2)),
        make_offer("laeuft", valid_from=date(2026, 1, 1), valid_until=date(2026, 6, 1)),
    )
    assert set(ids(repo, need="kinderbetreuung")) == {"aktiv", "geschlossen", "laeuft"}  # closed: shown with alert


def test_district_and_language_prefer_without_excluding() -> None:
    repo = memory_repository(
        make_offer("a-innenstadt", district="Innenstadt"),
        make_offer("b-foehrste", district="Föhrste", languages=("de", "ar")),
    )
    assert ids(repo, need="kinderbetreuung", district="föhrste") == ["b-foehrste", "a-innenstadt"]
    assert ids(repo, need="kinderbetreuung", language="ar") == ["b-foehrste", "a-innenstadt"]


def test_limit_and_offset_page_through_results() -> None:
    repo = memory_repository(*(make_offer(f"kita-{i}") for i in range(5)))
    first = repo.search(SearchQuery(need="kinderbetreuung", today=TODAY), limit=3)
    rest = repo.search(SearchQuery(need="kinderbetreuung", today=TODAY), limit=3, offset=3)
    assert len(first) == 3 and len(rest) == 2
    assert not {o.id for o in first} & {o.id for o in rest}


def test_stored_offer_round_trips_every_field() -> None:
    original = make_offer(
        "voll", min_age=0.5, max_age=3, phone="05181 1", keywords=("a", "b"),
        last_reviewed=date(2025, 1, 2), opening_hours_weekly={"mo": ["09:00-12:00"]},
    )  # fmt: skip
    repo = memory_repository(original)
    assert repo.get("voll") == original
    assert repo.get("fehlt") is None


def test_normalize_folds_umlauts_and_punctuation() -> None:
    assert normalize("Kitaplätze für Größere!") == "kitaplaetze fuer groessere"
    assert query_terms("Ich suche eine Tagesmutter für mein Kind") == ["tagesmutter"]
    # "Kindern" is in nearly every offer's text ("Hilfe für Familien mit Kindern"): it orders nothing
    assert query_terms("allein mit drei Kindern und Stromschulden") == ["allein", "drei", "stromschulden"]


def test_need_counter_is_anonymous_and_counts_up() -> None:
    repo = memory_repository()
    for _ in range(2):
        repo.record_need("wohnen", 4.0, "rest", matched=False, day=TODAY)
    repo.record_need("wohnen", None, "socketio", matched=True, day=TODAY)
    rows = repo.need_report()
    assert sorted((r["age_group"], r["channel"], r["outcome"], r["count"]) for r in rows) == [
        ("3-6", "rest", "unmet", 2),
        ("unbekannt", "socketio", "matched", 1),
    ]
    assert set(rows[0]) == {"day", "need", "age_group", "channel", "outcome", "count"}


def test_a_word_that_starts_with_the_term_counts_like_the_word() -> None:
    repo = memory_repository(
        make_offer("a-befoerderung", title="Schülerbeförderung", keywords=("bus", "klasse")),
        make_offer("b-fahrten", title="Ausflüge und Klassenfahrten"),
    )
    assert ids(repo, need="kinderbetreuung", text="kein geld für die klassenfahrt")[0] == "b-fahrten"


def test_the_small_words_of_a_sentence_are_no_search_terms() -> None:
    text = "Kann mir jemand helfen den Antrag für Kinderzuschlag auszufüllen, ich verstehe die Fragen nicht"
    assert query_terms(text) == ["helfen", "antrag", "kinderzuschlag", "auszufuellen", "verstehe", "fragen"]


def test_a_word_that_names_the_offer_counts_more_than_one_in_a_description() -> None:
    # both offers contain "Räumungsklage" once; only one is named by it (its title)
    repo = memory_repository(
        make_offer("a-wohngeld", title="Wohngeld", description="Zuschuss zur Miete, auch bei einer Räumungsklage"),
        make_offer("z-zuflucht", title="Zuflucht bei Räumungsklage", description="Ein Dach für die Nacht"),
    )
    found = ids(repo, need="kinderbetreuung", text="wir haben eine räumungsklage bekommen")
    assert found == ["z-zuflucht", "a-wohngeld"]


def test_a_compound_split_by_voice_typing_is_found_as_one_word() -> None:
    """ "ob wir kinder zu schlag kriegen könnten" (Geld und Leistungen): the Kinderzuschlag first."""
    repo = memory_repository(
        make_offer("a-beratung", title="Schwangerenberatung", description="Für Kinder und Eltern", categories=MONEY),
        make_offer("b-kiz", title="Kinderzuschlag: Geld für Familien mit kleinem Einkommen", categories=MONEY),
    )
    text = "ob wir kinder zu schlag kriegen könnten mein mann hat 1900 netto"
    assert ids(repo, need="finanzielle_hilfe", text=text)[0] == "b-kiz"
    assert joined_terms("die klassen fahrt kostet 285 euro", [" ausfluege und klassenfahrten "]) == ["klassenfahrt"]
    # words that only stand side by side are not joined
    assert joined_terms("meine kinder gehen in den garten", [" kindergarten sonnenschein "]) == []
    assert joined_terms("drei kinder zu hause", [" kinderzuschlag fuer familien "]) == []
