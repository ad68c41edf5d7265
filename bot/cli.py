"""`lotse` — the one command line for every operator task."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import yaml

from actions.notifications import NoticeFailed, Notifier, announce, notifier, review_notice, review_notifier
from bot.model import PROJECT_ROOT
from offers_db.categories import category_ids
from offers_db.contacts import ContactRepository, ContactRequest
from offers_db.db import database_url, make_engine
from offers_db.export import export_csv, export_json
from offers_db.loader import DEFAULT_OFFERS_DIR, load_offers, offer_files
from offers_db.migrate import MigrationError, current_revision, head_revision, migrate
from offers_db.privacy import DEFAULT_CONVERSATION_DAYS, DEFAULT_REQUEST_DAYS, Privacy
from offers_db.repository import OfferRepository, SearchQuery
from offers_db.schema import REVIEW_VALID_DAYS, Offer, reviewed_within
from offers_db.yaml_lines import LineDict, LineList, YamlProblem, load_yaml

TELEGRAM_MAX_CHARS = 4000  # Telegram takes at most 4096 characters per message


def today() -> date:
    """The current date; tests replace it for fixed output."""
    return date.today()


def _german_date(day: date) -> str:
    return day.strftime("%d.%m.%Y")


def _print_issues_or_none(path: Path) -> list[Offer] | None:
    """Validate `path`; print every problem and return None, or return the offers."""
    result = load_offers(path)
    for issue in result.issues:
        print(issue, file=sys.stderr)
    if result.issues:
        print(f"{len(result.issues)} Fehler – nichts geändert.", file=sys.stderr)
        return None
    return result.offers


def offers_validate(args: argparse.Namespace) -> int:
    offers = _print_issues_or_none(args.path)
    if offers is None:
        return 1
    print(f"OK: {len(offers)} Angebote in {args.path} sind gültig.")
    return 0


def offers_sync(args: argparse.Namespace) -> int:
    offers = _print_issues_or_none(args.path)
    if offers is None:
        return 1
    report = OfferRepository().sync(offers)
    if report.unchanged:
        print(f"Keine Änderungen ({len(offers)} Angebote).")
        return 0
    for label, ids in (("neu", report.added), ("geändert", report.changed), ("entfernt", report.removed)):
        for offer_id in ids:
            print(f"{label}: {offer_id}")
    print(
        f"Synchronisiert: {len(report.added)} neu, {len(report.changed)} geändert, "
        f"{len(report.removed)} entfernt ({len(offers)} Angebote)."
    )
    return 0


def _one_line(offer: Offer) -> str:
    ages = f"{_age(offer.min_age)}–{_age(offer.max_age)} J."
    flags = "" if offer.audience == "public" else " [nur Fachkräfte]"
    flags += {"active": "", "temporarily_closed": " [vorübergehend geschlossen]", "ended": " [beendet]"}[offer.status]
    return f"{offer.id:45} {ages:12} {','.join(offer.categories):30} {offer.title}{flags}"


def _age(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def offers_list(_args: argparse.Namespace) -> int:
    stored = OfferRepository().all()
    for offer in stored:
        print(_one_line(offer))
    print(f"{len(stored)} Angebote.")
    return 0


def offers_show(args: argparse.Namespace) -> int:
    offer = OfferRepository().get(args.id)
    if offer is None:
        print(f"Kein Angebot mit der ID '{args.id}'.", file=sys.stderr)
        return 1
    for key, value in offer.to_dict().items():
        if value not in (None, [], ""):
            print(f"{key:22} {value}")
    return 0


def offers_search(args: argparse.Namespace) -> int:
    query = SearchQuery(
        need=args.need,
        child_age=args.age,
        text=" ".join(args.text),
        district=args.district,
        language=args.language,
        audience="staff" if args.staff else "public",
    )
    hits = OfferRepository().search(query, limit=args.limit)
    for offer in hits:
        print(_one_line(offer))
    if not hits:
        print("Keine passenden Angebote.")
    return 0


def offers_export(args: argparse.Namespace) -> int:
    stored = [o for o in OfferRepository().all() if args.include_staff or o.audience == "public"]
    text = export_json(stored) if args.format == "json" else export_csv(stored)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"{len(stored)} Angebote nach {args.output} exportiert.", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


# --- reviews: which offers are due, mark one reviewed, check links, remind the team ---------------------


def _offers_for_review(path: Path) -> list[Offer]:
    """The valid offers of the files; problems are named on stderr but do not stop the review commands."""
    result = load_offers(path)
    if result.issues:
        print(
            f"Hinweis: {len(result.issues)} Fehler in den Dateien, betroffene Angebote fehlen hier "
            f"(Details: lotse offers validate).",
            file=sys.stderr,
        )
    return result.offers


def due_for_review(offers: Sequence[Offer], day: date, days: int = REVIEW_VALID_DAYS) -> list[Offer]:
    """Offers never confirmed by a person, or longer than `days` ago; ended offers are left out."""
    return [o for o in offers if o.active and not reviewed_within(o.last_reviewed, day, days)]


def _provider_contact(offers: Sequence[Offer]) -> str:
    """Website, phone numbers and e-mail addresses a provider gives in its offers, each once."""
    found: list[str] = []
    for offer in offers:
        for value in (offer.organization_website, offer.website, offer.phone, offer.email):
            if value and value not in found:
                found.append(value)
    return " · ".join(found[:6]) or "keine Kontaktdaten in den Angeboten"


def stale_report(offers: Sequence[Offer], day: date, days: int = REVIEW_VALID_DAYS) -> list[str]:
    """The offers due for review grouped by provider, with the provider's contact; [] when none is due."""
    due = due_for_review(offers, day, days)
    if not due:
        return []
    lines = [f"Zur Prüfung fällig (nie geprüft oder vor mehr als {days} Tagen), Stand {_german_date(day)}:"]
    providers = sorted({o.organization for o in due}, key=str.casefold)
    for provider in providers:
        own = [o for o in offers if o.organization == provider]
        lines += ["", f"{provider} – {_provider_contact(own)}"]
        for offer in sorted((o for o in due if o.organization == provider), key=lambda o: o.id):
            if offer.last_reviewed is None:
                when = "nie geprüft"
            else:
                when = f"zuletzt {_german_date(offer.last_reviewed)} ({(day - offer.last_reviewed).days} Tage)"
            lines.append(f"  {offer.id}: {when} – {offer.source_file}:{offer.source_line}")
    lines += ["", f"{len(due)} Angebote bei {len(providers)} Trägern zur Prüfung fällig."]
    return lines


