"""Staff notices about new call-back requests: one seam (`Notifier.send`), a Telegram notifier, a fake.

A request is stored first and announced second. A notice that Telegram does not accept after a few
tries stays due in the database (contact_requests.notice_sent_at is empty) and is sent again with the
next request or by `lotse requests notify` (a timer in production), so no request is ever lost.
The notice holds no personal data: number, topic and age group only.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Protocol

import aiohttp
from aiogram import Bot
from aiogram.bot.api import TelegramAPIServer
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.exceptions import TelegramAPIError

from actions.common import need_label
from lotse.settings import settings
from offers_db.contacts import ContactRepository, ContactRequest

logger = logging.getLogger(__name__)

ATTEMPTS = 3
FIRST_PAUSE_S = 0.5
TIMEOUT_S = 5.0


@dataclass(frozen=True)
class StaffNotice:
    request_id: int
    text: str
    buttons: tuple[tuple[str, str], ...] = ()  # (title, callback data)


class NoticeFailed(Exception):
    """The staff chat could not be reached; the notice stays due."""


class Notifier(Protocol):
    async def send(self, notice: StaffNotice) -> None: ...


class TelegramNotifier:
    """Sends to the staff chat with aiogram (the client the staff channel uses), retrying with back-off."""

    def __init__(
        self,
        token: str,
        chat_id: str,
        api_server: str | None = None,
        attempts: int = ATTEMPTS,
        pause_s: float = FIRST_PAUSE_S,
    ) -> None:
        self.token, self.chat_id, self.api_server = token, chat_id, api_server
        self.attempts, self.pause_s = attempts, pause_s

    async def send(self, notice: StaffNotice) -> None:
        markup = InlineKeyboardMarkup(
            inline_keyboard=[[InlineKeyboardButton(text=title, callback_data=data)] for title, data in notice.buttons]
        )
        server = TelegramAPIServer.from_base(self.api_server) if self.api_server else None
        bot = Bot(self.token, server=server, timeout=TIMEOUT_S) if server else Bot(self.token, timeout=TIMEOUT_S)
        try:
            for attempt in range(self.attempts):
                try:
                    await bot.send_message(self.chat_id, notice.text, reply_markup=markup)
                    return
                except (TelegramAPIError, aiohttp.ClientError, asyncio.TimeoutError) as error:
                    logger.warning(
                        "Hinweis an das Team: Versuch %d fehlgeschlagen (%s)", attempt + 1, type(error).__name__
                    )
                    if attempt + 1 < self.attempts:
                        await asyncio.sleep(self.pause_s * 2**attempt)
            raise NoticeFailed(f"request {notice.request_id}")
        finally:
            await bot.session.close()  # aiogram 2: Bot.close() is deprecated


@dataclass
class FakeNotifier:
    """Records what staff would receive; `failures` makes the next n sends fail."""

    sent: list[StaffNotice] = field(default_factory=list)
    failures: int = 0

    async def send(self, notice: StaffNotice) -> None:
        if self.failures > 0:
            self.failures -= 1
            raise NoticeFailed(f"request {notice.request_id}")
        self.sent.append(notice)


@cache
def notifier() -> Notifier | None:
    """The configured notifier: the staff Telegram chat, or None when Telegram or the chat id is not set."""
    telegram = settings().telegram
    if telegram is None or not telegram.staff_chat_id:
        return None
    return TelegramNotifier(telegram.token, telegram.staff_chat_id, telegram.api_server)


def review_notifier() -> Notifier | None:
    """Where `lotse offers remind` posts: the chat LOTSE_REVIEW_REMINDER_CHAT through the staff bot, or None (off)."""
    config = settings()
    if not config.review_reminder_chat or config.telegram is None:
        return None
    return TelegramNotifier(config.telegram.token, config.review_reminder_chat, config.telegram.api_server)


def review_notice(text: str) -> StaffNotice:
    """The weekly list of offers due for review (no buttons; request_id 0: it belongs to no request)."""
    return StaffNotice(0, text)


def staff_notice(template: dict[str, Any], request: ContactRequest) -> StaffNotice:
    """The notice from the domain's utter_staff_new_request (German text lives in domain.yml)."""
    topic = need_label(request.topic) or "-"
    values = {"request_id": request.id, "topic": topic, "age_group": request.age_group or "-"}
    buttons = tuple((b["title"].format(**values), b["payload"].format(**values)) for b in template.get("buttons", []))
    return StaffNotice(request.id, template["text"].format(**values), buttons)


async def announce(
    requests: ContactRepository, sender: Notifier | None, template: dict[str, Any], limit: int = 20
) -> tuple[int, int]:
    """Send every due notice, oldest first; returns (sent, still due). Nothing is sent without a notifier."""
    if sender is None:
        return 0, 0
    sent = failed = 0
    for request in await asyncio.to_thread(requests.notices_due, limit):
        try:
            await sender.send(staff_notice(template, request))
        except NoticeFailed:
            await asyncio.to_thread(requests.notice_failed, request.id)
            failed += 1
            continue
        await asyncio.to_thread(requests.notice_sent, request.id)
        sent += 1
    if failed:
        logger.error("%d Hinweise an das Team nicht zugestellt; sie werden später erneut gesendet", failed)
    return sent, failed
