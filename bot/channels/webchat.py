"""The parents' web widget channel: Socket.IO with server-signed sessions, plus the widget's own files.

Differences to Rasa's SocketIOInput, each for a reason:
- a session id is only accepted back together with the HMAC token the server issued for it, so a
  client that knows or guesses another session id gets a fresh conversation, not someone else's;
- the session is bound to the socket on the server; messages never choose their own sender id;
- allowed origins are a literal list from credentials.yml (no regex, no "*");
- messages longer than MAX_MESSAGE_CHARS are refused before they reach the NLU;
- the offers payload is sent as {"custom": {...}} (Rasa's version drops custom JSON without "data");
- on resume the server replays the conversation from the tracker store, so the browser stores
  nothing but the session id and its token;
- every message is confirmed (a Socket.IO acknowledgement) once handled; the widget sends one that was
  never confirmed again after a reconnect (its instance went away), with the same id, and the server drops
  a resent message whose id its conversation already has, so nothing is lost or doubled;
- with LOTSE_REDIS_URL set, the Socket.IO messages go through Redis (AsyncRedisManager), so a reply
  reaches the browser whichever Rasa instance produced it (several instances behind nginx).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
import secrets
import uuid
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlsplit

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOOutput
from rasa.shared.core.trackers import EventVerbosity
from sanic import Blueprint, Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncRedisManager, AsyncServer

from bot.channels.rest import MAX_MESSAGE_CHARS
from bot.model import PROJECT_ROOT
from lotse.settings import settings

logger = logging.getLogger(__name__)

WIDGET_DIR = PROJECT_ROOT / "widget"
STATIC_FILES = {
    "": ("demo/index.html", "text/html; charset=utf-8"),
    "lotse-widget.js": ("dist/lotse-widget.js", "application/javascript; charset=utf-8"),
    "datenschutz": ("demo/datenschutz.html", "text/html; charset=utf-8"),
}
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": "default-src 'self'; connect-src 'self' ws: wss:; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; frame-ancestors 'self'",
}


def session_secret() -> bytes:
    """LOTSE_WEBCHAT_SECRET (the same on every instance), or a random secret kept in var/ for one machine."""
    configured = settings().webchat_secret
    if configured:
        return configured.encode()
    path = settings().var_dir / "webchat-secret"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip().encode()


def client_manager(redis_url: str | None) -> AsyncRedisManager | None:
    """Socket.IO's Redis client manager when several instances share the widget, else None (one process).

    The channel name carries the Redis database, so two clusters on one Redis (a developer's and the
    tests') do not see each other's messages. python-socketio 5.9 pickles these messages: Redis must
    be reachable only by the bot (localhost or a private network, with a password).
    """
    if not redis_url:
        return None
    database = urlsplit(redis_url).path.strip("/") or "0"
    return AsyncRedisManager(redis_url, channel=f"lotse-webchat-{database}")


MESSAGE_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")


def message_id(data: dict[str, Any]) -> str | None:
    """The widget's id of a message, if it sent a well-formed one (kept in the user event's metadata)."""
    value = data.get("id")
    return value if isinstance(value, str) and MESSAGE_ID.fullmatch(value) else None


def received_ids(events: list[dict[str, Any]]) -> list[str]:
    """The widget's ids of the user messages a conversation already has."""
    return [
        event["metadata"]["message_id"]
        for event in events
        if event.get("event") == "user"
        and isinstance(event.get("metadata"), dict)
        and isinstance(event["metadata"].get("message_id"), str)
    ]


def sign(secret: bytes, session_id: str) -> str:
    """The token that proves the server issued `session_id`."""
    return hmac.new(secret, session_id.encode(), hashlib.sha256).hexdigest()


def valid_token(secret: bytes, session_id: Any, token: Any) -> bool:
    """Constant-time check of a session id against its token."""
    if not isinstance(session_id, str) or not isinstance(token, str) or len(session_id) != 32:
        return False
    return hmac.compare_digest(sign(secret, session_id), token)


class WebchatOutput(SocketIOOutput):
    """Socket.IO output that keeps custom payloads intact."""

    @classmethod
    def name(cls) -> str:
        return "webchat"

    async def send_custom_json(self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any) -> None:
        await self._send_message(recipient_id, {"custom": json_message})