def offers_stale(args: argparse.Namespace) -> int:
    offers = _offers_for_review(args.path)
    lines = stale_report(offers, today(), args.days)
    print("\n".join(lines) if lines else f"Alle Angebote sind in den letzten {args.days} Tagen geprüft worden.")
    return 0


def _find_offer(path: Path, offer_id: str) -> tuple[Path, LineDict] | None:
    """The file and the parsed entry (with its lines) of the offer `offer_id`; the first one wins."""
    for file in offer_files(path):
        try:
            data = load_yaml(file.read_text(encoding="utf-8-sig"))
        except (YamlProblem, UnicodeDecodeError, RecursionError):
            continue
        offer = _find_in(data, offer_id)
        if offer is not None:
            return file, offer
    return None


def _find_in(data: object, offer_id: str) -> LineDict | None:
    raw = data.get("offers") if isinstance(data, LineDict) else None
    for offer in raw if isinstance(raw, LineList) else []:
        if isinstance(offer, LineDict) and offer.get("id") == offer_id:
            return offer
    return None


def _block_value_line(line: str, key: str) -> tuple[str, str, str] | None:
    """(prefix up to the value, the value, a trailing comment) of `key: value  # …`, or None for other lines."""
    stripped = line.rstrip("\r\n")
    ending = line[len(stripped) :]
    head = stripped.lstrip(" ")
    if head.startswith("- "):
        head = head[2:].lstrip(" ")
    if not head.startswith(f"{key}:"):
        return None
    start = len(stripped) - len(head) + len(key) + 1
    rest = stripped[start:]
    value_part, comment = rest, ""
    if not rest.strip().startswith(("'", '"')) and " #" in rest:
        cut = rest.index(" #")
        value_part, comment = rest[:cut], rest[cut:]
    value = value_part.strip()
    spaces = len(value_part) - len(value_part.lstrip(" "))
    trailing = value_part[len(value_part.rstrip()) :] if value else ""
    return stripped[:start] + " " * max(spaces, 1), value, trailing + comment + ending


def _last_line_of(offer: LineDict) -> int:
    """1-based line of the offer's last key (its value may continue on the following lines)."""
    return max(offer.key_lines.values())


def mark_reviewed(text: str, offer: LineDict, day: date, by: str) -> str:
    """`text` with the offer's last_reviewed and reviewed_by set; every other line stays byte for byte."""
    lines = text.splitlines(keepends=True)
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    by_value = json.dumps(by, ensure_ascii=False)  # a double-quoted YAML scalar
    id_line = lines[offer.line_of("id") - 1]
    indent = " " * (len(id_line) - len(id_line.lstrip(" -")))
    edits: dict[int, str] = {}  # 0-based line -> new text
    inserts: list[str] = []
    anchor = -1
    for key, value in (("last_reviewed", day.isoformat()), ("reviewed_by", by_value)):
        if key in offer:
            index = offer.line_of(key) - 1
            parts = _block_value_line(lines[index], key)
            if parts is None:
                raise ValueError(f"{key} in Zeile {index + 1} bitte von Hand ändern (keine einfache Zeile „{key}: …“)")
            prefix, _, tail = parts
            edits[index] = f"{prefix}{value}{tail}"
        else:
            inserts.append(f"{indent}{key}: {value}{newline}")
    if inserts:
        anchor = offer.line_of("last_reviewed") - 1 if "last_reviewed" in offer else _end_of_offer(lines, offer)
        if not lines[anchor].endswith(("\n", "\r")):
            edits[anchor] = edits.get(anchor, lines[anchor]) + newline
    result = []
    for index, line in enumerate(lines):
        result.append(edits.get(index, line))
        if inserts and index == anchor:
            result.extend(inserts)
    return "".join(result)


