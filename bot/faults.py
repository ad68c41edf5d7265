"""A family never gets silence when the action server hangs or is down.

Rasa 3.6 waits up to 5 minutes for a custom action and, when the action server is unreachable,
logs an error and sends nothing. Here every call to the action server gets a deadline
(settings: LOTSE_ACTION_TIMEOUT, 2.5 s, so the reply arrives within 3 s); when it passes or the
server cannot be reached, the Rasa server answers itself with `utter_service_unavailable` (the
Familienzentrum's contact and the emergency numbers) and listens again. The next message goes to
the action server as usual, so the conversation continues once it is back.

A rejection by a form's validation (ActionExecutionRejection) is normal dialogue, not a fault; it
passes through unchanged.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import TYPE_CHECKING

from rasa.core.actions.action import ActionExecutionRejection, RemoteAction, create_bot_utterance
from rasa.shared.core.events import Event, FollowupAction
from rasa.shared.exceptions import RasaException

from bot import metrics
from lotse.settings import settings

if TYPE_CHECKING:
    from rasa.core.channels.channel import OutputChannel
    from rasa.core.nlg import NaturalLanguageGenerator
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.trackers import DialogueStateTracker

logger = logging.getLogger(__name__)

APOLOGY = "utter_service_unavailable"
ADDRESS = "utter_familienzentrum_address"
CONTACT_REFRESH_S = 600.0

_original_run = RemoteAction.run
_contact: tuple[float, str] | None = None


def _read_contact() -> str | None:
    """The Familienzentrum's contact lines from the offers database, or None when it cannot be read."""
    from actions.common import contact_lines, familienzentrum

    try:
        offer = familienzentrum()
    except Exception:
        logger.warning("Familienzentrum-Kontakt nicht lesbar; Antwort mit der Adresse aus domain.yml")
        return None
    return contact_lines(offer) if offer else None


async def familienzentrum_contact(domain: Domain) -> str:
    """Contact lines, read at most every CONTACT_REFRESH_S; the address from domain.yml if unreadable."""
    global _contact
    now = time.monotonic()
    if _contact is None or now - _contact[0] > CONTACT_REFRESH_S:
        lines = await asyncio.to_thread(_read_contact)
        if lines:
            _contact = (now, lines)
        elif _contact is None:
            return str(domain.responses[ADDRESS][0]["text"])
    return _contact[1]


async def apology(
    nlg: NaturalLanguageGenerator, tracker: DialogueStateTracker, output_channel: OutputChannel, domain: Domain
) -> list[Event]:
    """The apology as the bot's answer, then listen (no second try in the same turn)."""
    contact = await familienzentrum_contact(domain)
    message = await nlg.generate(APOLOGY, tracker, output_channel.name(), contact=contact)
    utterance = create_bot_utterance(message or {"text": contact})
    return [utterance, FollowupAction("action_listen")]


async def run_with_deadline(
    self: RemoteAction,
    output_channel: OutputChannel,
    nlg: NaturalLanguageGenerator,
    tracker: DialogueStateTracker,
    domain: Domain,
) -> list[Event]:
    """RemoteAction.run with a deadline; the apology instead of silence when the action server fails."""
    deadline = settings().action_timeout_s
    try:
        return await asyncio.wait_for(_original_run(self, output_channel, nlg, tracker, domain), deadline)
    except ActionExecutionRejection:
        raise
    except (asyncio.TimeoutError, RasaException) as error:
        reason = "timeout" if isinstance(error, asyncio.TimeoutError) else "unreachable"
        metrics.ACTION_ERRORS.labels(reason=reason).inc()
        logger.error("Aktionsserver: %s bei %s – Entschuldigung gesendet", reason, self.name())
        return await apology(nlg, tracker, output_channel, domain)


def install() -> None:
    """Put the deadline around every call to the action server (called once by bot.rasa_server)."""
    RemoteAction.run = run_with_deadline
