"""Rasa's REST channel with the checks a public endpoint needs: size limit, types, no client-chosen channel."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

MAX_MESSAGE_CHARS = 1000
MAX_SENDER_CHARS = 128


def request_problem(request: Request) -> str | None:
    """Why a webhook request is refused, or None when it is fine."""
    try:
        body = request.json
    except Exception:  # Sanic raises its own error types for malformed JSON
        return "body must be JSON"
    if not isinstance(body, dict):
        return "body must be a JSON object"
    sender, message = body.get("sender"), body.get("message")
    if not isinstance(sender, str) or not 0 < len(sender) <= MAX_SENDER_CHARS:
        return f"'sender' must be a string of 1 to {MAX_SENDER_CHARS} characters"
    if not isinstance(message, str):
        return "'message' must be a string"
    if len(message) > MAX_MESSAGE_CHARS:
        return f"'message' is too long ({len(message)} characters, at most {MAX_MESSAGE_CHARS})"
    return None


class LimitedRestInput(RestInput):
    """POST /webhooks/rest/webhook {"sender": "...", "message": "..."} with input checks."""

    @classmethod
    def name(cls) -> str:
        return "rest"

    def _extract_input_channel(self, req: Request) -> str:
        return self.name()  # a client must not pose as another channel (e.g. the staff channel)

    def get_metadata(self, request: Request) -> dict[str, Any] | None:
        return None  # metadata is set by trusted channels only

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = super().blueprint(on_new_message)

        @blueprint.middleware("request")
        async def refuse_bad_requests(request: Request) -> HTTPResponse | None:
            if request.method != "POST" or not request.path.endswith("/webhook"):
                return None
            problem = request_problem(request)
            status = 413 if problem and "too long" in problem else 400
            return response.json({"error": problem}, status=status) if problem else None

        return blueprint