def _end_of_offer(lines: list[str], offer: LineDict) -> int:
    """0-based index of the offer's last non-blank, non-comment line (after its last key's value)."""
    last_key = _last_line_of(offer) - 1
    key_indent = len(lines[last_key]) - len(lines[last_key].lstrip(" -"))
    end = last_key
    for index in range(last_key + 1, len(lines)):
        stripped = lines[index].strip()
        if not stripped or stripped.startswith("#"):
            continue
        if len(lines[index]) - len(lines[index].lstrip(" ")) <= key_indent:
            break
        end = index
    return end


def offers_reviewed(args: argparse.Namespace) -> int:
    by = " ".join(args.by.split())
    if not by or len(by) > 200:
        print("--by: bitte Name und Einrichtung angeben (höchstens 200 Zeichen).", file=sys.stderr)
        return 2
    day = args.date or today()
    if day > today():
        print(f"--date: {day.isoformat()} liegt in der Zukunft.", file=sys.stderr)
        return 2
    found = _find_offer(args.path, args.id)
    if found is None:
        print(f"Kein Angebot mit der ID '{args.id}' in {args.path}.", file=sys.stderr)
        return 1
    file, offer = found
    raw = file.read_bytes()
    bom = raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    try:
        changed = mark_reviewed(text, offer, day, by)
    except ValueError as error:
        print(f"{_relative(file)}: {error}", file=sys.stderr)
        return 1
    try:
        after = _find_in(load_yaml(changed), args.id)
    except YamlProblem:
        after = None
    if after is None or (after.get("last_reviewed"), after.get("reviewed_by")) != (day.isoformat(), by):
        print(f"{_relative(file)}: Änderung nicht eindeutig – bitte von Hand eintragen.", file=sys.stderr)
        return 1
    file.write_bytes((b"\xef\xbb\xbf" if bom else b"") + changed.encode("utf-8"))
    print(
        f"{_relative(file)}:{after.line_of('id')}: {args.id}: geprüft am {_german_date(day)} von {by}. "
        "Danach: lotse offers validate && lotse offers sync"
    )
    return 0


