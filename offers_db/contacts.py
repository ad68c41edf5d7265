"""Call-back requests to the Familienzentrum, their whole lifecycle in one place.

store after consent -> staff notice sent (or kept and re-sent) -> claimed once -> done -> purged; erase any time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from offers_db.db import UsesDatabase
from offers_db.models import contact_requests
from offers_db.schema import EMAIL, PHONE
from offers_db.usage import usage_statement

# inside a sentence: "meine Nummer ist 0151 23456789", "erreichbar unter mama.k@web.de ab 14 Uhr"
PHONE_IN_TEXT = re.compile(r"(?<![\w+])\+?\(?[0-9][0-9 /()\-]{4,24}[0-9]")
EMAIL_IN_TEXT = re.compile(EMAIL.pattern.strip("^$"))
PHONE_LENGTH = 27  # characters, separators included


def _phone(text: str) -> str | None:
    text = text.strip()
    if len(text) <= PHONE_LENGTH and PHONE.match(text) and 6 <= sum(c.isdigit() for c in text) <= 15:
        return re.sub(r"\s+", " ", text)
    return None


def valid_contact(text: str) -> str | None:
    """A family's phone number (6 to 15 digits) or e-mail address, normalised, also inside a sentence; else None."""
    text = text.strip()
    if EMAIL.match(text):
        return text.lower()
    if phone := _phone(text):
        return phone
    if email := EMAIL_IN_TEXT.search(text):
        return email.group(0).lower()
    for candidate in PHONE_IN_TEXT.finditer(text):
        if phone := _phone(candidate.group(0)):
            return phone
    return None


# "ruf mich an", "Rückruf", "meine Nummer ist", "erreichbar unter", "call me", "передзвоніть", "beni arayın"
CALL_ME = re.compile(
    r"(?:\banruf|\banrufen|ruft? mich|rufen sie mich|zur[uü]ckruf|r[uü]ckruf|melden sie sich|meldet sich|"
    r"meine (?:handy|telefon)?nummer|meine tel\b|meine e-?mail|erreichbar|mich erreichen|"
    r"call me|call back|my number|reach me|передзвон|зателефонуйт|мій номер|ara(?:yın|yin|r m[iı]s[iı]n)|numaram|"
    r"اتصل|اتصلوا|رقمي)",
    re.IGNORECASE,
)


# "ab 14 Uhr", "zwischen 9 und 11 Uhr", "nachmittags", "montags ab 10 uhr": when the family can be reached
BEST_TIME = re.compile(
    r"(?:\b(?:mo|di|mi|do|fr|sa|montags?|dienstags?|mittwochs?|donnerstags?|freitags?|samstags?)\.?\s+)?"
    r"(?:\b(?:ab|nach|vor|bis|gegen|um|zwischen)\s+\d{1,2}(?:[:.]\d{2})?(?:\s*(?:und|bis|-)\s*\d{1,2}(?:[:.]\d{2})?)?"
    r"\s*uhr\b|\b(?:vormittags?|nachmittags?|morgens|abends|mittags|am vormittag|am nachmittag|am abend)\b)",
    re.IGNORECASE,
)


def best_time(text: str) -> str | None:
    """When the family says it can be reached ("rückruf bitte, ab 14 uhr gut" -> "ab 14 uhr"), or None."""
    found = BEST_TIME.search(text)
    return found.group(0).strip() if found else None


# A request to be called, put to the bot in words ("Kann mich mal jemand von euch anrufen?", "rufen Sie mich bitte
# zurück", "Rückruf bitte"): not a call someone else did not make ("das Jobcenter kann mich nicht mal zurückrufen")
ASKS_FOR_A_CALL = re.compile(
    r"\b(?:kann|kannst|könnte|koennte|können|koennen|könnten|koennten|würde|wuerde|würden|wuerden|könntet)\s+"
    r"(?:(?:sie|ihr|jemand|du|man)\s+)?(?:mich|uns)\s+(?:(?!nicht\b|nie\b)\w+\s+){0,4}(?:an|zur[uü]ck)\s?rufen\b"
    # the imperative only at the start of a sentence or after "bitte": not "mein Mann ruft mich immer an"
    r"|(?:^|[.!?,;]\s*|\bbitte\s+)(?:ruf|ruft)\s+(?:mich|uns)\s+(?:(?!nicht\b|nie\b)\w+\s+){0,3}(?:an|zur[uü]ck)\b"
    r"|\brufen\s+sie\s+(?:mich|uns)\s+(?:(?!nicht\b|nie\b)\w+\s+){0,3}(?:an|zur[uü]ck)\b"
    r"|\b(?:bitte|um|möchte|moechte|hätte\s+gerne?|haette\s+gerne?|brauche|wünsche|wuensche)\s+"
    r"(?:(?!kein\w*\b|nicht\b)\w+\s+){0,2}(?:r[uü]ckruf|anruf)\b|\br[uü]ckruf\s+(?:bitte|erwünscht|gewünscht)\b",
    re.IGNORECASE,
)


def asks_for_a_call(text: str) -> bool:
    """The message asks in so many words to be called back ("Kann mich jemand anrufen? Am besten nach 19 Uhr")."""
    return bool(ASKS_FOR_A_CALL.search(text))


def says_call_me(text: str) -> bool:
    """The message asks in words to be called or contacted ("Rückruf bitte", "ruf mich an"), with or without number."""
    return bool(CALL_ME.search(text))


