"""The staff channel on Telegram: allow-listed professionals only, secret-token webhook, HTML offers.

Built on aiogram 2 as Rasa 3.6 ships it, but not on Rasa's TelegramInput, which calls getMe on every
update, exposes /set_webhook publicly and has no secret token. Here:
- every update without the exact X-Telegram-Bot-Api-Secret-Token header is refused with 403 before
  anything is parsed or stored (constant-time comparison);
- the webhook is registered at start-up (setWebhook with secret_token), there is no public route for it;
- staff identity is the verified update's from.id, looked up in the staff YAML file;
- every value in HTML messages is escaped; long messages are split at line ends below 4096 characters.
"""

from __future__ import annotations

import hmac
import html
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import yaml
from aiogram import Bot
from aiogram.bot.api import TelegramAPIServer
from aiogram.utils.payload import prepare_arg
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from offers_db.contacts import ContactRepository

logger = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"  # noqa: S105 - a header name, not a secret
MAX_MESSAGE_CHARS = 4096
MAX_CALLBACK_BYTES = 64
COMMANDS = {"/start": "/greet", "/neu": "/restart_search"}


def load_staff(path: Path) -> dict[int, dict[str, str]]:
    """Allow-listed staff by Telegram user id: [{id, name, organization}, …]."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    staff = {}
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), int):
            raise ValueError(f"{path}: entry {index + 1} needs an integer 'id' (the Telegram user id)")
        staff[entry["id"]] = {"name": str(entry.get("name", "")), "organization": str(entry.get("organization", ""))}
    return staff


def split_message(text: str, limit: int = MAX_MESSAGE_CHARS) -> list[str]:
    """Parts of at most `limit` characters, cut at line ends so no HTML tag or entity is broken."""
    parts: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:  # a single over-long line: cut before an entity or tag starts
            cut = limit
            for opener in ("&", "<"):
                position = line.rfind(opener, 0, limit)
                if position > 0 and (
                    (opener == "&" and ";" not in line[position:limit])
                    or (opener == "<" and ">" not in line[position:limit])
                ):
                    cut = min(cut, position)
            if current:
                parts.append(current)
                current = ""
            parts.append(line[:cut])
            line = line[cut:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            parts.append(current)
            current = line
        else:
            current = candidate
    if current:
        parts.append(current)
    return parts


def offer_html(offer: dict[str, Any]) -> str:
    """One offer as a compact Telegram HTML block; every value escaped."""

    def esc(value: Any) -> str:
        return html.escape(str(value), quote=True)

    lines = [f"<b>{esc(offer.get('title', ''))}</b>"]
    if offer.get("alert"):
        lines.append(f"<b>⚠ {esc(offer['alert'])}</b>")
    if offer.get("organization"):
        lines.append(esc(offer["organization"]))
    ages = (offer.get("min_age"), offer.get("max_age"))
    if ages != (None, None):
        low, high = ("" if a is None else f"{a:g}" for a in ages)
        lines.append(f"Alter: {low}–{high}")
    for label, key in (("Adresse", "address"), ("Telefon", "phone"), ("E-Mail", "email"), ("Web", "website"),
                       ("Zeiten", "opening_hours"), ("Kosten", "cost")):  # fmt: skip
        if offer.get(key):
            lines.append(f"{label}: {esc(offer[key])}")
    if offer.get("hint"):
        lines.append(f"<i>{esc(offer['hint'])}</i>")
    return "\n".join(lines)


class StaffTelegramOutput(Bot, OutputChannel):
    """Sends HTML-formatted messages with inline keyboards."""

    @classmethod
    def name(cls) -> str:
        return "telegram"

    def __init__(self, token: str, server: TelegramAPIServer) -> None:
        Bot.__init__(self, token, server=server)

    async def call(self, method: str, **data: Any) -> Any:
        """One Bot API call; lists and dicts are sent as JSON fields as Telegram expects."""
        return await self.request(method, {k: prepare_arg(v) for k, v in data.items() if v is not None})

    async def send_html(self, recipient_id: str, text: str, keyboard: list[list[dict[str, str]]] | None = None) -> None:
        parts = split_message(text)
        for index, part in enumerate(parts):
            markup = {"inline_keyboard": keyboard} if keyboard and index == len(parts) - 1 else None
            await self.call("sendMessage", chat_id=recipient_id, text=part, parse_mode="HTML", reply_markup=markup)

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        await self.send_html(recipient_id, html.escape(text))

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        keyboard = [
            [{"text": str(b["title"]), "callback_data": str(b["payload"])}]
            for b in buttons
            if len(str(b["payload"]).encode()) <= MAX_CALLBACK_BYTES
        ]
        await self.send_html(recipient_id, html.escape(text), keyboard)

    async def send_custom_json(self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any) -> None:
        if json_message.get("type") == "offers":
            blocks = [offer_html(offer) for offer in json_message.get("offers", [])]
            await self.send_html(recipient_id, "\n\n".join(blocks))


class StaffTelegramInput(InputChannel):
    """POST /webhooks/telegram/webhook — updates from Telegram for allow-listed staff."""

    @classmethod
    def name(cls) -> str:
        return "telegram"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        credentials = credentials or {}
        missing = [k for k in ("access_token", "webhook_url", "secret", "staff_file") if not credentials.get(k)]
        if missing:
            raise ValueError(f"telegram channel: missing {', '.join(missing)}")
        return cls(
            token=credentials["access_token"],
            webhook_url=credentials["webhook_url"],
            secret=credentials["secret"],
            staff=load_staff(Path(credentials["staff_file"])),
            api_server=credentials.get("api_server") or "https://api.telegram.org",
        )

    def __init__(
        self, token: str, webhook_url: str, secret: str, staff: dict[int, dict[str, str]], api_server: str
    ) -> None:
        self.token = token
        self.webhook_url = webhook_url
        self.secret = secret
        self.staff = staff
        self.server = TelegramAPIServer.from_base(api_server)
        self._output: StaffTelegramOutput | None = None

    def get_output_channel(self) -> StaffTelegramOutput:
        if self._output is None:
            self._output = StaffTelegramOutput(self.token, self.server)
        return self._output

    async def register_webhook(self) -> None:
        """setWebhook with the secret token Telegram will send back in every update."""
        await self.get_output_channel().call(
            "setWebhook", url=self.webhook_url, secret_token=self.secret, allowed_updates=["message", "callback_query"]
        )

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = Blueprint("staff_telegram", __name__)
        channel = self

        @blueprint.listener("after_server_start")
        async def register(_app: Any, _loop: Any) -> None:
            try:
                await channel.register_webhook()
            except Exception as error:  # the bot must run even when Telegram is unreachable
                logger.error("Telegram setWebhook failed: %s", type(error).__name__)

        @blueprint.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            given = request.headers.get(SECRET_HEADER, "")
            if not hmac.compare_digest(given.encode(), channel.secret.encode()):
                return response.text("forbidden", status=403)
            update = request.json if isinstance(request.json, dict) else {}
            await channel.handle_update(update, on_new_message, request.app)
            return response.text("ok")

        return blueprint

    async def handle_update(
        self, update: dict[str, Any], on_new_message: Callable[[UserMessage], Awaitable[Any]], app: Any
    ) -> None:
        """Route one verified update: refuse strangers, answer commands, pass the rest to Rasa."""
        output = self.get_output_channel()
        callback = update.get("callback_query")
        message = callback.get("message") if callback else update.get("message")
        sender = (callback or message or {}).get("from") or {}
        chat_id = str(((message or {}).get("chat") or {}).get("id", ""))
        text = callback.get("data") if callback else (message or {}).get("text")
        if not chat_id or not isinstance(sender.get("id"), int) or not isinstance(text, str):
            return
        if callback:
            await output.call("answerCallbackQuery", callback_query_id=callback.get("id"))
        if sender["id"] not in self.staff:
            await output.send_html(chat_id, html.escape(response_text(app, "utter_staff_only")))
            return
        command, _, rest = text.strip().partition(" ")
        if command == "/hilfe":
            await output.send_html(chat_id, html.escape(response_text(app, "utter_staff_help")))
            return
        if command == "/anfragen":
            await self.list_requests(output, chat_id, app)
            return
        if callback and text.startswith("claim:"):
            await self.claim(output, chat_id, str(sender["id"]), text.removeprefix("claim:"), app)
            return
        text = (rest.strip() or "/greet") if command == "/suche" else COMMANDS.get(command, text)
        await on_new_message(UserMessage(text, output, chat_id, input_channel=self.name()))

    async def list_requests(self, output: StaffTelegramOutput, chat_id: str, app: Any) -> None:
        """/anfragen: ids and topics of the open requests, each with its claim button."""
        open_requests = ContactRepository().list(status="new")
        listing = ", ".join(f"#{r.id} ({r.topic or '-'})" for r in open_requests) or "–"
        keyboard = [[{"text": f"#{r.id} übernehmen", "callback_data": f"claim:{r.id}"}] for r in open_requests[:20]]
        text = response_text(app, "utter_staff_open_requests").format(requests=listing)
        await output.send_html(chat_id, html.escape(text), keyboard or None)

    async def claim(self, output: StaffTelegramOutput, chat_id: str, staff_id: str, raw_id: str, app: Any) -> None:
        """The first staff member to press "übernehmen" gets the details in private; others see it is taken."""
        if not raw_id.isdigit():
            return
        request_id = int(raw_id)
        staff_name = self.staff[int(staff_id)]["name"] or staff_id
        repository = ContactRepository()
        if not repository.claim(request_id, staff_name):
            text = response_text(app, "utter_staff_already_claimed").format(request_id=request_id)
            await output.send_html(chat_id, html.escape(text))
            return
        request = repository.get(request_id)
        if request is None:
            return
        fields = {k: v or "-" for k, v in request.__dict__.items()}
        details = response_text(app, "utter_staff_request_details").format(request_id=request_id, **fields)
        await output.send_html(staff_id, html.escape(details))
        claimed = response_text(app, "utter_staff_claimed").format(request_id=request_id, staff=staff_name)
        await output.send_html(chat_id, html.escape(claimed))


def response_text(app: Any, name: str) -> str:
    """A response's text from the loaded domain, so channel texts stay in domain.yml."""
    return str(app.ctx.agent.domain.responses[name][0]["text"])