def _relative(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


@dataclass(frozen=True)
class LinkProblem:
    offer: Offer
    url: str
    reason: str

    def __str__(self) -> str:
        return f"{self.offer.source_file}:{self.offer.source_line}: {self.offer.id}: {self.url}: {self.reason}"


def check_link(url: str, timeout: float, slow: float) -> str | None:
    """None when `url` answers in time with a success (after redirects); else the reason, in German."""
    headers = {"User-Agent": "Familien-Lotse-Linkpruefung/1.0"}
    started = time.monotonic()
    try:
        for method in ("HEAD", "GET"):
            request = urllib.request.Request(url, method=method, headers=headers)  # noqa: S310 - http(s) checked
            try:
                with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
                    status = response.status
                break
            except urllib.error.HTTPError as error:
                if method == "HEAD" and error.code in (405, 501):  # the server does not answer HEAD: ask with GET
                    continue
                return f"HTTP {error.code}"
    except TimeoutError:
        return f"keine Antwort nach {timeout:g} s"
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            return f"keine Antwort nach {timeout:g} s"
        return f"nicht erreichbar ({error.reason})"
    except (OSError, ValueError) as error:
        return f"nicht erreichbar ({error})"
    took = time.monotonic() - started
    if status >= 400:
        return f"HTTP {status}"
    if took > slow:
        return f"langsam ({took:.1f} s)"
    return None


def offers_check_links(args: argparse.Namespace) -> int:
    offers = _offers_for_review(args.path)
    targets: dict[str, Offer] = {}
    for offer in offers:
        for url in (offer.website, offer.organization_website, offer.source_url):
            if url and url not in targets:
                targets[url] = offer
    with ThreadPoolExecutor(max_workers=8) as pool:
        reasons = list(pool.map(lambda url: check_link(url, args.timeout, args.slow), targets))
    problems = [LinkProblem(o, url, r) for (url, o), r in zip(targets.items(), reasons, strict=True) if r]
    problems.sort(key=lambda p: (p.offer.source_file, p.offer.source_line, p.url))
    for problem in problems:
        print(problem)
    print(f"{len(targets)} Adressen geprüft, {len(problems)} mit Problemen.")
    return 1 if problems else 0


def offers_remind(args: argparse.Namespace) -> int:
    """Post the offers due for review to the reminder chat (weekly timer); off without LOTSE_REVIEW_REMINDER_CHAT."""
    from lotse.settings import settings

    config = settings()
    if not config.review_reminder_chat:
        print("Erinnerung ist aus (LOTSE_REVIEW_REMINDER_CHAT ist leer); nichts gesendet.")
        return 0
    sender = review_notifier()
    if sender is None:
        print("LOTSE_REVIEW_REMINDER_CHAT ist gesetzt, aber Telegram nicht (TELEGRAM_TOKEN …).", file=sys.stderr)
        return 1
    lines = stale_report(_offers_for_review(args.path), today(), args.days)
    if not lines:
        print("Keine Angebote zur Prüfung fällig; nichts gesendet.")
        return 0
    text = "\n".join(lines)
    if len(text) > TELEGRAM_MAX_CHARS:
        cut = text.rfind("\n", 0, TELEGRAM_MAX_CHARS - 80)
        text = text[:cut] + "\n…\n" + lines[-1] + "\nAlle: lotse offers stale"
    try:
        asyncio.run(sender.send(review_notice(text)))
    except NoticeFailed:
        print("Telegram hat die Erinnerung nicht angenommen; nächste Woche erneut.", file=sys.stderr)
        return 1
    print(f"Erinnerung gesendet: {lines[-1]}")
    return 0


def run_bot(_args: argparse.Namespace) -> int:
    from bot.run import run  # imports the server helpers only when needed

    return run()


def train_model(_args: argparse.Namespace) -> int:
    from bot.model import ensure_model

    print(ensure_model())
    return 0


def _report_repository(args: argparse.Namespace) -> OfferRepository:
    """The configured database, or the one given with --db (e.g. demo data)."""
    return OfferRepository(make_engine(args.db)) if args.db else OfferRepository()


def report_needs(args: argparse.Namespace) -> int:
    start = args.start or args.since
    if args.format in ("table", "text"):
        return _report_needs_text(_report_repository(args), start, args.end)
    end = args.end or today()
    start = start or end.replace(year=end.year - 1) + timedelta(days=1)
    if start > end:
        print("--from liegt nach --to – kein Bericht.", file=sys.stderr)
        return 2
    if args.format == "pdf" and not args.out:
        print("--format pdf braucht --out DATEI.", file=sys.stderr)
        return 2
    from bot.report import render_csv, render_html, render_pdf
    from offers_db.needs_report import build_report

    report = build_report(_report_repository(args).engine, start, end, today=today())
    if args.format == "pdf":
        args.out.write_bytes(render_pdf(report, generated=today()))
    else:
        text = render_csv(report) if args.format == "csv" else render_html(report, generated=today())
        if not args.out:
            sys.stdout.write(text)
            return 0
        args.out.write_text(text, encoding="utf-8")
    print(f"Bedarfsbericht {report.period} geschrieben: {args.out}")
    return 0


def _report_needs_text(repository: OfferRepository, since: date | None, until: date | None) -> int:
    """Today's console table: raw sums per need (for the operator, not for the committee)."""
    rows = repository.need_report(since=since, until=until)
    totals: dict[tuple[str, str], int] = {}
    for row in rows:
        key = (str(row["need"]), str(row["outcome"]))
        totals[key] = totals.get(key, 0) + int(str(row["count"]))
    print(f"{'Bedarf':28} {'gefunden':>9} {'ungedeckt':>10}")
    for need in sorted({need for need, _ in totals}):
        print(f"{need:28} {totals.get((need, 'matched'), 0):>9} {totals.get((need, 'unmet'), 0):>10}")
    return 0


def report_demo_data(args: argparse.Namespace) -> int:
    from offers_db.demo_data import generate

    if args.out is not None:
        if args.out.exists():
            print(
                f"{args.out} gibt es schon – bitte eine neue Datei angeben (Demodaten nur in Wegwerf-Datenbanken).",
                file=sys.stderr,
            )
            return 2
        url = f"sqlite:///{args.out.resolve()}"
    else:
        url = args.db
    summary = generate(make_engine(url), conversations=args.conversations, seed=args.seed, end=args.to or today())
    conversations, needs = (f"{n:,}".replace(",", ".") for n in (summary.conversations, summary.needs))
    print(
        f"Demodaten: {conversations} Gespräche, {needs} Bedarfe vom "
        f"{_german_date(summary.start)} bis {_german_date(summary.end)}."
    )
    print(f"Bericht: lotse report needs --db {url} --format pdf --out bedarfsbericht.pdf")
    return 0


def _request_line(request: ContactRequest) -> str:
    created = request.created_at.strftime("%Y-%m-%d %H:%M")
    return f"#{request.id:<5} {request.status:8} {created}  {request.topic or '-':24} {request.channel}"


def requests_list(args: argparse.Namespace) -> int:
    found = ContactRepository().list(status=args.status)
    for request in found:
        print(_request_line(request))
    print(f"{len(found)} Anfragen.")
    return 0


def requests_show(args: argparse.Namespace) -> int:
    request = ContactRepository().get(args.id)
    if request is None:
        print(f"Keine Anfrage #{args.id}.", file=sys.stderr)
        return 1
    for key, value in request.__dict__.items():
        if value not in (None, ""):
            print(f"{key:16} {value}")
    return 0


def requests_claim(args: argparse.Namespace) -> int:
    if ContactRepository().claim(args.id, args.by):
        print(f"Anfrage #{args.id} übernommen von {args.by}.")
        return 0
    print(f"Anfrage #{args.id} gibt es nicht oder sie ist schon übernommen.", file=sys.stderr)
    return 1


def requests_notify(_args: argparse.Namespace, sender: Notifier | None = None) -> int:
    """Send the staff chat every notice that is still due (run by a timer; `sender` for tests)."""
    sender = sender or notifier()
    if sender is None:
        print("Kein Team-Chat eingerichtet (TELEGRAM_TOKEN und LOTSE_STAFF_CHAT_ID); nichts gesendet.")
        return 0
    domain = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))
    template = domain["responses"]["utter_staff_new_request"][0]
    sent, due = asyncio.run(announce(ContactRepository(), sender, template))
    print(f"Hinweise an das Team: {sent} gesendet, {due} noch offen.")
    return 1 if due else 0