def history_messages(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The visible conversation (user texts and bot messages) from tracker events, for a reload."""
    shown = []
    for event in events:
        if event.get("event") == "user" and event.get("text") and not str(event["text"]).startswith("/"):
            shown.append({"sender": "user", "text": event["text"]})
        elif event.get("event") == "bot":
            data = event.get("data") or {}
            message = {"sender": "bot", "text": event.get("text")}
            if data.get("buttons"):
                message["quick_replies"] = [{"title": b["title"], "payload": b["payload"]} for b in data["buttons"]]
            if data.get("custom"):
                message["custom"] = data["custom"]
            shown.append(message)
    return shown


class WebchatInput(InputChannel):
    """Socket.IO channel for the parents' widget, mounted under /webchat with its demo page."""

    @classmethod
    def name(cls) -> str:
        return "webchat"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        credentials = credentials or {}
        origins = credentials.get("allowed_origins") or []
        if isinstance(origins, str):  # from an environment variable: comma-separated
            origins = [o.strip() for o in origins.split(",") if o.strip()]
        if not isinstance(origins, list) or any(not isinstance(o, str) or "*" in o for o in origins):
            raise ValueError("webchat.allowed_origins must list literal origins like https://www.alfeld.de")
        return cls(allowed_origins=origins, socketio_path=credentials.get("socketio_path", "/socket.io"))

    def __init__(self, allowed_origins: list[str], socketio_path: str = "/socket.io") -> None:
        self.allowed_origins = allowed_origins
        self.socketio_path = socketio_path
        self.sio: AsyncServer | None = None
        self.app: Sanic | None = None
        self.secret = session_secret()
        self.sessions: dict[str, str] = {}

    def url_prefix(self) -> str:
        return "/webchat"

    def get_output_channel(self) -> WebchatOutput | None:
        return WebchatOutput(self.sio, "bot_uttered") if self.sio else None

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        sio = AsyncServer(
            async_mode="sanic",
            cors_allowed_origins=self.allowed_origins,
            client_manager=client_manager(settings().redis_url),
        )
        self.sio = sio
        webchat = _AppKeepingBlueprint(self, sio, self.socketio_path, "webchat", __name__)

        async def serve(name: str) -> HTTPResponse:
            relative, content_type = STATIC_FILES[name]
            path = WIDGET_DIR / relative
            if not path.is_file():
                return response.text("Widget nicht gebaut: bitte `make setup` ausführen.", status=503)
            return response.raw(path.read_bytes(), content_type=content_type, headers=SECURITY_HEADERS)

        @webchat.route("/", methods=["GET"])
        async def demo_page(_: Request) -> HTTPResponse:
            return await serve("")

        @webchat.route("/<name:str>", methods=["GET"])
        async def static_file(_: Request, name: str) -> HTTPResponse:
            if name not in STATIC_FILES:
                return response.text("Nicht gefunden", status=404)
            return await serve(name)

        @sio.on("session_request")
        async def session_request(sid: str, data: Any) -> None:
            data = data if isinstance(data, dict) else {}
            session_id, resumed = data.get("session_id"), True
            if data.get("restart") or not valid_token(self.secret, session_id, data.get("token")):
                session_id, resumed = uuid.uuid4().hex, False
            self.sessions[sid] = session_id
            sio.enter_room(sid, session_id)
            token = sign(self.secret, session_id)
            await sio.emit("session_confirm", {"session_id": session_id, "token": token}, room=sid)
            if resumed:
                events = await self._events(session_id)
                history = {"messages": history_messages(events), "received": received_ids(events)}
                await sio.emit("history", history, room=sid)

        @sio.on("disconnect")
        async def disconnect(sid: str) -> None:
            self.sessions.pop(sid, None)

        @sio.on("user_uttered")
        async def handle_message(sid: str, data: Any) -> dict[str, Any]:
            """Handles one message; what it returns is the widget's acknowledgement."""
            session_id = self.sessions.get(sid)
            data = data if isinstance(data, dict) else {}
            text, known_id = data.get("message"), message_id(data)
            if session_id is None:
                await sio.emit("chat_error", {"code": "no_session"}, room=sid)
                return {"error": "no_session"}
            if not isinstance(text, str) or not text.strip():
                return {"error": "empty"}
            if len(text) > MAX_MESSAGE_CHARS:
                await sio.emit("chat_error", {"code": "too_long", "max": MAX_MESSAGE_CHARS}, room=sid)
                return {"error": "too_long"}
            if known_id and data.get("resent") is True and known_id in received_ids(await self._events(session_id)):
                return {"id": known_id, "duplicate": True}
            output = WebchatOutput(sio, "bot_uttered")
            metadata = {"message_id": known_id} if known_id else None
            await on_new_message(UserMessage(text, output, session_id, input_channel=self.name(), metadata=metadata))
            return {"id": known_id}

        return webchat

    async def _events(self, session_id: str) -> list[dict[str, Any]]:
        """The conversation's events since its last restart, from the tracker store."""
        if self.app is None:
            return []
        tracker = await self.app.ctx.agent.tracker_store.retrieve(session_id)
        return tracker.current_state(EventVerbosity.AFTER_RESTART)["events"] if tracker else []


class _AppKeepingBlueprint(SocketBlueprint):
    """SocketBlueprint that also tells the channel which app it serves (for the tracker store)."""

    def __init__(self, channel: WebchatInput, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.ctx.channel = channel

    def register(self, app: Sanic, options: dict[str, Any]) -> None:
        self.ctx.channel.app = app
        super().register(app, options)
