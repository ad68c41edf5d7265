"""The staff channel against a local fake Telegram Bot API server, with real HTTP posts to the webhook."""

from __future__ import annotations

import asyncio
import json
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from bot.channels.telegram import SECRET_HEADER, offer_html, split_message
from bot.run import start_servers, stop, wait_for_servers
from lotse.settings import Settings, Telegram, local
from offers_db.contacts import ContactRepository
from tests.e2e.conftest import RunningBot, free_port

pytestmark = pytest.mark.slow

TOKEN = "123456:TEST-token-for-the-fake-server"
SECRET = "test-secret-0123456789"
STAFF_ID = 4242
OTHER_STAFF_ID = 4343
STRANGER_ID = 999
STAFF_CHAT = -100123


class FakeTelegram:
    """Records Bot API calls on 127.0.0.1 and answers them like Telegram would."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.port = free_port()
        self.loop = asyncio.new_event_loop()
        self.ready = threading.Event()

    async def handle(self, request: web.Request) -> web.Response:
        if request.content_type == "application/json":  # as the action server sends it
            data = await request.json()
            fields = {k: json.dumps(v) if isinstance(v, dict | list) else str(v) for k, v in data.items()}
        else:  # form fields, as aiogram sends them
            fields = dict(await request.post())
        self.calls.append((request.match_info["method"], fields))
        result: Any = True
        if request.match_info["method"] == "sendMessage":
            result = {
                "message_id": len(self.calls),
                "date": 0,
                "chat": {"id": int(fields["chat_id"]), "type": "private"},
            }
        return web.json_response({"ok": True, "result": result})

    def run(self) -> None:
        asyncio.set_event_loop(self.loop)
        app = web.Application()
        app.router.add_post("/bot{token}/{method}", self.handle)
        runner = web.AppRunner(app)
        self.loop.run_until_complete(runner.setup())
        self.loop.run_until_complete(web.TCPSite(runner, "127.0.0.1", self.port).start())
        self.ready.set()
        self.loop.run_forever()

    def sent(self, chat_id: int) -> list[dict[str, Any]]:
        return [
            fields for method, fields in self.calls if method == "sendMessage" and fields["chat_id"] == str(chat_id)
        ]


@pytest.fixture(scope="module")
def fake_telegram() -> Iterator[FakeTelegram]:
    fake = FakeTelegram()
    thread = threading.Thread(target=fake.run, daemon=True)
    thread.start()
    fake.ready.wait(10)
    yield fake
    fake.loop.call_soon_threadsafe(fake.loop.stop)


@pytest.fixture(scope="module")
def staff_bot(
    trained_model: Path, running_bot: RunningBot, fake_telegram: FakeTelegram, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Settings]:
    """A bot with the staff channel on; shares the offers database of `running_bot`."""
    work = tmp_path_factory.mktemp("telegram")
    staff_file = work / "staff.yml"
    staff_file.write_text(
        f"- id: {STAFF_ID}\n  name: Test Fachkraft\n  organization: Kita Test\n"
        f"- id: {OTHER_STAFF_ID}\n  name: Zweite Fachkraft\n  organization: Schule Test\n",
        encoding="utf-8",
    )
    port = free_port()
    config = local(
        work,
        port=port,
        action_port=free_port(),
        offers_db=running_bot.config.offers_db,
        telegram=Telegram(
            token=TOKEN,
            webhook_url="https://lotse.example/webhooks/telegram/webhook",
            secret=SECRET,
            staff_file=str(staff_file),
            api_server=f"http://127.0.0.1:{fake_telegram.port}",
            staff_chat_id=str(STAFF_CHAT),
        ),
    )
    processes = start_servers(trained_model, config)
    try:
        wait_for_servers(config, processes)
        yield config
    finally:
        stop(processes)


def post_update(config: Settings, update: dict[str, Any], secret: str | None = SECRET) -> int:
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers[SECRET_HEADER] = secret
    request = urllib.request.Request(
        f"{config.base_url}/webhooks/telegram/webhook", data=json.dumps(update).encode(), headers=headers
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def message(user_id: int, text: str) -> dict[str, Any]:
    return {
        "update_id": 1,
        "message": {"message_id": 1, "date": 0, "text": text, "chat": {"id": user_id, "type": "private"},
                    "from": {"id": user_id, "is_bot": False, "first_name": "X"}},
    }  # fmt: skip


def tracker_events(config: Settings, sender: int) -> int:
    import sqlite3

    with sqlite3.connect(config.tracker_db.database) as connection:
        return int(connection.execute("SELECT count(*) FROM events WHERE sender_id = ?", (str(sender),)).fetchone()[0])


def test_webhook_is_registered_with_the_secret(staff_bot: Settings, fake_telegram: FakeTelegram) -> None:
    registrations = [fields for method, fields in fake_telegram.calls if method == "setWebhook"]
    assert registrations and registrations[-1]["secret_token"] == SECRET


def test_forged_updates_are_refused_and_nothing_is_stored(staff_bot: Settings, fake_telegram: FakeTelegram) -> None:
    for secret in (None, "wrong", SECRET[:-1]):
        assert post_update(staff_bot, message(STAFF_ID + 1, "/suche kita 4"), secret) == 403
    assert tracker_events(staff_bot, STAFF_ID + 1) == 0
    assert fake_telegram.sent(STAFF_ID + 1) == []


def test_unknown_user_is_refused_politely(staff_bot: Settings, fake_telegram: FakeTelegram) -> None:
    assert post_update(staff_bot, message(STRANGER_ID, "/suche kita 4")) == 200
    [reply] = fake_telegram.sent(STRANGER_ID)
    assert "nur für Fachkräfte" in reply["text"]
    assert tracker_events(staff_bot, STRANGER_ID) == 0


def test_staff_search_gets_offers_with_staff_only_entry_and_buttons(
    staff_bot: Settings, fake_telegram: FakeTelegram, running_bot: RunningBot
) -> None:
    staff_ids = {o.id for o in running_bot.repository.all() if o.audience == "staff"}
    staff_titles = {o.title for o in running_bot.repository.all() if o.audience == "staff"}
    assert post_update(staff_bot, message(STAFF_ID, "/suche lernförderung 8")) == 200
    sent = fake_telegram.sent(STAFF_ID)
    assert all(m["parse_mode"] == "HTML" for m in sent)
    texts = "\n".join(m["text"] for m in sent)
    assert any(title.replace("&", "&amp;") in texts for title in staff_titles), texts
    keyboards = [json.loads(m["reply_markup"]) for m in sent if "reply_markup" in m]
    payloads = [b["callback_data"] for k in keyboards for row in k["inline_keyboard"] for b in row]
    assert "/other_topic" in payloads
    before = len(sent)
    callback = {
        "update_id": 2,
        "callback_query": {"id": "cb1", "data": "/other_topic", "chat_instance": "1",
                           "from": {"id": STAFF_ID, "is_bot": False, "first_name": "X"},
                           "message": {"message_id": 5, "date": 0, "chat": {"id": STAFF_ID, "type": "private"}}},
    }  # fmt: skip
    assert post_update(staff_bot, callback) == 200
    assert ("answerCallbackQuery", {"callback_query_id": "cb1"}) in fake_telegram.calls
    after = fake_telegram.sent(STAFF_ID)[before:]
    assert after and "Wobei kann ich helfen" in after[0]["text"]
    assert staff_ids  # the sample data has staff-only offers at all


def test_impersonating_the_staff_channel_over_rest_gives_no_staff_offers(running_bot: RunningBot) -> None:
    staff_ids = {o.id for o in running_bot.repository.all() if o.audience == "staff"}
    reply = running_bot.say("4242", "lernförderung 8")
    shown = {o["id"] for m in reply if "custom" in m for o in m["custom"]["offers"]}
    assert shown and not shown & staff_ids


def test_html_is_escaped_and_long_texts_are_split_safely() -> None:
    block = offer_html({"title": "<b>Kita & Co</b>", "organization": "A<script>", "phone": "05181 1", "hint": "prüfen"})
    assert "&lt;b&gt;Kita &amp; Co&lt;/b&gt;" in block and "<script>" not in block
    long_text = "\n".join([block] * 400)
    parts = split_message(long_text)
    assert all(len(p) <= 4096 for p in parts) and "\n".join(parts) == long_text
    one_line = "&amp;" * 2000
    pieces = split_message(one_line)
    assert "".join(pieces) == one_line and all(len(p) <= 4096 and not p.endswith("&am") for p in pieces)
    assert all(p.count("&") == p.count(";") for p in pieces)


def callback_update(user_id: int, data: str, callback_id: str) -> dict[str, Any]:
    return {
        "update_id": 3,
        "callback_query": {"id": callback_id, "data": data, "chat_instance": "1",
                           "from": {"id": user_id, "is_bot": False, "first_name": "X"},
                           "message": {"message_id": 9, "date": 0, "chat": {"id": STAFF_CHAT, "type": "group"}}},
    }  # fmt: skip


def test_new_callback_request_is_announced_and_exactly_one_staff_member_gets_it(
    staff_bot: Settings, fake_telegram: FakeTelegram, running_bot: RunningBot
) -> None:
    parent = RunningBot(staff_bot, running_bot.repository, running_bot.log)
    user = "eltern-telegram-test"
    for text in ("kita für meinen 4 jährigen", "ich möchte mit jemandem sprechen", "/affirm", "05181 555666",
                 "/skip", "nachmittags", "/skip", "/affirm"):  # fmt: skip
        parent.say(user, text)
    [request] = [r for r in ContactRepository(running_bot.repository.engine).list() if r.conversation_id == user]
    # the notice is sent after the family's answer, without making the family wait for Telegram; requests
    # stored earlier without a staff chat (other tests) are announced with it, each exactly once
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and not any(
        f"#{request.id}\n" in m["text"] for m in fake_telegram.sent(STAFF_CHAT)
    ):
        time.sleep(0.1)
    texts = [m["text"] for m in fake_telegram.sent(STAFF_CHAT)]
    assert len(texts) == len(set(texts))
    [announcement] = [m for m in fake_telegram.sent(STAFF_CHAT) if f"#{request.id}\n" in m["text"]]
    assert "05181" not in announcement["text"]  # no personal data in the group
    [[button]] = json.loads(announcement["reply_markup"])["inline_keyboard"]
    assert button["text"] == "übernehmen" and button["callback_data"].startswith("claim:")
    assert post_update(staff_bot, message(STAFF_ID, "/anfragen")) == 200
    listing = fake_telegram.sent(STAFF_ID)[-1]["text"]
    assert f"#{button['callback_data'].removeprefix('claim:')}" in listing

    results: list[int] = []
    threads = [
        threading.Thread(
            target=lambda u=u: results.append(
                post_update(staff_bot, callback_update(u, button["callback_data"], f"c{u}"))
            )
        )
        for u in (STAFF_ID, OTHER_STAFF_ID)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [200, 200]
    details = [m for u in (STAFF_ID, OTHER_STAFF_ID) for m in fake_telegram.sent(u) if "05181 555666" in m["text"]]
    assert len(details) == 1
    group_texts = [m["text"] for m in fake_telegram.sent(STAFF_CHAT)]
    assert sum("übernommen von" in t for t in group_texts) == 1
    assert sum("schon übernommen" in t for t in group_texts) == 1