def asks_to_be_called(text: str) -> bool:
    """A message that gives the family's own phone number or address to be contacted ("… ruf mich an, 0151 …").

    Both are needed: a number alone may be an office's ("stimmt die Nummer 05181 …?").
    """
    return says_call_me(text) and valid_contact(text) is not None


@dataclass(frozen=True)
class ContactRequest:
    """What a parent asked for, with its state."""

    id: int
    conversation_id: str
    channel: str
    status: str
    contact: str
    name: str | None
    best_time: str | None
    topic: str | None
    age_group: str | None
    note: str | None
    claimed_by: str | None
    created_at: datetime
    claimed_at: datetime | None
    done_at: datetime | None
    notice_sent_at: datetime | None = None
    notice_attempts: int = 0


class ContactRepository(UsesDatabase):
    """Every call opens its own session; claiming is one conditional UPDATE, so exactly one wins."""

    def create(self, now: datetime | None = None, **fields: str | None) -> int:
        """Store one request (fields: conversation_id, channel, contact, name, best_time, topic, age_group, note)."""
        values = {**fields, "status": "new", "created_at": now or datetime.now()}
        with Session(self.engine, future=True) as session, session.begin():
            request_id = int(session.execute(insert(contact_requests).values(**values)).inserted_primary_key[0])
            self._count(session, request_id, "callback_requested", now)
            return request_id

    def get(self, request_id: int) -> ContactRequest | None:
        with Session(self.engine, future=True) as session:
            row = session.execute(select(contact_requests).where(contact_requests.c.id == request_id)).first()
        return ContactRequest(**row._mapping) if row else None

    def notice_sent(self, request_id: int, now: datetime | None = None) -> None:
        """The staff chat has the notice; it is not sent again."""
        statement = (
            update(contact_requests)
            .where(contact_requests.c.id == request_id)
            .values(notice_sent_at=now or datetime.now(), notice_attempts=contact_requests.c.notice_attempts + 1)
        )
        with Session(self.engine, future=True) as session, session.begin():
            session.execute(statement)

    def notice_failed(self, request_id: int) -> None:
        """One more failed try; the notice stays due and is re-sent later."""
        statement = (
            update(contact_requests)
            .where(contact_requests.c.id == request_id)
            .values(notice_attempts=contact_requests.c.notice_attempts + 1)
        )
        with Session(self.engine, future=True) as session, session.begin():
            session.execute(statement)

    def notices_due(self, limit: int = 50) -> list[ContactRequest]:
        """Requests still waiting to be announced to staff (new ones only: a claimed one needs no notice)."""
        statement = (
            select(contact_requests)
            .where(contact_requests.c.notice_sent_at.is_(None), contact_requests.c.status == "new")
            .order_by(contact_requests.c.id)
            .limit(limit)
        )
        with Session(self.engine, future=True) as session:
            return [ContactRequest(**row._mapping) for row in session.execute(statement)]

    def list(self, status: str | None = None) -> list[ContactRequest]:
        statement = select(contact_requests).order_by(contact_requests.c.created_at)
        if status:
            statement = statement.where(contact_requests.c.status == status)
        with Session(self.engine, future=True) as session:
            return [ContactRequest(**row._mapping) for row in session.execute(statement)]

    def claim(self, request_id: int, staff: str, now: datetime | None = None) -> bool:
        """True for the one caller that turned the request from new to claimed."""
        statement = (
            update(contact_requests)
            .where(contact_requests.c.id == request_id, contact_requests.c.status == "new")
            .values(status="claimed", claimed_by=staff[:100], claimed_at=now or datetime.now())
        )
        with Session(self.engine, future=True) as session, session.begin():
            changed = session.execute(statement).rowcount == 1
            if changed:
                self._count(session, request_id, "callback_claimed", now)
            return changed

    def _count(self, session: Session, request_id: int, event: str, now: datetime | None) -> None:
        """The anonymous counter for the report (hour and channel only), in the same transaction."""
        query = select(contact_requests.c.channel).where(contact_requests.c.id == request_id)
        channel = session.execute(query).scalar() or "unbekannt"
        session.execute(usage_statement(self.engine.dialect.name, event, channel, now))

    def done(self, request_id: int, now: datetime | None = None) -> bool:
        statement = (
            update(contact_requests)
            .where(contact_requests.c.id == request_id, contact_requests.c.status != "done")
            .values(status="done", done_at=now or datetime.now())
        )
        with Session(self.engine, future=True) as session, session.begin():
            changed = session.execute(statement).rowcount == 1
            if changed:
                self._count(session, request_id, "callback_done", now)
            return changed

    def purge_done(self, older_than_days: int, now: datetime | None = None) -> int:
        """Delete finished requests whose work ended more than `older_than_days` ago."""
        cutoff = (now or datetime.now()) - timedelta(days=older_than_days)
        statement = delete(contact_requests).where(
            contact_requests.c.status == "done", contact_requests.c.done_at < cutoff
        )
        with Session(self.engine, future=True) as session, session.begin():
            return int(session.execute(statement).rowcount)

    def erase_conversation(self, conversation_id: str) -> int:
        """Delete every request of one conversation (right to erasure)."""
        statement = delete(contact_requests).where(contact_requests.c.conversation_id == conversation_id)
        with Session(self.engine, future=True) as session, session.begin():
            return int(session.execute(statement).rowcount)