def languages_check(_args: argparse.Namespace) -> int:
    """Every key a language file lacks or has too much, against domain.yml and categories.yml."""
    from bot.languages import check
    from lotse.languages import language_packs

    try:
        packs = language_packs()
    except ValueError as error:
        print(error, file=sys.stderr)
        return 1
    domain = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))
    problems = check(domain, packs)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} Fehler in {len(packs)} Sprachdateien.", file=sys.stderr)
        return 1
    unreviewed = [pack.name for pack in packs.values() if not pack.reviewed]
    print(f"OK: {len(packs)} Sprachen vollständig ({', '.join(p.name for p in packs.values())}).")
    if unreviewed:
        print(f"Noch nicht von Muttersprachler:innen geprüft: {', '.join(unreviewed)}.")
    return 0


def requests_done(args: argparse.Namespace) -> int:
    if ContactRepository().done(args.id):
        print(f"Anfrage #{args.id} erledigt.")
        return 0
    print(f"Anfrage #{args.id} gibt es nicht oder sie ist schon erledigt.", file=sys.stderr)
    return 1


def privacy_purge(args: argparse.Namespace) -> int:
    report = Privacy().purge(request_days=args.requests_days, conversation_days=args.conversations_days)
    print(
        f"Gelöscht: {report.conversations} Gespräche ({report.events} Einträge) älter als "
        f"{args.conversations_days} Tage, {report.requests} erledigte Anfragen älter als {args.requests_days} Tage."
    )
    return 0


def privacy_erase(args: argparse.Namespace) -> int:
    report = Privacy().erase(args.conversation_id)
    print(f"Gelöscht: {report.events} Gesprächseinträge und {report.requests} Anfragen.")
    return 0


