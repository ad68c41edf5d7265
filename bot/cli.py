"""`lotse` — the one command line for every operator task."""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from offers_db.categories import category_ids
from offers_db.contacts import ContactRepository, ContactRequest
from offers_db.export import export_csv, export_json
from offers_db.loader import DEFAULT_OFFERS_DIR, load_offers
from offers_db.privacy import DEFAULT_CONVERSATION_DAYS, DEFAULT_REQUEST_DAYS, Privacy
from offers_db.repository import OfferRepository, SearchQuery
from offers_db.schema import Offer


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
    flags += "" if offer.active else " [inaktiv]"
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


def run_bot(_args: argparse.Namespace) -> int:
    from bot.run import run  # imports the server helpers only when needed

    return run()


def train_model(_args: argparse.Namespace) -> int:
    from bot.model import ensure_model

    print(ensure_model())
    return 0


def report_needs(args: argparse.Namespace) -> int:
    rows = OfferRepository().need_report(since=args.since)
    totals: dict[tuple[str, str], int] = {}
    for row in rows:
        key = (str(row["need"]), str(row["outcome"]))
        totals[key] = totals.get(key, 0) + int(str(row["count"]))
    if args.format == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(["day", "need", "age_group", "channel", "outcome", "count"])
        for row in rows:
            writer.writerow([row["day"], row["need"], row["age_group"], row["channel"], row["outcome"], row["count"]])
        return 0
    print(f"{'Bedarf':28} {'gefunden':>9} {'ungedeckt':>10}")
    for need in sorted({need for need, _ in totals}):
        print(f"{need:28} {totals.get((need, 'matched'), 0):>9} {totals.get((need, 'unmet'), 0):>10}")
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
    commands.add_parser("run", help="den ganzen Bot starten (Angebote, Modell, Server)").set_defaults(handler=run_bot)
    commands.add_parser("train", help="das Rasa-Modell trainieren, falls nötig").set_defaults(handler=train_model)
    report = commands.add_parser("report", help="anonyme Zahlen für die Ausschüsse")
    report_sub = report.add_subparsers(dest="report_command", required=True)
    needs = report_sub.add_parser("needs", help="gefragte und ungedeckte Bedarfe")
    needs.add_argument("--since", type=date.fromisoformat, help="ab Datum JJJJ-MM-TT")
    needs.add_argument("--format", choices=("table", "csv"), default="table")
    needs.set_defaults(handler=report_needs)

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

    privacy = commands.add_parser("privacy", help="Löschfristen und Recht auf Löschung")
    privacy_sub = privacy.add_subparsers(dest="privacy_command", required=True)
    purge = privacy_sub.add_parser("purge", help="alte Gespräche und erledigte Anfragen löschen (täglich)")
    purge.add_argument("--requests-days", type=int, default=DEFAULT_REQUEST_DAYS)
    purge.add_argument("--conversations-days", type=int, default=DEFAULT_CONVERSATION_DAYS)
    purge.set_defaults(handler=privacy_purge)
    erase = privacy_sub.add_parser("erase", help="ein Gespräch und seine Anfragen vollständig löschen")
    erase.add_argument("conversation_id")
    erase.set_defaults(handler=privacy_erase)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.handler(args))


if __name__ == "__main__":
    sys.exit(main())
