"""Staff notices: sent once, kept and re-sent when Telegram fails, no personal data, retries with aiogram."""

from __future__ import annotations

import asyncio
import json
import socket
import threading
from collections.abc import Iterator
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

import pytest

from actions.notifications import FakeNotifier, NoticeFailed, StaffNotice, TelegramNotifier, announce, staff_notice
from bot import cli
from offers_db.contacts import ContactRepository
from offers_db.db import make_engine
from tests.tracker import domain

NOW = datetime(2026, 11, 25, 12, 0)
TEMPLATE = domain()["responses"]["utter_staff_new_request"][0]


@pytest.fixture
def requests() -> ContactRepository:
    return ContactRepository(make_engine("sqlite://"))


def store(requests: ContactRepository, topic: str = "kinderbetreuung") -> int:
    return requests.create(
        now=NOW, conversation_id="c1", channel="webchat", contact="0151 23456789", name="Ayşe K.",
        topic=topic, age_group="3-6", note="bitte nach 14 Uhr",
    )  # fmt: skip


def test_notice_names_number_topic_and_age_group_but_nothing_personal(requests: ContactRepository) -> None:
    request_id = store(requests)
    notice = staff_notice(TEMPLATE, requests.get(request_id))  # type: ignore[arg-type]
    assert notice == StaffNotice(
        request_id,
        f"Neue Rückruf-Anfrage #{request_id}\nThema: Kinderbetreuung\nAltersgruppe: 3-6",
        (("übernehmen", f"claim:{request_id}"),),
    )
    assert not any(secret in notice.text for secret in ("0151", "Ayşe", "14 Uhr", "c1"))


def test_each_request_is_announced_exactly_once(requests: ContactRepository) -> None:
    first, second = store(requests), store(requests)
    fake = FakeNotifier()
    assert asyncio.run(announce(requests, fake, TEMPLATE)) == (2, 0)
    assert asyncio.run(announce(requests, fake, TEMPLATE)) == (0, 0)
    assert [n.request_id for n in fake.sent] == [first, second]
    assert requests.get(first).notice_sent_at is not None  # type: ignore[union-attr]


def test_a_failed_notice_is_kept_and_sent_later_and_the_request_is_never_lost(requests: ContactRepository) -> None:
    request_id = store(requests)
    fake = FakeNotifier(failures=1)
    assert asyncio.run(announce(requests, fake, TEMPLATE)) == (0, 1)
    kept = requests.get(request_id)
    assert kept is not None and kept.status == "new" and kept.notice_sent_at is None and kept.notice_attempts == 1
    assert asyncio.run(announce(requests, fake, TEMPLATE)) == (1, 0)
    assert [n.request_id for n in fake.sent] == [request_id]
    assert requests.get(request_id).notice_attempts == 2  # type: ignore[union-attr]


def test_a_claimed_request_needs_no_notice_any_more(requests: ContactRepository) -> None:
    request_id = store(requests)
    requests.claim(request_id, "Frau Test")
    assert asyncio.run(announce(requests, FakeNotifier(), TEMPLATE)) == (0, 0)


def test_without_a_staff_chat_nothing_is_sent_and_nothing_marked(requests: ContactRepository) -> None:
    request_id = store(requests)
    assert asyncio.run(announce(requests, None, TEMPLATE)) == (0, 0)
    assert requests.get(request_id).notice_sent_at is None  # type: ignore[union-attr]


class FlakyTelegram(BaseHTTPRequestHandler):
    """A Bot API server that answers 502 to the first `fail` sendMessage calls, then accepts."""

    fail = 0
    received: ClassVar[list[dict[str, Any]]] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        type(self).received.append({"path": self.path, "body": body.decode(errors="replace")})
        if type(self).fail > 0:
            type(self).fail -= 1
            payload, status = {"ok": False, "error_code": 502, "description": "Bad Gateway"}, 502
        else:
            payload, status = (
                {"ok": True, "result": {"message_id": 1, "date": 0, "chat": {"id": -1, "type": "group"}}},
                200,
            )
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def telegram_server() -> Iterator[str]:
    FlakyTelegram.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), FlakyTelegram)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_telegram_notifier_retries_and_then_delivers(telegram_server: str) -> None:
    FlakyTelegram.fail = 2
    notifier = TelegramNotifier("123:abc", "-100", api_server=telegram_server, attempts=3, pause_s=0.01)
    asyncio.run(notifier.send(StaffNotice(7, "Neue Rückruf-Anfrage #7", (("übernehmen", "claim:7"),))))
    assert len(FlakyTelegram.received) == 3
    assert FlakyTelegram.received[-1]["path"] == "/bot123:abc/sendMessage"
    assert "claim%3A7" in FlakyTelegram.received[-1]["body"] or "claim:7" in FlakyTelegram.received[-1]["body"]


def test_telegram_notifier_gives_up_after_its_attempts(telegram_server: str) -> None:
    FlakyTelegram.fail = 5
    notifier = TelegramNotifier("123:abc", "-100", api_server=telegram_server, attempts=2, pause_s=0.01)
    with pytest.raises(NoticeFailed):
        asyncio.run(notifier.send(StaffNotice(8, "x")))
    assert len(FlakyTelegram.received) == 2


def test_telegram_notifier_gives_up_when_nobody_listens() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again: connection refused
    notifier = TelegramNotifier("123:abc", "-100", api_server=f"http://127.0.0.1:{port}", attempts=2, pause_s=0.01)
    with pytest.raises(NoticeFailed):
        asyncio.run(notifier.send(StaffNotice(9, "x")))


def test_cli_notify_sends_what_is_due(
    requests: ContactRepository, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    store(requests)
    fake = FakeNotifier(failures=1)
    monkeypatch.setattr(cli, "ContactRepository", lambda: requests)
    monkeypatch.setattr(cli, "notifier", lambda: fake)
    assert cli.main(["requests", "notify"]) == 1
    assert cli.main(["requests", "notify"]) == 0
    assert capsys.readouterr().out == (
        "Hinweise an das Team: 0 gesendet, 1 noch offen.\nHinweise an das Team: 1 gesendet, 0 noch offen.\n"
    )


def test_cli_notify_without_staff_chat(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(cli, "notifier", lambda: None)
    assert cli.main(["requests", "notify"]) == 0
    assert capsys.readouterr().out == (
        "Kein Team-Chat eingerichtet (TELEGRAM_TOKEN und LOTSE_STAFF_CHAT_ID); nichts gesendet.\n"
    )
