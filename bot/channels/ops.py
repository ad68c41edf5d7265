"""Health and metrics endpoints for nginx, supervisor/systemd checks and Prometheus.

GET /ops/health  -> 200 {"status": "ok", ...} when this instance can answer families:
                    model loaded and the tracker store's database reachable; 503 otherwise.
                    "lock_store": "degraded" while Redis is down (the bot still answers, see bot/lock_store.py).
GET /ops/metrics -> Prometheus text format (bot/metrics.py); counts and timings only, no personal data.
                    nginx does not pass /ops/metrics to the outside (deploy/).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from sqlalchemy import text

from lotse.settings import settings


def database_reachable(tracker_store: Any) -> bool:
    """SELECT 1 on the tracker store's database (SQL tracker stores only; others count as reachable)."""
    engine = getattr(tracker_store, "engine", None)
    if engine is None:
        return True
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        return True
    except Exception:
        return False


async def health_report(agent: Any) -> tuple[dict[str, str], int]:
    """What /ops/health answers, and its status code."""
    model = "ok" if agent is not None and agent.is_ready() else "missing"
    tracker_store = getattr(agent, "tracker_store", None)
    database = "ok" if await asyncio.to_thread(database_reachable, tracker_store) else "unreachable"
    lock_store = "degraded" if getattr(getattr(agent, "lock_store", None), "degraded", False) else "ok"
    healthy = model == "ok" and database == "ok"
    body = {
        "status": "ok" if healthy else "unavailable",
        "model": model,
        "database": database,
        "lock_store": lock_store,
    }
    return body, 200 if healthy else 503


class OpsInput(InputChannel):
    """Not a chat channel: the operators' endpoints, registered like one so every Rasa server has them."""

    @classmethod
    def name(cls) -> str:
        return "ops"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        return cls()

    def url_prefix(self) -> str:
        return "/ops"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        ops = Blueprint("ops", __name__)

        @ops.route("/health", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            body, status = await health_report(getattr(request.app.ctx, "agent", None))
            return response.json(body, status=status)

        @ops.route("/metrics", methods=["GET"])
        async def metrics(request: Request) -> HTTPResponse:
            if not settings().metrics:
                return response.json({"error": "metrics are off (LOTSE_METRICS)"}, status=404)
            return response.raw(generate_latest(), content_type=CONTENT_TYPE_LATEST)

        return ops
