"""Repository over the offers database: atomic sync, ranked search, anonymous need counters."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache

from sqlalchemy import and_, delete, insert, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from offers_db.categories import age_group, age_matters
from offers_db.db import UsesDatabase
from offers_db.models import need_counts, offer_categories, offers
from offers_db.schema import Offer
from offers_db.usage import record_usage

STOPWORDS = frozenset(
    "und oder der die das ein eine einen einem einer fuer mit von bei ich wir mein meine "
    "meinen sie er es ist sind hat haben brauche brauchen suche suchen gibt was wo wie hilfe "
    "kind kinder kindern kids sohn tochter jahre jahr alt auch noch nicht "
    # the small words of a parent's sentence, which say nothing about the offer: "kann mir jemand helfen den …"
    "den dem des dir mir mich uns euch ihr ihm ihn ihnen sich man jemand jemanden kann kannst koennen koennte "
    "muss muessen soll sollen will wollen moechte wuerde werden wird bin bist war hab habe hatte bitte mal nur "
    "schon sehr immer jetzt dann denn doch weil wenn dass aber auf aus bis nach vor zum zur ins "
    "als hier dort heute gerade einfach eigentlich irgendwie etwas wer wen wem welche nix nichts kein keine keinen "
    "viel viele mehr weiss wissen".split()
)


@dataclass(frozen=True)
class SearchQuery:
    """What the family needs; every field optional."""

    need: str | None = None
    child_age: float | None = None
    text: str = ""
    district: str | None = None
    language: str | None = None
    audience: str = "public"
    today: date | None = None


@dataclass
class SyncReport:
    """What a sync changed, by offer id."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    @property
    def unchanged(self) -> bool:
        return not (self.added or self.changed or self.removed)


def normalize(text: str) -> str:
    """Lower-case, fold umlauts and accents, keep letters and digits: 'Kitaplätze!' -> 'kitaplaetze'."""
    text = text.lower().replace("ß", "ss")
    for umlaut, folded in (("ä", "ae"), ("ö", "oe"), ("ü", "ue")):
        text = text.replace(umlaut, folded)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


JOINED_MIN_LENGTH = 7  # a compound split by voice typing ("kinder zu schlag"); shorter joins would be chance


def query_terms(text: str) -> list[str]:
    """The meaningful search words of a free-text query."""
    return [w for w in normalize(text).split() if len(w) >= 3 and w not in STOPWORDS]


def joined_terms(text: str, search_texts: Sequence[str]) -> list[str]:
    """Words that voice typing split ("kinder zu schlag", "klassen fahrt"), joined where an offer spells them so.

    German writes compounds in one piece, so two or three neighbouring words that together spell a word of an offer
    ("kinderzuschlag", "klassenfahrten") are almost always one word typed apart.
    """
    words = normalize(text).split()
    joined = (
        "".join(words[i : i + n])
        for n in (3, 2)
        for i in range(len(words) - n + 1)
        if all(w.isalpha() for w in words[i : i + n])
    )
    return list(dict.fromkeys(w for w in joined if len(w) >= JOINED_MIN_LENGTH and _spelt_in(w, search_texts)))


def _spelt_in(word: str, search_texts: Sequence[str]) -> bool:
    """The word stands whole in one of the texts, perhaps with a short ending ("klassenfahrt" in "klassenfahrten"),
    not only as the start of a longer one ("kinderzu" of "kinder zu hause" in "kinderzuschlag")."""
    whole = re.compile(rf" {word}[a-z]{{0,2}} ")
    return any(f" {word}" in t and whole.search(t) for t in search_texts)


def _search_text(offer: Offer) -> str:
    parts = [offer.title, offer.organization, *offer.keywords, offer.description]
    parts += [offer.district or "", offer.city or ""]
    return " " + normalize(" ".join(parts)) + " "