def db_upgrade(_args: argparse.Namespace) -> int:
    engine = make_engine(database_url(), upgrade=False)
    try:
        before = current_revision(engine)
        after = migrate(engine)
    except MigrationError as error:
        print(error, file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    print(f"Datenbank ist aktuell ({after})." if before == after else f"Datenbank auf Stand {after}.")
    return 0


def db_status(_args: argparse.Namespace) -> int:
    engine = make_engine(database_url(), upgrade=False)
    try:
        current = current_revision(engine)
    finally:
        engine.dispose()
    head = head_revision()
    print(f"Stand der Datenbank: {current or 'keiner'}")
    print(f"Neuester Stand:      {head}")
    if current != head:
        print("Bitte vorher sichern, dann: lotse db upgrade")
    return 0


def serving_model(explicit: Path | None) -> Path:
    """The model a Rasa server loads: the given file, the one for the current checkout, or the newest trained one."""
    from bot.model import MODELS_DIR, model_path

    if explicit is not None:
        if not explicit.is_file():
            raise SystemExit(f"Modelldatei {explicit} gibt es nicht.")
        return explicit
    current = model_path()
    if current.exists():
        return current
    trained = sorted(MODELS_DIR.glob("lotse-*.tar.gz"), key=lambda path: path.stat().st_mtime)
    if not trained:
        raise SystemExit("Kein trainiertes Modell in models/: bitte zuerst `lotse train` (einige Minuten).")
    print(
        f"Hinweis: kein Modell für den aktuellen Stand ({current.name}), nehme {trained[-1].name}; "
        "bitte `lotse train` und die Server nacheinander neu starten.",
        file=sys.stderr,
    )
    return trained[-1]


def serve_server(args: argparse.Namespace) -> int:
    """One server in the foreground; this process becomes it (supervisor and systemd watch this pid)."""
    import os

    from bot.model import MODELS_DIR
    from bot.run import action_server_command, rasa_server_command, server_environment
    from lotse.settings import settings

    config = settings()
    if args.server == "rasa":
        config = config.with_changes(port=args.port or config.port)
        command = rasa_server_command(serving_model(args.model), config, config.port)
    else:
        config = config.with_changes(action_port=args.port or config.action_port)
        command = action_server_command(config.action_port)
    env = server_environment(config)
    os.chdir(MODELS_DIR.parent)  # the project root, as for `lotse run`
    sys.stdout.flush()
    sys.stderr.flush()
    os.execvpe(command[0], command, env)  # noqa: S606 - the server replaces this process on purpose
    return 1  # not reached: execvpe replaces this process


def cluster_start(_args: argparse.Namespace) -> int:
    from bot.cluster import how_to_chat, start

    try:
        cluster = start()
    except (RuntimeError, TimeoutError) as error:
        print(f"Der Cluster ist nicht hochgekommen: {error}", file=sys.stderr)
        return 1
    print(how_to_chat(cluster), flush=True)
    return 0


def cluster_stop(_args: argparse.Namespace) -> int:
    from bot.cluster import stop

    killed = stop()
    print("Cluster beendet." + (f" Hart beendet (Prozess-IDs): {killed}" if killed else ""))
    return 0


def cluster_status(_args: argparse.Namespace) -> int:
    from bot.cluster import status

    healthy, report = status()
    print(report)
    return 0 if healthy else 1


# every command's help ends with an example (added below where a command has none of its own)
EXAMPLES = {
    (): "lotse offers validate",
    ("offers",): "lotse offers search --need kinderbetreuung --age 4",
    ("offers", "validate"): "lotse offers validate offers_db/offers",
    ("offers", "sync"): "lotse offers sync",
    ("offers", "list"): "lotse offers list",
    ("offers", "show"): "lotse offers show familienzentrum-alfeld-lotse",
    ("offers", "search"): "lotse offers search --need kinderbetreuung --age 4 krippe",
    ("offers", "export"): "lotse offers export --format csv -o angebote.csv",
    ("offers", "stale"): "lotse offers stale --days 365",
    ("offers", "reviewed"): "lotse offers reviewed familienzentrum-alfeld-lotse --by 'M. Muster'",
    ("offers", "check-links"): "lotse offers check-links --timeout 5",
    ("offers", "remind"): "lotse offers remind",
    ("run",): "lotse run",
    ("train",): "lotse train",
    ("report",): "lotse report needs --since 2026-01-01",
    ("report", "needs"): "lotse report needs --from 2026-01-01 --format pdf --out bericht.pdf",
    ("report", "demo-data"): "lotse report demo-data --out /tmp/demo.sqlite3 --seed 1",
    ("requests",): "lotse requests list --status new",
    ("requests", "list"): "lotse requests list --status new",
    ("requests", "show"): "lotse requests show 12",
    ("requests", "claim"): "lotse requests claim 12 --by 'A. Meyer'",
    ("requests", "done"): "lotse requests done 12",
    ("languages",): "lotse languages check",
    ("languages", "check"): "lotse languages check",
    ("privacy",): "lotse privacy purge",
    ("privacy", "purge"): "lotse privacy purge --requests-days 30 --conversations-days 90",
    ("privacy", "erase"): "lotse privacy erase 5f0c2a9e4b7d4e1f9a3c6b8d2e7f1a0c",
}


def add_examples(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> None:
    """Give every (sub)command without an epilog its example from EXAMPLES."""
    if not parser.epilog and path in EXAMPLES:
        parser.epilog = f"Beispiel: {EXAMPLES[path]}"
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                add_examples(child, (*path, name))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="lotse", description="Familien-Lotse: Betrieb und Pflege")
    commands = parser.add_subparsers(dest="command", required=True)

    offers = commands.add_parser("offers", help="Angebote prüfen, laden, suchen, exportieren")
    sub = offers.add_subparsers(dest="offers_command", required=True)
    for name, handler, help_text in (
        ("validate", offers_validate, "alle YAML-Dateien prüfen"),
        ("sync", offers_sync, "YAML-Dateien in die Datenbank übernehmen (atomar)"),
    ):
        cmd = sub.add_parser(name, help=help_text)
        cmd.add_argument("path", nargs="?", type=Path, default=DEFAULT_OFFERS_DIR)
        cmd.set_defaults(handler=handler)
    sub.add_parser("list", help="gespeicherte Angebote auflisten").set_defaults(handler=offers_list)
    show = sub.add_parser("show", help="ein Angebot anzeigen")
    show.add_argument("id")
    show.set_defaults(handler=offers_show)
    search = sub.add_parser("search", help="wie der Bot suchen")
    search.add_argument("text", nargs="*")
    search.add_argument("--need", choices=category_ids())
    search.add_argument("--age", type=float)
    search.add_argument("--district")
    search.add_argument("--language")
    search.add_argument("--staff", action="store_true", help="auch Angebote nur für Fachkräfte")
    search.add_argument("--limit", type=int, default=10)
    search.set_defaults(handler=offers_search)
    export = sub.add_parser("export", help="für andere Portale exportieren")
    export.add_argument("--format", choices=("json", "csv"), default="json")
    export.add_argument("--output", "-o")
    export.add_argument("--include-staff", action="store_true")
    export.set_defaults(handler=offers_export)
    stale = sub.add_parser(
        "stale",
        help="Angebote, die geprüft werden müssen, nach Träger",
        description="Listet Angebote, die nie oder vor mehr als --days Tagen von einer Person geprüft wurden, "
        "nach Träger mit dessen Kontakt (Webseite, Telefon, E-Mail aus den Angeboten). Beendete fehlen.",
    )
    stale.add_argument(
        "--days", type=int, default=REVIEW_VALID_DAYS, help=f"Prüfung gilt so viele Tage (Standard {REVIEW_VALID_DAYS})"
    )
    stale.add_argument("path", nargs="?", type=Path, default=DEFAULT_OFFERS_DIR)
    stale.set_defaults(handler=offers_stale)
    reviewed = sub.add_parser(
        "reviewed",
        help="ein Angebot als geprüft eintragen (last_reviewed, reviewed_by)",
        description="Setzt last_reviewed und reviewed_by des Angebots in seiner YAML-Datei; alle anderen Zeilen "
        "bleiben, wie sie sind. Danach: lotse offers validate && lotse offers sync.",
    )
    reviewed.add_argument("id")
    reviewed.add_argument("--by", required=True, help="wer die Angaben bestätigt hat (Name, Einrichtung)")
    reviewed.add_argument("--date", type=date.fromisoformat, help="Datum JJJJ-MM-TT (Standard: heute)")
    reviewed.add_argument("--path", type=Path, default=DEFAULT_OFFERS_DIR, help="Datei oder Ordner der Angebote")
    reviewed.set_defaults(handler=offers_reviewed)
    links = sub.add_parser(
        "check-links",
        help="Webseiten und Quellen aller Angebote aufrufen",
        description="Ruft jede Webseite und jede Quelle (source.url) auf (HEAD, bei 405 GET) und nennt tote "
        "und langsame als datei:zeile: id: adresse: grund. Exit-Code 1, wenn eine Adresse ein Problem hat.",
    )
    links.add_argument("--timeout", type=float, default=5.0, help="Sekunden bis „keine Antwort“ (Standard 5)")
    links.add_argument("--slow", type=float, default=3.0, help="ab so vielen Sekunden „langsam“ (Standard 3)")
    links.add_argument("path", nargs="?", type=Path, default=DEFAULT_OFFERS_DIR)
    links.set_defaults(handler=offers_check_links)
    remind = sub.add_parser(
        "remind",
        help="fällige Prüfungen an den Team-Chat senden (wöchentlicher Timer)",
        description="Sendet die Liste von `lotse offers stale` an den Telegram-Chat LOTSE_REVIEW_REMINDER_CHAT; "
        "ist die Einstellung leer, passiert nichts.",
    )
    remind.add_argument("--days", type=int, default=REVIEW_VALID_DAYS)
    remind.add_argument("path", nargs="?", type=Path, default=DEFAULT_OFFERS_DIR)
    remind.set_defaults(handler=offers_remind)
    commands.add_parser("run", help="den ganzen Bot starten (Angebote, Modell, Server)").set_defaults(handler=run_bot)
    commands.add_parser("train", help="das Rasa-Modell trainieren, falls nötig").set_defaults(handler=train_model)
    report = commands.add_parser("report", help="anonyme Zahlen für die Ausschüsse")
    report_sub = report.add_subparsers(dest="report_command", required=True)
    needs = report_sub.add_parser(
        "needs",
        help="gefragte und ungedeckte Bedarfe; Bericht für den Ausschuss als HTML, PDF oder CSV",
        description="Ohne --format: die Summen je Bedarf in der Konsole. html/pdf/csv: der Bedarfsbericht für den "
        "Jugend- und Sozialausschuss, nur zusammengefasste Zahlen, jede Zahl unter 5 als „< 5“ "
        "(Standardzeitraum: die 12 Monate bis heute).",
    )
    needs.add_argument("--since", type=date.fromisoformat, help="ab Datum JJJJ-MM-TT (wie --from)")
    needs.add_argument("--from", dest="start", type=date.fromisoformat, help="erster Tag JJJJ-MM-TT")
    needs.add_argument("--to", dest="end", type=date.fromisoformat, help="letzter Tag JJJJ-MM-TT (Standard: heute)")
    needs.add_argument("--format", choices=("table", "text", "html", "pdf", "csv"), default="table")
    needs.add_argument("--out", type=Path, help="Ausgabedatei (bei pdf nötig; sonst Standardausgabe)")
    needs.add_argument("--db", help="Datenbank-URL statt der eingestellten (z. B. Demodaten)")
    needs.set_defaults(handler=report_needs)
    demo = report_sub.add_parser(
        "demo-data",
        help="eine Wegwerf-Datenbank mit erfundenen Zählern füllen, um den Bericht zu sehen",
        description="Füllt nur die angegebene Datenbank (nie die eingestellte) mit realistischen, erfundenen "
        "Zählern für die 365 Tage bis --to.",
    )
    target = demo.add_mutually_exclusive_group(required=True)
    target.add_argument("--db", help="Datenbank-URL (wird ausdrücklich angegeben, nie die eingestellte)")
    target.add_argument("--out", type=Path, help="neue SQLite-Datei")
    demo.add_argument("--conversations", type=int, default=100_000, help="Anzahl Gespräche (Standard 100000)")
    demo.add_argument("--seed", type=int, default=1, help="Startwert des Zufalls (gleicher Wert, gleiche Daten)")
    demo.add_argument("--to", type=date.fromisoformat, help="letzter Tag JJJJ-MM-TT (Standard: heute)")
    demo.set_defaults(handler=report_demo_data)

    requests = commands.add_parser("requests", help="Rückruf-Anfragen an das Familienzentrum")
    requests_sub = requests.add_subparsers(dest="requests_command", required=True)
    listing = requests_sub.add_parser("list", help="Anfragen auflisten")
    listing.add_argument("--status", choices=("new", "claimed", "done"))
    listing.set_defaults(handler=requests_list)
    for name, handler, help_text in (
        ("show", requests_show, "eine Anfrage mit Kontaktdaten anzeigen"),
        ("claim", requests_claim, "eine Anfrage übernehmen"),
        ("done", requests_done, "eine Anfrage als erledigt markieren"),
    ):
        cmd = requests_sub.add_parser(name, help=help_text)
        cmd.add_argument("id", type=int)
        if name == "claim":
            cmd.add_argument("--by", required=True, help="wer übernimmt (Name oder Kürzel)")
        cmd.set_defaults(handler=handler)
    notify = requests_sub.add_parser(
        "notify",
        help="fällige Hinweise an den Team-Chat senden (auch erneut)",
        description="Sendet Hinweise auf neue Anfragen, die Telegram noch nicht angenommen hat.",
        epilog="Beispiel: lotse requests notify",
    )
    notify.set_defaults(handler=requests_notify)

    languages = commands.add_parser("languages", help="Sprachdateien unter languages/ prüfen")
    languages_sub = languages.add_subparsers(dest="languages_command", required=True)
    languages_sub.add_parser(
        "check",
        help="fehlende und überzählige Texte je Sprache auflisten",
        description="Vergleicht jede Datei languages/<code>.yml mit domain.yml und offers_db/categories.yml.",
    ).set_defaults(handler=languages_check)

    privacy = commands.add_parser("privacy", help="Löschfristen und Recht auf Löschung")
    privacy_sub = privacy.add_subparsers(dest="privacy_command", required=True)
    purge = privacy_sub.add_parser("purge", help="alte Gespräche und erledigte Anfragen löschen (täglich)")
    purge.add_argument("--requests-days", type=int, default=DEFAULT_REQUEST_DAYS)
    purge.add_argument("--conversations-days", type=int, default=DEFAULT_CONVERSATION_DAYS)
    purge.set_defaults(handler=privacy_purge)
    erase = privacy_sub.add_parser("erase", help="ein Gespräch und seine Anfragen vollständig löschen")
    erase.add_argument("conversation_id")
    erase.set_defaults(handler=privacy_erase)

    database = commands.add_parser(
        "db",
        help="Stand der Datenbank prüfen und aktualisieren (Migrationen)",
        description="Die Tabellen des Familien-Lotsen in der Angebots-Datenbank (DATABASE_URL).",
        epilog="Beispiel: lotse db upgrade",
    )
    database_sub = database.add_subparsers(dest="db_command", required=True)
    database_sub.add_parser(
        "upgrade",
        help="die Datenbank auf den neuesten Stand bringen (lotse run tut das auch)",
        description="Führt alle ausstehenden Migrationen in einer Transaktion aus: alle oder keine.",
        epilog="Beispiel: lotse db upgrade",
    ).set_defaults(handler=db_upgrade)
    database_sub.add_parser(
        "status",
        help="aktuellen und neuesten Stand anzeigen",
        description="Zeigt den Stand der Datenbank und den neuesten Stand dieser Version; ändert nichts.",
        epilog="Beispiel: lotse db status",
    ).set_defaults(handler=db_status)

    cluster = commands.add_parser(
        "cluster",
        help="den Produktions-Aufbau auf diesem Rechner starten und stoppen (für Tests und Vorführungen)",
        description="nginx auf 127.0.0.1:8080 vor zwei Rasa-Servern (5005, 5006) und zwei Action-Servern "
        "(5055, 5056) unter supervisor, mit PostgreSQL (Datenbank lotse_cluster) und Redis (Datenbank 1) – "
        "aufgebaut wie auf dem Server. Konfiguration und Logs: var/cluster/.",
        epilog="Beispiel: lotse cluster start",
    )
    cluster_sub = cluster.add_subparsers(dest="cluster_command", required=True)
    for name, cluster_handler, help_text, description in (
        ("start", cluster_start, "Datenbank, Angebote, Modell vorbereiten und alles starten",
         "Legt die Datenbank an, lädt die Angebote, trainiert falls nötig, startet supervisord und wartet, "
         "bis nginx und alle Server antworten (etwa eine Minute)."),
        ("stop", cluster_stop, "alle Prozesse des Clusters beenden",
         "supervisorctl shutdown, dann warten, bis kein Prozess des Clusters mehr läuft."),
        ("status", cluster_status, "Prozesse und Erreichbarkeit anzeigen",
         "Zustand jedes Prozesses laut supervisor und ob nginx und jeder Server antworten; ändert nichts."),
    ):  # fmt: skip
        cluster_sub.add_parser(
            name, help=help_text, description=description, epilog=f"Beispiel: lotse cluster {name}"
        ).set_defaults(handler=cluster_handler)

    serve = commands.add_parser(
        "serve",
        help="einen einzelnen Server im Vordergrund starten (für supervisor und systemd)",
        description="Startet einen Rasa-Server oder einen Action-Server mit den Einstellungen aus der Umgebung "
        "(LOTSE_…); der Prozess wird zum Server, supervisor und systemd überwachen ihn direkt.",
        epilog="Beispiel: lotse serve rasa --port 5005",
    )
    serve.add_argument("server", choices=("rasa", "actions"), help="welcher Server")
    serve.add_argument("--port", type=int, help="Port (Standard: LOTSE_PORT bzw. LOTSE_ACTION_PORT)")
    serve.add_argument("--model", type=Path, help="Modelldatei (Standard: das Modell zum aktuellen Stand)")
    serve.set_defaults(handler=serve_server)
    add_examples(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.handler(args))


if __name__ == "__main__":
    sys.exit(main())