def _content_hash(offer: Offer) -> str:
    """Over every field of the offer (status, alert, source and review included), so sync notices any change."""
    canonical = json.dumps(offer.to_dict(), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _row(offer: Offer) -> dict[str, object]:
    return {
        "id": offer.id,
        "title": offer.title,
        "organization": offer.organization,
        "audience": offer.audience,
        "min_age": offer.min_age,
        "max_age": offer.max_age,
        "district": offer.district,
        "languages": " ".join(offer.languages),
        "status": offer.status,
        "alert": offer.alert,
        "valid_from": offer.valid_from,
        "valid_until": offer.valid_until,
        "last_reviewed": offer.last_reviewed,
        "reviewed_by": offer.reviewed_by,
        "source_url": offer.source_url,
        "source_title": offer.source_title,
        "source_read": offer.source_read,
        "search_text": _search_text(offer),
        "content_hash": _content_hash(offer),
        "data": json.dumps(offer.to_dict(), ensure_ascii=False),
    }


# with the child's age known, offers for at most this many years come first (they were made for that age)
SPECIFIC_SPAN = 6
# with the age unknown, offers for at most this many years come after the broad ones
NARROW_SPAN = 3
# needs whose offers for one age differ in what they help with (reading, maths, homework, an after-school place):
# the family's words rank them, the age only filters. "kann kaum lesen, die Lehrerin spricht von Legasthenie" (8)
# showed the Hort (6–10) before the Lerntherapie (6–18); over 75 Lernförderung messages of tests/ 13 first offers
# changed, read one by one: LRS → Lerntherapie, bad marks → BuT Nachhilfe (README, Quality "Stop 27")
WORDS_BEFORE_AGE = frozenset({"lernfoerderung"})


NAMING_MIN_LENGTH = 7  # shorter title words are everyday words of a story ("Schule", "kleine", "Ferien")
# longer words in many offers' names that do not say which offer a family asks for ("Beratung für Familien")
GENERIC_NAME_WORDS = frozenset(
    "familie familien beratung angebot angebote hildesheim landkreis gruppen leinebergland jugendliche maenner muetter "
    "kostenlos kostenlose kostenloser kostenlosen".split()
)


@lru_cache(maxsize=4096)
def _title_text(data: str) -> str:
    return " " + normalize(json.loads(data).get("title") or "") + " "


def names_offer(title_text: str, terms: Sequence[str]) -> bool:
    """A word of the family names the offer in its title, whole: "Nachhilfe" names "… kostenlose Nachhilfe
    (Lernförderung)". Keywords do not count: "der Kinderarzt meint …" tells the story, it does not ask for one."""
    return any(len(t) >= NAMING_MIN_LENGTH and t not in GENERIC_NAME_WORDS and f" {t} " in title_text for t in terms)


@lru_cache(maxsize=4096)
def _name_text(data: str) -> str:
    """An offer's title and keywords (from its stored JSON), normalized: the words that name the offer."""
    offer = json.loads(data)
    return " " + normalize(" ".join([offer.get("title") or "", *(offer.get("keywords") or [])])) + " "


def text_score(search_text: str, terms: Sequence[str]) -> float:
    """How well the offer's words match the query terms: a word starting with the term (German plurals
    and compounds: 'klassenfahrt' in 'klassenfahrten') counts more than a shared five-letter stem."""
    score = 0.0
    for term in terms:
        if f" {term}" in search_text:
            score += 2.0
        elif f" {term[:5]}" in search_text:
            score += 1.0
    return score


class OfferRepository(UsesDatabase):
    """Small API the actions and the CLI use; every call opens its own session."""

    def sync(self, new_offers: Iterable[Offer]) -> SyncReport:
        """Make the stored offers equal `new_offers` in one transaction; all or nothing."""
        rows = {}
        for offer in new_offers:
            if offer.id in rows:
                raise ValueError(f"offer id {offer.id!r} appears twice")
            rows[offer.id] = (_row(offer), offer.categories)
        report = SyncReport()
        with Session(self.engine, future=True) as session, session.begin():
            stored = dict(session.execute(select(offers.c.id, offers.c.content_hash)).all())
            for offer_id, (row, _) in rows.items():
                if offer_id not in stored:
                    report.added.append(offer_id)
                elif stored[offer_id] != row["content_hash"]:
                    report.changed.append(offer_id)
            report.removed = sorted(set(stored) - set(rows))
            outdated = report.changed + report.removed
            if outdated:
                session.execute(delete(offer_categories).where(offer_categories.c.offer_id.in_(outdated)))
                session.execute(delete(offers).where(offers.c.id.in_(outdated)))
            fresh = report.added + report.changed
            if fresh:
                session.execute(insert(offers), [rows[i][0] for i in fresh])
                session.execute(
                    insert(offer_categories),
                    [{"offer_id": i, "category": c} for i in fresh for c in rows[i][1]],
                )
        report.added.sort()
        report.changed.sort()
        return report

    def all(self) -> list[Offer]:
        """Every stored offer, whatever its status, by id."""
        with Session(self.engine, future=True) as session:
            data = session.execute(select(offers.c.data).order_by(offers.c.id)).scalars().all()
        return [Offer.from_json(d) for d in data]

    def get(self, offer_id: str) -> Offer | None:
        """One stored offer by id."""
        with Session(self.engine, future=True) as session:
            data = session.execute(select(offers.c.data).where(offers.c.id == offer_id)).scalar()
        return Offer.from_json(data) if data else None

    def search(self, query: SearchQuery, limit: int = 3, offset: int = 0) -> list[Offer]:
        """Ranked offers: category match, then age fit, then text relevance; one consistent read."""
        today = query.today or date.today()
        conditions = [
            offers.c.status != "ended",  # temporarily closed offers are shown, with their alert
            or_(offers.c.valid_from.is_(None), offers.c.valid_from <= today),
            or_(offers.c.valid_until.is_(None), offers.c.valid_until >= today),
        ]
        if query.audience != "staff":
            conditions.append(offers.c.audience == "public")
        if query.child_age is not None:
            conditions.append(or_(offers.c.min_age.is_(None), offers.c.min_age <= query.child_age))
            conditions.append(or_(offers.c.max_age.is_(None), offers.c.max_age >= query.child_age))
        statement = select(
            offers.c.data, offers.c.search_text, offers.c.min_age, offers.c.max_age,
            offers.c.district, offers.c.languages, offers.c.title,
        )  # fmt: skip
        if query.need:
            statement = statement.join(
                offer_categories,
                and_(offer_categories.c.offer_id == offers.c.id, offer_categories.c.category == query.need),
            )
        with Session(self.engine, future=True) as session:
            rows = session.execute(statement.where(*conditions)).all()
        terms = query_terms(query.text)
        terms += joined_terms(query.text, [row.search_text for row in rows]) if terms else []
        # where the age does not decide the need's offers (Geld und Leistungen, Wohnen, …), the family's words come
        # before it: "schwanger mit dem dritten … gibt es Kinderzuschlag?" showed baby equipment first
        words_first = query.need is not None and not age_matters(query.need)
        district = normalize(query.district) if query.district else None
        ranked = []
        for row in rows:
            # a word that names the offer (title, keywords) counts twice: "Räumungsklage" finds the Notunterkunft
            relevance = text_score(row.search_text, terms) + text_score(_name_text(row.data), terms) if terms else 0.0
            if terms and not query.need and relevance == 0:
                continue
            span = (row.max_age if row.max_age is not None else 27) - (row.min_age or 0)
            specific = query.child_age is not None and span <= SPECIFIC_SPAN
            # age unknown: an offer for a few years only (baby equipment, 0–1) fits few families, so it comes after
            # the broad ones that match as well ("das Geld reicht nie": Bürgergeld before Babyausstattung)
            narrow = query.child_age is None and span <= NARROW_SPAN
            local = bool(district and row.district and normalize(row.district) == district)
            speaks = bool(query.language and query.language in row.languages.split())
            # the offer the family named comes first, whatever ages it is for: "Nachhilfe über Bildung und Teilhabe"
            # for an 8-year-old showed the after-school Hort (6–10) before the BuT Nachhilfe (6–25)
            named = bool(terms) and names_offer(_title_text(row.data), terms)
            if words_first:
                first: tuple[bool | float, ...] = (-relevance, not specific)
            elif query.need in WORDS_BEFORE_AGE:
                first = (not named, -relevance, not specific)
            else:
                first = (not named, not specific, -relevance)
            ranked.append(((*first, narrow, not local, not speaks, span, row.title), row.data))
        ranked.sort(key=lambda item: item[0])
        return [Offer.from_json(data) for _, data in ranked[offset : offset + limit]]

    def record_need(
        self, need: str, child_age: float | None, channel: str, matched: bool, day: date | None = None
    ) -> None:
        """Count one asked-for need anonymously: day, need, age group, channel, outcome."""
        values = {
            "day": day or date.today(),
            "need": need,
            "age_group": age_group(child_age),
            "channel": channel[:20],
            "outcome": "matched" if matched else "unmet",
            "count": 1,
        }
        dialect = postgresql if self.engine.dialect.name == "postgresql" else sqlite
        statement = dialect.insert(need_counts).values(**values)
        statement = statement.on_conflict_do_update(
            index_elements=["day", "need", "age_group", "channel", "outcome"],
            set_={"count": need_counts.c.count + 1},
        )
        with Session(self.engine, future=True) as session, session.begin():
            session.execute(statement)

    def record_usage(self, event: str, channel: str, when: datetime | None = None) -> None:
        """Count one anonymous usage event (see offers_db.usage.EVENTS) for this hour and channel."""
        record_usage(self.engine, event, channel, when)

    def need_report(self, since: date | None = None, until: date | None = None) -> list[dict[str, object]]:
        """Summed need counters per need, age group, channel and outcome."""
        statement = select(need_counts).order_by(need_counts.c.day, need_counts.c.need)
        if since:
            statement = statement.where(need_counts.c.day >= since)
        if until:
            statement = statement.where(need_counts.c.day <= until)
        with Session(self.engine, future=True) as session:
            return [dict(row._mapping) for row in session.execute(statement)]
